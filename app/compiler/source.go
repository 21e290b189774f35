package compiler

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// separator ends the header of a content file.
const separator = "~~~~~~"

// source is one content file, read and split into header and body.
type source struct {
	name  string // path shown in diagnostics
	slug  string
	text  []byte // whole file, BOM removed, CRLF folded to LF
	lines []int  // byte offset of the start of every line
	body  int    // offset of the body in text
	doc   corpus.Doc
	tree  ast.Node // the parsed body, until it is rendered

	warnings []Diagnostic // about this file, merged into the report at the end
	broken   []BrokenLink
}

// lineOf returns the 1-based line of a byte offset into text.
func (s *source) lineOf(off int) int {
	return sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off })
}

// bodyLine returns the line of an offset into the body.
func (s *source) bodyLine(off int) int { return s.lineOf(s.body + off) }

// newSource normalises raw file bytes: it drops a byte order mark and folds
// CRLF and lone CR line endings to LF, which keeps line numbers as an
// editor shows them. It reports a file that is not valid UTF-8 at the line
// of the first bad byte.
func newSource(name, slug string, raw []byte) (*source, []Diagnostic) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	text := raw
	if bytes.IndexByte(raw, '\r') >= 0 {
		text = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
		text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
	}
	s := &source{name: name, slug: slug, text: text, lines: make([]int, 1, 1+bytes.Count(text, []byte("\n")))}
	for i, c := range text {
		if c == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	if !utf8.Valid(text) {
		off := 0
		for off < len(text) {
			r, n := utf8.DecodeRune(text[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, []Diagnostic{{File: name, Line: s.lineOf(off), Msg: "file is not valid UTF-8"}}
	}
	return s, nil
}

// lineCount returns the number of lines of the file as an editor counts
// them: a final newline does not start another line. It is at least 1, so
// that an empty file still has a line to report about.
func (s *source) lineCount() int {
	n := len(s.lines)
	if n > 1 && s.lines[n-1] == len(s.text) {
		n--
	}
	return n
}

// line returns line i (0-based) without its newline.
func (s *source) line(i int) string {
	end := len(s.text)
	if i+1 < len(s.lines) {
		end = s.lines[i+1] - 1
	}
	return string(s.text[s.lines[i]:end])
}

// parseHeader reads the key=value lines up to the separator into s.doc and
// sets s.body. Every problem is reported, not only the first.
func (s *source) parseHeader() []Diagnostic {
	var diags []Diagnostic
	report := func(line int, format string, args ...any) {
		diags = append(diags, Diagnostic{File: s.name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	sep := -1
	for i := range s.lines {
		if strings.TrimSpace(s.line(i)) == separator {
			sep = i
			break
		}
	}
	if sep < 0 {
		// Without a separator the body cannot be told from the header, so
		// this is the only message: it points at the first line that is
		// not key=value, where the separator probably belongs.
		at := s.lineCount()
		for i := range s.lines {
			if l := s.line(i); strings.TrimSpace(l) != "" && !strings.Contains(l, "=") {
				at = i + 1
				break
			}
		}
		report(at, "no %s line ends the header", separator)
		return diags
	}
	d := &s.doc
	d.Slug = s.slug
	d.Status = "published"
	seen := map[string]int{}
	titleLine := 0
	for i := range sep {
		line := s.line(i)
		n := i + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			report(n, "header line %q is not key=value", truncate(line, 40))
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if key == "" {
			report(n, "header line %q has no key before '='", truncate(line, 40))
			continue
		}
		if prev, dup := seen[key]; dup {
			report(n, "header key %q repeats line %d", key, prev)
			continue
		}
		seen[key] = n
		switch key {
		case "title":
			d.Title, titleLine = value, n
		case "date":
			if _, err := time.Parse(time.DateOnly, value); err != nil {
				report(n, "bad date %q: want YYYY-MM-DD", value)
			}
			d.Date = value
		case "tags":
			for t := range strings.SplitSeq(value, ",") {
				if t = strings.TrimSpace(t); t != "" {
					d.Tags = append(d.Tags, t)
				}
			}
		case "status":
			if value != "published" && value != "draft" {
				report(n, "bad status %q: want published or draft", value)
			}
			d.Status = value
		case "description":
			d.Description = value
		default: // type and any key of the site's own
			d.Meta = append(d.Meta, corpus.Field{Key: key, Value: value})
		}
	}
	if i := sep + 1; i < len(s.lines) {
		s.body = s.lines[i]
	} else {
		s.body = len(s.text)
	}
	if titleLine == 0 {
		report(1, "header has no title")
	} else if d.Title == "" {
		report(titleLine, "title is empty")
	}
	if len(bytes.TrimSpace(s.text[s.body:])) == 0 {
		report(sep+1, "body is empty")
	}
	return diags
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
