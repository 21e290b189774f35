//go:build !wasm

package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/devrel-patterns/explorer/app/precompress"
)

// Options configure Run. Zero fields take the defaults.
type Options struct {
	// Repo is the repository's root, which holds web/, bench/ and app/
	// (default ".").
	Repo string
	// Content is our content folder (default "content").
	Content string
	// Check is a command that compiles the folder given after it as
	// "-content DIR", such as build.go's check; the build cost is measured
	// on it. Without it the build rows are left out.
	Check []string
	// Out receives the table (default os.Stdout); Log the progress
	// (default os.Stderr).
	Out, Log io.Writer
	// Results is the Markdown file written (default Repo/bench/RESULTS.md).
	Results string
	// Runs is how many times each browser measurement is repeated
	// (default 5).
	Runs int
	// LoadDuration is the length of the load test (default 10s).
	LoadDuration time.Duration
	// Serve is the command `make run` runs, which builds the repository's
	// tree and serves it, given "-addr ADDR" after it; the time it takes on
	// an unchanged tree is measured. Without it that row is left out.
	Serve []string
	// Compression is how the twins of each root's web/ are written: pass
	// the build's own settings so that sizes match a real build.
	Compression precompress.Options
}

func (o Options) withDefaults() (Options, error) {
	if o.Repo == "" {
		o.Repo = "."
	}
	repo, err := filepath.Abs(o.Repo)
	if err != nil {
		return o, fmt.Errorf("bench: %w", err)
	}
	o.Repo = repo
	if o.Content == "" {
		o.Content = "content"
	}
	if !filepath.IsAbs(o.Content) {
		o.Content = filepath.Join(o.Repo, o.Content)
	}
	if o.Out == nil {
		o.Out = os.Stdout
	}
	if o.Log == nil {
		o.Log = os.Stderr
	}
	if o.Results == "" {
		o.Results = filepath.Join(o.Repo, "bench", "RESULTS.md")
	}
	if o.Runs <= 0 {
		o.Runs = 5
	}
	if o.LoadDuration <= 0 {
		o.LoadDuration = 10 * time.Second
	}
	return o, nil
}

// typedQueries are the six-letter queries typed one key at a time, in the
// app and in the harness: prefixes of title words, a scattered
// abbreviation, typos, two words, invented text words and no match.
var typedQueries = []string{
	"commun", "wrksho", "sponsr", "hackat", "podcas", "tutori", "meetup", "newsle", "ambass", "confer",
	"office", "quicks", "refere", "sample", "dev ta", "stagre", "xqzvwy", "traini", "webina", "forums",
}

// Goals of the issues, held to in the table.
const (
	goalFirstVisit = 1_600_000 // bytes, our corpus
	goalCold       = 1500      // ms, our corpus
	goalWarm       = 500       // ms, our corpus
	goalCold10k    = 2500      // ms, at 10,000 patterns
	goalWarm10k    = 1000      // ms, at 10,000 patterns
	goalKeystroke  = 16        // ms, to the results in the DOM at 10,000
	goalFrame      = 16.7      // ms, to the next frame at every size
)

// peerBudget bounds the keystrokes of one engine on one corpus.
const peerBudget = 75 * time.Second

// Run measures everything, prints the table to opts.Out and writes it, with
// the machine and the date, to opts.Results. A part that fails is reported
// and the others still run; the error joins the failures.
func Run(ctx context.Context, opts Options) error {
	opts, err := opts.withDefaults()
	if err != nil {
		return err
	}
	r := &runner{opts: opts, start: time.Now(), chromium: findChromium()}
	r.machine = describeMachine(goTool(), r.chromium, opts.Repo)
	r.logf("machine: %s", r.machine)
	tmp, err := os.MkdirTemp("", "explorer-bench-")
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer os.RemoveAll(tmp)
	r.tmp = tmp

	r.section("corpora", r.prepareCorpora)
	r.section("build cost", r.buildCost)
	r.section("sizes", r.sizes)
	r.section("go benchmarks of app/search", r.searchBenchmarks)
	r.section("go benchmarks of app/layout", r.layoutBenchmarks)
	if r.chromium == "" {
		r.fail("browser", errors.New("chromium not found on PATH: the browser rows are empty"))
	} else {
		r.section("loads", r.loads)
		r.section("lighthouse", r.lighthouse)
		r.section("keystrokes in the app", r.keystrokes)
		r.section("graph", r.graph)
		r.section("search engines side by side", r.peers)
	}
	r.section("load test", r.loadTest)
	r.section("our server and nginx side by side", r.sideBySide)
	r.section("server memory at 5,000 patterns", r.serverMemory)
	r.section("make run on an unchanged tree", r.rebuild)

	report := r.report()
	fmt.Fprint(opts.Out, r.t.Markdown())
	if err := os.MkdirAll(filepath.Dir(opts.Results), 0o755); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if err := os.WriteFile(opts.Results, []byte(report), 0o644); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	r.logf("wrote %s in %v", opts.Results, time.Since(r.start).Round(time.Second))
	return errors.Join(r.errs...)
}

// runner holds a run's state.
type runner struct {
	opts     Options
	start    time.Time
	tmp      string
	chromium string
	machine  machine
	t        table
	sites    [numCols]*corpusRoot
	notes    []string
	errs     []error
}

// logf prints progress with the time since the start.
func (r *runner) logf(format string, args ...any) {
	fmt.Fprintf(r.opts.Log, "[bench %5.1fs] %s\n", time.Since(r.start).Seconds(), fmt.Sprintf(format, args...))
}

// section runs one part of the bench, recording its failure.
func (r *runner) section(name string, f func(ctx context.Context) error) {
	r.logf("== %s", name)
	start := time.Now()
	if err := f(context.Background()); err != nil {
		r.fail(name, err)
		return
	}
	r.logf("   %s done in %v", name, time.Since(start).Round(100*time.Millisecond))
}

// fail records a failed part.
func (r *runner) fail(name string, err error) {
	r.logf("!! %s failed: %v", name, err)
	r.errs = append(r.errs, fmt.Errorf("%s: %w", name, err))
	r.notes = append(r.notes, fmt.Sprintf("%s failed: %s", name, firstLine(err.Error())))
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// report is the content of RESULTS.md.
func (r *runner) report() string {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\n")
	b.WriteString("Written by `make bench` (`go run build.go bench`, package app/bench); do not edit by hand.\n\n")
	fmt.Fprintf(&b, "Machine: %s.\n\n", r.machine)
	b.WriteString(r.t.Markdown())
	b.WriteString("\n")
	if missed := r.t.missed(); len(missed) > 0 {
		b.WriteString("Goals missed:\n\n")
		for _, m := range missed {
			fmt.Fprintf(&b, "- %s\n", m)
		}
		b.WriteString("\n")
	}
	if len(r.notes) > 0 {
		b.WriteString("Notes:\n\n")
		for _, n := range r.notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
		b.WriteString("\n")
	}
	b.WriteString(methodology)
	return b.String()
}

// methodology explains the figures, below the table.
const methodology = `How it is measured:

- Corpora: our content/, and synthetic corpora of 1,000 and 10,000 patterns with about five links each,
  written to temporary folders. Each gets its own temporary root: the compiled artifact, a WASM and a server
  binary built with it through ` + "`go build -overlay`" + ` (the shared app/embedded/corpus.bin is never written), and
  the static files of web/ with their precompressed twins.
- Sizes: the WASM as built, and its gzip and brotli twins. Both first visits are of / in a fresh profile and
  count everything the server sent, through a loopback proxy, until the app is ready and the server has been
  quiet for 2 s. "The page and its WASM worker" hides the service worker API from the page, so nothing is
  precached: the page's own requests and those of the worker that fetches the WASM, which CDP's Network events
  on the page do not show. "Incl. service worker" goes on until the service worker is active.
- Loads: headless Chromium with a fresh profile per cold run, server on loopback. The time is
  performance.now() when the document has data-app="ready", the search box and a catalog card, from a
  MutationObserver installed before the page's scripts. The warm visit is the next visit of / in the same
  browser once the service worker is active. Decode and registration times come from performance marks the
  app sets (corpus-decode-start, corpus-decoded, app-registered).
- Lighthouse: its mobile defaults (simulated slow 4G, a 4× slower CPU) in Debian's Chromium, a fresh profile a
  run, on four views of our corpus. Its floor is go-app's hello world (app/bench/harness/hello: one heading),
  built and served as ours is, with go-app's own loader: what a go-app PWA scores on this machine before it
  does anything of its own.
- Keystrokes in the app: /search in a fresh browser; six-letter queries typed with real key events; the time
  runs from the input event (capture listener) to the results of that query in the DOM (MutationObserver),
  and to the next frame after it. One warm-up query is not counted.
- go test -bench: app/search's BenchmarkQuery (synthetic corpora; the "our corpus" column is
  BenchmarkQueryContent), natively and under GOOS=js GOARCH=wasm with go_js_wasm_exec (Node), -count=5, medians.
- Side by side: one cross-origin-isolated page (precise timers) loads our search as a small WASM
  (app/bench/wasmsearch, which decodes the same artifact) and the libraries' browser builds from
  bench/node_modules, indexing titles, aliases and variant names (and, for the second Fuse.js, the whole
  text). The same queries are typed one key at a time, in five rounds; p50 and p95 are medians over the rounds.
  Index size is the JSON export where the library has one, and the heap the index holds for ours.
  Precision@1 is over app/search/testdata/judged.tsv on our corpus.
`
