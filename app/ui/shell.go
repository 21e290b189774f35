// Package ui holds the app's go-app components: one shell that owns the
// search box and the current view, and a function or component per view.
// The same components render on the server (prerendering) and in the
// browser (WASM).
package ui

import (
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/booth"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// Shell is the root component of every route: header with the search box,
// the view of the current URL, and the update banner.
type Shell struct {
	app.Compo

	c      *corpus.Corpus
	idx    *search.Lazy
	route  corpus.Route
	path   string // the URL path shown
	target string // the address's anchor: the section or variant marked
	update bool   // a new version is ready

	session *search.Session
	query   string        // what the search box holds
	result  search.Result // the results of query
	sel     int           // the selected result
	limit   int           // how many results to show
	qrOpen  bool          // a result's QR dialog is open
	qrHit   int           // the result whose QR dialog is open

	navs       int  // counts navigations, so a late address write knows its page
	addressDue bool // the address is yet to follow the query (followAddress)

	listening listeners // the shortcuts' and the header's, on the window

	// Booth mode (booth.go).
	kiosk      bool             // kiosk mode is on
	featured   []booth.Featured // the patterns a kiosk features
	homeResets int              // counts idle returns home, which clear the filters
}

// NewShell returns the root component for a corpus and its search index,
// which is built once the view is drawn, or at once by a view that needs
// it.
func NewShell(c *corpus.Corpus, idx *search.Lazy) *Shell {
	return &Shell{c: c, idx: idx}
}

// updateEvery is how often the app asks the server for a new version.
const updateEvery = 10 * time.Minute

// OnMount marks the document as taken over by the WASM (tests and the
// stylesheet wait for it) and starts checking for updates.
func (s *Shell) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	doc.Get("documentElement").Call("setAttribute", "data-app", "ready")
	// The loader's "Loading…" goes with the first draw, in the same task,
	// so that the page is laid out once for both; until then it is where
	// go-app writes an error of the start (site/loader.js).
	if loader := doc.Call("getElementById", "app-wasm-loader"); loader.Truthy() {
		loader.Call("remove")
	}
	listenShortcuts(&s.listening)
	collapseHeader(&s.listening)
	// The index, for the first keystroke, once the view is drawn.
	buildWhenIdle(s.idx)
	ctx.Async(func() {
		t := time.NewTicker(updateEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				app.TryUpdate()
			}
		}
	})
}

// OnDismount removes the window listeners.
func (s *Shell) OnDismount() {
	s.listening.release()
}

// OnInit learns the route from the address in the browser, so that the
// first render, which replaces the prerendered page before OnNav, draws
// the view the server drew.
func (s *Shell) OnInit() {
	if app.IsClient {
		s.follow(app.Window().URL())
	}
}

// follow decodes the address u into the path, the route and the anchor
// shown.
func (s *Shell) follow(u *url.URL) {
	s.path, s.target = u.Path, u.Fragment
	s.route = routeOf(s.c, u)
	if s.route.Kind == viewSearch && (s.route.Query != s.query || s.session == nil) {
		s.setQuery(s.route.Query)
	}
}

// OnNav decodes the URL into the view to show and sets the page metadata.
func (s *Shell) OnNav(ctx app.Context) {
	s.navs++
	s.addressDue = false
	s.follow(ctx.Page().URL())
	if s.route.Kind == viewLegacy {
		if app.IsClient {
			ctx.Navigate(href(s.c, s.route.To))
			return
		}
	}
	if frag := s.target; frag != "" && app.IsClient {
		// The prerendered page was scrolled to the anchor; the WASM's
		// render replaced it, so scroll again once the view is drawn.
		ctx.Defer(func(ctx app.Context) { app.Window().ScrollToID(frag) })
	}
	ctx.Defer(func(app.Context) { s.syncBox() })
	title, desc := s.meta()
	ctx.Page().SetTitle(title)
	ctx.Page().SetDescription(desc)
}

// OnAppUpdate shows the banner that offers to reload into a new version.
func (s *Shell) OnAppUpdate(ctx app.Context) {
	s.update = ctx.AppUpdateAvailable()
}

// meta returns the page title and description of the current view.
func (s *Shell) meta() (string, string) { return Meta(s.c, s.route) }

// Meta returns the title and the description of the page of a route, as
// the page's head and its link previews give them: a document's title
// and description (else its summary), a view's name, each with the
// site's name.
func Meta(c *corpus.Corpus, r corpus.Route) (title, desc string) {
	name := c.Site.Name
	switch r.Kind {
	case viewPattern, viewPage, viewLegacy:
		d := &c.Docs[r.Doc]
		desc = d.Description
		if desc == "" {
			desc = firstSentences(cardSummary(d), 2)
		}
		return d.Title + " · " + name, desc
	case viewGraph:
		return "Graph · " + name, name + ": the whole link graph of the pattern language."
	case viewSearch:
		return "Search · " + name, name + ": search the pattern language."
	case viewNotFound:
		return "Not found · " + name, "No such page."
	}
	return name, name + ": browse, search and graph a pattern language, offline."
}

// Render draws the header, the current view and the footer.
func (s *Shell) Render() app.UI {
	return app.Div().ID("shell").Class(s.shellClass()).Body(
		app.A().ID("skip-link").Class("skip-link").Href("#main").Text("Skip to content").OnClick(focusMain),
		app.If(s.update, func() app.UI {
			return app.Div().Class("update-banner").Role("status").Body(
				app.Text("A new version is available — "),
				app.Button().Class("link-button").Text("reload").OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			)
		}),
		s.header(),
		app.Main().ID("main").TabIndex(-1).Class("main", wideIf(s.route.Kind == viewGraph)).Body(s.kioskController(), s.view(), newPreview(s.c)),
		app.Footer().Class("footer").Body(
			app.Text(s.c.Site.Name+" · works offline once visited · "),
			app.If(s.c.Introduction() >= 0, func() app.UI {
				return app.A().Href(href(s.c, s.c.Docs[s.c.Introduction()].Path())).Text("How to read a pattern")
			}),
		),
	)
}

func (s *Shell) header() app.UI {
	return app.Header().Class("header").Body(
		app.A().Class("brand").Href(href(s.c, corpus.HomePath)).Text(s.c.Site.Name),
		app.Div().Class("search-box").Role("search").Body(
			app.Input().
				ID("q").
				Type("search").
				Name("q").
				Placeholder("Search patterns").
				AutoComplete(false).
				Role("combobox").
				Aria("label", "Search patterns").
				Aria("autocomplete", "list").
				Aria("expanded", s.comboExpanded()).
				Aria("controls", s.comboControls()).
				Aria("activedescendant", s.comboActive()).
				Value(s.boxValue()).
				OnInput(s.onInput).
				OnKeyDown(s.onKey).
				OnBlur(s.onBoxBlur),
			app.Kbd().Class("key-hint").Aria("hidden", true).Text("/"),
			// The live count: its text is set by syncBox only, never
			// drawn by go-app, so that a keystroke can change it at once.
			app.P().ID("search-status").Class("visually-hidden").Role("status").Aria("live", "polite"),
		),
		app.Nav().Class("nav").Aria("label", "Main").Body(
			app.A().Href(href(s.c, corpus.HomePath)).Text("Patterns"),
			app.A().Href(href(s.c, corpus.GraphPath)).Text("Graph"),
			app.If(s.c.Lookup("glossary") >= 0, func() app.UI {
				return app.A().Href(href(s.c, s.c.Docs[s.c.Lookup("glossary")].Path())).Text("Glossary")
			}),
		),
		statusMarks(s.c),
	)
}

func (s *Shell) view() app.UI {
	switch s.route.Kind {
	case viewHome:
		return newHome(s.c).resetAt(s.homeResets)
	case viewPattern, viewLegacy:
		if s.c.Docs[s.route.Doc].Kind == corpus.KindPage {
			return pageView(s.c, s.route.Doc)
		}
		return patternView(s.c, s.route.Doc, s.target)
	case viewPage:
		return pageView(s.c, s.route.Doc)
	case viewGraph:
		return graphView(s.c, s.route.Filter, s.target)
	case viewSearch:
		return searchView(resultsHTML(s.c, s.idx.Index(), s.query, s.result, s.sel), s.onResultsClick, s.resultDialog())
	}
	if s.path == "" {
		// Before the first OnNav (the server's first render): no view yet.
		return app.Div()
	}
	return notFoundView(s.c, s.idx, s.path)
}

// wideIf returns the class that lets a view use the whole width.
func wideIf(wide bool) string {
	if wide {
		return "wide"
	}
	return ""
}
