package compiler

import (
	"os"
	"slices"
	"testing"
)

// seeds is the shared sample corpus, beside the repository.
const seeds = "../../../shared/seeds"

func TestSeedAmbassadors(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("shared seeds not found at %s: %v", seeds, err)
	}
	c, rep, err := Compile(os.DirFS(seeds), Options{Dir: "seeds"})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if len(c.Docs) != 1 {
		t.Fatalf("got %d docs, want 1", len(c.Docs))
	}
	d := c.Docs[0]
	if d.Title != "Ambassadors" {
		t.Errorf("title = %q, want Ambassadors", d.Title)
	}
	if want := []string{"Social"}; !slices.Equal(d.Blocks, want) {
		t.Errorf("blocks = %q, want %q", d.Blocks, want)
	}
	if want := []string{"Champions", "MVPs", "Experts", "Heroes"}; !slices.Equal(d.Aliases, want) {
		t.Errorf("aliases = %q, want %q", d.Aliases, want)
	}
	var targets []string
	for _, l := range d.Links {
		if !l.Broken {
			t.Errorf("link to %s not broken, but the seed is checked alone", l.Target)
		}
		targets = append(targets, l.Target)
	}
	want := []string{"forums", "booth", "swag", "newsletter", "conference-session", "conference", "book", "blog-post", "sample-example", "reference-documentation", "user-group-network"}
	if !slices.Equal(targets, want) {
		t.Errorf("link targets = %q, want %q", targets, want)
	}
	if len(rep.Broken) != len(want) {
		t.Errorf("broken = %d, want %d", len(rep.Broken), len(want))
	}
	for _, b := range rep.Broken {
		if b.File != "seeds/ambassadors.md" || b.Line != 17 {
			t.Errorf("broken link at %s:%d, want seeds/ambassadors.md:17 (the Solution)", b.File, b.Line)
		}
	}
	var labels []string
	for _, s := range d.Sections {
		labels = append(labels, s.Label)
	}
	if want := []string{"Also Known As", "Problem", "Context", "Solution", "Consequences"}; !slices.Equal(labels, want) {
		t.Errorf("labels = %q, want %q", labels, want)
	}
}
