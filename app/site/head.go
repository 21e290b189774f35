//go:build !wasm

package site

import (
	"html"
	"net/http"
	"strings"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/ui"
)

// The size of every share card (app/card), which the preview tags state.
const (
	cardWidth  = "1200"
	cardHeight = "630"
)

// previewHead returns the link-preview metadata of a request's page, for
// markup.Handler: on the corpus's site, or, when the site's origin is not
// known and onRequestHost is set (the server), on the origin the request
// names. Without an origin (an export for no known host) it leaves out
// what must be absolute (the canonical link, og:url, og:image) rather
// than write an invalid address.
func previewHead(c *corpus.Corpus, onRequestHost bool) func(*http.Request) string {
	return func(r *http.Request) string {
		site := c.Site
		if onRequestHost {
			site = site.On(requestOrigin(r))
		}
		return previewTags(c, site, c.Route(r.URL))
	}
}

// requestOrigin is the origin a request was sent to.
func requestOrigin(r *http.Request) string {
	if r.Host == "" {
		return ""
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// previewTags writes the canonical link, Open Graph and Twitter tags of
// the page of a route, every value escaped.
func previewTags(c *corpus.Corpus, site corpus.Site, r corpus.Route) string {
	title, desc := ui.Meta(c, r)
	kind, path, card, alt := "website", "", corpus.SiteCardPath, site.Name
	switch r.Kind {
	case corpus.RoutePattern, corpus.RoutePage:
		d := &c.Docs[r.Doc]
		path, title = d.Path(), d.Title
		if d.Kind == corpus.KindPattern {
			kind, card = "article", corpus.CardPath(d.Slug)
			alt = d.Title
			if len(d.Blocks) > 0 {
				alt += " (" + strings.Join(d.Blocks, ", ") + ")"
			}
			alt += ", a pattern of " + site.Name
		}
	case corpus.RouteHome:
		path = corpus.HomePath
	case corpus.RouteGraph:
		path = corpus.GraphPath
	case corpus.RouteSearch:
		path = corpus.SearchPath
	}
	var b strings.Builder
	tag := func(attr, key, value string) {
		if value != "" {
			b.WriteString(`<meta ` + attr + `="` + key + `" content="` + html.EscapeString(value) + `">`)
		}
	}
	if abs := site.URL(path); path != "" && abs != "" {
		b.WriteString(`<link rel="canonical" href="` + html.EscapeString(abs) + `">`)
		tag("property", "og:url", abs)
	}
	tag("property", "og:type", kind)
	tag("property", "og:title", title)
	tag("property", "og:description", desc)
	tag("property", "og:site_name", site.Name)
	if img := site.URL(card); img != "" {
		tag("property", "og:image", img)
		tag("property", "og:image:type", "image/png")
		tag("property", "og:image:width", cardWidth)
		tag("property", "og:image:height", cardHeight)
		tag("property", "og:image:alt", alt)
		tag("name", "twitter:card", "summary_large_image")
	} else {
		tag("name", "twitter:card", "summary")
	}
	tag("name", "twitter:title", title)
	tag("name", "twitter:description", desc)
	return b.String()
}
