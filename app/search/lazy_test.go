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

// TestLazyStep checks the build a step at a time: with no budget each step
// stops at the build's next pause, so a corpus of a few hundred documents
// takes many steps; the index they build is the one New builds, and Index
// called half-way finishes it.
func TestLazyStep(t *testing.T) {
	c := synthCorpus(300, 7)
	want := New(c)
	l := Later(c)
	steps := 1
	for !l.Step(0) {
		steps++
		if l.Built() {
			t.Fatal("Built is true before Step said so")
		}
	}
	if steps < 10 {
		t.Errorf("%d steps for %d documents, want the build cut into many", steps, len(c.Docs))
	}
	if !l.Built() || !reflect.DeepEqual(l.Index(), want) {
		t.Fatal("the index built a step at a time is not the one New builds")
	}
	if !l.Step(0) {
		t.Error("Step on a built index says it is not built")
	}

	half := Later(c)
	for range steps / 2 {
		half.Step(0)
	}
	if half.Built() {
		t.Fatal("built after half its steps")
	}
	if got := half.Index(); !reflect.DeepEqual(got, want) || !half.Built() {
		t.Error("Index half-way through the steps did not finish the build New makes")
	}
}
