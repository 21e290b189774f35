//go:build !wasm

// Package browsertest is what the browser tests share and production code
// never links: finding Chromium for a test, skipping it where there is none
// (or failing it with REQUIRE_BROWSER=1), and a per-test folder for
// screenshots that a failure message names.
package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/headless"
)

// Chromium returns Chromium's path for a test, or skips the test when
// there is none, with a clear message; with REQUIRE_BROWSER=1 it fails it
// instead.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := headless.Find(); p != "" {
		return p
	}
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatal("chromium not found on PATH, and REQUIRE_BROWSER=1")
	}
	t.Skip("chromium not found on PATH: browser test skipped (set REQUIRE_BROWSER=1 to fail instead)")
	return ""
}

// BuiltApp skips a test that serves the app when root has no built
// web/app.wasm (a fresh clone before `go run build.go build`), with a
// clear message; with REQUIRE_BROWSER=1 it fails it instead.
func BuiltApp(t testing.TB, root string) {
	t.Helper()
	wasm := filepath.Join(root, "web", "app.wasm")
	if _, err := os.Stat(wasm); err == nil {
		return
	}
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s is not built (run go run build.go build, or make test), and REQUIRE_BROWSER=1", wasm)
	}
	t.Skipf("%s is not built: browser test skipped (make test builds it first)", wasm)
}

// Tab starts headless Chromium with a fresh profile (headless.Options)
// and returns a tab that closes when the test ends or when limit has
// passed. It skips the test where there is no Chromium (Chromium).
func Tab(t testing.TB, limit time.Duration) context.Context {
	t.Helper()
	opts := headless.Options(Chromium(t), t.TempDir())
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, limit)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// Ready waits until the WASM app has taken over the page.
func Ready() chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"]`))
}

// CompiledIn returns where the page's WASM was compiled, as the loader
// marked it (app/site/loader.js): "worker" when off the page's main thread,
// as it should be, "page" when the loader fell back on compiling it there.
func CompiledIn(ctx context.Context) (string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const m = performance.getEntriesByName("wasm-compiled", "mark")[0];
		return m ? String(m.detail) : "not compiled";
	})()`))
}

// Poll waits, up to 20 s, for a JavaScript condition on the page to hold,
// and fails the test with what it waited for when it does not.
func Poll(t testing.TB, ctx context.Context, what, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
