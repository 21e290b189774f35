// Package graph draws the link graph of a pattern language as an SVG
// go-app component: the whole graph from the build-time layout, or the local
// graph of one pattern, with pan and zoom, hover highlighting, focusable
// nodes that navigate inside the app, and a legend of building blocks.
//
// Pan, zoom and hover change only the graph's own state: the SVG's viewBox,
// a few classes and a small generated style element. The nodes and the
// edges are child components that go-app skips on those updates. During a
// gesture (a drag, a pinch, a run of wheel events) not even the viewBox
// changes: a CSS transform on the SVG, which the compositor applies to the
// picture already drawn, follows the pointer, and the view is drawn anew
// once, when the gesture ends. So a graph of a thousand nodes and five
// thousand edges pans and zooms at the frame rate of one of ten.
package graph

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Graph is the graph component. Build it with New and the setters; the
// exported fields are its properties, which go-app compares to decide
// whether a parent's re-render changes it, and are set by the setters.
type Graph struct {
	app.Compo

	// Data is the corpus drawn.
	Data *corpus.Corpus
	// FocusSlug, when set, restricts the graph to that pattern and the
	// patterns within FocusDepth links of it.
	FocusSlug string
	// FocusDepth is how many links from the focus the graph reaches, 1
	// to 3; below 1 it is 1.
	FocusDepth int
	// Filter narrows the patterns drawn.
	Filter corpus.Filter
	// CurrentSlug marks the pattern being viewed.
	CurrentSlug string
	// Caption is the accessible title of the SVG.
	Caption string
	// NoLegend hides the legend of building blocks.
	NoLegend bool
	// DOMID is the id of the SVG element; the arrowhead marker's id and
	// the generated style are derived from it.
	DOMID string

	sc     *scene
	scData *corpus.Corpus
	scSel  selection
	scBox  size
	// scMeasured is whether the scene's labels were measured (width).
	scMeasured bool
	// box is the measured size of the graph's box, zero before it is
	// measured; the scene is drawn in it, one unit a pixel.
	box size
	// width measures a label's text in the browser (a canvas with the
	// labels' font); nil before the graph is mounted.
	width textWidth
	// view is the part of the world shown; drawn is the SVG's viewBox.
	// They differ during a gesture, when a CSS transform shows view over
	// the picture drawn for drawn (viewBox.transformTo), until commit.
	view  viewBox
	drawn viewBox
	// wheels counts wheel events, so that the timer of one knows whether
	// another came after it (settle).
	wheels   int
	hover    int // node under the pointer, or -1
	focused  int // node with keyboard focus, or -1
	pointers []pointer
	dragging bool
	// noClick swallows the click that ends a drag.
	noClick bool
	stats   *renderStats
}

// pointer is one pointer pressed on the graph, in client coordinates.
type pointer struct {
	id     int
	x, y   float64
	startX float64
	startY float64
}

// dragThreshold is how far, in CSS pixels, a pointer moves before a press
// becomes a pan rather than a click.
const dragThreshold = 4

// New returns a graph of every pattern of c.
func New(c *corpus.Corpus) *Graph {
	return &Graph{Data: c, hover: -1, focused: -1, stats: &renderStats{}}
}

// Focus restricts the graph to the pattern with the given slug, its
// neighbours in both directions and the edges among them, spread over the
// whole drawing. An empty slug shows every pattern.
func (g *Graph) Focus(slug string) *Graph {
	g.FocusSlug = slug
	return g
}

// Depth sets how many links from the focus (Focus) the graph reaches: 1
// draws the focus and its neighbours, 2 and 3 their neighbours too.
func (g *Graph) Depth(n int) *Graph {
	g.FocusDepth = n
	return g
}

// Only draws the patterns f lets through.
func (g *Graph) Only(f corpus.Filter) *Graph {
	g.Filter = f
	return g
}

// Current marks the pattern with the given slug as the one being viewed.
func (g *Graph) Current(slug string) *Graph {
	g.CurrentSlug = slug
	return g
}

// Title sets the accessible title of the SVG; by default it names the
// graph ("Pattern graph", "Patterns linked with X").
func (g *Graph) Title(text string) *Graph {
	g.Caption = text
	return g
}

// Legend shows or hides the legend of building blocks; it is shown by
// default.
func (g *Graph) Legend(show bool) *Graph {
	g.NoLegend = !show
	return g
}

// ID sets the id of the SVG element. It must be unique in the page; by
// default it is "graph" or, for a local graph, "graph-local".
func (g *Graph) ID(id string) *Graph {
	g.DOMID = id
	return g
}

// selection is which patterns the properties select.
func (g *Graph) selection() selection {
	return selection{filter: g.Filter, focus: g.FocusSlug, depth: g.FocusDepth}
}

// scene returns the scene for the current properties, building it when the
// corpus, the selection or the box changed; a new scene resets the view
// and the hover.
func (g *Graph) scene() *scene {
	world := g.box.world(g.FocusSlug != "")
	sel := g.selection()
	if g.sc == nil || g.scData != g.Data || g.scSel != sel || g.scBox != world || g.scMeasured != (g.width != nil) {
		g.sc = buildScene(g.Data, sel, world, g.width)
		g.scData, g.scSel, g.scBox, g.scMeasured = g.Data, sel, world, g.width != nil
		g.view = fullView(g.sc)
		g.drawn = g.view
		g.hover, g.focused = -1, -1
		g.pointers = nil
		g.dragging = false
	}
	return g.sc
}

// domID returns the id of the SVG element.
func (g *Graph) domID() string {
	switch {
	case g.DOMID != "":
		return g.DOMID
	case g.FocusSlug != "":
		return "graph-local"
	}
	return "graph"
}

// lit returns the node whose neighbourhood is highlighted, or -1: the one
// under the pointer, else the one with keyboard focus.
func (g *Graph) lit() int {
	n := 0
	if g.sc != nil {
		n = len(g.sc.nodes)
	}
	for _, i := range []int{g.hover, g.focused} {
		if i >= 0 && i < n {
			return i
		}
	}
	return -1
}

// Render draws the graph: the SVG with its edges and nodes, the zoom
// buttons and the legend.
func (g *Graph) Render() app.UI {
	s := g.scene()
	id := g.domID()

	caption := g.Caption
	if caption == "" {
		caption = "Pattern graph"
		if s.focus >= 0 {
			caption = "Patterns linked with " + s.nodes[s.focus].title
		}
	}

	svgClass := []string{"graph-svg"}
	lit := g.lit()
	if lit >= 0 {
		svgClass = append(svgClass, "is-lit")
	}
	if g.dragging {
		svgClass = append(svgClass, "is-dragging")
	}
	if g.box == (size{}) {
		// Drawn for a default box, as the server does: scaled into the
		// real one, its labels would be a few pixels high and overlap.
		svgClass = append(svgClass, "is-unmeasured")
	}

	wrapClass := "graph-wrap graph-full"
	if g.FocusSlug != "" {
		wrapClass = "graph-wrap graph-local"
	}
	if len(s.nodes) == 0 {
		wrapClass += " is-empty"
	}

	stats := g.stats
	if stats == nil {
		stats = &renderStats{}
		g.stats = stats
	}

	drawn, transform := g.shown()
	svg := svgElem("svg")
	if transform != "" {
		svg = svg.Style("transform", "%s", transform)
	}
	return app.Div().Class("graph").Body(
		app.Div().Class(wrapClass).On("wheel", g.onWheel).Body(
			svg.
				ID(id).
				Class(strings.Join(svgClass, " ")).
				Attr("viewBox", drawn.String()).
				DataSet("box", fmtNum(s.width)+"x"+fmtNum(s.height)).
				Attr("preserveAspectRatio", "xMidYMid meet").
				Aria("labelledby", id+"-title").
				// A Tab stop of its own, where the arrows pan and + and −
				// zoom; Chromium made it one anyway (a clipping box), other
				// browsers do not.
				TabIndex(0).
				On("pointerdown", g.onPointerDown).
				On("pointermove", g.onPointerMove).
				On("pointerup", g.onPointerUp).
				On("pointercancel", g.onPointerUp).
				On("dragstart", g.onDragStart).
				On("click", g.onClick).
				On("keydown", g.onKeyDown).
				On("mouseover", g.onMouseOver).
				On("mouseleave", g.onMouseLeave).
				On("focusin", g.onFocusIn).
				On("focusout", g.onFocusOut).
				Body(
					svgElem("title").ID(id+"-title").Text(caption),
					svgElem("defs").Body(
						svgElem("marker").
							ID(id+"-arrow").
							Attr("viewBox", "0 0 10 10").
							Attr("refX", "5").
							Attr("refY", "5").
							Attr("markerWidth", "6").
							Attr("markerHeight", "6").
							Attr("orient", "auto").
							Body(
								svgElem("path").
									Class("graph-arrow").
									Attr("d", "M0,0L10,5L0,10z").
									Attr("fill", noBlockColour),
							),
					),
					&edgeLayer{Scene: s, Marker: "url(#" + id + "-arrow)", stats: stats},
					&nodeLayer{Scene: s, Current: s.index(g.CurrentSlug), stats: stats},
					&litLayer{Scene: s, Lit: lit, Hub: g.hub(lit), Current: s.index(g.CurrentSlug), Marker: "url(#" + id + "-arrow)"},
					svgElem("style").Text(markCSS(id, drawn.zoom(s.width))+dimCSS(id, lit >= 0)),
				),
			app.Div().Class("graph-controls").Body(
				app.Button().Type("button").Class("graph-zoom-in").TabIndex(-1).
					Aria("label", "Zoom in").Title("Zoom in").
					Text("+").OnClick(g.onZoomIn),
				app.Button().Type("button").Class("graph-zoom-out").TabIndex(-1).
					Aria("label", "Zoom out").Title("Zoom out").
					Text("−").OnClick(g.onZoomOut),
				app.Button().Type("button").Class("graph-zoom-reset").TabIndex(-1).
					Aria("label", "Reset zoom").Title("Reset zoom").
					Text("⟲").OnClick(g.onZoomReset),
			),
		),
		app.If(!g.NoLegend && (len(s.blocks) > 0 || len(s.edges) > 0), func() app.UI {
			return legend(s)
		}),
	)
}

// hub returns how the lit node i is marked: as hovered, or as focused
// when the highlight comes from the keyboard focus.
func (g *Graph) hub(i int) string {
	if i >= 0 && i == g.hover {
		return "is-hover"
	}
	return "is-focus"
}

// shown returns the viewBox the SVG is drawn with and the CSS transform
// that shows the live view over it. Before the box is measured the
// transform cannot be known, and the view itself is drawn.
func (g *Graph) shown() (viewBox, string) {
	if g.box == (size{}) {
		return g.view, ""
	}
	return g.drawn, g.drawn.transformTo(g.view, g.box)
}

// commit draws the live view: the SVG's viewBox becomes the view and the
// transform goes. It reports whether anything changed.
func (g *Graph) commit() bool {
	if g.drawn == g.view {
		return false
	}
	g.drawn = g.view
	return true
}

// legend lists the building blocks drawn, each with its colour, and the
// kinds of link drawn, each with its dashes.
func legend(s *scene) app.UI {
	var items []app.UI
	for _, b := range s.blocks {
		items = append(items, app.Li().Class("graph-legend-item "+BlockClass(b.index)).Body(
			svgElem("svg").
				Class("graph-swatch").
				Attr("viewBox", "0 0 10 10").
				Attr("width", "12").
				Attr("height", "12").
				Aria("hidden", "true").
				Body(
					svgElem("circle").
						Class("graph-dot").
						Attr("cx", "5").
						Attr("cy", "5").
						Attr("r", "5").
						Attr("fill", blockColour(b.index)),
				),
			app.Span().Class("graph-legend-name").Text(b.name),
		))
	}
	for k, drawn := range s.kinds {
		if !drawn {
			continue
		}
		kind := linkKind(k)
		line := svgElem("line").
			Attr("x1", "0").Attr("y1", "5").Attr("x2", "24").Attr("y2", "5").
			Attr("stroke", noBlockColour).Attr("stroke-width", "1.5")
		if dashes := kind.dashArray(1); dashes != "" {
			line = line.Attr("stroke-dasharray", dashes)
		}
		items = append(items, app.Li().Class("graph-legend-item graph-legend-link "+kind.class()).Body(
			svgElem("svg").
				Class("graph-swatch").
				Attr("viewBox", "0 0 24 10").
				Attr("width", "24").
				Attr("height", "10").
				Aria("hidden", "true").
				Body(line),
			app.Span().Class("graph-legend-name").Text("link "+linkKindNames[k][1]),
		))
	}
	return app.Ul().Class("graph-legend").Aria("label", "Legend: building blocks and kinds of link").Body(items...)
}

// dimCSS returns the rule that dims the graph with the given id while a
// node is lit: its edges and nodes as two groups, under the copies of the
// lit neighbourhood (litLayer); "" when none is. The dimmed opacity is the
// stylesheet's --graph-dim, 0.15 by default.
func dimCSS(id string, lit bool) string {
	if !lit {
		return ""
	}
	return "#" + id + " .graph-edges,#" + id + " .graph-nodes{opacity:var(--graph-dim,.15)}"
}
