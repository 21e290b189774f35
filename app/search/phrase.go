package search

// Phrase bonuses for multi-word queries whose words match the same name.
const (
	// sharedBonus is added for each query word whose match is the same name
	// as an earlier word's, so "bag brown" prefers the variant "Brown Bag"
	// to "brown" in one name and "bag" in another.
	sharedBonus = 25
	// orderBonus is added when all query words match one name, in order, as
	// consecutive words of it ("hack night" in "Hack Night").
	orderBonus = 40
)

// phrase returns the phrase bonus of document d: sharedBonus for each word
// whose name an earlier word also matched, plus orderBonus when all words
// match one name in order.
func (p *pass) phrase(ix *Index, d int32) int32 {
	var bonus int32
	all := true
	for i := 1; i < len(p.words); i++ {
		r := p.ref[i][d]
		all = all && r == p.ref[0][d]
		if r < 0 {
			continue
		}
		for j := range i {
			if p.ref[j][d] == r {
				bonus += sharedBonus
				break
			}
		}
	}
	if r := p.ref[0][d]; all && r >= 0 && len(p.words) > 1 && inOrder(p.words, ix.keys[r].fold) {
		bonus += orderBonus
	}
	return bonus
}

// gather tries matching all query words in document d to one name that one
// of them matched, each without gaps (as a substring, or a word start for a
// short word), and keeps that when it scores more, bonuses included, than
// the words' separate best matches: "hack night" then matches the variant
// "Hack Night" rather than the title "Hackathon" and a word of the text.
func (p *pass) gather(ix *Index, d int32) {
	n := len(p.words)
	var best int32
	for i := range n {
		best += p.score[i][d]
	}
	best += p.phrase(ix, d)
	bestRef := int32(-1)
	var scores, try [maxQueryWords]int32
next:
	for i := range n {
		r := p.ref[i][d]
		if r < 0 {
			continue
		}
		for j := range i {
			if p.ref[j][d] == r {
				continue next
			}
		}
		k := &ix.keys[r]
		var sum int32
		for j, w := range p.words {
			if p.ref[j][d] == r {
				try[j] = p.score[j][d]
			} else {
				q, ok := nameQuality(w, k.fold)
				if !ok {
					continue next
				}
				try[j] = q + fieldPoints(k.field)
			}
			sum += try[j]
		}
		sum += sharedBonus * int32(n-1)
		if inOrder(p.words, k.fold) {
			sum += orderBonus
		}
		if sum > best {
			best, bestRef, scores = sum, r, try
		}
	}
	if bestRef < 0 {
		return
	}
	for j := range n {
		p.score[j][d] = scores[j]
		p.ref[j][d] = bestRef
	}
}

// inOrder reports whether words start consecutive words of fold, in order;
// stopwords of fold are skipped ("train trainer" in "train the trainer").
func inOrder(words []string, fold string) bool {
	var toks []string
	eachToken(fold, func(start, end int) {
		if t := fold[start:end]; !isStopword(t) {
			toks = append(toks, t)
		}
	})
	for s := 0; s+len(words) <= len(toks); s++ {
		ok := true
		for i, w := range words {
			if len(toks[s+i]) < len(w) || toks[s+i][:len(w)] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
