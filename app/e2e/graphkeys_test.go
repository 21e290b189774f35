//go:build !wasm

package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// TestGraphKeyboard: the graph is one Tab stop (a roving tabindex); the
// arrows move the focus to a linked pattern and Enter opens it.
func TestGraphKeyboard(t *testing.T) {
	srv, c := startSite(t)
	ctx := browser(t)
	must(t, ctx, "open the graph", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/graph"), ready(),
		chromedp.WaitVisible(chromedp.CSS(".graph-node")))
	stops := eval[int](t, ctx, `[...document.querySelectorAll(".graph a, .graph button, .graph [tabindex]")].filter(e => e.tabIndex >= 0 && !e.disabled).length`)
	if stops > 2 {
		failWithScreenshot(t, ctx, "the graph has %d Tab stops, want at most 2", stops)
	}
	slugOf := func() string {
		h := eval[string](t, ctx, `document.activeElement.getAttribute("href") || ""`)
		return h[strings.LastIndex(h, "/")+1:]
	}
	must(t, ctx, "focus the graph's Tab stop", chromedp.Focus(chromedp.CSS(`.graph-node[tabindex="0"]`)))
	from := slugOf()
	var to string
	for _, key := range []string{kb.ArrowRight, kb.ArrowDown, kb.ArrowLeft, kb.ArrowUp} {
		must(t, ctx, "arrow", chromedp.KeyEvent(key))
		if to = slugOf(); to != from {
			break
		}
	}
	if to == from {
		failWithScreenshot(t, ctx, "no arrow moved the focus from %s", from)
	}
	if !linked(c.Docs[c.Lookup(from)].Links, to) && !linked(c.Docs[c.Lookup(to)].Links, from) {
		t.Errorf("an arrow went from %s to %s, which are not linked", from, to)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.graph-node[tabindex="0"]').length`); n != 1 {
		t.Errorf("%d nodes are Tab stops after the move, want 1", n)
	}
	if got := eval[string](t, ctx, `document.querySelector('.graph-node[tabindex="0"]') === document.activeElement ? "yes" : "no"`); got != "yes" {
		t.Errorf("the Tab stop did not move with the focus")
	}
	must(t, ctx, "enter", chromedp.KeyEvent(kb.Enter))
	waitPath(t, ctx, fmt.Sprintf("/patterns/%s", to))
}

// linked reports whether links hold one to slug.
func linked(links []corpus.Link, slug string) bool {
	return slices.ContainsFunc(links, func(l corpus.Link) bool { return l.Target == slug })
}

// TestGraphKeyboardZoomed: zoomed in on a phone, each arrow that moves the
// focus to a neighbour brings the view to it, so the focus never goes
// off screen; the graph's own Tab stop (the SVG, where the arrows pan)
// shows a focus ring inside its box, which clips what is outside.
func TestGraphKeyboardZoomed(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	must(t, ctx, "open the graph", chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/graph"), ready(),
		chromedp.WaitVisible(chromedp.CSS(".graph-full .graph-node")))
	must(t, ctx, "focus the graph's Tab stop", tabTo(".graph-full .graph-svg"))
	ring := eval[string](t, ctx, `(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + " " + parseFloat(s.outlineWidth) + " " + parseFloat(s.outlineOffset); })()`)
	var style string
	var width, offset float64
	fmt.Sscan(ring, &style, &width, &offset)
	if style == "none" || width < 2 || offset > -width {
		failWithScreenshot(t, ctx, "the graph's SVG shows its focus as %q, want a ring of 2 px or more drawn inside it", ring)
	}
	must(t, ctx, "focus a node", chromedp.KeyEvent(kb.Tab))
	for range 3 {
		must(t, ctx, "zoom in", chromedp.KeyEvent("+"))
	}
	inView := `(() => { const n = document.activeElement.getBoundingClientRect(), s = document.querySelector(".graph-full .graph-svg").getBoundingClientRect();
	  const x = n.left + n.width / 2, y = n.top + n.height / 2; return x >= s.left && x <= s.right && y >= s.top && y <= s.bottom; })()`
	moved := 0
	for _, key := range []string{kb.ArrowRight, kb.ArrowDown, kb.ArrowLeft, kb.ArrowUp, kb.ArrowRight, kb.ArrowDown} {
		before := eval[string](t, ctx, `document.activeElement.getAttribute("href")`)
		must(t, ctx, "arrow", chromedp.KeyEvent(key))
		if eval[string](t, ctx, `document.activeElement.getAttribute("href")`) == before {
			continue
		}
		moved++
		poll(t, ctx, inView, "the focused node "+key+" in the graph's box")
	}
	if moved == 0 {
		failWithScreenshot(t, ctx, "no arrow moved the focus")
	}
}
