package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/devrel-patterns/explorer/app/corpus"
)

func TestQueryRanking(t *testing.T) {
	c := handCorpus()
	ix := New(c)
	tests := []struct {
		name      string
		query     string
		wantFirst string // slug of the first hit
		wantWhere string // first hit's Where(), if set
		wantRange []Range
		wantSugg  string // first suggestion, if set
		corrected bool
	}{
		{name: "title prefix", query: "amb", wantFirst: "ambassadors", wantWhere: "title: Ambassadors", wantRange: []Range{{0, 3}}},
		{name: "alias", query: "mvp", wantFirst: "ambassadors", wantWhere: "alias: MVPs", wantRange: []Range{{0, 3}}},
		{name: "alias upper case", query: "HEROES", wantFirst: "ambassadors", wantWhere: "alias: Heroes", wantRange: []Range{{0, 6}}},
		{name: "title exact", query: "swag", wantFirst: "swag", wantWhere: "title: Swag"},
		{name: "title booth", query: "booth", wantFirst: "booth", wantWhere: "title: Booth"},
		{name: "plural finds singular", query: "booths", wantFirst: "booth", wantWhere: "title: Booth", wantRange: []Range{{0, 5}}},
		{name: "variant two words", query: "brown bag", wantFirst: "training", wantWhere: "variant: Brown Bag", wantRange: []Range{{0, 5}, {6, 9}}},
		{name: "variant words reversed", query: "bag brown", wantFirst: "training", wantWhere: "variant: Brown Bag", wantRange: []Range{{0, 5}, {6, 9}}},
		{name: "variant with dashes", query: "lunch-n-learn", wantFirst: "training", wantWhere: "variant: Lunch-n-Learn", wantRange: []Range{{0, 5}, {6, 7}, {8, 13}}},
		{name: "variant prefix", query: "lunch", wantFirst: "training", wantWhere: "variant: Lunch-n-Learn"},
		{name: "variant word start", query: "learn", wantFirst: "training"},
		{name: "alias two words", query: "hack day", wantFirst: "hackathon", wantWhere: "alias: Hack Day"},
		{name: "one letter", query: "a", wantFirst: "ambassadors", wantRange: []Range{{0, 1}}},
		{name: "two letters acronym non-ascii", query: "cu", wantFirst: "cafe-uber", wantWhere: "title: Café Über", wantRange: []Range{{0, 1}, {6, 8}}},
		{name: "accents folded", query: "uber", wantFirst: "cafe-uber", wantRange: []Range{{6, 11}}},
		{name: "accented query", query: "CAFÉ", wantFirst: "cafe-uber", wantRange: []Range{{0, 5}}},
		{name: "scattered", query: "bsdr", wantFirst: "ambassadors", wantWhere: "title: Ambassadors"},
		{name: "summary word", query: "stickers", wantFirst: "swag", wantWhere: "summary: Stickers, t-shirts and socks that developers take home from events.", wantRange: []Range{{0, 8}}},
		{name: "title and text word", query: "swag stickers", wantFirst: "swag"},
		{name: "block", query: "education", wantFirst: "training", wantWhere: "block: Education"},
		{name: "pattern before page", query: "meetup", wantFirst: "meetup"},
		{name: "typo ambassador", query: "ambasador", wantFirst: "ambassadors", wantSugg: "ambassador", corrected: true},
		{name: "typo hackathon", query: "hackaton", wantFirst: "hackathon", wantSugg: "hackathon", corrected: true},
		{name: "typo sponsor", query: "sponser", wantFirst: "sponsorship", wantSugg: "sponsor", corrected: true},
		{name: "typo transposition", query: "tarining", wantFirst: "training", wantSugg: "training", corrected: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ix.Query(tt.query, 5)
			if len(res.Hits) == 0 {
				t.Fatalf("Query(%q): no hits", tt.query)
			}
			h := res.Hits[0]
			if got := c.Docs[h.Doc].Slug; got != tt.wantFirst {
				t.Errorf("Query(%q) first = %s, want %s; hits %s", tt.query, got, tt.wantFirst, describe(c, res))
			}
			if tt.wantWhere != "" {
				if got := h.Where(); got != tt.wantWhere {
					t.Errorf("Query(%q) first Where() = %q, want %q", tt.query, got, tt.wantWhere)
				}
			}
			if tt.wantRange != nil && !reflect.DeepEqual(h.Ranges, tt.wantRange) {
				t.Errorf("Query(%q) first Ranges = %v, want %v (in %q)", tt.query, h.Ranges, tt.wantRange, h.Text)
			}
			if tt.wantSugg != "" {
				if len(res.Suggestions) == 0 || res.Suggestions[0] != tt.wantSugg {
					t.Errorf("Query(%q) Suggestions = %q, want first %q", tt.query, res.Suggestions, tt.wantSugg)
				}
			}
			if h.Corrected != tt.corrected {
				t.Errorf("Query(%q) first Corrected = %v, want %v", tt.query, h.Corrected, tt.corrected)
			}
			checkResult(t, c, res)
		})
	}
}

func TestQueryEmptyAndMisses(t *testing.T) {
	ix := New(handCorpus())
	tests := []struct {
		name  string
		query string
	}{
		{name: "empty", query: ""},
		{name: "blank", query: "  \t "},
		{name: "punctuation", query: "--- !!"},
		{name: "no match", query: "zzzzqqq"},
		{name: "one word misses", query: "swag zzzzqqq"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ix.Query(tt.query, 5)
			if len(res.Hits) != 0 || res.Total != 0 || len(res.Suggestions) != 0 {
				t.Errorf("Query(%q) = %d hits, total %d, suggestions %q; want none", tt.query, len(res.Hits), res.Total, res.Suggestions)
			}
			if res.Query != tt.query {
				t.Errorf("Query(%q).Query = %q", tt.query, res.Query)
			}
		})
	}
}

func TestQueryAllWordsMustMatch(t *testing.T) {
	c := handCorpus()
	ix := New(c)
	tests := []struct {
		name  string
		query string
		want  []string // all slugs, in order
	}{
		{name: "title and summary word", query: "swag socks", want: []string{"swag"}},
		{name: "stopwords optional", query: "the brown bag", want: []string{"training"}},
		{name: "two text words", query: "informal coffee", want: []string{"cafe-uber"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ix.Query(tt.query, 20)
			var got []string
			for _, h := range res.Hits {
				got = append(got, c.Docs[h.Doc].Slug)
			}
			if !slices.Equal(got, tt.want) || res.Total != len(tt.want) {
				t.Errorf("Query(%q) = %v (total %d), want %v", tt.query, got, res.Total, tt.want)
			}
		})
	}
}

func TestQueryLimitAndTotal(t *testing.T) {
	c := handCorpus()
	ix := New(c)
	all := ix.Query("e", 100)
	if all.Total < 4 || len(all.Hits) != all.Total {
		t.Fatalf("Query(e, 100): %d hits, total %d", len(all.Hits), all.Total)
	}
	few := ix.Query("e", 2)
	if len(few.Hits) != 2 || few.Total != all.Total {
		t.Errorf("Query(e, 2): %d hits, total %d; want 2, %d", len(few.Hits), few.Total, all.Total)
	}
	if !reflect.DeepEqual(few.Hits, all.Hits[:2]) {
		t.Errorf("Query(e, 2) hits are not the first two of Query(e, 100)")
	}
	for i := 1; i < len(all.Hits); i++ {
		if all.Hits[i].Score > all.Hits[i-1].Score {
			t.Errorf("hits not sorted by score at %d: %d > %d", i, all.Hits[i].Score, all.Hits[i-1].Score)
		}
	}
}

func TestTextSnippet(t *testing.T) {
	c := handCorpus()
	ix := New(c)
	res := ix.Query("forums", 5)
	if len(res.Hits) == 0 {
		t.Fatal("Query(forums): no hits")
	}
	h := res.Hits[0]
	if h.Field != FieldText || h.Label != "Solution" {
		t.Errorf("field, label = %v, %q; want text, Solution", h.Field, h.Label)
	}
	if len(h.Ranges) != 1 || h.Text[h.Ranges[0].Start:h.Ranges[0].End] != "forums" {
		t.Errorf("Ranges %v in %q do not cover forums", h.Ranges, h.Text)
	}
	checkResult(t, c, res)
}

// describe lists the hits of res for error messages.
func describe(c *corpus.Corpus, res Result) string {
	var b strings.Builder
	for _, h := range res.Hits {
		b.WriteString(c.Docs[h.Doc].Slug + "(" + h.Where() + ") ")
	}
	return b.String()
}

// checkResult checks what holds for every result: highlights inside their
// string, on rune boundaries, sorted and disjoint; hits sorted and unique.
func checkResult(t *testing.T, c *corpus.Corpus, res Result) {
	t.Helper()
	seen := make(map[int]bool)
	for i, h := range res.Hits {
		if seen[h.Doc] {
			t.Errorf("Query(%q): doc %d twice", res.Query, h.Doc)
		}
		seen[h.Doc] = true
		if i > 0 && h.Score > res.Hits[i-1].Score {
			t.Errorf("Query(%q): hit %d scores above hit %d", res.Query, i, i-1)
		}
		for _, m := range append([]Match{h.Match}, h.Also...) {
			checkRanges(t, res.Query, m)
		}
	}
	if res.Total < len(res.Hits) {
		t.Errorf("Query(%q): total %d < %d hits", res.Query, res.Total, len(res.Hits))
	}
}

func checkRanges(t *testing.T, q string, m Match) {
	t.Helper()
	end := 0
	for _, r := range m.Ranges {
		if r.Start < end || r.End <= r.Start || r.End > len(m.Text) {
			t.Errorf("Query(%q): bad range %v in %q (ranges %v)", q, r, m.Text, m.Ranges)
			return
		}
		if !utf8.RuneStart(m.Text[r.Start]) || r.End < len(m.Text) && !utf8.RuneStart(m.Text[r.End]) {
			t.Errorf("Query(%q): range %v of %q not on rune boundaries", q, r, m.Text)
		}
		end = r.End
	}
	if len(m.Ranges) == 0 {
		t.Errorf("Query(%q): no highlight in %s", q, m.Where())
	}
}

func TestEmptyCorpus(t *testing.T) {
	tests := []struct {
		name   string
		corpus *corpus.Corpus
	}{
		{name: "nil", corpus: nil},
		{name: "no docs", corpus: &corpus.Corpus{}},
		{name: "empty doc", corpus: &corpus.Corpus{Docs: []corpus.Doc{{Slug: "x"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.corpus).Session()
			for _, q := range []string{"", "a", "ab", "abc", "abc de", "xyzzy"} {
				if res := s.Query(q); len(res.Hits) != 0 || res.Total != 0 {
					t.Errorf("Query(%q) = %d hits, want none", q, len(res.Hits))
				}
			}
		})
	}
}

func TestWordsComputedWhenMissing(t *testing.T) {
	c := handCorpus()
	c.Words = nil
	res := New(c).Query("stickers", 5)
	if len(res.Hits) == 0 || c.Docs[res.Hits[0].Doc].Slug != "swag" {
		t.Errorf("Query(stickers) without Words: %s, want swag first", describe(c, res))
	}
}

// TestTiesKeepCorpusOrder pins the last tie-breaks: documents that score
// the same come patterns first, then in corpus order, whatever their
// number, so a result list never reshuffles between two runs or builds.
func TestTiesKeepCorpusOrder(t *testing.T) {
	var docs []corpus.Doc
	twin := func(slug string, kind corpus.Kind) corpus.Doc {
		return corpus.Doc{Slug: slug, Title: "Twin", Kind: kind, SummaryText: "The same words."}
	}
	for _, d := range []struct {
		slug string
		kind corpus.Kind
	}{{"page-a", corpus.KindPage}, {"b", corpus.KindPattern}, {"c", corpus.KindPattern}, {"page-d", corpus.KindPage}, {"e", corpus.KindPattern}} {
		docs = append(docs, twin(d.slug, d.kind))
	}
	c := &corpus.Corpus{Docs: docs}
	for _, limit := range []int{2, 3, 5, 10} {
		res := New(c).Query("twin", limit)
		var got []string
		for _, h := range res.Hits {
			got = append(got, c.Docs[h.Doc].Slug)
		}
		want := []string{"b", "c", "e", "page-a", "page-d"}[:min(limit, 5)]
		if !slices.Equal(got, want) {
			t.Errorf("limit %d: tied hits %v, want %v", limit, got, want)
		}
	}
}
