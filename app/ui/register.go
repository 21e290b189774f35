package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// Register routes every URL to the shell, which decodes the URL itself: one
// route table, in corpus.Route, for the browser and the server.
func Register(c *corpus.Corpus) {
	idx := search.Later(c)
	Route(func() app.Composer { return NewShell(c, idx) })
}

// Route routes every URL to the component newRoot makes: a shell, or a
// component around one (the dev server's, app/devmode).
func Route(newRoot func() app.Composer) {
	app.Route("/", newRoot)
	app.RouteWithRegexp("^/.*$", newRoot)
}

// Redirect returns where an old-style /{slug}.html app path now lives, on
// the site (with its prefix).
func Redirect(c *corpus.Corpus, path string) (string, bool) {
	r := c.Route(urlOf(path))
	return c.Site.Path(r.To), r.Kind == viewLegacy
}
