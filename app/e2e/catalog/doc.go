//go:build !wasm

// Package catalog tests a large pattern language in the browser: a
// synthetic corpus (app/synth) of a few hundred patterns, more than one
// page of the catalog, served by the real server. It is a package of its
// own because the app's routes are registered once per process, for one
// corpus.
package catalog
