//go:build !wasm

package e2e

import (
	"testing"
	"time"

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
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.search === "?q=amb"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "URL query = %q while typing, want ?q=amb", eval[string](t, ctx, `location.search`))
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

// The search box is one key away ("/"), and the arrows, Enter and Escape
// work in it.
func TestSearchKeyboard(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open a pattern", chromedp.Navigate(srv.URL+"/patterns/booth"), ready())
	// A keydown of "/" as the page gets it: CDP's key events also type the
	// character into whatever has the focus afterwards, which a real
	// keyboard does not once the keydown is cancelled.
	pressSlash := chromedp.Evaluate[chromedp.Void](`document.activeElement.dispatchEvent(new KeyboardEvent("keydown", {key: "/", bubbles: true, cancelable: true}))`)
	must(t, ctx, "press /", pressSlash)
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "q" {
		failWithScreenshot(t, ctx, "after /, focus is on %q, want the search box", got)
	}
	must(t, ctx, "type conf", chromedp.KeyEvent("conf"))
	waitText(t, ctx, "#search-results h1 q", "conf")
	second := eval[string](t, ctx, `document.querySelector("#result-1 .result-title").textContent.trim()`)
	must(t, ctx, "arrow down, Enter", chromedp.KeyEvent(kb.ArrowDown))
	must(t, ctx, "second result selected", chromedp.WaitVisible(chromedp.CSS(`#result-1[aria-selected="true"]`)))
	must(t, ctx, "Enter", chromedp.KeyEvent(kb.Enter))
	waitText(t, ctx, "h1", second)
	must(t, ctx, "focus and Escape", pressSlash, chromedp.KeyEvent(kb.Escape))
	// go-app runs the Escape handler on its next turn, not in the key
	// event: wait for the box to empty.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#q")?.value === ""`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "after Escape the search box holds %q", eval[string](t, ctx, `document.querySelector("#q").value`))
	}
	con.check(t)
}

// An unknown address shows the app's not-found view, with status 404 and
// the closest patterns.
func TestNotFound(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(srv.URL+"/patterns/ambasadors"))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 404 {
		t.Errorf("status %d, want 404", resp.Status)
	}
	must(t, ctx, "wait", ready())
	waitText(t, ctx, "h1", "Not found")
	if got := text(t, ctx, "#closest a"); got != "Ambassadors" {
		failWithScreenshot(t, ctx, "closest pattern %q, want Ambassadors", got)
	}
}

// "Show more" adds the next results.
func TestSearchShowMore(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "search a common word", chromedp.Navigate(srv.URL+"/search?q=developers"), ready(),
		chromedp.WaitVisible(chromedp.CSS("#show-more")))
	if n := eval[int](t, ctx, `document.querySelectorAll("#results .result").length`); n != 20 {
		failWithScreenshot(t, ctx, "%d results before Show more, want 20", n)
	}
	must(t, ctx, "show more", chromedp.Click(chromedp.CSS("#show-more")), chromedp.WaitVisible(chromedp.CSS("#result-20")))
	con.check(t)
}
