package compiler

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// entries cuts a page into the parts its anchor lines open, such as the
// terms of a glossary (`<div id="term" />` before `**Term**: …`): each is
// the blocks from its anchor line up to the next anchor line or heading,
// named by the bold words it opens with, else by its anchor. A page
// without anchor lines has none.
func (w *worker) entries(src []byte, tree ast.Node) []corpus.Entry {
	var out []corpus.Entry
	var open *corpus.Entry
	var blocks []ast.Node
	flush := func() {
		if open != nil {
			open.Text = w.plainText(src, blocks...)
			if open.Text != "" {
				out = append(out, *open)
			}
		}
		open, blocks = nil, nil
	}
	for n := tree.FirstChild(); n != nil; n = n.NextSibling() {
		if id, ok := blockAnchor(n, src); ok {
			flush()
			open = &corpus.Entry{Anchor: id}
			continue
		}
		if n.Kind() == ast.KindHeading {
			flush()
			continue
		}
		if open == nil {
			continue
		}
		if len(blocks) == 0 {
			open.Term = entryTerm(n, src, open.Anchor)
		}
		blocks = append(blocks, n)
	}
	flush()
	return out
}

// blockAnchor returns the id of a block that is only an anchor line: the
// Anchor node of the anchors extension, or an HTML block holding nothing
// but an anchor element.
func blockAnchor(n ast.Node, src []byte) (string, bool) {
	switch n := n.(type) {
	case *Anchor:
		return n.ID, true
	case *ast.HTMLBlock:
		var raw []byte
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			raw = append(raw, seg.Value(src)...)
		}
		return anchorID(raw)
	}
	return "", false
}

// entryTerm is the term an entry's first block names: its leading bold
// words ("**Activation**: …" is "Activation"), else the anchor with
// spaces for hyphens.
func entryTerm(first ast.Node, src []byte, anchor string) string {
	if c := first.FirstChild(); c != nil {
		if em, ok := c.(*ast.Emphasis); ok && em.Level == 2 {
			if term := strings.TrimSpace(strings.TrimRight(plainText(src, em), ".:;, ")); term != "" {
				return term
			}
		}
	}
	return strings.ReplaceAll(anchor, "-", " ")
}
