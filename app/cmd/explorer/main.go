// Command explorer is Pattern Explorer: compiled to WASM it is the app in
// the browser; compiled natively it is the server that prerenders the same
// components and serves the assets.
package main

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/devmode"
	"github.com/devrel-patterns/explorer/app/embedded"
	"github.com/devrel-patterns/explorer/app/ui"
)

func main() {
	mark("corpus-decode-start")
	c, err := embedded.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "explorer:", err)
		os.Exit(1)
	}
	mark("corpus-decoded")
	if devmode.On() { // only under the dev server (make dev)
		devmode.Register(c)
	} else {
		ui.Register(c)
	}
	mark("app-registered")
	app.RunWhenOnBrowser()
	if err := serve(c, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "explorer:", err)
		os.Exit(1)
	}
}

// mark records a performance mark in the browser, which the benchmarks read
// (make bench); elsewhere it does nothing.
func mark(name string) {
	if app.IsClient {
		app.Window().Get("performance").Call("mark", name)
	}
}
