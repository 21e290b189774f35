//go:build !wasm

package devserver

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/internal/browsertest"
)

// repoRoot holds content/ and web/, built (`go run build.go build`)
// before the browser tests run; the test serves copies of them.
const repoRoot = "../.."

// TestEditShowsInOpenPage is issue 17's acceptance test: under the dev
// server, with a copy of content/, ten edits of a pattern each show in the
// open page in place (same view, same scroll position, no reload), a
// mistake shows as its file:line error over the still readable page, and
// fixing it removes the error.
func TestEditShowsInOpenPage(t *testing.T) {
	browsertest.Chromium(t) // skips at once where there is no browser
	dir := copyContent(t)
	file := filepath.Join(dir, "booth.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const sentence = "Run the booth as a small, temporary help desk"
	if !strings.Contains(string(orig), sentence) || !strings.Contains(string(orig), "\ndate=2026-02-09\n") {
		t.Fatalf("content/booth.md changed: the test edits %q and the date on line 2", sentence)
	}
	root, code := webCopy(t)
	url := serveDev(t, dir, root, code)

	ctx := browsertest.Tab(t, 2*time.Minute)
	waitFor := func(what, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/patterns/booth")); err != nil {
		t.Fatalf("open the booth pattern: %v", err)
	}
	waitFor("the app takes over and follows the dev server",
		`document.documentElement.dataset.app === "ready" && !!document.querySelector("#dev-root")?.dataset.build`)
	// A reload would lose this mark; the scroll position must stay.
	scrolled := evaluate[float64](t, ctx, "mark the page and scroll", `window.devMark = "same page"; window.scrollTo(0, 600); window.scrollY`)
	if scrolled < 100 {
		t.Fatalf("the page scrolled to %v; want a page tall enough to scroll", scrolled)
	}

	var took []time.Duration
	for i := range 10 {
		token := fmt.Sprintf("edit%02dx", i)
		edited := strings.Replace(string(orig), sentence, "Run the booth ("+token+") as a small, temporary help desk", 1)
		start := time.Now()
		writeFile(t, file, edited)
		waitFor("edit "+token+" shows", `document.querySelector("#main").innerText.includes("(`+token+`)")`)
		took = append(took, time.Since(start))
	}
	median, p90 := quantile(took, 0.5), quantile(took, 0.9)
	t.Logf("edit → open page, 10 edits: median %v, p90 %v, max %v (all: %v); load average %s", median, p90, slices.Max(took), took, loadAverage())
	state := evaluate[pageState](t, ctx, "read the page after the edits", pageStateJS)
	if state.Mark != "same page" || state.Path != "/patterns/booth" || state.Title != "Booth" {
		t.Errorf("after the edits the page is %+v; want the same page (no reload) on the same view", state)
	}
	if state.ScrollY != scrolled {
		t.Errorf("after the edits the page is scrolled to %v; want %v as before", state.ScrollY, scrolled)
	}

	// A mistake: a date that is no date, with markup in it that must stay
	// text.
	last := strings.Replace(string(orig), sentence, "Run the booth (edit09x) as a small, temporary help desk", 1)
	broken := strings.Replace(last, "\ndate=2026-02-09\n", "\ndate=<b>never</b>\n", 1)
	start := time.Now()
	writeFile(t, file, broken)
	waitFor("the error shows", `(document.querySelector("#dev-errors")?.innerText || "").includes("booth.md:2: bad date")`)
	errTook := time.Since(start)
	t.Logf("mistake → error in the page: %v", errTook)
	type overlayState struct {
		Text     string `json:"text"`
		Elements int    `json:"elements"`
		Content  bool   `json:"content"`
	}
	overlay := evaluate[overlayState](t, ctx, "read the error", `({text: document.querySelector("#dev-error-list").innerText,
		elements: document.querySelectorAll("#dev-errors b").length,
		content: document.querySelector("#main").innerText.includes("(edit09x)")})`)
	if want := filepath.ToSlash(file) + `:2: bad date "<b>never</b>"`; !strings.Contains(overlay.Text, want) {
		t.Errorf("the error reads %q; want it to contain %q", overlay.Text, want)
	}
	if overlay.Elements != 0 {
		t.Errorf("the error's text became markup: %d <b> elements in the overlay", overlay.Elements)
	}
	if !overlay.Content {
		t.Error("while the content does not compile, the page no longer shows the last version that did")
	}

	// With booth.md out of the corpus, the links to it are warnings: a
	// quiet count that opens their list.
	waitFor("the warnings' count", `/^\d+ warnings?$/.test(document.querySelector("#dev-warnings-count")?.innerText || "")
		&& !document.querySelector("#dev-warning-list")`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#dev-warnings-count"))); err != nil {
		t.Fatalf("open the warnings: %v", err)
	}
	waitFor("the warnings' list", `(document.querySelector("#dev-warning-list")?.innerText || "").includes(".md:")`)

	writeFile(t, file, string(orig))
	waitFor("the error and the warnings go once fixed", `!document.querySelector("#dev-errors") && !document.querySelector("#dev-warnings") && document.querySelector("#main").innerText.includes("`+sentence+`")`)
	state = evaluate[pageState](t, ctx, "read the page after the fix", pageStateJS)
	if state.Mark != "same page" || state.Path != "/patterns/booth" {
		t.Errorf("after the fix the page is %+v; want the same page", state)
	}

	// A change of the app's code: the server has it rebuilt (here: the
	// stylesheet copied into web/) and the page reloads into it.
	loads := chromedp.Events(ctx, page.LoadEventFired)
	writeFile(t, filepath.Join(code, "style.css"), "body { outline: 7px solid rgb(1, 2, 3); }")
	for _, err := range loads {
		if err != nil {
			t.Fatalf("wait for the reload: %v", err)
		}
		break
	}
	waitFor("the page reloads into the rebuilt app", `!window.devMark && document.documentElement.dataset.app === "ready"
		&& getComputedStyle(document.body).outlineWidth === "7px" && location.pathname === "/patterns/booth"`)
}

// webCopy copies what the browser loads from the repository's web/ (the
// built WASM, without its twins, which may be older; the stylesheet) into
// a temporary root, and makes a folder of "code" whose style.css a
// rebuild appends to the stylesheet.
func webCopy(t *testing.T) (root, code string) {
	t.Helper()
	browsertest.BuiltApp(t, repoRoot)
	root, code = t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"app.wasm", "style.css", "compile-worker.js"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "web", f))
		if err != nil {
			t.Fatalf("%v (build the app first: go run build.go build)", err)
		}
		writeFile(t, filepath.Join(root, "web", f), string(b))
	}
	return root, code
}

// pageState is what tells a page that was updated in place from one that
// was reloaded or moved.
type pageState struct {
	Mark    string  `json:"mark"`
	Path    string  `json:"path"`
	Title   string  `json:"title"`
	ScrollY float64 `json:"scrollY"`
}

const pageStateJS = `({mark: window.devMark || "", path: location.pathname,
	title: document.querySelector("#main h1").innerText, scrollY: window.scrollY})`

// evaluate runs JavaScript in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, what, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// copyContent copies the repository's content/ into a temporary folder,
// which the test may edit.
func copyContent(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(repoRoot, "content"))); err != nil {
		t.Fatalf("copy content: %v", err)
	}
	return dst
}

// serveDev runs a dev server of dir and the app under root on a loopback
// port until the test ends, and returns its URL; a change in the folder
// code "rebuilds" the app (serveDev's rebuild).
func serveDev(t *testing.T, dir, root, code string) string {
	t.Helper()
	style, err := os.ReadFile(filepath.Join(root, "web", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	rebuild := func(context.Context) error {
		extra, err := os.ReadFile(filepath.Join(code, "style.css"))
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, "web", "style.css"), append(append([]byte{}, style...), extra...), 0o644)
	}
	return startDev(t, Options{Content: dir, Root: root, Code: []string{code}, Rebuild: rebuild})
}

// writeFile replaces a file's content as an editor saves it.
func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// loadAverage is the machine's load, which the latencies depend on, for
// the log; "" where there is no /proc/loadavg.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// quantile returns the q-quantile of durations (nearest rank).
func quantile(d []time.Duration, q float64) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}
