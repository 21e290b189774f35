//go:build !wasm

package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// benchLine is one result line of go test -bench: the benchmark's name
// without the GOMAXPROCS suffix, and its metrics by unit.
type benchLine struct {
	Name    string
	Metrics map[string]float64
}

// parseBench reads the result lines of go test -bench output.
func parseBench(out []byte) []benchLine {
	var lines []benchLine
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		l := benchLine{Name: name, Metrics: map[string]float64{}}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			l.Metrics[f[i+1]] = v
		}
		lines = append(lines, l)
	}
	return lines
}

// medians returns, for each benchmark, the median of each metric over its
// runs (-count).
func medians(lines []benchLine) map[string]map[string]float64 {
	all := map[string]map[string][]float64{}
	for _, l := range lines {
		if all[l.Name] == nil {
			all[l.Name] = map[string][]float64{}
		}
		for k, v := range l.Metrics {
			all[l.Name][k] = append(all[l.Name][k], v)
		}
	}
	out := map[string]map[string]float64{}
	for name, ms := range all {
		out[name] = map[string]float64{}
		for k, vs := range ms {
			out[name][k] = median(vs)
		}
	}
	return out
}

// goBench runs go test -bench in the repository, natively or under
// GOOS=js GOARCH=wasm with Go's Node runner, and returns the medians.
func goBench(ctx context.Context, repo string, wasm bool, pkg, pattern, benchtime string, count int) (map[string]map[string]float64, error) {
	args := []string{"test", "-run", "^$", "-bench", pattern, "-benchtime", benchtime, "-count", strconv.Itoa(count)}
	var env []string
	if wasm {
		env = []string{"GOOS=js", "GOARCH=wasm"}
		args = append(args, "-exec="+filepath.Join(goEnv("GOROOT"), "lib", "wasm", "go_js_wasm_exec"))
	}
	args = append(args, pkg)
	cmd := exec.CommandContext(ctx, goTool(), args...)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, tail(string(out), 2000))
	}
	m := medians(parseBench(out))
	if len(m) == 0 {
		return nil, fmt.Errorf("go %s: no benchmark results\n%s", strings.Join(args, " "), tail(string(out), 2000))
	}
	return m, nil
}
