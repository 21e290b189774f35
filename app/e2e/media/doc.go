//go:build !wasm

// Package media tests the images of a pattern language in the browser: a
// headerless catalog of our own with images (the compiler's test corpus
// "plain"), served by the real server, online and then offline. It is a
// package of its own because the app's routes are registered once per
// process, for one corpus.
package media
