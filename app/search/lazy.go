package search

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Lazy is the index of a corpus, built on first use: a view that does not
// search (home, a pattern, the graph) is drawn without waiting for it,
// which at 10,000 patterns takes 150 to 220 ms in the browser. It may also
// be built a step at a time ([Lazy.Step]) while there is time to spare, so
// that no step takes long. Any number of goroutines may call its methods;
// they share one build.
type Lazy struct {
	c *corpus.Corpus
	// mu is held while the build runs, a step or the whole of it.
	mu    sync.Mutex
	ix    *Index
	built atomic.Bool
	// run, once a build a step at a time has begun, lets it go on until
	// the time sent, or to its end for the zero time; paused says it
	// stopped at a pause or ended.
	run    chan time.Time
	paused chan struct{}
}

// Later returns the index of c, to be built when first asked for.
func Later(c *corpus.Corpus) *Lazy { return &Lazy{c: c} }

// Index returns the index, building it, or what is left of it, if this is
// the first call.
func (l *Lazy) Index() *Index {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.ix != nil:
	case l.run != nil:
		l.resume(time.Time{})
	default:
		l.ix = New(l.c)
		l.built.Store(true)
	}
	return l.ix
}

// Step builds the index for about budget, from where the last step left
// it, and reports whether it is built. A step stops at the first pause of
// the build (every few dozen documents, keys or words) after budget; a
// build that Index finishes is the same.
func (l *Lazy) Step(budget time.Duration) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ix != nil {
		return true
	}
	if l.run == nil {
		l.start()
	}
	l.resume(time.Now().Add(budget))
	return l.ix != nil
}

// start begins the build a step at a time in a goroutine of its own,
// waiting before its first part.
func (l *Lazy) start() {
	l.run, l.paused = make(chan time.Time), make(chan struct{})
	go func() {
		until := <-l.run
		ix := build(l.c, func() {
			if until.IsZero() || time.Now().Before(until) {
				return
			}
			l.paused <- struct{}{}
			until = <-l.run
		})
		l.ix = ix
		l.built.Store(true)
		l.paused <- struct{}{}
	}()
}

// resume lets the build run until the time until (to its end for the zero
// time) and waits until it stops.
func (l *Lazy) resume(until time.Time) {
	l.run <- until
	<-l.paused
}

// Built reports whether the index has been built.
func (l *Lazy) Built() bool { return l.built.Load() }
