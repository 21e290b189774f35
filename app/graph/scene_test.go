package graph

import (
	"math"
	"slices"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

func TestBuildScene(t *testing.T) {
	tests := []struct {
		name      string
		c         *corpus.Corpus
		focus     string
		wantNodes []string
		wantEdges []string
		wantFocus string
	}{
		{
			name:      "full graph draws every pattern and no page",
			c:         testCorpus(),
			wantNodes: []string{"alpha", "beta", "delta", "gamma", "omega"},
			wantEdges: []string{"alpha→beta", "alpha→delta", "beta→delta", "delta→gamma", "delta→omega", "gamma→beta"},
		},
		{
			name:      "local graph of beta has links in both directions",
			c:         testCorpus(),
			focus:     "beta",
			wantNodes: []string{"alpha", "beta", "delta", "gamma"},
			wantEdges: []string{"alpha→beta", "alpha→delta", "beta→delta", "delta→gamma", "gamma→beta"},
			wantFocus: "beta",
		},
		{
			name:      "local graph of gamma drops edges leaving the set",
			c:         testCorpus(),
			focus:     "gamma",
			wantNodes: []string{"beta", "delta", "gamma"},
			wantEdges: []string{"beta→delta", "delta→gamma", "gamma→beta"},
			wantFocus: "gamma",
		},
		{
			name:      "local graph of a pattern with only a backlink",
			c:         testCorpus(),
			focus:     "omega",
			wantNodes: []string{"delta", "omega"},
			wantEdges: []string{"delta→omega"},
			wantFocus: "omega",
		},
		{
			name:  "local graph of a page is empty",
			c:     testCorpus(),
			focus: "glossary",
		},
		{
			name:  "local graph of an unknown slug is empty",
			c:     testCorpus(),
			focus: "nope",
		},
		{
			name: "nil corpus is empty",
		},
		{
			name: "edges out of range are ignored",
			c: &corpus.Corpus{
				Docs:  []corpus.Doc{{Slug: "a", X: 0.1, Y: 0.1}, {Slug: "b", X: 0.9, Y: 0.9}},
				Edges: []corpus.Edge{{From: 0, To: 1}, {From: 0, To: 7}, {From: -1, To: 0}, {From: 1, To: 1}},
			},
			wantNodes: []string{"a", "b"},
			wantEdges: []string{"a→b"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := buildScene(tt.c, selection{focus: tt.focus}, size{}, nil)
			if got := nodeSlugs(s); !slices.Equal(got, tt.wantNodes) {
				t.Errorf("nodes = %v, want %v", got, tt.wantNodes)
			}
			if got := edgePairs(s); !slices.Equal(got, tt.wantEdges) {
				t.Errorf("edges = %v, want %v", got, tt.wantEdges)
			}
			gotFocus := ""
			if s.focus >= 0 {
				gotFocus = s.nodes[s.focus].slug
			}
			if gotFocus != tt.wantFocus {
				t.Errorf("focus = %q, want %q", gotFocus, tt.wantFocus)
			}
			for _, n := range s.nodes {
				if n.x < 0 || n.x > s.width || n.y < 0 || n.y > s.width {
					t.Errorf("node %s at (%v, %v) is outside the world of %v", n.slug, n.x, n.y, s.width)
				}
			}
		})
	}
}

func TestSceneFillsItsBox(t *testing.T) {
	tests := []struct {
		name       string
		focus      string
		box        size
		wantWidth  float64
		wantHeight float64
	}{
		{name: "local graph before it is measured", focus: "beta", wantWidth: defaultLocalHeight * defaultAspect, wantHeight: defaultLocalHeight},
		{name: "full graph before it is measured", wantWidth: defaultFull, wantHeight: defaultFull},
		{name: "local graph in a wide box", focus: "omega", box: size{760, 300}, wantWidth: 760, wantHeight: 300},
		{name: "full graph on a phone", box: size{347, 594}, wantWidth: 347, wantHeight: 594},
		{name: "full graph on a laptop", box: size{1229, 550}, wantWidth: 1229, wantHeight: 550},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := buildScene(testCorpus(), selection{focus: tt.focus}, tt.box, nil)
			if s.width != tt.wantWidth || s.height != tt.wantHeight {
				t.Fatalf("world %v×%v, want %v×%v", s.width, s.height, tt.wantWidth, tt.wantHeight)
			}
			minX, maxX := math.Inf(1), math.Inf(-1)
			minY, maxY := math.Inf(1), math.Inf(-1)
			rMax := 0.0
			for _, n := range s.nodes {
				minX, maxX = math.Min(minX, n.x), math.Max(maxX, n.x)
				minY, maxY = math.Min(minY, n.y), math.Max(maxY, n.y)
				rMax = math.Max(rMax, n.r)
			}
			pad := rMax + edgePad
			near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
			if !near(minX, pad) || !near(maxX, s.width-pad) || !near(minY, pad) || !near(maxY, s.height-pad) {
				t.Errorf("nodes span x [%v, %v] y [%v, %v], want x [%v, %v] y [%v, %v]",
					minX, maxX, minY, maxY, pad, s.width-pad, pad, s.height-pad)
			}
		})
	}
}

func TestSetBox(t *testing.T) {
	tests := []struct {
		name          string
		focus         string
		width, height float64
		wantChanged   bool
		wantBox       size
	}{
		{name: "local graph", focus: "beta", width: 800.4, height: 339.6, wantChanged: true, wantBox: size{800, 340}},
		{name: "full graph", width: 347, height: 594, wantChanged: true, wantBox: size{347, 594}},
		{name: "box without size", focus: "beta", width: 0, height: 340},
		{name: "hidden graph", width: 20, height: 340},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(testCorpus()).Focus(tt.focus)
			if got := g.setBox(tt.width, tt.height); got != tt.wantChanged {
				t.Errorf("changed = %v, want %v", got, tt.wantChanged)
			}
			if g.box != tt.wantBox {
				t.Errorf("box = %v, want %v", g.box, tt.wantBox)
			}
			if g.setBox(tt.width, tt.height) {
				t.Error("the same size changed the box again")
			}
			if tt.wantChanged && (g.scene().width != tt.wantBox.w || g.scene().height != tt.wantBox.h) {
				t.Errorf("scene %v×%v after the box changed", g.scene().width, g.scene().height)
			}
		})
	}
}

func TestSceneEdgesAndDots(t *testing.T) {
	s := buildScene(testCorpus(), selection{}, size{}, nil)
	for j, e := range s.edges {
		a, b := s.nodes[e.from], s.nodes[e.to]
		if e.x1 != a.x || e.y1 != a.y || e.x2 != b.x || e.y2 != b.y {
			t.Errorf("edge %d %s→%s runs (%v,%v)→(%v,%v), want from centre to centre", j, a.slug, b.slug, e.x1, e.y1, e.x2, e.y2)
		}
	}
	// Dots grow with the degree: delta has 4 links, omega 1.
	if d, o := s.nodes[s.index("delta")], s.nodes[s.index("omega")]; !(d.r > o.r) || d.degree != 4 || o.degree != 1 {
		t.Errorf("delta (degree %d) r %v, omega (degree %d) r %v; want the more linked larger", d.degree, d.r, o.degree, o.r)
	}
}

func TestSceneBlocks(t *testing.T) {
	s := buildScene(testCorpus(), selection{}, size{}, nil)
	tests := []struct {
		name      string
		slug      string
		wantClass string
		wantFill  string
	}{
		{name: "first block colours the node", slug: "alpha", wantClass: "block-0", wantFill: Palette()[0].Light},
		{name: "second block", slug: "beta", wantClass: "block-1", wantFill: Palette()[1].Light},
		{name: "only the first of two blocks counts", slug: "delta", wantClass: "block-0", wantFill: Palette()[0].Light},
		{name: "no block", slug: "gamma", wantClass: NoBlockClass, wantFill: noBlockColour},
		{name: "unknown block", slug: "omega", wantClass: NoBlockClass, wantFill: noBlockColour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := s.index(tt.slug)
			if i < 0 {
				t.Fatalf("no node %s", tt.slug)
			}
			n := s.nodes[i]
			if !hasClass(n.class, tt.wantClass) {
				t.Errorf("class %q lacks %q", n.class, tt.wantClass)
			}
			if n.fill != tt.wantFill {
				t.Errorf("fill = %s, want %s", n.fill, tt.wantFill)
			}
		})
	}
	var names []string
	for _, b := range s.blocks {
		names = append(names, b.name)
	}
	// Tools is no pattern's first block, so the legend leaves it out.
	if want := []string{"Social", "Content"}; !slices.Equal(names, want) {
		t.Errorf("legend blocks = %v, want %v", names, want)
	}
}

func TestNeighbourhood(t *testing.T) {
	s := buildScene(testCorpus(), selection{}, size{}, nil)
	tests := []struct {
		name      string
		slug      string
		wantNodes []string
		wantEdges []string
	}{
		{
			name:      "gamma",
			slug:      "gamma",
			wantNodes: []string{"beta", "delta", "gamma"},
			wantEdges: []string{"beta→delta", "delta→gamma", "gamma→beta"},
		},
		{
			name:      "omega",
			slug:      "omega",
			wantNodes: []string{"delta", "omega"},
			wantEdges: []string{"delta→omega"},
		},
		{
			name: "out of range",
			slug: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, edges := s.neighbourhood(s.index(tt.slug))
			var gotNodes, gotEdges []string
			for _, k := range nodes {
				gotNodes = append(gotNodes, s.nodes[k].slug)
			}
			for _, j := range edges {
				e := s.edges[j]
				gotEdges = append(gotEdges, s.nodes[e.from].slug+"→"+s.nodes[e.to].slug)
			}
			if !slices.Equal(gotNodes, tt.wantNodes) {
				t.Errorf("nodes = %v, want %v", gotNodes, tt.wantNodes)
			}
			if !slices.Equal(gotEdges, tt.wantEdges) {
				t.Errorf("edges = %v, want %v", gotEdges, tt.wantEdges)
			}
		})
	}
}

func TestPalette(t *testing.T) {
	p := Palette()
	if len(p) != PaletteSize {
		t.Fatalf("palette has %d colours, want %d", len(p), PaletteSize)
	}
	p[0].Light = "changed"
	if Palette()[0].Light == "changed" {
		t.Error("Palette returns shared state")
	}
	tests := []struct {
		name  string
		index int
		want  string
	}{
		{name: "first", index: 0, want: "block-0"},
		{name: "last", index: 7, want: "block-7"},
		{name: "wraps around", index: 9, want: "block-1"},
		{name: "none", index: -1, want: NoBlockClass},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BlockClass(tt.index); got != tt.want {
				t.Errorf("BlockClass(%d) = %s, want %s", tt.index, got, tt.want)
			}
			if tt.index >= 0 && Palette()[tt.index%PaletteSize].Class != tt.want {
				t.Errorf("Palette()[%d].Class != %s", tt.index%PaletteSize, tt.want)
			}
		})
	}
	if got := BlockIndex(testCorpus(), "Tools"); got != 2 {
		t.Errorf("BlockIndex(Tools) = %d, want 2", got)
	}
	if got := BlockIndex(nil, "Tools"); got != -1 {
		t.Errorf("BlockIndex(nil) = %d, want -1", got)
	}
}

// TestSceneStep: an arrow from a node goes to a neighbour that lies that
// way, or nowhere; from every node of a linked graph some arrow goes
// somewhere.
func TestSceneStep(t *testing.T) {
	s := buildScene(testCorpus(), selection{}, size{}, nil)
	dirs := []struct {
		name   string
		dx, dy float64
	}{{"left", -1, 0}, {"right", 1, 0}, {"up", 0, -1}, {"down", 0, 1}}
	for i := range s.nodes {
		nodes, _ := s.neighbourhood(i)
		moved := false
		for _, d := range dirs {
			j := s.step(i, d.dx, d.dy)
			if j < 0 {
				continue
			}
			moved = true
			if j == i || !slices.Contains(nodes, j) {
				t.Errorf("%s %s goes to %s, not a neighbour", s.nodes[i].slug, d.name, s.nodes[j].slug)
			}
			if along := (s.nodes[j].x-s.nodes[i].x)*d.dx + (s.nodes[j].y-s.nodes[i].y)*d.dy; along <= 0 {
				t.Errorf("%s %s goes to %s, which lies the other way", s.nodes[i].slug, d.name, s.nodes[j].slug)
			}
		}
		if len(nodes) > 1 && !moved {
			t.Errorf("no arrow moves from %s, which has %d neighbours", s.nodes[i].slug, len(nodes)-1)
		}
	}
	if got := s.step(-1, 1, 0); got != -1 {
		t.Errorf("step from no node = %d, want -1", got)
	}
}

// A selection draws the patterns its filter lets through, and around a
// focus only those within its depth, 1 to 3, the focus always.
func TestSceneSelection(t *testing.T) {
	chain := bigCorpus(10) // p100000 → p100001 → … → p100009
	tests := []struct {
		name      string
		c         *corpus.Corpus
		sel       selection
		wantNodes []string
		wantEdges []string
	}{
		{name: "depth 1", c: chain, sel: selection{focus: "p100004", depth: 1},
			wantNodes: []string{"p100003", "p100004", "p100005"}, wantEdges: []string{"p100003→p100004", "p100004→p100005"}},
		{name: "depth below 1 is 1", c: chain, sel: selection{focus: "p100004"},
			wantNodes: []string{"p100003", "p100004", "p100005"}, wantEdges: []string{"p100003→p100004", "p100004→p100005"}},
		{name: "depth 2", c: chain, sel: selection{focus: "p100004", depth: 2},
			wantNodes: []string{"p100002", "p100003", "p100004", "p100005", "p100006"},
			wantEdges: []string{"p100002→p100003", "p100003→p100004", "p100004→p100005", "p100005→p100006"}},
		{name: "depth 3 at an end", c: chain, sel: selection{focus: "p100000", depth: 3},
			wantNodes: []string{"p100000", "p100001", "p100002", "p100003"},
			wantEdges: []string{"p100000→p100001", "p100001→p100002", "p100002→p100003"}},
		{name: "depth beyond 3 is 3", c: chain, sel: selection{focus: "p100009", depth: 9},
			wantNodes: []string{"p100006", "p100007", "p100008", "p100009"},
			wantEdges: []string{"p100006→p100007", "p100007→p100008", "p100008→p100009"}},
		{name: "depth 2 in both directions", c: testCorpus(), sel: selection{focus: "omega", depth: 2},
			wantNodes: []string{"alpha", "beta", "delta", "gamma", "omega"},
			wantEdges: []string{"alpha→beta", "alpha→delta", "beta→delta", "delta→gamma", "delta→omega", "gamma→beta"}},
		{name: "a building block", c: testCorpus(), sel: selection{filter: corpus.Filter{Block: "Social"}},
			wantNodes: []string{"alpha", "delta"}, wantEdges: []string{"alpha→delta"}},
		{name: "a block no pattern has", c: testCorpus(), sel: selection{filter: corpus.Filter{Block: "Nope"}}},
		{name: "a filter around a focus keeps the focus", c: testCorpus(), sel: selection{focus: "gamma", filter: corpus.Filter{Block: "Social"}},
			wantNodes: []string{"delta", "gamma"}, wantEdges: []string{"delta→gamma"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := buildScene(tt.c, tt.sel, size{}, nil)
			if got := nodeSlugs(s); !slices.Equal(got, tt.wantNodes) {
				t.Errorf("nodes = %v, want %v", got, tt.wantNodes)
			}
			if got := edgePairs(s); !slices.Equal(got, tt.wantEdges) {
				t.Errorf("edges = %v, want %v", got, tt.wantEdges)
			}
		})
	}
}

// TestFocusLabelled: in a local graph crowded into a small box, the
// pattern the graph is about is labelled at the default zoom, clear of
// every other dot.
func TestFocusLabelled(t *testing.T) {
	c := bigCorpus(64)
	const focus = 27 // inside the grid, dots on every side
	for i := range c.Docs {
		if i != focus {
			c.Edges = append(c.Edges, corpus.Edge{From: focus, To: int32(i)})
		}
	}
	for _, sz := range []size{{347, 300}, {200, 150}} {
		s := buildScene(c, selection{focus: c.Docs[focus].Slug, depth: 1}, sz, nil)
		f := s.nodes[s.focus]
		if f.label.level != 0 {
			t.Errorf("in a %v×%v box the focus's label shows from level %d, want 0", sz.w, sz.h, f.label.level)
			continue
		}
		w, h := estimateWidth(f.title)+2, labelHeight*labelPx
		var b box
		for k := range numSpots {
			if sb, tx, ty, anchor := spot(k, f.r, w, h); tx == f.label.x && ty == f.label.y && anchor == f.label.anchor {
				b = sb
			}
		}
		for i, nd := range s.nodes {
			cx, cy := math.Max(f.x+b.x0, math.Min(nd.x, f.x+b.x1)), math.Max(f.y+b.y0, math.Min(nd.y, f.y+b.y1))
			if i != s.focus && math.Hypot(cx-nd.x, cy-nd.y) < nd.r {
				t.Errorf("in a %v×%v box the focus's label lies on the dot of %s", sz.w, sz.h, nd.slug)
			}
		}
	}
}
