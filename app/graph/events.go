package graph

import (
	"math"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The handlers are bound once on the SVG element and find the node an event
// is about from its target (event delegation): the nodes themselves carry
// no listener, and their events update the graph, not the node layer.
// Each handler reads what it needs from the event and calls a method with
// plain values, which the tests drive directly.

// onWheel zooms around the pointer. It listens on the graph's box rather
// than on the SVG, which the gesture's transform may have moved away from
// the pointer; the view is drawn once the wheel has been still for
// wheelSettle.
func (g *Graph) onWheel(ctx app.Context, e app.Event) {
	e.PreventDefault()
	r := viewportRect(graphSVG(ctx.JSSrc()))
	if !g.wheel(r, num(e.Get("clientX")), num(e.Get("clientY")), num(e.Get("deltaY")), int(num(e.Get("deltaMode")))) {
		ctx.PreventUpdate()
		return
	}
	g.wheels++
	n := g.wheels
	ctx.After(wheelSettle, func(ctx app.Context) {
		if !g.settle(n) {
			ctx.PreventUpdate()
		}
	})
}

// wheelSettle is how long the wheel stays still before its zoom is drawn:
// longer than the gap between the events of one turn of a wheel or one
// swipe on a touchpad.
const wheelSettle = 200 * time.Millisecond

// settle draws the view after the wheel event numbered n, unless another
// wheel event came since or a pointer is down (its release draws it). It
// reports whether anything changed.
func (g *Graph) settle(n int) bool {
	if n != g.wheels || len(g.pointers) > 0 {
		return false
	}
	return g.commit()
}

// wheel zooms by a wheel delta around the client point (cx, cy); it
// reports whether the view changed.
func (g *Graph) wheel(r rect, cx, cy, deltaY float64, deltaMode int) bool {
	s := g.scene()
	wx, wy, ok := g.view.toWorld(r, cx, cy)
	if !ok {
		wx, wy = g.view.centre()
	}
	return g.setView(g.view.zoomAt(wheelFactor(deltaY, deltaMode), wx, wy, s.width, maxZoom(len(s.nodes))))
}

// setView sets the view and reports whether it changed.
func (g *Graph) setView(v viewBox) bool {
	if v == g.view {
		return false
	}
	g.view = v
	return true
}

// onPointerDown records a press; it becomes a pan once it moves.
func (g *Graph) onPointerDown(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if e.Get("pointerType").String() == "mouse" && num(e.Get("button")) != 0 {
		return
	}
	g.press(int(num(e.Get("pointerId"))), num(e.Get("clientX")), num(e.Get("clientY")))
}

// press records pointer id pressed at the client point (x, y).
func (g *Graph) press(id int, x, y float64) {
	g.scene()
	g.noClick = false
	for i := range g.pointers {
		if g.pointers[i].id == id {
			g.pointers[i] = pointer{id: id, x: x, y: y, startX: x, startY: y}
			return
		}
	}
	if len(g.pointers) >= 2 {
		return // a third finger is ignored
	}
	g.pointers = append(g.pointers, pointer{id: id, x: x, y: y, startX: x, startY: y})
}

// onPointerMove pans with one pointer and pans and zooms with two.
func (g *Graph) onPointerMove(ctx app.Context, e app.Event) {
	if len(g.pointers) == 0 {
		ctx.PreventUpdate()
		return
	}
	id := int(num(e.Get("pointerId")))
	capture, changed := g.move(id, num(e.Get("clientX")), num(e.Get("clientY")), viewportRect(ctx.JSSrc()))
	if capture {
		// Capture only once the press became a pan: a capture from the
		// start would send the click of a plain press to the SVG instead
		// of the node.
		safeCall(ctx.JSSrc(), "setPointerCapture", id)
	}
	if !changed {
		ctx.PreventUpdate()
	}
}

// move moves pointer id to the client point (x, y) in an element of box r.
// It reports whether the press just became a drag (so the pointer should be
// captured) and whether the view changed.
func (g *Graph) move(id int, x, y float64, r rect) (capture, changed bool) {
	s := g.scene()
	k := -1
	for i := range g.pointers {
		if g.pointers[i].id == id {
			k = i
		}
	}
	if k < 0 {
		return false, false
	}
	p := &g.pointers[k]
	if !g.dragging {
		if len(g.pointers) < 2 && math.Hypot(x-p.startX, y-p.startY) < dragThreshold {
			return false, false
		}
		g.dragging = true
		capture = true
	}
	scale, _, _ := g.view.scale(r)
	if scale == 0 {
		p.x, p.y = x, y
		return capture, true // the drag state changed
	}
	if len(g.pointers) == 1 {
		g.view = g.view.pan(-(x-p.x)/scale, -(y-p.y)/scale)
		p.x, p.y = x, y
		return capture, true
	}
	// Two pointers: follow the midpoint and scale by the change of the
	// distance between them, around the new midpoint.
	a, b := g.pointers[0], g.pointers[1]
	omx, omy := (a.x+b.x)/2, (a.y+b.y)/2
	od := math.Hypot(a.x-b.x, a.y-b.y)
	p.x, p.y = x, y
	a, b = g.pointers[0], g.pointers[1]
	nmx, nmy := (a.x+b.x)/2, (a.y+b.y)/2
	nd := math.Hypot(a.x-b.x, a.y-b.y)
	v := g.view.pan(-(nmx-omx)/scale, -(nmy-omy)/scale)
	if od > 0 && nd > 0 {
		if wx, wy, ok := v.toWorld(r, nmx, nmy); ok {
			v = v.zoomAt(nd/od, wx, wy, s.width, maxZoom(len(s.nodes)))
		}
	}
	g.view = v
	return capture, true
}

// onPointerUp ends a press or a drag.
func (g *Graph) onPointerUp(ctx app.Context, e app.Event) {
	if !g.release(int(num(e.Get("pointerId")))) {
		ctx.PreventUpdate()
	}
}

// release forgets pointer id; it reports whether a drag ended, which draws
// the view the drag reached.
func (g *Graph) release(id int) bool {
	for i := range g.pointers {
		if g.pointers[i].id == id {
			g.pointers = append(g.pointers[:i], g.pointers[i+1:]...)
			break
		}
	}
	if len(g.pointers) > 0 || !g.dragging {
		return false
	}
	g.dragging = false
	g.noClick = true
	g.commit()
	return true
}

// onDragStart stops the browser from dragging a node's link away.
func (g *Graph) onDragStart(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	e.PreventDefault()
}

// onClick opens the clicked node inside the app. go-app's own link
// handling only knows HTML A elements, and an SVG a would load the whole
// page again. Clicks with a modifier key are left to the browser (new tab,
// new window).
func (g *Graph) onClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if g.noClick {
		g.noClick = false
		e.PreventDefault()
		return
	}
	for _, k := range []string{"ctrlKey", "metaKey", "shiftKey", "altKey"} {
		if v := e.Get(k); v.Type() == app.TypeBoolean && v.Bool() {
			return
		}
	}
	if num(e.Get("button")) != 0 {
		return
	}
	if href := g.targetHref(e.Get("target")); href != "" {
		e.PreventDefault()
		ctx.Navigate(href)
	}
}

// onKeyDown opens a focused node with Enter, moves the focus to a
// neighbour with the arrows, pans with Shift and the arrows and zooms with
// +, − and 0.
func (g *Graph) onKeyDown(ctx app.Context, e app.Event) {
	key := e.Get("key").String()
	if key == "Enter" {
		ctx.PreventUpdate()
		if href := g.targetHref(e.Get("target")); href != "" {
			e.PreventDefault()
			ctx.Navigate(href)
		}
		return
	}
	if dx, dy, ok := arrow(key); ok && !e.Get("shiftKey").Bool() {
		// On a node the arrows go to a neighbour; with Shift they pan.
		if i := g.targetNode(e.Get("target")); i >= 0 {
			e.PreventDefault()
			s := g.scene()
			j := s.step(i, dx, dy)
			if j < 0 {
				ctx.PreventUpdate()
				return
			}
			g.moveRover(e.Get("target"), j)
			// Zoomed in, the neighbour may be out of view: the view goes
			// to it, as a page scrolls to what gets the focus.
			if !g.setView(g.view.reveal(s.nodes[j].x, s.nodes[j].y, g.view.w/8)) || !g.commit() {
				ctx.PreventUpdate()
			}
			return
		}
	}
	if g.key(key) {
		e.PreventDefault()
		return
	}
	ctx.PreventUpdate()
}

// arrow returns the direction of an arrow key, in world coordinates (y
// down).
func arrow(key string) (dx, dy float64, ok bool) {
	switch key {
	case "ArrowLeft":
		return -1, 0, true
	case "ArrowRight":
		return 1, 0, true
	case "ArrowUp":
		return 0, -1, true
	case "ArrowDown":
		return 0, 1, true
	}
	return 0, 0, false
}

// moveRover makes node j the graph's one Tab stop and focuses it; the
// focusin that follows lights its neighbourhood. The layer's renders never
// change tabindex after the first, so writing it here is not undone.
func (g *Graph) moveRover(from app.Value, j int) {
	svg := from.Call("closest", "svg")
	if svg.Type() != app.TypeObject {
		return
	}
	next := svg.Call("querySelector", ".graph-n-"+strconv.Itoa(j))
	if next.Type() != app.TypeObject {
		return
	}
	nodes := svg.Call("querySelectorAll", `.graph-node[tabindex="0"]`)
	for k := 0; k < nodes.Length(); k++ {
		nodes.Index(k).Call("setAttribute", "tabindex", "-1")
	}
	next.Call("setAttribute", "tabindex", "0")
	next.Call("focus")
}

// key applies a zoom or pan key; it reports whether the key was used.
func (g *Graph) key(key string) bool {
	s := g.scene()
	step := g.view.w / 10
	switch key {
	case "+", "=":
		g.zoomBy(buttonZoom)
	case "-", "_":
		g.zoomBy(1 / buttonZoom)
	case "0":
		g.view = fullView(s)
	case "ArrowLeft":
		g.view = g.view.pan(-step, 0)
	case "ArrowRight":
		g.view = g.view.pan(step, 0)
	case "ArrowUp":
		g.view = g.view.pan(0, -step)
	case "ArrowDown":
		g.view = g.view.pan(0, step)
	default:
		return false
	}
	g.commit()
	return true
}

// zoomBy zooms around the centre of the view.
func (g *Graph) zoomBy(factor float64) {
	s := g.scene()
	cx, cy := g.view.centre()
	g.view = g.view.zoomAt(factor, cx, cy, s.width, maxZoom(len(s.nodes)))
	g.commit()
}

func (g *Graph) onZoomIn(ctx app.Context, e app.Event)  { g.zoomBy(buttonZoom) }
func (g *Graph) onZoomOut(ctx app.Context, e app.Event) { g.zoomBy(1 / buttonZoom) }
func (g *Graph) onZoomReset(ctx app.Context, e app.Event) {
	g.view = fullView(g.scene())
	g.commit()
}

// onMouseOver highlights the node under the pointer, except while a
// pointer is pressed: the pressed node stays lit through a drag, and the
// graph is not drawn again under the moving picture.
func (g *Graph) onMouseOver(ctx app.Context, e app.Event) {
	if len(g.pointers) > 0 || !g.setHover(g.targetNode(e.Get("target"))) {
		ctx.PreventUpdate()
	}
}

// onMouseLeave ends the pointer's highlight.
func (g *Graph) onMouseLeave(ctx app.Context, e app.Event) {
	if !g.setHover(-1) {
		ctx.PreventUpdate()
	}
}

// setHover sets the node under the pointer and reports whether it changed.
func (g *Graph) setHover(i int) bool {
	if g.hover == i {
		return false
	}
	g.hover = i
	return true
}

// onFocusIn highlights the node that got keyboard focus.
func (g *Graph) onFocusIn(ctx app.Context, e app.Event) {
	if !g.setFocused(g.targetNode(e.Get("target"))) {
		ctx.PreventUpdate()
	}
}

// onFocusOut ends the focus highlight; a focusin follows if the focus
// moves to another node.
func (g *Graph) onFocusOut(ctx app.Context, e app.Event) {
	if !g.setFocused(-1) {
		ctx.PreventUpdate()
	}
}

// setFocused sets the focused node and reports whether it changed.
func (g *Graph) setFocused(i int) bool {
	if g.focused == i {
		return false
	}
	g.focused = i
	return true
}

// OnMount draws the graph for its box once it is in the page.
func (g *Graph) OnMount(ctx app.Context) { g.fit(ctx) }

// OnResize draws the graph again for its box after the window is resized.
func (g *Graph) OnResize(ctx app.Context) { g.fit(ctx) }

// fit measures the graph's box and, when it changed, records it so the next
// render draws the scene in it; the first time, it also makes the measure
// of the labels' width.
func (g *Graph) fit(ctx app.Context) {
	svg := graphSVG(ctx.JSSrc())
	if svg == nil {
		ctx.PreventUpdate()
		return
	}
	if g.width == nil {
		g.width = canvasWidth(svg)
	}
	r := viewportRect(svg)
	if !g.setBox(r.width, r.height) {
		ctx.PreventUpdate()
	}
}

// setBox records the size of the graph's box, rounded to whole pixels, and
// reports whether it changed. A box under minBox on a side (a graph not
// shown) is ignored.
func (g *Graph) setBox(width, height float64) bool {
	if !(width >= minBox) || !(height >= minBox) || math.IsInf(width, 0) || math.IsInf(height, 0) {
		return false
	}
	b := size{math.Round(width), math.Round(height)}
	if b == g.box {
		return false
	}
	g.box = b
	return true
}

// canvasWidth returns a measure of label widths with a canvas in the font
// the labels are drawn in (the SVG's font family, semi-bold, labelPx), or
// nil where there is no canvas.
func canvasWidth(svg app.Value) textWidth {
	if svg == nil || svg.Type() != app.TypeObject {
		return nil
	}
	doc := app.Window().Get("document")
	if !doc.Truthy() || doc.Get("createElement").Type() != app.TypeFunction {
		return nil
	}
	canvas := doc.Call("createElement", "canvas")
	if canvas.Get("getContext").Type() != app.TypeFunction {
		return nil
	}
	c2d := canvas.Call("getContext", "2d")
	if !c2d.Truthy() {
		return nil
	}
	family := "sans-serif"
	if gcs := app.Window().Get("getComputedStyle"); gcs.Type() == app.TypeFunction {
		if f := app.Window().Call("getComputedStyle", svg).Get("fontFamily"); f.Type() == app.TypeString && f.String() != "" {
			family = f.String()
		}
	}
	c2d.Set("font", "600 "+strconv.Itoa(int(labelPx))+"px "+family)
	return func(text string) float64 {
		return num(c2d.Call("measureText", text).Get("width"))
	}
}

// targetNode returns the index of the node holding an event target, or -1.
func (g *Graph) targetNode(target app.Value) int {
	el := closestNode(target)
	if el == nil {
		return -1
	}
	i, err := strconv.Atoi(el.Call("getAttribute", "data-i").String())
	if err != nil || g.sc == nil || i < 0 || i >= len(g.sc.nodes) {
		return -1
	}
	return i
}

// targetHref returns the app path of the node holding an event target, or
// "".
func (g *Graph) targetHref(target app.Value) string {
	if i := g.targetNode(target); i >= 0 {
		return g.sc.nodes[i].href
	}
	return ""
}

// closestNode returns the node element holding target, or nil.
func closestNode(target app.Value) app.Value {
	if target == nil || target.Type() != app.TypeObject || target.Get("closest").Type() != app.TypeFunction {
		return nil
	}
	el := target.Call("closest", ".graph-node")
	if el.Type() != app.TypeObject {
		return nil
	}
	return el
}

// graphSVG returns the graph's SVG element inside root (the component's
// root, or the graph's box), or nil where there is no DOM to search.
func graphSVG(root app.Value) app.Value {
	if root == nil || root.Type() != app.TypeObject || root.Get("querySelector").Type() != app.TypeFunction {
		return nil
	}
	return root.Call("querySelector", ".graph-svg")
}

// viewportRect returns the box the SVG is laid out in, in client
// coordinates, leaving out the transform of a gesture, which
// getBoundingClientRect would include: the SVG's own size (clientWidth and
// clientHeight ignore transforms) at the top-left corner of its parent's
// content box, where the stylesheet puts it. Where those are not known it
// is the SVG's bounding box.
func viewportRect(svg app.Value) rect {
	r := elemRect(svg)
	if svg == nil || svg.Type() != app.TypeObject {
		return r
	}
	w, h := num(svg.Get("clientWidth")), num(svg.Get("clientHeight"))
	parent := svg.Get("parentElement")
	if !(w > 0) || !(h > 0) || parent.Type() != app.TypeObject {
		return r
	}
	p := elemRect(parent)
	return rect{
		left:   p.left + num(parent.Get("clientLeft")),
		top:    p.top + num(parent.Get("clientTop")),
		width:  w,
		height: h,
	}
}

// elemRect returns an element's box on screen.
func elemRect(el app.Value) rect {
	if el == nil || el.Type() != app.TypeObject || el.Get("getBoundingClientRect").Type() != app.TypeFunction {
		return rect{}
	}
	b := el.Call("getBoundingClientRect")
	return rect{
		left:   num(b.Get("left")),
		top:    num(b.Get("top")),
		width:  num(b.Get("width")),
		height: num(b.Get("height")),
	}
}

// num returns a JavaScript number as a float64, and 0 for anything else.
func num(v app.Value) float64 {
	if v == nil || v.Type() != app.TypeNumber {
		return 0
	}
	return v.Float()
}

// safeCall calls a method that may throw, such as setPointerCapture for a
// pointer that is gone, and ignores the error.
func safeCall(v app.Value, method string, args ...any) {
	defer func() { _ = recover() }()
	if v != nil && v.Type() == app.TypeObject {
		v.Call(method, args...)
	}
}
