//go:build !wasm

package e2e

import (
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/site"
)

// swapHandler serves whichever handler was stored last: a deployment.
type swapHandler struct{ h atomic.Pointer[http.Handler] }

func (s *swapHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.h.Load()).ServeHTTP(w, r)
}

func (s *swapHandler) store(h http.Handler) { s.h.Store(&h) }

// When a new version is deployed, the open app says so and offers to
// reload.
func TestUpdateAvailable(t *testing.T) {
	browsertest.BuiltApp(t, repoRoot)
	oldSite, err := site.New(theCorpus, repoRoot, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	next := *theCorpus
	next.Version += "-next" // a new deployment: new content, new version
	newSite, err := site.New(&next, repoRoot, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	sw := &swapHandler{}
	sw.store(oldSite)
	srv := startServer(t, sw)
	ctx := browser(t)
	must(t, ctx, "first visit", chromedp.Navigate(srv.URL+"/"), ready())
	waitCached(t, ctx, "/")
	if n := eval[int](t, ctx, `document.querySelectorAll(".update-banner").length`); n != 0 {
		failWithScreenshot(t, ctx, "update banner shown before any update")
	}
	sw.store(newSite)
	must(t, ctx, "check for an update", chromedp.Evaluate[chromedp.Void](`goappTryUpdate()`),
		chromedp.WaitVisible(chromedp.CSS(".update-banner")))
	if got := text(t, ctx, ".update-banner"); !contains(got, "A new version is available") {
		failWithScreenshot(t, ctx, "banner says %q", got)
	}
}
