//go:build !wasm

package bench

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/corpus"
)

//go:embed harness
var harnessFiles embed.FS

// peerLibs maps the harness's URLs to the browser builds of the JavaScript
// libraries, under bench/node_modules.
var peerLibs = map[string]string{
	"/lib/fuse.mjs":       "fuse.js/dist/fuse.min.mjs",
	"/lib/minisearch.js":  "minisearch/dist/es/index.js",
	"/lib/flexsearch.mjs": "flexsearch/dist/flexsearch.bundle.module.min.mjs",
}

// peerEngines are the engines the harness measures, in the table's order.
var peerEngines = []string{"ours", "fuse", "fusebody", "flexsearch", "minisearch"}

// peerResult is one engine's figures on one corpus.
type peerResult struct {
	Engine       string   `json:"engine"`
	Label        string   `json:"label"`
	BuildMs      float64  `json:"buildMs"`
	IndexBytes   float64  `json:"indexBytes"`
	SizeHow      string   `json:"sizeHow"`
	PrecisionAt1 *float64 `json:"precisionAt1"`
	P50          float64  `json:"p50"`
	P95          float64  `json:"p95"`
	Rounds       int      `json:"rounds"`
	Keystrokes   int      `json:"keystrokes"`
	Capped       bool     `json:"capped"`
}

// npmInstall installs the pinned libraries of bench/package-lock.json.
func npmInstall(ctx context.Context, benchDir string) error {
	args := []string{"ci", "--no-audit", "--no-fund", "--loglevel=error"}
	if _, err := os.Stat(filepath.Join(benchDir, "package-lock.json")); err != nil {
		args[0] = "install"
	}
	cmd := exec.CommandContext(ctx, "npm", args...)
	cmd.Dir = benchDir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("npm %s in %s: %w\n%s", strings.Join(args, " "), benchDir, err, tail(string(out), 2000))
	}
	return nil
}

// peerDoc is a document as the JavaScript libraries index it: the same
// strings our search weighs most (title, aliases, variant names) and, for
// Fuse's second variant, the whole text.
type peerDoc struct {
	ID       int    `json:"id"`
	Slug     string `json:"slug"`
	Title    string `json:"title"`
	Aliases  string `json:"aliases"`
	Variants string `json:"variants"`
	Body     string `json:"body"`
}

// peerDocs lists c's documents in index order.
func peerDocs(c *corpus.Corpus) []peerDoc {
	out := make([]peerDoc, len(c.Docs))
	for i := range c.Docs {
		d := &c.Docs[i]
		var names, body []string
		for _, v := range d.Variants {
			names = append(names, v.Names...)
			body = append(body, v.Text)
		}
		body = append([]string{d.Description, d.SummaryText}, body...)
		for _, s := range d.Sections {
			body = append(body, s.Text)
		}
		body = append(body, d.Text)
		out[i] = peerDoc{ID: i, Slug: d.Slug, Title: d.Title, Aliases: strings.Join(d.Aliases, "; "),
			Variants: strings.Join(names, "; "), Body: strings.Join(body, "\n")}
	}
	return out
}

// judgedQuery is a line of app/search/testdata/judged.tsv: a query and the
// slug expected first.
type judgedQuery struct {
	Query string `json:"query"`
	First string `json:"first"`
}

// readJudged reads the judged set.
func readJudged(path string) ([]judgedQuery, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("judged set: %w", err)
	}
	var out []judgedQuery
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("judged set: bad line %q", line)
		}
		out = append(out, judgedQuery{Query: cols[0], First: cols[1]})
	}
	return out, nil
}

// harnessServer serves the harness page, the libraries, our search WASM,
// a corpus artifact, its documents and the judged set, on a loopback port,
// cross-origin isolated so that performance.now() is precise.
type harnessServer struct {
	URL string
	srv *http.Server
}

// startHarness serves the harness for one corpus.
func startHarness(repo, wasmPath, artifact string, docs []peerDoc, judged []judgedQuery) (*harnessServer, error) {
	docsJSON, err := json.Marshal(docs)
	if err != nil {
		return nil, fmt.Errorf("harness: %w", err)
	}
	if judged == nil {
		judged = []judgedQuery{}
	}
	judgedJSON, err := json.Marshal(judged)
	if err != nil {
		return nil, fmt.Errorf("harness: %w", err)
	}
	page, err := fs.Sub(harnessFiles, "harness")
	if err != nil {
		return nil, fmt.Errorf("harness: %w", err)
	}
	files := map[string]string{
		"/wasm_exec.js": filepath.Join(goEnv("GOROOT"), "lib", "wasm", "wasm_exec.js"),
		"/search.wasm":  wasmPath,
		"/corpus.bin":   artifact,
	}
	for u, p := range peerLibs {
		files[u] = filepath.Join(repo, "bench", "node_modules", filepath.FromSlash(p))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Embedder-Policy", "require-corp")
		h.Set("Cache-Control", "no-store")
		switch p := r.URL.Path; {
		case p == "/docs.json":
			h.Set("Content-Type", "application/json")
			w.Write(docsJSON)
		case p == "/judged.json":
			h.Set("Content-Type", "application/json")
			w.Write(judgedJSON)
		case files[p] != "":
			switch {
			case strings.HasSuffix(p, ".wasm"):
				h.Set("Content-Type", "application/wasm")
			case strings.HasSuffix(p, ".js"), strings.HasSuffix(p, ".mjs"):
				h.Set("Content-Type", "text/javascript")
			}
			http.ServeFile(w, r, files[p])
		default:
			http.FileServerFS(page).ServeHTTP(w, r)
		}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("harness: %w", err)
	}
	hs := &harnessServer{URL: "http://" + ln.Addr().String(), srv: &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}}
	go hs.srv.Serve(ln)
	return hs, nil
}

// stop shuts the harness server down.
func (hs *harnessServer) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.srv.Shutdown(ctx)
}

// harnessInfo is what the page reports once loaded.
type harnessInfo struct {
	Docs                int     `json:"docs"`
	Judged              int     `json:"judged"`
	CrossOriginIsolated bool    `json:"crossOriginIsolated"`
	DecodeMs            float64 `json:"decodeMs"`
	BuildMs             float64 `json:"buildMs"`
}

// runPeers measures every engine in one page on one corpus.
func runPeers(ctx context.Context, chromium, url string, queries []string, budget time.Duration, logf func(string, ...any)) (harnessInfo, []peerResult, error) {
	t, err := newTab(ctx, chromium)
	if err != nil {
		return harnessInfo{}, nil, err
	}
	defer t.cancel()
	if err := t.do(time.Minute, chromedp.Navigate(url+"/")); err != nil {
		return harnessInfo{}, nil, fmt.Errorf("open the harness: %w", err)
	}
	info, err := eval[harnessInfo](t, 2*time.Minute, `window.bench.ready`)
	if err != nil {
		return info, nil, fmt.Errorf("load the harness: %w", err)
	}
	qs, err := json.Marshal(queries)
	if err != nil {
		return info, nil, fmt.Errorf("harness: %w", err)
	}
	var out []peerResult
	var errs []error
	for _, e := range peerEngines {
		js := fmt.Sprintf(`window.bench.run(%q, {queries: %s, budgetMs: %d})`, e, qs, budget.Milliseconds())
		r, err := eval[peerResult](t, budget+3*time.Minute, js)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", e, err))
			continue
		}
		logf("  %-11s keystroke p50 %s p95 %s, build %s, %s index (%d keystrokes, %d rounds)", e, fmtMS(r.P50), fmtMS(r.P95), fmtMS(r.BuildMs), fmtBytes(r.IndexBytes), r.Keystrokes, r.Rounds)
		out = append(out, r)
	}
	return info, out, errors.Join(errs...)
}
