package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// Register routes every URL to the shell, which decodes the URL itself: one
// route table, in parseRoute, for the browser and the server.
func Register(c *corpus.Corpus) {
	idx := search.New(c)
	Route(func() app.Composer { return NewShell(c, idx) })
}

// Route routes every URL to the component newRoot makes: a shell, or a
// component around one (the dev server's, app/devmode).
func Route(newRoot func() app.Composer) {
	app.Route("/", newRoot)
	app.RouteWithRegexp("^/.*$", newRoot)
}

// Redirect returns where an old-style /{slug}.html URL now lives.
func Redirect(c *corpus.Corpus, path string) (string, bool) {
	r := parseRoute(c, urlOf(path))
	return r.to, r.kind == viewLegacy
}

// Paths returns every URL path the app shows: home, graph, search, and each
// pattern and page. A static export prerenders them all.
func Paths(c *corpus.Corpus) []string {
	paths := []string{"/", "/graph", "/search"}
	for i := range c.Docs {
		paths = append(paths, c.Docs[i].Path())
	}
	return paths
}
