//go:build js && wasm

// Command wasmsearch is our search alone, compiled to WASM for the bench
// harness page (make bench), where it runs beside the JavaScript search
// libraries on the same corpus. The page fetches the corpus artifact and
// hands its bytes over; this command only decodes it and answers queries.
//
// It sets these functions on window:
//
//	ourload(bytes)   decode the artifact and build the index; returns {docs, decodeMs, buildMs} or {error}
//	oursbuild()      build a new index and session; returns the milliseconds it took
//	oursheap()       build an index between two collections; returns the heap it holds, in bytes
//	oursreset()      start a new session, as a fresh search box does
//	oursearch(q)     one keystroke in the session: the slugs of the first 10 hits
//	ourquery(q)      a query without a session: the slugs of the first 10 hits
package main

import (
	"runtime"
	"syscall/js"
	"time"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// limit is how many hits a query returns, as for the other engines.
const limit = 10

// state is the decoded corpus, its index and the current session.
type state struct {
	c  *corpus.Corpus
	ix *search.Index
	s  *search.Session
}

func main() {
	st := &state{}
	set := func(name string, f func(args []js.Value) any) {
		js.Global().Set(name, js.FuncOf(func(_ js.Value, args []js.Value) any { return f(args) }))
	}
	set("ourload", st.load)
	set("oursbuild", func([]js.Value) any {
		if st.c == nil {
			return -1
		}
		start := time.Now()
		st.ix = search.New(st.c)
		st.s = st.ix.Session()
		return millis(time.Since(start))
	})
	set("oursheap", func([]js.Value) any {
		if st.c == nil {
			return -1
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix := search.New(st.c)
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(ix)
		return float64(after.HeapAlloc) - float64(before.HeapAlloc)
	})
	set("oursreset", func([]js.Value) any {
		if st.ix != nil {
			st.s = st.ix.Session()
		}
		return nil
	})
	set("oursearch", func(args []js.Value) any {
		if st.s == nil || len(args) == 0 {
			return js.Null()
		}
		return st.slugs(st.s.QueryLimit(args[0].String(), limit))
	})
	set("ourquery", func(args []js.Value) any {
		if st.ix == nil || len(args) == 0 {
			return js.Null()
		}
		return st.slugs(st.ix.Query(args[0].String(), limit))
	})
	select {}
}

// load decodes the artifact passed as a Uint8Array and builds the index.
func (st *state) load(args []js.Value) any {
	if len(args) == 0 {
		return map[string]any{"error": "ourload: no bytes"}
	}
	b := make([]byte, args[0].Get("length").Int())
	js.CopyBytesToGo(b, args[0])
	start := time.Now()
	c, err := corpus.Decode(b)
	if err != nil {
		return map[string]any{"error": "ourload: " + err.Error()}
	}
	decoded := time.Since(start)
	start = time.Now()
	st.c, st.ix = c, search.New(c)
	st.s = st.ix.Session()
	return map[string]any{"docs": len(c.Docs), "decodeMs": millis(decoded), "buildMs": millis(time.Since(start))}
}

// slugs returns the slugs of a result's hits as a JavaScript array.
func (st *state) slugs(res search.Result) js.Value {
	arr := js.Global().Get("Array").New(len(res.Hits))
	for i, h := range res.Hits {
		arr.SetIndex(i, st.c.Docs[h.Doc].Slug)
	}
	return arr
}

// millis returns a duration in milliseconds.
func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
