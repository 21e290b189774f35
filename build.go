//go:build ignore

// build.go is the one entry point for building Pattern Explorer:
//
//	go run build.go [build]   compile content/, build the WASM, precompress web/
//	go run build.go check     check a content folder and print a summary
//	go run build.go run       build, then serve on http://localhost:8000
//	go run build.go dev       build, then serve on localhost and follow every edit
//	go run build.go static    build, then write a static site to dist/
//	go run build.go test      build, then vet and run every test
//	go run build.go soak      build, then run the browser tests -n times
//	go run build.go bench     run the benchmarks and write bench/RESULTS.md
//	go run build.go loadtest  load the server on loopback for a bounded time
//
// Every command takes -content DIR (default content). The artifact of
// content/ is committed (app/embedded/corpus.bin); any other folder is built
// through an overlay in .build/, so the committed file never changes under
// it. The Makefile only wraps these commands.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/bench"
	"github.com/devrel-patterns/explorer/app/card"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/devserver"
	"github.com/devrel-patterns/explorer/app/precompress"
)

const (
	wasmPath = "web/app.wasm"
	mainPkg  = "./app/cmd/explorer"
	// workDir holds what a build makes outside web/: the overlay for a
	// content folder other than content/, the server binary.
	workDir = ".build"
)

// browserPkgs are the packages whose tests drive Chromium (or, for the dev
// server, a watched folder); soak runs them.
var browserPkgs = []string{"./app/e2e/...", "./app/graph/", "./app/devserver/", "./app/internal/hostile/"}

func main() {
	cmd, args := "build", os.Args[1:]
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, cmd, args)
	stop()
	if err != nil {
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

func run(ctx context.Context, cmd string, args []string) error {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	content := fs.String("content", artifact.DefaultContent, "folder of pattern files")
	asJSON := fs.Bool("json", false, "check: print the report as JSON")
	addr := fs.String("addr", "", "run, dev: listen address (run: default :8000, or :$PORT; dev: localhost:8000, or localhost:$PORT)")
	editor := fs.String("editor", "", "dev: URL that opens a file in your editor, e.g. 'vscode://file/{path}:{line}'")
	out := fs.String("out", "dist", "static: output folder")
	base := fs.String("base", "", "static: URL prefix the site is served under, e.g. /explorer (or give -site with a path)")
	siteAddr := fs.String("site", "", "build, run, static: the public address, e.g. https://example.org/explorer (its path is the prefix); else jbake.properties' site.host")
	title := fs.String("title", "", "build, run, static: the site's name (default: the title of the content's index or introduction page)")
	duration := fs.Duration("duration", bench.DefaultLoadDuration, "loadtest: how long to load the server (at most 1m)")
	n := fs.Int("n", 10, "soak: how many runs of the browser tests")
	if err := fs.Parse(args); err != nil {
		return exitCode(2)
	}
	site, err := siteOf(*siteAddr, *base, *title)
	if err != nil {
		return err
	}
	switch cmd {
	case "check":
		dir, err := folderArg(*content, fs.Args())
		if err != nil {
			return err
		}
		return check(dir, *asJSON)
	case "build":
		_, err := build(ctx, *content, site)
		return err
	case "run":
		b, err := build(ctx, *content, site)
		if err != nil {
			return err
		}
		serve := []string{"-root", "."}
		if *addr != "" { // else the server's own default: :8000, or :$PORT
			serve = append(serve, "-addr", *addr)
		}
		return b.server(ctx, serve...)
	case "static":
		b, err := build(ctx, *content, site)
		if err != nil {
			return err
		}
		return b.server(ctx, "-export", *out, "-root", ".", "-content", *content)
	case "dev":
		return dev(ctx, *content, *addr, *editor)
	case "test":
		return test(ctx, *content)
	case "soak":
		return soak(ctx, *content, *n)
	case "bench":
		return benchmark(ctx, *content)
	case "loadtest":
		return loadTest(ctx, *content, *duration)
	default:
		return fmt.Errorf("unknown command %q (want build, check, run, dev, static, test, soak, bench or loadtest)", cmd)
	}
}

// siteOf is the site a build is for, from -site, -base and -title: the
// prefix of -site's address, or -base; both at once must agree.
func siteOf(addr, base, title string) (corpus.Site, error) {
	var site corpus.Site
	if addr != "" {
		s, err := corpus.ParseSite(addr)
		if err != nil {
			return corpus.Site{}, fmt.Errorf("-site: %w", err)
		}
		site = s
	}
	prefix, err := corpus.CleanPrefix(base)
	if err != nil {
		return corpus.Site{}, fmt.Errorf("-base: %w", err)
	}
	switch {
	case base == "":
	case addr != "" && prefix != site.Prefix:
		return corpus.Site{}, fmt.Errorf("-base %s and -site %s name two prefixes: give one", base, addr)
	default:
		site.Prefix = prefix
	}
	site.Name = strings.TrimSpace(title)
	return site, nil
}

// folderArg is the content folder of `check DIR`: the argument if there
// is one, else -content; both at once must agree.
func folderArg(content string, args []string) (string, error) {
	switch {
	case len(args) == 0:
		return content, nil
	case len(args) > 1:
		return "", fmt.Errorf("check: one content folder at most, got %q", args)
	case content != artifact.DefaultContent && filepath.Clean(content) != filepath.Clean(args[0]):
		return "", fmt.Errorf("check: two content folders, -content %s and %s", content, args[0])
	}
	return args[0], nil
}

// check prints a summary of a content folder; errors make it exit 1, and
// so does a folder without a single pattern.
func check(dir string, asJSON bool) error {
	_, rep, err := artifact.Compile(dir)
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
		if rep.Images == nil {
			rep.Images = []compiler.Image{}
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
		imageBytes := 0
		for _, im := range rep.Images {
			imageBytes += im.Bytes
		}
		fmt.Printf("%s: %d patterns, %d pages, %d links, %d edges, %d broken links, %d images (%d bytes), %d warnings, %d errors\n",
			dir, rep.Patterns, rep.Pages, rep.Links, rep.Edges, len(rep.Broken), len(rep.Images), imageBytes, len(rep.Warnings), len(rep.Errors))
	}
	if len(rep.Errors) > 0 {
		return exitCode(1)
	}
	if rep.Patterns == 0 {
		return fmt.Errorf("check: %s has no pattern (a .md file with type=pattern)", dir)
	}
	return nil
}

// built is a finished build: the flags every later go command needs to
// see the same corpus (an overlay, for a folder other than content/).
type built struct {
	goFlags []string
}

// build compiles the content into its artifact, builds the WASM and
// writes the precompressed twins of web/. Nothing is rewritten whose bytes
// did not change, so an unchanged tree skips the compression.
func build(ctx context.Context, dir string, site corpus.Site) (built, error) {
	start := time.Now()
	c, rep, err := artifact.CompileFor(dir, site)
	for _, d := range rep.Warnings {
		fmt.Fprintf(os.Stderr, "%s (warning)\n", d)
	}
	if err != nil {
		var list compiler.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintln(os.Stderr, list.Error())
			return built{}, exitCode(1)
		}
		return built{}, err
	}
	var b built
	data := corpus.Encode(c)
	if artifact.IsDefault(".", dir) && site == (corpus.Site{}) {
		err = artifact.WriteIfChanged(artifact.Path, data)
	} else {
		var ov string
		ov, err = artifact.WriteOverlay(".", workDir, data)
		b.goFlags = []string{"-overlay", ov}
	}
	if err != nil {
		return built{}, err
	}
	fmt.Printf("corpus: %d patterns, %d pages, %d edges from %s in %v\n",
		rep.Patterns, rep.Pages, rep.Edges, dir, time.Since(start).Round(time.Millisecond))
	if _, err := artifact.WriteImages(".", rep.Images); err != nil {
		return built{}, err
	}
	start = time.Now()
	drawn, err := card.Write(c, ".")
	if err != nil {
		return built{}, err
	}
	fmt.Printf("share cards: %d drawn in %v\n", drawn, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	changed, err := b.buildWASM(ctx)
	if err != nil {
		return built{}, err
	}
	fmt.Printf("wasm: built in %v%s\n", time.Since(start).Round(time.Millisecond), map[bool]string{false: " (unchanged)"}[changed])
	start = time.Now()
	stats, err := precompress.Dir("web", webCompression)
	if err != nil {
		return built{}, err
	}
	if f, ok := stats.Lookup("app.wasm"); ok {
		fmt.Printf("wasm: %s raw, %s gzip, %s brotli (twins in %v)\n",
			mib(f.Raw), mib(f.Gzip), mib(f.Brotli), time.Since(start).Round(time.Millisecond))
	}
	return b, nil
}

// buildWASM builds the app for the browser into the work folder and moves
// it to web/ only when its bytes changed, so that its compressed twins
// stay valid; it reports whether it changed.
func (b built) buildWASM(ctx context.Context) (bool, error) {
	if err := os.MkdirAll(workDir, 0o755); err != nil {
		return false, err
	}
	fresh := filepath.Join(workDir, "app.wasm")
	args := append([]string{"build", "-trimpath", "-ldflags=-s -w"}, b.goFlags...)
	if err := goCmd(ctx, wasmEnv, append(args, "-o", fresh, mainPkg)...); err != nil {
		return false, err
	}
	data, err := os.ReadFile(fresh)
	if err != nil {
		return false, err
	}
	if old, err := os.ReadFile(wasmPath); err == nil && bytes.Equal(old, data) {
		return false, os.Remove(fresh)
	}
	return true, os.Rename(fresh, wasmPath)
}

// server builds the native explorer with the build's corpus and runs it
// with args. An interrupt or SIGTERM reaches it, and build.go waits for it
// to stop.
func (b built) server(ctx context.Context, args ...string) error {
	bin := filepath.Join(workDir, "explorer")
	if err := goCmd(ctx, nil, append(append([]string{"build", "-trimpath"}, b.goFlags...), "-o", bin, mainPkg)...); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 15 * time.Second
	if err := cmd.Run(); err != nil && ctx.Err() == nil {
		return fmt.Errorf("explorer %s: %w", strings.Join(args, " "), err)
	}
	return nil
}

// dev builds the WASM once, then runs the dev server (app/devserver) on a
// loopback address: it compiles the content, recompiles it on every change
// and the open pages show it in place; a change of the app's code (app/,
// web/) rebuilds the WASM and reloads them. Content that does not compile
// does not stop it: the pages show the errors.
func dev(ctx context.Context, dir, addr, editor string) error {
	// The page loads its corpus from the dev server, so the WASM is that
	// of the committed corpus, whatever the folder; and it is served on
	// this machine, so it goes without compressed twins (a stale twin is
	// never served): a start with an unchanged app takes seconds.
	start := time.Now()
	var b built
	if _, err := b.buildWASM(ctx); err != nil {
		return err
	}
	fmt.Printf("wasm: built in %v\n", time.Since(start).Round(time.Millisecond))
	if addr == "" {
		addr = devserver.DefaultAddr
		if p := os.Getenv("PORT"); p != "" {
			addr = "localhost:" + p
		}
	}
	opts := devserver.Options{
		Content: dir,
		Root:    ".",
		Editor:  editor,
		Code:    []string{"app", "web"},
		Rebuild: func(ctx context.Context) error {
			_, err := b.buildWASM(ctx)
			return err
		},
		Logger: slog.New(slog.NewTextHandler(os.Stderr, nil)),
	}
	if artifact.IsDefault(".", dir) {
		// Keep the committed artifact as current as a build would.
		opts.Compiled = func(data []byte) error { return artifact.WriteIfChanged(artifact.Path, data) }
	}
	s, err := devserver.New(opts)
	if err != nil {
		return err
	}
	return s.Run(ctx, addr)
}

// webCompression is how the twins of web/ are written; the bench builds
// its roots the same way. The WASM is most of a first visit: smallest wins.
var webCompression = precompress.Options{LargeBrotliQuality: 11}

// wasmEnv is the environment of a go command that targets the browser.
var wasmEnv = []string{"GOOS=js", "GOARCH=wasm"}

// mib formats a byte count.
func mib(n int64) string { return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20)) }

// goCmd runs the go tool with extra environment, its output going to ours.
func goCmd(ctx context.Context, env []string, args ...string) error {
	cmd := exec.CommandContext(ctx, goTool(), args...)
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

// test builds everything, then vets and runs every group of tests — the
// native tests (browser tests included) and the WASM-side tests under
// Node — each whatever the others gave, and reports every failed group.
func test(ctx context.Context, dir string) error {
	b, err := build(ctx, dir, corpus.Site{})
	if err != nil {
		return err
	}
	if err := installAxe(ctx); err != nil {
		// The accessibility tests then skip, or fail with REQUIRE_BROWSER=1.
		fmt.Fprintf(os.Stderr, "test: %v\n", err)
	}
	wasmPkgs, err := wasmTestPackages()
	if err != nil {
		return err
	}
	steps := []struct {
		name string
		env  []string
		args []string
	}{
		{"vet", nil, []string{"vet", "./..."}},
		{"vet (wasm)", wasmEnv, append([]string{"vet"}, wasmPkgs...)},
		{"native tests", nil, []string{"test", "-count=1", "-timeout=20m", "./..."}},
		{"wasm tests", wasmEnv, append([]string{"test", "-count=1", "-exec=" + wasmExec()}, wasmPkgs...)},
	}
	var failed []string
	for _, s := range steps {
		args := append(append([]string{s.args[0]}, b.goFlags...), s.args[1:]...)
		if err := goCmd(ctx, s.env, args...); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed = append(failed, s.name)
		}
	}
	if len(failed) > 0 {
		fmt.Fprintf(os.Stderr, "test: failed: %s\n", strings.Join(failed, ", "))
		return exitCode(1)
	}
	return nil
}

// axeDir holds the pinned axe-core that the browser tests of app/e2e
// inject into every view (its package-lock.json).
const axeDir = "app/e2e/testdata/axe"

// installAxe installs axe-core with npm ci, from the lock file, unless the
// installed copy is already the locked one.
func installAxe(ctx context.Context) error {
	lock, err := os.ReadFile(filepath.Join(axeDir, "package-lock.json"))
	if err != nil {
		return fmt.Errorf("axe-core: %w", err)
	}
	if got, err := os.ReadFile(filepath.Join(axeDir, "node_modules", ".package-lock.json")); err == nil && sameLock(got, lock) {
		return nil
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return fmt.Errorf("axe-core: npm not found: %w", err)
	}
	cmd := exec.CommandContext(ctx, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = axeDir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("axe-core: npm ci in %s: %w", axeDir, err)
	}
	return nil
}

// sameLock reports whether npm's record of what it installed names the
// same packages and versions as the lock file.
func sameLock(installed, lock []byte) bool {
	type pkgs struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	var a, b pkgs
	if json.Unmarshal(installed, &a) != nil || json.Unmarshal(lock, &b) != nil {
		return false
	}
	for name, p := range b.Packages {
		if name == "" {
			continue
		}
		if a.Packages[name].Version != p.Version {
			return false
		}
	}
	return true
}

// wasmExec is Go's runner for js/wasm test binaries, under Node.
func wasmExec() string {
	return filepath.Join(runtime.GOROOT(), "lib", "wasm", "go_js_wasm_exec")
}

// wasmTestPackages lists the packages that build for js/wasm and have
// tests.
func wasmTestPackages() ([]string, error) {
	cmd := exec.Command(goTool(), "list", "-e", "-f", "{{if and (not .Error) .TestGoFiles}}{{.ImportPath}}{{end}}", "./app/...")
	cmd.Env = append(os.Environ(), wasmEnv...)
	cmd.Stderr = io.Discard
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	return strings.Fields(string(out)), nil
}

// soak makes a clean build, then runs the browser tests n times and
// prints every failure with its test name and run, the counts and the wall
// time. Any failure makes it exit 1.
func soak(ctx context.Context, dir string, n int) error {
	if n < 1 {
		return fmt.Errorf("soak: -n %d: want at least 1 run", n)
	}
	start := time.Now()
	twins, _ := filepath.Glob("web/*.[bg][rz]")
	for _, name := range append(twins, wasmPath) {
		if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("soak: clean: %w", err)
		}
	}
	b, err := build(ctx, dir, corpus.Site{})
	if err != nil {
		return err
	}
	if err := installAxe(ctx); err != nil {
		return err
	}
	fmt.Printf("soak: clean build in %v\n", time.Since(start).Round(time.Second))
	type failure struct {
		run  int
		test string
		out  string
	}
	var failures []failure
	green := 0
	for i := 1; i <= n; i++ {
		runStart := time.Now()
		args := append(append([]string{"test"}, b.goFlags...), append([]string{"-count=1", "-json", "-timeout=20m"}, browserPkgs...)...)
		cmd := exec.CommandContext(ctx, goTool(), args...)
		cmd.Env = append(os.Environ(), "REQUIRE_BROWSER=1")
		cmd.Stderr = os.Stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			return err
		}
		if err := cmd.Start(); err != nil {
			return err
		}
		fails, passed, output := readTestEvents(stdout)
		runErr := cmd.Wait()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		for _, name := range fails {
			failures = append(failures, failure{i, name, output[name]})
		}
		if runErr != nil && len(fails) == 0 {
			failures = append(failures, failure{i, "(go test)", runErr.Error()})
		}
		if runErr == nil && len(fails) == 0 {
			green++
		}
		fmt.Printf("soak: run %d/%d: %d passed, %d failed in %v", i, n, passed, len(fails), time.Since(runStart).Round(time.Second))
		if len(fails) > 0 {
			fmt.Printf(": %s", strings.Join(fails, ", "))
		}
		fmt.Println()
	}
	for _, f := range failures {
		fmt.Printf("\nsoak: run %d: FAIL %s\n%s", f.run, f.test, f.out)
	}
	fmt.Printf("\nsoak: %d of %d runs green, %d failures, wall time %v\n", green, n, len(failures), time.Since(start).Round(time.Second))
	if len(failures) > 0 {
		return exitCode(1)
	}
	return nil
}

// readTestEvents reads go test -json events: the tests that failed (leaf
// names, package-qualified), how many passed, and each failed test's
// output.
func readTestEvents(r io.Reader) (failed []string, passed int, output map[string]string) {
	type event struct {
		Action, Package, Test, Output string
	}
	output = map[string]string{}
	var logs = map[string]*strings.Builder{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var e event
		if json.Unmarshal(sc.Bytes(), &e) != nil || e.Test == "" {
			continue
		}
		name := e.Package + "." + e.Test
		switch e.Action {
		case "output":
			if logs[name] == nil {
				logs[name] = &strings.Builder{}
			}
			logs[name].WriteString(e.Output)
		case "pass":
			passed++
		case "fail":
			failed = append(failed, name)
			if l := logs[name]; l != nil {
				output[name] = l.String()
			}
		}
	}
	slices.Sort(failed)
	return failed, passed, output
}

// benchmark measures the app (package app/bench) and writes
// bench/RESULTS.md. It builds what it needs in temporary folders and leaves
// the repository's build outputs alone, but for the timing of `make run`,
// which builds and serves this tree as `make run` does. It installs the
// peers it needs (nginx, and wrk to load it and our server) when they are
// missing.
func benchmark(ctx context.Context, dir string) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if err := installBenchTools(ctx); err != nil {
		// The side-by-side rows are then missing, with the reason in the notes.
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
	}
	return bench.Run(ctx, bench.Options{
		Content:     dir,
		Check:       []string{self, "check"},
		Serve:       []string{goTool(), "run", "build.go", "run", "-content", dir},
		Compression: webCompression,
	})
}

// benchTools are the Debian packages of the commands make bench runs
// beside the app.
var benchTools = map[string]string{"nginx": "nginx", "wrk": "wrk"}

// installBenchTools installs with apt-get whichever of benchTools is not on
// PATH.
func installBenchTools(ctx context.Context) error {
	var missing []string
	for cmd, pkg := range benchTools {
		if _, err := exec.LookPath(cmd); err != nil {
			missing = append(missing, pkg)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	if _, err := exec.LookPath("apt-get"); err != nil {
		return fmt.Errorf("%s missing and no apt-get to install them", strings.Join(missing, ", "))
	}
	for _, args := range [][]string{{"update"}, append([]string{"install", "-y", "--no-install-recommends"}, missing...)} {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("apt-get %s: %w", strings.Join(args, " "), err)
		}
	}
	return nil
}

// loadTest builds, serves the app from this process on a loopback port,
// loads it for a bounded time, prints the report and fails on any error.
func loadTest(ctx context.Context, dir string, d time.Duration) error {
	if _, err := build(ctx, dir, corpus.Site{}); err != nil {
		return err
	}
	c, _, err := artifact.Compile(dir)
	if err != nil {
		return fmt.Errorf("load test: %w", err)
	}
	rep, err := bench.LoadTest(ctx, c, ".", d)
	if err != nil {
		return err
	}
	fmt.Print(rep.Markdown())
	if rep.Errors > 0 {
		return fmt.Errorf("load test: %d errors in %d requests", rep.Errors, rep.Requests)
	}
	return nil
}
