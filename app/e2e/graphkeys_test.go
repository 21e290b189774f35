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
