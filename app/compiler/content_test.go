package compiler

import (
	"os"
	"testing"
)

// TestOurCorpus checks the project's own content: no errors, no broken
// links, a linked pattern language.
func TestOurCorpus(t *testing.T) {
	c, rep, err := Compile(os.DirFS("../../content"), Options{Dir: "content"})
	if err != nil {
		t.Fatalf("compile content: %v", err)
	}
	for _, w := range rep.Warnings {
		t.Errorf("warning: %s", w)
	}
	if rep.Patterns < 30 {
		t.Errorf("patterns = %d, want at least 30", rep.Patterns)
	}
	if rep.Edges < 150 {
		t.Errorf("edges = %d, want at least 150", rep.Edges)
	}
	if len(rep.Broken) != 0 {
		t.Errorf("broken = %v, want none", rep.Broken)
	}
	out := map[int32]int{}
	in := map[int32]int{}
	for _, e := range c.Edges {
		out[e.From]++
		in[e.To]++
	}
	for _, i := range c.Patterns() {
		if out[int32(i)] == 0 || in[int32(i)] == 0 {
			t.Errorf("%s: %d links out, %d in; want at least one each", c.Docs[i].Slug, out[int32(i)], in[int32(i)])
		}
	}
	t.Logf("%d patterns, %d pages, %d links, %d edges", rep.Patterns, rep.Pages, rep.Links, rep.Edges)
}
