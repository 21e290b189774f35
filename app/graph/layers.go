package graph

import (
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/markup"
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

// edgeWidth is the width of an edge on screen, in pixels.
const edgeWidth = 1.2

// Render draws every edge, in edge order, as a subpath of the path of its
// kind (linkKind), from centre to centre with its arrow halfway (the
// midpoint is a vertex for marker-mid; the markers at the ends of the
// subpaths lie under the dots, which are drawn over the edges and wider
// than an arrow). One element a kind, where an element an edge made the
// graph of 5,000 patterns 3 MB of HTML and 25,000 elements more, and
// rendering it 45 MB of garbage.
func (l *edgeLayer) Render() app.UI {
	if l.stats != nil {
		l.stats.edges++
	}
	s := l.Scene
	if s == nil {
		s = &scene{}
	}
	var d [linkKinds]strings.Builder
	for _, e := range s.edges {
		d[e.kind].WriteString("M" + fmtNum(e.x1) + " " + fmtNum(e.y1) +
			"L" + fmtNum((e.x1+e.x2)/2) + " " + fmtNum((e.y1+e.y2)/2) +
			"L" + fmtNum(e.x2) + " " + fmtNum(e.y2))
	}
	var paths []app.UI
	for k := range d {
		if d[k].Len() > 0 {
			paths = append(paths, svgElem("path").Class("graph-edge "+linkKind(k).class()).Attr("d", d[k].String()))
		}
	}
	return edgeGroup("graph-edges", l.Marker, paths)
}

// edgeLine draws edge j of s from centre to centre with its midpoint as a
// vertex, for its arrow (marker-mid): the lit layer's copies.
func edgeLine(s *scene, j int) app.UI {
	e := s.edges[j]
	return svgElem("polyline").
		Class("graph-edge "+e.kind.class()).
		Attr("points", fmtNum(e.x1)+","+fmtNum(e.y1)+" "+
			fmtNum((e.x1+e.x2)/2)+","+fmtNum((e.y1+e.y2)/2)+" "+
			fmtNum(e.x2)+","+fmtNum(e.y2))
}

// edgeGroup holds edge lines with the attributes they share.
func edgeGroup(class, marker string, lines []app.UI) app.UI {
	return svgElem("g").
		Class(class).
		Aria("hidden", "true").
		Attr("fill", "none").
		Attr("stroke", noBlockColour).
		Attr("stroke-width", fmtNum(edgeWidth)).
		Attr("marker-mid", marker).
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

// Render draws the nodes in node order. Each link is moved to its node's
// place; inside it, the mark (the touch target, the dot and the label) is
// drawn in pixels and scaled back by the zoom (markCSS). The layer is one
// piece of markup in an SVG of its own (nested, with the parent's user
// units), which go-app mounts with one parse: built as components, the
// nodes were about twenty attributes and six elements each, set one call
// at a time on every first visit. The nodes need no Go handler: the graph
// listens on its SVG (events.go).
func (l *nodeLayer) Render() app.UI {
	if l.stats != nil {
		l.stats.nodes++
	}
	s := l.Scene
	if s == nil {
		s = &scene{}
	}
	var b strings.Builder
	b.WriteString(`<svg class="graph-layer" overflow="visible">` + "\n")
	writeNodeGroup(&b, "graph-nodes", func() {
		hit := `<circle class="graph-hit" r="` + fmtNum(hitRadius) + `" fill="transparent"></circle>`
		for i, n := range s.nodes {
			// A roving tabindex: one node is the graph's Tab stop, the
			// arrow keys move it between neighbours (events.go).
			tab := "-1"
			if i == s.rover(l.Current) {
				tab = "0"
			}
			class, current := n.class+" "+levelClass(n.label.level), ""
			if i == l.Current {
				class, current = class+" is-current", ` aria-current="page"`
			}
			b.WriteString(`<a class="` + esc(class) + `" href="` + esc(n.href) + `" transform="` + place(n) + `" tabindex="` + tab +
				`" aria-label="` + esc(n.title) + `"` + current + ` data-i="` + strconv.Itoa(i) + `">` + "\n")
			writeMark(&b, n, hit)
			b.WriteString(`</a>` + "\n")
		}
	})
	b.WriteString(`</svg>`)
	return markup.Raw(b.String())
}

// esc escapes text for an attribute value or an element's text.
var esc = html.EscapeString

// writeMark writes a node's mark: first (the touch target of a node,
// nothing for a copy), its dot and its label. The mark is drawn in pixels
// and scaled back by the zoom (markCSS). Each element is on a line of its
// own.
func writeMark(b *strings.Builder, n node, first string) {
	b.WriteString(`<g class="graph-mark">` + "\n")
	if first != "" {
		b.WriteString(first + "\n")
	}
	b.WriteString(`<circle class="graph-dot" r="` + fmtNum(n.r) + `" fill="` + esc(n.fill) + `"></circle>` + "\n")
	b.WriteString(`<text class="graph-label" x="` + fmtNum(n.label.x) + `" y="` + fmtNum(n.label.y) + `" text-anchor="` + n.label.anchor +
		`" dominant-baseline="central">` + esc(n.title) + `</text>` + "\n")
	b.WriteString(`</g>` + "\n")
}

// place is the transform that moves a node's mark to the node.
func place(n node) string { return "translate(" + fmtNum(n.x) + " " + fmtNum(n.y) + ")" }

// writeNodeGroup writes a group of nodes or of their copies, with the font
// of their labels, around what body writes.
func writeNodeGroup(b *strings.Builder, class string, body func()) {
	b.WriteString(`<g class="` + class + `" font-size="` + fmtNum(labelPx) + `" font-weight="600">` + "\n")
	body()
	b.WriteString(`</g>` + "\n")
}

// litLayer draws the lit neighbourhood of a node over the graph, which the
// stylesheet dims as a whole (.is-lit): copies of the node, its neighbours
// and the edges among them. Dimming two groups and drawing a few copies
// costs the same at any size, where dimming each of a thousand nodes and
// five thousand edges took seconds. The copies take no pointer events and
// are hidden from assistive technology: the nodes below them are the ones
// that are used.
type litLayer struct {
	app.Compo

	// Scene is the scene drawn, compared by pointer.
	Scene *scene
	// Lit is the node whose neighbourhood is lit, or -1.
	Lit int
	// Hub is how the lit node is marked: "is-hover" or "is-focus".
	Hub string
	// Current is the node index of the current pattern, or -1.
	Current int
	// Marker is the arrowhead reference, "url(#id)".
	Marker string
}

// Render draws the copies: the edges first, then the nodes. The lit node's
// copy has no label level, so its label shows at any zoom. Like the nodes,
// the copies are one piece of markup in an SVG of their own.
func (l *litLayer) Render() app.UI {
	s := l.Scene
	if s == nil || l.Lit < 0 || l.Lit >= len(s.nodes) {
		return svgElem("g").Class("graph-lit").Aria("hidden", "true")
	}
	nodes, edges := s.neighbourhood(l.Lit)
	lines := make([]app.UI, len(edges))
	for k, j := range edges {
		lines[k] = edgeLine(s, j)
	}
	var b strings.Builder
	b.WriteString(`<svg class="graph-layer" overflow="visible">` + "\n")
	writeNodeGroup(&b, "graph-lit-nodes", func() {
		for _, i := range nodes {
			n := s.nodes[i]
			class := "graph-copy " + n.block
			if i == l.Lit {
				class += " " + l.Hub
			} else {
				class += " " + levelClass(n.label.level)
			}
			if i == l.Current {
				class += " is-current"
			}
			b.WriteString(`<g class="` + esc(class) + `" transform="` + place(n) + `" data-i="` + strconv.Itoa(i) + `">` + "\n")
			writeMark(&b, n, "")
			b.WriteString(`</g>` + "\n")
		}
	})
	b.WriteString(`</svg>`)
	return svgElem("g").Class("graph-lit").Aria("hidden", "true").Attr("pointer-events", "none").Body(
		edgeGroup("graph-lit-edges", l.Marker, lines),
		markup.Raw(b.String()),
	)
}
