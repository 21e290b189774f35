package ui

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// How a preview follows the pointer, the keyboard and the finger.
const (
	// previewHover is how long the mouse rests on a link before its
	// preview shows: long enough that a pointer passing over the text
	// opens nothing.
	previewHover = 350 * time.Millisecond
	// previewLeave is how long a preview stays once the mouse leaves its
	// link, so that the pointer can move onto it (WCAG 1.4.13, hoverable).
	previewLeave = 250 * time.Millisecond
	// previewPress is how long a finger rests on a link before its
	// preview shows instead of the link opening.
	previewPress = 500 * time.Millisecond
	// previewSlop is how far, in CSS pixels, a finger may move during a
	// long press before it counts as a scroll.
	previewSlop = 10
	// previewWidth is the widest a preview is, in CSS pixels; on a narrow
	// screen it is the screen's width less a margin on each side.
	previewWidth  = 352
	previewMargin = 8
)

// previewID is the id of the preview, which the previewed link names as
// its description (aria-describedby).
const previewID = "link-preview"

// previewable is where links are previewed: the text of patterns and
// pages and the lists of links in and out, not the header, the cards, the
// search results or the graph, which show their own.
const previewable = ".summary, .section-body, .variant-body, .page-body, .links"

// preview shows what a link in the text points at — a pattern's title,
// building blocks and summary, or a glossary term's entry — in a small
// card beside it: after a moment's hover, at once when the link takes the
// keyboard focus, and on a long press on a touch screen, which then does
// not open the link. The card stays while the pointer moves onto it and
// follows its link as the page scrolls; Escape, leaving the link, a tap
// elsewhere, scrolling the link away and any navigation hide it (WCAG
// 1.4.13). It listens on the document, once, so that links
// rendered at build time, which hold no handlers, are previewed too.
type preview struct {
	app.Compo

	c *corpus.Corpus

	shown  bool
	link   app.Value // the link previewed, while shown
	doc    int       // the document it points at
	anchor string    // and the anchor, for a page's entry
	left   float64   // where the card is, in viewport pixels
	top    float64   // from the top, or when above, from the bottom
	above  bool      // the card is above the link
	width  float64

	// seq counts the visitor's moves, so that a timer set by one knows
	// whether another came after it.
	seq int
	// touch is whether the last pointer was a finger, whose taps also
	// fire mouse events that must not open a preview.
	touch bool
	// press is where a finger went down on a link, for the slop.
	pressX, pressY float64
	// swallow is set when a long press showed the preview: the click the
	// finger's release sends is not a tap on the link.
	swallow bool

	listening listeners
}

func newPreview(c *corpus.Corpus) *preview { return &preview{c: c} }

// OnMount listens on the document for the moves that show and hide the
// preview.
func (p *preview) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	listen := func(target app.Value, event string, capture bool, f func(ctx app.Context, e app.Value)) {
		p.listening.on(target, event, capture, func(e app.Value) { f(ctx, e) })
	}
	listen(doc, "mouseover", false, p.onMouseOver)
	listen(doc, "mouseout", false, p.onMouseOut)
	listen(doc, "focusin", false, p.onFocusIn)
	listen(doc, "focusout", false, p.onFocusOut)
	listen(doc, "keydown", false, p.onKeyDown)
	listen(doc, "pointerdown", true, p.onPointerDown)
	listen(doc, "pointermove", true, p.onPointerMove)
	listen(doc, "pointerup", true, p.onPointerEnd)
	listen(doc, "pointercancel", true, p.onPointerEnd)
	listen(doc, "click", true, p.onClick)
	listen(doc, "contextmenu", true, p.onContextMenu)
	listen(app.Window().JSValue(), "scroll", false, p.onScroll)
}

// OnDismount removes the listeners.
func (p *preview) OnDismount() { p.listening.release() }

// OnNav hides the preview: its link has gone with the page.
func (p *preview) OnNav(ctx app.Context) {
	p.seq++
	p.swallow = false
	p.hide()
}

// later runs f after d in go-app's loop unless the visitor made another
// move in between, and draws the preview then.
func (p *preview) later(ctx app.Context, d time.Duration, f func()) {
	p.seq++
	seq := p.seq
	run := func(ctx app.Context) {
		if p.seq == seq {
			f()
		}
	}
	if d == 0 {
		ctx.Dispatch(run)
		return
	}
	ctx.After(d, run)
}

// linkOf returns the previewable link an event's target is in, with the
// document and anchor it points at.
func (p *preview) linkOf(e app.Value) (app.Value, int, string, bool) {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return nil, 0, "", false
	}
	a := t.Call("closest", "a[href]")
	if !a.Truthy() || a.Get("classList").Call("contains", "broken").Bool() || !a.Call("closest", previewable).Truthy() {
		return nil, 0, "", false
	}
	i, anchor, ok := p.target(a.Get("href").String(), app.Window().URL().Host)
	return a, i, anchor, ok
}

// target returns the document and the anchor an absolute link address
// names on this site, served from host: a pattern, or a page's entry; ok
// is false for anything else.
func (p *preview) target(addr, host string) (int, string, bool) {
	u, err := url.Parse(addr)
	if err != nil || u.Host != host {
		return 0, "", false
	}
	r := routeOf(p.c, u)
	switch {
	case r.Kind == corpus.RoutePattern:
		return r.Doc, "", true
	case r.Kind == corpus.RoutePage && p.c.Docs[r.Doc].EntryOf(u.Fragment) != nil:
		return r.Doc, u.Fragment, true
	}
	return 0, "", false
}

// inCard reports whether a node is inside the preview.
func inCard(n app.Value) bool {
	return n.Truthy() && n.Get("closest").Truthy() && n.Call("closest", "#"+previewID).Truthy()
}

func (p *preview) onMouseOver(ctx app.Context, e app.Value) {
	if p.touch {
		return
	}
	if inCard(e.Get("target")) {
		p.seq++ // the pointer reached the card: keep it
		return
	}
	a, i, anchor, ok := p.linkOf(e)
	switch {
	case ok && p.shown && a.Equal(p.link):
		p.seq++
	case ok:
		p.later(ctx, previewHover, func() { p.show(a, i, anchor) })
	}
}

func (p *preview) onMouseOut(ctx app.Context, e app.Value) {
	if p.touch {
		return
	}
	to := e.Get("relatedTarget")
	if inCard(to) || (p.link != nil && to.Truthy() && p.link.Call("contains", to).Bool()) {
		return
	}
	_, _, _, fromLink := p.linkOf(e)
	if fromLink || inCard(e.Get("target")) {
		p.later(ctx, previewLeave, p.hide)
	}
}

// onFocusIn previews a link that the keyboard focused, not one a click
// focused on its way to opening it.
func (p *preview) onFocusIn(ctx app.Context, e app.Value) {
	if a, i, anchor, ok := p.linkOf(e); ok && a.Call("matches", ":focus-visible").Bool() {
		p.later(ctx, 0, func() { p.show(a, i, anchor) })
	}
}

func (p *preview) onFocusOut(ctx app.Context, e app.Value) {
	if _, _, _, ok := p.linkOf(e); ok && !p.touch {
		p.later(ctx, 0, p.hide)
	}
}

// onScroll keeps a preview beside its link as the page moves, and hides
// it once the link has left the screen. (A scroll that takes the link
// from under the pointer also ends the hover, which the browser tells.)
func (p *preview) onScroll(ctx app.Context, e app.Value) {
	if !p.shown {
		return
	}
	ctx.Dispatch(func(ctx app.Context) {
		if p.shown {
			p.show(p.link, p.doc, p.anchor)
		}
	})
}

func (p *preview) onKeyDown(ctx app.Context, e app.Value) {
	if p.shown && e.Get("key").String() == "Escape" {
		p.later(ctx, 0, p.hide)
	}
}

func (p *preview) onPointerDown(ctx app.Context, e app.Value) {
	p.touch = e.Get("pointerType").String() != "mouse"
	if inCard(e.Get("target")) {
		return
	}
	p.swallow = false
	a, i, anchor, ok := p.linkOf(e)
	if !ok || !p.touch {
		if p.shown && !ok {
			p.later(ctx, 0, p.hide)
		}
		return
	}
	p.pressX, p.pressY = e.Get("clientX").Float(), e.Get("clientY").Float()
	p.later(ctx, previewPress, func() {
		p.swallow = true
		p.show(a, i, anchor)
	})
}

func (p *preview) onPointerMove(ctx app.Context, e app.Value) {
	if e.Get("pointerType").String() == "mouse" {
		p.touch = false
		return
	}
	if math.Hypot(e.Get("clientX").Float()-p.pressX, e.Get("clientY").Float()-p.pressY) > previewSlop && !p.shown {
		p.seq++ // a scroll, not a press
	}
}

func (p *preview) onPointerEnd(ctx app.Context, e app.Value) {
	if p.touch && !p.shown {
		p.seq++ // released before the long press: a tap
	}
}

// onClick swallows the click that ends a long press, so that the finger
// sees the preview rather than leaving the page.
func (p *preview) onClick(ctx app.Context, e app.Value) {
	if !p.swallow {
		return
	}
	p.swallow = false
	if p.link != nil && p.link.Call("contains", e.Get("target")).Bool() {
		e.Call("preventDefault")
		e.Call("stopPropagation")
	}
}

// onContextMenu keeps the browser's menu away from a long press that
// showed a preview.
func (p *preview) onContextMenu(ctx app.Context, e app.Value) {
	if _, _, _, ok := p.linkOf(e); ok && p.touch {
		e.Call("preventDefault")
	}
}

// show previews the document i (and anchor) that link a points at, beside
// the link: below it, or above it in the lower part of the screen; or
// hides the preview when the link is off the screen.
func (p *preview) show(a app.Value, i int, anchor string) {
	if !a.Get("isConnected").Bool() {
		return
	}
	if p.link != nil && !p.link.Equal(a) {
		p.link.Call("removeAttribute", "aria-describedby")
	}
	win := app.Window()
	vw, vh := win.Get("innerWidth").Float(), win.Get("innerHeight").Float()
	r := a.Call("getBoundingClientRect")
	if r.Get("bottom").Float() < 0 || r.Get("top").Float() > vh {
		p.hide() // scrolled away
		return
	}
	p.width = math.Min(previewWidth, vw-2*previewMargin)
	p.left = math.Max(previewMargin, math.Min(r.Get("left").Float(), vw-p.width-previewMargin))
	p.above = r.Get("bottom").Float() > vh*0.6
	if p.above {
		p.top = vh - r.Get("top").Float() + 6
	} else {
		p.top = r.Get("bottom").Float() + 6
	}
	p.shown, p.link, p.doc, p.anchor = true, a, i, anchor
	a.Call("setAttribute", "aria-describedby", previewID)
}

// hide takes the preview away.
func (p *preview) hide() {
	if p.link != nil && p.link.Truthy() {
		p.link.Call("removeAttribute", "aria-describedby")
	}
	p.shown, p.link = false, nil
}

// Render draws the card, hidden when nothing is previewed.
func (p *preview) Render() app.UI {
	card := app.Div().ID(previewID).Role("tooltip").Class("preview")
	if !p.shown || p.doc < 0 || p.doc >= len(p.c.Docs) {
		return card.Hidden(true)
	}
	d := &p.c.Docs[p.doc]
	top, bottom := fmtPx(p.top), "auto"
	if p.above {
		top, bottom = bottom, top
	}
	card = card.
		Style("left", "%s", fmtPx(p.left)).
		Style("top", "%s", top).
		Style("bottom", "%s", bottom).
		Style("width", "%s", fmtPx(p.width))
	if e := d.EntryOf(p.anchor); e != nil {
		return card.Body(
			app.P().Class("preview-kind").Text(d.Title),
			app.A().Class("preview-title").TabIndex(-1).Href(href(p.c, corpus.At(d.Path(), e.Anchor))).Text(e.Term),
			app.P().Class("preview-text").Text(firstSentences(strings.TrimLeft(strings.TrimPrefix(e.Text, e.Term), ":;,. "), 2)),
		)
	}
	return card.Body(
		app.A().Class("preview-title").TabIndex(-1).Href(href(p.c, d.Path())).Text(d.Title),
		blockChips(p.c, d.Blocks),
		app.P().Class("preview-text").Text(cardSummary(d)),
	)
}

// fmtPx is a length in whole CSS pixels.
func fmtPx(v float64) string { return strconv.Itoa(int(math.Round(v))) + "px" }
