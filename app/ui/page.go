package ui

import (
	pathpkg "path"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// pageView shows a page (introduction, glossary) as rendered at build time.
func pageView(c *corpus.Corpus, i int) app.UI {
	d := &c.Docs[i]
	return app.Article().Class("page").ID("page-"+d.Slug).Body(
		breadcrumb(c, d),
		app.H1().Text(d.Title),
		rawHTML("page-body", d.HTML),
	)
}

// notFoundView is what every unknown URL shows: the patterns whose titles
// are closest to the last part of the address, and a search for it.
func notFoundView(c *corpus.Corpus, idx *search.Lazy, path string) app.UI {
	guess := strings.TrimSuffix(pathpkg.Base(path), ".html")
	guess = strings.Join(strings.FieldsFunc(guess, func(r rune) bool { return r == '-' || r == '_' || r == '+' }), " ")
	if guess == "/" || guess == "." {
		guess = ""
	}
	var closest []int
	if guess != "" {
		closest = idx.Index().Closest(guess, 3)
	}
	return app.Section().Class("not-found").Body(
		app.H1().Text("Not found"),
		app.P().Text("There is no pattern or page at this address."),
		app.If(len(closest) > 0, func() app.UI {
			return app.P().ID("closest").Body(
				app.Text("Perhaps you meant: "),
				app.Range(closest).Slice(func(k int) app.UI {
					return app.Span().Class("closest").Body(docLink(c, closest[k]), app.Text(" "))
				}),
			)
		}),
		app.P().Body(
			app.If(guess != "", func() app.UI {
				return app.A().ID("search-guess").Href(href(c, corpus.SearchPathOf(guess))).Text("Search for “" + guess + "”")
			}),
			app.If(guess != "", func() app.UI { return app.Text(" · ") }),
			app.A().Href(href(c, corpus.HomePath)).Text("Browse all patterns"),
		),
	)
}
