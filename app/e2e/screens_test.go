//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves what a visitor sees, for people to look at: home, a
// pattern, search results and the graph, on a phone and a laptop. It runs
// only when SCREENSHOTS names a folder.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=folder to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv, _ := startSite(t)
	ctx := browser(t)
	views := []struct{ name, path string }{
		{"home", "/"},
		{"pattern", "/patterns/booth"},
		{"search", "/search?q=conf"},
		{"graph", "/graph"},
		{"glossary", "/pages/glossary"},
		{"notfound", "/nope"},
	}
	for _, size := range [][2]int64{{390, 844}, {1280, 800}} {
		for _, v := range views {
			must(t, ctx, "open "+v.path, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(srv.URL+v.path), ready(), chromedp.Sleep(300e6))
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, fmt.Sprintf("%s-%dx%d.png", v.name, size[0], size[1]))
			if err := os.WriteFile(name, shot, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
