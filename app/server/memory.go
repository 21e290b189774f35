//go:build !wasm

package server

import (
	"os"
	"runtime"
	"runtime/debug"
)

// RenderHeadroom is the memory SetMemoryLimit leaves for the pages being
// rendered: the largest, the graph of 5,000 patterns, is 6 MB of HTML that
// takes several times that to render and compress.
const RenderHeadroom = 16 << 20

// SetMemoryLimit returns what setting up the server left behind to the
// system and, unless the GOMEMLIMIT variable sets one, gives the Go
// runtime a soft memory limit: the heap in use now (the corpus, the search
// index, the handlers), plus the page cache's bound (cacheBytes as in
// Config.CacheBytes, 0 meaning DefaultCacheBytes), plus RenderHeadroom.
// Without it the collector lets garbage grow the heap to twice what is
// live, and a burst of first requests for large pages takes the server
// from 45 to 130 MiB at 5,000 patterns; with it the collector works harder
// instead, and only when the heap nears the limit. It returns the limit
// set, or 0 when the variable sets one. Call it once set up, before
// serving.
func SetMemoryLimit(cacheBytes int64) int64 {
	debug.FreeOSMemory()
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	if cacheBytes == 0 {
		cacheBytes = DefaultCacheBytes
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	limit := int64(m.HeapInuse+m.StackInuse) + max(cacheBytes, 0) + RenderHeadroom
	debug.SetMemoryLimit(limit)
	return limit
}
