package ui

import (
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// searchPath is the shareable URL of a query.
func searchPath(q string) string {
	if q == "" {
		return "/search"
	}
	return "/search?q=" + url.QueryEscape(q)
}

// highlight shows text with its matched byte ranges marked. It is one raw
// element, so that the prerendered HTML has no white space between a mark
// and the letters around it.
func highlight(text string, ranges []search.Range) app.UI {
	var b strings.Builder
	b.WriteString(`<span class="hl">`)
	at := 0
	for _, r := range ranges {
		if r.Start < at || r.End > len(text) || r.Start >= r.End {
			continue
		}
		b.WriteString(html.EscapeString(text[at:r.Start]))
		b.WriteString("<mark>" + html.EscapeString(text[r.Start:r.End]) + "</mark>")
		at = r.End
	}
	b.WriteString(html.EscapeString(text[at:]) + "</span>")
	return app.Raw(b.String())
}

// searchView shows the results of a query: ranked hits with where they
// matched, "did you mean" suggestions, the closest titles when nothing
// matches, and a way to show more.
func searchView(c *corpus.Corpus, idx *search.Index, q string, res search.Result, sel int, more func(app.Context)) app.UI {
	if q == "" {
		return app.Section().Class("search").Body(
			app.H1().Text("Search"),
			app.P().Class("muted").Text("Type in the search box: a title, an alias, a variant, a building block or any word of the text. Press / to jump to it from anywhere."),
		)
	}
	return app.Section().Class("search").Body(
		app.H1().Body(app.Text("Results for "), app.Q().Text(q)),
		app.If(len(res.Suggestions) > 0, func() app.UI {
			return app.P().Class("suggestions").ID("did-you-mean").Body(
				app.Text("Did you mean: "),
				app.Range(res.Suggestions).Slice(func(k int) app.UI {
					return app.A().Href(href(searchPath(res.Suggestions[k]))).Text(res.Suggestions[k])
				}),
			)
		}),
		app.If(len(res.Hits) == 0, func() app.UI {
			closest := idx.Closest(q, 5)
			return app.Div().ID("no-results").Body(
				app.P().Body(app.Text("No pattern matches "), app.Q().Text(q), app.Text(".")),
				app.If(len(closest) > 0, func() app.UI {
					return app.P().Body(
						app.Text("Closest titles: "),
						app.Range(closest).Slice(func(k int) app.UI {
							return app.Span().Class("closest").Body(docLink(c, closest[k]), app.Text(" "))
						}),
					)
				}),
			)
		}),
		app.If(len(res.Hits) > 0, func() app.UI {
			return app.P().Class("muted count").ID("result-count").Text(countLabel(res.Total, len(res.Hits)))
		}),
		app.Ol().Class("results").ID("results").Role("listbox").Aria("label", "Search results").Body(
			app.Range(res.Hits).Slice(func(k int) app.UI {
				return resultItem(c, res.Hits[k], k == sel, k)
			}),
		),
		app.If(res.Total > len(res.Hits), func() app.UI {
			return app.Button().Class("filter").ID("show-more").Text("Show more").OnClick(func(ctx app.Context, e app.Event) { more(ctx) })
		}),
	)
}

func countLabel(total, shown int) string {
	s := strconv.Itoa(total) + " result"
	if total != 1 {
		s += "s"
	}
	if shown < total {
		s += ", showing " + strconv.Itoa(shown)
	}
	return s
}

// resultItem shows one hit: its title, and where it matched when that is
// not the title.
func resultItem(c *corpus.Corpus, h search.Hit, selected bool, k int) app.UI {
	d := &c.Docs[h.Doc]
	var title app.UI = app.Text(d.Title)
	if h.Match.Field == search.FieldTitle {
		title = highlight(h.Match.Text, h.Match.Ranges)
	}
	return app.Li().Class("result").ID("result-"+strconv.Itoa(k)).Role("option").Aria("selected", selected).Body(
		app.A().Href(href(d.Path())).Body(
			app.Span().Class("result-title").Body(title),
			app.If(h.Match.Field != search.FieldTitle, func() app.UI {
				label := h.Match.Field.String()
				if h.Match.Label != "" {
					label = h.Match.Label
				}
				return app.Span().Class("result-where").Body(
					app.Span().Class("result-field").Text(label+": "),
					highlight(h.Match.Text, h.Match.Ranges),
				)
			}),
		),
		resultQR(d, k), // booth.go
	)
}
