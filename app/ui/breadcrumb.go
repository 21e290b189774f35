package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// crumb is one step of a breadcrumb: a folder's name, and the path of the
// document that stands for it, if there is one.
type crumb struct {
	name, path string
}

// crumbs returns the folders above a document whose slug is a path
// ("behavioral/Strategy/csharp" → behavioral, Strategy), each linked to the
// document of that folder when there is one; nil for a slug without a
// folder.
func crumbs(c *corpus.Corpus, d *corpus.Doc) []crumb {
	parts := strings.Split(d.Slug, "/")
	if len(parts) < 2 {
		return nil
	}
	out := make([]crumb, 0, len(parts)-1)
	for k := 1; k < len(parts); k++ {
		cr := crumb{name: parts[k-1]}
		if i := c.Lookup(strings.Join(parts[:k], "/")); i >= 0 {
			cr.name, cr.path = c.Docs[i].Title, c.Docs[i].Path()
		}
		out = append(out, cr)
	}
	return out
}

// breadcrumb shows where a nested document sits: Home, then its folders;
// nothing for a document at the top of the content folder.
func breadcrumb(c *corpus.Corpus, d *corpus.Doc) app.UI {
	cs := crumbs(c, d)
	if cs == nil {
		return nil
	}
	return app.Nav().Class("breadcrumb").Aria("label", "Breadcrumb").Body(
		app.Ol().Body(
			app.Li().Body(app.A().Href(href(c, corpus.HomePath)).Text("Home")),
			app.Range(cs).Slice(func(k int) app.UI {
				if cs[k].path == "" {
					return app.Li().Text(cs[k].name)
				}
				return app.Li().Body(app.A().Href(href(c, cs[k].path)).Text(cs[k].name))
			}),
			app.Li().Body(app.Span().Aria("current", "page").Text(d.Title)),
		),
	)
}

// implementations lists the pages a pattern's folder holds beside it
// (its implementations in other languages, say), or nothing.
func implementations(c *corpus.Corpus, d *corpus.Doc) app.UI {
	var pages []int
	for i := range c.Docs {
		if c.Docs[i].Parent == d.Slug {
			pages = append(pages, i)
		}
	}
	if len(pages) == 0 {
		return nil
	}
	return app.Section().Class("section implementations").Body(
		app.H2().Text("Implementations"),
		app.Ul().Body(app.Range(pages).Slice(func(k int) app.UI {
			return app.Li().Body(docLink(c, pages[k]))
		})),
	)
}
