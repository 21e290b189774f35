//go:build !wasm

package e2e

import (
	"fmt"
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
	// The term may not be drawn yet when the address has changed: no
	// element is "not yet", not an error that ends the wait.
	inView := `(() => { const e = document.getElementById("community"); if (!e) return false;
		const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; })()`
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

// A shared link to a section or a variant opens the pattern there, with
// the part marked; a search hit in a variant opens its pattern at the
// variant, marked, as an in-app navigation.
func TestSectionAndVariantAnchors(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	inView := func(id string) string {
		return fmt.Sprintf(`(() => { const e = document.getElementById(%q); if (!e) return false;
			const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; })()`, id)
	}
	marked := func(id string) string {
		return fmt.Sprintf(`(() => { const e = document.getElementById(%q); return !!e && (e.matches(":target") || e.classList.contains("target")); })()`, id)
	}
	for _, id := range []string{"solution", "variant-lounge"} {
		must(t, ctx, "open booth at "+id, chromedp.Navigate(srv.URL+"/patterns/booth#"+id), ready())
		for what, js := range map[string]string{"in view": inView(id), "marked": marked(id)} {
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
				failWithScreenshot(t, ctx, "#%s is not %s after loading its address: %v", id, what, err)
			}
		}
	}
	must(t, ctx, "search for a variant's word", chromedp.Navigate(srv.URL+"/search?q=sockets"), ready(),
		chromedp.WaitVisible(chromedp.CSS(`#result-0 a[href="/patterns/booth#variant-lounge"]`)))
	markPage(t, ctx)
	must(t, ctx, "open the hit", chromedp.Click(chromedp.CSS(`#result-0 a`)))
	waitPath(t, ctx, "/patterns/booth")
	for what, js := range map[string]string{"in view": inView("variant-lounge"), "marked": marked("variant-lounge")} {
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			failWithScreenshot(t, ctx, "the hit's variant is not %s: %v", what, err)
		}
	}
	if !samePage(t, ctx) {
		t.Error("opening a hit reloaded the page")
	}

	// The # next to a section goes to it and copies its address.
	grantClipboard(t, ctx, srv.URL)
	must(t, ctx, "follow the Solution's permalink", chromedp.Click(chromedp.CSS(`#solution .permalink`)))
	want := srv.URL + "/patterns/booth#solution"
	// The copy is a promise: wait for it frame by frame.
	copied := fmt.Sprintf(`(async () => { for (let i = 0; i < 600; i++) {
		if (location.href === %q && await navigator.clipboard.readText() === %q) return true;
		await new Promise(r => requestAnimationFrame(r)); } return false; })()`, want, want)
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](copied, chromedp.EvalAwaitPromise)); err != nil || !ok {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
		failWithScreenshot(t, ctx, "after the permalink: address %q, clipboard %q, want both %q (%v)", eval[string](t, ctx, `location.href`), got, want, err)
	}
	con.check(t)
}
