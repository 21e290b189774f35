package search

import (
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Match qualities: how well one query word matches one string, before the
// points of the field the string belongs to are added.
const (
	qualityExact     = 100
	qualityPrefix    = 80
	qualityWordStart = 75
	qualityAcronym   = 50
	qualitySubstring = 45
	// qualityScatterMax caps a scattered subsequence's quality, which is
	// fuzzy's score clamped to [0, qualityScatterMax].
	qualityScatterMax = 35
	// coverageMax is added in proportion to the share of the string the word
	// covers, so that "amb" prefers "Ambassadors" to "Ambassador Programs".
	coverageMax = 12
)

// fieldPoints returns the points added to a match's quality in field f:
// titles and aliases first, then variant names and a page's terms, blocks
// and tags, then summary and text.
func fieldPoints(f Field) int32 {
	switch f {
	case FieldTitle:
		return 60
	case FieldAlias:
		return 56
	case FieldVariant, FieldTerm:
		return 46
	case FieldBlock:
		return 26
	case FieldTag:
		return 24
	case FieldSummary:
		return 16
	default:
		return 10
	}
}

// isShort reports whether the query word w has one or two runes: such words
// only match at word starts, through the short index.
func isShort(w string) bool {
	return utf8.RuneCountInString(w) <= 2
}

// coverage returns the points for w covering part of s.
func coverage(w, s string) int32 {
	if len(s) == 0 {
		return 0
	}
	return int32(coverageMax * len(w) / len(s))
}

// isWordStart reports whether byte offset i of s starts a word.
func isWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

// contiguous finds w inside s, preferring the whole string, then a prefix,
// then a word start, then any place. It returns the quality and the offset,
// or ok false when w is not a substring of s.
func contiguous(w, s string) (quality int32, at int, ok bool) {
	i := strings.Index(s, w)
	if i < 0 {
		return 0, 0, false
	}
	if i == 0 {
		if len(w) == len(s) {
			return qualityExact + coverageMax, 0, true
		}
		return qualityPrefix + coverage(w, s), 0, true
	}
	for j := i; j >= 0; {
		if isWordStart(s, j) {
			return qualityWordStart + coverage(w, s), j, true
		}
		k := strings.Index(s[j+1:], w)
		if k < 0 {
			break
		}
		j += 1 + k
	}
	return qualitySubstring, i, true
}

// pluralPenalty is taken off a match of a plural query word's singular.
const pluralPenalty = 4

// singular returns w without a final "s" when w has four runes or more and
// does not end in "ss", else "". A plural query word also finds its
// singular: "talks" finds "Lightning Talk".
func singular(w string) string {
	n := len(w)
	if n < 4 || w[n-1] != 's' || w[n-2] == 's' || utf8.RuneCountInString(w) < 4 {
		return ""
	}
	return w[:n-1]
}

// gapless is contiguous, falling back to w's singular. It also returns the
// length of what matched. Whatever a word matches this way, a shorter
// prefix of it matches as a substring, which keeps session filtering right.
func gapless(w, s string) (quality int32, at, n int, ok bool) {
	if q, at, ok := contiguous(w, s); ok {
		return q, at, len(w), true
	}
	if sg := singular(w); sg != "" {
		if q, at, ok := contiguous(sg, s); ok {
			return q - pluralPenalty, at, len(sg), true
		}
	}
	return 0, 0, 0, false
}

// shortMatch matches a one- or two-rune word w against s: a word of s must
// start with w, or, for two runes, two consecutive words of s must start with
// its two runes. It returns the quality and the matched ranges of s.
func shortMatch(w, s string) (quality int32, rs []Range, ok bool) {
	_, n1 := utf8.DecodeRuneInString(w)
	prevStart := -1
	var acronym []Range
	eachToken(s, func(start, end int) {
		if ok {
			return
		}
		if strings.HasPrefix(s[start:end], w) {
			switch {
			case start == 0 && len(w) == len(s):
				quality = qualityExact + coverageMax
			case start == 0:
				quality = qualityPrefix + coverage(w, s)
			default:
				quality = qualityWordStart + coverage(w, s)
			}
			rs, ok = []Range{{start, start + len(w)}}, true
			return
		}
		if acronym == nil && prevStart >= 0 && n1 < len(w) &&
			strings.HasPrefix(s[prevStart:], w[:n1]) && strings.HasPrefix(s[start:end], w[n1:]) {
			acronym = []Range{{prevStart, prevStart + n1}, {start, start + len(w) - n1}}
		}
		prevStart = start
	})
	if ok {
		return quality, rs, true
	}
	if acronym != nil {
		return qualityAcronym, acronym, true
	}
	return 0, nil, false
}

// nameQuality returns the quality of the query word w in s when w matches
// it without gaps: as a substring, or at a word start for a short word.
func nameQuality(w, s string) (int32, bool) {
	if isShort(w) {
		q, _, ok := shortMatch(w, s)
		return q, ok && q != qualityAcronym
	}
	q, _, _, ok := gapless(w, s)
	return q, ok
}

// subsequenceBytes reports whether the bytes of w appear in s in order. For
// UTF-8 strings it is implied by w's runes appearing in order, so it can
// rule a string out before fuzzy looks at it.
func subsequenceBytes(w, s string) bool {
	if len(w) > len(s) {
		return false
	}
	for i := 0; i < len(w); i++ {
		j := strings.IndexByte(s, w[i])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

// scatterQuality turns fuzzy's score of a scattered match into a quality.
func scatterQuality(score int) int32 {
	return int32(min(max(score, 0), qualityScatterMax))
}

// runeRanges turns fuzzy's matched byte offsets in s into ranges, merging
// adjacent runes.
func runeRanges(s string, idx []int) []Range {
	var rs []Range
	for _, i := range idx {
		_, n := utf8.DecodeRuneInString(s[i:])
		if k := len(rs); k > 0 && rs[k-1].End == i {
			rs[k-1].End = i + n
			continue
		}
		rs = append(rs, Range{i, i + n})
	}
	return rs
}

// wordRanges returns the ranges of s that the query word w matches, in the
// same way the ranking matched it; nil when it does not match.
func wordRanges(w, s string) []Range {
	if isShort(w) {
		if _, rs, ok := shortMatch(w, s); ok {
			return rs
		}
		if w == s {
			return []Range{{0, len(s)}}
		}
		return nil
	}
	if _, at, n, ok := gapless(w, s); ok {
		return []Range{{at, at + n}}
	}
	ms := fuzzy.Find(w, []string{s})
	if len(ms) == 0 {
		return nil
	}
	return runeRanges(s, ms[0].MatchedIndexes)
}

// scored is a key or vocabulary word that a query word matched, with the
// match's score (quality plus field points for keys, quality alone for
// vocabulary words).
type scored struct {
	id    int32
	score int32
}

// foldSource is a fuzzy.Source over some of a list of folded strings.
type foldSource struct {
	get func(id int32) string
	ids []int32
}

// String returns the i-th string.
func (s foldSource) String(i int) string { return s.get(s.ids[i]) }

// Len returns the number of strings.
func (s foldSource) Len() int { return len(s.ids) }

var _ fuzzy.Source = foldSource{}

// matchLong matches the long query word w against the keys and vocabulary
// words that base matched, or against all of them when base is nil. Since a
// word extending base's word can only match a subset of what base's word
// matched, the result is the same either way.
func (ix *Index) matchLong(w string, base *wordMatches) *wordMatches {
	m := &wordMatches{word: w}
	if base == nil {
		m.names = ix.matchKeys(m, func(yield func(int32)) {
			for id := range ix.keys {
				yield(int32(id))
			}
		})
		m.words = ix.matchWords(m, func(yield func(int32)) {
			for id := range ix.words {
				yield(int32(id))
			}
		})
		return m
	}
	m.names = ix.matchKeys(m, func(yield func(int32)) {
		for _, s := range base.names {
			yield(s.id)
		}
	})
	m.words = ix.matchWords(m, func(yield func(int32)) {
		for _, s := range base.words {
			yield(s.id)
		}
	})
	return m
}

// matchKeys scores m's word against the keys with the given ids and returns
// the matching ones. A key matches when the word's runes appear in its fold
// in order, or when it holds the word's singular. It sets m.strong when a
// key holds the word, or its singular, as a substring.
func (ix *Index) matchKeys(m *wordMatches, ids func(yield func(int32))) []scored {
	w := m.word
	var out []scored
	var scatter []int32
	ids(func(id int32) {
		k := &ix.keys[id]
		if strings.IndexByte(k.fold, w[0]) < 0 {
			return
		}
		if q, _, _, ok := gapless(w, k.fold); ok {
			out = append(out, scored{id, q + fieldPoints(k.field)})
			m.strong = true
			return
		}
		if subsequenceBytes(w, k.fold) {
			scatter = append(scatter, id)
		}
	})
	if len(scatter) == 0 {
		return out
	}
	src := foldSource{get: func(id int32) string { return ix.keys[id].fold }, ids: scatter}
	for _, fm := range fuzzy.FindFromNoSort(w, src) {
		id := scatter[fm.Index]
		out = append(out, scored{id, scatterQuality(fm.Score) + fieldPoints(ix.keys[id].field)})
	}
	return out
}

// matchWords scores m's word against the vocabulary words with the given ids
// and returns the matching ones. A vocabulary word matches when it contains
// the query word or its singular, or when it starts with the query word's
// first rune and holds its runes in order. It sets m.strong when a word
// contains it or its singular.
func (ix *Index) matchWords(m *wordMatches, ids func(yield func(int32))) []scored {
	w := m.word
	_, n := utf8.DecodeRuneInString(w)
	first := w[:n]
	var out []scored
	var scatter []int32
	ids(func(id int32) {
		f := ix.words[id].fold
		if q, _, _, ok := gapless(w, f); ok {
			out = append(out, scored{id, q})
			m.strong = true
			return
		}
		if strings.HasPrefix(f, first) && subsequenceBytes(w, f) {
			scatter = append(scatter, id)
		}
	})
	if len(scatter) == 0 {
		return out
	}
	src := foldSource{get: func(id int32) string { return ix.words[id].fold }, ids: scatter}
	for _, fm := range fuzzy.FindFromNoSort(w, src) {
		out = append(out, scored{scatter[fm.Index], scatterQuality(fm.Score)})
	}
	return out
}
