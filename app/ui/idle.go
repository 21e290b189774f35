package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

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
