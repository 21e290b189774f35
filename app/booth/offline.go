package booth

import (
	"context"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Defaults of OfflineMark.
const (
	// DefaultProbePath is fetched to learn whether the server answers; it
	// is small and served by go-app's handler and by a static export.
	DefaultProbePath = "/manifest.webmanifest"
	// DefaultProbeEvery is how often the server is probed while the page
	// is visible, so that the mark follows the server within about that
	// long both ways. A probe is a HEAD request of a small file.
	DefaultProbeEvery = 2 * time.Second
	// probeTimeout bounds one probe: a server that does not answer in
	// that time counts as gone.
	probeTimeout = 2 * time.Second
)

// OfflineMark is a small mark for the header that shows when the app runs
// offline: when the browser says it is offline (navigator.onLine, and the
// online and offline events), or when the last request to the server
// failed. It probes the server on mount, when the browser comes back
// online, when the page becomes visible and every ProbeEvery while it is
// visible, bypassing the service worker's cache. A probe asked for while
// one is in flight runs as soon as that one ends, never dropped.
type OfflineMark struct {
	app.Compo

	// ProbePath is the site path (with the site's prefix) fetched to
	// probe the server.
	ProbePath string
	// ProbeEvery is the time between two probes; 0 probes only on mount
	// and when the browser comes back online.
	ProbeEvery time.Duration

	offline     bool // the browser says it is offline
	unreachable bool // the last probe failed
	probing     bool // a probe is in flight
	again       bool // another probe was asked for while one was in flight
	release     []func()
	cancel      context.CancelFunc
}

// NewOfflineMark returns an offline mark with the default probe.
func NewOfflineMark() *OfflineMark {
	return &OfflineMark{ProbePath: DefaultProbePath, ProbeEvery: DefaultProbeEvery}
}

// Probe sets the site path fetched to probe the server.
func (m *OfflineMark) Probe(path string) *OfflineMark {
	m.ProbePath = path
	return m
}

// Every sets the time between two probes.
func (m *OfflineMark) Every(d time.Duration) *OfflineMark {
	m.ProbeEvery = d
	return m
}

// Offline reports whether the mark is shown.
func (m *OfflineMark) Offline() bool { return m.offline || m.unreachable }

// OnMount reads the browser's state, listens for its changes and starts
// probing the server.
func (m *OfflineMark) OnMount(ctx app.Context) {
	if !inBrowser() {
		return
	}
	win := app.Window()
	m.offline = !win.Get("navigator").Get("onLine").Truthy()
	m.release = append(m.release,
		listen(win, "online", false, func(app.Value) {
			ctx.Dispatch(func(ctx app.Context) {
				m.offline = false
				m.probe(ctx)
			})
		}),
		listen(win, "offline", false, func(app.Value) {
			ctx.Dispatch(func(ctx app.Context) { m.offline = true })
		}),
		listen(win.Get("document"), "visibilitychange", false, func(app.Value) {
			ctx.Dispatch(func(ctx app.Context) {
				if visible() {
					m.probe(ctx)
				}
				ctx.PreventUpdate()
			})
		}),
	)
	m.probe(ctx)
	if m.ProbeEvery <= 0 {
		return
	}
	m.cancel = every(ctx, m.ProbeEvery, func() {
		ctx.Dispatch(func(ctx app.Context) {
			if visible() {
				m.probe(ctx)
			}
			ctx.PreventUpdate()
		})
	})
}

// OnDismount removes the listeners and stops probing.
func (m *OfflineMark) OnDismount() {
	for _, r := range m.release {
		r()
	}
	m.release = nil
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

// probe fetches ProbePath past the service worker's cache (a query the
// cache does not hold) and records whether the server answered.
func (m *OfflineMark) probe(ctx app.Context) {
	if m.ProbePath == "" {
		return
	}
	if m.probing {
		m.again = true
		return
	}
	win := app.Window()
	if !isFunc(win, "fetch") {
		return
	}
	url := m.ProbePath +
		"?probe=" + strconv.FormatInt(time.Now().UnixNano(), 36)
	opts := map[string]any{"method": "HEAD", "cache": "no-store", "credentials": "omit"}
	if signal := win.Get("AbortSignal"); isFunc(signal, "timeout") {
		opts["signal"] = signal.Call("timeout", int(probeTimeout/time.Millisecond))
	}
	var p app.Value
	if err := try(func() { p = win.Call("fetch", url, opts) }); err != nil {
		return
	}
	m.probing = true
	set := func(ctx app.Context, unreachable bool) {
		m.probing = false
		changed := m.unreachable != unreachable
		m.unreachable = unreachable
		if m.again {
			m.again = false
			m.probe(ctx)
		}
		if !changed {
			ctx.PreventUpdate()
		}
	}
	settle(ctx, p,
		func(ctx app.Context, _ app.Value) { set(ctx, false) },
		func(ctx app.Context, _ app.Value) { set(ctx, true) })
}

// visible reports whether the page is on screen; a hidden page does not
// probe.
func visible() bool {
	return app.Window().Get("document").Get("visibilityState").String() != "hidden"
}

// Render draws the mark, hidden while the app is online.
func (m *OfflineMark) Render() app.UI {
	title := ""
	switch {
	case m.offline:
		title = "This device is offline: visitors see the pages cached on it."
	case m.unreachable:
		title = "The server does not answer: pages come from this device's cache."
	}
	mark := app.Span().
		ID("offline-mark").
		Class("offline-mark").
		Role("status").
		Title(title).
		Text("Offline")
	if !m.Offline() {
		// Hidden(false) would prerender hidden="false", which hides too.
		mark = mark.Hidden(true)
	}
	return mark
}
