//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// countingApp renders a page of about 20 KB of text per path (text that
// compresses well, as HTML does), counts its renderings per path, and
// answers /broken with a 500 and /cookie with a Set-Cookie.
type countingApp struct {
	mu    sync.Mutex
	hits  map[string]int
	total atomic.Int64
}

func (a *countingApp) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	a.hits[r.Host+r.URL.RequestURI()]++
	a.mu.Unlock()
	a.total.Add(1)
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("ETag", appETag)
	switch r.URL.Path {
	case "/broken":
		http.Error(w, "boom", http.StatusInternalServerError)
		return
	case "/cookie":
		w.Header().Set("Set-Cookie", "a=b")
	case "/app.js":
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, strings.Repeat("console.log('go-app');\n", 800))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><title>%s on %s</title>", r.URL.RequestURI(), r.Host)
	for i := range 400 {
		fmt.Fprintf(w, "<p class=\"card\">pattern %d of the language</p>\n", i)
	}
}

func (a *countingApp) count(key string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.hits[key]
}

func newCountingApp() *countingApp { return &countingApp{hits: map[string]int{}} }

// get asks c for target with the given headers and returns the answer.
func get(c *rendered, method, target string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	c.serve(w, r)
	return w
}

func decode(t *testing.T, enc string, b []byte) string {
	t.Helper()
	var rd io.Reader = bytes.NewReader(b)
	switch enc {
	case "gzip":
		zr, err := gzip.NewReader(rd)
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		rd = zr
	case "br":
		rd = brotli.NewReader(rd)
	}
	out, err := io.ReadAll(rd)
	if err != nil {
		t.Fatalf("decode %s: %v", enc, err)
	}
	return string(out)
}

// TestRenderedOnce checks that a route is rendered once however often and
// however many at once ask for it, HEAD and conditional requests included,
// and that other routes, queries and hosts get their own rendering.
func TestRenderedOnce(t *testing.T) {
	app := newCountingApp()
	c := newRendered(app, 0)
	var wg sync.WaitGroup
	for range 32 {
		wg.Go(func() {
			if w := get(c, http.MethodGet, "/patterns/booth", map[string]string{"Accept-Encoding": "br"}); w.Code != http.StatusOK {
				t.Errorf("status %d", w.Code)
			}
		})
	}
	wg.Wait()
	get(c, http.MethodHead, "/patterns/booth", nil)
	get(c, http.MethodGet, "/patterns/booth", map[string]string{"If-None-Match": `"x"`})
	if n := app.count("example.com/patterns/booth"); n != 1 {
		t.Errorf("/patterns/booth rendered %d times for 34 requests, want 1", n)
	}
	get(c, http.MethodGet, "/search?q=booth", nil)
	get(c, http.MethodGet, "/search?q=swag", nil)
	r := httptest.NewRequest(http.MethodGet, "/patterns/booth", nil)
	r.Host = "192.168.1.20:8000"
	c.serve(httptest.NewRecorder(), r)
	if got := app.total.Load(); got != 4 {
		t.Errorf("%d renderings in all, want 4 (one route, two queries, another host)", got)
	}
}

// TestRenderedHeadFirst checks that a route first asked for with HEAD is
// kept whole for the GET that follows.
func TestRenderedHeadFirst(t *testing.T) {
	app := newCountingApp()
	c := newRendered(app, 0)
	head := get(c, http.MethodHead, "/patterns/booth", nil)
	body := get(c, http.MethodGet, "/patterns/booth", nil)
	if head.Code != http.StatusOK || !strings.Contains(body.Body.String(), "pattern 399 of the language") {
		t.Errorf("HEAD %d, then GET %d with %d bytes, want the whole page", head.Code, body.Code, body.Body.Len())
	}
	if head.Header().Get("Content-Length") != fmt.Sprint(body.Body.Len()) {
		t.Errorf("HEAD Content-Length %q, GET body %d bytes", head.Header().Get("Content-Length"), body.Body.Len())
	}
}

// TestRenderedCompressed checks that every text answer goes out in the
// best coding the client accepts, decoding to what the app wrote, with an
// ETag per coding that revalidates.
func TestRenderedCompressed(t *testing.T) {
	app := newCountingApp()
	c := newRendered(app, 0)
	for _, path := range []string{"/", "/app.js"} {
		plain := get(c, http.MethodGet, path, nil)
		if plain.Header().Get("Content-Encoding") != "" {
			t.Fatalf("%s without Accept-Encoding: Content-Encoding %q", path, plain.Header().Get("Content-Encoding"))
		}
		want := plain.Body.String()
		if len(want) < 10000 {
			t.Fatalf("%s: identity body of %d bytes", path, len(want))
		}
		tags := map[string]bool{plain.Header().Get("ETag"): true}
		for _, tc := range []struct{ accept, enc string }{
			{"gzip, deflate, br, zstd", "br"},
			{"gzip", "gzip"},
			{"br;q=0.5, gzip", "gzip"},
			{"identity", ""},
		} {
			w := get(c, http.MethodGet, path, map[string]string{"Accept-Encoding": tc.accept})
			h := w.Header()
			if got := h.Get("Content-Encoding"); got != tc.enc {
				t.Errorf("%s, Accept-Encoding %q: Content-Encoding %q, want %q", path, tc.accept, got, tc.enc)
				continue
			}
			if got := decode(t, tc.enc, w.Body.Bytes()); got != want {
				t.Errorf("%s in %q decodes to %d bytes unlike the identity body's %d", path, tc.enc, len(got), len(want))
			}
			if tc.enc != "" && w.Body.Len() > len(want)/3 {
				t.Errorf("%s in %s: %d of %d bytes", path, tc.enc, w.Body.Len(), len(want))
			}
			if h.Get("Content-Length") != fmt.Sprint(w.Body.Len()) {
				t.Errorf("%s in %q: Content-Length %q for %d bytes", path, tc.enc, h.Get("Content-Length"), w.Body.Len())
			}
			if !strings.Contains(h.Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: Vary %q", path, h.Get("Vary"))
			}
			if h.Get("Cache-Control") != "no-cache" {
				t.Errorf("%s: Cache-Control %q, want the app's no-cache", path, h.Get("Cache-Control"))
			}
			if tc.enc != "" {
				tags[h.Get("ETag")] = true
			}
			again := get(c, http.MethodGet, path, map[string]string{"Accept-Encoding": tc.accept, "If-None-Match": h.Get("ETag")})
			if again.Code != http.StatusNotModified {
				t.Errorf("%s in %q revalidated with its ETag: %d, want 304", path, tc.enc, again.Code)
			}
		}
		if len(tags) != 3 {
			t.Errorf("%s: ETags %v, want one per coding (identity, br, gzip)", path, tags)
		}
	}
}

// TestRenderedNotKept checks that answers that must not be shared are
// rendered for each request and passed on as the app wrote them.
func TestRenderedNotKept(t *testing.T) {
	app := newCountingApp()
	c := newRendered(app, 0)
	for range 2 {
		if w := get(c, http.MethodGet, "/broken", nil); w.Code != http.StatusInternalServerError || w.Body.String() != "boom\n" {
			t.Errorf("/broken: %d %q", w.Code, w.Body.String())
		}
		if w := get(c, http.MethodGet, "/cookie", nil); w.Header().Get("Set-Cookie") != "a=b" {
			t.Errorf("/cookie lost its Set-Cookie: %v", w.Header())
		}
	}
	if b, k := app.count("example.com/broken"), app.count("example.com/cookie"); b != 2 || k != 2 {
		t.Errorf("rendered /broken %d and /cookie %d times for 2 requests each, want 2 and 2", b, k)
	}
}

// TestRenderedBounded checks that the kept answers stay within the byte
// limit however many routes are asked for, dropping the least recent.
func TestRenderedBounded(t *testing.T) {
	app := newCountingApp()
	const limit = 128 << 10
	c := newRendered(app, limit)
	for i := range 200 {
		get(c, http.MethodGet, fmt.Sprintf("/patterns/p%d", i), map[string]string{"Accept-Encoding": "br"})
		if c.size > limit {
			t.Fatalf("after %d routes: %d bytes kept, limit %d", i+1, c.size, limit)
		}
	}
	if c.order.Len() < 2 || c.order.Len() >= 200 {
		t.Errorf("%d answers kept of 200, want some but not all", c.order.Len())
	}
	get(c, http.MethodGet, "/patterns/p199", nil)
	get(c, http.MethodGet, "/patterns/p0", nil)
	if n, m := app.count("example.com/patterns/p199"), app.count("example.com/patterns/p0"); n != 1 || m != 2 {
		t.Errorf("the most recent route rendered %d times (want 1, kept), the oldest %d (want 2, dropped)", n, m)
	}
}

// discard is a ResponseWriter that keeps the headers and counts the body,
// so that what a request allocates is the server's own doing.
type discard struct {
	header http.Header
	code   int
	n      int
}

func (d *discard) Header() http.Header { return d.header }
func (d *discard) WriteHeader(code int) {
	if d.code == 0 {
		d.code = code
	}
}
func (d *discard) Write(b []byte) (int, error) {
	d.WriteHeader(http.StatusOK)
	d.n += len(b)
	return len(b), nil
}

// ReadFrom copies with pooled buffers, as net/http's response does.
func (d *discard) ReadFrom(r io.Reader) (int64, error) {
	d.WriteHeader(http.StatusOK)
	n, err := io.Copy(io.Discard, r)
	d.n += int(n)
	return n, err
}

// TestRenderedIdentityKept checks that a client that accepts no coding (a
// bot, curl, wrk) gets the kept page too: its body is decompressed on the
// first such request, counted against the limit, and not again, so a later
// identity request allocates about what a brotli one does, far less than
// the page's size.
func TestRenderedIdentityKept(t *testing.T) {
	app := newCountingApp()
	c := newRendered(app, 0)
	first := get(c, http.MethodGet, "/patterns/booth", nil)
	size := first.Body.Len()
	if size < 10000 {
		t.Fatalf("identity body of %d bytes", size)
	}
	kept := c.size
	if kept < int64(size) {
		t.Errorf("%d bytes kept after an identity answer of %d bytes: the plain body is not counted", kept, size)
	}
	br := allocsPerRequest(t, c, "/patterns/booth", "br")
	plain := allocsPerRequest(t, c, "/patterns/booth", "")
	if plain > br+size/4 {
		t.Errorf("each identity request allocates %d bytes (brotli: %d) for a page of %d: the body is decompressed every time", plain, br, size)
	}
	if c.size != kept {
		t.Errorf("kept bytes went from %d to %d over identical requests", kept, c.size)
	}
}

// allocsPerRequest is the mean number of bytes allocated by a GET of
// target with the given Accept-Encoding, request included.
func allocsPerRequest(t *testing.T, c *rendered, target, accept string) int {
	t.Helper()
	const n = 50
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range n {
		r := httptest.NewRequest(http.MethodGet, target, nil)
		if accept != "" {
			r.Header.Set("Accept-Encoding", accept)
		}
		d := &discard{header: http.Header{}}
		c.serve(d, r)
		if d.code != http.StatusOK || d.n == 0 {
			t.Fatalf("%s in %q: %d with %d bytes", target, accept, d.code, d.n)
		}
	}
	runtime.ReadMemStats(&after)
	return int(after.TotalAlloc-before.TotalAlloc) / n
}

// BenchmarkRenderedPage is the cost of sending a kept page, as a browser
// (brotli) and as a client that accepts no coding.
func BenchmarkRenderedPage(b *testing.B) {
	c := newRendered(newCountingApp(), 0)
	for _, accept := range []string{"gzip, deflate, br", ""} {
		get(c, http.MethodGet, "/patterns/booth", map[string]string{"Accept-Encoding": accept})
		b.Run("accept="+accept, func(b *testing.B) {
			r := httptest.NewRequest(http.MethodGet, "/patterns/booth", nil)
			if accept != "" {
				r.Header.Set("Accept-Encoding", accept)
			}
			b.ReportAllocs()
			for b.Loop() {
				c.serve(&discard{header: http.Header{}}, r)
			}
		})
	}
}

// gatedApp renders like countingApp but notes how many renderings run at
// once, and panics on /panic.
type gatedApp struct {
	countingApp
	running, most atomic.Int64
	release       chan struct{}
}

func (a *gatedApp) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/panic" {
		panic("the app failed")
	}
	n := a.running.Add(1)
	defer a.running.Add(-1)
	for {
		m := a.most.Load()
		if n <= m || a.most.CompareAndSwap(m, n) {
			break
		}
	}
	<-a.release
	a.countingApp.ServeHTTP(w, r)
}

// TestRenderedBoundedConcurrency checks that a burst of new routes renders
// at most one page a processor at a time, and that every request is
// answered once the renderings go on.
func TestRenderedBoundedConcurrency(t *testing.T) {
	app := &gatedApp{countingApp: *newCountingApp(), release: make(chan struct{})}
	c := newRendered(app, 0)
	const routes = 32
	var wg sync.WaitGroup
	for i := range routes {
		wg.Go(func() {
			if w := get(c, http.MethodGet, fmt.Sprintf("/patterns/p%d", i), nil); w.Code != http.StatusOK {
				t.Errorf("status %d", w.Code)
			}
		})
	}
	close(app.release)
	wg.Wait()
	if most, procs := app.most.Load(), int64(runtime.GOMAXPROCS(0)); most > procs {
		t.Errorf("%d renderings at once on %d processors", most, procs)
	}
	if got := app.total.Load(); got != routes {
		t.Errorf("%d renderings for %d routes", got, routes)
	}
}

// TestRenderedPanicReleases checks that an app that panics does not keep
// a rendering token nor leave the route's waiters waiting: after more
// panics than there are tokens, other routes still render.
func TestRenderedPanicReleases(t *testing.T) {
	app := &gatedApp{countingApp: *newCountingApp(), release: make(chan struct{})}
	close(app.release)
	c := newRendered(app, 0)
	done := make(chan int)
	go func() {
		for range runtime.GOMAXPROCS(0) + 2 {
			func() {
				defer func() {
					if recover() == nil {
						t.Error("the app's panic was swallowed")
					}
				}()
				get(c, http.MethodGet, "/panic", nil)
			}()
		}
		done <- get(c, http.MethodGet, "/patterns/booth", nil).Code
	}()
	select {
	case code := <-done:
		if code != http.StatusOK {
			t.Errorf("status %d after the panics", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no rendering after the app's panics: a token or a waiter was left behind")
	}
}
