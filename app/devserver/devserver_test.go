//go:build !wasm

package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/devmode"
	"github.com/devrel-patterns/explorer/app/site"
)

// fakeRoot is a folder with the web/ files a dev server reads, without a
// real build: the native tests need no WASM.
func fakeRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	web := filepath.Join(root, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"app.wasm", "style.css", "compile-worker.js"} {
		if err := os.WriteFile(filepath.Join(web, f), []byte("/* "+f+" */"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// startDev serves a dev server with opts on a loopback port until the
// test ends.
func startDev(t *testing.T, opts Options) string {
	t.Helper()
	opts.Logger = slog.New(slog.DiscardHandler)
	s, err := New(opts)
	if err != nil {
		t.Fatalf("dev server: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("dev server: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// states follows a dev server's event stream as a page does.
func states(t *testing.T, url string) <-chan devmode.State {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+devmode.EventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("events: %v", err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q, want text/event-stream", ct)
	}
	ch := make(chan devmode.State, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			if e, ok := strings.CutPrefix(line, "event: "); ok {
				event = e
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok && event == devmode.StateEvent {
				var s devmode.State
				if json.Unmarshal([]byte(data), &s) == nil {
					ch <- s
				}
			}
		}
	}()
	return ch
}

// await returns the first state that ok accepts.
func await(t *testing.T, ch <-chan devmode.State, what string, ok func(devmode.State) bool) devmode.State {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case s, open := <-ch:
			if !open {
				t.Fatalf("%s: the event stream ended", what)
			}
			if ok(s) {
				return s
			}
		case <-timeout:
			t.Fatalf("%s: no such state within 10 s", what)
		}
	}
}

// served fetches and decodes the corpus the server serves.
func served(t *testing.T, url string) *corpus.Corpus {
	t.Helper()
	resp, err := http.Get(url + devmode.CorpusURL(""))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Decode(data)
	if err != nil {
		t.Fatalf("decode served corpus: %v", err)
	}
	return c
}

// TestFollowsContentFolder changes a content folder as an author does —
// a new file in a new subfolder, a rename, a delete, a mistake and its
// fix — and checks that each reaches the pages' event stream and the
// corpus served, and that a mistake keeps the last good corpus.
func TestFollowsContentFolder(t *testing.T) {
	dir := copyContent(t)
	url := startDev(t, Options{Content: dir, Root: fakeRoot(t)})
	ch := states(t, url)
	first := await(t, ch, "first state", func(devmode.State) bool { return true })
	if first.Corpus == "" || len(first.Errors) > 0 || first.Build == "" {
		t.Fatalf("first state %+v: want a corpus, a build and no errors", first)
	}
	orig, err := os.ReadFile(filepath.Join(dir, "booth.md"))
	if err != nil {
		t.Fatal(err)
	}
	pattern := strings.Replace(string(orig), "title=Booth", "title=Zig Zag", 1)

	version := first.Corpus
	status := func(path string) int {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	steps := []struct {
		name   string
		change func() error
		has    []string // slugs (paths under the content folder) the served corpus must hold, and pages found
		hasNot []string // and must not
	}{
		{"new file in a new subfolder", func() error {
			if err := os.Mkdir(filepath.Join(dir, "more"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "more", "zig-zag.md"), []byte(pattern), 0o644)
		}, []string{"more/zig-zag", "booth"}, nil},
		{"renamed", func() error {
			return os.Rename(filepath.Join(dir, "more", "zig-zag.md"), filepath.Join(dir, "more", "zag.md"))
		}, []string{"more/zag"}, []string{"more/zig-zag"}},
		{"deleted", func() error {
			return os.Remove(filepath.Join(dir, "more", "zag.md"))
		}, nil, []string{"more/zag", "more/zig-zag"}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.change(); err != nil {
				t.Fatal(err)
			}
			s := await(t, ch, st.name, func(s devmode.State) bool { return s.Corpus != version })
			version = s.Corpus
			c := served(t, url)
			if c.Version != version {
				t.Errorf("served corpus %s, announced %s", c.Version, version)
			}
			for _, slug := range st.has {
				if c.Lookup(slug) < 0 {
					t.Errorf("the served corpus has no %q", slug)
				}
				if got := status("/patterns/" + slug); got != http.StatusOK {
					t.Errorf("GET /patterns/%s: %d, want 200", slug, got)
				}
			}
			for _, slug := range st.hasNot {
				if c.Lookup(slug) >= 0 {
					t.Errorf("the served corpus still has %q", slug)
				}
				if got := status("/patterns/" + slug); got != http.StatusNotFound {
					t.Errorf("GET /patterns/%s: %d, want 404", slug, got)
				}
			}
		})
	}

	t.Run("a mistake keeps the last good corpus", func(t *testing.T) {
		bad := strings.Replace(string(orig), "\ndate=2026-02-09\n", "\ndate=someday\n", 1)
		if err := os.WriteFile(filepath.Join(dir, "booth.md"), []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		s := await(t, ch, "the error", func(s devmode.State) bool { return len(s.Errors) > 0 })
		want := filepath.ToSlash(filepath.Join(dir, "booth.md")) + `:2: bad date "someday"`
		if len(s.Errors) != 1 || !strings.HasPrefix(s.Errors[0].String(), want) {
			t.Errorf("errors %v, want one starting %q", s.Errors, want)
		}
		if s.Corpus != version {
			t.Errorf("corpus %s while the content does not compile, want the last good %s", s.Corpus, version)
		}
		if c := served(t, url); c.Version != version || c.Lookup("booth") < 0 {
			t.Errorf("served corpus %s (booth %d), want the last good %s with booth", c.Version, c.Lookup("booth"), version)
		}
	})
	t.Run("fixing it clears the error", func(t *testing.T) {
		if err := os.WriteFile(filepath.Join(dir, "booth.md"), orig, 0o644); err != nil {
			t.Fatal(err)
		}
		s := await(t, ch, "no error", func(s devmode.State) bool { return len(s.Errors) == 0 })
		if s.Corpus != version {
			t.Errorf("corpus %s after the fix, want %s (the same content as before the mistake)", s.Corpus, version)
		}
	})
}

// TestRebuildOnCodeChange checks that a change of the app's code calls
// Rebuild and announces a new build, which makes the pages reload, and
// that a failed rebuild shows as an error.
func TestRebuildOnCodeChange(t *testing.T) {
	root := fakeRoot(t)
	code := t.TempDir()
	src := filepath.Join(code, "style.css")
	if err := os.WriteFile(src, []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The rebuild copies the stylesheet into web/, as the build writes
	// the WASM there; a stylesheet with "broken" in it fails to build.
	rebuild := func(context.Context) error {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), "broken") {
			return os.ErrInvalid
		}
		return os.WriteFile(filepath.Join(root, "web", "style.css"), b, 0o644)
	}
	url := startDev(t, Options{Content: copyContent(t), Root: root, Code: []string{code}, Rebuild: rebuild})
	ch := states(t, url)
	first := await(t, ch, "first state", func(devmode.State) bool { return true })

	if err := os.WriteFile(src, []byte("body{color:red}"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := await(t, ch, "a new build", func(s devmode.State) bool { return s.Build != first.Build })
	if second.Corpus != first.Corpus {
		t.Errorf("a code change changed the corpus: %s → %s", first.Corpus, second.Corpus)
	}

	if err := os.WriteFile(src, []byte("broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	failed := await(t, ch, "the failed rebuild", func(s devmode.State) bool { return len(s.Errors) > 0 })
	if failed.Build != second.Build || !strings.Contains(failed.Errors[0].Message, "rebuilding the app failed") {
		t.Errorf("after a failed rebuild: %+v; want the same build and the failure as an error", failed)
	}
}

// TestRunHasNoDevPath checks that the site that run and static serve
// neither turns dev mode on nor answers the dev server's endpoints.
func TestRunHasNoDevPath(t *testing.T) {
	c := served(t, startDev(t, Options{Content: copyContent(t), Root: fakeRoot(t)}))
	h, err := site.New(c, fakeRoot(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()
	get := func(path string) (*http.Response, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	if _, js := get("/app.js"); strings.Contains(js, devmode.Env) || !strings.Contains(js, "goappEnv") {
		t.Errorf("the site's app.js turns dev mode on (or is not app.js):\n%.300s", js)
	}
	for _, p := range []string{devmode.EventsPath, devmode.CorpusPath} {
		if resp, _ := get(p); resp.StatusCode != http.StatusNotFound || resp.Header.Get("Content-Type") == "text/event-stream" {
			t.Errorf("GET %s on the site: %s %s, want 404", p, resp.Status, resp.Header.Get("Content-Type"))
		}
	}
}

// TestRefusesOtherHosts checks that a request for a name that is not
// localhost, as a DNS-rebinding page sends, gets none of the drafts.
func TestRefusesOtherHosts(t *testing.T) {
	url := startDev(t, Options{Content: copyContent(t), Root: fakeRoot(t)})
	tests := []struct {
		name string
		host string
		want int
	}{
		{"localhost", "localhost", http.StatusOK},
		{"loopback address", "127.0.0.1", http.StatusOK},
		{"another name", "drafts.attacker.example", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, url+devmode.CorpusPath, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = tt.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("GET %s with Host %s: %s, want %d", devmode.CorpusPath, tt.host, resp.Status, tt.want)
			}
		})
	}
}
