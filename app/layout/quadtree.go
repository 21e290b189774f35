package layout

import "math"

// maxDepth bounds the quadtree's depth; bodies that still share a cell at
// this depth (nearly coincident nodes) are kept together in one leaf.
const maxDepth = 48

// quadtree is a Barnes–Hut tree over the node positions, stored in flat
// slices that are reused between iterations.
type quadtree struct {
	nodes []quad
	// next links the bodies of one leaf: next[b] is the following body or -1.
	next []int32
}

// quad is one cell of the tree. A leaf has body >= 0 (the first of its
// bodies); an internal cell has body == -1 and some children.
type quad struct {
	cx, cy, half float64 // centre and half side of the cell
	mx, my, mass float64 // centre of mass (a sum until finish) and mass
	child        [4]int32
	body         int32
	depth        int32
}

func (t *quadtree) newQuad(cx, cy, half float64, depth int32) int32 {
	t.nodes = append(t.nodes, quad{
		cx: cx, cy: cy, half: half,
		child: [4]int32{-1, -1, -1, -1},
		body:  -1,
		depth: depth,
	})
	return int32(len(t.nodes) - 1)
}

// build rebuilds the tree over the given positions, inserting bodies in
// index order.
func (t *quadtree) build(x, y []float64) {
	t.nodes = t.nodes[:0]
	n := len(x)
	if cap(t.next) < n {
		t.next = make([]int32, n)
	}
	t.next = t.next[:n]
	if n == 0 {
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := range n {
		minX = math.Min(minX, x[i])
		maxX = math.Max(maxX, x[i])
		minY = math.Min(minY, y[i])
		maxY = math.Max(maxY, y[i])
	}
	half := float64(math.Max(maxX-minX, maxY-minY)/2) + 1e-9
	t.newQuad((minX+maxX)/2, (minY+maxY)/2, half, 0)
	for i := range n {
		t.insert(int32(i), x, y)
	}
	// Turn the mass-weighted sums into centres of mass.
	for i := range t.nodes {
		q := &t.nodes[i]
		if q.mass > 0 {
			q.mx /= q.mass
			q.my /= q.mass
		}
	}
}

// insert adds body b, accumulating its mass along the path from the root.
func (t *quadtree) insert(b int32, x, y []float64) {
	bx, by := x[b], y[b]
	t.next[b] = -1
	qi := int32(0)
	for {
		q := &t.nodes[qi]
		switch {
		case q.body < 0 && q.mass == 0:
			// Empty cell: b becomes its only body.
			q.body = b
			q.mx, q.my, q.mass = bx, by, 1
			return

		case q.body >= 0 && q.depth >= maxDepth:
			// Too deep to split: chain b into this leaf.
			t.next[b] = t.next[q.body]
			t.next[q.body] = b
			q.mx += bx
			q.my += by
			q.mass++
			return

		case q.body >= 0:
			// Split the leaf: move its body into a new child. The cell's
			// sums already count it.
			old := q.body
			q.body = -1
			ox, oy := x[old], y[old]
			c := t.childFor(qi, ox, oy)
			cq := &t.nodes[c]
			cq.body = old
			cq.mx, cq.my, cq.mass = ox, oy, 1
		}
		// Internal cell: count b here and descend.
		q = &t.nodes[qi]
		q.mx += bx
		q.my += by
		q.mass++
		qi = t.childFor(qi, bx, by)
	}
}

// childFor returns the child of cell qi holding point (px, py), creating it
// if needed. The parent's sums are not touched.
func (t *quadtree) childFor(qi int32, px, py float64) int32 {
	q := t.nodes[qi]
	idx := 0
	cx, cy := q.cx, q.cy
	h := float64(q.half / 2)
	if px >= q.cx {
		idx |= 1
		cx += h
	} else {
		cx -= h
	}
	if py >= q.cy {
		idx |= 2
		cy += h
	} else {
		cy -= h
	}
	if c := q.child[idx]; c >= 0 {
		return c
	}
	c := t.newQuad(cx, cy, h, q.depth+1)
	t.nodes[qi].child[idx] = c
	return c
}

// grid is a uniform grid of square cells used to find close pairs.
type grid struct {
	minX, minY, size float64
	cols, rows       int
	start            []int32 // start[c]..start[c+1] index into items
	items            []int32
	cellIdx          []int32
}

// build buckets the points into cells of the given size with a counting
// sort, so each cell lists its points in index order.
func (g *grid) build(x, y []float64, size float64) {
	n := len(x)
	g.minX, g.minY = math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := range n {
		g.minX = math.Min(g.minX, x[i])
		maxX = math.Max(maxX, x[i])
		g.minY = math.Min(g.minY, y[i])
		maxY = math.Max(maxY, y[i])
	}
	// Keep the number of cells linear in n even if the layout is spread
	// far: grow the cell size when needed.
	span := math.Max(maxX-g.minX, maxY-g.minY)
	for span/size > float64(4*n+16) {
		size *= 2
	}
	g.size = size
	g.cols = int((maxX-g.minX)/size) + 1
	g.rows = int((maxY-g.minY)/size) + 1
	cells := g.cols * g.rows
	if cap(g.start) < cells+1 {
		g.start = make([]int32, cells+1)
	}
	g.start = g.start[:cells+1]
	clear(g.start)
	if cap(g.cellIdx) < n {
		g.cellIdx = make([]int32, n)
		g.items = make([]int32, n)
	}
	g.cellIdx = g.cellIdx[:n]
	g.items = g.items[:n]
	for i := range n {
		cx, cy := g.cellOf(x[i], y[i])
		c := int32(cy*g.cols + cx)
		g.cellIdx[i] = c
		g.start[c+1]++
	}
	for c := 1; c <= cells; c++ {
		g.start[c] += g.start[c-1]
	}
	fill := make([]int32, cells)
	for i := range n {
		c := g.cellIdx[i]
		g.items[g.start[c]+fill[c]] = int32(i)
		fill[c]++
	}
}

// cellOf returns the column and row of a point, clamped to the grid.
func (g *grid) cellOf(px, py float64) (int, int) {
	cx := int((px - g.minX) / g.size)
	cy := int((py - g.minY) / g.size)
	return max(0, min(cx, g.cols-1)), max(0, min(cy, g.rows-1))
}

// cell returns the points of a cell, or nil outside the grid.
func (g *grid) cell(cx, cy int) []int32 {
	if cx < 0 || cy < 0 || cx >= g.cols || cy >= g.rows {
		return nil
	}
	c := cy*g.cols + cx
	return g.items[g.start[c]:g.start[c+1]]
}
