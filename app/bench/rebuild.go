//go:build !wasm

package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// goalRebuild is issue 15's bound on `make run` over an unchanged tree,
// from the command to the first page.
const goalRebuild = 10 * time.Second

// rebuildRuns is how many times `make run` is timed.
const rebuildRuns = 3

// rebuild times the serve command (Options.Serve, `make run`'s own) on the
// repository's tree, from its start until it answers /, after one run that
// leaves the tree built.
func (r *runner) rebuild(ctx context.Context) error {
	if len(r.opts.Serve) == 0 {
		r.notes = append(r.notes, "make run not timed: no serve command")
		return nil
	}
	var times []float64
	for i := range rebuildRuns + 1 {
		d, err := timeServe(ctx, r.opts.Serve, r.opts.Repo, filepath.Join(r.tmp, fmt.Sprintf("serve-%d.log", i)))
		if err != nil {
			return err
		}
		r.logf("  run %d: first page after %v", i, d.Round(10*time.Millisecond))
		if i > 0 { // the first run may build what changed
			times = append(times, ms(d))
		}
	}
	t := median(times)
	metric := fmt.Sprintf("make run on an unchanged tree → first page (median of %d)", rebuildRuns)
	r.t.set("Build", metric, colOurs, fmtMS(t))
	r.t.judge("Build", metric, "≤ 10 s", t <= ms(goalRebuild))
	return nil
}

// timeServe starts serve with a free address in its own process group,
// waits until / answers 200 OK, and stops the group.
func timeServe(ctx context.Context, serve []string, dir, logPath string) (time.Duration, error) {
	addr, err := freePort()
	if err != nil {
		return 0, err
	}
	logFile, err := os.Create(logPath)
	if err != nil {
		return 0, fmt.Errorf("serve log: %w", err)
	}
	defer logFile.Close()
	start := time.Now()
	cmd := exec.Command(serve[0], append(serve[1:], "-addr", addr)...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("start %v: %w", serve, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	}()
	client := &http.Client{Timeout: 2 * time.Second}
	limit := time.After(5 * time.Minute)
	for {
		if resp, err := client.Get("http://" + addr + "/"); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return time.Since(start), nil
			}
		}
		select {
		case err := <-done:
			done <- err
			return 0, fmt.Errorf("%v exited before serving: %v (see %s)", serve, err, logPath)
		case <-limit:
			return 0, errors.New("make run did not answer within 5 minutes")
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
