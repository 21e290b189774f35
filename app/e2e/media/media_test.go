//go:build !wasm

package media

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds web/.
const repoRoot = "../../.."

// catalog is the test corpus with images.
var catalog = filepath.Join(repoRoot, "app", "compiler", "testdata", "corpora", "plain")

var (
	theCorpus *corpus.Corpus
	theImages []compiler.Image
)

func TestMain(m *testing.M) {
	var rep compiler.Report
	var err error
	theCorpus, rep, err = artifact.Compile(catalog)
	if err != nil {
		fmt.Fprintln(os.Stderr, "media: compile the catalog:", err)
		os.Exit(1)
	}
	theImages = rep.Images
	ui.Register(theCorpus)
	os.Exit(m.Run())
}

// TestImageOffline opens a pattern with an image on the server, as `make
// run CONTENT=…` serves it, sees the image drawn at its served size, goes
// offline, opens the page again and sees the image again, from the cache.
func TestImageOffline(t *testing.T) {
	ctx := browsertest.Tab(t, 3*time.Minute)
	srv := browsertest.Serve(t, repoRoot, theCorpus, theImages)
	page := srv.URL + "/patterns/patterns/2-structured/shared-screen"
	drawn := `(() => { const i = document.querySelector('.section-body img[alt="Two people at one display"]');
		return !!i && i.complete && i.naturalWidth === 1600 && i.getAttribute("width") === "1600" && i.getAttribute("loading") === "lazy"; })()`

	if err := chromedp.Do(ctx, chromedp.Navigate(page), browsertest.Ready()); err != nil {
		t.Fatalf("open the pattern: %v", err)
	}
	browsertest.Poll(t, ctx, "the image is drawn at 1600 px", `(() => { const i = document.querySelector('.section-body img'); if (i) i.scrollIntoView(); return true; })() && `+drawn)
	browsertest.Poll(t, ctx, "the worker has cached the page and its image", `(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg || !reg.active || reg.active.state !== "activated") return false;
		const img = document.querySelector('.section-body img');
		return !!(await caches.match(new URL(img.src).pathname)) && !!(await caches.match("/patterns/patterns/2-structured/shared-screen"));
	})()`)
	srv.CloseClientConnections()
	srv.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(page), browsertest.Ready()); err != nil {
		t.Fatalf("open the pattern offline: %v", err)
	}
	browsertest.Poll(t, ctx, "offline, the image is drawn again", `(() => { const i = document.querySelector('.section-body img'); if (i) i.scrollIntoView(); return true; })() && `+drawn)
}
