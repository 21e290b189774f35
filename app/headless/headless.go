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

// switches are the command-line switches every Chromium of this project
// starts with, besides its profile and window.
var switches = []string{
	"headless", "no-sandbox", "disable-gpu", "disable-background-networking", "disable-component-update",
	"no-first-run", "disable-sync", "disable-quic", "disable-dev-shm-usage",
}

// Flags are the same switches as Options, with the fresh profile in
// profileDir, as command-line arguments, for a tool that starts Chromium
// itself (Lighthouse).
func Flags(profileDir string) []string {
	out := make([]string, 0, len(switches)+1)
	for _, s := range switches {
		out = append(out, "--"+s)
	}
	return append(out, "--user-data-dir="+profileDir)
}

// Options are the allocator options for the browser at path with a fresh
// profile in profileDir, and a 1280×800 window.
func Options(path, profileDir string) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.UserDataDir(profileDir)}
	for _, s := range switches {
		opts = append(opts, chromedp.Flag(s, true))
	}
	return append(opts, chromedp.WindowSize(1280, 800))
}
