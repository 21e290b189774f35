//go:build !wasm

package markup

import (
	"fmt"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// values are attribute values that go-app's strconv.Quote mangles or that
// HTML reads specially.
var values = []struct {
	name, value string
}{
	{"double quote closes tag", `"><x-pwn>`},
	{"single quote", `'><x-pwn>`},
	{"adds attribute", `" onmouseover="alert(1)`},
	{"backslash before quote", `\"><x-pwn>\\`},
	{"ampersand and entity", `Q&A &amp; &#34; &quot;`},
	{"backticks", "`a` ``"},
	{"NUL", "a\x00b"},
	{"bidi and zero-width", "\u202e\u200b\u200d\ufeff\u2066x\u2069"},
	{"control and newline", "a\nb\tc\x7f\x1b"},
	{"non-ASCII", "café — ünïcødé 日本 🙂"},
	{"invalid UTF-8", "a\xffb"},
	{"very long", strings.Repeat(`"<>&' `, 20000) + "end"}, // go-app trims values
}

// TestEscapeRoundTrip renders an element with each value in attributes
// go-app resolves (href) and does not (title, data-x), escapes the output
// and parses it: one element, the same attributes, each value as written
// (NUL and invalid UTF-8 as HTML reads them).
func TestEscapeRoundTrip(t *testing.T) {
	for _, tc := range values {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Escape([]byte(app.HTMLString(
				app.Div().Body(
					app.A().Href("/x?q="+tc.value).Title(tc.value).DataSet("x", tc.value).Text(tc.value),
					Raw(`<p class="raw">kept as is: &amp; "</p>`),
				))))
			if err != nil {
				t.Fatalf("escape: %v", err)
			}
			doc, err := html.Parse(strings.NewReader(string(out)))
			if err != nil {
				t.Fatal(err)
			}
			var elems []*html.Node
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data != "html" && n.Data != "head" && n.Data != "body" {
					elems = append(elems, n)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if len(elems) != 3 || elems[0].Data != "div" || elems[1].Data != "a" || elems[2].Data != "p" {
				t.Fatalf("elements %v, want div, a, p in %q", names(elems), short(out))
			}
			want := strings.ToValidUTF8(strings.ReplaceAll(tc.value, "\x00", "\uFFFD"), "\uFFFD")
			got := map[string]string{}
			for _, a := range elems[1].Attr {
				got[a.Key] = a.Val
			}
			if len(got) != 3 || got["title"] != want || got["data-x"] != want || got["href"] != "/x?q="+want {
				t.Errorf("attributes %q, want href, title and data-x holding %q", got, short([]byte(want)))
			}
			if raw := string(out); !strings.Contains(raw, `<p class="raw">kept as is: &amp; "</p>`) || strings.Contains(raw, rawOpen) || strings.Contains(raw, rawClose) {
				t.Errorf("raw HTML not copied as is, unmarked: %q", short(out))
			}
		})
	}
}

// TestEscapeRefuses checks that what is not go-app's output is an error.
func TestEscapeRefuses(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"HTML-escaped value", `<a title="a&quot;b\">`},
		{"single-quoted value", `<a title='x'>`},
		{"unquoted value", `<a title=x>`},
		{"unclosed tag", `<a title="x"`},
		{"bad attribute name", `<a ti"tle="x">`},
		{"raw not closed", `<div>` + rawOpen + `<p>`},
		{"comment", `<!-- x -->`},
		{"bare less-than", `a < b`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if out, err := Escape([]byte(tc.doc)); err == nil {
				t.Errorf("Escape(%q) = %q, want an error", tc.doc, out)
			}
		})
	}
}

// TestRawUnmarksForgedMarkers checks that HTML cannot end its raw region
// early by holding the marker itself.
func TestRawUnmarksForgedMarkers(t *testing.T) {
	out, err := Escape([]byte(app.HTMLString(app.Div().Body(Raw(`<p>` + rawClose + `<a title="x">` + rawOpen + `</p>`)))))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `<p><a title="x"></p>`) {
		t.Errorf("got %q", out)
	}
}

func names(ns []*html.Node) []string {
	var s []string
	for _, n := range ns {
		s = append(s, n.Data)
	}
	return s
}

func short(b []byte) string {
	if len(b) > 120 {
		return string(b[:120]) + "…"
	}
	return string(b)
}

// The page's own preview tags go after <meta charset> (which must stay in
// the first 1024 bytes) and go-app's are left out; the rest of the head
// stays as it was.
func TestEscapeWithHead(t *testing.T) {
	const head = `<meta property="og:url" content="https://example.org/x">`
	doc := "<!doctype html>\n<html><head><meta charset=\"UTF-8\"><meta name=\"author\" content=\"\">" +
		`<meta name="description" content="d"><meta property="og:url" content="https:///x"><meta property="og:image" content="https://">` +
		`<meta name="twitter:card" content="summary"><link rel="canonical" href="/x"><title>T</title></head><body></body></html>`
	got, err := EscapeWithHead([]byte(doc), head)
	if err != nil {
		t.Fatal(err)
	}
	want := "<!doctype html>\n<html><head><meta charset=\"UTF-8\">" + head + `<meta name="description" content="d"><title>T</title></head><body></body></html>`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	noCharset := `<html><head><title>T</title></head></html>`
	if got, err := EscapeWithHead([]byte(noCharset), head); err != nil || string(got) != `<html><head><title>T</title>`+head+`</head></html>` {
		t.Errorf("without a charset: %s, %v", got, err)
	}
	if got, err := EscapeWithHead([]byte(doc), ""); err != nil || !strings.Contains(string(got), `content="https:///x"`) {
		t.Errorf("without a head of its own go-app's stays: %s, %v", got, err)
	}
}

// BenchmarkEscapeLargePage escapes a page of a megabyte with 30,000
// attributes, as /graph is at 1,000 nodes.
func BenchmarkEscapeLargePage(b *testing.B) {
	var page strings.Builder
	page.WriteString("<!doctype html>\n<html><head><meta charset=\"UTF-8\"></head><body><svg id=\"graph\">")
	for i := range 10000 {
		fmt.Fprintf(&page, `<a class="graph-node" href="/patterns/p%05d" data-slug="p%05d"><circle r="4"></circle></a>`, i, i)
	}
	page.WriteString("</svg></body></html>")
	doc := []byte(page.String())
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for range b.N {
		if _, err := Escape(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEscapeBooleanAttributes: go-app writes a boolean attribute with its
// value (open="false"), and HTML reads any value of one, "false" too, as
// true; in the browser go-app sets the property from the value. So the
// prerendered page showed a closed <details> open, and a Hidden(false)
// element hidden, until the WASM took over. Escape writes a true one bare
// and leaves a false one out, as the browser will have it. go-app also
// writes every "true" bare, so aria-pressed="true" came out as an empty
// aria-pressed, which means not pressed: Escape writes "true" back.
func TestEscapeBooleanAttributes(t *testing.T) {
	out, err := Escape([]byte(app.HTMLString(
		app.Div().Body(
			app.Details().ID("closed").Open(false).Body(app.Summary().Text("s")),
			app.Details().ID("opened").Open(true).Body(app.Summary().Text("s")),
			app.P().ID("shown").Hidden(false).Text("p"),
			app.P().ID("hidden").Hidden(true).Text("p"),
			app.Button().ID("enabled").Disabled(false).Text("b"),
			app.Input().ID("box").ReadOnly(false).Required(true).Value("false"),
			app.Button().ID("pressed").Aria("pressed", true).Aria("hidden", true).Text("b"),
			app.Button().ID("released").Aria("pressed", false).Text("b"),
		))))
	if err != nil {
		t.Fatalf("escape: %v", err)
	}
	doc, err := html.Parse(strings.NewReader(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
			}
			if id := attrs["id"]; id != "" {
				byID[id] = attrs
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, tc := range []struct {
		id, attr string
		want     bool
	}{
		{"closed", "open", false}, {"opened", "open", true},
		{"shown", "hidden", false}, {"hidden", "hidden", true},
		{"enabled", "disabled", false},
		{"box", "readonly", false}, {"box", "required", true},
	} {
		v, ok := byID[tc.id][tc.attr]
		if ok != tc.want {
			t.Errorf("#%s: %s present = %v, want %v (%s)", tc.id, tc.attr, ok, tc.want, out)
		}
		if ok && v != "" {
			t.Errorf("#%s: %s=%q, want it bare", tc.id, tc.attr, v)
		}
	}
	for id, want := range map[string]string{"pressed": "true", "released": "false"} {
		if v, ok := byID[id]["aria-pressed"]; !ok || v != want {
			t.Errorf("#%s: aria-pressed=%q (present %v), want %q (%s)", id, v, ok, want, out)
		}
	}
	if v := byID["pressed"]["aria-hidden"]; v != "true" {
		t.Errorf(`#pressed: aria-hidden=%q, want "true"`, v)
	}
	if v := byID["box"]["value"]; v != "false" {
		t.Errorf("the input's value is %q, want %q: value is no boolean attribute", v, "false")
	}
}
