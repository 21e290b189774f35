package ui

import (
	"net/url"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// pageSize is how many results show at first, and how many more each
// "Show more" adds.
const pageSize = 20

// setQuery runs a query in the shell's search session and puts it in the
// search box, unless the box already holds it (as it does when the query
// comes from the box itself).
func (s *Shell) setQuery(q string) {
	if s.session == nil {
		s.session = s.idx.Index().Session()
	}
	s.query, s.sel, s.limit, s.qrOpen = q, 0, pageSize, false
	s.result = s.session.QueryLimit(q, s.limit)
	if app.IsClient {
		if box := app.Window().GetElementByID("q"); box.Truthy() && box.Get("value").String() != q {
			box.Set("value", q)
		}
	}
}

// boxValue is the value the search box is rendered with. In the browser
// the box owns its text: a render writes back what it holds at that moment,
// never the query of an earlier event, so a character typed since that
// event is never wiped (go-app may draw a frame between an input event and
// its handler). Queries that do not come from typing reach the box through
// setQuery. On the server it is the query of the URL.
func (s *Shell) boxValue() string {
	if app.IsClient {
		if box := app.Window().GetElementByID("q"); box.Truthy() {
			return box.Get("value").String()
		}
	}
	return s.query
}

// showMore shows another page of results.
func (s *Shell) showMore() {
	s.limit += pageSize
	s.result = s.session.QueryLimit(s.query, s.limit)
}

// onInput searches on every keystroke. The first keystroke elsewhere goes
// to the search view; then the URL follows the query (replaceState,
// through followAddress), so a search can be shared and Back leaves it.
func (s *Shell) onInput(ctx app.Context, e app.Event) {
	q := ctx.JSSrc().Get("value").String()
	s.setQuery(q)
	if s.route.Kind != viewSearch {
		ctx.Navigate(href(s.c, corpus.SearchPathOf(q)))
		return
	}
	s.route.Query = q
	s.paintResults()
	s.followAddress(ctx)
	// The page already shows everything the query changed, so go-app need
	// not draw the shell again; its next draw, for any other reason,
	// writes the same HTML for the same state.
	ctx.PreventUpdate()
}

// paintResults writes the results into the page now, in the input event:
// go-app would draw them on its next frame, 8 ms or more later, then finds
// the same HTML there.
func (s *Shell) paintResults() {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID("search-results"); el.Truthy() {
		el.Set("innerHTML", resultsHTML(s.c, s.idx.Index(), s.query, s.result, s.sel))
	}
	s.syncBox()
}

// onKey moves through the results with the arrows, opens one with Enter,
// goes to the selected one with Tab and clears the search with Escape.
func (s *Shell) onKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "ArrowDown":
		e.PreventDefault()
		if s.sel < len(s.result.Hits)-1 {
			s.sel++
		}
		scrollToResult(s.sel)
	case "ArrowUp":
		e.PreventDefault()
		if s.sel > 0 {
			s.sel--
		}
		scrollToResult(s.sel)
	case "Enter":
		e.PreventDefault()
		s.flushAddress()
		if s.query != "" && s.route.Kind != viewSearch {
			s.setQuery(s.query)
		}
		if s.sel >= 0 && s.sel < len(s.result.Hits) {
			ctx.Navigate(href(s.c, s.c.Docs[s.result.Hits[s.sel].Doc].Path()))
		}
	case "Tab":
		// The results come after the header's links in the page: Tab
		// from the box goes to the selected one, not past them all.
		if e.Get("shiftKey").Bool() || !s.comboExpanded() {
			return
		}
		sel := s.sel
		focus := func() bool {
			link := app.Window().Get("document").Call("querySelector", "#"+resultCellID(sel)+" a")
			if link.Truthy() {
				link.Call("focus")
			}
			return link.Truthy()
		}
		if focus() {
			e.PreventDefault()
			// A draw still due from the last arrow key rewrites the
			// results and would take the focused link away: focus the
			// new one once it is drawn.
			ctx.Defer(func(app.Context) { focus() })
		}
		return
	case "Escape":
		s.setQuery("")
		if s.route.Kind == viewSearch {
			s.route.Query = ""
			s.writeAddress()
		}
	default:
		// Any other key types, and onInput paints what it changes: a
		// draw of the whole shell a frame later would only write the
		// same results again, in the frame after the keystroke.
		ctx.PreventUpdate()
	}
	s.syncBox()
}

// addressEvery is the shortest time between two writes of the address
// while the visitor types. Chromium ignores a page's history updates past
// 200 in ten seconds, and the address would then stop following the box;
// one write per addressEvery stays far below that at any typing speed.
const addressEvery = 150 * time.Millisecond

// followAddress makes the address follow the query: the first keystroke
// since the last write asks for a write addressEvery later, which writes
// the query of then; the keystrokes in between ride on it. A navigation
// in between drops the write (OnNav), since the address is another page's.
func (s *Shell) followAddress(ctx app.Context) {
	if s.addressDue {
		return
	}
	s.addressDue = true
	nav := s.navs
	ctx.After(addressEvery, func(ctx app.Context) {
		if s.navs == nav {
			s.flushAddress()
		}
		// Only the address changed: nothing for go-app to draw, and a
		// draw would rewrite the results under the visitor's pointer.
		ctx.PreventUpdate()
	})
}

// flushAddress writes a pending address at once: before the app leaves
// the search view, so that Back finds the search as it was left.
func (s *Shell) flushAddress() {
	if s.addressDue {
		s.writeAddress()
	}
}

// writeAddress writes the query into the address of the search view.
func (s *Shell) writeAddress() {
	s.addressDue = false
	if s.route.Kind == viewSearch {
		replaceURL(s.c, corpus.SearchPathOf(s.route.Query))
	}
}

// onBoxBlur writes a pending address when the box loses the focus, as it
// does before a click on a link or a result is handled.
func (s *Shell) onBoxBlur(ctx app.Context, e app.Event) {
	s.flushAddress()
	ctx.PreventUpdate()
}

// replaceURL changes the address bar without a navigation.
func replaceURL(c *corpus.Corpus, path string) {
	if !app.IsClient {
		return
	}
	u := app.Window().URL()
	next, err := url.Parse(href(c, path))
	if err != nil {
		return
	}
	u.Path, u.RawQuery = next.Path, next.RawQuery
	app.Window().Get("history").Call("replaceState", nil, "", u.String())
}

// scrollToResult keeps the selected result in view.
func scrollToResult(k int) {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID("result-" + strconv.Itoa(k)); el.Truthy() {
		el.Call("scrollIntoView", map[string]any{"block": "nearest"})
	}
}
