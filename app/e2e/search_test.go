//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Scenario 2: typing "amb" in the search box, then Enter, opens
// /patterns/ambassadors.
func TestSearchEnterOpensFirst(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open home", chromedp.Navigate(srv.URL+"/"), ready())
	markPage(t, ctx)
	must(t, ctx, "type amb", chromedp.SendKeys(chromedp.CSS("#q"), "amb"))
	waitPath(t, ctx, "/search")
	if got := eval[string](t, ctx, `location.search`); got != "?q=amb" {
		failWithScreenshot(t, ctx, "URL query = %q while typing, want ?q=amb", got)
	}
	must(t, ctx, "wait for results", chromedp.WaitVisible(chromedp.CSS("#result-0")))
	must(t, ctx, "press Enter", chromedp.SendKeys(chromedp.CSS("#q"), kb.Enter))
	waitPath(t, ctx, "/patterns/ambassadors")
	waitText(t, ctx, "h1", "Ambassadors")
	if !samePage(t, ctx) {
		failWithScreenshot(t, ctx, "search reloaded the page")
	}
	con.check(t)
}

// Scenario 3: an alias and a variant name find their pattern first, and
// say where they matched.
func TestSearchAliasAndVariant(t *testing.T) {
	srv, c := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	tests := []struct {
		name, query, want, where string
	}{
		{"alias", "mvp", "ambassadors", "MVPs"},
		{"variant", "lunch-n-learn", "training", "Lunch-n-Learn"},
		{"variant two words reversed", "bag brown", "training", "Brown Bag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			must(t, ctx, "open search", chromedp.Navigate(srv.URL+"/search?q="+tc.query), ready(),
				chromedp.WaitVisible(chromedp.CSS("#result-0")))
			title := text(t, ctx, "#result-0 .result-title")
			want := c.Docs[c.Lookup(tc.want)].Title
			if title != want {
				failWithScreenshot(t, ctx, "%q: first result %q, want %q", tc.query, title, want)
			}
			if where := text(t, ctx, "#result-0 .result-where"); !contains(where, tc.where) {
				failWithScreenshot(t, ctx, "%q: first result says %q, want it to name %q", tc.query, where, tc.where)
			}
		})
	}
	con.check(t)
}

// Scenario 5: clicking a node of /graph opens that pattern in place.
func TestGraphNodeClick(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open graph", chromedp.Navigate(srv.URL+"/graph"), ready(),
		chromedp.WaitVisible(chromedp.CSS(`#graph a[href="/patterns/swag"]`)))
	markPage(t, ctx)
	must(t, ctx, "click swag", chromedp.Click(chromedp.CSS(`#graph a[href="/patterns/swag"] circle`)))
	waitPath(t, ctx, "/patterns/swag")
	waitText(t, ctx, "h1", "Swag")
	if !samePage(t, ctx) {
		failWithScreenshot(t, ctx, "the click reloaded the page")
	}
	con.check(t)
}
