package graph

import (
	"math"
	"strconv"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// The world of a scene is its box on screen: one user unit is one CSS pixel
// at the default zoom, so sizes written in pixels are the sizes seen. Until
// the box is measured in the browser (and on the server), the full graph
// is drawn in a square and the local graph in a box twice as wide as high.
const (
	defaultFull        = 1000.0
	defaultLocalHeight = 420.0
	// defaultAspect is the width over the height of a local graph's box
	// until it is measured in the browser.
	defaultAspect = 2.0
	// edgePad is the room left between the outermost dots and the box's
	// edge, in pixels, on top of the largest dot's radius.
	edgePad = 6.0
	// hitRadius is the radius of a node's touch target, in pixels: a
	// target of at least 24 px (WCAG 2.5.8) around every dot.
	hitRadius = 12.5
)

// scene is what a graph draws: nodes and edges in world coordinates. It is
// built once per corpus and focus and never changed, so the layers can share
// it and compare it by pointer.
type scene struct {
	width  float64
	height float64
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
	// kinds are the kinds of link drawn, for the legend.
	kinds [linkKinds]bool
}

// node is one drawn pattern.
type node struct {
	doc   int32
	x, y  float64
	slug  string
	title string
	href  string
	class string // "graph-node graph-n-{i} block-k"
	block string // "block-k"
	fill  string
	// r is the radius of the dot, in pixels, by the node's degree.
	r float64
	// degree counts the node's edges, in and out.
	degree int
	// label is where the label is drawn, and from which zoom level.
	label labelSpot
}

// edge is one drawn link, from node from to node to, as a line from centre
// to centre (the dots hide its ends) with an arrow halfway.
type edge struct {
	from, to       int32
	x1, y1, x2, y2 float64
	kind           linkKind
}

// legendEntry is one building block of the legend.
type legendEntry struct {
	index int
	name  string
}

// size is the width and the height of a graph's box, in CSS pixels; zero
// before it is measured.
type size struct {
	w, h float64
}

// world returns the box a scene is drawn in: the measured box, or before it
// is measured the default one of the full or the local graph.
func (z size) world(local bool) size {
	if z.w > 0 && z.h > 0 && !math.IsInf(z.w, 0) && !math.IsInf(z.h, 0) {
		return z
	}
	if local {
		return size{defaultLocalHeight * defaultAspect, defaultLocalHeight}
	}
	return size{defaultFull, defaultFull}
}

// selection is which patterns a scene draws: those the filter lets
// through, and with a focus, only the focused pattern and those within
// depth links of it, in either direction (a depth below 1 is 1). The
// focused pattern is drawn whatever the filter.
type selection struct {
	filter corpus.Filter
	focus  string
	depth  int
}

// maxDepth is the deepest neighbourhood a local graph draws.
const maxDepth = 3

// buildScene builds the scene of corpus c in a box of the given size (zero
// for the default): the patterns sel selects, stretched to fill the box,
// each dot sized by its degree and each label placed where it overlaps no
// other label and no other dot, from the lowest zoom level where there is
// room (labels.go). Pages are never drawn. An unknown focus, or a focus on
// a page, gives an empty scene. Node links are the patterns' addresses on the corpus's site.
// width measures a label's width in pixels; nil estimates it.
func buildScene(c *corpus.Corpus, sel selection, box size, width textWidth) *scene {
	w := box.world(sel.focus != "")
	s := &scene{width: w.w, height: w.h, focus: -1}
	if c == nil {
		return s
	}
	n := len(c.Docs)
	valid := func(e corpus.Edge) bool {
		return e.From >= 0 && e.To >= 0 && int(e.From) < n && int(e.To) < n &&
			e.From != e.To &&
			c.Docs[e.From].Kind == corpus.KindPattern && c.Docs[e.To].Kind == corpus.KindPattern
	}

	// Select the documents: the patterns the filter lets through, or the
	// focus and those within depth links of it.
	include := make([]bool, n)
	for i := range c.Docs {
		include[i] = c.Docs[i].Kind == corpus.KindPattern && sel.filter.Matches(&c.Docs[i])
	}
	focus := sel.focus
	if focus != "" {
		f := c.Lookup(focus)
		if f < 0 || c.Docs[f].Kind != corpus.KindPattern {
			return s
		}
		near := within(c, f, min(max(sel.depth, 1), maxDepth), valid)
		for i := range include {
			include[i] = include[i] && near[i]
		}
		include[f] = true
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
			href:  c.Site.Path(corpus.DocPath(corpus.KindPattern, d.Slug)),
			class: "graph-node graph-n-" + strconv.Itoa(int(k)) + " " + BlockClass(b),
			block: BlockClass(b),
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

	s.adj = make([][]int32, len(s.nodes))
	for _, e := range c.Edges {
		if !valid(e) {
			continue
		}
		u, v := nodeOf[e.From], nodeOf[e.To]
		if u < 0 || v < 0 {
			continue
		}
		s.nodes[u].degree++
		s.nodes[v].degree++
		j := int32(len(s.edges))
		s.edges = append(s.edges, edge{from: u, to: v, kind: edgeKind(c, e.From, e.To)})
		s.kinds[s.edges[j].kind] = true
		s.adj[u] = append(s.adj[u], j)
		s.adj[v] = append(s.adj[v], j)
	}
	s.size()
	s.place()
	if width == nil {
		width = estimateWidth
	}
	s.clearFocusLabel(width)
	for j := range s.edges {
		e := &s.edges[j]
		a, b := s.nodes[e.from], s.nodes[e.to]
		e.x1, e.y1, e.x2, e.y2 = a.x, a.y, b.x, b.y
	}
	s.placeLabels(width)
	return s
}

// clearFocusLabel makes room for the label of a local graph's own pattern
// at the default zoom: in a crowded box (a phone's, two or three links
// out) other dots could take every spot around it, and the pattern the
// graph is about went unlabelled. Of the spots that lie in the box, it
// takes the one with the fewest dots under it, and moves those dots just
// out of it, up or down, whichever is nearer and stays in the box, else
// sideways.
func (s *scene) clearFocusLabel(width textWidth) {
	if s.focus < 0 {
		return
	}
	f := s.nodes[s.focus]
	w, h := width(f.title)+2, labelHeight*labelPx
	hits := func(b box, nd node) bool {
		r := nd.r + labelMargin
		return nd.x+r > b.x0 && nd.x-r < b.x1 && nd.y+r > b.y0 && nd.y-r < b.y1
	}
	best, fewest := box{}, -1
	for k := range numSpots {
		b, _, _, _ := spot(k, f.r, w, h)
		b = box{f.x + b.x0 - labelMargin, f.y + b.y0 - labelMargin, f.x + b.x1 + labelMargin, f.y + b.y1 + labelMargin}
		if b.x0 < 0 || b.y0 < 0 || b.x1 > s.width || b.y1 > s.height {
			continue
		}
		n := 0
		for i, nd := range s.nodes {
			if i != s.focus && hits(b, nd) {
				n++
			}
		}
		if fewest < 0 || n < fewest {
			best, fewest = b, n
		}
	}
	if fewest <= 0 {
		return
	}
	for i := range s.nodes {
		nd := &s.nodes[i]
		if i == s.focus || !hits(best, *nd) {
			continue
		}
		r := nd.r + labelMargin
		lo, hi := nd.r+edgePad, s.height-nd.r-edgePad
		up, down := best.y0-r, best.y1+r
		switch {
		case nd.y < (best.y0+best.y1)/2 && up >= lo:
			nd.y = up
		case down <= hi:
			nd.y = down
		case up >= lo:
			nd.y = up
		case nd.x < (best.x0+best.x1)/2:
			nd.x = max(best.x0-r, nd.r+edgePad)
		default:
			nd.x = min(best.x1+r, s.width-nd.r-edgePad)
		}
	}
}

// within marks the documents at most depth links away from document f,
// following the valid edges in either direction.
func within(c *corpus.Corpus, f, depth int, valid func(corpus.Edge) bool) []bool {
	near := make([]bool, len(c.Docs))
	near[f] = true
	frontier := []int{f}
	for range depth {
		var next []int
		reached := make([]bool, len(c.Docs))
		for _, i := range frontier {
			reached[i] = true
		}
		for _, e := range c.Edges {
			if !valid(e) {
				continue
			}
			for _, hop := range [2][2]int32{{e.From, e.To}, {e.To, e.From}} {
				if reached[hop[0]] && !near[hop[1]] {
					near[hop[1]] = true
					next = append(next, int(hop[1]))
				}
			}
		}
		if frontier = next; len(frontier) == 0 {
			break
		}
	}
	return near
}

// size gives each dot a radius by its degree, between a smallest and a
// largest that shrink as the box gets crowded.
func (s *scene) size() {
	n := len(s.nodes)
	if n == 0 {
		return
	}
	rMax := math.Max(5, math.Min(12, 0.2*math.Sqrt(s.width*s.height/float64(n))))
	rMin := math.Max(3, 0.4*rMax)
	top := 1
	for _, nd := range s.nodes {
		top = max(top, nd.degree)
	}
	for i := range s.nodes {
		s.nodes[i].r = rMin + (rMax-rMin)*math.Sqrt(float64(s.nodes[i].degree)/float64(top))
	}
}

// place maps the layout positions to the box: the span of the nodes on
// each axis is stretched to the box's, inside a border that keeps every dot
// whole, so the drawing fills its box whatever the box's shape (a phone's
// is tall, a laptop's wide).
func (s *scene) place() {
	rMax := 0.0
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, n := range s.nodes {
		rMax = math.Max(rMax, n.r)
		minX, maxX = math.Min(minX, n.x), math.Max(maxX, n.x)
		minY, maxY = math.Min(minY, n.y), math.Max(maxY, n.y)
	}
	pad := rMax + edgePad
	scale := func(v, lo, hi, size float64) float64 {
		if !(hi-lo > 1e-9) || size <= 2*pad {
			return size / 2
		}
		return pad + (v-lo)/(hi-lo)*(size-2*pad)
	}
	for i := range s.nodes {
		s.nodes[i].x = scale(s.nodes[i].x, minX, maxX, s.width)
		s.nodes[i].y = scale(s.nodes[i].y, minY, maxY, s.height)
	}
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

// rover is the node that is the graph's one Tab stop when the graph is
// drawn: the current pattern, else the focused one of a local graph, else
// the first node; -1 when there is none.
func (s *scene) rover(current int) int {
	switch {
	case current >= 0 && current < len(s.nodes):
		return current
	case s.focus >= 0:
		return s.focus
	case len(s.nodes) > 0:
		return 0
	}
	return -1
}

// step returns the neighbour of node i (linked in either direction) that
// lies best in the direction (dx, dy): within 67.5° of it, the one whose
// distance along it, weighted against its distance across, is least; or -1
// when no neighbour lies that way.
func (s *scene) step(i int, dx, dy float64) int {
	if i < 0 || i >= len(s.nodes) {
		return -1
	}
	best, bestCost := -1, math.Inf(1)
	a := s.nodes[i]
	for _, j := range s.adj[i] {
		e := s.edges[j]
		k := int(e.to)
		if k == i {
			k = int(e.from)
		}
		if k == i {
			continue
		}
		vx, vy := s.nodes[k].x-a.x, s.nodes[k].y-a.y
		along := vx*dx + vy*dy
		across := math.Abs(vx*dy - vy*dx)
		if along <= 0 || across > along*2.414 { // tan 67.5°
			continue
		}
		if cost := along + 2*across; cost < bestCost || (cost == bestCost && k < best) {
			best, bestCost = k, cost
		}
	}
	return best
}
