//go:build !wasm

// Package bench measures Pattern Explorer as a person meets it and prints
// one Markdown table (make bench): the size of the WASM and of a first
// visit, cold and warm loads in headless Chromium, search per keystroke
// inside the running app and in Go benchmarks (native and WASM), the graph,
// the cost of compiling a corpus, the server under load, and our search side
// by side with Fuse.js, FlexSearch and MiniSearch in one page.
//
// Every corpus gets its own temporary root: the compiled artifact, a WASM
// and a server binary built with it (through go build -overlay, so the
// shared app/embedded/corpus.bin is never written), and copies of the
// static files of web/. Nothing leaves the loopback interface, and every
// figure is a median of several runs.
//
// The package is native only; its one WASM part is the command
// app/bench/wasmsearch, our search alone for the harness page.
package bench
