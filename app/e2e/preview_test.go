//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestLinkPreview: a link in a pattern's text shows what it points at —
// the linked pattern's title and summary after the mouse rests on it, a
// glossary term's definition when the keyboard reaches it, either on a
// long press on a touch screen, which then does not follow the link — and
// Escape or a tap elsewhere hides it.
func TestLinkPreview(t *testing.T) {
	srv, c := startSite(t)
	ctx := browser(t)
	errs := watchConsole(ctx)
	defer errs.check(t)
	const patternLink = `.section-body a[href^="/patterns/"]:not(.broken)`
	const termLink = `.section-body a[href="/pages/glossary#activation"]`
	const card = "#link-preview"
	shown := func(what, title string) {
		t.Helper()
		poll(t, ctx, fmt.Sprintf(`(() => { const c = document.querySelector(%q); const t = c && c.querySelector(".preview-title");
			return !!c && !c.hidden && !!t && t.textContent === %q })()`, card, title), fmt.Sprintf("%s: a preview of %q", what, title))
	}
	hidden := func(what string) {
		t.Helper()
		must(t, ctx, what, chromedp.WaitNotVisible(chromedp.CSS(card)))
	}
	// centre scrolls the first element matching css into the middle of
	// the screen and returns its centre.
	centre := func(css string) (float64, float64) {
		t.Helper()
		xy := eval[[]float64](t, ctx, fmt.Sprintf(`(() => { const a = document.querySelector(%q); a.scrollIntoView({block: "center"});
			const r = a.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2] })()`, css))
		return xy[0], xy[1]
	}
	titleOf := func(css string) string {
		t.Helper()
		h := eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q).getAttribute("href")`, css))
		i := c.Lookup(strings.TrimPrefix(h, "/patterns/"))
		if i < 0 {
			t.Fatalf("%s links to %s, no pattern", css, h)
		}
		return c.Docs[i].Title
	}

	// The mouse.
	must(t, ctx, "open a pattern", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/patterns/booth"), ready())
	title := titleOf(patternLink)
	x, y := centre(patternLink)
	must(t, ctx, "rest the mouse on a link", chromedp.MouseEvent(chromedp.MouseMoved, x-1, y), chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	shown("hover", title)
	if got := eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q).getAttribute("aria-describedby") || ""`, patternLink)); got != "link-preview" {
		t.Errorf("the previewed link's aria-describedby = %q", got)
	}
	if summary := text(t, ctx, card+" .preview-text"); summary == "" {
		t.Error("the preview of a pattern has no summary")
	}
	must(t, ctx, "Escape", chromedp.KeyEvent(kb.Escape))
	hidden("Escape hides the preview")

	// The keyboard, on a glossary term.
	must(t, ctx, "leave the mouse", chromedp.MouseEvent(chromedp.MouseMoved, 2, 2))
	must(t, ctx, "Tab to the term", tabTo(termLink))
	if got := eval[string](t, ctx, `document.activeElement.getAttribute("href") || ""`); got != "/pages/glossary#activation" {
		t.Fatalf("Tab reached %q, not the term", got)
	}
	shown("keyboard focus", "Activation")
	if got := text(t, ctx, card+" .preview-text"); !strings.HasPrefix(got, "The moment") {
		t.Errorf("the term's preview says %q, want its definition", got)
	}
	// The card follows its link as the page scrolls.
	eval[bool](t, ctx, `(() => { scrollBy(0, 60); return true })()`)
	poll(t, ctx, fmt.Sprintf(`(() => { const a = document.querySelector(%q).getBoundingClientRect(), c = document.querySelector("#link-preview").getBoundingClientRect();
		return Math.min(Math.abs(c.top - a.bottom), Math.abs(a.top - c.bottom)) < 12 })()`, termLink), "after a scroll, the card within 12 px of its link")
	must(t, ctx, "Tab away", chromedp.KeyEvent(kb.Tab))
	hidden("leaving the link hides the preview")

	// A finger.
	must(t, ctx, "a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateTouch), chromedp.Navigate(srv.URL+"/patterns/booth"), ready())
	x, y = centre(patternLink)
	must(t, ctx, "press a link", touch(input.DispatchTouchEventTypeTouchStart, x, y))
	shown("long press", title)
	must(t, ctx, "lift the finger", touch(input.DispatchTouchEventTypeTouchEnd, x, y))
	if got := eval[string](t, ctx, `location.pathname`); got != "/patterns/booth" {
		t.Errorf("a long press followed the link to %s", got)
	}
	if eval[bool](t, ctx, `document.querySelector("#link-preview").hidden`) {
		t.Error("the preview went when the finger lifted")
	}
	must(t, ctx, "tap elsewhere", chromedp.TapXY(5, 400))
	hidden("a tap elsewhere hides the preview")
}

// tabTo moves the keyboard focus to the first element matching css as a
// visitor does: it focuses what comes before it in the Tab order (the
// nearest that takes the focus: not one in a closed <details>), then
// presses Tab.
func tabTo(css string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const el = document.querySelector(%q); el.scrollIntoView({block: "center"});
			const stops = [...document.querySelectorAll("a[href], button, input, summary, [tabindex]")].filter(e => e.tabIndex >= 0 && e.getClientRects().length);
			for (let i = stops.indexOf(el) - 1; i >= 0; i--) { stops[i].focus(); if (document.activeElement === stops[i]) return; }
			throw new Error("nothing before " + %q + " takes the focus") })()`, css, css)),
		chromedp.KeyEvent(kb.Tab),
	)
}

// touch sends one touch event at a point; a touchEnd has no points.
func touch(typ input.DispatchTouchEventType, x, y float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		one := 1.0
		zero := 0.0
		p := input.DispatchTouchEventParams{Type: typ, TouchPoints: []*input.TouchPoint{}}
		if typ != input.DispatchTouchEventTypeTouchEnd {
			p.TouchPoints = []*input.TouchPoint{{X: x, Y: y, RadiusX: &one, RadiusY: &one, Force: &one, ID: &zero}}
		}
		_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, p)
		return err
	})
}
