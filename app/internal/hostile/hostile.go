// Package hostile is a content folder written by an attacker, for tests:
// every payload of Payloads placed in every field a content file has —
// title, description, tags, aliases, variant names, building blocks, link
// targets and link titles, glossary terms, image alt text, the site's name
// (the introduction's title) — and, in a separate folder, in file names. Each payload that could become markup
// names the marker element or attribute (Marker, MarkerAttr) it would
// introduce, so a test can look for them in the parsed output.
package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the element every payload tries to introduce.
const Marker = "x-pwn"

// MarkerAttr is the attribute every payload tries to introduce.
const MarkerAttr = "data-pwn"

// Payload is one hostile value.
type Payload struct {
	Name  string
	Value string
}

// Payloads are the hostile values: quotes of both kinds closing an
// attribute or a tag, a title element closed early, event handlers,
// backticks, entities and ampersands, NUL, bidi and zero-width
// characters, a backslash before a quote (what Go's quoting doubles) and
// a very long value.
var Payloads = []Payload{
	{"double quote closes tag", `"><x-pwn>dq</x-pwn>`},
	{"single quote closes tag", `'><x-pwn>sq</x-pwn>`},
	{"closes title", `</title><x-pwn>title</x-pwn>`},
	{"double quote adds attribute", `" data-pwn="1" onmouseover="alert(1)`},
	{"single quote adds attribute", `' data-pwn='1' onmouseover='alert(1)`},
	{"backticks", "`><x-pwn>` data-pwn=`1` onmouseover=`alert(1)`"},
	{"script", `<script>alert(1)</script><x-pwn></x-pwn>`},
	{"img onerror", `"><img src=x data-pwn onerror=alert(1)>`},
	{"svg onload", `#"><svg/data-pwn/onload=alert(1)>`},
	{"meta refresh", `"><meta http-equiv=refresh content="0;url=http://elsewhere.invalid/" data-pwn><x-pwn>`},
	{"form and style", `"><form action=http://elsewhere.invalid/ data-pwn><x-pwn></x-pwn></form><style>*{color:red}</style>`},
	{"ampersands and entities", `Q&A &amp; &#34; &quot;><x-pwn> &lt;x-pwn&gt;`},
	{"backslash before quote", `\"><x-pwn>bs</x-pwn>\\" data-pwn="1`},
	{"NUL", "a\x00\"><x-pwn>nul</x-pwn>\x00"},
	{"bidi and zero-width", "\u202e\"><x-pwn>\u200b\u200d\ufeff\u2066rtl\u2069</x-pwn>"},
	{"honest quotes", `Use "quotes" > 3 times`},
	{"very long", strings.Repeat("long ", 4000) + `"><x-pwn>long</x-pwn>`}, // in each of some 20 fields: under the compiler's 1 MiB cap
}

// SiteName is the title of the hostile corpus's introduction, which the
// compiler takes for the site's name, so that it is in the head, the
// header, the manifest and the share card of every page: every payload
// but the very long one, in a row.
func SiteName() string {
	var parts []string
	for _, p := range Payloads {
		if len(p.Value) < 200 {
			parts = append(parts, p.Value)
		}
	}
	return "Site " + strings.Join(parts, " ")
}

// Slug is the slug of the pattern that carries payload i.
func Slug(i int) string { return fmt.Sprintf("p%d", i) }

// Files returns the hostile content folder: a pattern per payload, each
// carrying it in every field and linking to the next, a glossary page
// whose terms are the payloads, and an introduction.
func Files() map[string]string {
	files := map[string]string{}
	var glossary strings.Builder
	glossary.WriteString(header("Glossary", "page", "reference", "Terms.") + "\nTerms.\n\n")
	for i, p := range Payloads {
		v := p.Value
		next := Slug((i + 1) % len(Payloads))
		var b strings.Builder
		b.WriteString(header("P"+fmt.Sprint(i)+" "+v, "pattern", "pwn, "+v, v))
		fmt.Fprintf(&b, "\n*Block%d %s, Social*\n\n", i, v)
		fmt.Fprintf(&b, "***Also Known As***: %s; Alias%d\n\n", v, i)
		fmt.Fprintf(&b, "***Problem***: The problem %s. See [%s](%s.html %q), [term](glossary.html#%s) and [anchor](#%s).\n\n",
			v, v, next, v, anchorSafe(v), anchorSafe(v))
		fmt.Fprintf(&b, "***Context***: The payload as link targets: [x](<%s>), [z](%s) and [y](%s.html \"%s\").\n\n",
			linkSafe(v), v, next, v)
		fmt.Fprintf(&b, "***Solution***: The solution. ![%s](/web/icon.svg \"%s\")\n\n", v, v)
		fmt.Fprintf(&b, "***Variants***:\n\n* **%s**: a variant.\n* **Plain%d**: another.\n", v, i)
		files[Slug(i)+".md"] = b.String()
		fmt.Fprintf(&glossary, "<div id=\"%s\" />\n**%s**: a term, see [P%d](%s.html).\n\n", anchorSafe(v), v, i, Slug(i))
	}
	files["glossary.md"] = glossary.String()
	files["introduction.md"] = header(SiteName(), "page", "intro", "How to read.") +
		"\nRead the [first](" + Slug(0) + ".html) pattern. It is good.\n"
	return files
}

// FileNames returns a folder whose file names carry the payloads that a
// file name can hold, one pattern each; a compiler may refuse them.
func FileNames() map[string]string {
	files := map[string]string{"introduction.md": header("Introduction", "page", "intro", "Intro.") + "\nIntro.\n"}
	for _, p := range Payloads {
		name := p.Value
		if strings.ContainsAny(name, "/\x00") || len(name) > 200 {
			continue
		}
		files[name+".md"] = header("Named "+p.Name, "pattern", "pwn", "A file name.") + "\n*Social*\n\n***Problem***: A problem.\n\n***Solution***: A solution.\n"
	}
	return files
}

// Write writes files into dir.
func Write(dir string, files map[string]string) error {
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			return fmt.Errorf("hostile: %w", err)
		}
	}
	return nil
}

func header(title, typ, tags, desc string) string {
	return "title=" + title + "\ndate=2026-01-01\ntype=" + typ + "\ntags=" + tags + "\nstatus=published\ndescription=" + desc + "\n~~~~~~\n"
}

// anchorSafe is v where an anchor id must not break its own line: the
// anchor parser reads one line.
func anchorSafe(v string) string { return strings.ReplaceAll(v, "\n", " ") }

// linkSafe is v as a link destination in angle brackets, which cannot hold
// < or >: they are percent-encoded, the rest stays.
func linkSafe(v string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", "\n", " ").Replace(v)
}
