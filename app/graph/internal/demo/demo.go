// Package demo is a minimal go-app app showing the graph component, for
// the graph package's browser test: a full graph of thirty patterns marking
// the current one, and the local graph of the pattern in the URL. Its
// program is demo/wasm; the test server registers the same routes.
package demo

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/graph"
	"github.com/devrel-patterns/explorer/app/layout"
)

// page shows the graphs for the current URL.
type page struct {
	app.Compo
	slug string
	c    *corpus.Corpus
}

// OnInit builds the demo corpus.
func (p *page) OnInit() { p.c = Corpus() }

// OnMount tells the test that the WASM app has taken over the page.
func (p *page) OnMount(ctx app.Context) { app.Window().Set("demoReady", true) }

// OnNav reads the pattern from the URL.
func (p *page) OnNav(ctx app.Context) {
	p.slug = strings.TrimPrefix(ctx.Page().URL().Path, "/patterns/")
	if p.slug == "/" {
		p.slug = ""
	}
}

// Render shows the slug, the full graph and the local graph.
func (p *page) Render() app.UI {
	return app.Div().Body(
		app.H1().ID("slug").Text("slug:"+p.slug),
		app.Div().Style("width", "800px").Body(graph.New(p.c).Current(p.slug)),
		app.If(p.slug != "", func() app.UI {
			return app.Div().Style("width", "760px").Body(graph.New(p.c).Focus(p.slug).ID("local"))
		}),
	)
}

// Corpus returns thirty patterns p10 to p39, each linking to the next and
// to the one seven times its index, laid out at start.
func Corpus() *corpus.Corpus {
	c := &corpus.Corpus{Blocks: []string{"A", "B", "C"}}
	for i := range 30 {
		c.Docs = append(c.Docs, corpus.Doc{
			Slug:   "p" + strconv.Itoa(10+i),
			Title:  "Pattern " + strconv.Itoa(10+i),
			Blocks: []string{c.Blocks[i%3]},
		})
	}
	for i := range 30 {
		c.Edges = append(c.Edges,
			corpus.Edge{From: int32(i), To: int32((i + 1) % 30)},
			corpus.Edge{From: int32(i), To: int32((i * 7) % 30)})
	}
	layout.Assign(c, layout.Options{})
	return c
}

// Routes registers the demo's routes, in the browser and on the server.
func Routes() {
	app.Route("/", func() app.Composer { return &page{} })
	app.RouteWithRegexp("^/patterns/.*", func() app.Composer { return &page{} })
}
