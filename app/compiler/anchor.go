package compiler

import (
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindAnchor is the node kind of an anchor line.
var KindAnchor = ast.NewNodeKind("Anchor")

// Anchor is a line that only holds an anchor element, such as
// `<div id="term" />` before a glossary entry. In CommonMark that line
// would open an HTML block that swallows the Markdown after it; as its own
// node, the entry after it stays Markdown.
type Anchor struct {
	ast.BaseBlock
	// ID is the anchor's id.
	ID string
}

// Kind returns KindAnchor.
func (a *Anchor) Kind() ast.NodeKind { return KindAnchor }

// Dump prints the node for debugging.
func (a *Anchor) Dump(src []byte, level int) {
	ast.DumpHelper(a, src, level, map[string]string{"ID": a.ID}, nil)
}

// anchors is the goldmark extension that parses and renders anchor lines.
type anchors struct{}

var _ goldmark.Extender = anchors{}

// Extend registers the anchor parser ahead of goldmark's HTML block parser
// (priority 900), and its renderer.
func (anchors) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(anchorParser{}, 850)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(anchors{}, 100)))
}

// RegisterFuncs renders an anchor as an empty element with its id.
func (anchors) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAnchor, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="anchor" id="` + html.EscapeString(n.(*Anchor).ID) + `"></span>` + "\n")
		}
		return ast.WalkSkipChildren, nil
	})
}

// anchorParser opens an Anchor on a line that is only an anchor element.
type anchorParser struct{}

var _ parser.BlockParser = anchorParser{}

func (anchorParser) Trigger() []byte { return []byte{'<'} }

func (anchorParser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	id, ok := anchorID(line)
	if !ok {
		return nil, parser.NoChildren
	}
	a := &Anchor{ID: id}
	a.Lines().Append(seg)
	// Stop before the newline: advancing past it would make the parser
	// skip the next line, the glossary entry that the anchor names.
	reader.AdvanceToEOL()
	return a, parser.NoChildren
}

func (anchorParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }

func (anchorParser) Close(ast.Node, text.Reader, parser.Context) {}

func (anchorParser) CanInterruptParagraph() bool { return true }

func (anchorParser) CanAcceptIndentedLine() bool { return false }
