package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The search box is an ARIA combobox whose popup is the grid of results
// (resultsHTML): it says whether the results show (aria-expanded), which
// grid it controls, which result Enter opens (aria-activedescendant), and a
// live region announces how many results there are. A keystroke paints
// the results without a go-app render (paintResults), so syncBox writes
// the same state into the page at once; go-app's renders then write
// nothing but what changed since its last draw, which is the same state.

// resultsID is the id of the results grid the combobox controls.
const resultsID = "results"

// comboExpanded reports whether the results grid shows.
func (s *Shell) comboExpanded() bool {
	return s.route.Kind == viewSearch && s.query != "" && len(s.result.Hits) > 0
}

// comboControls is the id of the grid the box controls, or "" (no
// attribute) when there is none.
func (s *Shell) comboControls() string {
	if s.comboExpanded() {
		return resultsID
	}
	return ""
}

// comboActive is the id of the selected result, or "" when none shows.
func (s *Shell) comboActive() string {
	if s.comboExpanded() && s.sel >= 0 && s.sel < len(s.result.Hits) {
		return resultCellID(s.sel)
	}
	return ""
}

// resultCellID is the id of a result's title cell, the combobox's active
// descendant when the result is selected.
func resultCellID(k int) string { return "result-" + strconv.Itoa(k) + "-title" }

// statusText is what the live region says: the count of results, or that
// none match, on the search view with a query.
func (s *Shell) statusText() string {
	if s.route.Kind != viewSearch || s.query == "" {
		return ""
	}
	if len(s.result.Hits) == 0 {
		return "No results"
	}
	return countLabel(s.result.Total, len(s.result.Hits))
}

// syncBox writes the combobox state and the live count into the page.
func (s *Shell) syncBox() {
	if !app.IsClient {
		return
	}
	doc := app.Window()
	if box := doc.GetElementByID("q"); box.Truthy() {
		box.Call("setAttribute", "aria-expanded", strconv.FormatBool(s.comboExpanded()))
		setOrRemove(box, "aria-controls", s.comboControls())
		setOrRemove(box, "aria-activedescendant", s.comboActive())
	}
	if st := doc.GetElementByID("search-status"); st.Truthy() && st.Get("textContent").String() != s.statusText() {
		st.Set("textContent", s.statusText())
	}
}

func setOrRemove(el app.Value, name, value string) {
	if value == "" {
		el.Call("removeAttribute", name)
		return
	}
	el.Call("setAttribute", name, value)
}

// focusMain moves the keyboard focus to the main content, for the skip
// link (go-app then scrolls to it).
func focusMain(ctx app.Context, e app.Event) {
	if m := app.Window().GetElementByID("main"); m.Truthy() {
		m.Call("focus")
	}
}
