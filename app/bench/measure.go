//go:build !wasm

package bench

import (
	"context"
	_ "embed" // the echo page
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// loadResult holds the medians of cold and warm loads of / and what a
// first visit downloads.
type loadResult struct {
	cold, warm           []float64 // navigation start → ready, ms
	started              []float64 // navigation start → the WASM's main runs (download, compile, instantiate), ms
	decode, register     []float64 // corpus decode, and route registration (index build), ms
	render               []float64 // routes registered → catalog rendered and the app ready, ms
	compileCold          []float64 // the loader's fetch → compiled WASM on a cold visit, ms
	compileWarm          []float64 // the same on a warm visit: V8's code cache, if it serves, shows here
	pageBytes            float64   // bytes the server sent for a first visit without the service worker
	totalBytes           float64   // bytes the server sent for a first visit, service worker included
	coldRuns, warmVisits int
}

// measureLoad makes runs cold visits of / (each in a fresh browser with a
// fresh profile), each followed, once the service worker is active, by a
// warm visit; then two more cold visits through a counting proxy for the
// bytes of a first visit, without and with the service worker's precache.
func measureLoad(ctx context.Context, chromium, url string, runs int, logf func(string, ...any)) (loadResult, error) {
	var r loadResult
	for i := range runs {
		t, err := newTab(ctx, chromium)
		if err != nil {
			return r, err
		}
		err = func() error {
			defer t.cancel()
			if err := t.watch(); err != nil {
				return err
			}
			requests := t.watchRequests()
			cold, err := t.visit(url+"/", condReady)
			if err != nil {
				return fmt.Errorf("cold visit: %w", err)
			}
			requests.settle(500*time.Millisecond, 5*time.Second)
			r.cold = append(r.cold, cold.ReadyAt)
			if cold.Decoded > 0 && cold.DecodeStart >= 0 {
				r.decode = append(r.decode, cold.Decoded-cold.DecodeStart)
			}
			if cold.Registered > 0 && cold.Decoded > 0 {
				r.register = append(r.register, cold.Registered-cold.Decoded)
				r.render = append(r.render, cold.ReadyAt-cold.Registered)
			}
			if cold.DecodeStart > 0 {
				r.started = append(r.started, cold.DecodeStart)
			}
			if d, ok := cold.compile(); ok {
				r.compileCold = append(r.compileCold, d)
			}
			if err := t.swReady(); err != nil {
				return fmt.Errorf("service worker: %w", err)
			}
			// Let the worker finish precaching before leaving.
			requests.settle(time.Second, 15*time.Second)
			if err := t.do(10*time.Second, chromedp.Navigate("about:blank")); err != nil {
				return fmt.Errorf("leave the page: %w", err)
			}
			warm, err := t.visit(url+"/", condReady)
			if err != nil {
				return fmt.Errorf("warm visit: %w", err)
			}
			r.warm = append(r.warm, warm.ReadyAt)
			if d, ok := warm.compile(); ok {
				r.compileWarm = append(r.compileWarm, d)
			}
			return nil
		}()
		if err != nil {
			return r, err
		}
		logf("  run %d/%d: cold %s, warm %s", i+1, runs, fmtMS(r.cold[len(r.cold)-1]), fmtMS(r.warm[len(r.warm)-1]))
	}
	r.coldRuns, r.warmVisits = len(r.cold), len(r.warm)
	page, err := measureVisitBytes(ctx, chromium, url, false)
	if err != nil {
		return r, err
	}
	total, err := measureVisitBytes(ctx, chromium, url, true)
	if err != nil {
		return r, err
	}
	r.pageBytes, r.totalBytes = page, total
	return r, nil
}

// noServiceWorker hides the service worker API from a page, so that
// go-app registers none and nothing is precached.
const noServiceWorker = `delete Navigator.prototype.serviceWorker;`

// measureVisitBytes counts, through a counting proxy, what the server
// sends for a first visit of / until the app is ready and the server has
// been quiet for two seconds. With precache, the service worker installs
// and the count goes on until it is active, its precache included;
// without, its API is hidden from the page (noServiceWorker), which leaves
// the page's own requests and its worker's: the worker fetches the WASM
// (web/compile-worker.js), and CDP's Network events on the page do not
// show its requests.
func measureVisitBytes(ctx context.Context, chromium, url string, precache bool) (float64, error) {
	proxy, err := newCountingProxy(strings.TrimPrefix(url, "http://"))
	if err != nil {
		return 0, err
	}
	defer proxy.close()
	t, err := newTab(ctx, chromium)
	if err != nil {
		return 0, err
	}
	defer t.cancel()
	if err := t.watch(); err != nil {
		return 0, err
	}
	if !precache {
		if _, err := chromedp.Call(t.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: noServiceWorker}); err != nil {
			return 0, fmt.Errorf("hide the service worker: %w", err)
		}
	}
	if _, err := t.visit(proxy.URL()+"/", condReady); err != nil {
		return 0, fmt.Errorf("first visit through the proxy: %w", err)
	}
	if precache {
		if err := t.swReady(); err != nil {
			return 0, fmt.Errorf("service worker: %w", err)
		}
	} else if has, err := eval[bool](t, 5*time.Second, `"serviceWorker" in navigator`); err != nil || has {
		return 0, fmt.Errorf("the service worker was not hidden (%v)", err)
	}
	proxy.settle(2*time.Second, 20*time.Second)
	return float64(proxy.down.Load()), nil
}

// keystrokeScript instruments the search page: an input listener in the
// capture phase notes when a keystroke reaches the page, and a
// MutationObserver notes when the results for the box's new value are in
// the DOM (the heading quotes the query and the list, or the "no results"
// note, is there), then the next frame after that. window.__kb.wait()
// resolves with both times, in milliseconds from the input event.
const keystrokeScript = `(() => {
  const k = window.__kb = { want: null, t0: 0, dom: 0, frame: 0, resolve: null };
  window.addEventListener('input', e => {
    if (!e.target || e.target.id !== 'q') return;
    k.t0 = performance.now(); k.want = e.target.value; k.dom = 0; k.frame = 0;
    check();
  }, true);
  const finish = () => { if (k.resolve) { const r = k.resolve; k.resolve = null; r({ dom: k.dom, frame: k.frame }); } };
  const check = () => {
    if (k.want === null || k.dom) return;
    const q = document.querySelector('#main h1 q');
    const ok = k.want === '' ? !q
      : (q && q.textContent === k.want && (document.querySelector('#results') || document.querySelector('#no-results')));
    if (!ok) return;
    k.dom = performance.now() - k.t0;
    requestAnimationFrame(() => setTimeout(() => { k.frame = performance.now() - k.t0; finish(); }, 0));
  };
  new MutationObserver(check).observe(document.querySelector('#main'), { subtree: true, childList: true, characterData: true, attributes: true });
  k.wait = () => new Promise((resolve, reject) => {
    if (k.frame) { resolve({ dom: k.dom, frame: k.frame }); return; }
    k.resolve = resolve;
    setTimeout(() => reject(new Error('no results in the DOM for ' + JSON.stringify(k.want))), 15000);
  });
  k.clear = () => { const q = document.querySelector('#q'); q.value = ''; q.dispatchEvent(new Event('input', { bubbles: true })); return k.wait(); };
  return true;
})()`

// keystroke is the time one keystroke took to reach the DOM and the next
// frame, in milliseconds.
type keystroke struct {
	DOM   float64 `json:"dom"`
	Frame float64 `json:"frame"`
}

// measureKeystrokes opens /search in a fresh browser and types each query
// into the search box one key at a time, with real key events; the first
// query warms up and is not counted.
func measureKeystrokes(ctx context.Context, chromium, url string, queries []string) ([]keystroke, error) {
	t, err := newTab(ctx, chromium)
	if err != nil {
		return nil, err
	}
	defer t.cancel()
	if err := t.watch(); err != nil {
		return nil, err
	}
	if _, err := t.visit(url+"/search", condApp); err != nil {
		return nil, err
	}
	if _, err := eval[bool](t, 10*time.Second, keystrokeScript); err != nil {
		return nil, err
	}
	if err := t.do(10*time.Second, chromedp.Focus(chromedp.CSS("#q"))); err != nil {
		return nil, fmt.Errorf("focus the search box: %w", err)
	}
	var out []keystroke
	for i, q := range append([]string{queries[0]}, queries...) {
		if _, err := eval[keystroke](t, 20*time.Second, `window.__kb.clear()`); err != nil {
			return nil, fmt.Errorf("clear the search box: %w", err)
		}
		for _, ch := range q {
			if err := t.do(10*time.Second, chromedp.KeyEvent(string(ch))); err != nil {
				return nil, fmt.Errorf("type %q: %w", ch, err)
			}
			k, err := eval[keystroke](t, 20*time.Second, `window.__kb.wait()`)
			if err != nil {
				return nil, fmt.Errorf("typing %q: %w", q, err)
			}
			if i > 0 {
				out = append(out, k)
			}
		}
	}
	return out, nil
}

// echoPage does no more per keystroke than the keystroke script waits
// for: the heading quotes the box and a one-row list follows. Typed into
// as the app is, it gives the floor of keystroke → next frame in this
// browser on this machine: the wait for the next frame that no page can
// skip.
//
//go:embed harness/echo.html
var echoPage []byte

// measureKeystrokeFloor types the queries into the echo page, as
// measureKeystrokes does into the app.
func measureKeystrokeFloor(ctx context.Context, chromium string, queries []string) ([]keystroke, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("echo page: %w", err)
	}
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(echoPage)
	})}
	go srv.Serve(ln)
	defer srv.Close()
	return measureKeystrokes(ctx, chromium, "http://"+ln.Addr().String(), queries)
}

// measureGraph opens /graph runs+1 times in one browser and returns the
// times from navigation start to the app's graph with its nodes, the first
// visit (which installs the service worker) left out.
func measureGraph(ctx context.Context, chromium, url string, runs int) ([]float64, error) {
	t, err := newTab(ctx, chromium)
	if err != nil {
		return nil, err
	}
	defer t.cancel()
	if err := t.watch(); err != nil {
		return nil, err
	}
	var out []float64
	for i := range runs + 1 {
		s, err := t.visit(url+"/graph", condGraph)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			if err := t.swReady(); err != nil {
				return nil, fmt.Errorf("service worker: %w", err)
			}
			continue
		}
		out = append(out, s.GraphAt)
		if err := t.do(10*time.Second, chromedp.Navigate("about:blank")); err != nil {
			return nil, fmt.Errorf("leave the page: %w", err)
		}
	}
	return out, nil
}

// frameGoal is the frame interval of 60 frames a second.
const frameGoal = 1000.0 / 60

// frameScript records the time of every animation frame until
// window.__stopFrames is set.
const frameScript = `(() => {
	window.__frames = []; window.__stopFrames = false;
	const loop = (t) => { window.__frames.push(t); if (!window.__stopFrames) requestAnimationFrame(loop); };
	requestAnimationFrame(loop);
	return true;
})()`

// frameIntervals stops the recorder and returns the intervals between its
// frames, in milliseconds.
const frameIntervals = `(() => {
	window.__stopFrames = true;
	const f = window.__frames, out = [];
	for (let i = 1; i < f.length; i++) out.push(f[i] - f[i - 1]);
	return out;
})()`

// measureGraphFrames opens /graph and, runs times, zooms it with the wheel
// and pans it with a drag through real input events (as a mouse sends
// them) while it records every animation frame; it returns the frame
// intervals of all runs, in milliseconds.
func measureGraphFrames(ctx context.Context, chromium, url string, runs int) ([]float64, error) {
	t, err := newTab(ctx, chromium)
	if err != nil {
		return nil, err
	}
	defer t.cancel()
	if err := t.do(time.Minute, chromedp.Navigate(url+"/graph")); err != nil {
		return nil, err
	}
	if err := t.poll(`document.documentElement.dataset.app === "ready" && document.querySelectorAll("#graph .graph-node").length > 0`, time.Minute); err != nil {
		return nil, fmt.Errorf("graph drawn: %w", err)
	}
	type box struct{ X, Y, W, H float64 }
	b, err := eval[box](t, 10*time.Second, `(() => { const r = document.getElementById("graph").getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
	if err != nil {
		return nil, fmt.Errorf("graph box: %w", err)
	}
	cx, cy := b.X+b.W/2, b.Y+b.H/2
	wheel := func(dy float64) chromedp.Action[chromedp.Void] {
		return chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, cx, cy,
			func(p *input.DispatchMouseEventParams) { p.DeltaY, p.DeltaX = dy, 0.001 }) // CDP drops a zero deltaX, then refuses the event
	}
	var out []float64
	for range runs {
		if _, err := eval[bool](t, 5*time.Second, frameScript); err != nil {
			return nil, err
		}
		var steps []chromedp.Action[chromedp.Void]
		for i := range 30 { // zoom in, then out again
			dy := -60.0
			if i >= 15 {
				dy = 60
			}
			steps = append(steps, wheel(dy))
		}
		steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, cx, cy, chromedp.ButtonLeft, chromedp.ClickCount(1)))
		for i := range 40 { // a drag across a third of the box and back
			dx := b.W / 3 * float64(min(i, 40-i)) / 20
			steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, cx+dx, cy+dx/3, chromedp.ButtonLeft))
		}
		steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, cx, cy, chromedp.ButtonLeft, chromedp.ClickCount(1)))
		if err := t.do(time.Minute, steps...); err != nil {
			return nil, fmt.Errorf("zoom and pan: %w", err)
		}
		iv, err := eval[[]float64](t, 10*time.Second, frameIntervals)
		if err != nil {
			return nil, err
		}
		out = append(out, iv...)
	}
	if len(out) == 0 {
		return nil, errors.New("no frame was drawn while the graph was zoomed and panned")
	}
	return out, nil
}
