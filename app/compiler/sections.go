package compiler

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/devrel-patterns/explorer/app/compiler/form/plain"
	"github.com/devrel-patterns/explorer/app/corpus"
)

// sectionKinds maps a section's label, folded by labelKey, to its kind:
// the synonyms pattern languages use for one purpose.
var sectionKinds = map[string]corpus.SectionKind{
	"patlet": corpus.SectionSummary, "intent": corpus.SectionSummary, "tl;dr": corpus.SectionSummary,
	"tldr": corpus.SectionSummary, "summary": corpus.SectionSummary,
	"alias": corpus.SectionAliases, "aliases": corpus.SectionAliases, "aka": corpus.SectionAliases,
	"also known as": corpus.SectionAliases,
	"problem":       corpus.SectionProblem,
	"context":       corpus.SectionContext,
	"force":         corpus.SectionForces, "forces": corpus.SectionForces,
	"solution": corpus.SectionSolution, "therefore": corpus.SectionSolution,
	"consequence": corpus.SectionConsequences, "resulting context": corpus.SectionConsequences,
	"variant": corpus.SectionVariants, "variation": corpus.SectionVariants,
	"known use": corpus.SectionKnownUses, "known instance": corpus.SectionKnownUses, "example": corpus.SectionKnownUses,
	"related pattern": corpus.SectionRelated, "see also": corpus.SectionRelated, "related": corpus.SectionRelated,
	"implementation": corpus.SectionImplementations,
	"sketch":         corpus.SectionSketch,
	"status":         corpus.SectionStatus,
	"author":         corpus.SectionAuthors, "author(s)": corpus.SectionAuthors, "credit": corpus.SectionAuthors,
	"acknowledgment": corpus.SectionAuthors, "acknowledgement": corpus.SectionAuthors,
}

// sectionKind tells a section's kind from its label, without regard to
// case, surrounding punctuation or a plural "s"/"es"; an unknown label is
// corpus.SectionOther.
func sectionKind(label string) corpus.SectionKind {
	key := strings.Join(strings.Fields(strings.ToLower(strings.Trim(label, " \t:.!"))), " ")
	if k, ok := sectionKinds[key]; ok {
		return k
	}
	for _, suffix := range []string{"s", "es"} {
		if k, ok := sectionKinds[strings.TrimSuffix(key, suffix)]; ok && strings.HasSuffix(key, suffix) {
			return k
		}
	}
	return corpus.SectionOther
}

// headingLevel returns the level of the headings that open sections in a
// body without ***Label*** paragraphs: the highest (smallest) level of its
// top-level headings, or 0 when it has none.
func headingLevel(doc ast.Node) int {
	level := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && (level == 0 || h.Level < level) {
			level = h.Level
		}
	}
	return level
}

// headingLabel reports whether a block is a heading that opens a section
// at the given level, and returns its text as the label.
func headingLabel(n ast.Node, src []byte, level int) (string, bool) {
	h, ok := n.(*ast.Heading)
	if !ok || level == 0 || h.Level != level {
		return "", false
	}
	label := strings.TrimSpace(strings.TrimRight(plain.Text(h, src), ": "))
	return label, label != ""
}

// dropTitleHeading removes a first level-1 heading that repeats the title,
// so that it is neither shown twice nor taken for a section.
func dropTitleHeading(doc ast.Node, src []byte, title string) {
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 && strings.EqualFold(strings.TrimSpace(plain.Text(h, src)), strings.TrimSpace(title)) {
		doc.RemoveChild(doc, h)
	}
}

// hasProblemHeading reports whether a body without labels has a heading
// section of the problem kind, which makes it a pattern.
func hasProblemHeading(doc ast.Node, src []byte) bool {
	level := headingLevel(doc)
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if label, ok := headingLabel(n, src, level); ok && sectionKind(label) == corpus.SectionProblem {
			return true
		}
	}
	return false
}
