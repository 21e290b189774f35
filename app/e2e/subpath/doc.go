//go:build !wasm

// Package subpath tests a site published under a prefix, as a user of a
// static host shares it: the content compiled for
// https://example.org/explorer, its app built for that site, exported and
// served under /explorer/ by a plain file server. Its tests crawl every
// address of the export and follow its link previews as a chat app does,
// and open it in headless Chromium, online and offline. It is a package of
// its own because the app's routes are registered once per process, for
// one corpus.
package subpath
