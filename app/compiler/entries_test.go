package compiler

import (
	"slices"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// A page's anchor lines cut it into entries, each named by its bold term
// and holding its text up to the next anchor line or heading, so that
// search finds a glossary term and a link to it can be previewed.
func TestPageEntries(t *testing.T) {
	body := "Terms we use.\n\n" +
		"<div id=\"churn\" />\n**Churn**: developers who stop calling the API.\nIt is counted monthly.\n\n" +
		"A second paragraph of churn.\n\n" +
		"<a id=\"north-star\"></a>\nThe one number a team steers by.\n\n" +
		"## Later\n\nNot an entry.\n\n" +
		"<div id=\"empty\" />\n"
	d, _ := compileOne(t, body)
	if d.Kind != corpus.KindPage {
		t.Fatalf("kind = %v, want a page", d.Kind)
	}
	want := []corpus.Entry{
		{Term: "Churn", Anchor: "churn", Text: "Churn: developers who stop calling the API. It is counted monthly. A second paragraph of churn."},
		{Term: "north star", Anchor: "north-star", Text: "The one number a team steers by."},
	}
	if !slices.Equal(d.Entries, want) {
		t.Errorf("entries:\ngot  %q\nwant %q", d.Entries, want)
	}
	if e := d.EntryOf("north-star"); e == nil || e.Term != "north star" {
		t.Errorf("EntryOf(north-star) = %v", e)
	}
	if d.EntryOf("later") != nil || d.EntryOf("") != nil {
		t.Error("EntryOf finds an entry no anchor line opens")
	}
}
