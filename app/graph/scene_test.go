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
			s := buildScene(tt.c, tt.focus, 0, "")
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

func TestSceneLocalFillsWorld(t *testing.T) {
	tests := []struct {
		name       string
		focus      string
		aspect     float64
		wantWidth  float64
		wantHeight float64
	}{
		{name: "beta with the default aspect", focus: "beta", wantWidth: localHeight * defaultAspect, wantHeight: localHeight},
		{name: "gamma in a square", focus: "gamma", aspect: 1, wantWidth: localHeight, wantHeight: localHeight},
		{name: "omega wide", focus: "omega", aspect: 3, wantWidth: 3 * localHeight, wantHeight: localHeight},
		{name: "full graph ignores the aspect", aspect: 3, wantWidth: fullWorld, wantHeight: fullWorld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := buildScene(testCorpus(), tt.focus, tt.aspect, "")
			if s.width != tt.wantWidth || s.height != tt.wantHeight {
				t.Fatalf("world %v×%v, want %v×%v", s.width, s.height, tt.wantWidth, tt.wantHeight)
			}
			if tt.focus == "" {
				return
			}
			minX, maxX := math.Inf(1), math.Inf(-1)
			minY, maxY := math.Inf(1), math.Inf(-1)
			for _, n := range s.nodes {
				minX, maxX = math.Min(minX, n.x), math.Max(maxX, n.x)
				minY, maxY = math.Min(minY, n.y), math.Max(maxY, n.y)
			}
			px, py := localPadX*s.height, localPadY*s.height
			near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
			if !near(minX, px) || !near(maxX, s.width-px) || !near(minY, py) || !near(maxY, s.height-py) {
				t.Errorf("local nodes span x [%v, %v] y [%v, %v], want x [%v, %v] y [%v, %v]",
					minX, maxX, minY, maxY, px, s.width-px, py, s.height-py)
			}
		})
	}
}

func TestSetAspect(t *testing.T) {
	tests := []struct {
		name          string
		focus         string
		width, height float64
		wantChanged   bool
		wantAspect    float64
	}{
		{name: "wide box", focus: "beta", width: 800, height: 340, wantChanged: true, wantAspect: 2.25},
		{name: "very wide box is capped", focus: "beta", width: 3000, height: 300, wantChanged: true, wantAspect: maxAspect},
		{name: "narrow box is capped", focus: "beta", width: 200, height: 400, wantChanged: true, wantAspect: minAspect},
		{name: "box without size", focus: "beta", width: 0, height: 340},
		{name: "full graph keeps its square", width: 800, height: 340},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(testCorpus()).Focus(tt.focus)
			if got := g.setAspect(tt.width, tt.height); got != tt.wantChanged {
				t.Errorf("changed = %v, want %v", got, tt.wantChanged)
			}
			if g.aspect != tt.wantAspect {
				t.Errorf("aspect = %v, want %v", g.aspect, tt.wantAspect)
			}
			if g.setAspect(tt.width, tt.height) {
				t.Error("the same size changed the aspect again")
			}
			if tt.wantChanged && g.scene().width != localHeight*tt.wantAspect {
				t.Errorf("scene width %v after the aspect changed", g.scene().width)
			}
		})
	}
}

func TestSceneEdgesAreShortenedAndDirected(t *testing.T) {
	s := buildScene(testCorpus(), "", 0, "")
	for j, e := range s.edges {
		a, b := s.nodes[e.from], s.nodes[e.to]
		start := math.Hypot(e.x1-a.x, e.y1-a.y)
		end := math.Hypot(e.x2-b.x, e.y2-b.y)
		if math.Abs(start-s.radius) > 1e-6 {
			t.Errorf("edge %d starts %v from its source's centre, want the radius %v", j, start, s.radius)
		}
		if math.Abs(end-(s.radius+arrowGap)) > 1e-6 {
			t.Errorf("edge %d ends %v from its target's centre, want %v", j, end, s.radius+arrowGap)
		}
		// The line points from the source to the target.
		dot := (e.x2-e.x1)*(b.x-a.x) + (e.y2-e.y1)*(b.y-a.y)
		if dot <= 0 {
			t.Errorf("edge %d %s→%s points backwards", j, a.slug, b.slug)
		}
	}
}

func TestSceneBlocks(t *testing.T) {
	s := buildScene(testCorpus(), "", 0, "")
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
	s := buildScene(testCorpus(), "", 0, "")
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
