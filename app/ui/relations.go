package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/markup"
)

// relationsPage is how many patterns the relations list shows at first,
// and how many more each "Show more" adds.
const relationsPage = 50

// relations is the graph's relations as a list, beside the drawing: each
// pattern the filter lets through with its links out and in by section,
// the same data in a form a screen reader, a keyboard or a small screen
// reads best. It is drawn only once opened, so the graph page's HTML does
// not grow with the corpus.
type relations struct {
	app.Compo

	// Filter is the graph's filter.
	Filter corpus.Filter

	c     *corpus.Corpus
	open  bool
	shown int
}

// newRelations returns the relations list of c under the filter f.
func newRelations(c *corpus.Corpus, f corpus.Filter) *relations {
	return &relations{c: c, Filter: f, shown: relationsPage}
}

// OnUpdate shows the first page again for a new filter.
func (r *relations) OnUpdate(ctx app.Context) { r.shown = relationsPage }

// Render draws the disclosure and, once opened, the list. The open
// attribute is the browser's: the list follows its toggle event.
func (r *relations) Render() app.UI {
	return app.Details().ID("relations").Class("relations").On("toggle", r.onToggle).Body(
		app.Summary().Body(app.H2().Text("Relations as a list")),
		app.If(r.open, func() app.UI {
			docs := r.Filter.Patterns(r.c)
			shown := min(len(docs), max(r.shown, relationsPage))
			return app.Div().Body(
				markup.Raw(relationsHTML(r.c, docs[:shown])),
				app.If(shown < len(docs), func() app.UI {
					return app.Button().Type("button").Class("filter").ID("relations-more").
						Text(moreLabel(min(relationsPage, len(docs)-shown), shown, len(docs))).
						OnClick(func(app.Context, app.Event) { r.shown = max(r.shown, relationsPage) + relationsPage })
				}),
			)
		}),
	)
}

// onToggle draws the list when the disclosure opens.
func (r *relations) onToggle(ctx app.Context, e app.Event) {
	r.open = ctx.JSSrc().Get("open").Bool()
}

// relationsHTML lists the patterns docs, each under its title with its
// links out and in (writeLinks).
func relationsHTML(c *corpus.Corpus, docs []int) string {
	var b strings.Builder
	b.WriteString(`<ol class="relations-list">`)
	for _, i := range docs {
		b.WriteString(`<li class="relation"><h3>` + docLinkHTML(c, i) + `</h3>`)
		writeLinks(&b, c, &c.Docs[i], 4)
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
	return b.String()
}
