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
	// The runtime and the packages' init ran in a task of their own
	// (the loader's, after the compile); the corpus, the routes and the
	// first draw each get another.
	mark("main")
	yieldToBrowser()
	mark("corpus-decode-start")
	c, err := embedded.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "explorer:", err)
		os.Exit(1)
	}
	mark("corpus-decoded")
	yieldToBrowser()
	if devmode.On() { // only under the dev server (make dev)
		devmode.Register(c)
	} else {
		ui.Register(c)
	}
	mark("app-registered")
	yieldToBrowser()
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

// yieldToBrowser ends the browser task the start is running in and goes on
// in the next one, so that the browser may paint, take input and do its
// own work in between: a phone's main thread feels the start as a few
// shorter tasks rather than one long one (Lighthouse's blocking time). A
// message on a MessageChannel is the next task, with no timer's clamp.
// Elsewhere it does nothing.
func yieldToBrowser() {
	if !app.IsClient {
		return
	}
	done := make(chan struct{})
	var next app.Func
	next = app.FuncOf(func(app.Value, []app.Value) any {
		next.Release()
		close(done)
		return nil
	})
	ch := app.Window().Get("MessageChannel").New()
	ch.Get("port1").Set("onmessage", next)
	ch.Get("port2").Call("postMessage", nil)
	<-done
	ch.Get("port1").Call("close")
}
