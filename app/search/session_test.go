package search

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// typing returns n random queries as a user makes them: mostly typing a
// character, sometimes deleting one, starting over, pasting a name or adding
// a second word.
func typing(r *rand.Rand, c *corpus.Corpus, n int) []string {
	const alphabet = "abcdeghilmnoprstuvwéü- "
	var names []string
	for _, d := range c.Docs {
		names = append(names, d.Title)
		names = append(names, d.Aliases...)
		for _, v := range d.Variants {
			names = append(names, v.Names...)
		}
	}
	var qs []string
	q := ""
	for range n {
		switch k := r.IntN(20); {
		case k < 11:
			q += string([]rune(alphabet)[r.IntN(utf8.RuneCountInString(alphabet))])
		case k < 13 && q != "":
			_, size := utf8.DecodeLastRuneInString(q)
			q = q[:len(q)-size]
		case k < 14:
			q = ""
		case k < 16:
			name := names[r.IntN(len(names))]
			q = name[:r.IntN(len(name)+1)]
			for !utf8.ValidString(q) {
				q = q[:len(q)-1]
			}
		case k < 17:
			q += " "
		case k < 18:
			name := names[r.IntN(len(names))]
			q = strings.ToLower(name)
		default:
			if q != "" {
				q = q[:len(q)-1]
				for !utf8.ValidString(q) {
					q = q[:len(q)-1]
				}
			}
		}
		qs = append(qs, q)
	}
	return qs
}

// TestSessionMatchesFreshQuery checks the incremental session against a
// fresh index query for random typing sequences.
func TestSessionMatchesFreshQuery(t *testing.T) {
	tests := []struct {
		name    string
		corpus  *corpus.Corpus
		queries int
	}{
		{name: "hand", corpus: handCorpus(), queries: 3000},
		{name: "synthetic 300", corpus: synthCorpus(300, 7), queries: 1500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := New(tt.corpus)
			r := rand.New(rand.NewPCG(1, 2))
			s := ix.Session()
			for _, q := range typing(r, tt.corpus, tt.queries) {
				got := s.Query(q)
				want := ix.Query(q, DefaultLimit)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("Session.Query(%q) differs from a fresh query:\ngot  %s (total %d, %q)\nwant %s (total %d, %q)",
						q, describe(tt.corpus, got), got.Total, got.Suggestions, describe(tt.corpus, want), want.Total, want.Suggestions)
				}
				checkResult(t, tt.corpus, got)
			}
		})
	}
}

// TestSessionLimits checks that a session answers the same query with
// different limits consistently.
func TestSessionLimits(t *testing.T) {
	c := synthCorpus(500, 3)
	ix := New(c)
	s := ix.Session()
	for _, q := range []string{"co", "com", "comm", "commu", "community", "community day"} {
		few := s.QueryLimit(q, 5)
		many := s.QueryLimit(q, 50)
		if few.Total != many.Total {
			t.Errorf("%q: total %d with limit 5, %d with limit 50", q, few.Total, many.Total)
		}
		if n := min(5, many.Total); len(few.Hits) != n || !reflect.DeepEqual(few.Hits, many.Hits[:n]) {
			t.Errorf("%q: the 5 hits are not the first 5 of 50", q)
		}
	}
}
