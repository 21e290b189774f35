package graph

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fakeDOM is a minimal DOM for running mounted components under Node (as
// go_js_wasm_exec does): elements that keep their namespace, attributes,
// children and listeners, and can dispatch events to their listeners.
const fakeDOM = `(() => {
  if (globalThis.document) return;
  class El {
    constructor(tag, ns) {
      this.tagName = tag; this.namespaceURI = ns; this.attrs = {};
      this.childNodes = []; this.listeners = {}; this.parentNode = null;
    }
    get firstChild() { return this.childNodes[0] || null; }
    get firstElementChild() { return this.childNodes.find(c => c instanceof El) || null; }
    get parentElement() { return this.parentNode; }
    setAttribute(k, v) { this.attrs[k] = String(v); }
    getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
    removeAttribute(k) { delete this.attrs[k]; }
    appendChild(c) { c.parentNode = this; this.childNodes.push(c); return c; }
    replaceChild(n, o) {
      const i = this.childNodes.indexOf(o);
      n.parentNode = this; this.childNodes[i] = n; o.parentNode = null; return o;
    }
    removeChild(c) {
      const i = this.childNodes.indexOf(c);
      if (i >= 0) this.childNodes.splice(i, 1);
      c.parentNode = null; return c;
    }
    addEventListener(e, f) { (this.listeners[e] ||= []).push(f); }
    removeEventListener(e, f) {
      const l = this.listeners[e] || []; const i = l.indexOf(f); if (i >= 0) l.splice(i, 1);
    }
    hasClass(c) { return (this.attrs["class"] || "").split(" ").includes(c); }
    closest(sel) {
      const c = sel.replace(/^\./, "");
      for (let n = this; n instanceof El; n = n.parentNode) if (n.hasClass(c)) return n;
      return null;
    }
    find(c) {
      if (this.hasClass(c)) return this;
      for (const k of this.childNodes) if (k instanceof El) { const f = k.find(c); if (f) return f; }
      return null;
    }
    all(fn) {
      let out = fn(this) ? [this] : [];
      for (const k of this.childNodes) if (k instanceof El) out = out.concat(k.all(fn));
      return out;
    }
    querySelector(sel) { return this.find(sel.replace(/^\./, "")); }
    // innerHTML parses the well-formed markup the graph writes (app.Raw):
    // tags with quoted attributes and closing tags, text and the five
    // entities; as in HTML, an svg and everything in it are in the SVG
    // namespace.
    set innerHTML(markup) {
      this.childNodes = [];
      const svg = "http://www.w3.org/2000/svg", unescape = v => v.replace(/&(amp|lt|gt|quot|#39|#34);/g, (_, e) =>
        ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#34": '"' })[e]);
      let at = this;
      for (const m of markup.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"]*")*)\s*>|([^<]+)/g)) {
        if (m[4] !== undefined) { if (m[4].trim()) at.appendChild(new Txt(unescape(m[4]))); continue; }
        if (m[1]) { at = at.parentNode; continue; }
        const el = new El(m[2], m[2] === "svg" || at.namespaceURI === svg ? svg : "http://www.w3.org/1999/xhtml");
        for (const a of m[3].matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)) el.setAttribute(a[1], unescape(a[2]));
        at.appendChild(el); at = el;
      }
    }
    getBoundingClientRect() { return Object.assign({ left: 0, top: 0, width: 1000, height: 1000 }, globalThis.fakeRect); }
    setPointerCapture(id) { this.captured = id; }
    fire(type, props) {
      const ev = Object.assign({ type, target: this, defaultPrevented: false }, props);
      ev.preventDefault = () => { ev.defaultPrevented = true; };
      for (const f of (this.listeners[type] || []).slice()) f(ev);
      return ev;
    }
  }
  class Txt { constructor(v) { this.nodeValue = v; } }
  const body = new El("BODY", "");
  body.appendChild(new El("DIV", "http://www.w3.org/1999/xhtml"));
  globalThis.location = { href: "http://localhost/" };
  globalThis.history = { pushed: [], pushState(s, t, u) { this.pushed.push(u); }, replaceState() {} };
  globalThis.document = {
    body,
    documentElement: { clientWidth: 1000, clientHeight: 800 },
    createElement: t => new El(t.toUpperCase(), "http://www.w3.org/1999/xhtml"),
    createElementNS: (ns, t) => new El(t, ns),
    createTextNode: v => new Txt(v),
    getElementById: () => null,
    getElementsByTagName: () => [],
  };
})()`

func init() {
	app.Window().Call("eval", fakeDOM)
}

// mountDOM mounts g in a test engine over the fake DOM and returns the
// engine and the graph's SVG element.
func mountDOM(t *testing.T, g *Graph) (app.TestEngine, app.Value) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(g); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	svg := app.Window().Get("document").Get("body").Call("find", "graph-svg")
	if !svg.Truthy() {
		t.Fatal("no graph svg in the DOM")
	}
	return e, svg
}

func TestDOMNamespaces(t *testing.T) {
	_, svg := mountDOM(t, New(testCorpus()))
	els := svg.Call("all", app.FuncOf(func(this app.Value, args []app.Value) any { return true }))
	if els.Length() < 20 {
		t.Fatalf("only %d elements under the svg", els.Length())
	}
	for i := range els.Length() {
		el := els.Index(i)
		if ns := el.Get("namespaceURI").String(); ns != svgNS {
			t.Errorf("<%s> is in namespace %q, want %s", el.Get("tagName").String(), ns, svgNS)
		}
	}
	wrap := svg.Get("parentNode")
	if ns := wrap.Get("namespaceURI").String(); ns == svgNS {
		t.Errorf("the HTML wrapper is in the SVG namespace")
	}
}

func TestDOMEvents(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value)
	}{
		{
			name: "wheel zooms, on the graph's box, and only the viewBox changes once it settles",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				// The engine waits for the settle timer: what is seen is the
				// view drawn after the wheel stopped.
				ev := svg.Get("parentNode").Call("fire", "wheel", map[string]any{"deltaY": -100, "deltaMode": 0, "clientX": 250, "clientY": 250})
				e.ConsumeAll()
				if !ev.Get("defaultPrevented").Bool() {
					t.Error("wheel did not prevent scrolling")
				}
				if vb := svg.Call("getAttribute", "viewBox").String(); vb == "0 0 1000 1000" {
					t.Errorf("viewBox unchanged: %s", vb)
				}
				if st := svg.Call("getAttribute", "style"); !st.IsNull() {
					t.Errorf("style %q left after the wheel settled", st.String())
				}
				if g.stats.nodes != 1 || g.stats.edges != 1 {
					t.Errorf("layers rendered %d and %d times, want once", g.stats.nodes, g.stats.edges)
				}
			},
		},
		{
			name: "hover lights the neighbourhood",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				dot := svg.Call("find", "graph-n-3").Call("find", "graph-dot") // gamma
				svg.Call("fire", "mouseover", map[string]any{"target": dot})
				e.ConsumeAll()
				if !svg.Call("hasClass", "is-lit").Bool() {
					t.Fatalf("svg class %q lacks is-lit", svg.Call("getAttribute", "class").String())
				}
				kids := svg.Get("childNodes")
				style := kids.Index(kids.Length() - 1)
				if style.Get("tagName").String() != "style" {
					t.Fatalf("last svg child is %s, want style", style.Get("tagName").String())
				}
				css := style.Get("childNodes").Index(0).Get("nodeValue").String()
				if !strings.Contains(css, "#graph .graph-edges,#graph .graph-nodes{opacity:") {
					t.Errorf("the graph is not dimmed: style = %s", css)
				}
				// gamma's neighbourhood is drawn again on top: gamma, beta
				// and delta.
				got := svg.Call("find", "graph-lit").Call("all", app.FuncOf(func(this app.Value, args []app.Value) any {
					return args[0].Call("hasClass", "graph-copy")
				})).Call("map", app.FuncOf(func(this app.Value, args []app.Value) any {
					return args[0].Call("getAttribute", "data-i")
				})).Call("join", " ").String()
				if got != "1 2 3" {
					t.Errorf("copies of nodes %q, want beta, gamma and delta (1 2 3)", got)
				}
				svg.Call("fire", "mouseleave", map[string]any{})
				e.ConsumeAll()
				if svg.Call("hasClass", "is-lit").Bool() {
					t.Error("still lit after the pointer left")
				}
				if g.stats.nodes != 1 {
					t.Errorf("node layer rendered %d times, want once", g.stats.nodes)
				}
			},
		},
		{
			name: "click navigates inside the app",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				label := svg.Call("find", "graph-n-1").Call("find", "graph-label") // beta
				ev := svg.Call("fire", "click", map[string]any{"target": label, "button": 0})
				e.ConsumeAll()
				if !ev.Get("defaultPrevented").Bool() {
					t.Error("click was not prevented: the browser would load the page")
				}
				if got := lastPushed(); !strings.HasSuffix(got, "/patterns/beta") {
					t.Errorf("navigated to %q, want /patterns/beta", got)
				}
			},
		},
		{
			name: "ctrl-click is left to the browser",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				before := lastPushed()
				node := svg.Call("find", "graph-n-1")
				ev := svg.Call("fire", "click", map[string]any{"target": node, "button": 0, "ctrlKey": true})
				e.ConsumeAll()
				if ev.Get("defaultPrevented").Bool() || lastPushed() != before {
					t.Error("ctrl-click was handled by the app")
				}
			},
		},
		{
			name: "enter opens the focused node",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				node := svg.Call("find", "graph-n-4") // omega
				ev := svg.Call("fire", "keydown", map[string]any{"target": node, "key": "Enter"})
				e.ConsumeAll()
				if !ev.Get("defaultPrevented").Bool() || !strings.HasSuffix(lastPushed(), "/patterns/omega") {
					t.Errorf("enter: prevented %v, navigated to %q", ev.Get("defaultPrevented").Bool(), lastPushed())
				}
			},
		},
		{
			name: "focus lights the node",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				node := svg.Call("find", "graph-n-0")
				svg.Call("fire", "focusin", map[string]any{"target": node})
				e.ConsumeAll()
				if !svg.Call("hasClass", "is-lit").Bool() {
					t.Error("focus did not light the node")
				}
				svg.Call("fire", "focusout", map[string]any{"target": node})
				e.ConsumeAll()
				if svg.Call("hasClass", "is-lit").Bool() {
					t.Error("still lit after focus left")
				}
			},
		},
		{
			name: "drag pans, captures the pointer and swallows its click",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				before := lastPushed()
				node := svg.Call("find", "graph-n-1")
				p := map[string]any{"target": node, "pointerId": 7, "pointerType": "mouse", "button": 0}
				with := func(x, y int) map[string]any {
					m := map[string]any{"clientX": x, "clientY": y}
					for k, v := range p {
						m[k] = v
					}
					return m
				}
				svg.Call("fire", "pointerdown", with(100, 100))
				svg.Call("fire", "pointermove", with(150, 100))
				e.ConsumeAll()
				if svg.Get("captured").Int() != 7 {
					t.Error("the pointer was not captured")
				}
				// During the drag a transform moves the picture; the
				// viewBox stays until the release draws the view.
				if vb := svg.Call("getAttribute", "viewBox").String(); vb != "0 0 1000 1000" {
					t.Errorf("viewBox = %s during the drag, want 0 0 1000 1000", vb)
				}
				if st := svg.Call("getAttribute", "style").String(); st != "transform:translate(50px,0px) scale(1)" {
					t.Errorf("style = %q during the drag, want a 50 px shift", st)
				}
				if !svg.Call("hasClass", "is-dragging").Bool() {
					t.Error("no is-dragging class during the drag")
				}
				svg.Call("fire", "pointerup", with(150, 100))
				ev := svg.Call("fire", "click", with(150, 100))
				e.ConsumeAll()
				// One unit a pixel: the 50 px drag pans 50 units.
				if vb := svg.Call("getAttribute", "viewBox").String(); vb != "-50 0 1000 1000" {
					t.Errorf("viewBox = %s after the drag, want -50 0 1000 1000", vb)
				}
				if st := svg.Call("getAttribute", "style"); !st.IsNull() {
					t.Errorf("style %q left after the drag", st.String())
				}
				if !ev.Get("defaultPrevented").Bool() || lastPushed() != before {
					t.Error("the click ending a drag opened the node")
				}
			},
		},
		{
			name: "zoom buttons",
			run: func(t *testing.T, e app.TestEngine, g *Graph, svg app.Value) {
				controls := svg.Get("parentNode").Call("find", "graph-controls")
				in := controls.Get("childNodes").Index(0)
				reset := controls.Get("childNodes").Index(2)
				in.Call("fire", "click", map[string]any{})
				e.ConsumeAll()
				want := "166.667 166.667 666.667 666.667"
				if vb := svg.Call("getAttribute", "viewBox").String(); vb != want {
					t.Errorf("after +: viewBox = %s, want %s", vb, want)
				}
				reset.Call("fire", "click", map[string]any{})
				e.ConsumeAll()
				if vb := svg.Call("getAttribute", "viewBox").String(); vb != "0 0 1000 1000" {
					t.Errorf("after reset: viewBox = %s", vb)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New(testCorpus())
			e, svg := mountDOM(t, g)
			tt.run(t, e, g, svg)
		})
	}
}

func TestDOMLocalGraphFitsItsBox(t *testing.T) {
	tests := []struct {
		name        string
		width       int
		height      int
		wantViewBox string
	}{
		{name: "wide box", width: 800, height: 340, wantViewBox: "0 0 800 340"},
		{name: "square box", width: 340, height: 340, wantViewBox: "0 0 340 340"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app.Window().Set("fakeRect", map[string]any{"width": tt.width, "height": tt.height})
			defer app.Window().Delete("fakeRect")
			g := New(testCorpus()).Focus("beta")
			_, svg := mountDOM(t, g)
			if vb := svg.Call("getAttribute", "viewBox").String(); vb != tt.wantViewBox {
				t.Errorf("viewBox = %s, want %s", vb, tt.wantViewBox)
			}
			if g.stats.nodes != 2 {
				t.Errorf("node layer rendered %d times, want twice: mount and fit", g.stats.nodes)
			}
		})
	}
}

// lastPushed returns the last URL pushed to the fake history, or "".
func lastPushed() string {
	p := app.Window().Get("history").Get("pushed")
	if p.Length() == 0 {
		return ""
	}
	return p.Index(p.Length() - 1).String()
}
