//go:build !wasm

// Package e2e holds the browser tests: real headless Chromium, driven with
// chromedp, against the real site handler on a free loopback port. The
// tests skip when Chromium is missing, unless REQUIRE_BROWSER=1.
package e2e
