//go:build !wasm

package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
)

func TestParseBench(t *testing.T) {
	out := []byte(`goos: linux
BenchmarkQuery/patterns=1000-2         	    1000	     99576 ns/op	     73097 p50-ns	    273354 p95-ns	   16922 B/op	     309 allocs/op
BenchmarkQuery/patterns=1000-2         	    1000	     99000 ns/op	     70000 p50-ns	    270000 p95-ns	   16922 B/op	     309 allocs/op
BenchmarkQuery/patterns=1000-2         	    1000	     98000 ns/op	     75000 p50-ns	    280000 p95-ns	   16922 B/op	     309 allocs/op
BenchmarkNew/patterns=10000 	       3	  68494001 ns/op
BenchmarkLayout1000-2   not a result line
PASS
`)
	lines := parseBench(out)
	if len(lines) != 4 {
		t.Fatalf("parsed %d lines, want 4: %+v", len(lines), lines)
	}
	if lines[0].Name != "BenchmarkQuery/patterns=1000" || lines[3].Name != "BenchmarkNew/patterns=10000" {
		t.Errorf("names %q, %q", lines[0].Name, lines[3].Name)
	}
	m := medians(lines)
	if got := m["BenchmarkQuery/patterns=1000"]["p50-ns"]; got != 73097 {
		t.Errorf("median p50 = %v, want 73097", got)
	}
	if got := m["BenchmarkNew/patterns=10000"]["ns/op"]; got != 68494001 {
		t.Errorf("ns/op = %v", got)
	}
}

func TestStats(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	if got := median(xs); got != 3 {
		t.Errorf("median = %v, want 3", got)
	}
	if got := median([]float64{1, 2, 3, 4}); got != 2.5 {
		t.Errorf("even median = %v, want 2.5", got)
	}
	if got := percentile(xs, 0.95); got != 5 {
		t.Errorf("p95 = %v, want 5", got)
	}
	if got := percentile(xs, 0.5); got != 3 {
		t.Errorf("p50 = %v, want 3", got)
	}
	if median(nil) != 0 || percentile(nil, 0.5) != 0 {
		t.Error("empty input should give 0")
	}
	if !slices.Equal(xs, []float64{5, 1, 4, 2, 3}) {
		t.Error("median sorted its input")
	}
}

func TestTable(t *testing.T) {
	var tb table
	tb.set("Load", "cold", colOurs, "1.00 s")
	tb.set("Load", "cold", col10k, "2.00 s")
	tb.set("Size", "wasm | raw", col1k, "8 MiB")
	tb.judge("Load", "cold", "< 1.5 s", true)
	tb.judge("Size", "wasm | raw", "< 1 MiB", false)
	md := tb.Markdown()
	if strings.Index(md, "| Size |") > strings.Index(md, "| Load |") {
		t.Errorf("Size rows should come before Load rows:\n%s", md)
	}
	for _, want := range []string{
		"| area | metric | our corpus | 1,000 | 5,000 | 10,000 | goal |",
		"| Load | cold | 1.00 s | – | – | 2.00 s | ✅ < 1.5 s |",
		`| Size | wasm \| raw | – | 8 MiB | – | – | ❌ < 1 MiB |`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("table lacks %q:\n%s", want, md)
		}
	}
	if m := tb.missed(); len(m) != 1 || !strings.Contains(m[0], "wasm | raw") {
		t.Errorf("missed = %v", m)
	}
}

func TestFormat(t *testing.T) {
	for v, want := range map[float64]string{0.0123: "0.012 ms", 3.456: "3.46 ms", 45.6: "45.6 ms", 456: "456 ms", 1520: "1.52 s"} {
		if got := fmtMS(v); got != want {
			t.Errorf("fmtMS(%v) = %q, want %q", v, got, want)
		}
	}
	if got := fmtBytes(2.5 * (1 << 20)); got != "2.50 MiB" {
		t.Errorf("fmtBytes = %q", got)
	}
}

func TestPeerDocs(t *testing.T) {
	c := &corpus.Corpus{Docs: []corpus.Doc{{
		Slug: "booth", Title: "Booth", Aliases: []string{"Expo Stand", "Table"},
		Variants:    []corpus.Variant{{Names: []string{"Demo Pod"}, Text: "a kiosk"}, {Names: []string{"Lounge", "Sofa"}}},
		SummaryText: "A staffed space.", Sections: []corpus.Section{{Label: "Problem", Text: "Nobody knows you."}},
	}}}
	docs := peerDocs(c)
	if len(docs) != 1 {
		t.Fatalf("%d docs", len(docs))
	}
	d := docs[0]
	if d.ID != 0 || d.Slug != "booth" || d.Aliases != "Expo Stand; Table" || d.Variants != "Demo Pod; Lounge; Sofa" {
		t.Errorf("doc = %+v", d)
	}
	for _, w := range []string{"A staffed space.", "Nobody knows you.", "a kiosk"} {
		if !strings.Contains(d.Body, w) {
			t.Errorf("body lacks %q: %q", w, d.Body)
		}
	}
}

func TestReadJudged(t *testing.T) {
	qs, err := readJudged(filepath.Join("..", "search", "testdata", "judged.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 40 {
		t.Fatalf("%d judged queries, want at least 40", len(qs))
	}
	for _, q := range qs {
		if q.Query == "" || q.First == "" {
			t.Errorf("empty field in %+v", q)
		}
	}
}

func TestLoadPaths(t *testing.T) {
	c := &corpus.Corpus{Docs: []corpus.Doc{
		{Slug: "a"}, {Slug: "b", Kind: corpus.KindPage}, {Slug: "c"}, {Slug: "d"}, {Slug: "e"},
	}}
	got := LoadPaths(c)
	want := []string{"/", "/patterns/a", "/patterns/c", "/patterns/d", "/web/app.wasm"}
	if !slices.Equal(got, want) {
		t.Errorf("LoadPaths = %v, want %v", got, want)
	}
}

func TestCopyStatic(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	for _, n := range []string{"style.css", "style.css.br", "style.css.gz", "app.wasm", "icon.svg", ".tmp"} {
		if err := os.WriteFile(filepath.Join(src, n), []byte(n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := copyStatic(src, dst); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"icon.svg", "style.css"}) {
		t.Errorf("copied %v, want icon.svg and style.css", names)
	}
}

func TestCountingProxy(t *testing.T) {
	body := strings.Repeat("x", 10_000)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
	defer ts.Close()
	p, err := newCountingProxy(strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	for range 2 {
		resp, err := http.Get(p.URL() + "/")
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || string(b) != body {
			t.Fatalf("body of %d bytes, err %v", len(b), err)
		}
	}
	if got := p.down.Load(); got < 2*int64(len(body)) {
		t.Errorf("counted %d bytes, want at least %d", got, 2*len(body))
	}
}

func TestHarnessServer(t *testing.T) {
	dir := t.TempDir()
	artifact := filepath.Join(dir, "corpus.bin")
	wasm := filepath.Join(dir, "search.wasm")
	for _, f := range []string{artifact, wasm} {
		if err := os.WriteFile(f, []byte("bytes"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hs, err := startHarness(dir, wasm, artifact, []peerDoc{{ID: 0, Slug: "booth", Title: "Booth"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer hs.stop()
	get := func(path string) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Get(hs.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, b
	}
	resp, b := get("/")
	if resp.StatusCode != 200 || !strings.Contains(string(b), "/harness.js") {
		t.Errorf("GET / = %d %q", resp.StatusCode, b)
	}
	if resp.Header.Get("Cross-Origin-Embedder-Policy") != "require-corp" || resp.Header.Get("Cross-Origin-Opener-Policy") != "same-origin" {
		t.Errorf("not cross-origin isolated: %v", resp.Header)
	}
	_, b = get("/docs.json")
	var docs []peerDoc
	if err := json.Unmarshal(b, &docs); err != nil || len(docs) != 1 || docs[0].Slug != "booth" {
		t.Errorf("docs.json = %q (%v)", b, err)
	}
	if _, b = get("/judged.json"); string(b) != "[]" {
		t.Errorf("judged.json = %q, want []", b)
	}
	if resp, b = get("/search.wasm"); string(b) != "bytes" || resp.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("search.wasm = %q, %q", b, resp.Header.Get("Content-Type"))
	}
}

// TestKeystrokeFloor types into the echo page as the bench types into the
// app: every key of every query is measured once, the first query left
// out, and each reaches the DOM before its next frame.
func TestKeystrokeFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	chrome := browsertest.Chromium(t)
	queries := []string{"ab", "cde", "x y"}
	ks, err := measureKeystrokeFloor(context.Background(), chrome, queries)
	if err != nil {
		t.Fatal(err)
	}
	if len(ks) != 2+3+3 {
		t.Fatalf("%d keystrokes measured, want 8 (the first query warms up): %v", len(ks), ks)
	}
	for i, k := range ks {
		if k.Frame <= 0 || k.Frame < k.DOM {
			t.Errorf("keystroke %d: to the DOM %.2f ms, to the next frame %.2f ms: want the frame after the DOM", i, k.DOM, k.Frame)
		}
	}
}

// workerSite is a page that, as the app does, has a worker fetch a large
// file and shows itself ready once the worker has it; it also registers a
// service worker that fetches another large file while it installs.
func workerSite(t *testing.T, big int) *httptest.Server {
	t.Helper()
	blob := bytes.Repeat([]byte("x"), big)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<!doctype html><title>w</title><body><script>
			if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js");
			const w = new Worker("/worker.js");
			w.onmessage = () => {
				document.body.innerHTML = '<input id="q"><div id="catalog"><p class="card">c</p></div>';
				document.documentElement.setAttribute("data-app", "ready");
			};
		</script></body>`)
	})
	mux.HandleFunc("/worker.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, `fetch("/worker-blob").then(r => r.arrayBuffer()).then(b => postMessage(b.byteLength));`)
	})
	mux.HandleFunc("/sw.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, `self.addEventListener("install", e => e.waitUntil(caches.open("c").then(c => c.add("/sw-blob"))));`)
	})
	for _, p := range []string{"/worker-blob", "/sw-blob"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { w.Write(blob) })
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestVisitBytesCountTheWorker checks the first-visit counts on a page
// whose worker fetches 1 MB: CDP's Network events on the page do not show
// a worker's requests, and the count of the page alone left the app's
// WASM out. Without the service worker the count holds the worker's 1 MB
// and not the service worker's; with it, both.
func TestVisitBytesCountTheWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	chrome := browsertest.Chromium(t)
	const big = 1 << 20
	srv := workerSite(t, big)
	page, err := measureVisitBytes(context.Background(), chrome, srv.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	if page < big || page > 1.5*big {
		t.Errorf("the page and its worker: %.0f bytes, want the worker's %d and not the service worker's", page, big)
	}
	total, err := measureVisitBytes(context.Background(), chrome, srv.URL, true)
	if err != nil {
		t.Fatal(err)
	}
	if total < 2*big {
		t.Errorf("with the service worker: %.0f bytes, want both files of %d", total, big)
	}
}

// TestHelloWorldServes builds the floor of the Lighthouse rows, go-app's
// hello world (app/bench/harness/hello), as the bench does, and checks that
// its server prerenders the heading and serves the WASM from its root.
func TestHelloWorldServes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a server; skipped with -short")
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	web := filepath.Join(root, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), []byte("not a real WASM"), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(root, "hello")
	if err := goRun(context.Background(), repo, nil, "build", "-o", bin, helloPkg); err != nil {
		t.Fatal(err)
	}
	addr, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := startChild(context.Background(), "hello world's server", filepath.Join(root, "server.log"), "http://"+addr, "/web/app.wasm", bin, "-addr", addr, "-root", root)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.stop()
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "<h1>Hello, world</h1>") {
		t.Errorf("GET /: %s, want the heading prerendered:\n%.400s", resp.Status, page)
	}
}
