package graph

import (
	"strconv"
	"strings"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// linkKind is what a link means by the section of its pattern it comes
// from. In a pattern language a link in a pattern's problem or context
// names a larger pattern it helps complete; one in its solution, a smaller
// pattern that completes it; one in its consequences, what comes of it.
// The edges of each kind are drawn with their own dashes (not only a
// colour), and the legend names them.
type linkKind uint8

const (
	linkSolution    linkKind = iota // solution, variants, implementations, sketch
	linkContext                     // problem, context, forces
	linkConsequence                 // consequences
	linkOther                       // anywhere else, or a page's link
	linkKinds                       // the number of kinds
)

// linkKindNames are the kinds' CSS class suffixes and legend labels.
var linkKindNames = [linkKinds][2]string{
	{"solution", "from a solution"},
	{"context", "from a problem or context"},
	{"consequence", "from consequences"},
	{"other", "from elsewhere"},
}

// linkDashes are the kinds' dash patterns, in pixels on screen ("" for a
// solid line): solid for the solution, the link that completes a pattern,
// which a reader follows most.
var linkDashes = [linkKinds][]float64{nil, {6, 3}, {1.5, 2.5}, {8, 2, 1.5, 2}}

// class is the CSS class of the edges of kind k.
func (k linkKind) class() string { return "graph-edge-" + linkKindNames[k][0] }

// kindOf is the kind of a link that occurs in the sections in: the first
// of solution, context and consequences that it is in.
func kindOf(in corpus.SectionSet) linkKind {
	switch {
	case in.Has(corpus.SectionSolution) || in.Has(corpus.SectionVariants) ||
		in.Has(corpus.SectionImplementations) || in.Has(corpus.SectionSketch):
		return linkSolution
	case in.Has(corpus.SectionProblem) || in.Has(corpus.SectionContext) || in.Has(corpus.SectionForces):
		return linkContext
	case in.Has(corpus.SectionConsequences):
		return linkConsequence
	}
	return linkOther
}

// edgeKind is the kind of the edge from document from to document to: the
// sections of from that link to it.
func edgeKind(c *corpus.Corpus, from, to int32) linkKind {
	var in corpus.SectionSet
	slug := c.Docs[to].Slug
	for _, l := range c.Docs[from].Links {
		if l.Target == slug {
			in |= l.In
		}
	}
	return kindOf(in)
}

// dashCSS returns the dash rules of the edge kinds at a zoom: k world
// units a pixel, so that the dashes keep their length on screen.
func dashCSS(id string, k float64) string {
	var b strings.Builder
	for kind := range linkKinds {
		if dashes := kind.dashArray(k); dashes != "" {
			b.WriteString("#" + id + " ." + kind.class() + "{stroke-dasharray:" + dashes + "}")
		}
	}
	return b.String()
}

// dashArray is the kind's dashes at k world units a pixel, as a
// stroke-dasharray value; "" for a solid line.
func (kind linkKind) dashArray(k float64) string {
	parts := make([]string, len(linkDashes[kind]))
	for i, d := range linkDashes[kind] {
		parts[i] = strconv.FormatFloat(d*k, 'g', 4, 64)
	}
	return strings.Join(parts, ",")
}
