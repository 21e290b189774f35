//go:build !wasm

package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/devrel-patterns/explorer/app/headless"
)

// findChromium returns the browser's path, or "" when there is none.
func findChromium() string { return headless.Find() }

// tab is a fresh headless Chromium with one tab.
type tab struct {
	ctx    context.Context
	cancel func()
}

// newTab starts Chromium with a fresh profile in a temporary folder and the
// flags of the browser tests; nothing it does leaves the loopback interface.
func newTab(parent context.Context, chromium string) (*tab, error) {
	profile, err := os.MkdirTemp("", "explorer-bench-profile-")
	if err != nil {
		return nil, fmt.Errorf("browser profile: %w", err)
	}
	opts := headless.Options(chromium, profile)
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t := &tab{ctx: ctx, cancel: func() {
		cancelTab()
		cancelAlloc()
		os.RemoveAll(profile)
	}}
	sctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil || sctx.Err() != nil {
		t.cancel()
		return nil, fmt.Errorf("start chromium: %w", errors.Join(err, sctx.Err()))
	}
	return t, nil
}

// do runs steps with a time limit.
func (t *tab) do(d time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(t.ctx, d)
	defer cancel()
	return chromedp.Do(ctx, steps...)
}

// eval evaluates JavaScript, awaiting a promise, with a time limit.
func eval[T any](t *tab, d time.Duration, js string) (T, error) {
	ctx, cancel := context.WithTimeout(t.ctx, d)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return v, fmt.Errorf("evaluate %.60q: %w", js, err)
	}
	return v, nil
}

// watchScript runs in every document before the page's own scripts: it
// notes, with performance.now() (milliseconds since the navigation
// started), when the app has taken over with the catalog rendered and the
// search box present, and when the graph has nodes.
const watchScript = `(() => {
  const b = window.__bench = { readyAt: 0, graphAt: 0, appAt: 0 };
  const check = () => {
    const de = document.documentElement;
    if (!de || de.getAttribute('data-app') !== 'ready') return;
    const now = performance.now();
    if (!b.appAt) b.appAt = now;
    if (!b.readyAt && document.querySelector('#q') && document.querySelector('#catalog .card')) b.readyAt = now;
    if (!b.graphAt && document.querySelector('.graph-full .graph-node')) b.graphAt = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app'] });
})()`

// loadSample is what a measured navigation reports, in milliseconds since
// navigation start (-1 when absent).
type loadSample struct {
	ReadyAt     float64 `json:"readyAt"`
	GraphAt     float64 `json:"graphAt"`
	AppAt       float64 `json:"appAt"`
	DecodeStart float64 `json:"decodeStart"`
	Decoded     float64 `json:"decoded"`
	Registered  float64 `json:"registered"`
	ResponseEnd float64 `json:"responseEnd"`
	// WasmFetch and WasmCompiled are the loader's marks around fetching
	// and compiling the WASM (app/site/loader.js).
	WasmFetch    float64 `json:"wasmFetch"`
	WasmCompiled float64 `json:"wasmCompiled"`
}

// compile returns the time from the loader's fetch of the WASM to the
// compiled module, and whether both marks were made.
func (s loadSample) compile() (float64, bool) {
	if s.WasmFetch < 0 || s.WasmCompiled < s.WasmFetch {
		return 0, false
	}
	return s.WasmCompiled - s.WasmFetch, true
}

// sampleScript reads a loadSample.
const sampleScript = `(() => {
  const b = window.__bench || {};
  const m = n => { const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : -1; };
  const nav = performance.getEntriesByType('navigation')[0];
  return { readyAt: b.readyAt || -1, graphAt: b.graphAt || -1, appAt: b.appAt || -1,
    decodeStart: m('corpus-decode-start'), decoded: m('corpus-decoded'), registered: m('app-registered'),
    responseEnd: nav ? nav.responseEnd : -1, wasmFetch: m('wasm-fetch'), wasmCompiled: m('wasm-compiled') };
})()`

// watch installs watchScript for the documents the tab loads next.
func (t *tab) watch() error {
	ctx, cancel := context.WithTimeout(t.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript}); err != nil {
		return fmt.Errorf("install the watch script: %w", err)
	}
	return nil
}

// visit navigates to url and waits until cond (a JavaScript expression on
// window.__bench) holds, then reads the sample.
func (t *tab) visit(url, cond string) (loadSample, error) {
	if err := t.do(time.Minute, chromedp.Navigate(url)); err != nil {
		return loadSample{}, fmt.Errorf("navigate to %s: %w", url, err)
	}
	if err := t.poll(cond, time.Minute); err != nil {
		return loadSample{}, fmt.Errorf("wait for %s at %s: %w", cond, url, err)
	}
	return eval[loadSample](t, 10*time.Second, sampleScript)
}

// poll waits until the JavaScript expression cond is true, polling again
// when the page's execution context goes away under the poll (the service
// worker can take over, or the app reload, during a visit).
func (t *tab) poll(cond string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		ctx, cancel := context.WithDeadline(t.ctx, deadline)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Until(deadline))))
		cancel()
		if err == nil || !contextLost(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// contextLost reports whether err says the page's JavaScript context went
// away, as when the page navigates during an evaluation.
func contextLost(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context") || strings.Contains(msg, "context was destroyed") ||
		strings.Contains(msg, "Inspected target navigated")
}

// Conditions for visit.
const (
	condReady = `!!(window.__bench && window.__bench.readyAt > 0)`
	condGraph = `!!(window.__bench && window.__bench.graphAt > 0)`
	condApp   = `!!(window.__bench && window.__bench.appAt > 0)`
)

// swReady waits until the service worker is active.
func (t *tab) swReady() error {
	_, err := eval[bool](t, 30*time.Second, `navigator.serviceWorker.ready.then(() => true)`)
	return err
}

// requestWatch notes when the tab's requests finish.
type requestWatch struct {
	last atomic.Int64 // unix nanoseconds of the last finished request
}

// watchRequests starts watching the tab's requests; it ends with the tab.
func (t *tab) watchRequests() *requestWatch {
	w := &requestWatch{}
	finished := chromedp.Events(t.ctx, network.LoadingFinished)
	go func() {
		for _, err := range finished {
			if err != nil {
				return
			}
			w.last.Store(time.Now().UnixNano())
		}
	}()
	return w
}

// settle waits until no request has finished for quiet, at most limit.
func (w *requestWatch) settle(quiet, limit time.Duration) {
	end := time.Now().Add(limit)
	for time.Now().Before(end) {
		last := time.Unix(0, w.last.Load())
		if time.Since(last) >= quiet {
			return
		}
		time.Sleep(quiet / 5)
	}
}

// countingProxy forwards loopback TCP connections to a server and counts
// the bytes the server sends back: everything a browser downloads, service
// worker included, headers included.
type countingProxy struct {
	ln   net.Listener
	down atomic.Int64
	wg   sync.WaitGroup
}

// newCountingProxy listens on a free loopback port and forwards to target
// (host:port on the loopback interface).
func newCountingProxy(target string) (*countingProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("counting proxy: %w", err)
	}
	p := &countingProxy{ln: ln}
	p.wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.wg.Go(func() { p.forward(c, target) })
		}
	})
	return p, nil
}

// forward joins one client connection to the server.
func (p *countingProxy) forward(c net.Conn, target string) {
	defer c.Close()
	s, err := net.DialTimeout("tcp", target, 5*time.Second)
	if err != nil {
		return
	}
	defer s.Close()
	done := make(chan struct{})
	go func() {
		io.Copy(s, c)
		s.(*net.TCPConn).CloseWrite()
		close(done)
	}()
	io.Copy(countingWriter{c, &p.down}, s)
	c.(*net.TCPConn).CloseWrite()
	<-done
}

// settle waits until the server has sent nothing for quiet, at most limit.
func (p *countingProxy) settle(quiet, limit time.Duration) {
	end := time.Now().Add(limit)
	last, since := p.down.Load(), time.Now()
	for time.Now().Before(end) && time.Since(since) < quiet {
		time.Sleep(quiet / 5)
		if n := p.down.Load(); n != last {
			last, since = n, time.Now()
		}
	}
}

// URL is the proxy's origin.
func (p *countingProxy) URL() string { return "http://" + p.ln.Addr().String() }

// close stops accepting; open connections end with the browser.
func (p *countingProxy) close() { p.ln.Close() }

// countingWriter adds the bytes written through it to n. It counts them
// before it writes them, so a reader who has received bytes always finds
// them counted; what the write then fails to deliver is taken off again.
type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (cw countingWriter) Write(b []byte) (int, error) {
	cw.n.Add(int64(len(b)))
	k, err := cw.w.Write(b)
	cw.n.Add(int64(k - len(b)))
	return k, err
}
