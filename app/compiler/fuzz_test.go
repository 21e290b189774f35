package compiler

import (
	"bytes"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// FuzzCompile compiles two arbitrary files, a.md and b.md, beside a fixed
// glossary. Whatever the bytes, Compile must not panic, every diagnostic
// must point at a line of its file, the rendered HTML must hold no live
// markup of the author's, and a successful compilation must survive the
// codec unchanged. Seeds are in testdata/fuzz/FuzzCompile.
func FuzzCompile(f *testing.F) {
	f.Add([]byte("title=A\n~~~~~~\n\n*Code*\n\n***Problem***: see [B](b.html).\n"), []byte("title=B\n~~~~~~\n\nA page with [A](a.html).\n"))
	f.Add([]byte("title=A\r\n~~~~~~\r\n\r\n<script>alert(1)</script>\r\n"), []byte(""))
	f.Add([]byte("\xef\xbb\xbftitle=A\n~~~~~~\n[x](#term)"), []byte("title=B\nstatus=draft\n~~~~~~\n\n* **V**\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fsys := fstest.MapFS{
			"a.md":        {Data: a},
			"b.md":        {Data: b},
			"glossary.md": file("Glossary", "<div id=\"term\" />\n**Term**: a term.\n"),
		}
		lines := map[string]int{
			"content/a.md":        lineCount(a),
			"content/b.md":        lineCount(b),
			"content/glossary.md": 5,
		}
		c, rep, err := Compile(fsys, Options{Dir: "content"})
		check := func(kind, file string, line int) {
			n, ok := lines[file]
			if !ok {
				t.Errorf("%s names unknown file %q", kind, file)
			}
			if line < 1 || line > n {
				t.Errorf("%s at %s:%d, want a line in [1, %d]", kind, file, line, n)
			}
		}
		for _, d := range rep.Errors {
			check("error", d.File, d.Line)
		}
		for _, d := range rep.Warnings {
			check("warning", d.File, d.Line)
		}
		for _, b := range rep.Broken {
			check("broken link", b.File, b.Line)
		}
		if err != nil {
			if c != nil {
				t.Errorf("a corpus and an error")
			}
			if len(rep.Errors) == 0 {
				t.Errorf("error %v without diagnostics", err)
			}
			return
		}
		for i := range c.Docs {
			checkHTML(t, &c.Docs[i])
		}
		got, err := corpus.Decode(corpus.Encode(c))
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("Decode(Encode(c)) differs from c")
		}
	})
}

// lineCount counts lines as the compiler does: CRLF and CR are line ends,
// a final line end does not start a line, and an empty file has one line.
func lineCount(b []byte) int {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	n := bytes.Count(b, []byte("\n"))
	if len(b) > 0 && b[len(b)-1] != '\n' {
		n++
	}
	return max(n, 1)
}

var (
	// tagRE finds start tags in rendered HTML.
	tagRE = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	// safeTags are the elements goldmark and our extensions write.
	safeTags = map[string]bool{
		"p": true, "br": true, "a": true, "em": true, "strong": true, "code": true, "pre": true,
		"ul": true, "ol": true, "li": true, "blockquote": true, "hr": true, "del": true,
		"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
		"dl": true, "dt": true, "dd": true, "sup": true, "div": true, "span": true, "img": true,
	}
	// eventAttr finds an event handler attribute.
	eventAttr = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	// badURL finds a script URL in an attribute.
	badURL = regexp.MustCompile(`(?i)(href|src)\s*=\s*"\s*(javascript|vbscript|data):`)
)

// checkHTML fails the test if a document's HTML holds an element the
// renderer does not write, an event handler or a script URL: raw HTML must
// only ever come out escaped.
func checkHTML(t *testing.T, d *corpus.Doc) {
	t.Helper()
	htmls := []string{d.HTML, d.Summary}
	for _, s := range d.Sections {
		htmls = append(htmls, s.HTML)
	}
	for _, v := range d.Variants {
		htmls = append(htmls, v.HTML)
	}
	for _, h := range htmls {
		for _, m := range tagRE.FindAllStringSubmatch(h, -1) {
			if !safeTags[strings.ToLower(m[1])] {
				t.Errorf("%s: live <%s> in %q", d.Slug, m[1], h)
			}
			if eventAttr.MatchString(m[2]) {
				t.Errorf("%s: event handler in %q", d.Slug, m[0])
			}
		}
		if badURL.MatchString(h) {
			t.Errorf("%s: script URL in %q", d.Slug, h)
		}
	}
}
