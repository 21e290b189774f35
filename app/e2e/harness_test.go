//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/embedded"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/site"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds web/, built by `go run build.go` before the tests run.
const repoRoot = "../.."

// TestMain decodes the embedded corpus and registers the app's routes
// once, as the server's main does.
func TestMain(m *testing.M) {
	c, err := embedded.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: load corpus:", err)
		os.Exit(1)
	}
	theCorpus = c
	ui.Register(c)
	shots, err = os.MkdirTemp("", "explorer-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: screenshot folder:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.Remove(shots) // only when no failure left a screenshot in it
	os.Exit(code)
}

// theCorpus is the embedded corpus, decoded once by TestMain.
var theCorpus *corpus.Corpus

// shots is this run's folder for the screenshots of failed steps, made by
// TestMain so that runs side by side never share one.
var shots string

// stepTimeout bounds one browser step, so that a failing step still leaves
// time for a screenshot.
const stepTimeout = 30 * time.Second

// server is the site handler on a loopback port.
type server struct {
	URL string
	h   http.Handler
	mu  sync.Mutex
	srv *http.Server // nil while stopped
}

// startServer serves h on a free loopback port until the test ends or Stop.
func startServer(t *testing.T, h http.Handler) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	s := &server{URL: "http://" + ln.Addr().String(), h: h}
	s.serve(ln)
	t.Cleanup(s.Stop)
	return s
}

func (s *server) serve(ln net.Listener) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.srv = &http.Server{Handler: s.h, ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln)
}

// Stop shuts the server down, so that only the browser's cache can answer.
func (s *server) Stop() {
	s.mu.Lock()
	srv := s.srv
	s.srv = nil
	s.mu.Unlock()
	if srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

// Restart serves again on the same address after Stop.
func (s *server) Restart(t *testing.T) {
	t.Helper()
	ln, err := net.Listen("tcp", strings.TrimPrefix(s.URL, "http://"))
	if err != nil {
		t.Fatalf("listen again: %v", err)
	}
	s.serve(ln)
}

// startSite serves the app built in the repository.
func startSite(t *testing.T) (*server, *corpus.Corpus) {
	t.Helper()
	c := theCorpus
	browsertest.BuiltApp(t, repoRoot)
	h, err := site.New(c, repoRoot, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("site: %v", err)
	}
	return startServer(t, h), c
}

// browser starts headless Chromium with a fresh profile and returns a tab.
func browser(t *testing.T) context.Context { return browsertest.Tab(t, 3*time.Minute) }

// console records the errors a page reports: console errors, uncaught
// exceptions and failed requests (the browser logs those as errors).
type console struct {
	mu     sync.Mutex
	errors []string
}

// watchConsole starts recording a tab's errors.
func watchConsole(ctx context.Context) *console {
	c := &console{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				c.mu.Lock()
				c.errors = append(c.errors, fmt.Sprintf("%s (%s:%d)", m.Text, m.URL, m.Line+1))
				c.mu.Unlock()
			}
		}
	}()
	return c
}

// check fails the test if the page reported any error.
func (c *console) check(t *testing.T) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.errors {
		t.Errorf("browser reported: %s", e)
	}
}

// failWithScreenshot saves a screenshot of the tab and fails the test with
// the message and where the picture is.
func failWithScreenshot(t *testing.T, ctx context.Context, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	name := filepath.Join(shots, strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+".png")
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(name, shot, 0o644)
	}
	if err != nil {
		t.Fatalf("%s (no screenshot: %v)", msg, err)
	}
	t.Fatalf("%s (screenshot: %s)", msg, name)
}

// ready waits until the WASM app has taken over the page.
func ready() chromedp.Action[chromedp.Void] { return browsertest.Ready() }

// painted waits until the page's fonts have loaded and two frames have
// been drawn since, so that a screenshot shows what a person sees.
func painted() chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(async () => {
		await document.fonts.ready;
		await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
	})()`, chromedp.EvalAwaitPromise)
}

// must runs steps, failing with a screenshot on error.
func must(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		failWithScreenshot(t, ctx, "%s: %v", what, err)
	}
}

// text returns the text of the first element matching a CSS selector.
func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		failWithScreenshot(t, ctx, "text of %s: %v", css, err)
	}
	return strings.TrimSpace(s)
}

// eval evaluates JavaScript in the page.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		failWithScreenshot(t, ctx, "evaluate %q: %v", js, err)
	}
	return v
}

// markPage sets a marker on window that a full page load would erase.
func markPage(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[chromedp.Void](t, ctx, `window.__samePage = true`)
}

// samePage reports whether the marker set by markPage survived.
func samePage(t *testing.T, ctx context.Context) bool {
	t.Helper()
	return eval[bool](t, ctx, `window.__samePage === true`)
}

// waitPath waits until the page's path is want.
func waitPath(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	js := fmt.Sprintf(`location.pathname === %q`, want)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		got := eval[string](t, ctx, `location.pathname`)
		failWithScreenshot(t, ctx, "path = %q, want %q: %v", got, want, err)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// waitText waits until the first element matching a CSS selector has the
// given text: views render right after the URL changes, not with it.
func waitText(t *testing.T, ctx context.Context, css, want string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.textContent.trim() === %q; })()`, css, want)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {textContent: "(none)"}).textContent.trim()`, css)))
		failWithScreenshot(t, ctx, "%s = %q, want %q: %v", css, got, want, err)
	}
}

// poll waits until js is true.
func poll(t *testing.T, ctx context.Context, js, what string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "%s: %v", what, err)
	}
}
