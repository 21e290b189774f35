//go:build !wasm

package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Bodies of the test files; the twins are not real compressions, which lets
// the tests see which file was sent.
const (
	wasmBody   = "RAW-WASM-0123456789-RAW-WASM-0123456789"
	wasmBr     = "BR-WASM"
	wasmGz     = "GZ-WASM-BODY"
	secretBody = "TOP-SECRET"
	appETag    = `"app-v1"`
	// ownETag in a test table stands for the ETag the server gives a
	// rendered route, learnt from a first request.
	ownETag = "own"
)

// fixture is a web root and a server over it.
type fixture struct {
	root    string
	srv     *httptest.Server
	logs    *syncBuffer
	appHits *int
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func mustWrite(t *testing.T, name, body string, mtime time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// fakeApp behaves like go-app's handler where it matters: a version ETag,
// 304 when If-None-Match matches it, a page for every path.
func fakeApp(hits *int, mu *sync.Mutex) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		*hits++
		mu.Unlock()
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", appETag)
		if r.Header.Get("If-None-Match") == appETag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if r.URL.Path == "/broken" {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html>app page for %s</html>", r.URL.Path)
	})
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	base := t.TempDir()
	root := filepath.Join(base, "site")
	web := filepath.Join(root, "web")
	mt := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

	mustWrite(t, filepath.Join(base, "secret.txt"), secretBody, mt)
	mustWrite(t, filepath.Join(root, "secret.txt"), secretBody, mt)
	mustWrite(t, filepath.Join(web, "app.wasm"), wasmBody, mt)
	mustWrite(t, filepath.Join(web, "app.wasm.br"), wasmBr, mt)
	mustWrite(t, filepath.Join(web, "app.wasm.gz"), wasmGz, mt)
	mustWrite(t, filepath.Join(web, "app.3f9a2c1b.js"), "console.log(1)", mt)
	mustWrite(t, filepath.Join(web, "style.css"), "body{}", mt)
	mustWrite(t, filepath.Join(web, "icon.svg"), "<svg/>", mt)
	mustWrite(t, filepath.Join(web, "manifest.webmanifest"), "{}", mt)
	mustWrite(t, filepath.Join(web, "sub", "a.txt"), "a", mt)
	mustWrite(t, filepath.Join(web, ".env"), secretBody, mt)
	// A twin older than its source must be ignored.
	mustWrite(t, filepath.Join(web, "old.js"), "new source", mt)
	mustWrite(t, filepath.Join(web, "old.js.br"), "stale twin", mt.Add(-time.Hour))
	if err := os.Symlink(filepath.Join(base, "secret.txt"), filepath.Join(web, "out.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../secret.txt", filepath.Join(web, "up.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(base, filepath.Join(web, "outdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("style.css", filepath.Join(web, "in.css")); err != nil {
		t.Fatal(err)
	}

	hits := new(int)
	var mu sync.Mutex
	logs := &syncBuffer{}
	h, err := New(Config{
		Root: root,
		App:  fakeApp(hits, &mu),
		Known: func(p string) bool {
			switch p {
			case "/", "/patterns/window-place", "/app.js", "/broken":
				return true
			}
			return false
		},
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &fixture{root: root, srv: srv, logs: logs, appHits: hits}
}

// do sends a request with the given headers, without Go's transparent
// decompression, and returns the response and its body.
func (f *fixture) do(t *testing.T, method, target string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// raw sends target exactly as written on the request line, so that no
// client library cleans or re-encodes it.
func (f *fixture) raw(t *testing.T, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", f.srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(5 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestLocalName(t *testing.T) {
	tests := []struct {
		name   string
		target string // request target as sent
		want   string
		ok     bool
	}{
		{name: "plain file", target: "/web/app.wasm", want: "app.wasm", ok: true},
		{name: "nested file", target: "/web/css/site.css", want: "css/site.css", ok: true},
		{name: "encoded letter", target: "/web/app%2ewasm", want: "app.wasm", ok: true},
		{name: "space", target: "/web/my%20file.txt", want: "my file.txt", ok: true},
		{name: "unicode", target: "/web/caf%C3%A9.txt", want: "café.txt", ok: true},
		{name: "empty", target: "/web/"},
		{name: "dot dot", target: "/web/../secret.txt"},
		{name: "dot dot deeper", target: "/web/../../../../etc/passwd"},
		{name: "dot dot inside", target: "/web/sub/../app.wasm"},
		{name: "dot segment", target: "/web/./app.wasm"},
		{name: "encoded dot dot", target: "/web/%2e%2e/secret.txt"},
		{name: "encoded dot dot upper case", target: "/web/%2E%2E/secret.txt"},
		{name: "half encoded dot dot", target: "/web/.%2e/secret.txt"},
		{name: "encoded slash", target: "/web/..%2fsecret.txt"},
		{name: "encoded slash upper case", target: "/web/%2E%2E%2Fsecret.txt"},
		{name: "encoded slash in a name", target: "/web/sub%2fa.txt"},
		{name: "encoded backslash", target: "/web/..%5csecret.txt"},
		{name: "encoded backslash upper case", target: "/web/..%5Csecret.txt"},
		{name: "backslash", target: `/web/..\secret.txt`},
		{name: "double encoded dot dot", target: "/web/%252e%252e/secret.txt"},
		{name: "double encoded slash", target: "/web/..%252fsecret.txt"},
		{name: "double encoded backslash", target: "/web/..%255csecret.txt"},
		{name: "overlong utf-8 dot", target: "/web/%c0%ae%c0%ae/secret.txt"},
		{name: "nul", target: "/web/app.wasm%00.png"},
		{name: "control byte", target: "/web/app%0a.wasm"},
		{name: "delete byte", target: "/web/app%7f.wasm"},
		{name: "double slash", target: "/web//etc/passwd"},
		{name: "trailing slash", target: "/web/sub/"},
		{name: "hidden file", target: "/web/.env"},
		{name: "hidden folder", target: "/web/.git/config"},
		{name: "precompress temporary file", target: "/web/.app.wasm.br.123.tmp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.ParseRequestURI(tt.target)
			if err != nil {
				t.Fatalf("parse %q: %v", tt.target, err)
			}
			got, ok := localName(strings.TrimPrefix(u.Path, WebPrefix), u.EscapedPath())
			if got != tt.want || ok != tt.ok {
				t.Errorf("localName(%q) = %q, %v; want %q, %v", tt.target, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestNastyPaths(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name   string
		target string
		want   int
	}{
		{name: "control: served", target: "/web/style.css", want: http.StatusOK},
		{name: "symlink inside the root", target: "/web/in.css", want: http.StatusOK},
		{name: "symlink out of the root", target: "/web/out.txt", want: http.StatusNotFound},
		{name: "relative symlink out of the root", target: "/web/up.txt", want: http.StatusNotFound},
		{name: "through a symlinked folder out of the root", target: "/web/outdir/secret.txt", want: http.StatusNotFound},
		{name: "dot dot", target: "/web/../secret.txt", want: http.StatusNotFound},
		{name: "deep dot dot", target: "/web/../../../../../../etc/passwd", want: http.StatusNotFound},
		{name: "encoded dot dot", target: "/web/%2e%2e/secret.txt", want: http.StatusNotFound},
		{name: "encoded dot dot and slash", target: "/web/%2e%2e%2fsecret.txt", want: http.StatusNotFound},
		{name: "encoded prefix", target: "/%77eb/%2e%2e/secret.txt", want: http.StatusNotFound},
		{name: "encoded backslash", target: "/web/..%5csecret.txt", want: http.StatusNotFound},
		{name: "double encoded", target: "/web/%252e%252e/secret.txt", want: http.StatusNotFound},
		{name: "double encoded slash", target: "/web/..%252fsecret.txt", want: http.StatusNotFound},
		{name: "nul", target: "/web/style.css%00.png", want: http.StatusNotFound},
		{name: "hidden file", target: "/web/.env", want: http.StatusNotFound},
		{name: "directory", target: "/web/sub", want: http.StatusNotFound},
		{name: "directory with slash", target: "/web/sub/", want: http.StatusNotFound},
		{name: "web folder", target: "/web/", want: http.StatusNotFound},
		{name: "web folder without slash", target: "/web", want: http.StatusNotFound},
		{name: "missing file", target: "/web/nope.js", want: http.StatusNotFound},
		{name: "absolute URL form", target: "http://localhost/web/%2e%2e/secret.txt", want: http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, body := f.raw(t, tt.target)
			if got != tt.want {
				t.Errorf("status = %d, want %d (body %q)", got, tt.want, body)
			}
			if strings.Contains(body, secretBody) {
				t.Errorf("body leaks the secret: %q", body)
			}
			if strings.Contains(body, "<a href") {
				t.Errorf("body looks like a listing: %q", body)
			}
		})
	}
	if *f.appHits != 0 {
		t.Errorf("app was called %d times for /web/ paths, want 0", *f.appHits)
	}
}

func TestNegotiate(t *testing.T) {
	both := []string{"br", "gzip"}
	tests := []struct {
		name   string
		header string
		offers []string
		want   string
	}{
		{name: "no header", header: "", offers: both, want: ""},
		{name: "browser", header: "gzip, deflate, br, zstd", offers: both, want: "br"},
		{name: "gzip only", header: "gzip", offers: both, want: "gzip"},
		{name: "br only", header: "br", offers: both, want: "br"},
		{name: "br but only gzip twin", header: "br", offers: []string{"gzip"}, want: ""},
		{name: "no twins", header: "br, gzip", offers: nil, want: ""},
		{name: "gzip preferred by q", header: "br;q=0.5, gzip;q=0.8", offers: both, want: "gzip"},
		{name: "equal q prefers br", header: "gzip;q=0.7, br;q=0.7", offers: both, want: "br"},
		{name: "br excluded", header: "br;q=0, gzip", offers: both, want: "gzip"},
		{name: "all excluded", header: "br;q=0, gzip;q=0", offers: both, want: ""},
		{name: "star", header: "*", offers: both, want: "br"},
		{name: "star with br excluded", header: "*, br;q=0", offers: both, want: "gzip"},
		{name: "star excluded", header: "*;q=0", offers: both, want: ""},
		{name: "identity preferred", header: "identity;q=1, br;q=0.5", offers: both, want: ""},
		{name: "identity excluded", header: "identity;q=0, gzip;q=0.1", offers: both, want: "gzip"},
		{name: "identity only", header: "identity", offers: both, want: ""},
		{name: "x-gzip", header: "x-gzip", offers: both, want: "gzip"},
		{name: "case and spaces", header: " BR ; Q=0.9 ,GZIP;q=0.2", offers: both, want: "br"},
		{name: "q of 1.000", header: "gzip;q=1.000, br;q=0.999", offers: both, want: "gzip"},
		{name: "invalid q ignored", header: "br;q=2, gzip", offers: both, want: "gzip"},
		{name: "malformed q ignored", header: "br;q=abc, gzip;q=0.5", offers: both, want: "gzip"},
		{name: "negative q ignored", header: "br;q=-1", offers: both, want: ""},
		{name: "unknown coding", header: "zstd", offers: both, want: ""},
		{name: "empty elements", header: ",,br,", offers: both, want: "br"},
		{name: "q below identity default", header: "br;q=0.5", offers: both, want: "br"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := negotiate(tt.header, tt.offers); got != tt.want {
				t.Errorf("negotiate(%q, %v) = %q, want %q", tt.header, tt.offers, got, tt.want)
			}
		})
	}
}

func TestPrecompressed(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name     string
		target   string
		accept   string
		wantEnc  string
		wantBody string
	}{
		{name: "br", target: "/web/app.wasm", accept: "gzip, deflate, br", wantEnc: "br", wantBody: wasmBr},
		{name: "gzip", target: "/web/app.wasm", accept: "gzip", wantEnc: "gzip", wantBody: wasmGz},
		{name: "gzip by q", target: "/web/app.wasm", accept: "br;q=0.1, gzip", wantEnc: "gzip", wantBody: wasmGz},
		{name: "identity", target: "/web/app.wasm", accept: "", wantBody: wasmBody},
		{name: "all excluded", target: "/web/app.wasm", accept: "br;q=0, gzip;q=0", wantBody: wasmBody},
		{name: "alias", target: "/app.wasm", accept: "br", wantEnc: "br", wantBody: wasmBr},
		{name: "stale twin ignored", target: "/web/old.js", accept: "br", wantBody: "new source"},
	}
	etags := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := f.do(t, http.MethodGet, tt.target, map[string]string{"Accept-Encoding": tt.accept})
			if got, want := resp.StatusCode, http.StatusOK; got != want {
				t.Fatalf("status = %d, want %d", got, want)
			}
			if got, want := resp.Header.Get("Content-Encoding"), tt.wantEnc; got != want {
				t.Errorf("Content-Encoding = %q, want %q", got, want)
			}
			if got, want := body, tt.wantBody; got != want {
				t.Errorf("body = %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Vary"), "Accept-Encoding"; got != want {
				t.Errorf("Vary = %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Content-Length"), fmt.Sprint(len(tt.wantBody)); got != want {
				t.Errorf("Content-Length = %q, want %q", got, want)
			}
			wantType := "application/wasm"
			if strings.HasSuffix(tt.target, ".js") {
				wantType = "text/javascript; charset=utf-8"
			}
			if got := resp.Header.Get("Content-Type"); got != wantType {
				t.Errorf("Content-Type = %q, want %q", got, wantType)
			}
			if strings.HasSuffix(tt.target, "app.wasm") {
				if got, want := resp.Header.Get(UncompressedLengthHeader), fmt.Sprint(len(wasmBody)); got != want {
					t.Errorf("%s = %q, want %q", UncompressedLengthHeader, got, want)
				}
				etags[tt.wantEnc] = resp.Header.Get("ETag")
			}
			if resp.Header.Get("Last-Modified") == "" {
				t.Error("no Last-Modified")
			}
		})
	}
	if len(etags) != 3 {
		t.Fatalf("got ETags for %d encodings, want 3: %v", len(etags), etags)
	}
	seen := map[string]string{}
	for enc, tag := range etags {
		if tag == "" {
			t.Errorf("encoding %q has no ETag", enc)
		}
		if other, dup := seen[tag]; dup {
			t.Errorf("encodings %q and %q share ETag %s", enc, other, tag)
		}
		seen[tag] = enc
	}
}

func TestConditionalAndRange(t *testing.T) {
	f := newFixture(t)
	brResp, _ := f.do(t, http.MethodGet, "/web/app.wasm", map[string]string{"Accept-Encoding": "br"})
	brTag := brResp.Header.Get("ETag")
	lastMod := brResp.Header.Get("Last-Modified")

	tests := []struct {
		name       string
		method     string
		header     map[string]string
		wantStatus int
		wantBody   string
		wantEnc    string
		wantLength string
		wantRange  string
	}{
		{name: "if-none-match same encoding", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "br", "If-None-Match": brTag},
			wantStatus: http.StatusNotModified},
		{name: "if-none-match other encoding", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "gzip", "If-None-Match": brTag},
			wantStatus: http.StatusOK, wantBody: wasmGz, wantEnc: "gzip", wantLength: fmt.Sprint(len(wasmGz))},
		{name: "if-modified-since", method: http.MethodGet,
			header:     map[string]string{"If-Modified-Since": lastMod},
			wantStatus: http.StatusNotModified},
		{name: "head identity", method: http.MethodHead,
			wantStatus: http.StatusOK, wantLength: fmt.Sprint(len(wasmBody))},
		{name: "head br", method: http.MethodHead, header: map[string]string{"Accept-Encoding": "br"},
			wantStatus: http.StatusOK, wantEnc: "br", wantLength: fmt.Sprint(len(wasmBr))},
		{name: "range identity", method: http.MethodGet, header: map[string]string{"Range": "bytes=0-3"},
			wantStatus: http.StatusPartialContent, wantBody: wasmBody[:4], wantLength: "4",
			wantRange: fmt.Sprintf("bytes 0-3/%d", len(wasmBody))},
		{name: "range of the br encoding", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "br", "Range": "bytes=3-"},
			wantStatus: http.StatusPartialContent, wantBody: wasmBr[3:], wantEnc: "br",
			wantLength: fmt.Sprint(len(wasmBr) - 3), wantRange: fmt.Sprintf("bytes 3-%d/%d", len(wasmBr)-1, len(wasmBr))},
		{name: "if-match fails", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "br", "If-Match": `"other"`},
			wantStatus: http.StatusPreconditionFailed},
		{name: "if-match succeeds", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "br", "If-Match": brTag},
			wantStatus: http.StatusOK, wantBody: wasmBr, wantEnc: "br", wantLength: fmt.Sprint(len(wasmBr))},
		{name: "if-unmodified-since in the past", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "gzip", "If-Unmodified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"},
			wantStatus: http.StatusPreconditionFailed},
		{name: "if-range matching the encoding", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "br", "Range": "bytes=0-1", "If-Range": brTag},
			wantStatus: http.StatusPartialContent, wantBody: wasmBr[:2], wantEnc: "br", wantLength: "2",
			wantRange: fmt.Sprintf("bytes 0-1/%d", len(wasmBr))},
		{name: "if-range of another encoding sends it all", method: http.MethodGet,
			header:     map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=0-1", "If-Range": brTag},
			wantStatus: http.StatusOK, wantBody: wasmGz, wantEnc: "gzip", wantLength: fmt.Sprint(len(wasmGz))},
		{name: "unsatisfiable range", method: http.MethodGet, header: map[string]string{"Range": "bytes=9999-"},
			wantStatus: http.StatusRequestedRangeNotSatisfiable, wantBody: "invalid range: failed to overlap\n",
			wantRange: fmt.Sprintf("bytes */%d", len(wasmBody))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := f.do(t, tt.method, "/web/app.wasm", tt.header)
			if got, want := resp.StatusCode, tt.wantStatus; got != want {
				t.Fatalf("status = %d, want %d", got, want)
			}
			if got, want := body, tt.wantBody; got != want {
				t.Errorf("body = %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Content-Encoding"), tt.wantEnc; got != want {
				t.Errorf("Content-Encoding = %q, want %q", got, want)
			}
			if tt.wantLength != "" {
				if got, want := resp.Header.Get("Content-Length"), tt.wantLength; got != want {
					t.Errorf("Content-Length = %q, want %q", got, want)
				}
			}
			if got, want := resp.Header.Get("Content-Range"), tt.wantRange; got != want {
				t.Errorf("Content-Range = %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Vary"), "Accept-Encoding"; tt.wantStatus < 400 && got != want {
				t.Errorf("Vary = %q, want %q", got, want)
			}
		})
	}
}

func TestCacheControl(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string
	}{
		{name: "hashed js", file: "app.3f9a2c1b.js", want: cacheImmutable},
		{name: "hashed wasm upper case", file: "app.3F9A2C1B.wasm", want: cacheImmutable},
		{name: "long hash", file: "sub/chunk.0123456789abcdef0123.css", want: cacheImmutable},
		{name: "two hashes", file: "a.deadbeef.cafebabe.js", want: cacheImmutable},
		{name: "plain", file: "app.wasm", want: cacheRevalidate},
		{name: "short hex", file: "app.3f9a2c1.js", want: cacheRevalidate},
		{name: "not hex", file: "app.3f9a2c1g.js", want: cacheRevalidate},
		{name: "hash is the extension", file: "app.3f9a2c1b", want: cacheRevalidate},
		{name: "hash is the stem", file: "3f9a2c1b.js", want: cacheRevalidate},
		{name: "hash joined by a dash", file: "app-3f9a2c1b.js", want: cacheRevalidate},
		{name: "hash in a folder name", file: "3f9a2c1b.d/app.js", want: cacheRevalidate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cacheControl(tt.file); got != tt.want {
				t.Errorf("cacheControl(%q) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}

	f := newFixture(t)
	for target, want := range map[string]string{
		"/web/app.3f9a2c1b.js": cacheImmutable,
		"/web/app.wasm":        cacheRevalidate,
	} {
		resp, _ := f.do(t, http.MethodGet, target, map[string]string{"Accept-Encoding": "br"})
		if got := resp.Header.Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control = %q, want %q", target, got, want)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string
	}{
		{name: "wasm", file: "app.wasm", want: "application/wasm"},
		{name: "js", file: "app.js", want: "text/javascript; charset=utf-8"},
		{name: "css", file: "style.css", want: "text/css; charset=utf-8"},
		{name: "svg", file: "icon.svg", want: "image/svg+xml"},
		{name: "manifest", file: "manifest.webmanifest", want: "application/manifest+json"},
		{name: "png upper case", file: "ICON.PNG", want: "image/png"},
		{name: "json", file: "data/index.json", want: "application/json"},
		{name: "woff2", file: "font.woff2", want: "font/woff2"},
		{name: "unknown", file: "blob.zzz", want: "application/octet-stream"},
		{name: "no extension", file: "LICENSE", want: "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := contentType(tt.file); got != tt.want {
				t.Errorf("contentType(%q) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

func TestAppRouting(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name       string
		method     string
		target     string
		header     map[string]string
		wantStatus int
		wantBody   string
		wantETag   string
		wantAllow  string
	}{
		{name: "known page", method: http.MethodGet, target: "/patterns/window-place",
			wantStatus: http.StatusOK, wantBody: "<html>app page for /patterns/window-place</html>", wantETag: ownETag},
		{name: "known page revalidated", method: http.MethodGet, target: "/",
			header: map[string]string{"If-None-Match": ownETag}, wantStatus: http.StatusNotModified, wantETag: ownETag},
		{name: "go-app resource passes through", method: http.MethodGet, target: "/app.js",
			wantStatus: http.StatusOK, wantBody: "<html>app page for /app.js</html>", wantETag: ownETag},
		{name: "unknown page renders the app with 404", method: http.MethodGet, target: "/no/such/page",
			wantStatus: http.StatusNotFound, wantBody: "<html>app page for /no/such/page</html>"},
		{name: "unknown page ignores If-None-Match", method: http.MethodGet, target: "/nope",
			header:     map[string]string{"If-None-Match": appETag},
			wantStatus: http.StatusNotFound, wantBody: "<html>app page for /nope</html>"},
		{name: "unknown page ignores Range", method: http.MethodGet, target: "/nope",
			header:     map[string]string{"Range": "bytes=0-1"},
			wantStatus: http.StatusNotFound, wantBody: "<html>app page for /nope</html>"},
		{name: "head of unknown page", method: http.MethodHead, target: "/nope",
			wantStatus: http.StatusNotFound},
		{name: "app errors are kept", method: http.MethodGet, target: "/broken",
			wantStatus: http.StatusInternalServerError, wantBody: "boom\n", wantETag: appETag},
		{name: "missing alias file", method: http.MethodGet, target: "/robots.txt",
			wantStatus: http.StatusNotFound, wantBody: "404 page not found\n"},
		{name: "post", method: http.MethodPost, target: "/",
			wantStatus: http.StatusMethodNotAllowed, wantBody: "405 method not allowed\n", wantAllow: "GET, HEAD"},
		{name: "put a file", method: http.MethodPut, target: "/web/app.wasm",
			wantStatus: http.StatusMethodNotAllowed, wantBody: "405 method not allowed\n", wantAllow: "GET, HEAD"},
		{name: "options", method: http.MethodOptions, target: "/",
			wantStatus: http.StatusMethodNotAllowed, wantBody: "405 method not allowed\n", wantAllow: "GET, HEAD"},
	}
	// Known routes are answered from memory with the server's own
	// validator, one per body; learn each one from a first request.
	etags := map[string]string{}
	for _, tt := range tests {
		if tt.wantETag == ownETag {
			resp, _ := f.do(t, http.MethodGet, tt.target, nil)
			etags[tt.target] = resp.Header.Get("ETag")
			if etags[tt.target] == "" || etags[tt.target] == appETag {
				t.Fatalf("%s: ETag %q, want the server's own", tt.target, etags[tt.target])
			}
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.wantETag == ownETag {
				tt.wantETag = etags[tt.target]
				if tt.header["If-None-Match"] == ownETag {
					tt.header = map[string]string{"If-None-Match": etags[tt.target]}
				}
			}
			resp, body := f.do(t, tt.method, tt.target, tt.header)
			if got, want := resp.StatusCode, tt.wantStatus; got != want {
				t.Errorf("status = %d, want %d", got, want)
			}
			if got, want := body, tt.wantBody; got != want {
				t.Errorf("body = %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("ETag"), tt.wantETag; got != want {
				t.Errorf("ETag = %q, want %q", got, want)
			}
			if got, want := resp.Header.Get("Allow"), tt.wantAllow; got != want {
				t.Errorf("Allow = %q, want %q", got, want)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t)
	want := map[string]string{
		"Content-Security-Policy": DefaultCSP,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
		"X-Frame-Options":         "DENY",
		"Permissions-Policy":      PermissionsPolicy,
	}
	tests := []struct {
		name   string
		method string
		target string
	}{
		{name: "file", method: http.MethodGet, target: "/web/app.wasm"},
		{name: "page", method: http.MethodGet, target: "/"},
		{name: "unknown page", method: http.MethodGet, target: "/nope"},
		{name: "missing file", method: http.MethodGet, target: "/web/nope"},
		{name: "not allowed", method: http.MethodDelete, target: "/"},
		{name: "head", method: http.MethodHead, target: "/web/style.css"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, _ := f.do(t, tt.method, tt.target, nil)
			for k, v := range want {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
		})
	}
	if !strings.Contains(DefaultCSP, "'wasm-unsafe-eval'") || strings.Contains(DefaultCSP, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("CSP %q must allow WASM compilation and no inline script", DefaultCSP)
	}
	for _, d := range []string{"form-action 'self'", "base-uri 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(DefaultCSP, d+";") && !strings.HasSuffix(DefaultCSP, d) {
			t.Errorf("CSP %q lacks %s", DefaultCSP, d)
		}
	}
}

func TestRequestLog(t *testing.T) {
	f := newFixture(t)
	f.do(t, http.MethodGet, "/web/app.wasm", map[string]string{"Accept-Encoding": "br"})
	f.do(t, http.MethodGet, "/nope", nil)
	logs := f.logs.String()
	for _, want := range []string{
		"msg=request method=GET path=/web/app.wasm status=200 bytes=" + fmt.Sprint(len(wasmBr)) + " duration=",
		"msg=request method=GET path=/nope status=404 bytes=",
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("log does not contain %q:\n%s", want, logs)
		}
	}
	if got, want := strings.Count(logs, "msg=request"), 2; got != want {
		t.Errorf("%d request lines, want %d:\n%s", got, want, logs)
	}
}

func TestNewErrors(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	app := http.NotFoundHandler()
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{name: "no app", cfg: Config{Root: root}, want: "no app handler"},
		{name: "no root", cfg: Config{App: app}, want: "no root folder"},
		{name: "no web folder", cfg: Config{Root: t.TempDir(), App: app}, want: "open web folder"},
		{name: "alias into web", cfg: Config{Root: root, App: app, Aliases: map[string]string{"/web/x": "x"}}, want: "alias"},
		{name: "alias escaping", cfg: Config{Root: root, App: app, Aliases: map[string]string{"/x": "../x"}}, want: "alias"},
		{name: "relative alias path", cfg: Config{Root: root, App: app, Aliases: map[string]string{"x": "x"}}, want: "alias"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if err == nil {
				t.Fatal("got nil error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestServeShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	go func() {
		done <- Serve(ctx, ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, "ok")
		}), logger)
	}()
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if got, want := string(body), "ok"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
}

func TestRunBadAddress(t *testing.T) {
	err := Run(context.Background(), "127.0.0.1:-1", http.NotFoundHandler(), nil)
	if err == nil || !strings.Contains(err.Error(), "listen on") {
		t.Errorf("got %v, want a listen error", err)
	}
}
