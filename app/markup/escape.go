//go:build !wasm

package markup

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Escape rewrites an HTML document as go-app prerendered it so that every
// attribute value is escaped as HTML requires: it reads each value back
// from go-app's strconv.Quote and writes it again with &amp; &#34; &#39;
// &lt; &gt; (NUL and invalid UTF-8 as U+FFFD). Text and tags are copied; Raw regions are
// copied and unmarked. It fails on anything that is not go-app's output,
// naming the byte offset.
func Escape(doc []byte) ([]byte, error) { return EscapeWithHead(doc, "") }

// EscapeWithHead is Escape for a page whose link-preview metadata the app
// writes itself: head, HTML the app built and escaped, goes right after
// the <meta charset> (which must stay in the first 1024 bytes), else
// before </head>, and go-app's own preview tags (og:*, twitter:*,
// author, the canonical link) are left out. An empty head leaves go-app's
// head as it is.
func EscapeWithHead(doc []byte, head string) ([]byte, error) {
	pending := head != "" // head is yet to be written
	var out bytes.Buffer
	out.Grow(len(doc) + len(doc)/16)
	i := 0
	for i < len(doc) {
		lt := bytes.IndexByte(doc[i:], '<')
		if lt < 0 {
			out.Write(doc[i:])
			break
		}
		out.Write(doc[i : i+lt])
		i += lt
		rest := doc[i:]
		switch {
		case bytes.HasPrefix(rest, []byte(rawOpen)):
			end := bytes.Index(rest, []byte(rawClose))
			if end < 0 {
				return nil, fmt.Errorf("escape: offset %d: raw HTML not closed", i)
			}
			out.Write(rest[len(rawOpen):end])
			i += end + len(rawClose)
		case len(rest) >= len(doctype) && bytes.EqualFold(rest[:len(doctype)], []byte(doctype)): // not ToLower(rest): a copy of the rest of the page at every tag
			out.Write(rest[:len(doctype)])
			i += len(doctype)
		case bytes.HasPrefix(rest, []byte("</")):
			// An end tag: a name only.
			gt := bytes.IndexByte(rest, '>')
			if gt < 0 || !plainTag(rest[2:gt]) {
				return nil, fmt.Errorf("escape: offset %d: malformed %q", i, preview(rest))
			}
			if pending && string(rest[2:gt]) == "head" {
				out.WriteString(head)
				pending = false
			}
			out.Write(rest[:gt+1])
			i += gt + 1
		default:
			t, n, err := readTag(rest)
			if err != nil {
				return nil, fmt.Errorf("escape: offset %d: %w", i, err)
			}
			i += n
			if head != "" && t.sharing() {
				continue
			}
			t.write(&out)
			if pending && t.name == "meta" && t.has("charset") {
				out.WriteString(head)
				pending = false
			}
		}
	}
	return out.Bytes(), nil
}

// tag is a start tag as go-app wrote it, its attribute values unquoted.
type tag struct {
	name  string
	attrs []attr
}

// attr is one attribute; bare is true for one written without a value.
type attr struct {
	key, val string
	bare     bool
}

// get returns an attribute's value, or "".
func (t tag) get(key string) string {
	for _, a := range t.attrs {
		if a.key == key {
			return a.val
		}
	}
	return ""
}

// has reports whether the tag has an attribute.
func (t tag) has(key string) bool {
	for _, a := range t.attrs {
		if a.key == key {
			return true
		}
	}
	return false
}

// readTag reads the start tag at the head of s and returns it with its
// length.
func readTag(s []byte) (tag, int, error) {
	i := 1
	for i < len(s) && nameByte(s[i]) {
		i++
	}
	if i == 1 {
		return tag{}, 0, fmt.Errorf("no tag name in %q", preview(s))
	}
	t := tag{name: string(s[1:i])}
	for {
		if i >= len(s) {
			return tag{}, 0, errors.New("start tag not closed")
		}
		switch s[i] {
		case '>':
			return t, i + 1, nil
		case ' ':
		default:
			return tag{}, 0, fmt.Errorf("unexpected %q in start tag %q", s[i], preview(s))
		}
		i++
		start := i
		for i < len(s) && nameByte(s[i]) {
			i++
		}
		if i == start {
			return tag{}, 0, fmt.Errorf("no attribute name in %q", preview(s))
		}
		a := attr{key: string(s[start:i]), bare: true}
		if i < len(s) && s[i] == '=' {
			lit, err := strconv.QuotedPrefix(string(quoted(s[i+1:])))
			if err != nil || lit[0] != '"' {
				return tag{}, 0, fmt.Errorf("attribute %s: value is not go-app's quoting: %q", s[start:i], preview(s[i+1:]))
			}
			v, err := strconv.Unquote(lit)
			if err != nil {
				return tag{}, 0, fmt.Errorf("attribute %s: %w", s[start:i], err)
			}
			a.val, a.bare = v, false
			i += 1 + len(lit)
		}
		t.attrs = append(t.attrs, a)
	}
}

// quoted is the head of s up to the end of the double-quoted Go literal
// it starts with (or all of s when it does not close), so that only that
// much is copied to be unquoted: copying the rest of the page for every
// attribute made a page of a megabyte take minutes.
func quoted(s []byte) []byte {
	if len(s) == 0 || s[0] != '"' {
		return s
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return s[:i+1]
		}
	}
	return s
}

// write writes the tag with its values escaped as HTML requires.
func (t tag) write(out *bytes.Buffer) {
	out.WriteByte('<')
	out.WriteString(t.name)
	for _, a := range t.attrs {
		switch {
		case booleanAttrs[a.key] && !a.bare:
			if on, _ := strconv.ParseBool(a.val); !on {
				continue // absent, as go-app leaves the property in the browser
			}
			a.bare = true
		case a.bare && trueTokenAttr(a.key):
			a.val, a.bare = "true", false
		}
		out.WriteByte(' ')
		out.WriteString(a.key)
		if !a.bare {
			out.WriteString(`="`)
			out.WriteString(attrEscaper.Replace(strings.ToValidUTF8(a.val, "\uFFFD")))
			out.WriteByte('"')
		}
	}
	out.WriteByte('>')
}

// booleanAttrs are the attributes go-app sets in the browser as boolean
// properties, from strconv.ParseBool of the value (setJSAttribute). Its
// prerender writes a false one with its value, open="false", which HTML
// reads as true; Escape leaves it out, and writes a true one bare.
var booleanAttrs = map[string]bool{
	"async": true, "autofocus": true, "autoplay": true, "checked": true, "default": true,
	"defer": true, "disabled": true, "hidden": true, "ismap": true, "loop": true,
	"multiple": true, "muted": true, "open": true, "readonly": true, "required": true,
	"reversed": true, "selected": true,
}

// trueTokenAttr reports whether go-app writes the attribute bare only for
// the value "true" (it writes every "true" bare, and "" bare too): an
// ARIA state or property, or draggable or spellcheck, where a bare
// attribute is the empty value, which means not pressed, not expanded,
// not hidden. Written bare, aria-pressed="true" said the opposite until
// the WASM took over.
func trueTokenAttr(key string) bool {
	return strings.HasPrefix(key, "aria-") || key == "draggable" || key == "spellcheck"
}

// sharing reports whether a tag of go-app's head is link-preview
// metadata, which go-app v10 cannot write right (an og:url and og:image
// of "https://" without a host, og:type always "website", an empty
// author): Escape leaves those out when it is given the page's own.
func (t tag) sharing() bool {
	switch t.name {
	case "meta":
		name := t.get("name")
		return strings.HasPrefix(t.get("property"), "og:") || strings.HasPrefix(name, "twitter:") || name == "author"
	case "link":
		return t.get("rel") == "canonical"
	}
	return false
}

// attrEscaper escapes an attribute value for a double-quoted attribute,
// and the characters that would mean something elsewhere too.
var attrEscaper = strings.NewReplacer(
	"&", "&amp;", `"`, "&#34;", "'", "&#39;", "<", "&lt;", ">", "&gt;", "\x00", "\uFFFD",
)

// nameByte reports whether b may be part of a tag or attribute name as
// the app and go-app write them.
func nameByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '-' || b == ':' || b == '_'
}

// doctype is how go-app starts a document.
const doctype = "<!doctype html>"

// plainTag reports whether s, the inside of </…>, is only a name.
func plainTag(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	for _, b := range s {
		if !nameByte(b) {
			return false
		}
	}
	return true
}

func preview(s []byte) string {
	if len(s) > 40 {
		s = s[:40]
	}
	return string(s)
}
