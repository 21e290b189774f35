//go:build wasm

package main

// serve does nothing in the browser.
func serve() {}
