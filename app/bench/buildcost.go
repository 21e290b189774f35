//go:build !wasm

package bench

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// buildCost is the wall time and peak resident memory of compiling a
// content folder in a child process, medians over runs.
type buildCost struct {
	wall, rssMiB float64
}

// measureBuild runs check (a command that compiles a folder given with
// -content) on dir runs times and reads each child's own peak memory from
// its rusage.
func measureBuild(ctx context.Context, check []string, dir string, runs int) (buildCost, error) {
	if len(check) == 0 {
		return buildCost{}, fmt.Errorf("no check command")
	}
	var walls, rss []float64
	for range runs {
		cmd := exec.CommandContext(ctx, check[0], append(append([]string{}, check[1:]...), "-content", dir)...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return buildCost{}, fmt.Errorf("%s -content %s: %w\n%s", strings.Join(check, " "), dir, err, tail(out.String(), 1000))
		}
		walls = append(walls, ms(time.Since(start)))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = append(rss, float64(ru.Maxrss)/1024) // kilobytes on Linux
		}
	}
	return buildCost{wall: median(walls), rssMiB: median(rss)}, nil
}
