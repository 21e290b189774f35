//go:build !wasm

package e2e

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Scenario 1: home shows the catalog with every pattern.
func TestHomeShowsCatalog(t *testing.T) {
	srv, c := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open home", chromedp.Navigate(srv.URL+"/"), ready())
	got := eval[int](t, ctx, `document.querySelectorAll("#catalog .card").length`)
	if want := len(c.Patterns()); got != want {
		failWithScreenshot(t, ctx, "catalog shows %d cards, want %d", got, want)
	}
	con.check(t)
}

// Scenario 4: a link inside a pattern's text navigates in place; Back
// returns.
func TestLinkInTextNavigatesInPlace(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open ambassadors", chromedp.Navigate(srv.URL+"/patterns/ambassadors"), ready())
	markPage(t, ctx)
	must(t, ctx, "click forums", chromedp.Click(chromedp.CSS(`.section-body a[href="/patterns/forums"]`)))
	waitPath(t, ctx, "/patterns/forums")
	waitText(t, ctx, "h1", "Forums")
	if !samePage(t, ctx) {
		failWithScreenshot(t, ctx, "the click reloaded the page")
	}
	must(t, ctx, "go back", chromedp.NavigateBack())
	waitPath(t, ctx, "/patterns/ambassadors")
	waitText(t, ctx, "h1", "Ambassadors")
	con.check(t)
}

// Scenario 6: a deep link is prerendered, then becomes interactive.
func TestDeepLinkPrerendered(t *testing.T) {
	srv, _ := startSite(t)
	res, err := http.Get(srv.URL + "/patterns/booth")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `<h1 class="pattern-title">Booth</h1>`) {
		t.Fatalf("GET /patterns/booth: status %d, Booth heading in HTML: %v", res.StatusCode, strings.Contains(string(body), "Booth</h1>"))
	}
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open booth", chromedp.Navigate(srv.URL+"/patterns/booth"), ready())
	waitText(t, ctx, "h1", "Booth")
	con.check(t)
}

// Scenario 7: the original site's /booth.html lands on /patterns/booth.
func TestLegacyLink(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open booth.html", chromedp.Navigate(srv.URL+"/booth.html"), ready())
	waitPath(t, ctx, "/patterns/booth")
	waitText(t, ctx, "h1", "Booth")
	con.check(t)
}

// Scenario 8: after a first visit, with the server gone, a deep link
// reloads from the cache.
func TestOfflineDeepLink(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	must(t, ctx, "first visit", chromedp.Navigate(srv.URL+"/patterns/ambassadors"), ready())
	waitCached(t, ctx, "/patterns/swag")
	srv.Stop()
	must(t, ctx, "offline reload", chromedp.Navigate(srv.URL+"/patterns/swag"), ready())
	waitText(t, ctx, "h1", "Swag")
	compiledOffThePage(t, ctx) // the worker's script came from the cache too
	must(t, ctx, "search offline", chromedp.SendKeys(chromedp.CSS("#q"), "booth"))
	waitText(t, ctx, "#search-results h1 q", "booth")
	if got := text(t, ctx, "#result-0 .result-title"); got != "Booth" {
		failWithScreenshot(t, ctx, "offline search: first result %q, want Booth", got)
	}
}

// waitCached waits until the service worker is active and its cache holds
// a route.
func waitCached(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	// The worker precaches every route while it installs, so once it is
	// activated the cache holds them all.
	js := `(async () => {
		const reg = await navigator.serviceWorker.ready;
		const w = reg.active;
		if (w.state !== "activated") {
			await new Promise(r => w.addEventListener("statechange", () => w.state === "activated" && r()));
		}
		return !!(await caches.match(` + "`" + path + "`" + `));
	})()`
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	ok, err := chromedp.Run(wctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
	if err != nil || !ok {
		failWithScreenshot(t, ctx, "service worker never cached %s (active worker's cache has it: %v, %v)", path, ok, err)
	}
}

// Scenario 9: Chromium finds the app installable, and every manifest icon
// loads.
func TestInstallable(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	must(t, ctx, "open home", chromedp.Navigate(srv.URL+"/"), ready())
	waitCached(t, ctx, "/")
	res, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatalf("getInstallabilityErrors: %v", err)
	}
	for _, e := range res.InstallabilityErrors {
		t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
	}
	icons := eval[[]string](t, ctx, `(async () => {
		const m = await (await fetch(document.querySelector('link[rel=manifest]').href)).json();
		const out = [];
		for (const i of m.icons) {
			const r = await fetch(i.src);
			const b = await r.blob();
			out.push(i.src + " " + r.status + " " + b.type + " " + i.sizes + " " + (i.purpose || "any"));
		}
		return out;
	})()`)
	if len(icons) < 3 {
		t.Errorf("manifest has %d icons, want at least 3 (192, 512, maskable)", len(icons))
	}
	for _, line := range icons {
		if !strings.Contains(line, " 200 image/") {
			t.Errorf("icon did not load: %s", line)
		}
	}
}
