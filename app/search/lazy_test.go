package search

import (
	"reflect"
	"sync"
	"testing"
)

// TestLazy checks that the index is not built until asked for, that
// goroutines asking at once share one build, and that it answers as one
// built at once does.
func TestLazy(t *testing.T) {
	c := handCorpus()
	l := Later(c)
	if l.Built() {
		t.Fatal("the index was built before it was asked for")
	}
	got := make([]*Index, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = l.Index() })
	}
	wg.Wait()
	for i, ix := range got {
		if ix == nil || ix != got[0] {
			t.Fatalf("call %d got index %p, call 0 %p: not one shared build", i, ix, got[0])
		}
	}
	if !l.Built() {
		t.Error("Built is false once the index was asked for")
	}
	q := c.Docs[0].Title
	if a, b := l.Index().Session().Query(q), New(c).Session().Query(q); !reflect.DeepEqual(a, b) {
		t.Errorf("%q: the lazy index answers %v, a built one %v", q, a, b)
	}
}
