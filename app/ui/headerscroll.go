package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// How far, in CSS pixels, the visitor scrolls one way before the header
// goes or comes back: a finger's jitter moves neither.
const (
	collapseAfter = 24
	revealAfter   = 16
)

// collapseHeader hides the header while the visitor scrolls down a page
// and brings it back as soon as they scroll up or near the top, where on a
// phone it would otherwise hold a sixth of the screen. It only marks the
// document (data-header="hidden"); the stylesheet decides on which screens
// that hides the header, and never while it holds the focus.
func collapseHeader(l *listeners) {
	win := app.Window()
	root := win.Get("document").Get("documentElement")
	var last, run float64 // the last offset, and how far scrolled one way
	hidden := false
	var header app.Value // looked up again only once it left the page
	headerOf := func() app.Value {
		if header == nil || !header.Truthy() || !header.Get("isConnected").Bool() {
			header = root.Call("querySelector", ".header")
		}
		return header
	}
	set := func(h bool) {
		if h == hidden {
			return
		}
		hidden = h
		if h {
			root.Call("setAttribute", "data-header", "hidden")
		} else {
			root.Call("removeAttribute", "data-header")
		}
	}
	l.on(win.JSValue(), "scroll", false, func(e app.Value) {
		y := win.Get("scrollY").Float()
		d := y - last
		last = y
		if (d > 0) != (run > 0) {
			run = 0
		}
		run += d
		header := headerOf()
		switch {
		case !header.Truthy() || y <= header.Get("offsetHeight").Float():
			set(false)
		case run > collapseAfter:
			set(true)
		case run < -revealAfter:
			set(false)
		}
	})
}
