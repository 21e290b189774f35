package search

import (
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// A page's terms and its text are searchable: a term finds its entry, with
// the entry's anchor, above patterns that only mention it, and a word of
// the page outside any entry finds the page.
func TestTermsAndPageText(t *testing.T) {
	docs := []corpus.Doc{
		{
			Slug: "glossary", Kind: corpus.KindPage, Title: "Glossary",
			Text: "Words we lean on. Churn: developers who stop calling the API. North star: the number a team steers by.",
			Entries: []corpus.Entry{
				{Term: "Churn", Anchor: "churn", Text: "Churn: developers who stop calling the API."},
				{Term: "North star", Anchor: "north-star", Text: "North star: the number a team steers by."},
			},
		},
		{
			Slug: "retention-call", Title: "Retention Call", Blocks: []string{"Social"},
			Sections: []corpus.Section{{Label: "Problem", Anchor: "problem", Kind: corpus.SectionProblem, Text: "Churn rises after the trial ends."}},
		},
	}
	c := &corpus.Corpus{Docs: docs}
	c.Words = Vocabulary(c.Docs)
	idx := New(c)

	tests := []struct {
		q, doc, anchor string
		field          Field
	}{
		{"churn", "glossary", "churn", FieldTerm},
		{"north star", "glossary", "north-star", FieldTerm},
		{"steers", "glossary", "north-star", FieldText},
		{"lean", "glossary", "", FieldText},
	}
	for _, tc := range tests {
		res := idx.Query(tc.q, 10)
		if len(res.Hits) == 0 {
			t.Errorf("%q finds nothing", tc.q)
			continue
		}
		h := res.Hits[0]
		if got := docs[h.Doc].Slug; got != tc.doc || h.Match.Anchor != tc.anchor || h.Match.Field != tc.field {
			t.Errorf("%q: first hit %s#%s in %v, want %s#%s in %v", tc.q, got, h.Match.Anchor, h.Match.Field, tc.doc, tc.anchor, tc.field)
		}
	}
	if res := idx.Query("churn", 10); len(res.Hits) != 2 {
		t.Errorf("churn: %d hits, want the glossary and the pattern that mentions it", len(res.Hits))
	}
}
