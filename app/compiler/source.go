package compiler

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/devrel-patterns/explorer/app/compiler/form"
	"github.com/devrel-patterns/explorer/app/compiler/form/frontmatter"
	"github.com/devrel-patterns/explorer/app/compiler/form/jbake"
	"github.com/devrel-patterns/explorer/app/compiler/form/plain"
	"github.com/devrel-patterns/explorer/app/corpus"
)

// Header keys with a meaning of their own; any other key is kept in
// Doc.Meta as it is.
const (
	keyTitle       = "title"
	keyDate        = "date"
	keyTags        = "tags"
	keyStatus      = "status"
	keyDescription = "description"
	keyType        = "type"
	keyDraft       = "draft" // front matter's draft: true
)

// source is one content file, read and split into header and body.
type source struct {
	name string // path shown in diagnostics
	path string // path under the content folder
	slug string
	t    *form.Text
	text []byte // t.Bytes: the whole file, BOM removed, CRLF folded to LF
	body int    // offset of the body in text
	form form.Kind
	doc  corpus.Doc
	tree ast.Node // the parsed body, until it is rendered
	// linkAt is the index in doc.Links of each internal link of the tree,
	// so the sections can tell which links they hold.
	linkAt map[*ast.Link]int
	title  bool // the title is to be found in the body (no header gave one)

	warnings []Diagnostic // about this file, merged into the report at the end
	broken   []BrokenLink
}

// lineOf returns the 1-based line of a byte offset into text.
func (s *source) lineOf(off int) int { return s.t.LineOf(off) }

// bodyLine returns the line of an offset into the body.
func (s *source) bodyLine(off int) int { return s.lineOf(s.body + off) }

// newSource normalises raw file bytes (form.NewText). It reports a file
// that is not valid UTF-8 at the line of the first bad byte.
func newSource(name, p, slug string, raw []byte) (*source, []Diagnostic) {
	t := form.NewText(raw)
	s := &source{name: name, path: p, slug: slug, t: t, text: t.Bytes}
	if !utf8.Valid(s.text) {
		off := 0
		for off < len(s.text) {
			r, n := utf8.DecodeRune(s.text[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, []Diagnostic{{File: name, Line: s.lineOf(off), Msg: "file is not valid UTF-8"}}
	}
	return s, nil
}

// readHeader tells the file's form, reads its header with that form's
// reader into s.doc and sets s.body. Every problem is reported, not only
// the first.
func (s *source) readHeader(props jbake.Properties) []Diagnostic {
	var diags []Diagnostic
	report := func(line int, format string, args ...any) {
		diags = append(diags, Diagnostic{File: s.name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	var h form.Header
	var problems []form.Problem
	switch s.form = form.Detect(s.t, props.Separator); s.form {
	case form.JBake:
		h, problems = jbake.Read(s.t, props.Separator)
	case form.YAML, form.TOML, form.JSON:
		h, problems = frontmatter.Read(s.t, s.form)
	default:
		h = plain.Read(s.t)
	}
	for _, p := range problems {
		report(p.Line, "%s", p.Msg)
	}
	if s.form == form.JBake && h.End == 0 {
		return diags // no separator: nothing else can be told
	}
	d := &s.doc
	d.Slug = s.slug
	d.Status = "published"
	titleLine, statusSet, typeSet := 0, false, false
	for _, f := range h.Fields {
		switch key := f.Key; {
		case key == keyTitle:
			d.Title, titleLine = strings.TrimSpace(f.Value), f.Line
		case key == keyDate:
			if _, err := time.Parse(time.DateOnly, f.Value); err != nil {
				report(f.Line, "bad date %q: want YYYY-MM-DD", f.Value)
			}
			d.Date = f.Value
		case key == keyTags:
			items := f.List
			if items == nil {
				items = strings.Split(f.Value, ",")
			}
			for _, t := range items {
				if t = strings.TrimSpace(t); t != "" {
					d.Tags = append(d.Tags, t)
				}
			}
		case key == keyStatus:
			statusSet = true
			if !validStatus(f.Value) {
				report(f.Line, "bad status %q: want published or draft", f.Value)
			}
			d.Status = f.Value
		case key == keyDescription:
			d.Description = f.Value
		case key == keyDraft && s.form != form.JBake && (f.Value == "true" || f.Value == "false"):
			if f.Value == "true" && !statusSet {
				d.Status = "draft"
			}
		default: // type and any key of the site's own
			typeSet = typeSet || key == keyType
			d.Meta = append(d.Meta, corpus.Field{Key: key, Value: f.Value})
		}
	}
	if props.Present {
		if !typeSet && props.DefaultType != "" {
			d.Meta = append(d.Meta, corpus.Field{Key: keyType, Value: props.DefaultType})
		}
		if !statusSet && props.DefaultStatus != "" {
			if !validStatus(props.DefaultStatus) {
				report(1, "bad default.status %q in %s: want published or draft", props.DefaultStatus, jbake.PropertiesFile)
			}
			d.Status = props.DefaultStatus
		}
	}
	s.body = h.Body
	switch {
	case titleLine == 0 && s.form == form.JBake:
		report(1, "header has no title")
	case titleLine == 0:
		s.title = true // from the body, once parsed, else the file's name
	case d.Title == "":
		report(titleLine, "title is empty")
	}
	if len(bytes.TrimSpace(s.text[s.body:])) == 0 {
		report(h.End, "body is empty")
	}
	return diags
}

func validStatus(v string) bool { return v == "published" || v == "draft" }

// takeTitle gives a document whose header had no title the title of its
// body (plain.TakeTitle), else one made of its file name.
func (s *source) takeTitle() {
	if title, _, ok := plain.TakeTitle(s.tree, s.text[s.body:]); ok {
		s.doc.Title = title
		return
	}
	s.doc.Title = plain.FromName(s.path)
}
