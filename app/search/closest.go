package search

import (
	"cmp"
	"slices"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Closest returns the indices of at most n patterns whose titles are near
// q by edit distance (at most half of q's length, and at least 2), nearest
// first: what an empty result offers instead. The bound lets the distance
// stop early on far titles, so it stays cheap on large corpora.
func (ix *Index) Closest(q string, n int) []int {
	fq := []rune(fold(q))
	if len(fq) == 0 || n <= 0 {
		return nil
	}
	type near struct{ doc, dist int }
	var all []near
	var e editScratch
	k := max(2, len(fq)/2)
	for i := range ix.docs {
		d := &ix.docs[i]
		if d.Kind != corpus.KindPattern {
			continue
		}
		t := []rune(fold(d.Title))
		// Compare with the title's prefix of the query's length too, so
		// that "confer" is near "Conference Session".
		dist := e.distance(fq, t, k)
		if len(t) > len(fq) {
			dist = min(dist, e.distance(fq, t[:len(fq)], k)+1)
		}
		if dist <= k {
			all = append(all, near{i, dist})
		}
	}
	slices.SortStableFunc(all, func(a, b near) int { return cmp.Compare(a.dist, b.dist) })
	out := make([]int, 0, n)
	for _, a := range all[:min(n, len(all))] {
		out = append(out, a.doc)
	}
	return out
}
