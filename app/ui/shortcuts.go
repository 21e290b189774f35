package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// listenShortcuts focuses the search box on "/" (outside a text field) and
// on Ctrl-K or ⌘-K anywhere. It returns a func that removes the listener.
func listenShortcuts(ctx app.Context) func() {
	win := app.Window()
	handler := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		key := e.Get("key").String()
		mod := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
		inField := false
		if t := e.Get("target"); t.Truthy() {
			switch t.Get("tagName").String() {
			case "INPUT", "TEXTAREA", "SELECT":
				inField = true
			}
			if t.Get("isContentEditable").Truthy() {
				inField = true
			}
		}
		if (key == "/" && !mod && !inField) || (mod && (key == "k" || key == "K")) {
			e.Call("preventDefault")
			if q := win.GetElementByID("q"); q.Truthy() {
				q.Call("focus")
				q.Call("select")
			}
		}
		return nil
	})
	win.Call("addEventListener", "keydown", handler)
	return func() {
		win.Call("removeEventListener", "keydown", handler)
		handler.Release()
	}
}
