package search

import (
	"container/heap"
	"math"
	"slices"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// breadthBonus is added for each place past the first where a word matched
// a document, up to breadthMax places.
const (
	breadthBonus = 2
	breadthMax   = 3
)

// pass ranks the documents for one list of query words. Its per-word arrays,
// indexed by document, are kept between queries and reset before each run.
type pass struct {
	words []string
	// score[i][d] is the best score of word i in document d, -1 for none;
	// ref[i][d] says where it is: a key id when >= 0, else vocabulary word
	// -ref-1.
	score, ref [][]int32
	// places[i][d] counts the names and words of document d that word i
	// matched.
	places [][]uint8
	// touched[i] are the documents word i set.
	touched [][]int32
	// cands are the documents all words matched, with their total score.
	cands []cand
	// penalty is subtracted from every total (the suggestion's edits).
	penalty int32
	// strong is false when some word had only scattered matches.
	strong bool
}

// cand is a matching document.
type cand struct {
	doc   int32
	score int32
	// alt is true for a document ranked by the alternative pass.
	alt bool
}

// clear forgets the last run.
func (p *pass) clear() {
	for i := range p.words {
		for _, d := range p.touched[i] {
			p.score[i][d] = -1
			p.places[i][d] = 0
		}
		p.touched[i] = p.touched[i][:0]
	}
	p.words = p.words[:0]
	p.cands = p.cands[:0]
}

// run ranks the documents for words: it collects each word's best match per
// document, keeps the documents every word matched and sums their scores.
func (p *pass) run(s *Session, words []string, penalty int32) {
	p.clear()
	n := len(s.ix.docs)
	for len(p.score) < len(words) {
		sc := make([]int32, n)
		for d := range sc {
			sc[d] = -1
		}
		p.score = append(p.score, sc)
		p.places = append(p.places, make([]uint8, n))
		p.ref = append(p.ref, make([]int32, n))
		p.touched = append(p.touched, nil)
	}
	p.words = append(p.words, words...)
	p.penalty = penalty
	p.strong = true
	for i, w := range words {
		m := s.matches(w)
		p.strong = p.strong && m.strong
		p.collect(s.ix, i, m)
		if len(p.touched[i]) == 0 {
			return
		}
	}
next:
	for _, d := range p.touched[0] {
		for i := 1; i < len(words); i++ {
			if p.score[i][d] < 0 {
				continue next
			}
		}
		if len(words) > 1 {
			p.gather(s.ix, d)
		}
		total := p.phrase(s.ix, d)
		for i := range words {
			total += p.score[i][d] + breadth(p.places[i][d])
		}
		p.cands = append(p.cands, cand{doc: d, score: total - penalty})
	}
}

// collect records, for each document, word i's best match among m.
func (p *pass) collect(ix *Index, i int, m *wordMatches) {
	for _, sc := range m.names {
		for _, d := range ix.keys[sc.id].docs {
			p.set(i, d, sc.score, sc.id)
		}
	}
	for _, sc := range m.words {
		v := &ix.words[sc.id]
		ref := -sc.id - 1
		sum := v.sum
		for _, d := range v.docs {
			pts := fieldPoints(FieldText)
			for len(sum) > 0 && sum[0] < d {
				sum = sum[1:]
			}
			if len(sum) > 0 && sum[0] == d {
				pts = fieldPoints(FieldSummary)
			}
			p.set(i, d, sc.score+pts, ref)
		}
	}
}

// breadth returns the bonus of a word that matched n places of a document:
// a document that has the word in several fields (a block, a tag and its
// text) is more about it than one that has it once.
func breadth(n uint8) int32 {
	return breadthBonus * int32(min(max(n, 1)-1, breadthMax))
}

// set keeps score and ref for word i in document d if they beat what it has.
func (p *pass) set(i int, d, score, ref int32) {
	if c := p.places[i][d]; c < 255 {
		p.places[i][d] = c + 1
	}
	cur := p.score[i][d]
	if cur < 0 {
		p.touched[i] = append(p.touched[i], d)
	} else if score < cur || score == cur && refOrder(ref) >= refOrder(p.ref[i][d]) {
		return
	}
	p.score[i][d] = score
	p.ref[i][d] = ref
}

// refOrder orders equal-scoring matches: names before text, then by id.
func refOrder(ref int32) int64 {
	if ref >= 0 {
		return int64(ref)
	}
	return math.MaxInt32 + int64(-ref)
}

// Marks of Session.mainScore besides scores.
const (
	noScore = math.MinInt32
	altWon  = math.MinInt32 + 1
)

// candHeap keeps the best candidates with the worst on top.
type candHeap struct {
	cands []cand
	docs  []corpus.Doc
}

// better reports whether a ranks before b: higher score, then patterns
// before pages, then corpus order.
func better(docs []corpus.Doc, a, b cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	ka, kb := docs[a.doc].Kind, docs[b.doc].Kind
	if ka != kb {
		return ka == corpus.KindPattern
	}
	return a.doc < b.doc
}

// Len returns the number of candidates.
func (h *candHeap) Len() int { return len(h.cands) }

// Less puts the worst candidate first.
func (h *candHeap) Less(i, j int) bool { return better(h.docs, h.cands[j], h.cands[i]) }

// Swap swaps two candidates.
func (h *candHeap) Swap(i, j int) { h.cands[i], h.cands[j] = h.cands[j], h.cands[i] }

// Push adds a candidate.
func (h *candHeap) Push(x any) {
	if c, ok := x.(cand); ok {
		h.cands = append(h.cands, c)
	}
}

// Pop removes the last candidate.
func (h *candHeap) Pop() any {
	c := h.cands[len(h.cands)-1]
	h.cands = h.cands[:len(h.cands)-1]
	return c
}

var _ heap.Interface = (*candHeap)(nil)

// rank merges the main and alternative candidates, keeps the best limit of
// them in s.top, best first, and returns how many documents matched.
func (s *Session) rank(limit int) int {
	h := candHeap{cands: s.top[:0], docs: s.ix.docs}
	offer := func(c cand) {
		switch {
		case len(h.cands) < limit:
			heap.Push(&h, c)
		case better(h.docs, c, h.cands[0]):
			h.cands[0] = c
			heap.Fix(&h, 0)
		}
	}
	total := len(s.main.cands)
	if len(s.alt.cands) == 0 {
		for _, c := range s.main.cands {
			offer(c)
		}
	} else {
		// A document both passes found keeps its better score.
		if len(s.mainScore) < len(s.ix.docs) {
			s.mainScore = make([]int32, len(s.ix.docs))
			for d := range s.mainScore {
				s.mainScore[d] = noScore
			}
		}
		for _, c := range s.main.cands {
			s.mainScore[c.doc] = c.score
		}
		for _, c := range s.alt.cands {
			m := s.mainScore[c.doc]
			switch {
			case m == noScore:
				total++
			case m >= c.score:
				continue
			}
			s.mainScore[c.doc] = altWon
			c.alt = true
			offer(c)
		}
		for _, c := range s.main.cands {
			if s.mainScore[c.doc] != altWon {
				offer(c)
			}
			s.mainScore[c.doc] = noScore
		}
		for _, c := range s.alt.cands {
			s.mainScore[c.doc] = noScore
		}
	}
	slices.SortFunc(h.cands, func(a, b cand) int {
		switch {
		case better(h.docs, a, b):
			return -1
		case better(h.docs, b, a):
			return 1
		}
		return 0
	})
	s.top = h.cands
	return total
}
