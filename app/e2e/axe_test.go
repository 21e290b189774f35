//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeScript is where the test setup (`go run build.go test`, npm ci)
// installs the pinned axe-core of testdata/axe/package-lock.json.
const axeScript = "testdata/axe/node_modules/axe-core/axe.min.js"

// loadAxe returns axe-core's script, or skips the test when it is not
// installed; with REQUIRE_BROWSER=1 it fails it instead.
func loadAxe(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(axeScript)
	if err == nil {
		return string(b)
	}
	msg := fmt.Sprintf("%s is not installed (npm ci in %s, as go run build.go test does)", axeScript, filepath.Dir(filepath.Dir(filepath.Dir(axeScript))))
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s, and REQUIRE_BROWSER=1", msg)
	}
	t.Skip(msg + ": accessibility test skipped")
	return ""
}

// axeViolation is one rule axe-core found broken, with the elements that
// break it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %d): %s", v.ID, v.Impact, len(v.Nodes), v.Help)
	for k, n := range v.Nodes {
		if k == 3 {
			fmt.Fprintf(&b, "\n\t\t… and %d more", len(v.Nodes)-3)
			break
		}
		fmt.Fprintf(&b, "\n\t\t%v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// colorScheme emulates prefers-color-scheme.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		p := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, p)
		return err
	})
}

// TestAccessibility runs axe-core on every view — home, a pattern, a page,
// the graph and its relations list, search with results, not-found, the QR dialog and kiosk — on
// a phone and a laptop, in the light and the dark theme, and fails on any
// violation of any rule.
func TestAccessibility(t *testing.T) {
	axe := loadAxe(t)
	srv, _ := startSite(t)
	views := []struct {
		name  string
		path  string
		steps []chromedp.Action[chromedp.Void]
	}{
		{"home", "/", nil},
		{"pattern", "/patterns/booth", nil},
		{"page", "/pages/introduction", nil},
		{"glossary", "/pages/glossary", nil},
		{"graph", "/graph", []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS(".graph svg"))}},
		{"graph filtered", "/graph?block=Social#booth", []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS(".graph-filters[open] a.filter"))}},
		{"graph relations", "/graph", []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS("#relations > summary")), chromedp.WaitVisible(chromedp.CSS("#relations .relation"))}},
		{"search", "/search?q=conf", []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS("#result-0"))}},
		{"search empty", "/search", nil},
		{"not found", "/nope", nil},
		{"link preview", "/patterns/booth", []chromedp.Action[chromedp.Void]{tabTo(`.section-body a[href^="/patterns/"]:not(.broken)`), chromedp.WaitVisible(chromedp.CSS("#link-preview"))}},
		{"qr dialog", "/patterns/booth", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS("#qr-button")), chromedp.WaitVisible(chromedp.CSS("#qr-dialog #qr-code"))}},
		{"kiosk", "/?kiosk=1", []chromedp.Action[chromedp.Void]{
			chromedp.WaitVisible(chromedp.CSS("#featured")), chromedp.WaitNotPresent(chromedp.CSS("#kiosk-toast"))}},
	}
	for _, size := range [][2]int64{{390, 844}, {1280, 800}} {
		for _, scheme := range []string{"light", "dark"} {
			ctx := browser(t) // one per round: a round takes a minute
			for _, v := range views {
				name := fmt.Sprintf("%dx%d/%s/%s", size[0], size[1], scheme, v.name)
				t.Run(name, func(t *testing.T) {
					steps := append([]chromedp.Action[chromedp.Void]{
						chromedp.EmulateViewport(size[0], size[1]), colorScheme(scheme),
						chromedp.Navigate(srv.URL + v.path), ready(),
					}, v.steps...)
					must(t, ctx, "open "+v.path, append(steps, painted())...)
					for _, bad := range runAxe(t, ctx, axe) {
						t.Errorf("%s", bad)
					}
				})
			}
		}
	}
}

// runAxe injects axe-core into the page, once, and returns what it finds.
func runAxe(t *testing.T, ctx context.Context, axe string) []axeViolation {
	t.Helper()
	if !eval[bool](t, ctx, `typeof window.axe === "object"`) {
		eval[chromedp.Void](t, ctx, axe+";undefined")
	}
	return eval[[]axeViolation](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`)
}
