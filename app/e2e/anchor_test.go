//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// A glossary term's link scrolls to the term, when loaded directly and when
// followed from a pattern.
func TestGlossaryAnchor(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	inView := `(() => { const r = document.getElementById("community").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; })()`
	must(t, ctx, "open the glossary at a term", chromedp.Navigate(srv.URL+"/pages/glossary#community"), ready(), chromedp.Sleep(300e6))
	if !eval[bool](t, ctx, inView) {
		failWithScreenshot(t, ctx, "the term is not scrolled into view on load")
	}
	must(t, ctx, "open a pattern", chromedp.Navigate(srv.URL+"/patterns/forums"), ready())
	must(t, ctx, "click a term", chromedp.Click(chromedp.CSS(`.section-body a[href="/pages/glossary#community"]`)))
	waitPath(t, ctx, "/pages/glossary")
	must(t, ctx, "settle", chromedp.Sleep(300e6))
	if !eval[bool](t, ctx, inView) {
		failWithScreenshot(t, ctx, "the term is not scrolled into view after the click")
	}
	con.check(t)
}
