package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/graph"
)

// graphView shows the whole link graph, with the pattern the address's
// anchor names (corpus.GraphPathOf) marked, if any.
func graphView(c *corpus.Corpus, target string) app.UI {
	g := graph.New(c).ID("graph").Title("The pattern graph")
	if i := c.Lookup(target); i >= 0 && c.Docs[i].Kind == corpus.KindPattern {
		g = g.Current(target)
	}
	return app.Section().Class("graph-page").Body(
		app.H1().Text("Graph"),
		app.P().Class("muted").Text("Every pattern and the links between them. Drag to pan, wheel or pinch to zoom; click a pattern to open it, or Tab to it and press Enter."),
		app.Div().Class("graph-wrap graph-full").Body(g),
	)
}

// localGraph shows a pattern with its neighbours and the links among them.
func localGraph(c *corpus.Corpus, d *corpus.Doc) app.UI {
	return app.Section().Class("local-graph").Body(
		app.H2().Text("Neighbourhood"),
		app.Div().Class("graph-wrap graph-local").Body(
			graph.New(c).Focus(d.Slug).Current(d.Slug).ID("graph-local").Legend(false).Title("Patterns linked with "+d.Title),
		),
		app.P().Body(app.A().Class("show-in-graph").Href(href(c, corpus.GraphPathOf(d.Slug))).Text("Show in the whole graph")),
	)
}
