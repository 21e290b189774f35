package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// listenShortcuts focuses the search box on "/" (outside a text field) and
// on Ctrl-K or ⌘-K anywhere. A key pressed outside a text field also
// tells that there is a keyboard — a screen's own keyboard shows only in
// a field — and the document is marked so (data-keyboard), which shows
// the key hints on a touch screen with a keyboard attached.
func listenShortcuts(l *listeners) {
	win := app.Window()
	root := win.Get("document").Get("documentElement")
	l.on(win.JSValue(), "keydown", false, func(e app.Value) {
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
		if !inField && !root.Call("hasAttribute", "data-keyboard").Bool() {
			root.Call("setAttribute", "data-keyboard", "")
		}
		if (key == "/" && !mod && !inField) || (mod && (key == "k" || key == "K")) {
			e.Call("preventDefault")
			if q := win.GetElementByID("q"); q.Truthy() {
				q.Call("focus")
				q.Call("select")
			}
		}
	})
}
