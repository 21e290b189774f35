//go:build !wasm

package site

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/andybalholm/brotli"
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
