//go:build !wasm

package subpath

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/devrel-patterns/explorer/app/internal/browsertest"
)

// step runs browser actions, bounded, failing the test with what was
// being done.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// until waits for a JavaScript condition to hold.
func until(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + " " + ((document.querySelector("h1") || {}).textContent || "(no h1)").trim()`))
		t.Fatalf("%s: %v (page: %s)", what, err, got)
	}
}

// shows waits until the app is at path (or path/, where a plain file
// server redirected to the folder of x/index.html) and its h1 reads
// title.
func shows(t *testing.T, ctx context.Context, path, title string) {
	t.Helper()
	path = strings.TrimSuffix(path, "/")
	until(t, ctx, fmt.Sprintf("%s showing %q", path, title), fmt.Sprintf(
		`[%q, %q].includes(location.pathname) && document.documentElement.dataset.app === "ready" && [...document.querySelectorAll("h1")].some(h => h.textContent.trim() === %q)`,
		path, path+"/", title))
}

// TestExportUnderPrefix opens the export under /explorer/ as a visitor
// does: a deep link, its in-text links, a search; then, with the server
// gone, a cached route, an old /booth.html address and an unknown one,
// each of which the app must show from the cache.
func TestExportUnderPrefix(t *testing.T) {
	browsertest.BuiltApp(t, repoRoot)
	srv, _ := exported(t)
	ctx := browsertest.Tab(t, 3*time.Minute)
	at := srv.URL + theCorpus.Site.Prefix

	step(t, ctx, "open booth", chromedp.Navigate(at+"/patterns/booth"), browsertest.Ready())
	shows(t, ctx, "/explorer/patterns/booth", "Booth")
	type answer struct {
		Path   string `json:"path"`
		Status int    `json:"status"`
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]answer](`Promise.all([...document.querySelectorAll(".section-body a[href]:not(.broken), .permalink")]
		.map(async a => ({path: new URL(a.href).pathname, status: (await fetch(a.href, {cache: "no-store"})).status})))`, chromedp.EvalAwaitPromise))
	if err != nil || len(links) < 5 {
		t.Fatalf("in-text links of booth: %v, %d found", err, len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l.Path, "/explorer/") || l.Status != http.StatusOK {
			t.Errorf("link to %s answers %d", l.Path, l.Status)
		}
	}

	step(t, ctx, "type amb", chromedp.SendKeys(chromedp.CSS("#q"), "amb"), chromedp.WaitVisible(chromedp.CSS("#result-0")))
	step(t, ctx, "press Enter", chromedp.SendKeys(chromedp.CSS("#q"), kb.Enter))
	shows(t, ctx, "/explorer/patterns/ambassadors", "Ambassadors")

	until(t, ctx, "the worker has cached the app shell and the routes", `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg || !reg.active || reg.active.state !== "activated") return false;
		return !!(await caches.match("/explorer/")) && !!(await caches.match("/explorer/patterns/swag"));
	})()`)
	srv.CloseClientConnections()
	srv.Close()

	step(t, ctx, "offline: a cached route", chromedp.Navigate(at+"/patterns/swag"))
	shows(t, ctx, "/explorer/patterns/swag", "Swag")
	// The loader's worker, under the prefix, came from the cache too.
	if where, err := browsertest.CompiledIn(ctx); err != nil || where != "worker" {
		t.Errorf("offline under the prefix, the WASM was compiled in %q (%v), want in the loader's worker", where, err)
	}
	step(t, ctx, "offline: an old address", chromedp.Navigate(at+"/booth.html"))
	shows(t, ctx, "/explorer/patterns/booth", "Booth")
	step(t, ctx, "offline: an unknown address", chromedp.Navigate(at+"/patterns/no-such-pattern"))
	shows(t, ctx, "/explorer/patterns/no-such-pattern", "Not found")
	step(t, ctx, "offline: home", chromedp.Navigate(at+"/"))
	shows(t, ctx, "/explorer/", theCorpus.Site.Name)
}
