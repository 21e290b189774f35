package ui

import (
	"net/url"
	"strings"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// viewKind names what the shell shows for a URL.
type viewKind int

const (
	viewNotFound viewKind = iota
	viewHome
	viewPattern
	viewPage
	viewGraph
	viewSearch
	viewLegacy
)

// route is a URL path decoded into a view.
type route struct {
	kind  viewKind
	doc   int    // index of the document shown, for pattern and page views
	query string // the search query, for the search view
	to    string // where a legacy /{slug}.html link goes
}

// parseRoute decodes a URL against a corpus. It is the one place that knows
// the app's URL scheme, for the browser and the server alike.
func parseRoute(c *corpus.Corpus, u *url.URL) route {
	p := strings.TrimPrefix(u.Path, rootPrefix())
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/") // a plain file server adds one
	}
	switch {
	case p == "/" || p == "":
		return route{kind: viewHome}
	case p == "/graph":
		return route{kind: viewGraph}
	case p == "/search":
		return route{kind: viewSearch, query: u.Query().Get("q")}
	}
	if slug, ok := strings.CutPrefix(p, "/patterns/"); ok {
		if i := c.Lookup(slug); i >= 0 && c.Docs[i].Kind == corpus.KindPattern {
			return route{kind: viewPattern, doc: i}
		}
		return route{kind: viewNotFound}
	}
	if slug, ok := strings.CutPrefix(p, "/pages/"); ok {
		if i := c.Lookup(slug); i >= 0 && c.Docs[i].Kind == corpus.KindPage {
			return route{kind: viewPage, doc: i}
		}
		return route{kind: viewNotFound}
	}
	// The original site's addresses: /x.html, /a/b.html, /a/b/index.html
	// and /a/b/ (a folder's index) forward to the document's route.
	slug := strings.TrimPrefix(p, "/")
	if s, ok := strings.CutSuffix(slug, ".html"); ok {
		slug = s
		if dir, ok := strings.CutSuffix(s, "/index"); ok && c.Lookup(s) < 0 {
			slug = dir
		}
	}
	if slug != "" {
		if i := c.Lookup(slug); i >= 0 {
			to := c.Docs[i].Path()
			if u.Fragment != "" {
				to += "#" + u.Fragment
			}
			return route{kind: viewLegacy, doc: i, to: to}
		}
	}
	return route{kind: viewNotFound}
}

// Known reports whether a URL path names something the app shows, as
// opposed to its not-found view. The server answers the others with 404.
func Known(c *corpus.Corpus, path string) bool {
	return parseRoute(c, urlOf(path)).kind != viewNotFound
}

func urlOf(path string) *url.URL { return &url.URL{Path: path} }
