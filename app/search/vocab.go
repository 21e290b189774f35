package search

import (
	"cmp"
	"slices"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Vocabulary returns the search vocabulary of docs, for corpus.Corpus.Words:
// every distinct word that [Tokens] finds in a document's SummaryText,
// Sections[].Text or Variants[].Text, sorted, each with the sorted indices of
// the documents holding it. Stopwords and words longer than 32 bytes are left
// out.
func Vocabulary(docs []corpus.Doc) []corpus.Word {
	postings := make(map[string][]int32)
	add := func(i int32, text string) {
		for _, w := range Tokens(text) {
			if len(w) > maxWordLen || isStopword(w) {
				continue
			}
			p := postings[w]
			if len(p) > 0 && p[len(p)-1] == i {
				continue
			}
			postings[w] = append(p, i)
		}
	}
	for i := range docs {
		d := &docs[i]
		add(int32(i), d.SummaryText)
		for _, s := range d.Sections {
			add(int32(i), s.Text)
		}
		for _, v := range d.Variants {
			add(int32(i), v.Text)
		}
	}
	words := make([]corpus.Word, 0, len(postings))
	for w, p := range postings {
		words = append(words, corpus.Word{Text: w, Docs: p})
	}
	slices.SortFunc(words, func(a, b corpus.Word) int { return cmp.Compare(a.Text, b.Text) })
	return words
}
