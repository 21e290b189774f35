package search

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Word lists of the synthetic corpus, as constants.
const (
	// titleWordList are real words that synthetic titles, aliases and
	// variant names are made of.
	titleWordList = `
	advocate ambassador api article award badge blog book booth bootcamp brown bag
	calendar campaign certification challenge champion changelog chat client code
	cohort community conference contest council course dashboard day deck demo
	design developer diary digest discord docs email engineer event evangelist
	example expert fair feedback forum friday gallery game gist guide hackathon
	handbook help hero hour index insider interview jam journal kit lab launch
	league learn library live lunch map marketplace meetup mentor metric mvp network
	newsletter night office onboarding open page panel partner party playground
	podcast portal post program project quickstart radio recipe reference release
	report review roadmap sample school sdk series session showcase slack social
	source space sponsor sprint stage starter stream studio summit support survey
	swag talk team template test tour track training tutorial user video wall
	webinar week wiki workshop writing youtube zone`
	// blockList and tagList are the small sets blocks and tags come from.
	blockList = "Code Community Content Events Marketing Social Support Writing"
	tagList   = "devrel patterns code community events marketing api docs video learning"
	// syllableList makes the invented words of synthetic text.
	syllableList = `ka lo mi ra te su no vi pe da zu ri go ba fe li
	mo ta ne si ku ha do re tri plo sta gre ven mar tol quin bel dra sko`
)

// synthCorpus returns a synthetic corpus of n patterns, the same for the same
// n and seed: titles of one to three words, zero to four aliases, zero to
// three variants, one or two blocks, two tags, and about 150 words of text
// from a vocabulary of 3,000 invented words with a Zipf distribution.
func synthCorpus(n int, seed uint64) *corpus.Corpus {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	titleWords, syllables := strings.Fields(titleWordList), strings.Fields(syllableList)
	blockNames, tagNames := strings.Fields(blockList), strings.Fields(tagList)
	vocab := make([]string, 3000)
	seen := make(map[string]bool)
	for i := range vocab {
		for {
			var b strings.Builder
			for range 2 + r.IntN(3) {
				b.WriteString(syllables[r.IntN(len(syllables))])
			}
			if w := b.String(); !seen[w] {
				seen[w] = true
				vocab[i] = w
				break
			}
		}
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	text := func(words int) string {
		var b strings.Builder
		for i := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(8) == 0 {
				b.WriteString(titleWords[r.IntN(len(titleWords))])
			} else {
				b.WriteString(vocab[zipf.Uint64()])
			}
			if r.IntN(12) == 0 {
				b.WriteByte('.')
			}
		}
		return b.String()
	}
	name := func(maxWords int) string {
		words := make([]string, 1+r.IntN(maxWords))
		for i := range words {
			w := titleWords[r.IntN(len(titleWords))]
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		return strings.Join(words, " ")
	}
	docs := make([]corpus.Doc, n)
	titles := make(map[string]bool)
	for i := range docs {
		d := &docs[i]
		for {
			d.Title = name(3)
			if !titles[d.Title] {
				titles[d.Title] = true
				break
			}
		}
		if i%20 == 19 {
			d.Kind = corpus.KindPage
		}
		d.Slug = fmt.Sprintf("%s-%05d", strings.ToLower(strings.ReplaceAll(d.Title, " ", "-")), i)
		for range r.IntN(5) {
			d.Aliases = append(d.Aliases, name(2))
		}
		for range r.IntN(4) {
			v := corpus.Variant{Names: []string{name(2)}, Text: text(20)}
			if r.IntN(4) == 0 {
				v.Names = append(v.Names, name(2))
			}
			d.Variants = append(d.Variants, v)
		}
		for range 1 + r.IntN(2) {
			d.Blocks = append(d.Blocks, blockNames[r.IntN(len(blockNames))])
		}
		d.Tags = []string{"devrel", tagNames[r.IntN(len(tagNames))]}
		d.SummaryText = text(25)
		for _, l := range []string{"Problem", "Context", "Solution"} {
			d.Sections = append(d.Sections, corpus.Section{Label: l, Text: text(50)})
		}
	}
	sortDocs(docs)
	c := &corpus.Corpus{Docs: docs}
	c.Words = Vocabulary(c.Docs)
	return c
}
