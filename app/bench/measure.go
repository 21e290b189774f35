//go:build !wasm

package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// loadResult holds the medians of cold and warm loads of / and what a
// first visit downloads.
type loadResult struct {
	cold, warm           []float64 // navigation start → ready, ms
	started              []float64 // navigation start → the WASM's main runs (download, compile, instantiate), ms
	decode, register     []float64 // corpus decode, and route registration (index build), ms
	render               []float64 // routes registered → catalog rendered and the app ready, ms
	pageBytes            []float64 // encoded bytes of the page's requests on a cold visit
	wasmEncoding         string    // Content-Encoding of app.wasm on a cold visit
	totalBytes           float64   // bytes the server sent for a first visit, service worker included
	coldRuns, warmVisits int
}

// measureLoad makes runs cold visits of / (each in a fresh browser with a
// fresh profile), each followed, once the service worker is active, by a
// warm visit; then one more cold visit through a counting proxy for the
// bytes of the whole first visit, service worker precache included.
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
			nb := t.countBytes()
			cold, err := t.visit(url+"/", condReady)
			if err != nil {
				return fmt.Errorf("cold visit: %w", err)
			}
			nb.settle(500*time.Millisecond, 5*time.Second)
			r.cold = append(r.cold, cold.ReadyAt)
			r.pageBytes = append(r.pageBytes, float64(nb.total.Load()))
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
			r.wasmEncoding = nb.encoding("/web/app.wasm")
			if err := t.swReady(); err != nil {
				return fmt.Errorf("service worker: %w", err)
			}
			// Let the worker finish precaching before leaving.
			nb.settle(time.Second, 15*time.Second)
			if err := t.do(10*time.Second, chromedp.Navigate("about:blank")); err != nil {
				return fmt.Errorf("leave the page: %w", err)
			}
			warm, err := t.visit(url+"/", condReady)
			if err != nil {
				return fmt.Errorf("warm visit: %w", err)
			}
			r.warm = append(r.warm, warm.ReadyAt)
			return nil
		}()
		if err != nil {
			return r, err
		}
		logf("  run %d/%d: cold %s, warm %s", i+1, runs, fmtMS(r.cold[len(r.cold)-1]), fmtMS(r.warm[len(r.warm)-1]))
	}
	r.coldRuns, r.warmVisits = len(r.cold), len(r.warm)
	total, err := measureFirstVisitBytes(ctx, chromium, url)
	if err != nil {
		return r, err
	}
	r.totalBytes = total
	return r, nil
}

// measureFirstVisitBytes counts what the server sends for a first visit of
// /, until the service worker is active and the network is quiet.
func measureFirstVisitBytes(ctx context.Context, chromium, url string) (float64, error) {
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
	nb := t.countBytes()
	if _, err := t.visit(proxy.URL()+"/", condReady); err != nil {
		return 0, fmt.Errorf("first visit through the proxy: %w", err)
	}
	if err := t.swReady(); err != nil {
		return 0, fmt.Errorf("service worker: %w", err)
	}
	nb.settle(2*time.Second, 20*time.Second)
	time.Sleep(time.Second)
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
