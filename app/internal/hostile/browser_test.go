//go:build !wasm

package hostile

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/headless"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/site"
)

// hostileSite builds the WASM with the hostile corpus embedded (through
// an overlay, as build.go does for another content folder), exports the
// static site with it and returns the export's folder.
func hostileSite(t *testing.T, c *corpus.Corpus) string {
	t.Helper()
	root := t.TempDir()
	web := filepath.Join(root, "web")
	if err := os.Mkdir(web, 0o755); err != nil {
		t.Fatal(err)
	}
	ov, err := artifact.WriteOverlay(repoRoot, filepath.Join(root, "work"), corpus.Encode(c))
	if err != nil {
		t.Fatal(err)
	}
	wasm, _ := filepath.Abs(filepath.Join(web, "app.wasm"))
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-overlay", ov, "-o", wasm, "./app/cmd/explorer")
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the hostile WASM: %v\n%s", err, out)
	}
	for _, name := range []string{"style.css", "compile-worker.js", "icon.svg", "icon-192.png", "icon-512.png", "icon-maskable.png"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(web, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(root, "dist")
	if err := site.Export(c, root, out); err != nil {
		t.Fatalf("export: %v", err)
	}
	return out
}

// TestHostileExportInBrowser serves the hostile corpus's static export
// with a plain file server — no CSP, no header of ours — and opens every
// page in Chromium, with the WASM built for that corpus: no dialog opens
// (every script payload calls alert), no frame navigates off the server,
// and neither the prerendered page nor the app's own render holds a
// payload's element or attribute.
func TestHostileExportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a WASM")
	}
	chromium := browsertest.Chromium(t)
	c := hostileCorpus(t)
	out := hostileSite(t, c)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()

	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), headless.Options(chromium, t.TempDir())...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()
	ctx, cancelTime := context.WithTimeout(ctx, 15*time.Minute)
	defer cancelTime()
	var mu sync.Mutex
	var dialogs, offsite []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			dialogs = append(dialogs, ev.Message)
		case *page.EventFrameNavigated:
			if !strings.HasPrefix(ev.Frame.URL, srv.URL+"/") {
				offsite = append(offsite, ev.Frame.URL)
			}
		case *page.EventFrameRequestedNavigation:
			if !strings.HasPrefix(ev.URL, srv.URL+"/") {
				offsite = append(offsite, ev.URL)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() { // an alert blocks the page: close each one, counted above
		for _, err := range chromedp.Events(ctx, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()

	targets := []string{"/", "/graph", "/search", "/404.html"}
	for i := range c.Docs {
		d := &c.Docs[i]
		targets = append(targets, (&url.URL{Path: d.Path()}).EscapedPath(), (&url.URL{Path: "/" + d.Slug + ".html"}).EscapedPath())
	}
	for _, p := range Payloads[:4] {
		targets = append(targets, "/search?q="+url.QueryEscape(p.Value))
	}
	for _, target := range targets {
		t.Run(target, func(t *testing.T) {
			step, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if err := chromedp.Do(step, chromedp.Navigate(srv.URL+target)); err != nil {
				t.Fatalf("open %s: %v", target, err)
			}
			// A file name that is no URL path (the compiler's business) may
			// keep the app from starting: the prerendered page is checked
			// all the same.
			started, cancelStart := context.WithTimeout(step, 20*time.Second)
			if err := chromedp.Do(started, chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"]`))); err != nil {
				t.Logf("%s: the app did not start: %v", target, err)
			}
			cancelStart()
			found, err := chromedp.Run(step, chromedp.Evaluate[[]string](`[...document.querySelectorAll('x-pwn, [data-pwn], [onmouseover], [onerror], [onload], form, base, iframe, object, meta[http-equiv]')].map(e => e.outerHTML.slice(0, 120))`))
			if err != nil {
				t.Fatal(err)
			}
			loc, err := chromedp.Run(step, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(found) > 0 {
				t.Errorf("%s: the page holds %q", target, found)
			}
			if len(dialogs) > 0 || len(offsite) > 0 || !strings.HasPrefix(loc, srv.URL+"/") {
				t.Errorf("%s: dialogs %q, navigations off the server %q, at %s", target, dialogs, offsite, loc)
			}
			dialogs, offsite = nil, nil
		})
	}
}
