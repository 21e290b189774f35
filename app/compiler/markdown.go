package compiler

import (
	"bufio"
	"bytes"
	"html"
	"regexp"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the goldmark pipeline that renders content the way the
// original site did: hard line wraps, autolinks, fenced code, footnotes,
// definition lists and tables, with raw HTML kept from ever running.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Linkify,
			extension.Table,
			extension.Strikethrough,
			extension.Footnote,
			extension.DefinitionList,
			anchors{},
			rawHTMLGuard{},
			wikiLinks{},
		),
		goldmark.WithRendererOptions(ghtml.WithHardWraps()),
	)
}

// rawHTMLGuard is a goldmark extension that renders raw HTML as escaped
// text, except for a bare anchor such as <div id="term" />, which becomes an
// empty element with that id so that #term links land on it.
type rawHTMLGuard struct{}

var _ goldmark.Extender = rawHTMLGuard{}

// Extend registers the guard's renderers ahead of goldmark's own.
func (rawHTMLGuard) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(rawHTMLGuard{}, 100)))
}

// RegisterFuncs renders HTML blocks and inline raw HTML.
func (rawHTMLGuard) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(ast.KindRawHTML, renderRawHTML)
}

// anchorTag matches an element that only carries an id (or a name), and so
// only serves as a link target.
var anchorTag = regexp.MustCompile(`^<(?:div|a|span)\s+(?:id|name)\s*=\s*["']([A-Za-z][\w.:-]*)["']\s*/?>(?:\s*</(?:div|a|span)>)?$`)

// anchorID returns the id of a raw HTML fragment that is only an anchor.
func anchorID(raw []byte) (string, bool) {
	m := anchorTag.FindSubmatch(bytes.TrimSpace(raw))
	if m == nil {
		return "", false
	}
	return string(m[1]), true
}

func writeGuarded(w util.BufWriter, raw []byte, block bool) {
	if t := bytes.TrimSpace(raw); bytes.HasPrefix(t, []byte("<!--")) && bytes.HasSuffix(t, []byte("-->")) && bytes.Count(t, []byte("-->")) == 1 {
		return // a comment, such as JBake's <!--more--> excerpt marker: not shown
	}
	if id, ok := anchorID(raw); ok {
		_, _ = w.WriteString(`<span class="anchor" id="` + html.EscapeString(id) + `"></span>`)
	} else if block {
		_, _ = w.WriteString(`<pre class="raw-html">` + html.EscapeString(string(raw)) + "</pre>")
	} else {
		_, _ = w.WriteString(html.EscapeString(string(raw)))
	}
	if block {
		_ = w.WriteByte('\n')
	}
}

func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	var raw bytes.Buffer
	for i := range b.Lines().Len() {
		seg := b.Lines().At(i)
		raw.Write(seg.Value(src))
	}
	if b.HasClosure() {
		closure := b.ClosureLine
		raw.Write(closure.Value(src))
	}
	writeGuarded(w, bytes.TrimRight(raw.Bytes(), "\n"), true)
	return ast.WalkSkipChildren, nil
}

func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	raw := rawHTML(n.(*ast.RawHTML), src)
	if closesAnchor(n, raw, src) {
		return ast.WalkSkipChildren, nil // the anchor's span is closed already
	}
	writeGuarded(w, raw, false)
	return ast.WalkSkipChildren, nil
}

// rawHTML returns the source of an inline raw HTML node.
func rawHTML(r *ast.RawHTML, src []byte) []byte {
	if r.Segments.Len() == 1 {
		seg := r.Segments.At(0)
		return seg.Value(src)
	}
	var raw []byte
	for i := range r.Segments.Len() {
		seg := r.Segments.At(i)
		raw = append(raw, seg.Value(src)...)
	}
	return raw
}

// anchorClose matches the end tag of an anchor element.
var anchorClose = regexp.MustCompile(`^</(?:div|a|span)\s*>$`)

// closesAnchor reports whether inline raw HTML is the end tag of an inline
// anchor just before it, as in <a id="y"></a>: goldmark parses the two tags
// as two nodes, and the end tag must not show up as text.
func closesAnchor(n ast.Node, raw, src []byte) bool {
	if !anchorClose.Match(raw) {
		return false
	}
	prev, ok := n.PreviousSibling().(*ast.RawHTML)
	if !ok {
		return false
	}
	open := rawHTML(prev, src)
	_, isAnchor := anchorID(open)
	return isAnchor && !bytes.HasSuffix(open, []byte("/>")) && !anchorClose.Match(open)
}

// anchorsOf returns the ids of the anchors inside a document, in order.
func anchorsOf(doc ast.Node, src []byte) []string {
	var ids []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var raw []byte
		switch n := n.(type) {
		case *Anchor:
			ids = append(ids, n.ID)
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				raw = append(raw, seg.Value(src)...)
			}
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
		default:
			return ast.WalkContinue, nil
		}
		if id, ok := anchorID(raw); ok {
			ids = append(ids, id)
		}
		return ast.WalkSkipChildren, nil
	})
	return ids
}

// worker is what one goroutine of a compilation reuses from file to file:
// its own goldmark pipeline, so that no parser or renderer state is shared,
// and its output buffers.
type worker struct {
	md     goldmark.Markdown
	out    bytes.Buffer
	bw     *bufio.Writer // over out; goldmark would allocate one per call
	text   textBuilder
	panics []workerPanic
	// usesBlocks is set when some pattern of the folder has a building-
	// block line, so that one without is worth a warning.
	usesBlocks bool
}

func newWorker() *worker {
	w := &worker{md: newMarkdown()}
	w.bw = bufio.NewWriter(&w.out)
	return w
}

// render renders nodes to HTML with the worker's pipeline.
func (w *worker) render(src []byte, nodes ...ast.Node) (string, error) {
	w.out.Reset()
	w.bw.Reset(&w.out)
	for _, n := range nodes {
		if err := w.md.Renderer().Render(w.bw, src, n); err != nil {
			return "", err
		}
	}
	if err := w.bw.Flush(); err != nil {
		return "", err
	}
	return string(bytes.TrimSpace(w.out.Bytes())), nil
}

// plainText is the package's plainText with the worker's buffer.
func (w *worker) plainText(src []byte, nodes ...ast.Node) string {
	w.text.reset()
	w.text.nodes(src, nodes...)
	return string(w.text.b)
}

// unescape resolves the backslash escapes and character references of
// Markdown text ("AT&amp;T", "\\*"), as the HTML renderer does; raw text
// (inside code) is returned as is.
func unescape(v []byte, raw bool) []byte {
	if raw || (bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0) {
		return v
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// plainText returns the text of nodes, with blocks and line breaks turned
// into single spaces and every run of white space folded to one space; it
// is what search indexes and summaries show.
func plainText(src []byte, nodes ...ast.Node) string {
	var t textBuilder
	t.nodes(src, nodes...)
	return string(t.b)
}

// textBuilder collects plain text, folding each run of white space into a
// single space and dropping it at both ends, like
// strings.Join(strings.Fields(s), " ") without the copies.
type textBuilder struct {
	b     []byte
	space bool // a space is due before the next word
	first bool // stop at the first word (hasText)
}

func (t *textBuilder) reset() { t.b, t.space = t.b[:0], false }

// sep ends a word.
func (t *textBuilder) sep() { t.space = true }

// asciiSpace marks the ASCII bytes that unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func (t *textBuilder) write(p []byte) {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				t.space = true
				i++
				continue
			}
			j := i + 1
			for j < len(p) && p[j] < utf8.RuneSelf && !asciiSpace[p[j]] {
				j++
			}
			t.word(p[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if unicode.IsSpace(r) {
			t.space = true
		} else {
			t.word(p[i : i+n])
		}
		i += n
	}
}

// word appends a piece of a word, after a space if one is due.
func (t *textBuilder) word(w []byte) {
	if t.space && len(t.b) > 0 {
		t.b = append(t.b, ' ')
	}
	t.space = false
	t.b = append(t.b, w...)
}

// hasText reports whether nodes hold any text but white space, as
// plainText would return it; it stops at the first word.
func hasText(src []byte, nodes ...ast.Node) bool {
	t := textBuilder{first: true}
	t.nodes(src, nodes...)
	return len(t.b) > 0
}

// nodes appends the text of nodes.
func (t *textBuilder) nodes(src []byte, nodes ...ast.Node) {
	for _, n := range nodes {
		_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if t.first && len(t.b) > 0 {
				return ast.WalkStop, nil
			}
			if n.Type() == ast.TypeBlock {
				t.sep()
			}
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Text:
				t.write(unescape(n.Segment.Value(src), n.IsRaw()))
				if n.SoftLineBreak() || n.HardLineBreak() {
					t.sep()
				}
			case *ast.String:
				t.write(n.Value)
			case *ast.CodeSpan:
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if txt, ok := c.(*ast.Text); ok {
						t.write(txt.Segment.Value(src))
					}
				}
				return ast.WalkSkipChildren, nil
			case *ast.AutoLink:
				t.write(n.Label(src))
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				for i := range n.Lines().Len() {
					seg := n.Lines().At(i)
					t.write(seg.Value(src))
				}
				return ast.WalkSkipChildren, nil
			case *ast.HTMLBlock, *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink:
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
}
