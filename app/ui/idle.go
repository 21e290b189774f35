package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/search"
)

// idleTimeout bounds, in milliseconds, how long whenIdle waits for the
// browser to be idle.
const idleTimeout = 500

// whenIdle runs f in a later task of the browser's event loop, once it is
// idle (requestIdleCallback) or after idleTimeout at the latest; where
// there is no requestIdleCallback, in the next task (setTimeout). So the
// work of f is neither part of the task that draws the view nor delays its
// paint. Go code that only goes on in a goroutine would not do: the WASM
// runs every goroutine that can run before it hands the event loop back.
func whenIdle(f func()) {
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		f()
		return nil
	})
	win := app.Window()
	if win.Get("requestIdleCallback").Truthy() {
		win.Call("requestIdleCallback", cb, map[string]any{"timeout": idleTimeout})
		return
	}
	win.Call("setTimeout", cb, 0)
}

// indexStep is how long the search index is built for in one idle period:
// well under the 50 ms at which a task holds up input, even on a phone.
const indexStep = 8 * time.Millisecond

// buildWhenIdle builds idx a step at a time, a step in each idle period of
// the browser (whenIdle), until it is built: at 10,000 patterns the build
// takes 150 to 220 ms, which in one task froze the page just drawn.
// A search before then finishes the build at once (search.Lazy.Index).
func buildWhenIdle(idx *search.Lazy) {
	var step func()
	step = func() {
		if !idx.Step(indexStep) {
			whenIdle(step)
		}
	}
	whenIdle(step)
}
