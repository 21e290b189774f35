package graph

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Labels keep their size on screen at every zoom, like the dots: a node's
// dot and label are drawn in pixels inside a group that the zoom scales
// back (markCSS). Zooming in therefore spreads the nodes apart under
// labels of the same size, and more labels find room: each label is
// placed, once per scene, at the lowest zoom level where one of a few spots
// around its dot overlaps no label placed before it and no other dot, and
// it shows from that level on.
const (
	// labelPx is the font size of labels on screen, in CSS pixels.
	labelPx = 13.0
	// labelHeight is the height of a label's box, in ems: more than the
	// line box of the usual sans-serif fonts, so boxes that do not meet
	// are glyphs that do not touch.
	labelHeight = 1.4
	// labelGap is the room between a dot and its label, in pixels.
	labelGap = 3.0
	// labelMargin is the room kept between two labels, and between a
	// label and a dot, in pixels.
	labelMargin = 1.0
	// levelStep is the zoom factor from one label level to the next.
	levelStep = 1.5
	// labelLevels is the number of zoom levels labels are placed at:
	// level l starts at zoom levelStep^l.
	labelLevels = 8
	// unplaced is the level of a label that found no room at any level;
	// it shows only while its node is lit.
	unplaced = labelLevels
)

// textWidth returns the width of a label's text on screen, in pixels, at
// labelPx.
type textWidth func(text string) float64

// estimateWidth guesses a label's width from its length, for drawings made
// where no font can be measured (the server's first render): slightly wider
// than the semi-bold sans-serif fonts of the usual systems.
func estimateWidth(text string) float64 {
	return float64(utf8.RuneCountInString(text)) * 0.62 * labelPx
}

// Spots a label may take around its dot, in the order tried.
const (
	spotRight = iota
	spotLeft
	spotBelow
	spotAbove
	spotBelowRight
	spotAboveRight
	spotBelowLeft
	spotAboveLeft
	numSpots
)

// labelSpot is where a node's label is drawn: its text position and
// anchor relative to the dot's centre, in pixels, and the zoom level it
// shows from (unplaced when it found no room).
type labelSpot struct {
	x, y   float64
	anchor string // "start", "middle" or "end"
	level  int
}

// box is an axis-aligned rectangle.
type box struct {
	x0, y0, x1, y1 float64
}

// spot returns, for a dot of radius r and a label w by h pixels, the
// label's box relative to the dot's centre at the given spot, and the text
// position and anchor that draw it there.
func spot(k int, r, w, h float64) (b box, tx, ty float64, anchor string) {
	d := r + labelGap
	g := r*math.Sqrt2/2 + labelGap // a diagonal spot clears the dot
	switch k {
	case spotRight:
		b = box{d, -h / 2, d + w, h / 2}
	case spotLeft:
		b = box{-d - w, -h / 2, -d, h / 2}
	case spotBelow:
		b = box{-w / 2, d, w / 2, d + h}
	case spotAbove:
		b = box{-w / 2, -d - h, w / 2, -d}
	case spotBelowRight:
		b = box{g, g, g + w, g + h}
	case spotAboveRight:
		b = box{g, -g - h, g + w, -g}
	case spotBelowLeft:
		b = box{-g - w, g, -g, g + h}
	default:
		b = box{-g - w, -g - h, -g, -g}
	}
	ty = (b.y0 + b.y1) / 2
	switch {
	case k == spotBelow || k == spotAbove:
		return b, 0, ty, "middle"
	case b.x0 > 0:
		return b, b.x0, ty, "start"
	}
	return b, b.x1, ty, "end"
}

// placeLabels places every label (labelSpot), in order of importance: the
// focus of a local graph first, then by degree, most linked first, then in node order.
// At each level the labels placed at lower levels stay where they are; a
// new one must be clear of them and of every other dot both at the level's
// zoom and at the next level's, within the world, so it stays clear while
// the zoom moves across the level.
func (s *scene) placeLabels(width textWidth) {
	n := len(s.nodes)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case a == s.focus:
			return -1
		case b == s.focus:
			return 1
		}
		return s.nodes[b].degree - s.nodes[a].degree
	})
	sizes := make([][2]float64, n)
	for i := range s.nodes {
		sizes[i] = [2]float64{width(s.nodes[i].title) + 2, labelHeight * labelPx}
		s.nodes[i].label = labelSpot{level: unplaced, anchor: "middle", y: s.nodes[i].r + labelGap + labelHeight*labelPx/2}
	}
	placed := make([]int, 0, n)
	spots := make([]box, n) // each placed label's box in pixels, relative to its dot
	for level := 0; level < labelLevels && len(placed) < n; level++ {
		grids := [2]*boxGrid{
			newBoxGrid(1 / math.Pow(levelStep, float64(level))),
			newBoxGrid(1 / math.Pow(levelStep, float64(level+1))),
		}
		for _, g := range grids {
			for i, nd := range s.nodes {
				g.addDot(i, nd.x, nd.y, nd.r)
			}
			for _, i := range placed {
				g.addLabel(s.nodes[i].x, s.nodes[i].y, spots[i])
			}
		}
		for _, i := range order {
			nd := &s.nodes[i]
			if nd.label.level != unplaced {
				continue
			}
			for k := range numSpots {
				b, tx, ty, anchor := spot(k, nd.r, sizes[i][0], sizes[i][1])
				if !grids[0].free(i, nd.x, nd.y, b, s.width, s.height) || !grids[1].free(i, nd.x, nd.y, b, s.width, s.height) {
					continue
				}
				nd.label = labelSpot{x: tx, y: ty, anchor: anchor, level: level}
				spots[i] = b
				placed = append(placed, i)
				for _, g := range grids {
					g.addLabel(nd.x, nd.y, b)
				}
				break
			}
		}
	}
}

// boxGrid finds what a label would overlap at one zoom: the dots and the
// placed labels, in world units at scale px (world units per pixel), in a
// grid of square cells.
type boxGrid struct {
	px     float64
	cell   float64
	dots   map[[2]int][]int32
	dotAt  []dotShape
	labels map[[2]int][]int32
	boxes  []box
}

// dotShape is a dot in world units.
type dotShape struct {
	x, y, r float64
	node    int
}

// newBoxGrid returns an empty grid for the zoom at which one pixel is px
// world units.
func newBoxGrid(px float64) *boxGrid {
	return &boxGrid{px: px, cell: 48 * px, dots: map[[2]int][]int32{}, labels: map[[2]int][]int32{}}
}

// cells calls f for every cell that b (world units) touches.
func (g *boxGrid) cells(b box, f func(c [2]int)) {
	for cx := int(math.Floor(b.x0 / g.cell)); cx <= int(math.Floor(b.x1/g.cell)); cx++ {
		for cy := int(math.Floor(b.y0 / g.cell)); cy <= int(math.Floor(b.y1/g.cell)); cy++ {
			f([2]int{cx, cy})
		}
	}
}

// addDot adds the dot of node i, centred at (x, y) with a radius of r
// pixels.
func (g *boxGrid) addDot(i int, x, y, r float64) {
	d := dotShape{x: x, y: y, r: (r + labelMargin) * g.px, node: i}
	k := int32(len(g.dotAt))
	g.dotAt = append(g.dotAt, d)
	g.cells(box{x - d.r, y - d.r, x + d.r, y + d.r}, func(c [2]int) { g.dots[c] = append(g.dots[c], k) })
}

// world returns b, a box in pixels relative to a dot at (x, y), in world
// units, grown by the margin kept between labels.
func (g *boxGrid) world(x, y float64, b box) box {
	m := labelMargin / 2
	return box{x + (b.x0-m)*g.px, y + (b.y0-m)*g.px, x + (b.x1+m)*g.px, y + (b.y1+m)*g.px}
}

// addLabel adds a placed label, b in pixels relative to its dot at (x, y).
func (g *boxGrid) addLabel(x, y float64, b box) {
	w := g.world(x, y, b)
	k := int32(len(g.boxes))
	g.boxes = append(g.boxes, w)
	g.cells(w, func(c [2]int) { g.labels[c] = append(g.labels[c], k) })
}

// free reports whether node i's label, b in pixels relative to its dot at
// (x, y), lies inside the width × height world, off every placed label and
// off every other node's dot.
func (g *boxGrid) free(i int, x, y float64, b box, width, height float64) bool {
	w := g.world(x, y, b)
	if w.x0 < 0 || w.y0 < 0 || w.x1 > width || w.y1 > height {
		return false
	}
	ok := true
	g.cells(w, func(c [2]int) {
		if !ok {
			return
		}
		for _, k := range g.labels[c] {
			o := g.boxes[k]
			if o.x0 < w.x1 && w.x0 < o.x1 && o.y0 < w.y1 && w.y0 < o.y1 {
				ok = false
				return
			}
		}
		for _, k := range g.dots[c] {
			d := g.dotAt[k]
			if d.node == i {
				continue
			}
			cx, cy := math.Max(w.x0, math.Min(d.x, w.x1)), math.Max(w.y0, math.Min(d.y, w.y1))
			if math.Hypot(cx-d.x, cy-d.y) < d.r {
				ok = false
				return
			}
		}
	})
	return ok
}

// level returns the label level of a zoom: the last level it reached.
func level(zoom float64) int {
	if !(zoom > 1) {
		return 0
	}
	l := int(math.Floor(math.Log(zoom)/math.Log(levelStep) + 1e-9))
	return min(l, labelLevels-1)
}

// levelClass is the class of a node whose label shows from level l.
func levelClass(l int) string {
	if l >= unplaced {
		return "lz-none"
	}
	return "lz-" + strconv.Itoa(l)
}

// markCSS returns the rules of the graph with the given id at a zoom: the
// dots and labels scaled back to their size in pixels, the edges' stroke
// kept at its width on screen, and the labels of the levels not reached
// hidden.
func markCSS(id string, zoom float64) string {
	if !(zoom > 0) || math.IsInf(zoom, 0) {
		zoom = 1
	}
	k := 1 / zoom
	var b strings.Builder
	b.WriteString("#" + id + " .graph-mark{transform:scale(" + strconv.FormatFloat(k, 'g', 4, 64) + ")}")
	b.WriteString("#" + id + " .graph-edges{stroke-width:" + strconv.FormatFloat(edgeWidth*k, 'g', 4, 64) + "px}")
	b.WriteString(dashCSS(id, k))
	var hidden []string
	for l := level(zoom) + 1; l <= unplaced; l++ {
		hidden = append(hidden, "."+levelClass(l))
	}
	b.WriteString("#" + id + " :is(" + strings.Join(hidden, ",") + ") .graph-label{display:none}")
	return b.String()
}
