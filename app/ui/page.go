package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// pageView shows a page (introduction, glossary) as rendered at build time.
func pageView(c *corpus.Corpus, i int) app.UI {
	d := &c.Docs[i]
	return app.Article().Class("page").ID("page-"+d.Slug).Body(
		app.H1().Text(d.Title),
		rawHTML("page-body", d.HTML),
	)
}

// notFoundView is what every unknown URL shows, with a way on.
func notFoundView() app.UI {
	return app.Section().Class("not-found").Body(
		app.H1().Text("Not found"),
		app.P().Text("There is no pattern or page at this address. Search for it, or browse the catalog."),
		app.P().Body(app.A().Href(href("/")).Text("Browse all patterns")),
	)
}
