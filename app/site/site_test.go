//go:build !wasm

package site

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/andybalholm/brotli"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// TestEveryTextResponseCompressed checks that the server sends every text
// it makes — pages and go-app's own resources — compressed to a browser
// that accepts brotli, and that the compressed body is the page itself.
func TestEveryTextResponseCompressed(t *testing.T) {
	c := builtCorpus(t)
	h, err := New(c, repoRoot, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	fetch := func(path, accept string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, b
	}
	for _, path := range []string{
		"/", "/patterns/booth", "/graph", "/search?q=conf",
		"/app.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest", "/app-worker.js",
		"/web/style.css",
	} {
		plain, raw := fetch(path, "")
		if plain.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", path, plain.StatusCode)
			continue
		}
		res, body := fetch(path, "gzip, deflate, br, zstd")
		if enc := res.Header.Get("Content-Encoding"); enc != "br" {
			t.Errorf("GET %s: Content-Encoding %q (%d bytes), want br", path, enc, len(body))
			continue
		}
		got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
		if err != nil || string(got) != string(raw) {
			t.Errorf("GET %s: the brotli body decodes to %d bytes (%v), the plain one has %d", path, len(got), err, len(raw))
		}
		t.Logf("%-22s %7d → %6d bytes", path, len(raw), len(body))
	}
}

// BenchmarkServe measures whole requests for a page and for go-app's
// loader, as a browser sends them, with every route rendered afresh (as
// before pages were kept) and kept in memory, side by side.
func BenchmarkServe(b *testing.B) {
	c := builtCorpus(b)
	for _, mode := range []struct {
		name  string
		cache int64
	}{{"rendered-each-time", -1}, {"kept", 0}} {
		h, err := NewWith(c, Options{Root: repoRoot, CacheBytes: mode.cache}, slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		for _, path := range []string{"/", "/patterns/booth", "/app.js"} {
			b.Run(mode.name+path, func(b *testing.B) {
				b.ReportAllocs()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						r := httptest.NewRequest(http.MethodGet, path, nil)
						r.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
						w := httptest.NewRecorder()
						h.ServeHTTP(w, r)
						if w.Code != http.StatusOK {
							b.Fatalf("GET %s: %d", path, w.Code)
						}
					}
				})
			})
		}
	}
}

// The server writes robots.txt and a sitemap on the origin it is asked
// on, when the site's own is not known.
func TestCrawlerFiles(t *testing.T) {
	c := builtCorpus(t)
	h, err := New(c, repoRoot, nil)
	if err != nil {
		t.Fatal(err)
	}
	get := func(p string) (int, string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "http://patterns.example.test"+p, nil)
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	if code, body := get("/robots.txt"); code != http.StatusOK || !strings.Contains(body, "Sitemap: http://patterns.example.test/sitemap.xml") {
		t.Errorf("robots.txt: %d %q", code, body)
	}
	code, body := get("/sitemap.xml")
	if code != http.StatusOK || !strings.Contains(body, "<loc>http://patterns.example.test/patterns/booth</loc>") {
		t.Errorf("sitemap.xml: %d %.300q", code, body)
	}
}

// Without an origin (an export for no known host) the preview leaves out
// what must be absolute rather than write an invalid address.
func TestPreviewWithoutOrigin(t *testing.T) {
	c := builtCorpus(t)
	i := c.Lookup("booth")
	tags := previewTags(c, corpus.Site{Name: "Ours"}, corpus.Route{Kind: corpus.RoutePattern, Doc: i})
	for _, bad := range []string{"canonical", "og:url", "og:image", "https://"} {
		if strings.Contains(tags, bad) {
			t.Errorf("preview without an origin has %s: %s", bad, tags)
		}
	}
	for _, want := range []string{`property="og:title" content="Booth"`, `property="og:type" content="article"`, `name="twitter:card" content="summary"`, `property="og:site_name" content="Ours"`} {
		if !strings.Contains(tags, want) {
			t.Errorf("preview lacks %s: %s", want, tags)
		}
	}
}

// A server for a site under a prefix answers under it: the bare root goes
// to the site's home, and nothing outside the prefix is served.
func TestServerUnderPrefix(t *testing.T) {
	c := *builtCorpus(t)
	c.Site.Prefix = "/explorer"
	h, err := New(&c, repoRoot, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path string
		code int
		to   string
	}{
		{"/", http.StatusFound, "/explorer/"},
		{"/explorer/", http.StatusOK, ""},
		{"/explorer/patterns/booth", http.StatusOK, ""},
		{"/explorer/web/style.css", http.StatusOK, ""},
		{"/explorer/booth.html", http.StatusMovedPermanently, "/explorer/patterns/booth"},
		{"/patterns/booth", http.StatusNotFound, ""},
		{"/explorers/patterns/booth", http.StatusNotFound, ""},
		{"/web/style.css", http.StatusNotFound, ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.code || rec.Header().Get("Location") != tt.to {
			t.Errorf("GET %s: %d to %q, want %d to %q", tt.path, rec.Code, rec.Header().Get("Location"), tt.code, tt.to)
		}
	}
}

// The worker precaches the content's images in order while they fit in
// the budget; the others wait until a page shows them.
func TestPrecachedMedia(t *testing.T) {
	c := &corpus.Corpus{Media: []corpus.Media{
		{Path: "/web/media/a.png", Bytes: 3 << 20},
		{Path: "/web/media/b.png", Bytes: 2 << 20},
		{Path: "/web/media/c.png", Bytes: 1 << 20},
	}}
	got := precachedMedia(c)
	if want := []string{"/web/media/a.png", "/web/media/c.png"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("precached %q, want %q (budget %d bytes)", got, want, mediaBudget)
	}
}

// The graph's filter panel is closed in the server's page when no filter
// is set, as the app has it: go-app wrote open="false", which HTML reads
// as open, so the panel stood open until the WASM closed it and the graph
// jumped up. The graph, drawn for a box the server does not know, hides
// its labels until the app has measured it.
func TestGraphFiltersClosedWhenUnfiltered(t *testing.T) {
	c := builtCorpus(t)
	h, err := New(c, repoRoot, nil)
	if err != nil {
		t.Fatal(err)
	}
	block := url.QueryEscape(c.Blocks[0])
	for path, open := range map[string]bool{"/graph": false, "/graph?block=" + block: true} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		doc, err := html.Parse(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		var found, unmeasured bool
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.Data == "svg" && slices.ContainsFunc(n.Attr, func(a html.Attribute) bool {
				return a.Key == "class" && slices.Contains(strings.Fields(a.Val), "is-unmeasured")
			}) {
				unmeasured = true
			}
			if n.Type != html.ElementNode || n.Data != "details" || !slices.Contains(n.Attr, html.Attribute{Key: "class", Val: "graph-filters"}) {
				continue
			}
			found = true
			has := slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "open" })
			if has != open {
				t.Errorf("%s: the filter panel is open = %v, want %v (%v)", path, has, open, n.Attr)
			}
		}
		if !found {
			t.Errorf("%s: no filter panel (<details>)", path)
		}
		// Drawn for a box it does not know, the server's graph is marked
		// so that its labels, scaled to a few pixels, are not shown.
		if !unmeasured {
			t.Errorf("%s: the server's graph is not marked is-unmeasured", path)
		}
	}
}

// The server's page says which chip is pressed as the app does,
// aria-pressed="true": go-app writes a "true" bare, and a bare
// aria-pressed is the empty value, not pressed.
func TestPressedChipsInServerPage(t *testing.T) {
	c := builtCorpus(t)
	h, err := New(c, repoRoot, nil)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	doc, err := html.Parse(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	pressed := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "button" && n.FirstChild != nil {
			for _, a := range n.Attr {
				if a.Key == "aria-pressed" {
					pressed[n.FirstChild.Data] = a.Val
				}
			}
		}
	}
	if len(pressed) == 0 {
		t.Fatal("home has no chips with aria-pressed")
	}
	for label, v := range pressed {
		want := "false"
		if strings.HasPrefix(label, "All ") {
			want = "true"
		}
		if v != want {
			t.Errorf("home's chip %q has aria-pressed=%q, want %q", label, v, want)
		}
	}
}
