//go:build !wasm

package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/precompress"
)

// mainPkg is the explorer's main package, inside the repository.
const mainPkg = "./app/cmd/explorer"

// goTool returns the go command of the running toolchain.
func goTool() string {
	if root := runtime.GOROOT(); root != "" {
		p := filepath.Join(root, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}

// goEnv returns a go env value, such as GOROOT.
func goEnv(key string) string {
	out, err := exec.Command(goTool(), "env", key).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// compile compiles a content folder as every build does.
func compile(dir string) (*corpus.Corpus, error) {
	c, _, err := artifact.Compile(dir)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", dir, err)
	}
	return c, nil
}

// corpusRoot is one corpus ready to serve: its artifact, and a root holding web/
// with a WASM built with it, and a server binary built with it.
type corpusRoot struct {
	name     string
	col      int
	dir      string // the content folder
	c        *corpus.Corpus
	artifact string // the encoded corpus
	root     string // holds web/
	server   string // the native explorer binary
	wasm     precompress.File
}

// prepare compiles dir and builds a root for it under tmp: the artifact is
// given to go build through an overlay that stands in for the shared
// app/embedded/corpus.bin, which stays untouched.
func prepare(ctx context.Context, repo, tmp, name string, col int, dir string, compression precompress.Options, logf func(string, ...any)) (*corpusRoot, error) {
	s := &corpusRoot{name: name, col: col, dir: dir, root: filepath.Join(tmp, name)}
	c, err := compile(dir)
	if err != nil {
		return nil, err
	}
	s.c = c
	web := filepath.Join(s.root, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return nil, fmt.Errorf("prepare %s: %w", name, err)
	}
	overlay, err := artifact.WriteOverlay(repo, s.root, corpus.Encode(c))
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", name, err)
	}
	s.artifact = filepath.Join(s.root, "corpus.bin")
	if err := copyStatic(filepath.Join(repo, "web"), web); err != nil {
		return nil, fmt.Errorf("prepare %s: %w", name, err)
	}
	logf("%s: %d documents; building the WASM and the server, then the compressed twins", name, len(c.Docs))
	s.server = filepath.Join(s.root, "explorer")
	stats, err := buildRoot(ctx, repo, s.root, s.server, mainPkg, compression, "-overlay", overlay)
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", name, err)
	}
	f, ok := stats.Lookup("app.wasm")
	if !ok {
		return nil, fmt.Errorf("prepare %s: precompress did not list app.wasm", name)
	}
	s.wasm = f
	return s, nil
}

// buildRoot builds the command pkg into root as the app is built: for the
// browser into root/web/app.wasm and natively into server, both with
// goFlags (an overlay, say), then writes the compressed twins of root/web.
func buildRoot(ctx context.Context, repo, root, server, pkg string, compression precompress.Options, goFlags ...string) (precompress.Stats, error) {
	web := filepath.Join(root, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		return precompress.Stats{}, err
	}
	wasm := append(append([]string{"build", "-trimpath", "-ldflags=-s -w"}, goFlags...), "-o", filepath.Join(web, "app.wasm"), pkg)
	if err := goRun(ctx, repo, []string{"GOOS=js", "GOARCH=wasm"}, wasm...); err != nil {
		return precompress.Stats{}, err
	}
	native := append(append([]string{"build", "-trimpath"}, goFlags...), "-o", server, pkg)
	if err := goRun(ctx, repo, nil, native...); err != nil {
		return precompress.Stats{}, err
	}
	stats, err := precompress.Dir(web, compression)
	if err != nil {
		return precompress.Stats{}, fmt.Errorf("precompress: %w", err)
	}
	return stats, nil
}

// copyStatic copies the static files of web/ (not the WASM, not the
// compressed twins, which are rebuilt) into dst.
func copyStatic(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return fmt.Errorf("copy static files: %w", err)
	}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || n == "app.wasm" || strings.HasSuffix(n, ".br") || strings.HasSuffix(n, ".gz") || strings.HasPrefix(n, ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			return fmt.Errorf("copy static files: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dst, n), b, 0o644); err != nil {
			return fmt.Errorf("copy static files: %w", err)
		}
	}
	return nil
}

// goRun runs the go tool in the repository; its output is returned in the
// error when it fails.
func goRun(ctx context.Context, repo string, env []string, args ...string) error {
	cmd := exec.CommandContext(ctx, goTool(), args...)
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, tail(out.String(), 2000))
	}
	return nil
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// child is a running explorer binary.
type child struct {
	URL  string
	cmd  *exec.Cmd
	done chan error
}

// freePort returns a loopback address nobody listens on, for a child to
// take.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("find a free port: %w", err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return "", fmt.Errorf("find a free port: %w", err)
	}
	return addr, nil
}

// start runs the site's server on a free loopback port and waits until it
// answers.
func (s *corpusRoot) start(ctx context.Context) (*child, error) {
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	return startChild(ctx, "server for "+s.name, filepath.Join(s.root, "server.log"), "http://"+addr, "/web/style.css", s.server, "-addr", addr, "-root", s.root)
}

// startChild runs a server, its output in logPath, and waits until url +
// ready answers 200 OK.
func startChild(ctx context.Context, name, logPath, url, ready, bin string, args ...string) (*child, error) {
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("%s: log: %w", name, err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	srv := &child{URL: url, cmd: cmd, done: make(chan error, 1)}
	go func() {
		srv.done <- cmd.Wait()
		logFile.Close()
	}()
	deadline := time.Now().Add(30 * time.Second)
	client := &http.Client{Timeout: 2 * time.Second}
	last := "no answer"
	for {
		resp, err := client.Get(url + ready)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return srv, nil
			}
			last = resp.Status
		}
		select {
		case err := <-srv.done:
			return nil, fmt.Errorf("%s exited: %v (see %s)", name, err, logPath)
		case <-ctx.Done():
			srv.stop()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			srv.stop()
			return nil, fmt.Errorf("%s did not answer %s with 200 OK within 30s (last: %s; see %s)", name, ready, last, logPath)
		}
	}
}

// stop ends the server: SIGTERM, then SIGKILL after five seconds.
func (srv *child) stop() {
	if srv == nil || srv.cmd.Process == nil {
		return
	}
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		srv.cmd.Process.Kill()
	}
	select {
	case <-srv.done:
	case <-time.After(5 * time.Second):
		srv.cmd.Process.Kill()
		<-srv.done
	}
}
