//go:build !wasm

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// TestGraphFilters: a building block's chip on /graph narrows the graph to
// that block's patterns, in the page and in its address, and the address
// alone draws the same graph; the neighbourhood of a pattern grows as its
// depth goes from one link to three.
func TestGraphFilters(t *testing.T) {
	srv, c := startSite(t)
	ctx := browser(t)
	block := c.Blocks[0]
	want := 0
	for _, i := range c.Patterns() {
		if (corpus.Filter{Block: block}).Matches(&c.Docs[i]) {
			want++
		}
	}
	if want == 0 || want == len(c.Patterns()) {
		t.Fatalf("block %s holds %d of %d patterns: no test of a filter", block, want, len(c.Patterns()))
	}
	nodes := func(svg string, n int) {
		t.Helper()
		js := fmt.Sprintf(`document.querySelectorAll("#%s .graph-nodes .graph-node").length === %d`, svg, n)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			got := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll("#%s .graph-nodes .graph-node").length`, svg))
			failWithScreenshot(t, ctx, "#%s draws %d patterns, want %d", svg, got, n)
		}
	}

	must(t, ctx, "open the graph", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(srv.URL+"/graph"), ready(),
		chromedp.WaitVisible(chromedp.CSS("#graph .graph-node")))
	nodes("graph", len(c.Patterns()))
	markPage(t, ctx)
	must(t, ctx, "open the filters", chromedp.Click(chromedp.CSS(".graph-filters > summary")))
	chip := fmt.Sprintf(`[...document.querySelectorAll('.graph-filters a.filter')].find(a => a.textContent === %q)`, block)
	must(t, ctx, "pick a block", chromedp.Evaluate[chromedp.Void](chip+`.click()`))
	nodes("graph", want)
	if got := eval[string](t, ctx, `location.pathname + location.search`); got != corpus.GraphPathFor(corpus.Filter{Block: block}, "") {
		t.Errorf("the address is %s after picking %s", got, block)
	}
	if !samePage(t, ctx) {
		t.Error("picking a filter reloaded the page")
	}
	if got := eval[string](t, ctx, chip+`.getAttribute("aria-current")`); got != "true" {
		t.Errorf("the chip picked has aria-current=%q", got)
	}
	waitText(t, ctx, "#graph-count", fmt.Sprintf("Filter: %d of %d patterns", want, len(c.Patterns())))

	must(t, ctx, "open the filtered address", chromedp.Navigate(srv.URL+corpus.GraphPathFor(corpus.Filter{Block: block}, "")), ready())
	nodes("graph", want)
	must(t, ctx, "a filter nothing passes", chromedp.Navigate(srv.URL+corpus.GraphPathFor(corpus.Filter{Block: block, Tag: "no such tag"}, "")), ready(),
		chromedp.WaitVisible(chromedp.CSS("#graph-none")))

	// The neighbourhood: each depth draws at least as many patterns as the
	// one before, and 2 more than 1 in our corpus.
	must(t, ctx, "open a pattern", chromedp.Navigate(srv.URL+"/patterns/booth"), ready(), chromedp.WaitVisible(chromedp.CSS("#graph-local .graph-node")))
	count := func() int {
		return eval[int](t, ctx, `document.querySelectorAll("#graph-local .graph-nodes .graph-node").length`)
	}
	one := count()
	must(t, ctx, "two links", chromedp.Click(chromedp.CSS(".local-graph .depth button:nth-child(2)")),
		chromedp.WaitVisible(chromedp.CSS(`.local-graph .depth button:nth-child(2)[aria-pressed="true"]`)))
	js := fmt.Sprintf(`document.querySelectorAll("#graph-local .graph-nodes .graph-node").length > %d`, one)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "two links draw %d patterns, one link %d", count(), one)
	}
	two := count()
	must(t, ctx, "three links", chromedp.Click(chromedp.CSS(".local-graph .depth button:nth-child(3)")),
		chromedp.WaitVisible(chromedp.CSS(`.local-graph .depth button:nth-child(3)[aria-pressed="true"]`)))
	if three := count(); three < two {
		t.Errorf("three links draw %d patterns, two %d", three, two)
	}
}
