//go:build !wasm

// Package headless starts Debian's Chromium the one way this project does:
// headless, with a fresh profile and every background service off, so that
// nothing it does leaves the loopback interface. The browser tests, the
// graph's browser test and the benchmarks share it.
package headless

import (
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Find returns the path of Chromium on PATH, or "" when there is none.
func Find() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Options are the allocator options for the browser at path with a fresh
// profile in profileDir, and a 1280×800 window.
func Options(path, profileDir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profileDir),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 800),
	}
}
