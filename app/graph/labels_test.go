package graph

import (
	"math"
	"strings"
	"testing"
)

// labelBox returns node i's label box in world units at a zoom.
func labelBox(s *scene, i int, zoom float64) box {
	n := s.nodes[i]
	var b box
	w := estimateWidth(n.title) + 2
	h := labelHeight * labelPx
	for k := range numSpots {
		sb, tx, ty, anchor := spot(k, n.r, w, h)
		if tx == n.label.x && ty == n.label.y && anchor == n.label.anchor {
			b = sb
			break
		}
	}
	return box{n.x + b.x0/zoom, n.y + b.y0/zoom, n.x + b.x1/zoom, n.y + b.y1/zoom}
}

func TestPlaceLabels(t *testing.T) {
	tests := []struct {
		name      string
		s         *scene
		wantAllAt int // every label is placed by this level, or -1
	}{
		{name: "small graph, wide box", s: buildScene(testCorpus(), selection{}, size{1200, 600}, nil), wantAllAt: 0},
		{name: "local graph", s: buildScene(testCorpus(), selection{focus: "delta"}, size{760, 300}, nil), wantAllAt: 0},
		{name: "1000 nodes on a phone", s: buildScene(bigCorpus(1000), selection{}, size{347, 594}, nil), wantAllAt: -1},
		{name: "1000 nodes on a laptop", s: buildScene(bigCorpus(1000), selection{}, size{1229, 550}, nil), wantAllAt: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.s
			prev := -1
			for l := range labelLevels {
				zoom := math.Pow(levelStep, float64(l))
				var shown []int
				for i, n := range s.nodes {
					if n.label.level <= l {
						shown = append(shown, i)
					}
				}
				if len(shown) < prev {
					t.Errorf("level %d shows %d labels, fewer than the level before (%d)", l, len(shown), prev)
				}
				prev = len(shown)
				for p, i := range shown {
					a := labelBox(s, i, zoom)
					if a.x0 < 0 || a.y0 < 0 || a.x1 > s.width || a.y1 > s.height {
						t.Errorf("level %d: label %q %+v leaves the %v×%v world", l, s.nodes[i].title, a, s.width, s.height)
					}
					for _, j := range shown[p+1:] {
						b := labelBox(s, j, zoom)
						if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
							t.Errorf("level %d: labels %q and %q overlap", l, s.nodes[i].title, s.nodes[j].title)
						}
					}
					for k, d := range s.nodes {
						if k == i {
							continue
						}
						cx, cy := math.Max(a.x0, math.Min(d.x, a.x1)), math.Max(a.y0, math.Min(d.y, a.y1))
						if math.Hypot(cx-d.x, cy-d.y) < d.r/zoom {
							t.Errorf("level %d: label %q lies on the dot of %q", l, s.nodes[i].title, d.title)
						}
					}
				}
				if tt.wantAllAt >= 0 && l >= tt.wantAllAt && len(shown) != len(s.nodes) {
					t.Errorf("level %d shows %d of %d labels, want all", l, len(shown), len(s.nodes))
				}
			}
			zero := 0
			for _, n := range s.nodes {
				if n.label.level == 0 {
					zero++
				}
			}
			if zero == 0 {
				t.Error("no label at the default zoom")
			}
			if tt.wantAllAt < 0 && prev <= zero {
				t.Errorf("zooming in shows no more labels than the %d of the default zoom", zero)
			}
		})
	}
}

func TestLevel(t *testing.T) {
	tests := []struct {
		name string
		zoom float64
		want int
	}{
		{name: "default", zoom: 1, want: 0},
		{name: "zoomed out", zoom: 0.5, want: 0},
		{name: "just below the first step", zoom: 1.49, want: 0},
		{name: "one press of +", zoom: buttonZoom, want: 1},
		{name: "three presses", zoom: buttonZoom * buttonZoom * buttonZoom, want: 3},
		{name: "past the last level", zoom: 1000, want: labelLevels - 1},
		{name: "NaN", zoom: math.NaN(), want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := level(tt.zoom); got != tt.want {
				t.Errorf("level(%v) = %d, want %d", tt.zoom, got, tt.want)
			}
		})
	}
}

func TestMarkCSS(t *testing.T) {
	tests := []struct {
		name       string
		zoom       float64
		wantScale  string
		wantHidden []string
		wantShown  []string
	}{
		{name: "default zoom", zoom: 1, wantScale: "scale(1)", wantHidden: []string{".lz-1", ".lz-7", ".lz-none"}, wantShown: []string{".lz-0"}},
		{name: "zoomed in twice", zoom: 2.25, wantScale: "scale(0.4444)", wantHidden: []string{".lz-3", ".lz-none"}, wantShown: []string{".lz-0", ".lz-1", ".lz-2"}},
		{name: "fully zoomed", zoom: baseMaxZoom, wantScale: "scale(0.05)", wantHidden: []string{".lz-none"}, wantShown: []string{".lz-7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			css := markCSS("g", tt.zoom)
			if !strings.Contains(css, "#g .graph-mark{transform:"+tt.wantScale+"}") {
				t.Errorf("no mark %s in %s", tt.wantScale, css)
			}
			hidden := css[strings.Index(css, ":is("):]
			for _, c := range tt.wantHidden {
				if !strings.Contains(hidden, c+",") && !strings.Contains(hidden, c+")") {
					t.Errorf("%s is not hidden: %s", c, hidden)
				}
			}
			for _, c := range tt.wantShown {
				if strings.Contains(hidden, c+",") || strings.Contains(hidden, c+")") {
					t.Errorf("%s is hidden: %s", c, hidden)
				}
			}
		})
	}
}
