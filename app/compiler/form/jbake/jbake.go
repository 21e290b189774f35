// Package jbake reads the JBake form of a content file — key=value header
// lines up to a separator line ("~~~~~~"), values wrapped in {…} being
// JSON — and the jbake.properties file of a content folder.
package jbake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/devrel-patterns/explorer/app/compiler/form"
)

// Separator ends a header unless jbake.properties names another.
const Separator = "~~~~~~"

// PropertiesFile is the name of the folder's settings file.
const PropertiesFile = "jbake.properties"

// Properties are the settings of jbake.properties that a content reader
// uses.
type Properties struct {
	// Separator ends a header (header.separator); Separator by default.
	Separator string
	// DefaultType is the type of a file whose header has none
	// (default.type).
	DefaultType string
	// DefaultStatus is the status of a file whose header has none
	// (default.status).
	DefaultStatus string
	// SiteHost is the site's own address (site.host): links to it are
	// internal links.
	SiteHost string
	// SiteHostLine is the line of site.host, for its diagnostics.
	SiteHostLine int
	// PatternTypes are header types, besides "pattern", that make a
	// pattern (explorer.pattern.types, a comma-separated list).
	PatternTypes []string
	// IndexTypes are header types, besides "patternsindex", that make a
	// page whatever its structure (explorer.index.types).
	IndexTypes []string
	// Present is true when the folder has a jbake.properties.
	Present bool
}

// ReadProperties reads a Java properties file: key=value, key: value or
// key value lines, '#' and '!' comments, a trailing '\' continuing a line.
// Unknown keys are ignored, as JBake's templates may use them.
func ReadProperties(data []byte) (Properties, []form.Problem) {
	p := Properties{Separator: Separator, Present: true}
	var problems []form.Problem
	t := form.NewText(data)
	for i := 0; i < t.Lines(); i++ {
		n := i + 1
		line := strings.TrimSpace(t.Line(i))
		for strings.HasSuffix(line, `\`) && i+1 < t.Lines() {
			i++
			line = strings.TrimSuffix(line, `\`) + strings.TrimSpace(t.Line(i))
		}
		if line == "" || line[0] == '#' || line[0] == '!' {
			continue
		}
		cut := strings.IndexAny(line, "=: \t")
		if cut < 0 {
			continue
		}
		key, value := strings.TrimSpace(line[:cut]), strings.TrimSpace(line[cut+1:])
		value = strings.TrimSpace(strings.TrimLeft(value, "=:"))
		switch key {
		case "header.separator":
			if value == "" {
				problems = append(problems, form.Problem{Line: n, Msg: "header.separator is empty"})
				continue
			}
			p.Separator = value
		case "default.type":
			p.DefaultType = value
		case "default.status":
			p.DefaultStatus = value
		case "site.host":
			p.SiteHost, p.SiteHostLine = value, n
		case "explorer.pattern.types":
			p.PatternTypes = typeList(value)
		case "explorer.index.types":
			p.IndexTypes = typeList(value)
		}
	}
	return p, problems
}

// Read reads the header of t up to the line sep. Every problem is
// reported, not only the first; without a separator that is the only one.
func Read(t *form.Text, sep string) (form.Header, []form.Problem) {
	h := form.Header{Form: form.JBake}
	var problems []form.Problem
	report := func(line int, format string, args ...any) {
		problems = append(problems, form.Problem{Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	end := -1
	for i := range t.Lines() {
		if strings.TrimSpace(t.Line(i)) == sep {
			end = i
			break
		}
	}
	if end < 0 {
		// Without a separator the body cannot be told from the header, so
		// this is the only message: it points at the first line that is
		// not key=value, where the separator probably belongs.
		at := t.LineCount()
		for i := range t.Lines() {
			if l := t.Line(i); strings.TrimSpace(l) != "" && !strings.Contains(l, "=") {
				at = i + 1
				break
			}
		}
		report(at, "no %s line ends the header", sep)
		return h, problems
	}
	seen := map[string]int{}
	for i := range end {
		line := t.Line(i)
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
		if strings.HasPrefix(value, "{") && strings.HasSuffix(value, "}") {
			var compact bytes.Buffer
			if err := json.Compact(&compact, []byte(value)); err != nil {
				report(n, "value of %q is wrapped in {} but is not JSON: %v", key, err)
				continue
			}
			value = compact.String()
		}
		h.Fields = append(h.Fields, form.Field{Key: key, Value: value, Line: n})
	}
	h.Body = t.Start(end + 1)
	h.End = end + 1
	return h, problems
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// typeList splits a comma-separated list of types, in lower case.
func typeList(v string) []string {
	var out []string
	for t := range strings.SplitSeq(v, ",") {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			out = append(out, t)
		}
	}
	return out
}
