// Package synth generates synthetic pattern languages: folders of pattern
// files in the exact format of content/ (a key=value header, a ~~~~~~ line,
// a building-block line, labelled sections, variants and links to other
// patterns), with invented words. It feeds benchmarks, load tests and
// `make run CONTENT=...` with corpora of any size.
//
// The output depends only on the number of patterns and the seed: the same
// arguments give the same bytes on every machine and Go release, so a
// benchmark always measures the same input.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// IntroSlug is the slug of the introduction page that every generated
// folder holds beside its patterns.
const IntroSlug = "introduction"

// LinksPerPattern is the mean number of distinct links from a generated
// pattern to other patterns.
const LinksPerPattern = 5

// vocabularySize is how many pseudo-words a generator invents.
const vocabularySize = 3000

// blocks are the building blocks, in the order a blocks line lists them.
var blocks = []string{"Code", "Presentation", "Social", "Writing", "Budget"}

// common is everyday English that the text mixes with invented words, so
// that stopwords, short words and frequent words occur as in real prose.
var common = strings.Fields(`the a an and or but of to in on for with at by from as is are was be
been it this that these those you your we our they their them he she his her its not no
can will would should could may might must have has had do does did make makes made get
gets take takes give gives find finds keep keeps use uses used need needs want wants help
helps start starts run runs build builds write writes show shows ask asks answer team teams
people developer developers community company product products event events time money
work code docs documentation talk talks question questions feedback user users project
projects program programs first new good better best small large more most less many
much every each other same own long short early late often always never sometimes usually
again also only even still just about after before during when where while because so if
than then there here what which who how why all some any both few one two three week month
year day place plan plans goal goals cost costs risk risks result results value way ways
example examples sample samples tool tools support open public local online live real`)

// sectionLabels are the labelled sections of every generated pattern, after
// Also Known As.
var sectionLabels = []string{"Problem", "Context", "Solution", "Consequences"}

// pattern is one generated pattern before it is written out.
type pattern struct {
	slug, title string
}

// generator holds the random source and the invented vocabulary.
type generator struct {
	rng   *rand.Rand
	words []string
}

func newGenerator(seed uint64) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
	seen := make(map[string]bool, vocabularySize+len(common))
	for _, w := range common {
		seen[w] = true
	}
	for len(g.words) < vocabularySize {
		w := g.pseudoWord()
		if !seen[w] {
			seen[w] = true
			g.words = append(g.words, w)
		}
	}
	return g
}

var (
	onsets = strings.Fields("b br c ch cl d dr f fl g gr h j k l m n p pl pr qu r s sh st t th tr v w z")
	vowels = strings.Fields("a e i o u a e i o ai ea ou io")
	codas  = []string{"", "", "", "n", "r", "s", "l", "t", "m", "x", "nd", "rk"}
)

// pseudoWord invents a pronounceable lower-case word of two or three
// syllables.
func (g *generator) pseudoWord() string {
	var b strings.Builder
	for range 2 + g.rng.IntN(2) {
		b.WriteString(onsets[g.rng.IntN(len(onsets))])
		b.WriteString(vowels[g.rng.IntN(len(vowels))])
	}
	b.WriteString(codas[g.rng.IntN(len(codas))])
	return b.String()
}

// between returns a number in [lo, hi].
func (g *generator) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

func (g *generator) invented() string { return g.words[g.rng.IntN(len(g.words))] }

// word returns an invented word or a common English one, about half each.
func (g *generator) word() string {
	if g.rng.IntN(100) < 55 {
		return common[g.rng.IntN(len(common))]
	}
	return g.invented()
}

// name returns 1 to max capitalised invented words.
func (g *generator) name(max int) string {
	n := g.between(1, max)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = capitalise(g.invented())
	}
	return strings.Join(parts, " ")
}

// sentence returns a capitalised sentence of 8 to 18 words, with an
// occasional comma.
func (g *generator) sentence() string {
	n := g.between(8, 18)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.word()
		if i > 1 && i < n-2 && g.rng.IntN(12) == 0 {
			parts[i] += ","
		}
	}
	parts[0] = capitalise(parts[0])
	return strings.Join(parts, " ") + "."
}

// paragraph returns n sentences, each followed by one of the links in
// links, consumed from the front, when a coin says so.
func (g *generator) paragraph(n int, links *[]pattern) string {
	parts := make([]string, 0, n)
	for range n {
		s := g.sentence()
		if len(*links) > 0 && g.rng.IntN(3) > 0 {
			l := (*links)[0]
			*links = (*links)[1:]
			s = strings.TrimSuffix(s, ".") + linkPhrase(g, l) + "."
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// linkPhrase returns " with [Title](slug.html)" or similar.
func linkPhrase(g *generator, p pattern) string {
	joins := []string{"with", "like", "through", "beside", "after"}
	return " " + joins[g.rng.IntN(len(joins))] + " " + markdownLink(p)
}

// markdownLink returns "[Title](slug.html)".
func markdownLink(p pattern) string { return "[" + p.title + "](" + p.slug + ".html)" }

func capitalise(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// Files returns a folder of n generated patterns and an introduction page,
// keyed by file name ("slug.md"). Every pattern has a title of one to
// three words, zero to four aliases, a building-block line, the sections
// Also Known As (when it has aliases), Problem, Context, Solution and
// Consequences with 150 to 300 words in all, about LinksPerPattern links
// to other patterns, and in about a third of the files a Variants section
// whose items use each of the bold-name styles of content/. The same n and
// seed always give the same files.
func Files(n int, seed uint64) map[string][]byte {
	if n < 0 {
		n = 0
	}
	g := newGenerator(seed)
	pats := g.patterns(n)
	files := make(map[string][]byte, n+1)
	files[IntroSlug+".md"] = g.introduction(pats)
	for i, p := range pats {
		files[p.slug+".md"] = g.file(i, pats)
	}
	return files
}

// Write writes the folder of Files(n, seed) to dir, creating dir if needed
// and replacing files of the same names. Other files in dir are left
// alone, so write to an empty folder to get exactly the generated corpus.
func Write(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	files := Files(n, seed)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	return nil
}

// patterns invents n patterns with distinct titles and slugs.
func (g *generator) patterns(n int) []pattern {
	seen := map[string]bool{IntroSlug: true, "index": true, "glossary": true}
	out := make([]pattern, 0, n)
	for len(out) < n {
		title := g.name(3)
		slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
		if seen[slug] {
			continue
		}
		seen[slug] = true
		out = append(out, pattern{slug: slug, title: title})
	}
	return out
}

// targets picks the distinct patterns that pattern i links to: 3 to 7,
// LinksPerPattern on average, never i itself.
func (g *generator) targets(i int, pats []pattern) []pattern {
	if len(pats) < 2 {
		return nil
	}
	k := min(g.between(LinksPerPattern-2, LinksPerPattern+2), len(pats)-1)
	picked := make(map[int]bool, k)
	out := make([]pattern, 0, k)
	for len(out) < k {
		j := g.rng.IntN(len(pats))
		if j == i || picked[j] {
			continue
		}
		picked[j] = true
		out = append(out, pats[j])
	}
	return out
}

// file returns the text of pattern i.
func (g *generator) file(i int, pats []pattern) []byte {
	p := pats[i]
	var b strings.Builder
	date := fmt.Sprintf("20%02d-%02d-%02d", g.between(18, 26), g.between(1, 12), g.between(1, 28))
	tags := "devrel, patterns"
	if g.rng.IntN(2) == 0 {
		tags += ", " + []string{"events", "writing", "community", "code", "media"}[g.rng.IntN(5)]
	}
	fmt.Fprintf(&b, "title=%s\ndate=%s\ntype=page\ntags=%s\nstatus=published\ndescription=The %s DevRel activity pattern.\n~~~~~~\n\n",
		p.title, date, tags, p.title)

	var bl []string
	for _, blk := range blocks {
		if g.rng.IntN(3) == 0 {
			bl = append(bl, blk)
		}
	}
	if len(bl) == 0 {
		bl = append(bl, blocks[g.rng.IntN(len(blocks))])
	}
	fmt.Fprintf(&b, "*%s*\n\n", strings.Join(bl, ", "))

	if k := g.rng.IntN(5); k > 0 {
		aliases := make([]string, k)
		for j := range aliases {
			aliases[j] = g.name(2)
		}
		fmt.Fprintf(&b, "***Also Known As***: %s\n\n", strings.Join(aliases, "; "))
	}

	links := g.targets(i, pats)
	for _, label := range sectionLabels {
		var paras []string
		switch label {
		case "Problem", "Context":
			paras = []string{g.paragraph(g.between(2, 3), &links)}
		case "Solution":
			paras = []string{g.paragraph(g.between(2, 4), &links), g.paragraph(g.between(1, 3), &links)}
		case "Consequences":
			paras = []string{g.paragraph(g.between(2, 3), &links)}
			if g.rng.IntN(2) == 0 {
				paras = append(paras, g.paragraph(g.between(1, 2), &links))
			}
		}
		if label == "Consequences" && len(links) > 0 { // no link left behind
			last := &paras[len(paras)-1]
			for _, l := range links {
				*last += " See also " + markdownLink(l) + "."
			}
			links = nil
		}
		fmt.Fprintf(&b, "***%s***: %s\n\n", label, strings.Join(paras, "\n\n"))
	}

	if g.rng.IntN(3) == 0 {
		b.WriteString("***Variants***:\n\n")
		for k := range g.between(2, 4) {
			b.WriteString(g.variant(k))
		}
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

// variant returns one Variants list item in one of the four bold-name
// styles of content/, chosen in turn starting at a random style.
func (g *generator) variant(k int) string {
	text := g.sentence()
	if g.rng.IntN(2) == 0 {
		text += " " + g.sentence()
	}
	switch (k + g.rng.IntN(4)) % 4 {
	case 0: // several names, each ending in a full stop
		return fmt.Sprintf("* **%s.** **%s.** %s\n", g.name(2), g.name(2), text)
	case 1:
		item := fmt.Sprintf("* **%s**. %s\n", g.name(2), text)
		if g.rng.IntN(3) == 0 { // an indented continuation paragraph
			item += "\n    " + g.sentence() + "\n"
		}
		return item
	case 2:
		return fmt.Sprintf("* **%s**: %s\n", g.name(2), lowerFirst(text))
	default:
		return fmt.Sprintf("* **%s** %s\n", g.name(2), text)
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// introduction returns the introduction page: a few paragraphs about the
// language with links to a handful of patterns.
func (g *generator) introduction(pats []pattern) []byte {
	var b strings.Builder
	b.WriteString("title=Introduction\ndate=2026-01-05\ntype=page\ntags=devrel, patterns, overview\nstatus=published\n")
	b.WriteString("description=What this synthetic pattern language is and how to find your way around it.\n~~~~~~\n\n")
	fmt.Fprintf(&b, "This folder holds %d generated patterns. Their words are invented; their form is the real one.\n\n", len(pats))
	b.WriteString("## Where to start\n\n")
	for i := 0; i < len(pats) && i < 8; i++ {
		p := pats[g.rng.IntN(len(pats))]
		fmt.Fprintf(&b, "- %s: %s\n", markdownLink(p), lowerFirst(g.sentence()))
	}
	b.WriteString("\n" + g.sentence() + " " + g.sentence() + "\n")
	return []byte(b.String())
}
