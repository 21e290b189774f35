//go:build !wasm

package server

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe to read while a LogBuffer writes it,
// which counts the writes it gets and signals each on wrote, when set.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
	wrote  chan struct{}
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	if l.wrote != nil {
		select {
		case l.wrote <- struct{}{}:
		default:
		}
	}
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestLogBufferBatches checks that many lines reach the log in few writes,
// whole and in order for each writer, and all of them once closed.
func TestLogBufferBatches(t *testing.T) {
	var out lockedBuffer
	b := NewLogBuffer(&out)
	const writers, lines = 8, 500
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range lines {
				fmt.Fprintf(b, "writer=%d line=%d %s\n", w, i, strings.Repeat("x", 40))
			}
		})
	}
	wg.Wait()
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != writers*lines {
		t.Fatalf("%d lines in the log, want %d", len(got), writers*lines)
	}
	next := make([]int, writers)
	for _, l := range got {
		var w, i int
		if _, err := fmt.Sscanf(l, "writer=%d line=%d", &w, &i); err != nil || len(l) != len(fmt.Sprintf("writer=%d line=%d ", w, i))+40 {
			t.Fatalf("a line was split or mixed with another: %q", l)
		}
		if i != next[w] {
			t.Fatalf("writer %d: line %d after %d", w, i, next[w]-1)
		}
		next[w]++
	}
	if out.writes > writers*lines/20 {
		t.Errorf("%d writes for %d lines: not batched", out.writes, writers*lines)
	}
}

// TestLogBufferFlushesOnItsOwn checks that a line reaches the log within
// the flush interval without Close, and that after Close lines go
// straight through.
func TestLogBufferFlushesOnItsOwn(t *testing.T) {
	out := lockedBuffer{wrote: make(chan struct{}, 1)}
	b := NewLogBuffer(&out)
	fmt.Fprintln(b, "listening")
	select {
	case <-out.wrote:
	case <-time.After(50 * LogFlushInterval):
		t.Fatalf("the line was not written within %v", 50*LogFlushInterval)
	}
	if !strings.Contains(out.String(), "listening") {
		t.Fatalf("the first write is %q", out.String())
	}
	b.Close()
	fmt.Fprintln(b, "after close")
	if !strings.Contains(out.String(), "after close") {
		t.Errorf("a line written after Close is held: %q", out.String())
	}
}
