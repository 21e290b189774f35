//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// charsPerLine is a script returning the most characters a line of the
// first paragraph matching a selector holds: the paragraph's width over
// its font's average character width in that paragraph's own text.
const charsPerLine = `((css) => {
	const p = document.querySelector(css), s = getComputedStyle(p);
	const g = document.createElement("canvas").getContext("2d");
	g.font = s.fontStyle + " " + s.fontWeight + " " + s.fontSize + " " + s.fontFamily;
	const text = p.textContent.replace(/\s+/g, " ").trim();
	return p.clientWidth / (g.measureText(text).width / text.length);
})(%q)`

// TestReading: prose runs at most about 75 characters a line on a laptop
// and a phone; on a phone the header is compact, home shows patterns on
// its first screen, and the "/" hint, which needs a keyboard, is not
// shown on a touch screen.
func TestReading(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	for _, screen := range []struct {
		name          string
		width, height int64
		touch         bool
	}{{"laptop", 1280, 800, false}, {"phone", 390, 844, true}} {
		opts := []chromedp.EmulateViewportOption{}
		if screen.touch {
			opts = append(opts, chromedp.EmulateTouch)
		}
		for _, page := range []struct{ path, prose string }{
			{"/patterns/booth", ".section-body p"},
			{"/patterns/booth", ".variant"}, // its first paragraph runs on from the names

			{"/pages/introduction", ".page-body p"},
		} {
			must(t, ctx, "open "+page.path, chromedp.EmulateViewport(screen.width, screen.height, opts...), chromedp.Navigate(srv.URL+page.path), ready(), painted())
			if n := eval[float64](t, ctx, fmt.Sprintf(charsPerLine, page.prose)); n > 78 {
				t.Errorf("%s at %s: prose runs %.0f characters a line, want at most about 75", page.path, screen.name, n)
			}
		}

		// The chips and buttons of a pattern's page are the app's, in its
		// font, as on home; only its prose is set in the serif.
		must(t, ctx, "open a pattern", chromedp.Navigate(srv.URL+"/patterns/booth"), ready(), painted())
		controls := eval[[]string](t, ctx, `[".chip", ".local-graph .filter", ".show-in-graph"].map(c => getComputedStyle(document.querySelector(c)).fontFamily)`)

		must(t, ctx, "open home", chromedp.Navigate(srv.URL+"/"), ready(), painted())
		if app := eval[string](t, ctx, `getComputedStyle(document.querySelector(".filter")).fontFamily`); slices.ContainsFunc(controls, func(f string) bool { return f != app }) {
			t.Errorf("at %s a pattern's chip, depth button and graph link are set in %q, want the app's font %q", screen.name, controls, app)
		}
		header := eval[float64](t, ctx, `document.querySelector(".header").getBoundingClientRect().height`)
		card := eval[float64](t, ctx, `document.querySelector(".card").getBoundingClientRect().top`)
		t.Logf("%s: header %.0f px, first card at %.0f px of %d", screen.name, header, card, screen.height)
		if screen.touch {
			if header > 0.12*float64(screen.height) {
				t.Errorf("the header takes %.0f px of a %d px phone screen", header, screen.height)
			}
			// Its title and the start of its summary are on the first screen.
			if card+96 > float64(screen.height) {
				t.Errorf("home's first pattern starts at %.0f px of a %d px phone screen", card, screen.height)
			}
			collapsing(t, ctx)
			if keyHint(t, ctx) {
				t.Error("on a touch screen the key hint is shown")
			}
			// A screen's own keyboard types in a field: still no hint.
			must(t, ctx, "type in the box", chromedp.Click(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "a"))
			if keyHint(t, ctx) {
				t.Error("on a touch screen, typing in the search box showed the key hint")
			}
			must(t, ctx, "leave the box", chromedp.Blur(chromedp.CSS("#q")))
		}
		// A key pressed outside a field: there is a keyboard.
		must(t, ctx, "press Tab", chromedp.KeyEvent(kb.Tab))
		if !keyHint(t, ctx) {
			t.Errorf("at %s, a key pressed outside a field did not show the key hint", screen.name)
		}
	}
}

// keyHint reports whether the search box's "/" hint is shown.
func keyHint(t *testing.T, ctx context.Context) bool {
	t.Helper()
	return eval[bool](t, ctx, `(() => { const k = document.querySelector(".key-hint"); return !!k && k.getClientRects().length > 0 })()`)
}

// collapsing checks that a phone's header goes as the visitor scrolls
// down, comes back as they scroll up, and stays while it holds the focus.
func collapsing(t *testing.T, ctx context.Context) {
	t.Helper()
	const gone = `document.querySelector(".header").getBoundingClientRect().bottom <= 0`
	const back = `document.querySelector(".header").getBoundingClientRect().top === 0`
	scroll := func(dy int) { eval[bool](t, ctx, fmt.Sprintf(`(() => { scrollBy(0, %d); return true })()`, dy)) }
	scroll(600)
	poll(t, ctx, gone, "scrolling down hides the header")
	scroll(-100)
	poll(t, ctx, back, "scrolling up brings the header back")
	scroll(400)
	poll(t, ctx, gone, "scrolling down again hides it")
	must(t, ctx, "focus the search box", chromedp.Focus(chromedp.CSS("#q")))
	poll(t, ctx, back, "the focus in the header shows it")
	must(t, ctx, "leave the box", chromedp.Blur(chromedp.CSS("#q")))
	scroll(-10000)
	poll(t, ctx, back, "at the top the header is there")
}
