package compiler

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// wikiScheme marks the destination of a [[wiki link]] until the link is
// resolved: its target is a document's name or title, not a path.
const wikiScheme = "wiki:"

// wikiLinks is a goldmark extension for [[target]] and [[target|label]]
// links, parsed ahead of ordinary links.
type wikiLinks struct{}

var _ goldmark.Extender = wikiLinks{}

// Extend registers the wiki link parser.
func (wikiLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(wikiParser{}, 199)))
}

type wikiParser struct{}

var _ parser.InlineParser = wikiParser{}

// Trigger is the first '[' of "[[".
func (wikiParser) Trigger() []byte { return []byte{'['} }

// Parse reads a wiki link on one line into a link whose destination is
// wikiScheme and the target.
func (wikiParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	end := bytes.Index(line[2:], []byte("]]"))
	if end <= 0 {
		return nil
	}
	inner := line[2 : 2+end]
	if bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	target, labelStart := inner, 2
	if i := bytes.IndexByte(inner, '|'); i >= 0 {
		target, labelStart = inner[:i], 2+i+1
	}
	target = bytes.TrimSpace(target)
	if len(target) == 0 {
		return nil
	}
	label := text.NewSegment(seg.Start+labelStart, seg.Start+2+end)
	label = label.TrimLeftSpace(block.Source())
	label = label.TrimRightSpace(block.Source())
	if label.Len() == 0 {
		return nil
	}
	link := ast.NewLink()
	link.Destination = append([]byte(wikiScheme), target...)
	link.SetPos(seg.Start)
	link.AppendChild(link, ast.NewTextSegment(label))
	block.Advance(2 + end + 2)
	return link
}
