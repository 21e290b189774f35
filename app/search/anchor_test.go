package search

import (
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// A hit in a section's text or on a variant's name carries that part's
// anchor, so that the result opens the page there.
func TestMatchAnchor(t *testing.T) {
	docs := []corpus.Doc{{
		Slug: "booth", Title: "Booth",
		Sections: []corpus.Section{
			{Label: "Problem", Anchor: "problem", Text: "Visitors walk past in silence."},
			{Label: "Solution", Anchor: "solution", Text: "Staff the table with engineers who demo."},
		},
		Variants: []corpus.Variant{{Names: []string{"Demo Pod"}, Anchor: "variant-demo-pod", Text: "A kiosk with a laptop."}},
	}}
	c := &corpus.Corpus{Docs: docs, Words: Vocabulary(docs)}
	ix := New(c)
	tests := []struct{ name, q, want string }{
		{name: "section text", q: "engineers", want: "solution"},
		{name: "variant text", q: "laptop", want: "variant-demo-pod"},
		{name: "variant name", q: "demo pod", want: "variant-demo-pod"},
		{name: "title", q: "booth", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ix.Query(tt.q, 10)
			if len(r.Hits) == 0 {
				t.Fatalf("%q finds nothing", tt.q)
			}
			if got := r.Hits[0].Match.Anchor; got != tt.want {
				t.Errorf("%q: anchor %q (match %+v), want %q", tt.q, got, r.Hits[0].Match, tt.want)
			}
		})
	}
}
