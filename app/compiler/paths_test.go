package compiler

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestUnsafeNames checks that a file whose name cannot become a URL path
// that round-trips is an error at its line 1, and that nothing is written.
func TestUnsafeNames(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{name: "dots only", file: "...md", want: `content/...md:1: name "...md" starts with a dot, which a URL path or a web host would hide`},
		{name: "two dots", file: "..md", want: `content/..md:1: name "..md" starts with a dot, which a URL path or a web host would hide`},
		{name: "leading dot", file: ".hidden.md", want: `content/.hidden.md:1: name ".hidden.md" starts with a dot, which a URL path or a web host would hide`},
		{name: "hash", file: "a#b.md", want: `content/a#b.md:1: name "a#b.md" has '#', which cannot be part of a URL path: rename the file`},
		{name: "question mark", file: "a?b.md", want: `content/a?b.md:1: name "a?b.md" has '?', which cannot be part of a URL path: rename the file`},
		{name: "percent", file: "%41.md", want: `content/%41.md:1: name "%41.md" has '%', which cannot be part of a URL path: rename the file`},
		{name: "quote", file: `say"hi.md`, want: `content/say"hi.md:1: name "say\"hi.md" has '"', which cannot be part of a URL path: rename the file`},
		{name: "control character", file: "a\tb.md", want: `content/a` + "\t" + `b.md:1: name "a\tb.md" has the control character U+0009: rename the file`},
		{name: "in a folder", file: "x#y/z.md", want: `content/x#y/z.md:1: name "x#y" has '#', which cannot be part of a URL path: rename the file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: file("T", "*Code*\n\n***Problem***: p.\n"), "ok.md": file("Ok", "*Code*\n\n***Problem***: p.\n")}
			c, _, err := Compile(fsys, Options{Dir: "content"})
			if c != nil || err == nil {
				t.Fatalf("compiled %s without an error", tt.file)
			}
			if got := errorStrings(t, err); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("errors = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPaths checks that slugs are paths under the content folder, an
// index standing for its folder, that every content extension is read
// whatever its case, and the categories.
func TestPaths(t *testing.T) {
	fsys := fstest.MapFS{
		"index.md":                         file("Home", "Welcome.\n"),
		"node.js.md":                       file("Node.js", "*Code*\n\n***Problem***: p.\n"),
		"LOUD.MD":                          file("Loud", "*Code*\n\n***Problem***: p.\n"),
		"long.markdown":                    file("Long", "*Code*\n\n***Problem***: p.\n"),
		"behavioral/index.md":              file("Behavioral", "The category.\n"),
		"behavioral/Strategy/index.md":     file("Strategy", "*Code*\n\n***Problem***: p.\n"),
		"behavioral/Strategy/csharp.md":    file("Strategy in C#", "Code.\n"),
		"behavioral/Observer/index.md":     file("Observer", "*Code*\n\n***Problem***: p.\n"),
		".git/config.md":                   file("Not content", "x\n"),
		"notes.txt":                        raw("not content"),
		"with space/My Pattern.md":         file("Spaced", "*Code*\n\n***Problem***: p.\n"),
		"structural/Adapter/Adapter.md":    file("Adapter", "*Code*\n\n***Problem***: p.\n"),
		"structural/Adapter/index.md":      file("Adapter index", "Page.\n"),
		"2-structured/review-together.md":  file("Review together", "*Code*\n\n***Problem***: p.\n"),
		"2-structured/assets/img/empty.md": file("Empty", "Page.\n"),
	}
	c, _ := mustCompile(t, fsys, Options{})
	type row struct{ slug, file, category string }
	var got []row
	for _, d := range c.Docs {
		got = append(got, row{d.Slug, d.File, d.Category})
	}
	want := []row{
		{"2-structured/assets/img/empty", "2-structured/assets/img/empty.md", "2-structured/assets/img"},
		{"2-structured/review-together", "2-structured/review-together.md", "2-structured"},
		{"LOUD", "LOUD.MD", ""},
		{"behavioral", "behavioral/index.md", ""},
		{"behavioral/Observer", "behavioral/Observer/index.md", "behavioral"},
		{"behavioral/Strategy", "behavioral/Strategy/index.md", "behavioral"},
		{"behavioral/Strategy/csharp", "behavioral/Strategy/csharp.md", "behavioral/Strategy"},
		{"index", "index.md", ""},
		{"long", "long.markdown", ""},
		{"node.js", "node.js.md", ""},
		{"structural/Adapter", "structural/Adapter/index.md", "structural"},
		{"structural/Adapter/Adapter", "structural/Adapter/Adapter.md", "structural/Adapter"},
		{"with space/My Pattern", "with space/My Pattern.md", "with space"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("docs:\ngot  %q\nwant %q", got, want)
	}
}

// TestLinkForms checks every way a link can name a document, from a file
// in a nested folder.
func TestLinkForms(t *testing.T) {
	base := fstest.MapFS{
		"index.md":                                file("Home", "Welcome.\n"),
		"jbake.properties":                        raw("site.host=https://patterns.example.org/\n"),
		"behavioral/index.md":                     file("Behavioral", "All of them.\n"),
		"behavioral/Strategy/index.md":            file("Strategy", "*Code*\n\n***Problem***: p.\n"),
		"behavioral/Strategy/csharp.md":           file("Strategy in C#", "Code.\n"),
		"behavioral/ChainOfResponsibility.md":     file("Chain of Responsibility", "*Code*\n\n***Problem***: p.\n"),
		"creational/ConstructorFunction/index.md": file("Constructor Function", "*Code*\n\n***Problem***: p.\n"),
		"glossary.md":                             file("Glossary", "<div id=\"seam\" />\n**Seam**: a place.\n"),
		"node.js.md":                              file("Node.js", "*Code*\n\n***Problem***: p.\n"),
	}
	tests := []struct {
		dest   string
		target string // slug, "#anchor" appended; "" for no internal link
		broken bool
	}{
		{dest: "./csharp.html", target: "behavioral/Strategy/csharp"},
		{dest: "csharp.md", target: "behavioral/Strategy/csharp"},
		{dest: "csharp", target: "behavioral/Strategy/csharp"},
		{dest: "../Strategy/", target: "behavioral/Strategy"},
		{dest: "../Strategy/index.html", target: "behavioral/Strategy"},
		{dest: "../Strategy", target: "behavioral/Strategy"},
		{dest: "../ChainOfResponsibility.html#when", target: "behavioral/ChainOfResponsibility#when"},
		{dest: "../../creational/ConstructorFunction", target: "creational/ConstructorFunction"},
		{dest: "../../behavioral/", target: "behavioral"},
		{dest: "/creational/ConstructorFunction/index.md", target: "creational/ConstructorFunction"},
		{dest: "/", target: "index"},
		{dest: "../../index.html", target: "index"},
		{dest: "/node.js", target: "node.js"},
		{dest: "https://patterns.example.org/behavioral/Strategy/csharp.html", target: "behavioral/Strategy/csharp"},
		{dest: "https://elsewhere.example.org/behavioral/Strategy/", target: ""},
		{dest: "../../../outside.md", target: ""},
		{dest: "../../assets/img/diagram.png", target: ""},
		{dest: "../Stratgy/", target: "behavioral/Stratgy", broken: true},
		{dest: "#seam", target: "glossary#seam"},
		{dest: "mailto:a@example.org", target: ""},
		{dest: "wiki:Chain of Responsibility", target: "behavioral/ChainOfResponsibility"},
		{dest: "wiki:csharp", target: "behavioral/Strategy/csharp"},
		{dest: "wiki:constructor-function", target: "creational/ConstructorFunction"},
		{dest: "wiki:Glossary#seam", target: "glossary#seam"},
		{dest: "wiki:Not Here", target: "not-here", broken: true},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			link := "[x](" + tt.dest + ")"
			if name, ok := strings.CutPrefix(tt.dest, "wiki:"); ok {
				link = "[[" + name + "|x]]"
			}
			fsys["behavioral/Strategy/java.md"] = file("Strategy in Java", "See "+link+".\n")
			c, _ := mustCompile(t, fsys, Options{})
			d := doc(t, c, "behavioral/Strategy/java")
			var got string
			var broken bool
			if len(d.Links) > 0 {
				got, broken = d.Links[0].Target, d.Links[0].Broken
				if d.Links[0].Anchor != "" {
					got += "#" + d.Links[0].Anchor
				}
			}
			if got != tt.target || broken != tt.broken {
				t.Errorf("link %s: target %q broken %v, want %q broken %v (html %s)", tt.dest, got, broken, tt.target, tt.broken, d.HTML)
			}
		})
	}
}

// TestWikiLinkLabel checks that [[target|label]] shows the label and
// [[target]] the target, and that a broken link suggests the nearest
// document.
func TestWikiLinkLabel(t *testing.T) {
	fsys := fstest.MapFS{
		"product-development.md": file("Product Development", "*Code*\n\n***Problem***: p.\n"),
		"a.md":                   file("A", "*Code*\n\n***Problem***: see [[Product Development|the product]], [[product-development]] and [y](product-developement.html).\n"),
	}
	c, rep := mustCompile(t, fsys, Options{})
	html := doc(t, c, "a").Sections[0].HTML
	for _, want := range []string{`<a href="/patterns/product-development">the product</a>`, `<a href="/patterns/product-development">product-development</a>`} {
		if !strings.Contains(html, want) {
			t.Errorf("html %s lacks %s", html, want)
		}
	}
	if got, want := strs(rep.Warnings), []string{`content/a.md:6: link to missing pattern "product-developement" (shown as not yet written); did you mean product-development?`}; !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
}
