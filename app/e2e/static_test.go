//go:build !wasm

package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/site"
)

// Scenario 11: the static export, served by a plain file server at the
// root, passes search (2), deep link (6) and offline reload (8); the same
// under a sub-path is in app/e2e/subpath, which builds an app for it.
func TestStaticExport(t *testing.T) {
	browsertest.BuiltApp(t, repoRoot)
	for _, base := range []string{theCorpus.Site.Path(corpus.HomePath)} {
		t.Run("base "+base, func(t *testing.T) {
			out := t.TempDir()
			if err := site.Export(theCorpus, repoRoot, out); err != nil {
				t.Fatalf("export: %v", err)
			}
			prefix := strings.TrimSuffix(base, "/")
			var h http.Handler = http.FileServer(http.Dir(out))
			if prefix != "" {
				h = http.StripPrefix(prefix, h)
			}
			srv := startServer(t, h)
			ctx := browser(t)
			con := watchConsole(ctx)

			// 6: a deep link, prerendered, then interactive.
			must(t, ctx, "open booth", chromedp.Navigate(srv.URL+prefix+"/patterns/booth"), ready())
			waitText(t, ctx, "h1", "Booth")
			checkTextLinks(t, ctx, prefix)

			// 2: type, Enter.
			must(t, ctx, "type amb", chromedp.SendKeys(chromedp.CSS("#q"), "amb"), chromedp.WaitVisible(chromedp.CSS("#result-0")))
			must(t, ctx, "press Enter", chromedp.SendKeys(chromedp.CSS("#q"), kb.Enter))
			waitPath(t, ctx, prefix+"/patterns/ambassadors")
			waitText(t, ctx, "h1", "Ambassadors")
			con.check(t)

			// 8: offline.
			waitCached(t, ctx, prefix+"/patterns/swag")
			srv.Stop()
			must(t, ctx, "offline reload", chromedp.Navigate(srv.URL+prefix+"/patterns/swag"), ready())
			waitText(t, ctx, "h1", "Swag")
		})
	}
}

// checkTextLinks fails unless every link in the text of the pattern shown
// is under the prefix and answers 200 from the host, as the app draws it.
func checkTextLinks(t *testing.T, ctx context.Context, prefix string) {
	t.Helper()
	type answer struct {
		Href   string `json:"href"`
		Path   string `json:"path"`
		Status int    `json:"status"`
	}
	got := eval[[]answer](t, ctx, `Promise.all([...document.querySelectorAll(".section-body a[href]:not(.broken)")]
		.filter(a => new URL(a.href).origin === location.origin)
		.map(async a => ({href: a.getAttribute("href"), path: new URL(a.href).pathname, status: (await fetch(a.href, {cache: "no-store"})).status})))`)
	if len(got) < 5 {
		failWithScreenshot(t, ctx, "only %d in-text links on Booth; the check needs the pattern's links", len(got))
	}
	for _, a := range got {
		if !strings.HasPrefix(a.Path, prefix+"/") || a.Status != http.StatusOK {
			t.Errorf("in-text link %q (path %s) answers %d under prefix %q", a.Href, a.Path, a.Status, prefix)
		}
	}
}
