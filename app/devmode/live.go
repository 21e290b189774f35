package devmode

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// follow opens the dev server's event stream and calls fn, on the UI
// goroutine, with every State it sends; the browser reconnects by itself
// when the server restarts. It returns what closes the stream.
func follow(ctx app.Context, fn func(app.Context, State)) (stop func()) {
	src := app.Window().Get("EventSource").New(EventsPath)
	onState := app.FuncOf(func(this app.Value, args []app.Value) any {
		var s State
		if err := json.Unmarshal([]byte(args[0].Get("data").String()), &s); err != nil {
			app.Log("dev: bad state from the dev server:", err)
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) { fn(ctx, s) })
		return nil
	})
	src.Call("addEventListener", StateEvent, onState)
	return func() {
		src.Call("close")
		onState.Release()
	}
}

// fetchCorpus downloads and decodes the corpus the dev server serves. It
// blocks, so it runs outside the UI goroutine. It asks the browser's fetch
// rather than net/http: a working HTTP client would add megabytes to every
// visitor's WASM for a path only the dev server takes.
func fetchCorpus(version string) (*corpus.Corpus, error) {
	data, err := fetchBytes(CorpusURL(version))
	if err != nil {
		return nil, fmt.Errorf("get corpus: %w", err)
	}
	c, err := corpus.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("decode corpus: %w", err)
	}
	return c, nil
}

// fetchBytes gets the body of a URL with the browser's fetch, past any
// cache, and waits for it.
func fetchBytes(url string) ([]byte, error) {
	type answer struct {
		data []byte
		err  error
	}
	done := make(chan answer, 1)
	var onBody, onResponse, onFail app.Func
	release := func() {
		onBody.Release()
		onResponse.Release()
		onFail.Release()
	}
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "fetch failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		done <- answer{err: errors.New(msg)}
		return nil
	})
	onBody = app.FuncOf(func(this app.Value, args []app.Value) any {
		buf := app.Window().Get("Uint8Array").New(args[0])
		data := make([]byte, buf.Length())
		app.CopyBytesToGo(data, buf)
		done <- answer{data: data}
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		r := args[0]
		if !r.Get("ok").Truthy() {
			done <- answer{err: fmt.Errorf("status %d %s", r.Get("status").Int(), r.Get("statusText").String())}
			return nil
		}
		r.Call("arrayBuffer").Call("then", onBody, onFail)
		return nil
	})
	app.Window().Call("fetch", url, map[string]any{"cache": "no-store"}).Call("then", onResponse, onFail)
	a := <-done
	release()
	return a.data, a.err
}
