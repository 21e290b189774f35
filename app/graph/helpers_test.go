package graph

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// testCorpus is a small language: five patterns and a page.
//
//	alpha → beta, alpha → delta, beta → delta, delta → gamma,
//	delta → omega, gamma → beta, and glossary (a page) → alpha.
func testCorpus() *corpus.Corpus {
	return &corpus.Corpus{
		Blocks: []string{"Social", "Content", "Tools"},
		Docs: []corpus.Doc{
			{Slug: "alpha", Title: "Alpha", Blocks: []string{"Social"}, X: 0.1, Y: 0.2},
			{Slug: "beta", Title: "Beta", Blocks: []string{"Content"}, X: 0.5, Y: 0.1},
			{Slug: "delta", Title: "Delta", Blocks: []string{"Social", "Content"}, X: 0.5, Y: 0.6},
			{Slug: "gamma", Title: "Gamma", X: 0.9, Y: 0.3},
			{Slug: "glossary", Title: "Glossary", Kind: corpus.KindPage},
			{Slug: "omega", Title: "Omega", Blocks: []string{"Unknown"}, X: 0.8, Y: 0.9},
		},
		Edges: []corpus.Edge{
			{From: 0, To: 1}, {From: 0, To: 2}, {From: 1, To: 2},
			{From: 2, To: 3}, {From: 2, To: 5}, {From: 3, To: 1},
			{From: 4, To: 0},
		},
	}
}

// bigCorpus returns n patterns on a grid, each linked to the next.
func bigCorpus(n int) *corpus.Corpus {
	c := &corpus.Corpus{Blocks: []string{"A", "B", "C"}}
	side := 1
	for side*side < n {
		side++
	}
	for i := range n {
		c.Docs = append(c.Docs, corpus.Doc{
			Slug:   "p" + strconv.Itoa(100000+i),
			Title:  "Pattern " + strconv.Itoa(i),
			Blocks: []string{c.Blocks[i%3]},
			X:      0.05 + 0.9*float32(i%side)/float32(side),
			Y:      0.05 + 0.9*float32(i/side)/float32(side),
		})
		if i > 0 {
			c.Edges = append(c.Edges, corpus.Edge{From: int32(i - 1), To: int32(i)})
		}
	}
	return c
}

// element is one element of rendered HTML: its tag, attributes and text.
type element struct {
	tag   string
	attrs map[string]string
	text  string
}

var (
	startTag = regexp.MustCompile(`^\s*<([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+(?:="[^"]*")?)*)>(.*?)(?:</[a-zA-Z]+>)?$`)
	attrRe   = regexp.MustCompile(`([a-zA-Z0-9:-]+)(?:="([^"]*)")?`)
)

// elements parses the HTML printed by app.HTMLString, which puts each
// element on its own line, and returns the elements with the given tag
// whose class list holds class (any class if empty).
func elements(t *testing.T, html, tag, class string) []element {
	t.Helper()
	var out []element
	for _, line := range strings.Split(html, "\n") {
		m := startTag.FindStringSubmatch(line)
		if m == nil || m[1] != tag {
			continue
		}
		e := element{tag: m[1], attrs: map[string]string{}, text: m[3]}
		for _, a := range attrRe.FindAllStringSubmatch(m[2], -1) {
			v, err := strconv.Unquote(`"` + a[2] + `"`)
			if err != nil {
				v = a[2]
			}
			e.attrs[a[1]] = v
		}
		if class != "" && !hasClass(e.attrs["class"], class) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func hasClass(list, class string) bool {
	for _, c := range strings.Fields(list) {
		if c == class {
			return true
		}
	}
	return false
}

func nodeSlugs(s *scene) []string {
	var out []string
	for _, n := range s.nodes {
		out = append(out, n.slug)
	}
	return out
}

func edgePairs(s *scene) []string {
	var out []string
	for _, e := range s.edges {
		out = append(out, s.nodes[e.from].slug+"→"+s.nodes[e.to].slug)
	}
	return out
}
