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
	var buf []byte
	add := func(i int32, text string) {
		buf = eachWord(text, buf, func(w []byte) {
			if len(w) > maxWordLen {
				return
			}
			p, ok := postings[string(w)]
			if ok && p[len(p)-1] == i {
				return
			}
			if !ok && isStopword(string(w)) {
				return
			}
			postings[string(w)] = append(p, i)
		})
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
		add(int32(i), d.Text) // a page's
	}
	words := make([]corpus.Word, 0, len(postings))
	for w, p := range postings {
		words = append(words, corpus.Word{Text: w, Docs: p})
	}
	slices.SortFunc(words, func(a, b corpus.Word) int { return cmp.Compare(a.Text, b.Text) })
	return words
}
