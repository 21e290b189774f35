// Package form is the seam between the compiler and the forms a content
// file can take: it normalises a file's bytes once (byte order mark, CRLF),
// tells the form from the content, and defines what every reader returns —
// the header's fields with their lines and the offset of the body. Each
// form is read by a small package of its own (form/jbake,
// form/frontmatter, form/plain); the compiler gives the fields their
// meaning.
package form

import (
	"bytes"
	"sort"
	"strings"
)

// Kind names a form of content file.
type Kind uint8

const (
	// Plain is Markdown with no header at all.
	Plain Kind = iota
	// JBake is key=value lines up to a separator line ("~~~~~~").
	JBake
	// YAML is front matter between "---" lines.
	YAML
	// TOML is front matter between "+++" lines.
	TOML
	// JSON is front matter as one JSON object at the start of the file.
	JSON
)

// String names the form as a user would.
func (k Kind) String() string {
	switch k {
	case JBake:
		return "jbake"
	case YAML:
		return "yaml front matter"
	case TOML:
		return "toml front matter"
	case JSON:
		return "json front matter"
	}
	return "markdown without a header"
}

// Text is a content file normalised once for every reader: the byte order
// mark dropped and CRLF or lone CR line ends folded to LF, so that line
// numbers are those an editor shows.
type Text struct {
	// Bytes is the normalised file.
	Bytes []byte
	// starts holds the byte offset of the start of every line.
	starts []int
}

// NewText normalises raw file bytes.
func NewText(raw []byte) *Text {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	b := raw
	if bytes.IndexByte(raw, '\r') >= 0 {
		b = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	t := &Text{Bytes: b, starts: make([]int, 1, 1+bytes.Count(b, []byte("\n")))}
	for i, c := range b {
		if c == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// LineOf returns the 1-based line of a byte offset.
func (t *Text) LineOf(off int) int {
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off })
}

// Start returns the byte offset of line i (0-based), or the length of the
// text past the last line.
func (t *Text) Start(i int) int {
	if i < len(t.starts) {
		return t.starts[i]
	}
	return len(t.Bytes)
}

// Lines returns the number of line starts, counting the empty line after
// a final newline.
func (t *Text) Lines() int { return len(t.starts) }

// LineCount returns the number of lines as an editor counts them: a final
// newline does not start another line. It is at least 1.
func (t *Text) LineCount() int {
	n := len(t.starts)
	if n > 1 && t.starts[n-1] == len(t.Bytes) {
		n--
	}
	return n
}

// Line returns line i (0-based) without its newline.
func (t *Text) Line(i int) string {
	end := len(t.Bytes)
	if i+1 < len(t.starts) {
		end = t.starts[i+1] - 1
	}
	return string(t.Bytes[t.starts[i]:end])
}

// Header is what a reader found before the body.
type Header struct {
	// Form is the form read.
	Form Kind
	// Fields are the header's keys in source order.
	Fields []Field
	// Body is the byte offset of the body.
	Body int
	// End is the 1-based line that closes the header (the separator), or
	// 1 for a file without one; "body is empty" is reported there.
	End int
}

// Field is one key of a header.
type Field struct {
	// Key is the key as written, trimmed.
	Key string
	// Value is a scalar value as text; for a list, its items joined by
	// ", ".
	Value string
	// List holds the items when the value is a list, else nil.
	List []string
	// Line is the 1-based line of the key.
	Line int
}

// Problem is a reader's error, at a 1-based line.
type Problem struct {
	Line int
	Msg  string
}

// Detect tells the form of a file from its first bytes: "---" opens YAML
// front matter, "+++" TOML and "{" JSON; a first non-blank line that is
// key=value (or a header separator sep) starts a JBake header; anything
// else is Markdown without a header.
func Detect(t *Text, sep string) Kind {
	first := ""
	for i := range t.Lines() {
		if l := strings.TrimSpace(t.Line(i)); l != "" {
			first = l
			break
		}
	}
	switch {
	case t.Lines() > 0 && strings.TrimRight(t.Line(0), " \t") == "---":
		return YAML
	case t.Lines() > 0 && strings.TrimRight(t.Line(0), " \t") == "+++":
		return TOML
	case bytes.HasPrefix(t.Bytes, []byte("{")):
		return JSON
	case first == "", first == sep, looksKeyValue(first):
		return JBake
	}
	return Plain
}

// looksKeyValue reports whether a line reads as a header line: a key of
// letters, digits, '.', '_' or '-' (or none, which the JBake reader
// reports), then '='.
func looksKeyValue(l string) bool {
	key, _, ok := strings.Cut(l, "=")
	if !ok {
		return false
	}
	for _, r := range strings.TrimSpace(key) {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}
