//go:build !wasm

package graph_test

import (
	"context"
	"fmt"
	"github.com/devrel-patterns/explorer/app/headless"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/graph/internal/demo"
)

// TestBrowser runs the demo app (internal/demo) in headless Chromium
// and drives the graph with real input: the SVG is drawn, hover dims the
// rest, the wheel zooms without scrolling the page, a drag pans without
// opening the node it started on, a click and Enter open a node inside the
// app without a page load, and the local graph fits its box. It is skipped
// with -short, or when Chromium is not on PATH (failed instead with
// REQUIRE_BROWSER=1).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	chrome := browsertest.Chromium(t)

	dir := t.TempDir()
	build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build",
		"-o", filepath.Join(dir, "web", "app.wasm"), "./internal/demo/wasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build demo: %v\n%s", err, out)
	}
	// The app's own stylesheet: the graph's CSS is part of how it draws
	// (a gesture's transform is about the top-left corner, .graph-svg).
	style, err := os.ReadFile(filepath.Join("..", "..", "web", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "web", "style.css"), style, 0o644); err != nil {
		t.Fatal(err)
	}
	demo.Routes()
	mux := http.NewServeMux()
	mux.Handle("/web/", http.FileServer(http.Dir(dir)))
	mux.Handle("/", &app.Handler{Name: "Graph demo", Styles: []string{"/web/style.css"}})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opts := append(headless.Options(chrome, t.TempDir()), chromedp.WindowSize(1000, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTime()

	b := &browserDriver{t: t, ctx: ctx}
	b.do(chromedp.Navigate(srv.URL + "/"))
	b.poll(`window.demoReady === true`)
	b.eval(`window.samePage = true`)

	tests := []struct {
		name string
		run  func(b *browserDriver)
	}{
		{
			name: "the svg is drawn in the SVG namespace",
			run: func(b *browserDriver) {
				if ns := b.str(`document.querySelector('#graph').namespaceURI`); ns != "http://www.w3.org/2000/svg" {
					b.t.Errorf("namespace = %s", ns)
				}
				if w := b.num(`document.querySelector('#graph circle').getBBox().width`); w <= 0 {
					b.t.Errorf("circle drawn %v wide", w)
				}
				if n := b.num(`document.querySelectorAll('#graph a.graph-node').length`); n != 30 {
					b.t.Errorf("%v nodes, want 30", n)
				}
			},
		},
		{
			name: "hover dims the nodes outside the neighbourhood",
			run: func(b *browserDriver) {
				x, y := b.centre(`#graph .graph-n-3 circle`)
				b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
				b.poll(`document.querySelector('#graph').classList.contains('is-lit')`)
				// The graph is dimmed as a whole, and p13's neighbourhood is
				// drawn again on top at full opacity: p13 (node 3) and its
				// neighbours p12, p14, p19 and p31 (node 21); p30 (node 20)
				// is not one.
				for _, sel := range []string{".graph-edges", ".graph-nodes"} {
					if o := b.str(`getComputedStyle(document.querySelector('#graph ` + sel + `')).opacity`); o != "0.15" {
						b.t.Errorf("%s opacity = %s, want 0.15", sel, o)
					}
				}
				if o := b.str(`getComputedStyle(document.querySelector('#graph .graph-lit')).opacity`); o != "1" {
					b.t.Errorf("lit layer opacity = %s, want 1", o)
				}
				lit := b.str(`[...document.querySelectorAll('#graph .graph-copy')].map(c => c.dataset.i).sort((a, b) => a - b).join(' ')`)
				if lit != "2 3 4 9 21" {
					b.t.Errorf("copies of nodes %q, want 2 3 4 9 21 (p13 and its neighbours)", lit)
				}
				// The copies are a picture: the pointer reaches the nodes.
				if h := b.str(`document.elementFromPoint(` + fmt.Sprint(x) + `, ` + fmt.Sprint(y) + `).closest('a')?.getAttribute('href') ?? ''`); h != "/patterns/p13" {
					b.t.Errorf("the point over p13 hits %q, want its link", h)
				}
				b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 990, 990))
				b.poll(`!document.querySelector('#graph').classList.contains('is-lit')`)
			},
		},
		{
			name: "the wheel zooms around the pointer and does not scroll",
			run: func(b *browserDriver) {
				b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, 300, 300,
					func(p *input.DispatchMouseEventParams) { p.DeltaY, p.DeltaX = -300, 0.001 }))
				b.poll(`document.querySelector('#graph').getAttribute('viewBox') !== ('0 0 ' + document.querySelector('#graph').dataset.box.replace('x', ' '))`)
				if y := b.num(`scrollY`); y != 0 {
					b.t.Errorf("page scrolled to %v", y)
				}
				b.eval(`document.querySelector('.graph-zoom-reset').click()`)
				b.poll(`document.querySelector('#graph').getAttribute('viewBox') === ('0 0 ' + document.querySelector('#graph').dataset.box.replace('x', ' '))`)
			},
		},
		{
			name: "a drag from a node pans and does not open it",
			run: func(b *browserDriver) {
				// The graph fills its box: the node may lie below the fold.
				b.eval(`document.querySelector('#graph .graph-n-5').scrollIntoView({block: 'center'})`)
				x, y := b.centre(`#graph .graph-n-5 circle`)
				held := func(p *input.DispatchMouseEventParams) { p.Buttons = 1 }
				b.do(
					chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft),
					chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+30, y+10, chromedp.ButtonLeft, held),
					chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+60, y+20, chromedp.ButtonLeft, held),
					chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x+60, y+20, chromedp.ButtonLeft),
				)
				b.poll(`document.querySelector('#graph').getAttribute('viewBox') !== ('0 0 ' + document.querySelector('#graph').dataset.box.replace('x', ' '))`)
				// go-app runs handlers in order: once the reset's click is drawn,
				// any click that ended the drag has been handled too.
				b.eval(`document.querySelector('.graph-zoom-reset').click()`)
				b.poll(`document.querySelector('#graph').getAttribute('viewBox') === ('0 0 ' + document.querySelector('#graph').dataset.box.replace('x', ' '))`)
				if p := b.str(`location.pathname`); p != "/" {
					b.t.Errorf("the drag opened %s", p)
				}
			},
		},
		{
			name: "a drag moves the drawn picture with the pointer and draws the view once, at the release",
			run: func(b *browserDriver) {
				b.eval(`document.querySelector('#graph .graph-n-7').scrollIntoView({block: 'center'})`)
				x, y := b.centre(`#graph .graph-n-7 circle.graph-dot`)
				// Hover the node first, and wait for its highlight (an
				// earlier test may have left another's).
				b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
				b.poll(`document.querySelector('#graph .graph-copy.is-hover')?.dataset.i === '7'`)
				full := b.str(`document.querySelector('#graph').getAttribute('viewBox')`)
				// Anything drawn again under the SVG, or a new viewBox, is a
				// mutation; the SVG's own style (the transform) and class
				// (is-dragging) are not.
				b.eval(`window.graphMutations = [];
					window.graphObserver = new MutationObserver((ms) => { for (const m of ms) {
						if (m.target.id === 'graph' && (m.attributeName === 'style' || m.attributeName === 'class')) continue;
						window.graphMutations.push((m.target.getAttribute?.('class') || m.target.nodeName) + ' ' + m.type + ' ' + (m.attributeName || ''));
					} });
					window.graphObserver.observe(document.querySelector('#graph'), {subtree: true, attributes: true, childList: true, characterData: true})`)
				held := func(p *input.DispatchMouseEventParams) { p.Buttons = 1 }
				b.do(
					chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft),
					chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+40, y+15, chromedp.ButtonLeft, held),
					chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+80, y+30, chromedp.ButtonLeft, held),
				)
				at := func(wx, wy float64) string {
					return fmt.Sprintf(`(() => { const r = document.querySelector('#graph .graph-n-7 circle.graph-dot').getBoundingClientRect();
						return Math.abs(r.left + r.width / 2 - %v) < 1 && Math.abs(r.top + r.height / 2 - %v) < 1; })()`, wx, wy)
				}
				// The node follows the pointer...
				b.poll(at(x+80, y+30))
				// ...by a transform: nothing under the SVG was drawn again.
				if m := b.eval(`window.graphMutations.slice(0, 5)`); len(m.([]any)) > 0 {
					b.t.Errorf("the drag redrew the graph: %v", m)
				}
				if vb := b.str(`document.querySelector('#graph').getAttribute('viewBox')`); vb != full {
					b.t.Errorf("viewBox %s during the drag, want %s", vb, full)
				}
				b.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x+80, y+30, chromedp.ButtonLeft))
				b.pollDrawn(full)
				b.eval(`window.graphObserver.disconnect()`)
				// The view drawn at the release is the one the transform showed.
				if !b.bool(at(x+80, y+30)) {
					x2, y2 := b.centre(`#graph .graph-n-7 circle.graph-dot`)
					b.t.Errorf("the node jumped to (%.1f, %.1f) when the view was drawn, want (%.1f, %.1f)", x2, y2, x+80, y+30)
				}
				b.resetZoom(full)
			},
		},
		{
			name: "the wheel keeps the point under the pointer where it is",
			run: func(b *browserDriver) {
				x, y, full := b.pointAtNode7()
				b.do(wheelAt(x, y), wheelAt(x, y), wheelAt(x, y))
				b.pollDrawn(full)
				b.stillUnder(x, y, "")
				b.resetZoom(full)
			},
		},
		{
			// A wheel turned again after a pause, once the view of the
			// first turn was drawn: as a slow machine delivers a quick
			// turn, or a hand turns a wheel notch by notch.
			name: "the wheel keeps the point under the pointer after a pause",
			run: func(b *browserDriver) {
				x, y, full := b.pointAtNode7()
				last := full
				for turn := range 3 {
					b.do(wheelAt(x, y))
					// While the turn is shown by a transform...
					b.poll(`!!document.querySelector('#graph').style.transform`)
					b.stillUnder(x, y, fmt.Sprintf("turn %d, shown by a transform: ", turn+1))
					// ...and once it is drawn.
					b.pollDrawn(last)
					last = b.str(`document.querySelector('#graph').getAttribute('viewBox')`)
					b.stillUnder(x, y, fmt.Sprintf("turn %d, drawn: ", turn+1))
				}
				b.resetZoom(full)
			},
		},
		{
			name: "a click opens the node inside the app",
			run: func(b *browserDriver) {
				x, y := b.centre(`#graph .graph-n-3 circle`)
				b.do(chromedp.MouseClickXY(x, y))
				b.poll(`location.pathname === '/patterns/p13'`)
				b.poll(`document.querySelector('#slug').textContent === 'slug:p13'`)
				if !b.bool(`window.samePage === true`) {
					b.t.Error("the click loaded a new page")
				}
				if h := b.str(`document.querySelector('#graph .is-current').getAttribute('href')`); h != "/patterns/p13" {
					b.t.Errorf("current node = %s", h)
				}
			},
		},
		{
			name: "the local graph fits its box",
			run: func(b *browserDriver) {
				b.poll(`!!document.querySelector('#local')`)
				if n := b.num(`document.querySelectorAll('#local a.graph-node').length`); n != 5 {
					b.t.Errorf("%v local nodes, want 5", n)
				}
				// The world is the box, one unit a pixel.
				want := b.str(`(() => { const r = document.querySelector('#local').getBoundingClientRect();
					return '0 0 ' + Math.round(r.width) + ' ' + Math.round(r.height); })()`)
				b.poll(fmt.Sprintf(`document.querySelector('#local').getAttribute('viewBox') === %q`, want))
			},
		},
		{
			name: "enter opens the focused node",
			run: func(b *browserDriver) {
				b.eval(`document.querySelector('#local .graph-n-0').focus()`)
				b.poll(`document.querySelector('#local').classList.contains('is-lit')`)
				target := b.str(`document.querySelector('#local .graph-n-0').getAttribute('href')`)
				b.do(chromedp.KeyEvent("\r"))
				b.poll(fmt.Sprintf(`location.pathname === %q`, target))
				if !b.bool(`window.samePage === true`) {
					b.t.Error("enter loaded a new page")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(&browserDriver{t: t, ctx: ctx})
		})
	}
}

// browserDriver runs steps in a tab, failing its test on error.
type browserDriver struct {
	t   *testing.T
	ctx context.Context
}

func (b *browserDriver) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browserDriver) eval(js string) any {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[any](js))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (b *browserDriver) str(js string) string {
	b.t.Helper()
	s, _ := b.eval(js).(string)
	return s
}

func (b *browserDriver) num(js string) float64 {
	b.t.Helper()
	f, _ := b.eval(js).(float64)
	return f
}

func (b *browserDriver) bool(js string) bool {
	b.t.Helper()
	v, _ := b.eval(js).(bool)
	return v
}

func (b *browserDriver) poll(js string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.t.Fatalf("waiting for %s: %v", js, err)
	}
}

// wheelAt is one notch of the wheel, zooming in, at the client point (x, y).
func wheelAt(x, y float64) chromedp.Action[chromedp.Void] {
	return chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, x, y,
		func(p *input.DispatchMouseEventParams) { p.DeltaY, p.DeltaX = -120, 0.001 })
}

// pointAtNode7 scrolls node 7 to the middle of the window and returns its
// centre and the viewBox drawn.
func (b *browserDriver) pointAtNode7() (x, y float64, viewBox string) {
	b.t.Helper()
	b.eval(`document.querySelector('#graph .graph-n-7').scrollIntoView({block: 'center'})`)
	x, y = b.centre(`#graph .graph-n-7 circle.graph-dot`)
	return x, y, b.str(`document.querySelector('#graph').getAttribute('viewBox')`)
}

// pollDrawn waits until a view other than viewBox is drawn, with no
// gesture's transform over it.
func (b *browserDriver) pollDrawn(viewBox string) {
	b.t.Helper()
	b.poll(fmt.Sprintf(`document.querySelector('#graph').getAttribute('viewBox') !== %q && !document.querySelector('#graph').style.transform`, viewBox))
}

// stillUnder fails the test, its message led by when, unless node 7 is
// still centred on the client point (x, y), within a pixel.
func (b *browserDriver) stillUnder(x, y float64, when string) {
	b.t.Helper()
	x2, y2 := b.centre(`#graph .graph-n-7 circle.graph-dot`)
	if math.Abs(x2-x) > 1 || math.Abs(y2-y) > 1 {
		b.t.Errorf("%sthe node under the pointer moved from (%.1f, %.1f) to (%.1f, %.1f)", when, x, y, x2, y2)
	}
}

// resetZoom clicks the reset button and waits for the full view, viewBox.
func (b *browserDriver) resetZoom(viewBox string) {
	b.t.Helper()
	b.eval(`document.querySelector('.graph-zoom-reset').click()`)
	b.poll(fmt.Sprintf(`document.querySelector('#graph').getAttribute('viewBox') === %q`, viewBox))
}

// centre returns the middle of the first element matching a selector, in
// client coordinates.
func (b *browserDriver) centre(sel string) (float64, float64) {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(
		`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`, sel)))
	if err != nil || len(v) != 2 {
		b.t.Fatalf("centre of %s: %v", sel, err)
	}
	return v[0], v[1]
}
