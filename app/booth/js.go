package booth

import (
	"context"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// inBrowser reports whether the code runs in a browser page with a
// document: the WASM in a tab, not the server nor a WASM test under Node.
func inBrowser() bool {
	return app.IsClient && app.Window().Get("document").Truthy()
}

// listen adds a listener for an event on a JavaScript target (window,
// document), in the capture phase when capture is set, and returns a func
// that removes it. fn runs on the JavaScript event loop, not on the UI
// goroutine: it may only touch the event and atomic state, or hand work
// to the UI goroutine with ctx.Dispatch.
func listen(target app.Value, event string, capture bool, fn func(e app.Value)) func() {
	if !target.Truthy() {
		return func() {}
	}
	h := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			fn(args[0])
		}
		return nil
	})
	opts := map[string]any{"capture": capture}
	target.Call("addEventListener", event, h, opts)
	return func() {
		target.Call("removeEventListener", event, h, opts)
		h.Release()
	}
}

// settle waits for a JavaScript promise and calls ok with its value, or
// fail with its reason, on the UI goroutine of ctx.
func settle(ctx app.Context, p app.Value, ok, fail func(ctx app.Context, v app.Value)) {
	if !p.Truthy() || p.Get("then").Type() != app.TypeFunction {
		fail(ctx, app.Undefined())
		return
	}
	var onOK, onFail app.Func
	release := func() {
		onOK.Release()
		onFail.Release()
	}
	arg := func(args []app.Value) app.Value {
		if len(args) == 0 {
			return app.Undefined()
		}
		return args[0]
	}
	onOK = app.FuncOf(func(this app.Value, args []app.Value) any {
		v := arg(args)
		release()
		ctx.Dispatch(func(ctx app.Context) { ok(ctx, v) })
		return nil
	})
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		v := arg(args)
		release()
		ctx.Dispatch(func(ctx app.Context) { fail(ctx, v) })
		return nil
	})
	p.Call("then", onOK, onFail)
}

// focusByID focuses an element once the current update is on screen.
func focusByID(ctx app.Context, id string) {
	if !inBrowser() {
		return
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// isFunc reports whether v.name is a JavaScript function.
func isFunc(v app.Value, name string) bool {
	return v.Truthy() && v.Get(name).Type() == app.TypeFunction
}

// try runs f, which calls into JavaScript, and turns a JavaScript exception
// (which syscall/js raises as a Go panic) into an error.
func try(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("javascript: %v", r)
		}
	}()
	f()
	return nil
}

// every calls fn on a goroutine of the app every d, until the app ends or
// the returned func is called.
func every(ctx app.Context, d time.Duration, fn func()) (stop func()) {
	loop, cancel := context.WithCancel(context.Background())
	ctx.Async(func() {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-loop.Done():
				return
			case <-ctx.Done():
				return
			case <-t.C:
				fn()
			}
		}
	})
	return cancel
}
