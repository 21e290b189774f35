//go:build !wasm

package graph_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/devserver"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/synth"
)

// repoRoot holds content/ and web/, built (`go run build.go build`) before
// the browser tests run.
const repoRoot = "../.."

// graphMeasure is what the page reports about the full graph as drawn, in
// CSS pixels (measureJS).
type graphMeasure struct {
	Nodes    int     `json:"nodes"`
	InView   int     `json:"inView"`
	Labelled int     `json:"labelled"`
	MinPx    float64 `json:"minPx"`
	MinH     float64 `json:"minH"`
	Overlaps int     `json:"overlaps"`
	OnDots   int     `json:"onDots"`
	Cut      int     `json:"cut"`
	Fill     float64 `json:"fill"`
	MinHit   float64 `json:"minHit"`
	BoxW     float64 `json:"boxW"`
	BoxH     float64 `json:"boxH"`
	Example  string  `json:"example"`
}

// measureJS measures a graph (the SVG its argument selects) as the
// browser draws it: the labels shown (display not none, in the box), their
// font size on screen (computed size times the screen transform) and box
// height, the pairs of shown labels whose boxes intersect, the shown
// labels whose box crosses another node's dot, the labels cut by the box's
// edge or under its zoom buttons, the share of the box covered by the
// bounding box of the dots, and the smallest touch target of a node (the
// larger of its hit circle and its dot).
const measureJS = `((css) => {
  const svg = document.querySelector(css);
  const box = svg.getBoundingClientRect();
  const controls = svg.parentElement.querySelector('.graph-controls');
  const under = controls ? controls.getBoundingClientRect() : null;
  const nodes = [...svg.querySelectorAll('.graph-node')];
  const dots = nodes.map(a => {
    const r = a.querySelector('.graph-dot').getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2, r: r.width / 2};
  });
  let minHit = Infinity;
  for (const a of nodes) {
    let w = 0, h = 0;
    for (const c of a.querySelectorAll('.graph-dot, .graph-hit')) {
      const r = c.getBoundingClientRect();
      w = Math.max(w, r.width); h = Math.max(h, r.height);
    }
    minHit = Math.min(minHit, w, h);
  }
  const labels = [];
  nodes.forEach((a, i) => {
    const t = a.querySelector('.graph-label');
    if (!t) return;
    const cs = getComputedStyle(t);
    if (cs.display === 'none' || cs.visibility === 'hidden' || +cs.opacity === 0) return;
    const r = t.getBoundingClientRect();
    if (!(r.width > 0)) return;
    if (r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom) return; // out of view
    const m = t.getScreenCTM();
    labels.push({i, px: parseFloat(cs.fontSize) * Math.hypot(m.a, m.b), l: r.left, t: r.top, r: r.right, b: r.bottom, text: t.textContent});
  });
  const eps = 0.5;
  let overlaps = 0, onDots = 0, cut = 0, example = '';
  for (let p = 0; p < labels.length; p++) {
    const a = labels[p];
    if (a.l < box.left - eps || a.r > box.right + eps || a.t < box.top - eps || a.b > box.bottom + eps) {
      cut++;
      if (!example) example = 'cut: ' + a.text;
    } else if (under && Math.min(a.r, under.right) - Math.max(a.l, under.left) > eps && Math.min(a.b, under.bottom) - Math.max(a.t, under.top) > eps) {
      cut++;
      if (!example) example = 'under the zoom buttons: ' + a.text;
    }
    for (let q = p + 1; q < labels.length; q++) {
      const b = labels[q];
      if (Math.min(a.r, b.r) - Math.max(a.l, b.l) > eps && Math.min(a.b, b.b) - Math.max(a.t, b.t) > eps) {
        overlaps++;
        if (!example) example = 'overlap: ' + a.text + ' / ' + b.text;
      }
    }
    dots.forEach((d, k) => {
      if (k === a.i) return;
      const cx = Math.max(a.l, Math.min(d.x, a.r)), cy = Math.max(a.t, Math.min(d.y, a.b));
      if (Math.hypot(cx - d.x, cy - d.y) < d.r - eps) {
        onDots++;
        if (!example) example = 'on a dot: ' + a.text + ' / ' + nodes[k].getAttribute('aria-label');
      }
    });
  }
  let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
  for (const d of dots) {
    l = Math.min(l, d.x - d.r); r = Math.max(r, d.x + d.r);
    t = Math.min(t, d.y - d.r); b = Math.max(b, d.y + d.r);
  }
  l = Math.max(l, box.left); r = Math.min(r, box.right); t = Math.max(t, box.top); b = Math.min(b, box.bottom);
  const fill = r > l && b > t ? (r - l) * (b - t) / (box.width * box.height) : 0;
  const inView = dots.filter(d => d.x >= box.left && d.x <= box.right && d.y >= box.top && d.y <= box.bottom).length;
  return {nodes: nodes.length, inView, labelled: labels.length,
    minPx: labels.length ? Math.min(...labels.map(x => x.px)) : 0,
    minH: labels.length ? Math.min(...labels.map(x => x.b - x.t)) : 0,
    overlaps, onDots, cut, fill, minHit: nodes.length ? minHit : 0,
    boxW: box.width, boxH: box.height, example};
})(%q)`

// measure measures the graph that css selects (measureJS).
func measure(ctx context.Context, css string) (graphMeasure, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[graphMeasure](fmt.Sprintf(measureJS, css)))
}

// TestReadableGraph is issue 16's measure of the full graph: on our corpus,
// on a synthetic language of 1,000 patterns and on the compiler's test
// corpora of other forms, on a phone (390×844) and
// a laptop (1280×800), every label shown is at least 12 px, no two shown
// labels overlap, none lies on another node's dot or is cut by the box,
// the dots fill at least 60 % of the box, every node is a touch target of
// at least 24 px, and at least a third of the nodes are labelled on a
// phone and half on a laptop; zoomed in, a larger share of the nodes in
// view is labelled, under the same rules. The synthetic language is held
// to all of them but the labelled share at the default zoom, which no
// drawing of 1,000 readable labels on a phone's screen can meet; its share
// is logged.
func TestReadableGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	browsertest.Chromium(t) // skips at once where there is no browser
	browsertest.BuiltApp(t, repoRoot)
	root := webRoot(t)

	synthDir := filepath.Join(t.TempDir(), "synth")
	if err := synth.Write(synthDir, 1000, 1); err != nil {
		t.Fatal(err)
	}
	corpora := []struct {
		name      string
		dir       string
		wantShare bool
	}{
		{"our corpus", filepath.Join(repoRoot, "content"), true},
		{"1000 synthetic patterns", synthDir, false},
	}
	// The test corpora of other forms (app/compiler/testdata/corpora).
	for _, name := range []string{"fm", "jbake", "plain"} {
		corpora = append(corpora, struct {
			name      string
			dir       string
			wantShare bool
		}{"corpus " + name, filepath.Join(repoRoot, "app", "compiler", "testdata", "corpora", name), true})
	}
	sizes := []struct {
		name          string
		width, height int64
		share         float64
	}{
		{"phone", 390, 844, 1.0 / 3},
		{"laptop", 1280, 800, 0.5},
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			url := serveContent(t, c.dir, root)
			ctx := browsertest.Tab(t, 4*time.Minute)
			for _, size := range sizes {
				t.Run(size.name, func(t *testing.T) {
					if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.width, size.height), chromedp.Navigate(url+"/graph")); err != nil {
						t.Fatalf("open the graph: %v", err)
					}
					// The graph is measured once the app drew it for its box:
					// its nodes are in, the box it was drawn for (data-box)
					// is the box it has, and neither changed since the last
					// poll.
					if err := waitDrawn(ctx, "#graph", "true", time.Minute); err != nil {
						t.Fatalf("wait for the graph: %v", err)
					}
					m, err := measure(ctx, "#graph")
					if err != nil {
						t.Fatalf("measure: %v", err)
					}
					share := float64(m.Labelled) / float64(max(m.Nodes, 1))
					t.Logf("%d nodes in a %.0f×%.0f box: %d labelled (%.0f %%), smallest label %.1f px (box %.1f px high), %d overlaps, %d on other dots, %d cut, dots fill %.0f %% of the box, smallest touch target %.1f px %s",
						m.Nodes, m.BoxW, m.BoxH, m.Labelled, 100*share, m.MinPx, m.MinH, m.Overlaps, m.OnDots, m.Cut, 100*m.Fill, m.MinHit, m.Example)
					if m.Labelled == 0 {
						t.Errorf("no label shown")
					}
					if m.MinPx < 12 {
						t.Errorf("the smallest label is %.1f px; want at least 12", m.MinPx)
					}
					if m.Overlaps > 0 || m.OnDots > 0 || m.Cut > 0 {
						t.Errorf("%d pairs of labels overlap, %d labels lie on other nodes' dots, %d are cut by the box (%s); want none", m.Overlaps, m.OnDots, m.Cut, m.Example)
					}
					if m.Fill < 0.6 {
						t.Errorf("the drawing fills %.0f %% of its box; want at least 60 %%", 100*m.Fill)
					}
					if m.MinHit < 24 {
						t.Errorf("the smallest touch target is %.1f px; want at least 24", m.MinHit)
					}
					if c.wantShare && share < size.share {
						t.Errorf("%d of %d nodes labelled (%.0f %%); want at least %.0f %%", m.Labelled, m.Nodes, 100*share, 100*size.share)
					}
					if m.Labelled == m.Nodes {
						return
					}
					// More labels appear as you zoom in, still clear of each
					// other and of the dots.
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
						for (let k = 0; k < 3; k++) document.querySelector(".graph-zoom-in").click(); return true; })()`)); err != nil {
						t.Fatalf("zoom in: %v", err)
					}
					// Three presses of + zoom by 1.5³: wait for the view that
					// shows.
					if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const svg = document.querySelector("#graph");
						return Math.abs(svg.viewBox.baseVal.width * 3.375 - parseFloat(svg.dataset.box)) < 1; })()`,
						chromedp.WithPollingTimeout(20*time.Second))); err != nil {
						t.Fatalf("wait for the zoom: %v", err)
					}
					zoomed, err := measure(ctx, "#graph")
					if err != nil {
						t.Fatalf("zoom and measure: %v", err)
					}
					zshare := float64(zoomed.Labelled) / float64(max(zoomed.InView, 1))
					t.Logf("zoomed in 3 times: %d labels for %d nodes in view (%.0f %%), %d overlaps, %d on other dots, smallest label %.1f px", zoomed.Labelled, zoomed.InView, 100*zshare, zoomed.Overlaps, zoomed.OnDots, zoomed.MinPx)
					if zshare <= share {
						t.Errorf("zoomed in, %d of the %d nodes in view are labelled (%.0f %%); want more than the %.0f %% at the default zoom", zoomed.Labelled, zoomed.InView, 100*zshare, 100*share)
					}
					if zoomed.Overlaps > 0 || zoomed.OnDots > 0 || zoomed.MinPx < 12 {
						t.Errorf("zoomed in: %d overlaps, %d labels on other dots, smallest label %.1f px (%s)", zoomed.Overlaps, zoomed.OnDots, zoomed.MinPx, zoomed.Example)
					}
				})
			}
		})
	}
}

// TestReadableLocalGraph holds the local graph of a pattern's page to the
// rules of the full graph's labels, at each depth, on a phone and a
// laptop, for the patterns of our corpus and of a corpus of another form
// with the most links and the fewest: every label shown is at least 12 px,
// none overlaps another, lies on another node's dot, is cut by the box or
// sits under the zoom buttons, and the pattern itself is labelled.
func TestReadableLocalGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	browsertest.Chromium(t)
	browsertest.BuiltApp(t, repoRoot)
	root := webRoot(t)
	for _, tc := range []struct{ name, dir string }{
		{"our corpus", filepath.Join(repoRoot, "content")},
		{"corpus jbake", filepath.Join(repoRoot, "app", "compiler", "testdata", "corpora", "jbake")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _, err := artifact.CompileFor(tc.dir, corpus.Site{})
			if err != nil {
				t.Fatal(err)
			}
			url := serveContent(t, tc.dir, root)
			ctx := browsertest.Tab(t, 4*time.Minute)
			for _, slug := range mostAndLeastLinked(c) {
				for _, size := range []struct {
					name          string
					width, height int64
				}{{"phone", 390, 844}, {"laptop", 1280, 800}} {
					if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.width, size.height), chromedp.Navigate(url+c.Site.Path(corpus.DocPath(corpus.KindPattern, slug)))); err != nil {
						t.Fatalf("open %s: %v", slug, err)
					}
					for depth := 1; depth <= 3; depth++ {
						if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => {
							const b = document.querySelectorAll(".local-graph .depth button")[%d]; if (!b) return false; b.click(); return true; })()`, depth-1))); err != nil {
							t.Fatalf("depth %d: %v", depth, err)
						}
						pressed := fmt.Sprintf(`document.querySelectorAll(".local-graph .depth button")[%d].getAttribute("aria-pressed") === "true"`, depth-1)
						if err := waitDrawn(ctx, "#graph-local", pressed, 30*time.Second); err != nil {
							t.Fatalf("%s at depth %d: wait for the local graph: %v", slug, depth, err)
						}
						m, err := measure(ctx, "#graph-local")
						if err != nil {
							t.Fatalf("measure: %v", err)
						}
						where := fmt.Sprintf("%s, %s, depth %d: %d nodes in a %.0f×%.0f box, %d labelled", slug, size.name, depth, m.Nodes, m.BoxW, m.BoxH, m.Labelled)
						t.Log(where)
						if m.Labelled == 0 || m.MinPx < 12 {
							t.Errorf("%s: smallest label %.1f px; want every label at least 12 px", where, m.MinPx)
						}
						if m.Overlaps > 0 || m.OnDots > 0 || m.Cut > 0 {
							t.Errorf("%s: %d overlaps, %d on other dots, %d cut or under the buttons (%s); want none", where, m.Overlaps, m.OnDots, m.Cut, m.Example)
						}
						if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const l = document.querySelector("#graph-local .is-current .graph-label"); return !!l && getComputedStyle(l).display !== "none"; })()`)); !ok {
							t.Errorf("%s: the pattern itself is not labelled", where)
						}
					}
				}
			}
		})
	}
}

// waitDrawn waits until the app has drawn the graph css selects for its
// box and it has settled, while the JavaScript condition also holds: the
// app is ready, the graph has nodes, the box it was drawn for (data-box)
// is the box it has, and neither that, its view nor its nodes changed
// since the last poll.
func waitDrawn(ctx context.Context, css, also string, limit time.Duration) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.documentElement.dataset.app === "ready" && (%s) &&
		((css) => { const svg = document.querySelector(css); if (!svg || !svg.querySelector(".graph-node")) return false;
			const r = svg.getBoundingClientRect(), size = Math.round(r.width) + "x" + Math.round(r.height);
			if (svg.dataset.box !== size) return false;
			const k = css + " " + size + " " + svg.getAttribute("viewBox") + " " + svg.querySelectorAll(".graph-node").length;
			const same = window.graphBox === k; window.graphBox = k; return same; })(%q)`, also, css),
		chromedp.WithPollingTimeout(limit), chromedp.WithPollingInterval(200*time.Millisecond)))
	return err
}

// mostAndLeastLinked returns the slugs of the pattern of c with the most
// links in and out and of the one with the fewest.
func mostAndLeastLinked(c *corpus.Corpus) []string {
	degree := func(i int) int { return len(c.Docs[i].Links) + len(c.Docs[i].Backlinks) }
	ps := c.Patterns()
	most, least := ps[0], ps[0]
	for _, i := range ps {
		if degree(i) > degree(most) {
			most = i
		}
		if degree(i) < degree(least) {
			least = i
		}
	}
	return []string{c.Docs[most].Slug, c.Docs[least].Slug}
}

// webRoot copies the built web/ (the WASM and the stylesheet) to a
// temporary root for a dev server.
func webRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"app.wasm", "style.css", "compile-worker.js"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "web", f))
		if err != nil {
			t.Fatalf("%v (build the app first: go run build.go build)", err)
		}
		if err := os.WriteFile(filepath.Join(root, "web", f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// serveContent serves the app with the corpus of the folder dir, through
// a dev server (which loads any folder into the built app), until the test
// ends, and returns its URL.
func serveContent(t *testing.T, dir, root string) string {
	t.Helper()
	s, err := devserver.New(devserver.Options{Content: dir, Root: root, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("dev server: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("dev server: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}
