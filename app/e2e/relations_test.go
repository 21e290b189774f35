//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestGraphRelations: beside the drawing, the graph page lists the same
// relations: opened from the keyboard, one entry for each pattern the
// graph draws, under the graph's filter, each with its links out and in;
// closed, the list is not in the page at all.
func TestGraphRelations(t *testing.T) {
	srv, c := startSite(t)
	ctx := browser(t)
	for _, path := range []string{"/graph", "/graph?block=" + c.Blocks[0]} {
		must(t, ctx, "open "+path, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+path), ready(),
			chromedp.WaitVisible(chromedp.CSS(".graph-full .graph-node")))
		if n := eval[int](t, ctx, `document.querySelectorAll("#relations .relation").length`); n != 0 {
			failWithScreenshot(t, ctx, "%s: the closed relations list holds %d entries, want none", path, n)
		}
		must(t, ctx, "open the list from the keyboard", tabTo("#relations > summary"), chromedp.KeyEvent(kb.Enter))
		poll(t, ctx, `document.querySelectorAll("#relations .relation").length === document.querySelectorAll(".graph-full .graph-node").length`,
			path+": one entry in the relations list for each pattern drawn")
		first := eval[string](t, ctx, `document.querySelector("#relations .relation").innerText`)
		if !strings.Contains(first, "Links to") || !strings.Contains(first, "Referenced by") {
			failWithScreenshot(t, ctx, "%s: the first entry says %q, want its links out and in", path, first)
		}
		drawn := eval[[]string](t, ctx, `[...document.querySelectorAll(".graph-full .graph-node")].map(a => a.getAttribute("href")).sort()`)
		listed := eval[[]string](t, ctx, `[...document.querySelectorAll("#relations .relation > h3 a")].map(a => a.getAttribute("href")).sort()`)
		if strings.Join(drawn, " ") != strings.Join(listed, " ") {
			t.Errorf("%s: the list names %v, the graph draws %v", path, listed, drawn)
		}
	}
}
