//go:build !wasm

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A glossary term's link scrolls to the term, when loaded directly and when
// followed from a pattern.
func TestGlossaryAnchor(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	inView := `(() => { const r = document.getElementById("community").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; })()`
	must(t, ctx, "open the glossary at a term", chromedp.Navigate(srv.URL+"/pages/glossary#community"), ready())
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](inView, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "the term is not scrolled into view on load: %v", err)
	}
	must(t, ctx, "open a pattern", chromedp.Navigate(srv.URL+"/patterns/forums"), ready())
	must(t, ctx, "click a term", chromedp.Click(chromedp.CSS(`.section-body a[href="/pages/glossary#community"]`)))
	waitPath(t, ctx, "/pages/glossary")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](inView, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "the term is not scrolled into view after the click: %v", err)
	}
	con.check(t)
}
