package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/graph"
)

// graphView shows the link graph of the patterns the address's filter lets
// through, with the filters as links (each a graph address,
// corpus.GraphPathFor) and the pattern the address's anchor names marked,
// if any.
func graphView(c *corpus.Corpus, f corpus.Filter, target string) app.UI {
	g := graph.New(c).ID("graph").Title("The pattern graph").Only(f)
	if i := c.Lookup(target); i >= 0 && c.Docs[i].Kind == corpus.KindPattern {
		g = g.Current(target)
	}
	patterns := c.Patterns()
	shown := len(f.Patterns(c))
	return app.Section().Class("graph-page").Body(
		app.H1().Text("Graph"),
		app.P().Class("muted").Text("Every pattern and the links between them. Drag to pan, wheel or pinch to zoom; click a pattern to open it, or Tab to it and press Enter."),
		app.Details().Class("graph-filters").Open(!f.IsZero()).Body(
			app.Summary().ID("graph-count").Textf("Filter: %d of %d patterns", shown, len(patterns)),
			filterRows(c, f, func(label string, k corpus.FilterField, value string, on bool) app.UI {
				a := app.A().Class("filter").Href(href(c, corpus.GraphPathFor(f.With(k, value), target))).Text(label)
				if on {
					a = a.Aria("current", "true")
				}
				return a
			}),
		),
		app.If(shown == 0, func() app.UI {
			return app.P().ID("graph-none").Body(
				app.Text("No pattern matches these filters. "),
				app.A().Href(href(c, corpus.GraphPathFor(corpus.Filter{}, target))).Text("Show every pattern"),
			)
		}).Else(func() app.UI {
			return app.Div().Class("graph-wrap graph-full").Body(g)
		}),
		newRelations(c, f),
	)
}

// neighbourhood shows a pattern with the patterns within a few links of
// it, one to three as the visitor picks, and a link to it in the whole
// graph. The depth picked stays as the visitor moves from pattern to
// pattern.
type neighbourhood struct {
	app.Compo

	// Slug and Title name the pattern.
	Slug, Title string

	c     *corpus.Corpus
	depth int // 1 to 3; 0 is 1
}

// localGraph is the neighbourhood of d.
func localGraph(c *corpus.Corpus, d *corpus.Doc) app.UI {
	return &neighbourhood{c: c, Slug: d.Slug, Title: d.Title}
}

// Render draws the heading, the depth buttons, the local graph and the
// link to the whole graph.
func (n *neighbourhood) Render() app.UI {
	depth := max(n.depth, 1)
	buttons := make([]app.UI, 0, 3)
	for k := 1; k <= 3; k++ {
		label := strconv.Itoa(k) + " links"
		if k == 1 {
			label = "1 link"
		}
		buttons = append(buttons, app.Button().Type("button").Class("filter").
			Aria("pressed", k == depth).Text(label).
			OnClick(func(app.Context, app.Event) { n.depth = k }))
	}
	title := "Patterns linked with " + n.Title
	if depth > 1 {
		title = "Patterns within " + strconv.Itoa(depth) + " links of " + n.Title
	}
	return app.Section().Class("local-graph").Body(
		app.H2().Text("Neighbourhood"),
		app.Div().Class("filter-row depth").Role("group").Aria("label", "How far from "+n.Title).Body(buttons...),
		app.Div().Class("graph-wrap graph-local").Body(
			graph.New(n.c).Focus(n.Slug).Depth(depth).Current(n.Slug).ID("graph-local").Legend(false).Title(title),
		),
		app.P().Body(app.A().Class("show-in-graph").Href(href(n.c, corpus.GraphPathOf(n.Slug))).Text("Show in the whole graph")),
	)
}
