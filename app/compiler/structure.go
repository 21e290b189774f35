package compiler

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// blocksLine returns the building blocks of a body whose first block is an
// italic line ("*Code, Social*"), or nil.
func blocksLine(doc ast.Node, src []byte) []string {
	p, ok := doc.FirstChild().(*ast.Paragraph)
	if !ok {
		return nil
	}
	var em *ast.Emphasis
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			if em != nil || c.Level != 1 {
				return nil
			}
			if _, nested := c.FirstChild().(*ast.Emphasis); nested {
				return nil
			}
			em = c
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(src))) != "" {
				return nil
			}
		default:
			return nil
		}
	}
	if em == nil {
		return nil
	}
	var blocks []string
	for b := range strings.SplitSeq(plainText(src, em), ",") {
		if b = strings.TrimSpace(b); b != "" {
			blocks = append(blocks, b)
		}
	}
	return blocks
}

// labelOf reports whether a block opens a labelled section
// ("***Problem***: …") and returns the label.
func labelOf(n ast.Node, src []byte) (string, bool) {
	p, ok := n.(*ast.Paragraph)
	if !ok {
		return "", false
	}
	outer, ok := p.FirstChild().(*ast.Emphasis)
	if !ok {
		return "", false
	}
	inner, ok := outer.FirstChild().(*ast.Emphasis)
	if !ok || inner.NextSibling() != nil || outer.Level+inner.Level != 3 {
		return "", false
	}
	label := strings.TrimSpace(strings.TrimRight(plainText(src, inner), ": "))
	return label, label != ""
}

// dropLabel removes the label from its paragraph, and the colon after it.
// It reports whether anything but white space is left.
func dropLabel(p ast.Node, src []byte) bool {
	p.RemoveChild(p, p.FirstChild())
	trimLeading(p, src, ":")
	return hasText(src, p)
}

// trimLeading removes white space and the characters in cut from the start
// of a block's text, and the line breaks and text nodes left empty there,
// so that "***Problem***:" on a line of its own does not start the section
// with a line break.
func trimLeading(block ast.Node, src []byte, cut string) {
	for {
		t, ok := block.FirstChild().(*ast.Text)
		if !ok {
			return
		}
		v := t.Segment.Value(src)
		i := 0
		for i < len(v) && (v[i] == ' ' || v[i] == '\t' || strings.IndexByte(cut, v[i]) >= 0) {
			i++
		}
		t.Segment = t.Segment.WithStart(t.Segment.Start + i)
		if t.Segment.Len() > 0 {
			return
		}
		block.RemoveChild(block, t)
	}
}

// splitAliases splits an Also Known As text on ";", "," and on a "." that
// ends a name (followed by a space or the end), so "Node.js" stays whole.
func splitAliases(text string) []string {
	var out []string
	start := 0
	add := func(end int) {
		if a := strings.TrimSpace(text[start:end]); a != "" {
			out = append(out, a)
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ';', ',':
		case '.':
			if i+1 < len(text) && text[i+1] != ' ' {
				continue
			}
		default:
			continue
		}
		add(i)
		start = i + 1
	}
	add(len(text))
	return out
}

// variantsOf turns the items of a bullet list into named variants,
// removing the names from the tree so that the rendered text follows them.
func (w *worker) variantsOf(list *ast.List, src []byte) ([]corpus.Variant, []int, error) {
	var out []corpus.Variant
	var unnamed []int
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		var v corpus.Variant
		if first != nil {
			v.Names = takeNames(first, src)
			if !hasText(src, first) {
				item.RemoveChild(item, first)
			}
		}
		if len(v.Names) == 0 {
			unnamed = append(unnamed, offsetOf(item))
		}
		var children []ast.Node
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			children = append(children, c)
		}
		html, err := w.render(src, children...)
		if err != nil {
			return nil, nil, err
		}
		v.HTML = html
		v.Text = w.plainText(src, children...)
		out = append(out, v)
	}
	return out, unnamed, nil
}

// takeNames removes the leading bold names of a variant's first block
// ("**Brown Bag.** **Lunch-n-Learn.** …", "**Wiki**. …", "**Meeting**: …")
// and returns them.
func takeNames(block ast.Node, src []byte) []string {
	var names []string
	for {
		c := block.FirstChild()
		if c == nil {
			return names
		}
		if em, ok := c.(*ast.Emphasis); ok && em.Level == 2 {
			if name := strings.TrimSpace(strings.TrimRight(plainText(src, em), ".:;, ")); name != "" {
				names = append(names, name)
			}
			block.RemoveChild(block, c)
			trimLeading(block, src, ".:")
			continue
		}
		return names
	}
}

// offsetOf returns a byte offset of a node in the source, for diagnostics:
// its own position when goldmark recorded one (links, blocks), else that
// of its first text, else that of the nearest ancestor that has one.
func offsetOf(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if p := n.Pos(); p >= 0 {
			return p
		}
		var off = -1
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if t, ok := c.(*ast.Text); ok && entering {
				off = t.Segment.Start
				return ast.WalkStop, nil
			}
			if entering && c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
				off = c.Lines().At(0).Start
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
		if off >= 0 {
			return off
		}
	}
	return 0
}

// structure fills a pattern's summary, sections, aliases and variants from
// its tree. The tree's links must already be resolved.
func (w *worker) structure(s *source, doc ast.Node) error {
	d := &s.doc
	src := s.text[s.body:]
	var summary []ast.Node
	var footnotes ast.Node
	type group struct {
		label string
		nodes []ast.Node
	}
	var groups []*group
	n := doc.FirstChild()
	if len(d.Blocks) > 0 {
		n = n.NextSibling()
	}
	// ***Label*** paragraphs open the sections; in a body without them,
	// the headings of the highest level do, deeper ones staying inside.
	level := 0
	if !hasLabel(doc, src) {
		level = headingLevel(doc)
	}
	for ; n != nil; n = n.NextSibling() {
		if _, ok := n.(*east.FootnoteList); ok {
			footnotes = n
			continue
		}
		if label, ok := labelOf(n, src); ok && level == 0 {
			g := &group{label: label}
			if dropLabel(n, src) {
				g.nodes = append(g.nodes, n)
			}
			groups = append(groups, g)
			continue
		}
		if label, ok := headingLabel(n, src, level); ok {
			groups = append(groups, &group{label: label})
			continue
		}
		if len(groups) == 0 {
			summary = append(summary, n)
		} else {
			g := groups[len(groups)-1]
			g.nodes = append(g.nodes, n)
		}
	}
	if footnotes != nil && len(groups) == 0 {
		summary = append(summary, footnotes)
	}
	var err error
	s.linksIn(corpus.SectionSummary, summary)
	if d.Summary, err = w.render(src, summary...); err != nil {
		return err
	}
	d.SummaryText = w.plainText(src, summary...)
	for gi, g := range groups {
		nodes := g.nodes
		kind := sectionKind(g.label)
		s.linksIn(kind, nodes)
		if gi == len(groups)-1 && footnotes != nil {
			s.linksIn(kind, []ast.Node{footnotes})
		}
		switch kind {
		case corpus.SectionAliases:
			d.Aliases = append(d.Aliases, splitAliases(w.plainText(src, nodes...))...)
		case corpus.SectionVariants:
			var rest []ast.Node
			for _, n := range nodes {
				list, ok := n.(*ast.List)
				if !ok || !namedItems(list) {
					rest = append(rest, n)
					continue
				}
				vs, unnamed, err := w.variantsOf(list, src)
				if err != nil {
					return err
				}
				for _, off := range unnamed {
					s.warn(s.bodyLine(off), "variant has no bold name")
				}
				d.Variants = append(d.Variants, vs...)
			}
			nodes = rest
		}
		if gi == len(groups)-1 && footnotes != nil {
			nodes = append(nodes, footnotes)
		}
		html, err := w.render(src, nodes...)
		if err != nil {
			return err
		}
		d.Sections = append(d.Sections, corpus.Section{Label: g.label, Kind: kind, HTML: html, Text: w.plainText(src, nodes...)})
	}
	corpus.AnchorsOf(d)
	return nil
}

// linksIn marks the document's links found under the given nodes as
// occurring in a section of kind k (corpus.Link.In).
func (s *source) linksIn(k corpus.SectionKind, nodes []ast.Node) {
	for _, n := range nodes {
		_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering {
				if i, ok := s.linkAt[l]; ok {
					s.doc.Links[i].In = s.doc.Links[i].In.With(k)
				}
			}
			return ast.WalkContinue, nil
		})
	}
}

// hasLabel reports whether a body has a labelled section; with a
// building-block line, that makes it a pattern.
func hasLabel(doc ast.Node, src []byte) bool {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := labelOf(n, src); ok {
			return true
		}
	}
	return false
}

// namedItems reports whether any item of a list starts with a bold name,
// as our Variants do; a list of another language's Variations is kept as
// a list.
func namedItems(list *ast.List) bool {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		if first := item.FirstChild(); first != nil {
			if em, ok := first.FirstChild().(*ast.Emphasis); ok && em.Level == 2 {
				return true
			}
		}
	}
	return false
}
