//go:build wasm

package main

import "github.com/devrel-patterns/explorer/app/corpus"

// serve is the server's entry point; in the browser there is none.
func serve(*corpus.Corpus, []string) error { return nil }
