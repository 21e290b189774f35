//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
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
			must(t, ctx, "open "+v.path, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(srv.URL+v.path), ready(), painted())
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

// TestBoothScreenshots saves the booth views (app/booth) on a laptop and a
// tablet: the QR dialog of a pattern on localhost, in both themes, a
// kiosk's home and pattern, a pattern as printed and search results with
// their QR buttons. The server says it is
// also at a LAN address, as `explorer -addr :8000` does on a booth's
// laptop. It runs only when SCREENSHOTS names a folder.
func TestBoothScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=folder to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := startSiteLAN(t, "192.168.1.20:8000")
	ctx := browser(t)
	media := func(m string, dark bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			p := emulation.SetEmulatedMediaParams{Media: m}
			if dark {
				p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
			}
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, p)
			return err
		})
	}
	views := []struct {
		name  string
		steps []chromedp.Action[chromedp.Void]
	}{
		{"booth-qr", []chromedp.Action[chromedp.Void]{media("", false), chromedp.Navigate(srv.URL + "/patterns/booth?kiosk=0"), ready(),
			chromedp.Click(chromedp.CSS("#qr-button")), chromedp.WaitVisible(chromedp.CSS("#qr-code"))}},
		{"booth-qr-dark", []chromedp.Action[chromedp.Void]{media("", true), chromedp.Navigate(srv.URL + "/patterns/booth"), ready(),
			chromedp.Click(chromedp.CSS("#qr-button")), chromedp.WaitVisible(chromedp.CSS("#qr-code"))}},
		{"booth-kiosk-home", []chromedp.Action[chromedp.Void]{media("", false), chromedp.Navigate(srv.URL + "/?kiosk=1"), ready(),
			chromedp.WaitVisible(chromedp.CSS("#featured-qr")), chromedp.WaitNotPresent(chromedp.CSS("#kiosk-toast"))}},
		{"booth-kiosk-pattern", []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + "/patterns/swag"), ready(),
			chromedp.WaitVisible(chromedp.CSS("#shell.kiosk"))}},
		{"booth-print", []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + "/patterns/booth?kiosk=0"), ready(),
			chromedp.WaitReady(chromedp.CSS("#handout-qr")), media("print", false)}},
		{"booth-results", []chromedp.Action[chromedp.Void]{media("", false), chromedp.Navigate(srv.URL + "/search?q=conf"), ready(),
			chromedp.WaitVisible(chromedp.CSS("#result-qr-0"))}},
	}
	for _, size := range [][2]int64{{1280, 800}, {768, 1024}} {
		for _, v := range views {
			steps := append([]chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(size[0], size[1])}, v.steps...)
			must(t, ctx, v.name, append(steps, painted())...)
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
	must(t, ctx, "reset", media("", false))
}
