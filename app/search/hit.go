package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Snippet window around a text match, in bytes.
const (
	snippetBefore = 40
	snippetAfter  = 60
	ellipsis      = "…"
)

// hit builds the hit of candidate c ranked by pass p: the places its words
// matched, best first, with their highlights.
func (ix *Index) hit(p *pass, c cand) Hit {
	type group struct {
		ref   int32
		score int32
		words []string
	}
	var gs []group
	for i, w := range p.words {
		ref, sc := p.ref[i][c.doc], p.score[i][c.doc]
		j := slices.IndexFunc(gs, func(g group) bool { return g.ref == ref })
		if j < 0 {
			gs = append(gs, group{ref: ref})
			j = len(gs) - 1
		}
		gs[j].score += sc
		gs[j].words = append(gs[j].words, w)
	}
	slices.SortStableFunc(gs, func(a, b group) int { return cmp.Compare(b.score, a.score) })
	ms := make([]Match, len(gs))
	for i, g := range gs {
		if g.ref >= 0 {
			ms[i] = ix.keyMatch(g.ref, g.words)
			switch ms[i].Field {
			case FieldVariant:
				ms[i].Anchor = variantAnchor(&ix.docs[c.doc], ms[i].Text)
			case FieldTerm:
				ms[i].Anchor = termAnchor(&ix.docs[c.doc], ms[i].Text)
			}
		} else {
			ms[i] = ix.textMatch(int(c.doc), -g.ref-1, g.words)
		}
	}
	h := Hit{Doc: int(c.doc), Score: int(c.score), Match: ms[0], Corrected: c.alt}
	if len(ms) > 1 {
		h.Also = ms[1:]
	}
	return h
}

// variantAnchor is the anchor of the variant of d named name, or "".
func variantAnchor(d *corpus.Doc, name string) string {
	for _, vr := range d.Variants {
		if slices.ContainsFunc(vr.Names, func(n string) bool { return strings.EqualFold(n, name) }) {
			return vr.Anchor
		}
	}
	return ""
}

// termAnchor is the anchor of the entry of d whose term is term, or "".
func termAnchor(d *corpus.Doc, term string) string {
	for _, e := range d.Entries {
		if strings.EqualFold(e.Term, term) {
			return e.Anchor
		}
	}
	return ""
}

// foldRanges returns the merged ranges of f.text that words match in f.fold.
func foldRanges(f *folded, words []string) []Range {
	var rs []Range
	for _, w := range words {
		rs = append(rs, wordRanges(w, f.fold)...)
	}
	slices.SortFunc(rs, func(a, b Range) int { return cmp.Compare(a.Start, b.Start) })
	return f.textRanges(rs)
}

// keyMatch is the match of words in key id.
func (ix *Index) keyMatch(id int32, words []string) Match {
	k := &ix.keys[id]
	return Match{Field: k.field, Text: k.text, Ranges: foldRanges(&k.folded, words)}
}

// textMatch is the match of words in vocabulary word id of document d: a
// snippet of the summary, else of the first section, variant or page entry
// holding it, else of a page's text.
func (ix *Index) textMatch(d int, id int32, words []string) Match {
	v := &ix.words[id]
	doc := &ix.docs[d]
	if _, ok := slices.BinarySearch(v.sum, int32(d)); ok {
		if m, ok := snippet(doc.SummaryText, v.text, words); ok {
			m.Field = FieldSummary
			return m
		}
	}
	for _, s := range doc.Sections {
		if m, ok := snippet(s.Text, v.text, words); ok {
			m.Field, m.Label, m.Anchor = FieldText, s.Label, s.Anchor
			return m
		}
	}
	for _, vr := range doc.Variants {
		if m, ok := snippet(vr.Text, v.text, words); ok {
			m.Field, m.Anchor = FieldText, vr.Anchor
			if len(vr.Names) > 0 {
				m.Label = vr.Names[0]
			}
			return m
		}
	}
	for _, e := range doc.Entries {
		if m, ok := snippet(e.Text, v.text, words); ok {
			m.Field, m.Label, m.Anchor = FieldText, e.Term, e.Anchor
			return m
		}
	}
	if m, ok := snippet(doc.Text, v.text, words); ok {
		m.Field = FieldText
		return m
	}
	return Match{Field: FieldText, Text: v.text, Ranges: foldRanges(&v.folded, words)}
}

// snippet finds the first token of text that is word and returns a short
// window of text around it, with the parts words match highlighted.
func snippet(text, word string, words []string) (Match, bool) {
	start, end := -1, -1
	eachToken(text, func(s, e int) {
		if start < 0 && strings.EqualFold(text[s:e], word) {
			start, end = s, e
		}
	})
	if start < 0 {
		return Match{}, false
	}
	tok := newFolded(text[start:end])
	rs := foldRanges(&tok, words)
	lo, hi := max(0, start-snippetBefore), min(len(text), end+snippetAfter)
	if lo > 0 {
		if i := strings.IndexByte(text[lo:start], ' '); i >= 0 {
			lo += i + 1
		}
		for lo < start && !utf8.RuneStart(text[lo]) {
			lo++
		}
	}
	if hi < len(text) {
		if i := strings.LastIndexByte(text[end:hi], ' '); i >= 0 {
			hi = end + i
		}
		for hi > end && !utf8.RuneStart(text[hi]) {
			hi--
		}
	}
	var b strings.Builder
	shift := start - lo
	if lo > 0 {
		b.WriteString(ellipsis)
		shift += len(ellipsis)
	}
	body := []byte(text[lo:hi])
	for i, c := range body {
		if c == '\n' || c == '\r' || c == '\t' {
			body[i] = ' '
		}
	}
	b.Write(body)
	if hi < len(text) {
		b.WriteString(ellipsis)
	}
	for i := range rs {
		rs[i].Start += shift
		rs[i].End += shift
	}
	return Match{Text: b.String(), Ranges: rs}, true
}
