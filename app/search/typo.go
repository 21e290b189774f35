package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// typoPenalty is subtracted from a corrected hit's score per edit.
const typoPenalty = 15

// maxSuggestions is the number of "did you mean" suggestions.
const maxSuggestions = 3

// maxEdits is the edit distance allowed for a word: 1 up to four runes, 2
// beyond.
func maxEdits(w string) int {
	if utf8.RuneCountInString(w) <= 4 {
		return 1
	}
	return 2
}

// knownPrefix reports whether w starts some word of the typo vocabulary:
// the user may still be typing it.
func (ix *Index) knownPrefix(w string) bool {
	i, _ := slices.BinarySearchFunc(ix.terms, w, func(t term, w string) int { return cmp.Compare(t.text, w) })
	return i < len(ix.terms) && strings.HasPrefix(ix.terms[i].text, w)
}

// correction is a known word close to a query word.
type correction struct {
	text string
	dist int
	name bool
	df   int32
}

// corrections returns at most n known words within maxEdits of w, all at
// the smallest distance found, words of names first, then the most
// frequent.
func (ix *Index) corrections(w string, n int, e *editScratch) []correction {
	wr := []rune(w)
	k := maxEdits(w)
	var out []correction
	for i := range ix.terms {
		t := &ix.terms[i]
		if d := len(t.runes) - len(wr); d > k || d < -k {
			continue
		}
		if d := e.distance(wr, t.runes, k); d <= k {
			out = append(out, correction{t.text, d, t.name, t.df})
		}
	}
	slices.SortFunc(out, func(a, b correction) int {
		if a.dist != b.dist {
			return cmp.Compare(a.dist, b.dist)
		}
		if a.name != b.name {
			if a.name {
				return -1
			}
			return 1
		}
		if a.df != b.df {
			return cmp.Compare(b.df, a.df)
		}
		return cmp.Compare(a.text, b.text)
	})
	for i, c := range out {
		if i == n || c.dist > out[0].dist {
			return out[:i]
		}
	}
	return out
}

// suggest corrects the words of three runes or more that start no known
// word. It returns the corrected queries, best first, the words of the best
// one and its penalty; nil when nothing is close.
func (s *Session) suggest(words []string) (sugs, alt []string, penalty int32) {
	cs := make([][]correction, len(words))
	first := -1
	for i, w := range words {
		if utf8.RuneCountInString(w) < 3 || s.ix.knownPrefix(w) {
			continue
		}
		cs[i] = s.ix.corrections(w, maxSuggestions, &s.edits)
		if first < 0 && len(cs[i]) > 0 {
			first = i
		}
	}
	if first < 0 {
		return nil, nil, 0
	}
	for a, c := range cs[first] {
		ws := slices.Clone(words)
		var edits int
		for i := range ws {
			if len(cs[i]) > 0 {
				ws[i] = cs[i][0].text
				edits += cs[i][0].dist
			}
		}
		ws[first] = c.text
		if a == 0 {
			alt, penalty = ws, int32(typoPenalty*edits)
		}
		sugs = append(sugs, strings.Join(ws, " "))
	}
	return sugs, alt, penalty
}

// editScratch holds the rows of the edit distance, reused between calls.
type editScratch struct {
	prev2, prev, cur []int
}

// distance returns the optimal-string-alignment Damerau–Levenshtein distance
// between a and b (insertions, deletions, substitutions and transpositions of
// adjacent runes), or k+1 when it is more than k.
func (e *editScratch) distance(a, b []rune, k int) int {
	m := len(b)
	if d := len(a) - m; d > k || d < -k {
		return k + 1
	}
	if cap(e.cur) < m+1 {
		e.prev2, e.prev, e.cur = make([]int, m+1), make([]int, m+1), make([]int, m+1)
	}
	prev2, prev, cur := e.prev2[:m+1], e.prev[:m+1], e.cur[:m+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[m], k+1)
}
