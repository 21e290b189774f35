package search

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// key is one distinct name of one field — a title, alias, variant name,
// term, block or tag — with the documents that have it.
type key struct {
	folded
	field Field
	docs  []int32
}

// vword is one word of the text vocabulary.
type vword struct {
	folded
	// docs are the documents whose text holds the word, sorted.
	docs []int32
	// sum are those of docs whose summary holds the word, sorted.
	sum []int32
}

// term is one word of the typo vocabulary.
type term struct {
	// text is the folded word.
	text string
	// runes is text as runes, for the edit distance.
	runes []rune
	// name is true when the word occurs in a name (title, alias, variant).
	name bool
	// df counts the documents holding the word.
	df int32
}

// Index is the search index of a corpus, built once by [New]. It is never
// changed afterwards, so any number of sessions may share it.
type Index struct {
	docs []corpus.Doc
	// keys are the names of all fields but text, in document order.
	keys []key
	// short maps a one- or two-rune folded string to the sorted ids of the
	// keys in which a word starts with it, or, for two runes, in which two
	// consecutive words start with its two runes.
	short map[string][]int32
	// words is the text vocabulary, in corpus.Corpus.Words order.
	words []vword
	// exact maps a folded vocabulary word to the ids of the words folding
	// to it.
	exact map[string][]int32
	// terms is the typo vocabulary, sorted by text.
	terms []term
}

// New builds the index of c. It reads c but keeps no reference to anything
// but c.Docs, which it does not change. When c.Words is empty it computes the
// vocabulary itself with [Vocabulary]. A nil c is an empty corpus.
func New(c *corpus.Corpus) *Index { return build(c, func() {}) }

// pauseEvery is how many documents, keys or words build handles between
// two calls of its pause.
const pauseEvery = 64

// build builds the index of c as New does, calling pause between parts of
// the work, where a build a step at a time ([Lazy.Step]) may stop.
func build(c *corpus.Corpus, pause func()) *Index {
	if c == nil {
		c = &corpus.Corpus{}
	}
	ix := &Index{docs: c.Docs, short: make(map[string][]int32), exact: make(map[string][]int32)}
	every := func(i int) {
		if i%pauseEvery == pauseEvery-1 {
			pause()
		}
	}
	ix.buildKeys(every)
	pause()
	words := c.Words
	if len(words) == 0 {
		words = Vocabulary(c.Docs)
		pause()
	}
	ix.buildWords(words, every)
	pause()
	ix.buildTerms(every)
	return ix
}

// buildKeys collects the distinct names of every field with their documents
// and indexes the starts of their words, calling every with the number of
// each document and key it is done with.
func (ix *Index) buildKeys(every func(int)) {
	type name struct {
		field Field
		text  string
	}
	ids := make(map[name]int32)
	add := func(doc int32, f Field, text string) {
		if text == "" {
			return
		}
		n := name{f, text}
		id, ok := ids[n]
		if !ok {
			id = int32(len(ix.keys))
			ids[n] = id
			ix.keys = append(ix.keys, key{folded: newFolded(text), field: f})
		}
		k := &ix.keys[id]
		if len(k.docs) == 0 || k.docs[len(k.docs)-1] != doc {
			k.docs = append(k.docs, doc)
		}
	}
	for i := range ix.docs {
		d := &ix.docs[i]
		doc := int32(i)
		add(doc, FieldTitle, d.Title)
		for _, a := range d.Aliases {
			add(doc, FieldAlias, a)
		}
		for _, v := range d.Variants {
			for _, n := range v.Names {
				add(doc, FieldVariant, n)
			}
		}
		for _, e := range d.Entries {
			add(doc, FieldTerm, e.Term)
		}
		for _, b := range d.Blocks {
			add(doc, FieldBlock, b)
		}
		for _, t := range d.Tags {
			add(doc, FieldTag, t)
		}
		every(i)
	}
	for id := range ix.keys {
		ix.indexStarts(int32(id), ix.keys[id].fold)
		every(id)
	}
}

// indexStarts adds key id to the short index under the first rune and the
// first two runes of each word of fold, and under the initials of each pair
// of consecutive words.
func (ix *Index) indexStarts(id int32, fold string) {
	add := func(s string) {
		p := ix.short[s]
		if len(p) > 0 && p[len(p)-1] == id {
			return
		}
		ix.short[s] = append(p, id)
	}
	prev := ""
	eachToken(fold, func(start, end int) {
		_, n1 := utf8.DecodeRuneInString(fold[start:end])
		first := fold[start : start+n1]
		add(first)
		if start+n1 < end {
			_, n2 := utf8.DecodeRuneInString(fold[start+n1 : end])
			add(fold[start : start+n1+n2])
		}
		if prev != "" {
			add(prev + first)
		}
		prev = first
	})
}

// buildWords folds the vocabulary and marks which of its documents hold each
// word in their summary, calling every with the number of each word and
// document it is done with.
func (ix *Index) buildWords(words []corpus.Word, every func(int)) {
	ix.words = make([]vword, len(words))
	byText := make(map[string]int32, len(words))
	for i, w := range words {
		ix.words[i] = vword{folded: newFolded(w.Text), docs: w.Docs}
		byText[w.Text] = int32(i)
		f := ix.words[i].fold
		ix.exact[f] = append(ix.exact[f], int32(i))
		every(i)
	}
	var buf []byte
	for i := range ix.docs {
		doc := int32(i)
		buf = eachWord(ix.docs[i].SummaryText, buf, func(w []byte) {
			id, ok := byText[string(w)]
			if !ok {
				return
			}
			if sum := ix.words[id].sum; len(sum) == 0 || sum[len(sum)-1] != doc {
				ix.words[id].sum = append(sum, doc)
			}
		})
		every(i)
	}
}

// buildTerms collects the typo vocabulary: the words of all names and the
// text vocabulary, folded, of three runes or more, calling every with the
// number of each key and word it is done with.
func (ix *Index) buildTerms(every func(int)) {
	type info struct {
		name bool
		df   int32
	}
	seen := make(map[string]info)
	for i, k := range ix.keys {
		name := k.field <= FieldTerm
		eachToken(k.fold, func(start, end int) {
			t := k.fold[start:end]
			if utf8.RuneCountInString(t) < 3 {
				return
			}
			in := seen[t]
			in.name = in.name || name
			in.df += int32(len(k.docs))
			seen[t] = in
		})
		every(i)
	}
	for i, w := range ix.words {
		every(i)
		if utf8.RuneCountInString(w.fold) < 3 {
			continue
		}
		in := seen[w.fold]
		in.df += int32(len(w.docs))
		seen[w.fold] = in
	}
	ix.terms = make([]term, 0, len(seen))
	for t, in := range seen {
		ix.terms = append(ix.terms, term{text: t, runes: []rune(t), name: in.name, df: in.df})
	}
	slices.SortFunc(ix.terms, func(a, b term) int { return cmp.Compare(a.text, b.text) })
}
