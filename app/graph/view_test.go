package graph

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// square is the full view of a square world of the given side.
func square(side float64) viewBox { return viewBox{0, 0, side, side} }

func TestZoomAt(t *testing.T) {
	full := square(1000)
	tests := []struct {
		name   string
		v      viewBox
		factor float64
		px, py float64
		wantW  float64
	}{
		{name: "zoom in around the centre", v: full, factor: 2, px: 500, py: 500, wantW: 500},
		{name: "zoom in around a corner", v: full, factor: 4, px: 100, py: 900, wantW: 250},
		{name: "zoom out", v: full, factor: 0.8, px: 300, py: 300, wantW: 1250},
		{name: "zoom out stops at the minimum", v: full, factor: 0.01, px: 500, py: 500, wantW: 1000 / minZoom},
		{name: "zoom in stops at the maximum", v: full, factor: 1000, px: 500, py: 500, wantW: 1000 / baseMaxZoom},
		{name: "a bad factor does nothing", v: full, factor: math.NaN(), px: 1, py: 1, wantW: 1000},
		{name: "a zero factor does nothing", v: full, factor: 0, px: 1, py: 1, wantW: 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.v.zoomAt(tt.factor, tt.px, tt.py, 1000, baseMaxZoom)
			if !near(got.w, tt.wantW) || !near(got.h, tt.wantW) {
				t.Fatalf("size = %v×%v, want %v", got.w, got.h, tt.wantW)
			}
			// The anchor stays at the same place relative to the view.
			if tt.factor > 0 {
				fx := (tt.px - tt.v.x) / tt.v.w
				gx := (tt.px - got.x) / got.w
				fy := (tt.py - tt.v.y) / tt.v.h
				gy := (tt.py - got.y) / got.h
				if !near(fx, gx) || !near(fy, gy) {
					t.Errorf("anchor moved from (%v, %v) to (%v, %v) of the view", fx, fy, gx, gy)
				}
			}
		})
	}
}

func TestToWorld(t *testing.T) {
	v := square(1000)
	tests := []struct {
		name   string
		r      rect
		cx, cy float64
		wantX  float64
		wantY  float64
		wantOK bool
	}{
		{name: "square element", r: rect{0, 0, 500, 500}, cx: 250, cy: 100, wantX: 500, wantY: 200, wantOK: true},
		{name: "offset element", r: rect{100, 50, 500, 500}, cx: 350, cy: 300, wantX: 500, wantY: 500, wantOK: true},
		// A wide element letterboxes the square view: 250px on each side.
		{name: "wide element", r: rect{0, 0, 1000, 500}, cx: 250, cy: 0, wantX: 0, wantY: 0, wantOK: true},
		{name: "tall element", r: rect{0, 0, 500, 1000}, cx: 500, cy: 750, wantX: 1000, wantY: 1000, wantOK: true},
		{name: "element without size", r: rect{}, cx: 10, cy: 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, y, ok := v.toWorld(tt.r, tt.cx, tt.cy)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tt.wantOK)
			}
			if ok && (!near(x, tt.wantX) || !near(y, tt.wantY)) {
				t.Errorf("world = (%v, %v), want (%v, %v)", x, y, tt.wantX, tt.wantY)
			}
		})
	}
}

func TestViewString(t *testing.T) {
	tests := []struct {
		name string
		v    viewBox
		want string
	}{
		{name: "full", v: square(1000), want: "0 0 1000 1000"},
		{name: "fractions are rounded to a thousandth", v: viewBox{12.3454, -3.04, 500.0006, 500}, want: "12.345 -3.04 500.001 500"},
		{name: "NaN is written as 0", v: viewBox{math.NaN(), 0, 1, 1}, want: "0 0 1 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWheelFactor(t *testing.T) {
	tests := []struct {
		name    string
		deltaY  float64
		mode    int
		zoomsIn bool
		zooms   bool
	}{
		{name: "wheel up zooms in", deltaY: -100, zoomsIn: true, zooms: true},
		{name: "wheel down zooms out", deltaY: 100, zooms: true},
		{name: "lines", deltaY: -3, mode: 1, zoomsIn: true, zooms: true},
		{name: "pages", deltaY: 1, mode: 2, zooms: true},
		{name: "no delta", deltaY: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := wheelFactor(tt.deltaY, tt.mode)
			if got := f > 1; got != tt.zoomsIn {
				t.Errorf("factor %v: zooms in = %v, want %v", f, got, tt.zoomsIn)
			}
			if got := f != 1; got != tt.zooms {
				t.Errorf("factor %v: zooms = %v, want %v", f, got, tt.zooms)
			}
			if f < math.Exp(-0.61) || f > math.Exp(0.61) {
				t.Errorf("factor %v is not clamped", f)
			}
		})
	}
}

// parseTransform reads back the transform written by transformTo.
func parseTransform(t *testing.T, s string) (a, tx, ty float64) {
	t.Helper()
	plain := strings.NewReplacer("translate(", "", "px", "", ",", " ", ") scale(", " ", ")", "").Replace(s)
	if n, err := fmt.Sscan(plain, &tx, &ty, &a); err != nil || n != 3 || !strings.HasPrefix(s, "translate(") {
		t.Fatalf("transform %q: %v", s, err)
	}
	return a, tx, ty
}

func TestTransformToShowsTheLiveView(t *testing.T) {
	tests := []struct {
		name        string
		drawn, live viewBox
		box         size
	}{
		{name: "pan", drawn: square(1000), live: viewBox{-50, 30, 1000, 1000}, box: size{1000, 1000}},
		{name: "zoom in", drawn: square(1000), live: viewBox{250, 250, 500, 500}, box: size{500, 500}},
		{name: "zoom out from a zoomed view", drawn: viewBox{100, 200, 250, 250}, live: viewBox{-400, -300, 1500, 1500}, box: size{390, 390}},
		{name: "a tall box letterboxes a wide world", drawn: viewBox{0, 0, 1280, 800}, live: viewBox{100, 50, 640, 400}, box: size{390, 700}},
		{name: "a wide box letterboxes a tall world", drawn: viewBox{0, 0, 390, 700}, live: viewBox{-20, 40, 780, 1400}, box: size{1280, 700}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, tx, ty := parseTransform(t, tt.drawn.transformTo(tt.live, tt.box))
			box := rect{width: tt.box.w, height: tt.box.h}
			s, ox, oy := tt.drawn.scale(box)
			ls, lox, loy := tt.live.scale(box)
			// Every world point drawn for drawn and moved by the transform
			// lands where live draws it, to a hundredth of a pixel.
			for _, p := range [][2]float64{{0, 0}, {tt.drawn.x, tt.drawn.y}, {500, 300}, {tt.live.x + tt.live.w, tt.live.y + tt.live.h}} {
				gx, gy := a*(ox+(p[0]-tt.drawn.x)*s)+tx, a*(oy+(p[1]-tt.drawn.y)*s)+ty
				wx, wy := lox+(p[0]-tt.live.x)*ls, loy+(p[1]-tt.live.y)*ls
				if math.Abs(gx-wx) > 0.02 || math.Abs(gy-wy) > 0.02 {
					t.Errorf("world point %v is drawn at (%.2f, %.2f), want (%.2f, %.2f)", p, gx, gy, wx, wy)
				}
			}
		})
	}
	if got := square(1000).transformTo(square(1000), size{500, 500}); got != "" {
		t.Errorf("the same view: transform %q, want none", got)
	}
	if got := square(1000).transformTo(viewBox{10, 0, 1000, 1000}, size{}); got != "" {
		t.Errorf("a box not measured: transform %q, want none", got)
	}
}

// TestReveal: a point in the view, away from its edges, leaves the view as
// it is; one outside or at an edge brings the view to it, at the same
// zoom.
func TestReveal(t *testing.T) {
	v := viewBox{100, 100, 200, 100}
	if got := v.reveal(200, 150, 20); got != v {
		t.Errorf("a point inside moved the view to %v", got)
	}
	for _, p := range [][2]float64{{50, 150}, {400, 150}, {200, 90}, {200, 260}, {105, 150}, {200, 195}} {
		got := v.reveal(p[0], p[1], 20)
		if got.w != v.w || got.h != v.h {
			t.Errorf("reveal(%v) zoomed: %v", p, got)
		}
		if p[0] < got.x+20 || p[0] > got.x+got.w-20 || p[1] < got.y+20 || p[1] > got.y+got.h-20 {
			t.Errorf("reveal(%v) = %v, which does not show it away from the edges", p, got)
		}
	}
}
