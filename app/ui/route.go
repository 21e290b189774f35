package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// The views the shell shows, one per kind of route of the corpus's URL
// scheme (corpus.Route).
const (
	viewNotFound = corpus.RouteNotFound
	viewHome     = corpus.RouteHome
	viewPattern  = corpus.RoutePattern
	viewPage     = corpus.RoutePage
	viewGraph    = corpus.RouteGraph
	viewSearch   = corpus.RouteSearch
	viewLegacy   = corpus.RouteLegacy
)

// routeOf decodes the page's address. In the browser it holds the site's
// prefix, which is taken off (an address outside it is not found); the
// server is asked for app paths, without it.
func routeOf(c *corpus.Corpus, u *url.URL) corpus.Route {
	if !app.IsClient {
		return c.Route(u)
	}
	p, ok := c.Site.Local(u.Path)
	if !ok {
		return corpus.Route{Kind: viewNotFound}
	}
	local := *u
	local.Path = p
	return c.Route(&local)
}

// Known reports whether a URL path names something the app shows, as
// opposed to its not-found view. The server answers the others with 404.
func Known(c *corpus.Corpus, path string) bool {
	return c.Route(urlOf(path)).Kind != viewNotFound
}

func urlOf(path string) *url.URL { return &url.URL{Path: path} }
