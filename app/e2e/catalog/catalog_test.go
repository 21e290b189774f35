//go:build !wasm

package catalog

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/synth"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds web/.
const repoRoot = "../../.."

// patterns is the size of the synthetic corpus: two pages of the catalog
// and part of a third.
const patterns = 300

var theCorpus *corpus.Corpus

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "explorer-catalog-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalog:", err)
		os.Exit(1)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		if err := synth.Write(filepath.Join(dir, "content"), patterns, 7); err != nil {
			fmt.Fprintln(os.Stderr, "catalog: write the corpus:", err)
			return 1
		}
		theCorpus, _, err = artifact.Compile(filepath.Join(dir, "content"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "catalog: compile the corpus:", err)
			return 1
		}
		ui.Register(theCorpus)
		return m.Run()
	}()
	os.Exit(code)
}

// TestCatalogPages opens home: the server's page and the app draw one page
// of cards with a "Show more" button; pressing it draws the next page and
// puts the keyboard on its first card; the last press draws the rest and
// the button goes.
func TestCatalogPages(t *testing.T) {
	ctx := browsertest.Tab(t, 3*time.Minute)
	srv := browsertest.Serve(t, repoRoot, theCorpus, nil)
	total := len(theCorpus.Patterns())
	if total < 241 {
		t.Fatalf("the corpus has %d patterns, want more than two pages", total)
	}

	// Before the app starts: the server's HTML.
	res, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(body), `class="card"`); n != 120 {
		t.Errorf("the server's home has %d cards, want 120", n)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), browsertest.Ready()); err != nil {
		t.Fatalf("open home: %v", err)
	}
	cards := `document.querySelectorAll("#catalog > li.card").length`
	browsertest.Poll(t, ctx, "one page of cards", cards+` === 120 && !!document.getElementById("catalog-more")`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#catalog-more"))); err != nil {
		t.Fatalf("press Show more: %v", err)
	}
	browsertest.Poll(t, ctx, "two pages of cards, the keyboard on the first new one",
		cards+` === 240 && document.activeElement === document.querySelector("#catalog > li:nth-child(121) a")`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#catalog-more"))); err != nil {
		t.Fatalf("press Show more again: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`%s === %d && !document.getElementById("catalog-more")`, cards, total), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](cards+` + " cards; button: " + (document.getElementById("catalog-more")?.textContent ?? "none")`))
		t.Fatalf("every card (%d), and no button: %s: %v", total, got, err)
	}
}
