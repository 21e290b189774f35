package graph

import (
	"math"
	"strconv"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// World sizes, in SVG user units. The full graph is a square; the local
// graph is shown smaller on the page, so its world is lower for labels of
// the same size on screen, and as wide as the aspect of its box.
const (
	fullWorld   = 1000.0
	localHeight = 420.0
	// defaultAspect is the width over the height of a local graph's box
	// until it is measured in the browser.
	defaultAspect = 2.0
	// fullPad is the padding around the full graph, on top of the layout's
	// own margin, as a share of the world.
	fullPad = 0.04
	// localPadX and localPadY pad a local graph, as shares of its height:
	// wider on the sides, where labels stick out.
	localPadX = 0.2
	localPadY = 0.1
	// labelSize is the font size of labels, in user units.
	labelSize = 16.0
	// arrowGap leaves room between an arrow's tip and the target circle.
	arrowGap = 1.5
	// largeGraph is the node count above which labels are hidden until
	// the user zooms in.
	largeGraph = 400
)

// scene is what a graph draws: nodes and edges in world coordinates. It is
// built once per corpus and focus and never changed, so the layers can share
// it and compare it by pointer.
type scene struct {
	width  float64
	height float64
	radius float64
	nodes  []node
	edges  []edge
	// adj lists, for each node, its edges (indices into edges), outgoing
	// and incoming, in edge order.
	adj [][]int32
	// focus is the node index of the focused pattern, or -1.
	focus int
	// blocks are the building blocks for the legend: corpus index and name,
	// in corpus order.
	blocks []legendEntry
}

// node is one drawn pattern.
type node struct {
	doc   int32
	x, y  float64
	slug  string
	title string
	href  string
	class string // "graph-node graph-n-{i} block-k"
	fill  string
}

// edge is one drawn link, from node from to node to, as a line shortened so
// it starts at the source's circle and its arrow ends at the target's.
type edge struct {
	from, to       int32
	x1, y1, x2, y2 float64
}

// legendEntry is one building block of the legend.
type legendEntry struct {
	index int
	name  string
}

// buildScene builds the scene of corpus c: every pattern, or with a focus
// slug, the focused pattern and its neighbours in both directions, scaled to
// fill a world of the given aspect (width over height; 0 for the default).
// Pages are never drawn. An unknown focus, or a focus on a page, gives an
// empty scene. Node links are prefix + the pattern's path.
func buildScene(c *corpus.Corpus, focus string, aspect float64, prefix string) *scene {
	s := &scene{width: fullWorld, height: fullWorld, focus: -1}
	if focus != "" {
		if !(aspect > 0) || math.IsInf(aspect, 0) {
			aspect = defaultAspect
		}
		s.height = localHeight
		s.width = localHeight * aspect
	}
	if c == nil {
		return s
	}
	n := len(c.Docs)
	valid := func(e corpus.Edge) bool {
		return e.From >= 0 && e.To >= 0 && int(e.From) < n && int(e.To) < n &&
			e.From != e.To &&
			c.Docs[e.From].Kind == corpus.KindPattern && c.Docs[e.To].Kind == corpus.KindPattern
	}

	// Select the documents: all patterns, or the focus and its neighbours.
	include := make([]bool, n)
	if focus == "" {
		for i := range c.Docs {
			include[i] = c.Docs[i].Kind == corpus.KindPattern
		}
	} else {
		f := c.Lookup(focus)
		if f < 0 || c.Docs[f].Kind != corpus.KindPattern {
			s.radius = nodeRadius(0, true)
			return s
		}
		include[f] = true
		for _, e := range c.Edges {
			if !valid(e) {
				continue
			}
			if int(e.From) == f {
				include[e.To] = true
			}
			if int(e.To) == f {
				include[e.From] = true
			}
		}
	}

	nodeOf := make([]int32, n)
	palette := Palette()
	usedBlock := make([]bool, len(c.Blocks))
	for i := range c.Docs {
		nodeOf[i] = -1
		if !include[i] {
			continue
		}
		d := &c.Docs[i]
		k := int32(len(s.nodes))
		nodeOf[i] = k
		b := -1
		if len(d.Blocks) > 0 {
			b = BlockIndex(c, d.Blocks[0])
		}
		fill := noBlockColour
		if b >= 0 {
			fill = palette[b%PaletteSize].Light
			usedBlock[b] = true
		}
		title := d.Title
		if title == "" {
			title = d.Slug
		}
		s.nodes = append(s.nodes, node{
			doc:   int32(i),
			x:     float64(d.X),
			y:     float64(d.Y),
			slug:  d.Slug,
			title: title,
			href:  prefix + corpus.DocPath(corpus.KindPattern, d.Slug),
			class: "graph-node graph-n-" + strconv.Itoa(int(k)) + " " + BlockClass(b),
			fill:  fill,
		})
		if d.Slug == focus {
			s.focus = int(k)
		}
	}
	for i, name := range c.Blocks {
		if usedBlock[i] {
			s.blocks = append(s.blocks, legendEntry{index: i, name: name})
		}
	}

	s.place(focus != "")
	s.radius = nodeRadius(len(s.nodes), focus != "")

	s.adj = make([][]int32, len(s.nodes))
	for _, e := range c.Edges {
		if !valid(e) {
			continue
		}
		u, v := nodeOf[e.From], nodeOf[e.To]
		if u < 0 || v < 0 {
			continue
		}
		a, b := &s.nodes[u], &s.nodes[v]
		x1, y1, x2, y2, ok := shorten(a.x, a.y, b.x, b.y, s.radius, s.radius+arrowGap)
		if !ok {
			continue
		}
		j := int32(len(s.edges))
		s.edges = append(s.edges, edge{from: u, to: v, x1: x1, y1: y1, x2: x2, y2: y2})
		s.adj[u] = append(s.adj[u], j)
		s.adj[v] = append(s.adj[v], j)
	}
	return s
}

// place maps the layout positions, in [0, 1], to world coordinates, inside
// a padding that leaves room for the labels, which are centred under the
// nodes. The full graph keeps the build-time layout's shape; a local graph
// stretches its subset to fill the world on each axis.
func (s *scene) place(local bool) {
	padX, padY := fullPad*s.width, fullPad*s.height
	if local {
		padX, padY = localPadX*s.height, localPadY*s.height
	}
	minX, minY, maxX, maxY := 0.0, 0.0, 1.0, 1.0
	if local {
		minX, minY = math.Inf(1), math.Inf(1)
		maxX, maxY = math.Inf(-1), math.Inf(-1)
		for _, n := range s.nodes {
			minX, maxX = math.Min(minX, n.x), math.Max(maxX, n.x)
			minY, maxY = math.Min(minY, n.y), math.Max(maxY, n.y)
		}
	}
	scale := func(v, lo, hi, pad, size float64) float64 {
		if !(hi-lo > 1e-9) {
			return size / 2
		}
		return pad + (v-lo)/(hi-lo)*(size-2*pad)
	}
	for i := range s.nodes {
		s.nodes[i].x = scale(s.nodes[i].x, minX, maxX, padX, s.width)
		s.nodes[i].y = scale(s.nodes[i].y, minY, maxY, padY, s.height)
	}
}

// nodeRadius returns the circle radius for a graph of n nodes: smaller as
// the graph grows, so the full view stays readable.
func nodeRadius(n int, local bool) float64 {
	if local {
		return 11
	}
	if n < 1 {
		n = 1
	}
	return math.Max(4, math.Min(12, 300/math.Sqrt(float64(n))))
}

// shorten returns the segment from (ax, ay) to (bx, by) cut by ra at the
// start and rb at the end; ok is false when the points are too close for
// anything to remain.
func shorten(ax, ay, bx, by, ra, rb float64) (x1, y1, x2, y2 float64, ok bool) {
	dx, dy := bx-ax, by-ay
	d := math.Hypot(dx, dy)
	if d <= ra+rb+1 {
		return 0, 0, 0, 0, false
	}
	ux, uy := dx/d, dy/d
	return ax + ux*ra, ay + uy*ra, bx - ux*rb, by - uy*rb, true
}

// index returns the node index of the pattern with the given slug, or -1.
func (s *scene) index(slug string) int {
	if slug == "" {
		return -1
	}
	for i := range s.nodes {
		if s.nodes[i].slug == slug {
			return i
		}
	}
	return -1
}

// neighbourhood returns, for node i, the node i and its neighbours in both
// directions, and the edges among them, each in increasing index order.
func (s *scene) neighbourhood(i int) (nodes, edges []int) {
	if i < 0 || i >= len(s.nodes) {
		return nil, nil
	}
	in := make(map[int32]bool, len(s.adj[i])+1)
	in[int32(i)] = true
	for _, j := range s.adj[i] {
		e := s.edges[j]
		in[e.from] = true
		in[e.to] = true
	}
	for k := range s.nodes {
		if in[int32(k)] {
			nodes = append(nodes, k)
		}
	}
	// Edges among the set: every such edge touches a member, so scanning
	// the members' adjacency finds them all.
	seen := make(map[int32]bool)
	for _, k := range nodes {
		for _, j := range s.adj[k] {
			e := s.edges[j]
			if in[e.from] && in[e.to] && !seen[j] {
				seen[j] = true
			}
		}
	}
	for j := range s.edges {
		if seen[int32(j)] {
			edges = append(edges, j)
		}
	}
	return nodes, edges
}

// fmtNum formats a world coordinate with one decimal, trimming ".0".
func fmtNum(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
