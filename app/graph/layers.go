package graph

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// svgNS is the SVG namespace: elements created outside it are not drawn.
const svgNS = "http://www.w3.org/2000/svg"

// svgElem returns an SVG element with the given tag. It always has a
// closing tag, so the server-rendered HTML nests correctly.
func svgElem(tag string) app.HTMLElem {
	return app.Elem(tag).XMLNS(svgNS)
}

// renderStats counts renders of the layers, so tests can check that a pan
// or a hover does not rebuild the node list.
type renderStats struct {
	nodes, edges int
}

// edgeLayer draws the edges. It is a component of its own so that go-app
// skips it, by comparing its fields, when the graph re-renders for a pan, a
// zoom or a hover.
type edgeLayer struct {
	app.Compo

	// Scene is the scene drawn, compared by pointer.
	Scene *scene
	// Marker is the arrowhead reference, "url(#id)".
	Marker string

	stats *renderStats
}

// Render draws one line per edge, in edge order.
func (l *edgeLayer) Render() app.UI {
	if l.stats != nil {
		l.stats.edges++
	}
	s := l.Scene
	if s == nil {
		s = &scene{}
	}
	lines := make([]app.UI, len(s.edges))
	for j, e := range s.edges {
		lines[j] = svgElem("line").
			Class("graph-edge graph-e-"+strconv.Itoa(j)).
			Attr("x1", fmtNum(e.x1)).
			Attr("y1", fmtNum(e.y1)).
			Attr("x2", fmtNum(e.x2)).
			Attr("y2", fmtNum(e.y2))
	}
	width := "1.2"
	if s.focus >= 0 {
		width = "1.6"
	}
	return svgElem("g").
		Class("graph-edges").
		Aria("hidden", "true").
		Attr("stroke", noBlockColour).
		Attr("stroke-width", width).
		Attr("marker-end", l.Marker).
		Body(lines...)
}

// nodeLayer draws the nodes: one focusable link per pattern holding its
// circle and label. Like edgeLayer it re-renders only when its fields
// change: a new scene or a new current pattern.
type nodeLayer struct {
	app.Compo

	// Scene is the scene drawn, compared by pointer.
	Scene *scene
	// Current is the node index of the current pattern, or -1.
	Current int

	stats *renderStats
}

// Render draws the nodes in node order.
func (l *nodeLayer) Render() app.UI {
	if l.stats != nil {
		l.stats.nodes++
	}
	s := l.Scene
	if s == nil {
		s = &scene{}
	}
	r := fmtNum(s.radius)
	nodes := make([]app.UI, len(s.nodes))
	for i, n := range s.nodes {
		a := svgElem("a").
			Class(n.class).
			Attr("href", n.href).
			TabIndex(0).
			Aria("label", n.title).
			DataSet("i", i)
		if i == l.Current {
			a = a.Class("is-current").Aria("current", "page")
		}
		nodes[i] = a.Body(
			svgElem("circle").
				Class("graph-dot").
				Attr("cx", fmtNum(n.x)).
				Attr("cy", fmtNum(n.y)).
				Attr("r", r).
				Attr("fill", n.fill),
			svgElem("text").
				Class("graph-label").
				Attr("x", fmtNum(n.x)).
				Attr("y", fmtNum(n.y+s.radius+labelSize)).
				Text(n.title),
		)
	}
	return svgElem("g").
		Class("graph-nodes").
		Attr("font-size", fmtNum(labelSize)).
		Attr("text-anchor", "middle").
		Body(nodes...)
}
