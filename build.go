//go:build ignore

// build.go is the one entry point for building Pattern Explorer:
//
//	go run build.go [build]   compile content/, build the WASM, precompress web/
//	go run build.go check     check a content folder and print a summary
//	go run build.go run       build, then serve on http://localhost:8000
//	go run build.go static    build, then write a static site to dist/
//	go run build.go test      build, then vet and run every test
//	go run build.go bench     run the benchmarks and write bench/RESULTS.md
//	go run build.go loadtest  load the server on loopback for a bounded time
//
// Every command takes -content DIR (default content). The Makefile only
// wraps these commands.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/devrel-patterns/explorer/app/bench"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/layout"
	"github.com/devrel-patterns/explorer/app/precompress"
	"github.com/devrel-patterns/explorer/app/search"
)

const (
	artifactPath = "app/embedded/corpus.bin"
	wasmPath     = "web/app.wasm"
	mainPkg      = "./app/cmd/explorer"
)

func main() {
	cmd, args := "build", os.Args[1:]
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	if err := run(cmd, args); err != nil {
		var exit exitCode
		if errors.As(err, &exit) {
			os.Exit(int(exit))
		}
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

// exitCode ends the program with a status and no further message.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func run(cmd string, args []string) error {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	content := fs.String("content", "content", "folder of pattern files")
	asJSON := fs.Bool("json", false, "check: print the report as JSON")
	addr := fs.String("addr", "", "run: listen address (default :8000, or :$PORT)")
	out := fs.String("out", "dist", "static: output folder")
	base := fs.String("base", "/", "static: URL prefix the site is served under")
	duration := fs.Duration("duration", bench.DefaultLoadDuration, "loadtest: how long to load the server (at most 1m)")
	if err := fs.Parse(args); err != nil {
		return exitCode(2)
	}
	switch cmd {
	case "check":
		return check(*content, *asJSON)
	case "build":
		return build(*content)
	case "run":
		if err := build(*content); err != nil {
			return err
		}
		serve := []string{"run", "-trimpath", mainPkg, "-root", "."}
		if *addr != "" { // else the server's own default: :8000, or :$PORT
			serve = append(serve, "-addr", *addr)
		}
		return goCmd(nil, serve...)
	case "static":
		if err := build(*content); err != nil {
			return err
		}
		return goCmd(nil, "run", "-trimpath", mainPkg, "-export", *out, "-base", *base, "-root", ".")
	case "test":
		return test(*content)
	case "bench":
		return benchmark(*content)
	case "loadtest":
		return loadTest(*content, *duration)
	default:
		return fmt.Errorf("unknown command %q (want build, check, run, static, test, bench or loadtest)", cmd)
	}
}

// compile compiles a content folder with the build-time layout and search
// vocabulary.
func compile(dir string) (*corpus.Corpus, compiler.Report, error) {
	return compiler.Compile(os.DirFS(dir), compiler.Options{
		Dir:        filepath.ToSlash(filepath.Clean(dir)),
		Layout:     layout.Func(layout.Options{}),
		Vocabulary: search.Vocabulary,
	})
}

// check prints a summary of a content folder; errors make it exit 1.
func check(dir string, asJSON bool) error {
	_, rep, err := compile(dir)
	var list compiler.ErrorList
	if err != nil && !errors.As(err, &list) {
		return err
	}
	if asJSON {
		if rep.Broken == nil {
			rep.Broken = []compiler.BrokenLink{}
		}
		if rep.Warnings == nil {
			rep.Warnings = []compiler.Diagnostic{}
		}
		if rep.Errors == nil {
			rep.Errors = []compiler.Diagnostic{}
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, d := range rep.Errors {
			fmt.Fprintf(os.Stderr, "%s\n", d)
		}
		for _, d := range rep.Warnings {
			fmt.Fprintf(os.Stderr, "%s (warning)\n", d)
		}
		fmt.Printf("%s: %d patterns, %d pages, %d links, %d edges, %d broken links, %d warnings, %d errors\n",
			dir, rep.Patterns, rep.Pages, rep.Links, rep.Edges, len(rep.Broken), len(rep.Warnings), len(rep.Errors))
	}
	if len(rep.Errors) > 0 {
		return exitCode(1)
	}
	return nil
}

// build compiles the content into the embedded artifact, builds the WASM
// and writes the precompressed twins of web/.
func build(dir string) error {
	start := time.Now()
	c, rep, err := compile(dir)
	for _, d := range rep.Warnings {
		fmt.Fprintf(os.Stderr, "%s (warning)\n", d)
	}
	if err != nil {
		var list compiler.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintln(os.Stderr, list.Error())
			return exitCode(1)
		}
		return err
	}
	if err := writeIfChanged(artifactPath, corpus.Encode(c)); err != nil {
		return err
	}
	fmt.Printf("corpus: %d patterns, %d pages, %d edges from %s in %v\n",
		rep.Patterns, rep.Pages, rep.Edges, dir, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	wasmEnv := []string{"GOOS=js", "GOARCH=wasm"}
	if err := goCmd(wasmEnv, "build", "-trimpath", "-ldflags=-s -w", "-o", wasmPath, mainPkg); err != nil {
		return err
	}
	fmt.Printf("wasm: built in %v\n", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	stats, err := precompress.Dir("web", webCompression)
	if err != nil {
		return err
	}
	if f, ok := stats.Lookup("app.wasm"); ok {
		fmt.Printf("wasm: %s raw, %s gzip, %s brotli (twins written in %v)\n",
			mib(f.Raw), mib(f.Gzip), mib(f.Brotli), time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// webCompression is how the twins of web/ are written; the bench builds
// its roots the same way. The WASM is most of a first visit: smallest wins.
var webCompression = precompress.Options{LargeBrotliQuality: 11}

// mib formats a byte count.
func mib(n int64) string { return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20)) }

// writeIfChanged writes a file unless it already holds those bytes, so
// that an unchanged corpus does not make Go rebuild the app.
func writeIfChanged(name string, data []byte) error {
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

// goCmd runs the go tool with extra environment, its output going to ours.
func goCmd(env []string, args ...string) error {
	cmd := exec.Command(goTool(), args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return nil
}

func goTool() string {
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// test builds everything, vets, runs the native tests (browser tests
// included) and the WASM-side tests under Node.
func test(dir string) error {
	if err := build(dir); err != nil {
		return err
	}
	wasmEnv := []string{"GOOS=js", "GOARCH=wasm"}
	wasmPkgs, err := wasmTestPackages()
	if err != nil {
		return err
	}
	steps := []struct {
		env  []string
		args []string
	}{
		{nil, []string{"vet", "./..."}},
		{wasmEnv, append([]string{"vet"}, wasmPkgs...)},
		{nil, []string{"test", "-count=1", "-timeout=20m", "./..."}},
		{wasmEnv, append([]string{"test", "-count=1", "-exec=" + wasmExec()}, wasmPkgs...)},
	}
	for _, s := range steps {
		if err := goCmd(s.env, s.args...); err != nil {
			return err
		}
	}
	return nil
}

// wasmExec is Go's runner for js/wasm test binaries, under Node.
func wasmExec() string {
	return filepath.Join(runtime.GOROOT(), "lib", "wasm", "go_js_wasm_exec")
}

// wasmTestPackages lists the packages that build for js/wasm and have
// tests.
func wasmTestPackages() ([]string, error) {
	cmd := exec.Command(goTool(), "list", "-e", "-f", "{{if and (not .Error) .TestGoFiles}}{{.ImportPath}}{{end}}", "./app/...")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = io.Discard
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	return strings.Fields(string(out)), nil
}

// benchmark measures the app (package app/bench) and writes
// bench/RESULTS.md; it builds what it needs in temporary folders and leaves
// the repository's build outputs alone.
func benchmark(dir string) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	return bench.Run(context.Background(), bench.Options{Content: dir, Check: []string{self, "check"}, Compression: webCompression})
}

// loadTest builds, serves the app from this process on a loopback port,
// loads it for a bounded time, prints the report and fails on any error.
func loadTest(dir string, d time.Duration) error {
	if err := build(dir); err != nil {
		return err
	}
	b, err := os.ReadFile(artifactPath)
	if err != nil {
		return fmt.Errorf("load test: %w", err)
	}
	c, err := corpus.Decode(b)
	if err != nil {
		return fmt.Errorf("load test: decode %s: %w", artifactPath, err)
	}
	rep, err := bench.LoadTest(context.Background(), c, ".", d)
	if err != nil {
		return err
	}
	fmt.Print(rep.Markdown())
	if rep.Errors > 0 {
		return fmt.Errorf("load test: %d errors in %d requests", rep.Errors, rep.Requests)
	}
	return nil
}
