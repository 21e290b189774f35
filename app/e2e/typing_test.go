//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// typeWord types a word into the search box as fast hands do: one input
// event per character, gap apart, each appending at the caret to whatever
// the box holds by then, so a character the app wiped stays lost.
func typeWord(word string, gap time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(async (word, gap) => {
		const q = document.querySelector("#q");
		q.focus();
		for (const ch of word) {
			q.setRangeText(ch, q.value.length, q.value.length, "end");
			q.dispatchEvent(new InputEvent("input", {bubbles: true, data: ch, inputType: "insertText"}));
			await new Promise(r => setTimeout(r, gap));
		}
	})(%q, %d)`, word, gap.Milliseconds()), chromedp.EvalAwaitPromise)
}

// settled waits until the app has caught up with the box: the address
// says what the box holds, and the results are those of it.
func settled(t *testing.T, ctx context.Context) (box, query string) {
	t.Helper()
	js := `(() => {
		const q = document.querySelector("#q"), h = document.querySelector("#search-results h1 q");
		return location.pathname === "/search" && !!h &&
			new URLSearchParams(location.search).get("q") === q.value && h.textContent === q.value;
	})()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "the app never caught up with the box (box %q, address %q): %v",
			eval[string](t, ctx, `document.querySelector("#q").value`), eval[string](t, ctx, `location.href`), err)
	}
	box = eval[string](t, ctx, `document.querySelector("#q").value`)
	u, err := url.Parse(eval[string](t, ctx, `location.href`))
	if err != nil {
		t.Fatal(err)
	}
	return box, u.Query().Get("q")
}

// A fast typist starting on a pattern page: every character reaches the
// box and the address, every time.
func TestTypingFromAPatternKeepsEveryKeystroke(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open swag", chromedp.Navigate(srv.URL+"/patterns/swag"), ready())
	const tries = 40
	lost := 0
	for i := range tries {
		must(t, ctx, "type booth", typeWord("booth", 4*time.Millisecond))
		box, q := settled(t, ctx)
		if box != "booth" || q != "booth" {
			lost++
			t.Errorf("try %d: the box holds %q and the address says q=%q, want booth", i+1, box, q)
		}
		// Escape empties the box, and Back returns to the pattern, as a new
		// visitor finds it.
		must(t, ctx, "press Escape", chromedp.Evaluate[chromedp.Void](
			`document.querySelector("#q").dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true}))`))
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#q")?.value === "" && location.search === ""`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			failWithScreenshot(t, ctx, "after Escape the box holds %q at %q", eval[string](t, ctx, `document.querySelector("#q").value`), eval[string](t, ctx, `location.href`))
		}
		must(t, ctx, "go back", chromedp.Evaluate[chromedp.Void](`history.back()`))
		waitPath(t, ctx, "/patterns/swag")
		waitText(t, ctx, "h1", "Swag")
	}
	if lost > 0 {
		failWithScreenshot(t, ctx, "%d of %d typings of booth lost a keystroke", lost, tries)
	}
	con.check(t)
}

// CDP's own key events, from the graph view.
func TestTypingFromTheGraphWithKeyEvents(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open graph", chromedp.Navigate(srv.URL+"/graph"), ready(),
		chromedp.Focus(chromedp.CSS("#q")), chromedp.KeyEvent("conference"))
	if box, q := settled(t, ctx); box != "conference" || q != "conference" {
		failWithScreenshot(t, ctx, "the box holds %q and the address says q=%q, want conference", box, q)
	}
	con.check(t)
}

// A long query typed fast on the search view: the address follows the box
// to its last character, and the app writes it at a bounded rate. Chromium
// ignores history updates past 200 in ten seconds (the page's address then
// stops following), so an app that writes the address on every keystroke
// loses a fast typist's tail; the app must stay well under that, at half
// the browser's rate, to leave room for the visitor's own navigations.
func TestTypingALongQueryTheAddressFollows(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open search", chromedp.Navigate(srv.URL+"/search"), ready(),
		chromedp.Evaluate[chromedp.Void](`(() => {
			window.historyWrites = 0;
			for (const m of ["pushState", "replaceState"]) {
				const f = history[m].bind(history);
				history[m] = (...args) => { window.historyWrites++; return f(...args); };
			}
			window.typingFrom = performance.now();
		})()`))
	word := strings.Repeat("booth swag ", 15)
	must(t, ctx, "type a long query", typeWord(word, time.Millisecond))
	box, q := settled(t, ctx)
	if box != word || q != word {
		failWithScreenshot(t, ctx, "the box holds %d characters and the address %d, want %d", len(box), len(q), len(word))
	}
	writes := eval[float64](t, ctx, `window.historyWrites`)
	seconds := eval[float64](t, ctx, `(performance.now() - window.typingFrom) / 1000`)
	if limit := 1 + 10*seconds; writes > limit {
		t.Errorf("typing %d characters in %.1f s wrote the address %.0f times, want at most %.0f (10 a second)", len(word), seconds, writes, limit)
	}
	con.check(t)
}

// A keystroke's results are written into the page once, in its input
// event: no later frame of go-app draws them again. A keydown that let
// go-app redraw the whole shell a frame later cost every keystroke a
// second pass over the page, and the frame after it (the bench's
// keystroke → next frame). The address, written addressEvery after the
// keystroke by a timer set after go-app's frame timer, is the point by
// which such a draw would have come.
func TestKeystrokePaintsResultsOnce(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open a search", chromedp.Navigate(srv.URL+"/search?q=co"), ready(),
		chromedp.Focus(chromedp.CSS("#q")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#q").setSelectionRange(2, 2)`))
	for _, key := range []string{"n", "f", "\b"} {
		must(t, ctx, "watch the results", chromedp.Evaluate[chromedp.Void](`(() => {
			window.paints = 0;
			window.paintWatch && window.paintWatch.disconnect();
			const painted = r => r.target.id === "search-results" ||
				[...r.addedNodes].some(n => n.id === "search-results" || (n.querySelector && n.querySelector("#search-results")));
			window.paintWatch = new MutationObserver(rs => { window.paints += rs.filter(painted).length; });
			window.paintWatch.observe(document.querySelector("#main"), {childList: true, subtree: true});
		})()`), chromedp.KeyEvent(key))
		box, q := settled(t, ctx)
		if box != q {
			failWithScreenshot(t, ctx, "after %q the box holds %q and the address q=%q", key, box, q)
		}
		if n := eval[float64](t, ctx, `window.paints`); n != 1 {
			t.Errorf("after the key %q (box %q) the results were written %.0f times, want once", key, box, n)
		}
	}
	con.check(t)
}
