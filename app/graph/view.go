package graph

import (
	"math"
	"strconv"
)

// Zoom limits, relative to the whole world in view.
const (
	minZoom = 0.5
	// baseMaxZoom is the largest zoom: past the last label level, so
	// every label that can be placed is reached.
	baseMaxZoom = 20.0
	// buttonZoom is the factor of one press of the + or − button.
	buttonZoom = 1.5
	// minBox is the smallest box, in pixels on each side, the graph is
	// drawn for; a smaller one (a hidden graph) keeps the last.
	minBox = 48
)

// viewBox is the part of the world shown by the SVG, in user units.
type viewBox struct {
	x, y, w, h float64
}

// fullView shows the whole world of a scene.
func fullView(s *scene) viewBox {
	return viewBox{0, 0, s.width, s.height}
}

// String formats the box as the viewBox attribute wants it, to a
// thousandth of a unit: the CSS transform of a gesture (transformTo) is
// computed from the exact box, so the attribute must not be far from it.
func (v viewBox) String() string {
	f := func(x float64) string {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "0"
		}
		return strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64)
	}
	return f(v.x) + " " + f(v.y) + " " + f(v.w) + " " + f(v.h)
}

// transformTo returns the CSS transform, about the top-left corner of the
// SVG element of size b (CSS pixels), that moves what the element draws for
// the view v to where it would draw it for the view live; "" when the two
// are the same or the box is not known. A gesture shows its view this way:
// the compositor moves the picture already drawn, where a new viewBox makes
// the browser draw every node and edge again.
func (v viewBox) transformTo(live viewBox, b size) string {
	if v == live {
		return ""
	}
	box := rect{width: b.w, height: b.h}
	s, ox, oy := v.scale(box)
	ls, lox, loy := live.scale(box)
	if s == 0 || ls == 0 {
		return ""
	}
	// A world point p is at o + (p - v.xy)·s for v and at
	// lo + (p - live.xy)·ls for live: a scale by a = ls/s and a shift.
	a := ls / s
	tx := lox - live.x*ls - a*(ox-v.x*s)
	ty := loy - live.y*ls - a*(oy-v.y*s)
	if math.IsNaN(a+tx+ty) || math.IsInf(a+tx+ty, 0) {
		return ""
	}
	px := func(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }
	return "translate(" + px(tx) + "px," + px(ty) + "px) scale(" + strconv.FormatFloat(a, 'g', 7, 64) + ")"
}

// zoom returns how much the view is magnified compared with the full view
// of a world of the given width.
func (v viewBox) zoom(world float64) float64 {
	if !(v.w > 0) {
		return 1
	}
	return world / v.w
}

// zoomAt magnifies the view by factor (above 1 zooms in) keeping the world
// point (px, py) where it is on screen, within [minZoom, max] of a world of
// the given width.
func (v viewBox) zoomAt(factor, px, py, world, max float64) viewBox {
	if !(factor > 0) || math.IsInf(factor, 0) || !(v.w > 0) || !(v.h > 0) {
		return v
	}
	w := v.w / factor
	w = math.Max(world/max, math.Min(world/minZoom, w))
	k := w / v.w
	return viewBox{
		x: px - (px-v.x)*k,
		y: py - (py-v.y)*k,
		w: w,
		h: v.h * k,
	}
}

// pan moves the view by (dx, dy) world units.
func (v viewBox) pan(dx, dy float64) viewBox {
	if math.IsNaN(dx) || math.IsNaN(dy) || math.IsInf(dx, 0) || math.IsInf(dy, 0) {
		return v
	}
	v.x += dx
	v.y += dy
	return v
}

// reveal returns the view moved, at the same zoom, so that it shows the
// world point (x, y) at least margin from its edges: centred on the point
// when it was outside that, else the view unchanged.
func (v viewBox) reveal(x, y, margin float64) viewBox {
	margin = min(margin, v.w/2, v.h/2)
	if x >= v.x+margin && x <= v.x+v.w-margin && y >= v.y+margin && y <= v.y+v.h-margin {
		return v
	}
	cx, cy := v.centre()
	return v.pan(x-cx, y-cy)
}

// centre returns the world point in the middle of the view.
func (v viewBox) centre() (float64, float64) {
	return v.x + v.w/2, v.y + v.h/2
}

// rect is an element's box on screen, in CSS pixels.
type rect struct {
	left, top, width, height float64
}

// scale returns the CSS pixels per user unit of the view drawn in r with
// preserveAspectRatio "xMidYMid meet", and the offset of the drawn area.
func (v viewBox) scale(r rect) (s, offX, offY float64) {
	if !(v.w > 0) || !(v.h > 0) || !(r.width > 0) || !(r.height > 0) {
		return 0, 0, 0
	}
	s = math.Min(r.width/v.w, r.height/v.h)
	offX = r.left + (r.width-v.w*s)/2
	offY = r.top + (r.height-v.h*s)/2
	return s, offX, offY
}

// toWorld converts a point in client coordinates to world coordinates; ok
// is false when the element has no size.
func (v viewBox) toWorld(r rect, cx, cy float64) (x, y float64, ok bool) {
	s, ox, oy := v.scale(r)
	if s == 0 {
		return 0, 0, false
	}
	return v.x + (cx-ox)/s, v.y + (cy-oy)/s, true
}

// maxZoom is the largest zoom for a graph of n nodes.
func maxZoom(n int) float64 {
	return baseMaxZoom
}

// wheelFactor converts a wheel event's deltaY, in the unit of deltaMode
// (0 pixels, 1 lines, 2 pages), into a zoom factor.
func wheelFactor(deltaY float64, deltaMode int) float64 {
	switch deltaMode {
	case 1:
		deltaY *= 16
	case 2:
		deltaY *= 400
	}
	deltaY = math.Max(-300, math.Min(300, deltaY))
	return math.Exp(-deltaY * 0.002)
}
