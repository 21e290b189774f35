//go:build !wasm

package server

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// LogFlushInterval is how long a LogBuffer holds a line at most.
const LogFlushInterval = 100 * time.Millisecond

// logBufferSize is what a LogBuffer holds before it writes regardless.
const logBufferSize = 64 << 10

// LogBuffer batches the lines of a log: under load, a write to the log file
// for each request's line costs the server a system call a request, as
// much as sending a small page. It holds what it is given for at most
// LogFlushInterval (or until it has logBufferSize bytes), in order, and
// Close writes the rest. It is safe for concurrent use, and each Write
// reaches the log whole.
type LogBuffer struct {
	mu      sync.Mutex
	w       *bufio.Writer
	pending bool // a flush is scheduled
	closed  bool
}

// NewLogBuffer returns a LogBuffer that writes to w.
func NewLogBuffer(w io.Writer) *LogBuffer {
	return &LogBuffer{w: bufio.NewWriterSize(w, logBufferSize)}
}

// Write holds p for the next flush; after Close it writes p at once.
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.w.Available() < len(p) { // a line is never split between writes
		if err := b.w.Flush(); err != nil {
			return 0, err
		}
	}
	n, err := b.w.Write(p)
	if err != nil {
		return n, err
	}
	switch {
	case b.closed:
		err = b.w.Flush()
	case !b.pending:
		b.pending = true
		time.AfterFunc(LogFlushInterval, b.flush)
	}
	return n, err
}

func (b *LogBuffer) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = false
	_ = b.w.Flush()
}

// Close writes what is held; later writes go straight through.
func (b *LogBuffer) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	return b.w.Flush()
}
