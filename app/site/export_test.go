//go:build !wasm

package site

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/embedded"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds web/, built by `go run build.go` before the tests run.
const repoRoot = "../.."

var register sync.Once

// builtCorpus returns the embedded corpus with the app's routes registered,
// or skips when the app has not been built.
func builtCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm")); err != nil {
		t.Skipf("web/app.wasm not built (run go run build.go build): %v", err)
	}
	c, err := embedded.Load()
	if err != nil {
		t.Fatal(err)
	}
	register.Do(func() { ui.Register(c) })
	return c
}

// TestExportServedByPlainFileServer writes the static site and serves it
// with http.FileServer, at the root and under a prefix: every route must
// answer 200 with its title in the HTML.
func TestExportServedByPlainFileServer(t *testing.T) {
	c := builtCorpus(t)
	for _, base := range []string{"/", "/explorer"} {
		t.Run(base, func(t *testing.T) {
			out := t.TempDir()
			if err := Export(c, repoRoot, out, base); err != nil {
				t.Fatalf("export: %v", err)
			}
			prefix := strings.TrimSuffix(base, "/")
			var h http.Handler = http.FileServer(http.Dir(out))
			if prefix != "" {
				h = http.StripPrefix(prefix, h)
			}
			srv := httptest.NewServer(h)
			defer srv.Close()
			get := func(p string) (int, string) {
				t.Helper()
				res, err := http.Get(srv.URL + prefix + p)
				if err != nil {
					t.Fatalf("GET %s: %v", p, err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				return res.StatusCode, string(b)
			}
			for i := range c.Docs {
				d := &c.Docs[i]
				status, body := get(d.Path())
				if status != http.StatusOK || !strings.Contains(body, "<h1") || !strings.Contains(body, ">"+htmlText(d.Title)+"</h1>") {
					t.Errorf("GET %s%s: status %d, title in HTML: %v", prefix, d.Path(), status, strings.Contains(body, htmlText(d.Title)))
				}
			}
			for _, p := range []string{"/", "/graph", "/search", "/web/app.wasm", "/app.js", "/app-worker.js", "/manifest.webmanifest"} {
				if status, _ := get(p); status != http.StatusOK {
					t.Errorf("GET %s%s: status %d, want 200", prefix, p, status)
				}
			}
			status, body := get("/booth.html")
			if want := `url=` + prefix + `/patterns/booth"`; status != http.StatusOK || !strings.Contains(body, want) {
				t.Errorf("GET %s/booth.html: status %d, want a page forwarding with %q", prefix, status, want)
			}
			nf, err := os.ReadFile(filepath.Join(out, "404.html"))
			if err != nil || !strings.Contains(string(nf), "Not found") {
				t.Errorf("404.html: %v, has the not-found view: %v", err, strings.Contains(string(nf), "Not found"))
			}
			if prefix != "" {
				_, home := get("/")
				if !strings.Contains(home, `src="`+prefix+`/app.js"`) {
					t.Errorf("home under %s does not load %s/app.js", prefix, prefix)
				}
			}
		})
	}
}

// htmlText escapes a title as the prerendered HTML does.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
