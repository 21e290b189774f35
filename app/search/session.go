package search

import (
	"strings"
)

// DefaultLimit is the number of hits [Session.Query] returns.
const DefaultLimit = 20

const (
	// maxQueryWords is the number of query words looked at; the rest are
	// ignored.
	maxQueryWords = 8
	// cacheSize is the number of long query words whose matches a session
	// remembers.
	cacheSize = 8
)

// Session answers the queries of one user as they type. It remembers the
// matches of the words it has seen, so that a word extending one of them is
// only checked against those matches: every key or vocabulary word that
// matches "amba" also matches "amb". Its results are always the same as
// those of a fresh [Index.Query]. A Session is not safe for concurrent use;
// open one per user.
type Session struct {
	ix *Index
	// cache holds the matches of recent long words, most recent last.
	cache []*wordMatches
	// main ranks the query as typed, alt the first suggestion.
	main, alt pass
	edits     editScratch
	// top are the hits of the last query, best first.
	top []cand
	// mainScore[d] is, while ranking, the main pass's score of document d,
	// or noScore, or altWon when the alternative pass ranks d.
	mainScore []int32
}

// wordMatches are the keys and vocabulary words that one query word matches.
type wordMatches struct {
	word  string
	names []scored
	words []scored
	// strong is true when some match is not scattered: a word without one
	// is likely mistyped.
	strong bool
}

// Session opens a search session on the index, returning [DefaultLimit] hits
// per query.
func (ix *Index) Session() *Session {
	return &Session{ix: ix}
}

// Query answers the query q, typically the contents of the search box after a
// keystroke, with at most [DefaultLimit] hits.
func (s *Session) Query(q string) Result {
	return s.QueryLimit(q, DefaultLimit)
}

// Query answers q with at most limit hits (DefaultLimit when limit < 1)
// without a session; its results are those of a fresh session.
func (ix *Index) Query(q string, limit int) Result {
	return ix.Session().QueryLimit(q, limit)
}

// QueryLimit answers q with at most limit hits, or [DefaultLimit] when
// limit < 1; a UI's "show more" asks for more. The query is split into words
// like [Tokens] does, keeping one-letter words and dropping stopwords unless
// there is nothing else; every word must match some field of a document, and
// the scores of the words add up. An empty query has no hits.
func (s *Session) QueryLimit(q string, limit int) Result {
	if limit < 1 {
		limit = DefaultLimit
	}
	res := Result{Query: q}
	words := queryWords(q)
	if len(words) == 0 {
		return res
	}
	s.main.run(s, words, 0)
	var alt []string
	var penalty int32
	if len(s.main.cands) < 3 || !s.main.strong {
		res.Suggestions, alt, penalty = s.suggest(words)
	}
	if alt != nil {
		s.alt.run(s, alt, penalty)
	} else {
		s.alt.clear()
	}
	res.Total = s.rank(limit)
	res.Hits = make([]Hit, len(s.top))
	for i, c := range s.top {
		p := &s.main
		if c.alt {
			p = &s.alt
		}
		res.Hits[i] = s.ix.hit(p, c)
	}
	return res
}

// queryWords folds q and splits it into distinct words. Stopwords are
// dropped unless the query has nothing else.
func queryWords(q string) []string {
	f := fold(q)
	var all, content []string
	eachToken(f, func(start, end int) {
		w := f[start:end]
		for _, x := range all {
			if x == w {
				return
			}
		}
		all = append(all, w)
		if !isStopword(w) {
			content = append(content, w)
		}
	})
	if len(content) > 0 {
		all = content
	}
	if len(all) > maxQueryWords {
		all = all[:maxQueryWords]
	}
	return all
}

// matches returns what the query word w matches. A long word is looked up in
// the cache; when a cached word is a prefix of w, only its matches are
// checked. A short word is looked up in the short and exact indices.
func (s *Session) matches(w string) *wordMatches {
	ix := s.ix
	if isShort(w) {
		m := &wordMatches{word: w, strong: true}
		for _, id := range ix.short[w] {
			k := &ix.keys[id]
			if q, _, ok := shortMatch(w, k.fold); ok {
				m.names = append(m.names, scored{id, q + fieldPoints(k.field)})
			}
		}
		for _, id := range ix.exact[w] {
			m.words = append(m.words, scored{id, qualityExact + coverageMax})
		}
		return m
	}
	var base *wordMatches
	for i, c := range s.cache {
		if c.word == w {
			copy(s.cache[i:], s.cache[i+1:])
			s.cache[len(s.cache)-1] = c
			return c
		}
		if len(c.word) < len(w) && strings.HasPrefix(w, c.word) && (base == nil || len(c.word) > len(base.word)) {
			base = c
		}
	}
	m := ix.matchLong(w, base)
	if len(s.cache) == cacheSize {
		copy(s.cache, s.cache[1:])
		s.cache = s.cache[:cacheSize-1]
	}
	s.cache = append(s.cache, m)
	return m
}
