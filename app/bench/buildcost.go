//go:build !wasm

package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// buildCost is the wall time and peak resident memory of compiling a
// content folder in a child process, medians over runs.
type buildCost struct {
	wall, rssMiB float64
	how          string
}

// gnuTime is GNU time, which reports a child's own peak memory.
const gnuTime = "/usr/bin/time"

// measureBuild runs check (a command that compiles a folder given with
// -content) on dir runs times. The peak memory comes from GNU time when
// there is one: a child started straight from this process inherits this
// process's high-water mark at exec, so its own rusage is only an upper
// bound, used as a fallback.
func measureBuild(ctx context.Context, check []string, dir, tmp string, runs int) (buildCost, error) {
	if len(check) == 0 {
		return buildCost{}, fmt.Errorf("no check command")
	}
	_, err := os.Stat(gnuTime)
	useTime := err == nil
	bc := buildCost{how: "GNU time"}
	if !useTime {
		bc.how = "rusage, an upper bound"
	}
	var walls, rss []float64
	for i := range runs {
		args := append(append([]string{}, check...), "-content", dir)
		rssFile := filepath.Join(tmp, fmt.Sprintf("rss-%d.txt", i))
		if useTime {
			args = append([]string{gnuTime, "-f", "%M", "-o", rssFile}, args...)
		}
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return buildCost{}, fmt.Errorf("%s: %w\n%s", strings.Join(args, " "), err, tail(out.String(), 1000))
		}
		walls = append(walls, ms(time.Since(start)))
		if useTime {
			b, err := os.ReadFile(rssFile)
			if err != nil {
				return buildCost{}, fmt.Errorf("peak memory: %w", err)
			}
			kb, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
			if err != nil {
				return buildCost{}, fmt.Errorf("peak memory: GNU time wrote %q", b)
			}
			rss = append(rss, kb/1024)
		} else if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = append(rss, float64(ru.Maxrss)/1024) // kilobytes on Linux
		}
	}
	bc.wall, bc.rssMiB = median(walls), median(rss)
	return bc, nil
}
