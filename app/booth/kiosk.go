package booth

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Kiosk timings.
const (
	// LongPress is how long the header brand must be held to leave kiosk
	// mode.
	LongPress = 2 * time.Second
	// DefaultRotateEvery is how often the featured pattern changes while
	// nobody touches the screen.
	DefaultRotateEvery = 10 * time.Second
	// kioskTick is how often the idle timer is checked.
	kioskTick = 200 * time.Millisecond
	// toastFor is how long a kiosk message stays on screen.
	toastFor = 5 * time.Second
)

// Featured is a pattern the kiosk's home view can feature.
type Featured struct {
	// Title is the pattern's title.
	Title string
	// Path is its site path (with the site's prefix), e.g. "/patterns/booth".
	Path string
	// Summary is a sentence or two about it.
	Summary string
}

// Kiosk is the controller of kiosk mode, for a screen at a booth that runs
// unattended. ?kiosk=1 turns it on and localStorage remembers it until it
// is turned off (?kiosk=0, Ctrl+Shift+K, or holding the header brand for
// LongPress). While it is on:
//   - the parent is told (OnChange), to set a "kiosk" class for larger type
//     and touch targets;
//   - links to another origin are inert;
//   - after IdleMinutes without a touch (?idle=N, fractions allowed) the
//     parent is told (OnIdle), to return to the home view and clear the
//     search;
//   - on the home view it shows a featured pattern, with a QR code a phone
//     can open, which changes every RotateEvery while nobody touches the
//     screen.
type Kiosk struct {
	app.Compo

	// AtHome tells that the home view is shown.
	AtHome bool
	// Items are the patterns the home view features in turn.
	Items []Featured
	// RotateEvery is how often the featured pattern changes while nobody
	// touches the screen.
	RotateEvery time.Duration

	onChange func(ctx app.Context, on bool)
	onIdle   func(ctx app.Context)

	cfg      KioskConfig
	item     int    // the featured item
	toast    string // a message, e.g. "Kiosk mode off"
	toastSeq int

	// Read and written by the JavaScript listeners, off the UI goroutine.
	on         atomic.Bool
	idle       atomic.Int64 // the idle time, in nanoseconds
	last       atomic.Int64 // when the screen was last touched, in Unix nanoseconds
	fired      atomic.Bool  // the idle timeout fired since the last touch
	lastRotate atomic.Int64 // when the featured item last changed
	press      atomic.Int64 // the long press on the brand in progress, or 0
	swallow    atomic.Bool  // the click that ends a long press is dropped

	release []func()
	cancel  context.CancelFunc
}

// NewKiosk returns a kiosk controller, off until the URL or the stored
// setting turns it on.
func NewKiosk() *Kiosk { return &Kiosk{RotateEvery: DefaultRotateEvery} }

// Home tells the controller whether the home view is shown.
func (k *Kiosk) Home(atHome bool) *Kiosk {
	k.AtHome = atHome
	return k
}

// Featuring sets the patterns the home view features in turn.
func (k *Kiosk) Featuring(items []Featured) *Kiosk {
	k.Items = items
	return k
}

// Rotate sets how often the featured pattern changes.
func (k *Kiosk) Rotate(every time.Duration) *Kiosk {
	k.RotateEvery = every
	return k
}

// OnChange sets the func called, on the UI goroutine, when kiosk mode turns
// on or off. Like OnIdle it is kept from the first render: pass a method
// of a component that lives as long as the controller.
func (k *Kiosk) OnChange(f func(ctx app.Context, on bool)) *Kiosk {
	k.onChange = f
	return k
}

// OnIdle sets the func called, on the UI goroutine, when the kiosk has
// not been touched for its idle time.
func (k *Kiosk) OnIdle(f func(ctx app.Context)) *Kiosk {
	k.onIdle = f
	return k
}

// Active reports whether kiosk mode is on.
func (k *Kiosk) Active() bool { return k.cfg.On }

// Config returns the kiosk's settings.
func (k *Kiosk) Config() KioskConfig { return k.cfg }

// FeaturedItem returns the item featured now, and false when there is
// none.
func (k *Kiosk) FeaturedItem() (Featured, bool) {
	if len(k.Items) == 0 {
		return Featured{}, false
	}
	return k.Items[k.item%len(k.Items)], true
}

// configure sets the kiosk's settings and reports whether it turned on or
// off.
func (k *Kiosk) configure(cfg KioskConfig) bool {
	was := k.cfg.On
	k.cfg = cfg
	k.on.Store(cfg.On)
	k.idle.Store(int64(cfg.Idle()))
	k.touch()
	return was != cfg.On
}

// touch records activity: the idle timer and the rotation start again.
func (k *Kiosk) touch() {
	now := time.Now().UnixNano()
	k.last.Store(now)
	k.lastRotate.Store(now)
	k.fired.Store(false)
}

// advance features the next item.
func (k *Kiosk) advance() {
	if len(k.Items) > 0 {
		k.item = (k.item + 1) % len(k.Items)
	}
}

// idleDue reports whether, at now, the idle timeout has passed since the
// last touch.
func idleDue(now, last time.Time, idle time.Duration) bool {
	return idle > 0 && now.Sub(last) >= idle
}

// OnMount reads the stored setting and the URL, listens for touches and
// keys, and starts the idle timer.
func (k *Kiosk) OnMount(ctx app.Context) {
	if !inBrowser() {
		return
	}
	var stored KioskConfig
	if err := ctx.LocalStorage().Get(KioskStorageKey, &stored); err != nil {
		stored = KioskConfig{}
	}
	cfg, _ := stored.ApplyQuery(app.Window().URL().Query())
	toast := ""
	if cfg.On && !stored.On {
		toast = kioskOnMessage
	}
	// What is stored already need not be written again: a write to the
	// browser's storage on every start cost 5-9 ms of the first draw.
	if cfg != stored {
		k.remember(ctx, cfg)
	}
	k.show(ctx, cfg, toast)
	k.listen(ctx)
	k.cancel = every(ctx, kioskTick, func() { k.tick(ctx) })
}

// OnNav applies ?kiosk= and ?idle= of a URL the app navigated to.
func (k *Kiosk) OnNav(ctx app.Context) {
	if !inBrowser() {
		return
	}
	if cfg, changed := k.cfg.ApplyQuery(ctx.Page().URL().Query()); changed && cfg != k.cfg {
		k.turn(ctx, cfg, "")
	}
}

// OnDismount removes the listeners and stops the timer.
func (k *Kiosk) OnDismount() {
	for _, r := range k.release {
		r()
	}
	k.release = nil
	if k.cancel != nil {
		k.cancel()
		k.cancel = nil
	}
}

// turn applies settings, remembers them, shows a message and tells the
// parent when kiosk mode turned on or off.
func (k *Kiosk) turn(ctx app.Context, cfg KioskConfig, toast string) {
	k.remember(ctx, cfg)
	k.show(ctx, cfg, toast)
}

// remember stores settings for the next visit; settings with kiosk mode
// off are stored as none.
func (k *Kiosk) remember(ctx app.Context, cfg KioskConfig) {
	if !inBrowser() {
		return
	}
	if cfg.On {
		if err := ctx.LocalStorage().Set(KioskStorageKey, cfg); err != nil {
			app.Log("kiosk: remember the setting: " + err.Error())
		}
		return
	}
	ctx.LocalStorage().Del(KioskStorageKey)
}

// show applies settings, shows a message and tells the parent when kiosk
// mode turned on or off.
func (k *Kiosk) show(ctx app.Context, cfg KioskConfig, toast string) {
	changed := k.configure(cfg)
	if toast != "" {
		k.say(ctx, toast)
	}
	if changed && k.onChange != nil {
		k.onChange(ctx, cfg.On)
	}
}

// toggle turns kiosk mode off, or on with the remembered idle time.
func (k *Kiosk) toggle(ctx app.Context) {
	if k.cfg.On {
		k.turn(ctx, KioskConfig{}, "Kiosk mode off")
		return
	}
	k.turn(ctx, KioskConfig{On: true, IdleMinutes: DefaultIdleMinutes}, kioskOnMessage)
}

// kioskOnMessage says how to leave kiosk mode; kioskOnKeys, shown only
// where there is a keyboard (a key hint), adds the key combination.
const (
	kioskOnMessage = "Kiosk mode on — hold the title for 2 seconds to leave"
	kioskOnKeys    = " (or press Ctrl+Shift+K)"
)

// say shows a message for a few seconds.
func (k *Kiosk) say(ctx app.Context, msg string) {
	k.toastSeq++
	k.toast = msg
	seq := k.toastSeq
	ctx.After(toastFor, func(ctx app.Context) {
		if k.toastSeq == seq {
			k.toast = ""
		}
	})
}

// tick checks the idle timer and rotates the featured pattern; it runs
// every kioskTick, off the UI goroutine.
func (k *Kiosk) tick(ctx app.Context) {
	if !k.on.Load() {
		return
	}
	now := time.Now()
	last := time.Unix(0, k.last.Load())
	if !k.fired.Load() && idleDue(now, last, time.Duration(k.idle.Load())) {
		k.fired.Store(true)
		ctx.Dispatch(k.goIdle)
	}
	if every := k.RotateEvery; every > 0 &&
		now.Sub(last) >= every && now.Sub(time.Unix(0, k.lastRotate.Load())) >= every {
		k.lastRotate.Store(now.UnixNano())
		ctx.Dispatch(k.rotate)
	}
}

// goIdle returns the kiosk to its resting state: keyboard closed, top of
// the page, and whatever the parent does (home view, empty search).
func (k *Kiosk) goIdle(ctx app.Context) {
	if !k.cfg.On {
		ctx.PreventUpdate()
		return
	}
	if inBrowser() {
		_ = try(func() {
			if el := app.Window().Get("document").Get("activeElement"); isFunc(el, "blur") {
				el.Call("blur")
			}
			app.Window().Call("scrollTo", 0, 0)
		})
	}
	if k.onIdle != nil {
		k.onIdle(ctx)
	}
}

// rotate features the next item while the home view is shown.
func (k *Kiosk) rotate(ctx app.Context) {
	if !k.cfg.On || !k.AtHome || len(k.Items) < 2 {
		ctx.PreventUpdate()
		return
	}
	k.advance()
}

// listen adds the window listeners: any touch or key restarts the idle
// timer; a long press on the brand or Ctrl+Shift+K leaves kiosk mode;
// clicks on links to another origin are dropped.
func (k *Kiosk) listen(ctx app.Context) {
	win := app.Window()
	activity := func(app.Value) { k.touch() }
	for _, ev := range []string{"wheel", "touchstart", "input"} {
		k.release = append(k.release, listen(win, ev, true, activity))
	}
	k.release = append(k.release,
		listen(win, "pointerdown", true, func(e app.Value) {
			k.touch()
			k.swallow.Store(false)
			if !k.on.Load() || !onBrand(e) {
				return
			}
			id := time.Now().UnixNano()
			k.press.Store(id)
			ctx.After(LongPress, func(ctx app.Context) {
				if !k.press.CompareAndSwap(id, 0) || !k.cfg.On {
					ctx.PreventUpdate()
					return
				}
				k.swallow.Store(true)
				k.turn(ctx, KioskConfig{}, "Kiosk mode off")
			})
		}),
		listen(win, "pointerup", true, func(app.Value) { k.press.Store(0) }),
		listen(win, "pointercancel", true, func(app.Value) { k.press.Store(0) }),
		listen(win, "keydown", true, func(e app.Value) {
			k.touch()
			if e.Get("ctrlKey").Truthy() && e.Get("shiftKey").Truthy() && e.Get("code").String() == "KeyK" {
				e.Call("preventDefault")
				e.Call("stopPropagation")
				ctx.Dispatch(k.toggle)
			}
		}),
		listen(win, "click", true, k.guardClick),
		listen(win, "auxclick", true, k.guardClick),
		listen(win, "contextmenu", true, func(e app.Value) {
			if k.on.Load() && onBrand(e) {
				e.Call("preventDefault")
			}
		}),
	)
}

// guardClick drops the click that ends a long press on the brand, and in
// kiosk mode any click on a link to another origin (go-app would open it
// in a new window).
func (k *Kiosk) guardClick(e app.Value) {
	if k.swallow.Load() && onBrand(e) {
		k.swallow.Store(false)
		e.Call("preventDefault")
		e.Call("stopImmediatePropagation")
		return
	}
	if !k.on.Load() {
		return
	}
	if a := closest(e, "a[href]"); a.Truthy() && foreignLink(a) {
		e.Call("preventDefault")
		e.Call("stopImmediatePropagation")
	}
}

// closest returns the event target's closest ancestor matching a CSS
// selector, or undefined.
func closest(e app.Value, selector string) app.Value {
	t := e.Get("target")
	if !isFunc(t, "closest") {
		return app.Undefined()
	}
	var el app.Value = app.Undefined()
	if err := try(func() { el = t.Call("closest", selector) }); err != nil {
		return app.Undefined()
	}
	return el
}

// onBrand reports whether an event happened on the header brand.
func onBrand(e app.Value) bool { return closest(e, ".brand").Truthy() }

// foreignLink reports whether a link (HTML or SVG) leads to another origin
// or scheme than the page's.
func foreignLink(a app.Value) bool {
	href := a.Call("getAttribute", "href")
	if !href.Truthy() {
		return false
	}
	win := app.Window()
	foreign := true // a link that cannot be parsed is not followed either
	_ = try(func() {
		u := win.Get("URL").New(href.String(), win.Get("location").Get("href"))
		foreign = u.Get("origin").String() != win.Get("location").Get("origin").String()
	})
	return foreign
}

// Render draws the kiosk's message and, on the home view in kiosk mode,
// the featured pattern.
func (k *Kiosk) Render() app.UI {
	item, ok := k.FeaturedItem()
	return app.Div().ID("kiosk").Class("kiosk-slot").Body(
		app.If(k.toast != "", func() app.UI {
			return app.P().ID("kiosk-toast").Class("kiosk-toast").Role("status").Body(
				app.Text(k.toast),
				app.If(k.toast == kioskOnMessage, func() app.UI { return app.Span().Class("key-hint inline").Text(kioskOnKeys) }),
			)
		}),
		app.If(k.cfg.On && k.AtHome && ok, func() app.UI { return k.featured(item) }),
	)
}

// featuredHint tells a visitor at the kiosk what to do with the featured
// pattern: touch it, and scan its code when there is one.
func featuredHint(withCode bool) string {
	if withCode {
		return "Touch a pattern to read it, or scan the code to take it with you."
	}
	return "Touch a pattern to read it."
}

// featured shows one pattern, with a QR code when a phone can reach it.
func (k *Kiosk) featured(item Featured) app.UI {
	loc := here()
	url := ""
	if loc.known() && (!loc.loopback() || len(loc.lan) > 0) {
		url = loc.reachable(item.Path)
	}
	return app.Section().ID("featured").Class("featured").Aria("label", "Featured pattern").Body(
		app.Div().Class("featured-text").Body(
			app.P().Class("featured-label").Text("Featured pattern"),
			app.H2().Class("featured-title").Body(
				app.A().Href(item.Path).Text(item.Title),
			),
			app.P().Class("featured-summary").Text(item.Summary),
			app.P().Class("featured-hint").Text(featuredHint(url != "")),
		),
		app.If(url != "", func() app.UI {
			return NewQRCode(url).ID("featured-qr").Class("featured-qr").Label("QR code for " + item.Title)
		}),
	)
}
