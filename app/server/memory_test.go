//go:build !wasm

package server

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestSetMemoryLimit checks the limit set: above the cache's bound and the
// headroom, what the runtime then reports; and none when GOMEMLIMIT is set.
func TestSetMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "")
	const cache = 8 << 20
	limit := SetMemoryLimit(cache)
	if limit <= cache+RenderHeadroom {
		t.Errorf("limit %d, want more than the cache's %d and the headroom's %d", limit, cache, RenderHeadroom)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("the runtime's limit is %d, SetMemoryLimit said %d", got, limit)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "1GiB")
	if got := SetMemoryLimit(cache); got != 0 || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set: returned %d, runtime limit %d; want the variable left in charge", got, debug.SetMemoryLimit(-1))
	}
}
