// Package plain reads Markdown without a header: the whole file is the
// body, and the title comes from the body itself — a "Title" section, else
// the first level-1 heading, else the file's name.
package plain

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/devrel-patterns/explorer/app/compiler/form"
)

// Read returns the empty header of a file without one: the body is the
// whole file.
func Read(*form.Text) form.Header {
	return form.Header{Form: form.Plain, End: 1}
}

// TakeTitle finds the title in a parsed body and removes it from the tree,
// so that it is not shown twice: a heading "Title" (any level) and the
// paragraph after it, else the first level-1 heading. It returns the title
// and the byte offset of its text, or ok false.
func TakeTitle(doc ast.Node, src []byte) (title string, off int, ok bool) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, isHeading := n.(*ast.Heading)
		if !isHeading || !strings.EqualFold(strings.TrimSpace(Text(h, src)), "title") {
			continue
		}
		p, isPara := h.NextSibling().(*ast.Paragraph)
		if !isPara {
			continue
		}
		title = strings.TrimSpace(Text(p, src))
		if title == "" {
			continue
		}
		off = p.Lines().At(0).Start
		doc.RemoveChild(doc, p)
		doc.RemoveChild(doc, h)
		return title, off, true
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, isHeading := n.(*ast.Heading); isHeading && h.Level == 1 {
			if title = strings.TrimSpace(Text(h, src)); title == "" {
				continue
			}
			if h.Lines().Len() > 0 {
				off = h.Lines().At(0).Start
			}
			doc.RemoveChild(doc, h)
			return title, off, true
		}
	}
	return "", 0, false
}

// FromName makes a title of a file's path: its base name without the
// extension, dashes and underscores as spaces, the first letter upper
// case ("content/2-structured/code-review.md" → "Code review"); an index
// file is named by its folder.
func FromName(p string) string {
	base := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if strings.EqualFold(base, "index") && path.Dir(p) != "." {
		base = path.Base(path.Dir(p))
	}
	base = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(base))
	if base == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(base)
	return string(unicode.ToUpper(r)) + base[n:]
}

// Text returns the text of a node and its descendants, without markup.
func Text(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
