package graph

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// skipWithoutDOM skips tests that mount components when running as WASM
// outside a browser (under Node there is no document).
func skipWithoutDOM(t *testing.T) {
	t.Helper()
	if app.IsClient && !app.Window().Get("document").Truthy() {
		t.Skip("no DOM: mounting needs a browser")
	}
}

func TestRenderNodes(t *testing.T) {
	tests := []struct {
		name       string
		g          *Graph
		wantSlugs  []string
		wantLabels []string
		current    string
	}{
		{
			name:       "full graph",
			g:          New(testCorpus()),
			wantSlugs:  []string{"alpha", "beta", "delta", "gamma", "omega"},
			wantLabels: []string{"Alpha", "Beta", "Delta", "Gamma", "Omega"},
		},
		{
			name:       "local graph with the focus current",
			g:          New(testCorpus()).Focus("gamma").Current("gamma"),
			wantSlugs:  []string{"beta", "delta", "gamma"},
			wantLabels: []string{"Beta", "Delta", "Gamma"},
			current:    "gamma",
		},
		{
			name:       "current pattern in the full graph",
			g:          New(testCorpus()).Current("delta"),
			wantSlugs:  []string{"alpha", "beta", "delta", "gamma", "omega"},
			wantLabels: []string{"Alpha", "Beta", "Delta", "Gamma", "Omega"},
			current:    "delta",
		},
		{
			name: "focus on a page draws nothing",
			g:    New(testCorpus()).Focus("glossary"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := app.HTMLString(tt.g)
			links := elements(t, html, "a", "graph-node")
			var slugs, labels []string
			stops := 0
			for _, a := range links {
				href := a.attrs["href"]
				slug := strings.TrimPrefix(href, "/patterns/")
				slugs = append(slugs, slug)
				labels = append(labels, a.attrs["aria-label"])
				if a.attrs["tabindex"] == "0" {
					stops++
				} else if a.attrs["tabindex"] != "-1" {
					t.Errorf("node %s: tabindex = %q, want 0 or -1", slug, a.attrs["tabindex"])
				}
				isCurrent := hasClass(a.attrs["class"], "is-current")
				if want := slug == tt.current; isCurrent != want {
					t.Errorf("node %s: is-current = %v, want %v", slug, isCurrent, want)
				}
				if isCurrent && a.attrs["aria-current"] != "page" {
					t.Errorf("node %s: aria-current = %q, want page", slug, a.attrs["aria-current"])
				}
			}
			if want := min(len(links), 1); stops != want {
				t.Errorf("%d nodes are Tab stops, want %d (a roving tabindex)", stops, want)
			}
			if !slices.Equal(slugs, tt.wantSlugs) {
				t.Errorf("node hrefs = %v, want %v", slugs, tt.wantSlugs)
			}
			if !slices.Equal(labels, tt.wantLabels) {
				t.Errorf("aria-labels = %v, want %v", labels, tt.wantLabels)
			}
			var texts []string
			for _, e := range elements(t, html, "text", "graph-label") {
				texts = append(texts, e.text)
			}
			if !slices.Equal(texts, tt.wantLabels) {
				t.Errorf("labels = %v, want %v", texts, tt.wantLabels)
			}
			if n := len(elements(t, html, "circle", "graph-dot")); n != len(tt.wantSlugs)+len(buildScene(tt.g.Data, tt.g.selection(), size{}, nil).blocks) {
				t.Errorf("%d circles, want one per node and one per legend entry", n)
			}
			if strings.Contains(html, "glossary") || strings.Contains(html, "Glossary") {
				t.Error("the page is drawn")
			}
		})
	}
}

// Node links are on the corpus's site, under its prefix.
func TestSitePrefix(t *testing.T) {
	tests := []struct {
		name   string
		prefix string
		want   string
	}{
		{name: "at the root", prefix: "", want: "/patterns/alpha"},
		{name: "under a sub-path", prefix: "/explorer", want: "/explorer/patterns/alpha"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testCorpus()
			c.Site.Prefix = tt.prefix
			links := elements(t, app.HTMLString(New(c)), "a", "graph-node")
			if len(links) == 0 || links[0].attrs["href"] != tt.want {
				t.Errorf("first node links to %v, want %s", links, tt.want)
			}
		})
	}
}

func TestRenderSVG(t *testing.T) {
	tests := []struct {
		name      string
		g         *Graph
		wantID    string
		wantTitle string
		wantWrap  string
	}{
		{name: "full", g: New(testCorpus()), wantID: "graph", wantTitle: "Pattern graph", wantWrap: "graph-full"},
		{name: "local", g: New(testCorpus()).Focus("beta"), wantID: "graph-local", wantTitle: "Patterns linked with Beta", wantWrap: "graph-local"},
		{name: "custom id and title", g: New(testCorpus()).ID("g2").Title("Links"), wantID: "g2", wantTitle: "Links", wantWrap: "graph-full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := app.HTMLString(tt.g)
			svgs := elements(t, html, "svg", "graph-svg")
			if len(svgs) != 1 {
				t.Fatalf("%d graph svgs, want 1", len(svgs))
			}
			svg := svgs[0]
			if svg.attrs["id"] != tt.wantID {
				t.Errorf("id = %q, want %q", svg.attrs["id"], tt.wantID)
			}
			if svg.attrs["viewBox"] == "" {
				t.Error("no viewBox")
			}
			if svg.attrs["aria-labelledby"] != tt.wantID+"-title" {
				t.Errorf("aria-labelledby = %q", svg.attrs["aria-labelledby"])
			}
			if _, ok := svg.attrs["role"]; ok {
				t.Error("the svg has a role, which would hide its links")
			}
			titles := elements(t, html, "title", "")
			if len(titles) != 1 || titles[0].text != tt.wantTitle || titles[0].attrs["id"] != tt.wantID+"-title" {
				t.Errorf("titles = %+v, want one %q", titles, tt.wantTitle)
			}
			markers := elements(t, html, "marker", "")
			if len(markers) != 1 || markers[0].attrs["id"] != tt.wantID+"-arrow" {
				t.Errorf("markers = %+v, want one with id %s-arrow", markers, tt.wantID)
			}
			groups := elements(t, html, "g", "graph-edges")
			if len(groups) != 1 || groups[0].attrs["marker-mid"] != "url(#"+tt.wantID+"-arrow)" {
				t.Errorf("edge groups = %+v, want the marker on them", groups)
			}
			if len(elements(t, html, "div", tt.wantWrap)) != 1 {
				t.Errorf("no wrapper with class %s", tt.wantWrap)
			}
			for _, b := range []string{"graph-zoom-in", "graph-zoom-out", "graph-zoom-reset"} {
				btn := elements(t, html, "button", b)
				if len(btn) != 1 || btn[0].attrs["type"] != "button" || btn[0].attrs["aria-label"] == "" {
					t.Errorf("button %s = %+v", b, btn)
				}
			}
		})
	}
}

// TestRenderEdges checks that the edges are drawn as one path, whatever
// their number, so that the graph's HTML and DOM grow by a few bytes an
// edge rather than an element: each edge is a subpath from the source's
// centre to the target's through the midpoint, where marker-mid draws the
// arrow (the markers at the subpaths' ends lie under the dots).
func TestRenderEdges(t *testing.T) {
	g := New(testCorpus())
	html := app.HTMLString(g)
	paths := elements(t, html, "path", "graph-edge")
	s := g.scene()
	if len(paths) != 1 {
		t.Fatalf("%d edge paths, want 1", len(paths))
	}
	if n := len(elements(t, html, "polyline", "")); n != 0 {
		t.Errorf("%d polylines besides the path", n)
	}
	subpaths := strings.Split(strings.TrimPrefix(paths[0].attrs["d"], "M"), "M")
	if len(subpaths) != len(s.edges) {
		t.Fatalf("%d subpaths, want one for each of %d edges", len(subpaths), len(s.edges))
	}
	for j, sub := range subpaths {
		e := s.edges[j]
		want := fmtNum(e.x1) + " " + fmtNum(e.y1) + "L" + fmtNum((e.x1+e.x2)/2) + " " + fmtNum((e.y1+e.y2)/2) + "L" + fmtNum(e.x2) + " " + fmtNum(e.y2)
		if sub != want {
			t.Errorf("edge %d: subpath %q, want %q", j, sub, want)
		}
	}
}

func TestRenderLegend(t *testing.T) {
	tests := []struct {
		name string
		g    *Graph
		want []string
	}{
		{name: "blocks used as first block", g: New(testCorpus()), want: []string{"Social", "Content"}},
		{name: "local graph lists its own blocks", g: New(testCorpus()).Focus("omega"), want: []string{"Social"}},
		{name: "hidden", g: New(testCorpus()).Legend(false)},
		{name: "shown again", g: New(testCorpus()).Legend(false).Legend(true), want: []string{"Social", "Content"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := app.HTMLString(tt.g)
			var got []string
			for _, e := range elements(t, html, "span", "graph-legend-name") {
				if !strings.HasPrefix(e.text, "link ") { // the kinds of link: TestEdgesByKind
					got = append(got, e.text)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("legend = %v, want %v", got, tt.want)
			}
			var items []element
			for _, li := range elements(t, html, "li", "graph-legend-item") {
				if !hasClass(li.attrs["class"], "graph-legend-link") {
					items = append(items, li)
				}
			}
			for k, li := range items {
				want := BlockClass(BlockIndex(tt.g.Data, tt.want[k]))
				if !hasClass(li.attrs["class"], want) {
					t.Errorf("legend item %d class %q lacks %s", k, li.attrs["class"], want)
				}
			}
		})
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		name      string
		hover     string
		focused   string
		wantLit   []string
		wantEdges int
	}{
		{name: "nothing highlighted"},
		{name: "hover gamma", hover: "gamma", wantLit: []string{"beta", "delta", "gamma"}, wantEdges: 3},
		{name: "focus omega", focused: "omega", wantLit: []string{"delta", "omega"}, wantEdges: 1},
		{name: "hover wins over focus", hover: "omega", focused: "gamma", wantLit: []string{"delta", "omega"}, wantEdges: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(testCorpus())
			s := g.scene()
			g.setHover(s.index(tt.hover))
			g.setFocused(s.index(tt.focused))
			html := app.HTMLString(g)
			svg := elements(t, html, "svg", "graph-svg")[0]
			copies := elements(t, html, "g", "graph-copy")
			litEdges := 0
			inLit := false
			for _, line := range strings.Split(html, "\n") {
				if strings.Contains(line, `class="graph-lit-edges"`) {
					inLit = true
				}
				if strings.Contains(line, `class="graph-lit-nodes"`) {
					inLit = false
				}
				if inLit && strings.Contains(line, "<polyline") {
					litEdges++
				}
			}
			if tt.wantLit == nil {
				if hasClass(svg.attrs["class"], "is-lit") || len(copies) > 0 || litEdges > 0 {
					t.Errorf("highlight without a lit node: class %q, %d copies, %d edges", svg.attrs["class"], len(copies), litEdges)
				}
				return
			}
			if !hasClass(svg.attrs["class"], "is-lit") {
				t.Errorf("svg class %q lacks is-lit", svg.attrs["class"])
			}
			lit := s.index(tt.hover)
			hub := "is-hover"
			if lit < 0 {
				lit, hub = s.index(tt.focused), "is-focus"
			}
			var got []string
			for _, c := range copies {
				k, _ := strconv.Atoi(c.attrs["data-i"])
				got = append(got, s.nodes[k].slug)
				if k == lit {
					// No label level: the lit node's label shows at any zoom.
					if !hasClass(c.attrs["class"], hub) || strings.Contains(c.attrs["class"], "graph-l-") {
						t.Errorf("the lit node's copy has class %q, want %s and no level", c.attrs["class"], hub)
					}
				} else if !hasClass(c.attrs["class"], levelClass(s.nodes[k].label.level)) {
					t.Errorf("a neighbour's copy has class %q, want its level", c.attrs["class"])
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.wantLit) {
				t.Errorf("copies of %v, want %v", got, tt.wantLit)
			}
			if litEdges != tt.wantEdges {
				t.Errorf("%d edges lit, want %d", litEdges, tt.wantEdges)
			}
		})
	}
}

func TestDragAndPinch(t *testing.T) {
	r := rect{0, 0, 500, 500} // 0.5 px per unit of the 1000 world
	tests := []struct {
		name       string
		run        func(g *Graph)
		wantView   viewBox
		wantDrag   bool
		wantNoClic bool
	}{
		{
			name: "a small move is not a drag",
			run: func(g *Graph) {
				g.press(1, 100, 100)
				g.move(1, 102, 101, r)
			},
			wantView: square(1000),
		},
		{
			name: "a drag pans",
			run: func(g *Graph) {
				g.press(1, 100, 100)
				g.move(1, 110, 100, r)
				g.move(1, 150, 80, r)
			},
			// 50px right and 20px up, at 0.5 px per unit.
			wantView: viewBox{-100, 40, 1000, 1000},
			wantDrag: true,
		},
		{
			name: "releasing a drag swallows its click",
			run: func(g *Graph) {
				g.press(1, 100, 100)
				g.move(1, 150, 100, r)
				g.release(1)
			},
			wantView:   viewBox{-100, 0, 1000, 1000},
			wantNoClic: true,
		},
		{
			name: "the next press allows clicks again",
			run: func(g *Graph) {
				g.press(1, 100, 100)
				g.move(1, 150, 100, r)
				g.release(1)
				g.press(2, 10, 10)
			},
			wantView: viewBox{-100, 0, 1000, 1000},
			wantDrag: false,
		},
		{
			name: "pinch apart zooms in around the midpoint",
			run: func(g *Graph) {
				g.press(1, 200, 250)
				g.press(2, 300, 250)
				g.move(2, 400, 250, r)
				g.move(1, 100, 250, r)
			},
			// Fingers went from 100px to 300px apart around (250, 250):
			// three times closer, centred on the world's middle.
			wantView: viewBox{500 - 500.0/3, 500 - 500.0/3, 1000.0 / 3, 1000.0 / 3},
			wantDrag: true,
		},
		{
			name: "an unknown pointer is ignored",
			run: func(g *Graph) {
				g.move(9, 400, 400, r)
			},
			wantView: square(1000),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(testCorpus())
			g.scene()
			tt.run(g)
			v := g.view
			if !near(v.x, tt.wantView.x) || !near(v.y, tt.wantView.y) || !near(v.w, tt.wantView.w) || !near(v.h, tt.wantView.h) {
				t.Errorf("view = %+v, want %+v", v, tt.wantView)
			}
			if g.dragging != tt.wantDrag {
				t.Errorf("dragging = %v, want %v", g.dragging, tt.wantDrag)
			}
			if g.noClick != tt.wantNoClic {
				t.Errorf("noClick = %v, want %v", g.noClick, tt.wantNoClic)
			}
		})
	}
}

func TestKeysAndButtons(t *testing.T) {
	tests := []struct {
		name     string
		keys     []string
		wantUsed bool
		wantView viewBox
	}{
		{name: "plus zooms in", keys: []string{"+"}, wantUsed: true, wantView: viewBox{500 - 500/buttonZoom, 500 - 500/buttonZoom, 1000 / buttonZoom, 1000 / buttonZoom}},
		{name: "minus after plus restores", keys: []string{"+", "-"}, wantUsed: true, wantView: square(1000)},
		{name: "zero resets", keys: []string{"+", "ArrowLeft", "0"}, wantUsed: true, wantView: square(1000)},
		{name: "arrow pans a tenth", keys: []string{"ArrowDown"}, wantUsed: true, wantView: viewBox{0, 100, 1000, 1000}},
		{name: "other keys are left alone", keys: []string{"a"}, wantView: square(1000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(testCorpus())
			used := false
			for _, k := range tt.keys {
				used = g.key(k)
			}
			if used != tt.wantUsed {
				t.Errorf("used = %v, want %v", used, tt.wantUsed)
			}
			v := g.view
			if !near(v.x, tt.wantView.x) || !near(v.y, tt.wantView.y) || !near(v.w, tt.wantView.w) {
				t.Errorf("view = %+v, want %+v", v, tt.wantView)
			}
		})
	}
}

func TestWheelZoomsAroundPointer(t *testing.T) {
	g := New(testCorpus())
	r := rect{0, 0, 500, 500}
	if !g.wheel(r, 100, 400, -200, 0) {
		t.Fatal("wheel did not change the view")
	}
	// The world point under the pointer, (200, 800), stays under it.
	x, y, _ := g.view.toWorld(r, 100, 400)
	if !near(x, 200) || !near(y, 800) {
		t.Errorf("point under the pointer moved to (%v, %v)", x, y)
	}
	if g.view.w >= 1000 {
		t.Errorf("wheel up did not zoom in: %+v", g.view)
	}
}

func TestNewSceneResetsState(t *testing.T) {
	g := New(testCorpus()).Focus("beta")
	g.scene()
	g.zoomBy(2)
	g.setHover(1)
	g.Focus("gamma")
	s := g.scene()
	if g.view != fullView(s) || g.hover != -1 {
		t.Errorf("after a new focus: view %+v, hover %d", g.view, g.hover)
	}
}

// TestUpdateKeepsLayers mounts a graph in go-app's test engine and checks
// that re-rendering it for a pan, a zoom or a hover does not render the
// node and edge layers again, while a new current pattern re-renders the
// nodes only.
func TestUpdateKeepsLayers(t *testing.T) {
	skipWithoutDOM(t)
	c := bigCorpus(1000)
	e := app.NewTestEngine()
	g := New(c)
	if err := e.Load(g); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	if g.stats.nodes != 1 || g.stats.edges != 1 {
		t.Fatalf("after mount: %d node renders, %d edge renders, want 1 and 1", g.stats.nodes, g.stats.edges)
	}

	steps := []struct {
		name      string
		change    func()
		next      *Graph // what the parent renders next
		wantNodes int
		wantEdges int
		wantInSVG string
	}{
		{
			name:      "zoom and pan",
			change:    func() { g.zoomBy(2); g.view = g.view.pan(10, 20); g.commit() },
			next:      New(c).Title("a"),
			wantNodes: 1, wantEdges: 1,
			wantInSVG: `viewBox="260 270 500 500"`,
		},
		{
			name:      "hover",
			change:    func() { g.setHover(10) },
			next:      New(c).Title("b"),
			wantNodes: 1, wantEdges: 1,
			wantInSVG: "is-lit",
		},
		{
			name:      "a parent re-render with the same properties",
			change:    func() {},
			next:      New(c).Title("b"),
			wantNodes: 1, wantEdges: 1,
			wantInSVG: "is-lit",
		},
		{
			name:      "a new current pattern",
			change:    func() {},
			next:      New(c).Title("b").Current(c.Docs[3].Slug),
			wantNodes: 2, wantEdges: 1,
			wantInSVG: `viewBox="260 270 500 500"`,
		},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.change()
			if err := e.Load(st.next); err != nil {
				t.Fatal(err)
			}
			e.ConsumeAll()
			if g.stats.nodes != st.wantNodes || g.stats.edges != st.wantEdges {
				t.Errorf("%d node renders, %d edge renders, want %d and %d",
					g.stats.nodes, g.stats.edges, st.wantNodes, st.wantEdges)
			}
			html := app.HTMLString(g)
			if !strings.Contains(html, st.wantInSVG) {
				t.Errorf("rendered graph lacks %s", st.wantInSVG)
			}
			if n := len(elements(t, html, "a", "graph-node")); n != 1000 {
				t.Errorf("%d nodes in the mounted tree, want 1000", n)
			}
		})
	}
}

// TestMatchStructure checks the mounted tree with go-app's matcher: the
// component's root, the SVG in the SVG namespace, and a node link.
func TestMatchStructure(t *testing.T) {
	skipWithoutDOM(t)
	e := app.NewTestEngine()
	g := New(testCorpus()).Current("beta")
	if err := e.Load(g); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	// Under Node (GOOS=js) the graph measures its box once mounted;
	// natively it has none, as on the server.
	svgClass := "graph-svg"
	if g.box == (size{}) {
		svgClass += " is-unmeasured"
	}
	tests := []struct {
		name     string
		path     []int
		expected app.UI
	}{
		{name: "root", path: []int{0}, expected: app.Div().Class("graph")},
		{name: "wrapper", path: []int{0, 0}, expected: app.Div().Class("graph-wrap graph-full").On("wheel", func(app.Context, app.Event) {})},
		{
			name: "svg",
			path: []int{0, 0, 0},
			expected: func() app.UI {
				e := svgElem("svg").
					ID("graph").
					Class(svgClass).
					Attr("viewBox", "0 0 1000 1000").
					DataSet("box", "1000x1000").
					Attr("preserveAspectRatio", "xMidYMid meet").
					Aria("labelledby", "graph-title").
					TabIndex(0)
				for _, ev := range []string{"pointerdown", "pointermove", "pointerup", "pointercancel",
					"dragstart", "click", "keydown", "mouseover", "mouseleave", "focusin", "focusout"} {
					e = e.On(ev, func(app.Context, app.Event) {})
				}
				return e
			}(),
		},
		{name: "title", path: []int{0, 0, 0, 0}, expected: svgElem("title").ID("graph-title")},
		{name: "title text", path: []int{0, 0, 0, 0, 0}, expected: app.Text("Pattern graph")},
		{name: "edge layer", path: []int{0, 0, 0, 2}, expected: &edgeLayer{Scene: g.sc, Marker: "url(#graph-arrow)"}},
		{name: "node layer", path: []int{0, 0, 0, 3}, expected: &nodeLayer{Scene: g.sc, Current: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := app.TestMatch(g, app.TestUIDescriptor{Path: tt.path, Expected: tt.expected}); err != nil {
				t.Error(err)
			}
		})
	}
	// The node layer is one piece of markup (Render): its second node, the
	// current pattern, with its roving Tab stop and its label.
	nodes := elements(t, app.HTMLString(&nodeLayer{Scene: g.sc, Current: 1}), "a", "graph-node")
	if len(nodes) != len(g.sc.nodes) {
		t.Fatalf("%d node links, want %d", len(nodes), len(g.sc.nodes))
	}
	want := map[string]string{
		"class":        "graph-node graph-n-1 block-1 " + levelClass(g.sc.nodes[1].label.level) + " is-current",
		"href":         "/patterns/beta",
		"transform":    "translate(" + fmtNum(g.sc.nodes[1].x) + " " + fmtNum(g.sc.nodes[1].y) + ")",
		"tabindex":     "0",
		"aria-label":   "Beta",
		"aria-current": "page",
		"data-i":       "1",
	}
	for k, v := range want {
		if got := nodes[1].attrs[k]; got != v {
			t.Errorf("second node: %s=%q, want %q", k, got, v)
		}
	}
	if labels := elements(t, app.HTMLString(&nodeLayer{Scene: g.sc, Current: 1}), "text", "graph-label"); len(labels) < 2 || !strings.HasPrefix(labels[1].text, "Beta") {
		t.Errorf("second label: %v", labels)
	}
}

func TestSVGNamespace(t *testing.T) {
	tests := []struct {
		name string
		tag  string
	}{
		{name: "svg", tag: "svg"},
		{name: "a", tag: "a"},
		{name: "circle", tag: "circle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := svgElem(tt.tag)
			if e.XMLNamespace() != svgNS || e.Tag() != tt.tag || e.SelfClosing() {
				t.Errorf("svgElem(%q) = %s in %q, self-closing %v", tt.tag, e.Tag(), e.XMLNamespace(), e.SelfClosing())
			}
		})
	}
}

// BenchmarkNodeLayer1000 renders the node layer of 1,000 nodes: the work a
// pan would cost if the nodes were not a component of their own.
func BenchmarkNodeLayer1000(b *testing.B) {
	s := buildScene(bigCorpus(1000), selection{}, size{}, nil)
	b.ReportAllocs()
	for b.Loop() {
		l := &nodeLayer{Scene: s, Current: -1}
		l.Render()
	}
}

// BenchmarkPan1000 re-renders a mounted graph of 1,000 nodes after a pan,
// as a pointer move does: the layers are skipped.
func BenchmarkPan1000(b *testing.B) {
	c := bigCorpus(1000)
	e := app.NewTestEngine()
	g := New(c)
	if err := e.Load(g); err != nil {
		b.Fatal(err)
	}
	e.ConsumeAll()
	next := []*Graph{New(c).Title("a"), New(c).Title("b")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g.view = g.view.pan(1, 1)
		i++
		if err := e.Load(next[i%2]); err != nil {
			b.Fatal(err)
		}
		e.ConsumeAll()
	}
	if g.stats.nodes != 1 {
		b.Fatalf("node layer rendered %d times", g.stats.nodes)
	}
}

// BenchmarkHover1000 draws the lit neighbourhood of a node of a
// 1,000-node graph.
func BenchmarkHover1000(b *testing.B) {
	s := buildScene(bigCorpus(1000), selection{}, size{}, nil)
	l := &litLayer{Scene: s, Lit: 500, Hub: "is-hover", Current: -1}
	b.ReportAllocs()
	for b.Loop() {
		l.Render()
	}
}

// TestGestureDrawsOnce checks that a drag and a run of wheel events move
// only the live view, which a transform shows, and that the view is drawn
// (the viewBox changes) once, when the gesture ends.
func TestGestureDrawsOnce(t *testing.T) {
	g := New(testCorpus())
	g.setBox(1000, 1000)
	g.scene()
	full := g.drawn
	r := rect{0, 0, 1000, 1000}

	g.press(1, 100, 100)
	for x := 110.0; x <= 200; x += 10 {
		g.move(1, x, 100, r)
	}
	if g.drawn != full {
		t.Errorf("drawn %+v during the drag, want %+v", g.drawn, full)
	}
	if _, tr := g.shown(); tr == "" {
		t.Error("no transform during the drag")
	}
	if !g.release(1) {
		t.Fatal("the release did not end the drag")
	}
	if g.drawn != g.view || g.view != (viewBox{-100, 0, 1000, 1000}) {
		t.Errorf("after the drag: drawn %+v, view %+v, want both -100 0 1000 1000", g.drawn, g.view)
	}
	if _, tr := g.shown(); tr != "" {
		t.Errorf("transform %q after the drag", tr)
	}

	before := g.drawn
	for range 3 {
		g.wheel(r, 500, 500, -100, 0)
		g.wheels++
	}
	if g.drawn != before {
		t.Errorf("drawn %+v during the wheel, want %+v", g.drawn, before)
	}
	if g.settle(g.wheels - 1) {
		t.Error("the timer of an earlier wheel event drew the view")
	}
	g.press(2, 10, 10)
	if g.settle(g.wheels) {
		t.Error("the wheel's timer drew the view while a pointer was down")
	}
	g.release(2)
	if !g.settle(g.wheels) || g.drawn != g.view {
		t.Errorf("the last wheel's timer did not draw the view: drawn %+v, view %+v", g.drawn, g.view)
	}
}

// TestEdgesByKind checks that the edges are drawn by the section their
// link comes from, one path a kind with its own dashes that keep their
// length on screen at any zoom, and that the legend names the kinds drawn.
func TestEdgesByKind(t *testing.T) {
	c := testCorpus()
	in := func(k corpus.SectionKind) corpus.SectionSet { return corpus.SectionSet(0).With(k) }
	c.Docs[0].Links = []corpus.Link{{Target: "beta", In: in(corpus.SectionSolution)}, {Target: "delta", In: in(corpus.SectionContext).With(corpus.SectionSolution)}}
	c.Docs[1].Links = []corpus.Link{{Target: "delta", In: in(corpus.SectionProblem)}}
	c.Docs[2].Links = []corpus.Link{{Target: "gamma", In: in(corpus.SectionConsequences)}, {Target: "omega", In: in(corpus.SectionKnownUses)}}
	g := New(c)
	html := app.HTMLString(g)
	s := g.scene()
	want := map[string]int{}
	for _, e := range s.edges {
		want[e.kind.class()]++
	}
	if want["graph-edge-solution"] != 2 || want["graph-edge-context"] != 1 || want["graph-edge-consequence"] != 1 || want["graph-edge-other"] != 2 {
		t.Fatalf("edge kinds %v: alpha's two (a link in its context and solution counts as solution), beta's context, delta's consequences, the rest other", want)
	}
	for _, p := range elements(t, html, "path", "graph-edge") {
		n := strings.Count(p.attrs["d"], "M")
		for class, count := range want {
			if hasClass(p.attrs["class"], class) && n != count {
				t.Errorf("the %s path has %d edges, want %d", class, n, count)
			}
		}
	}
	if n := len(elements(t, html, "path", "graph-edge")); n != 4 {
		t.Errorf("%d edge paths, want one for each of 4 kinds", n)
	}
	var legend []string
	for _, e := range elements(t, html, "span", "graph-legend-name") {
		if strings.HasPrefix(e.text, "link ") {
			legend = append(legend, e.text)
		}
	}
	if len(legend) != 4 {
		t.Errorf("legend of links %q, want the 4 kinds drawn", legend)
	}
	for _, zoom := range []float64{1, 4} {
		css := markCSS("graph", zoom)
		dash := "#graph .graph-edge-context{stroke-dasharray:" + strconv.FormatFloat(6/zoom, 'g', 4, 64) + ","
		if !strings.Contains(css, dash) {
			t.Errorf("zoom %g: no %q in %s", zoom, dash, css)
		}
		if strings.Contains(css, ".graph-edge-solution{") {
			t.Errorf("zoom %g: the solution's edges are dashed: %s", zoom, css)
		}
	}
}
