// Package frontmatter reads front matter: YAML between "---" lines, TOML
// between "+++" lines, or one JSON object at the start of the file. Each
// is decoded by a well-kept parser; this package only finds where the
// front matter ends, keeps the keys in source order with their lines, and
// turns the parsers' errors into lines of the file.
package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/devrel-patterns/explorer/app/compiler/form"
)

// Read reads the front matter of t in the form k (form.YAML, form.TOML or
// form.JSON).
func Read(t *form.Text, k form.Kind) (form.Header, []form.Problem) {
	switch k {
	case form.YAML:
		return readFenced(t, k, "---", readYAML)
	case form.TOML:
		return readFenced(t, k, "+++", readTOML)
	case form.JSON:
		return readJSON(t)
	}
	return form.Header{Form: k}, []form.Problem{{Line: 1, Msg: fmt.Sprintf("no front matter reader for %s", k)}}
}

// readFenced finds the closing fence of front matter that opens on line 1
// and decodes the lines between with decode, whose lines are 1-based
// within the front matter.
func readFenced(t *form.Text, k form.Kind, fence string, decode func(src []byte) ([]form.Field, []form.Problem)) (form.Header, []form.Problem) {
	h := form.Header{Form: k}
	end := -1
	for i := 1; i < t.Lines(); i++ {
		l := strings.TrimRight(t.Line(i), " \t")
		if l == fence || (k == form.YAML && l == "...") {
			end = i
			break
		}
	}
	if end < 0 {
		return h, []form.Problem{{Line: 1, Msg: fmt.Sprintf("no %s line closes the front matter opened here", fence)}}
	}
	fields, problems := decode(t.Bytes[t.Start(1):t.Start(end)])
	for i := range fields {
		fields[i].Line++ // the opening fence is line 1
	}
	for i := range problems {
		problems[i].Line++
	}
	h.Fields, h.Body, h.End = fields, t.Start(end+1), end+1
	return h, problems
}

// yamlLine finds the line yaml.v3 puts in its messages ("yaml: line 3: …").
var yamlLine = regexp.MustCompile(`line (\d+)`)

func readYAML(src []byte) ([]form.Field, []form.Problem) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line := 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(yamlLine.ReplaceAllString(msg, ""), ": ")
		return nil, []form.Problem{{Line: line, Msg: "front matter is not valid YAML: " + msg}}
	}
	if len(doc.Content) == 0 {
		return nil, nil // empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, []form.Problem{{Line: m.Line, Msg: "front matter is not a YAML mapping of keys to values"}}
	}
	var fields []form.Field
	var problems []form.Problem
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		var val any
		if err := v.Decode(&val); err != nil {
			problems = append(problems, form.Problem{Line: v.Line, Msg: fmt.Sprintf("value of %q: %v", k.Value, err)})
			continue
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!timestamp" {
			val = v.Value // keep the date as written; dates are normalised below
		}
		fields = append(fields, field(k.Value, val, k.Line))
	}
	return fields, problems
}

func readTOML(src []byte) ([]form.Field, []form.Problem) {
	var m map[string]any
	md, err := toml.Decode(string(src), &m)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, []form.Problem{{Line: max(1, pe.Position.Line), Msg: "front matter is not valid TOML: " + pe.Message}}
		}
		return nil, []form.Problem{{Line: 1, Msg: "front matter is not valid TOML: " + err.Error()}}
	}
	lines := strings.Split(string(src), "\n")
	var fields []form.Field
	for _, key := range md.Keys() {
		if len(key) != 1 {
			continue // a key inside a table: part of its table's value
		}
		fields = append(fields, field(key[0], m[key[0]], keyLine(lines, key[0])))
	}
	return fields, nil
}

// keyLine returns the 1-based line where a top-level TOML key is set (a
// "key =" line or a "[key]" table), or 1.
func keyLine(lines []string, key string) int {
	for i, l := range lines {
		l = strings.TrimSpace(l)
		rest, ok := strings.CutPrefix(l, key)
		if !ok {
			rest, ok = strings.CutPrefix(l, strconv.Quote(key))
		}
		if ok && strings.HasPrefix(strings.TrimSpace(rest), "=") || l == "["+key+"]" || l == "[["+key+"]]" {
			return i + 1
		}
	}
	return 1
}

func readJSON(t *form.Text) (form.Header, []form.Problem) {
	h := form.Header{Form: form.JSON}
	dec := json.NewDecoder(bytes.NewReader(t.Bytes))
	dec.UseNumber()
	fail := func(err error) (form.Header, []form.Problem) {
		off := int(dec.InputOffset())
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		return h, []form.Problem{{Line: t.LineOf(max(0, off-1)), Msg: "front matter is not a valid JSON object: " + err.Error()}}
	}
	if _, err := dec.Token(); err != nil { // the '{' that Detect saw
		return fail(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fail(err)
		}
		key, _ := tok.(string)
		line := t.LineOf(int(dec.InputOffset()) - 1)
		var v any
		if err := dec.Decode(&v); err != nil {
			return fail(err)
		}
		h.Fields = append(h.Fields, field(key, v, line))
	}
	if _, err := dec.Token(); err != nil { // '}'
		return fail(err)
	}
	end := int(dec.InputOffset()) // just past the '}'
	h.End = t.LineOf(end - 1)
	h.Body = t.Start(h.End) // the line after the '}'
	if rest := strings.TrimSpace(string(t.Bytes[end:h.Body])); rest != "" {
		return h, []form.Problem{{Line: h.End, Msg: fmt.Sprintf("text %q after the front matter's closing }", rest)}}
	}
	return h, nil
}

// field turns a decoded value into a field: scalars as text, lists of
// scalars as lists, dates as YYYY-MM-DD when they have no time of day
// worth keeping, anything else as compact JSON.
func field(key string, v any, line int) form.Field {
	f := form.Field{Key: key, Line: line}
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			f.List = append(f.List, scalar(item))
		}
		f.Value = strings.Join(f.List, ", ")
		if f.List == nil {
			f.List = []string{}
		}
	default:
		f.Value = scalar(v)
	}
	return f
}

// scalar formats one value as text.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return normDate(v)
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return normDate(v.Format(time.RFC3339))
	case fmt.Stringer:
		return v.String()
	case map[string]any:
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Sprint(v)
		}
		return string(b)
	}
	return fmt.Sprint(v)
}

// normDate shortens a timestamp ("2024-03-01T10:00:00Z", "2024-03-01
// 10:00:00") to its date, the only part a document shows; other text is
// returned as is.
func normDate(s string) string {
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05Z07:00"} {
		if tm, err := time.Parse(layout, s); err == nil {
			return tm.Format(time.DateOnly)
		}
	}
	return s
}
