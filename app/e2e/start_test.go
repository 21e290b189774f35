//go:build !wasm

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/internal/browsertest"
)

// pingScript runs before the page's own scripts: a message loop records
// the time of every browser task it gets, and the moment the app says it
// is ready. The loader's and the app's own yields post their messages
// after the ping pending then, so a ping lands in every gap between tasks.
const pingScript = `(() => {
	window.__pings = [];
	const ch = new MessageChannel();
	ch.port1.onmessage = () => { window.__pings.push(performance.now()); if (!window.__readyAt) ch.port2.postMessage(null); };
	ch.port2.postMessage(null);
	const ready = () => !!document.documentElement && document.documentElement.dataset.app === "ready";
	let seen = false;
	new MutationObserver(() => {
		if (!window.__readyAt && ready()) window.__readyAt = performance.now();
		const loader = document.getElementById("app-wasm-loader");
		if (loader) seen = true;
		if (seen && !loader && window.__loaderGoneReady === undefined) window.__loaderGoneReady = ready();
	}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-app"]});
})()`

// The app's start is several browser tasks, not one: the compile, the Go
// runtime's start, the corpus, the routes and the first draw each end in
// a task of their own, with the browser's turn in between. As one task
// it blocked a phone's main thread for over a second (Lighthouse's
// blocking time on /: 1.2–2.6 s). The loader's "Loading…" stays until the
// first draw and goes in the same task.
func TestStartYieldsToTheBrowser(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: pingScript}); err != nil {
		t.Fatal(err)
	}
	must(t, ctx, "open home", chromedp.Navigate(srv.URL+"/"), ready())
	poll(t, ctx, `window.__readyAt > 0`, "the app is ready")
	gaps := eval[[]bool](t, ctx, `(() => {
		const at = name => { const m = performance.getEntriesByName(name, "mark")[0]; return m ? m.startTime : NaN; };
		const between = (a, b) => window.__pings.some(p => p > a && p < b);
		return [
			between(at("wasm-compiled"), at("main")),
			between(at("main"), at("corpus-decode-start")),
			between(at("corpus-decoded"), at("app-registered")),
			between(at("app-registered"), window.__readyAt),
		];
	})()`)
	for i, what := range []string{
		"the compile and the Go runtime's start",
		"the runtime's start (the packages' init) and the corpus",
		"the corpus and the routes",
		"the routes and the first draw",
	} {
		if i >= len(gaps) || !gaps[i] {
			t.Errorf("no browser task between %s: the start runs on in one task", what)
		}
	}
	if !eval[bool](t, ctx, `window.__loaderGoneReady === true`) {
		t.Errorf("the loader went before the app's first draw (gone with the app ready: %v): the page is laid out twice, and an error of the start has no label to show in",
			eval[any](t, ctx, `window.__loaderGoneReady`))
	}
	con.check(t)
}

// The WASM is fetched and compiled in a worker (web/compile-worker.js), not
// on the page: compiled on the page, its streaming compile ran 0.3–0.4 s of
// the main thread in long tasks over the prerendered page (Lighthouse's
// blocking time on /: 1.9–2.4 s, 1.0 s with the worker). The page itself
// never fetches app.wasm.
func TestWASMCompilesOffThePage(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open home", chromedp.Navigate(srv.URL+"/"), ready())
	compiledOffThePage(t, ctx)
	if eval[bool](t, ctx, `performance.getEntriesByType("resource").some(e => new URL(e.name).pathname === "/web/app.wasm")`) {
		t.Error("the page fetched app.wasm itself")
	}
	con.check(t)
}

// compiledOffThePage fails the test unless the page's WASM was compiled in
// the loader's worker.
func compiledOffThePage(t *testing.T, ctx context.Context) {
	t.Helper()
	where, err := browsertest.CompiledIn(ctx)
	if err != nil || where != "worker" {
		failWithScreenshot(t, ctx, "the WASM was compiled in %q (%v), want in the loader's worker", where, err)
	}
}
