package compiler

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestLimits compiles files that nest 10,000 deep or are too large: each
// is a file:line error, found within a second; a fenced code block with
// deep indentation is not.
func TestLimits(t *testing.T) {
	head := "title=Deep\ntype=pattern\nstatus=published\n~~~~~~\n\n*Social*\n\n***Problem***: Deep.\n\n"
	var indented strings.Builder
	for k := range 10000 {
		indented.WriteString(strings.Repeat("  ", k) + "- item\n")
	}
	for _, tc := range []struct {
		name, body, want string
	}{
		{"10,000-deep list on one line", strings.Repeat("- ", 10000) + "x\n", "content/deep.md:10: lists or quotes nest 10000 deep"},
		{"10,000-deep quotes", strings.Repeat(">", 10000) + " x\n", "content/deep.md:10: lists or quotes nest 10000 deep"},
		{"10,000-deep ordered list", strings.Repeat("1. ", 10000) + "x\n", "content/deep.md:10: lists or quotes nest 10000 deep"},
		{"10,000-deep indented list", indented.String(), "content/deep.md:1: file is"},
		{"too large", strings.Repeat("word ", MaxFileSize/5+1), "content/deep.md:1: file is"},
		{"deep list inside the size limit", indented.String()[:200000], "content/deep.md:"},
		{"fenced code", "```\n" + strings.Repeat(" ", 200) + "x\n```\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"deep.md": {Data: []byte(head + tc.body)}}
			start := time.Now()
			_, rep, _ := Compile(fsys, Options{Dir: "content"})
			if d := time.Since(start); d > time.Second {
				t.Errorf("compile took %v, want under a second", d)
			}
			var errs []string
			for _, d := range rep.Errors {
				errs = append(errs, d.String())
			}
			switch {
			case tc.want == "" && len(errs) > 0:
				t.Errorf("errors %q, want none", errs)
			case tc.want != "" && (len(errs) != 1 || !strings.HasPrefix(errs[0], tc.want)):
				t.Errorf("errors %q, want one starting %q", errs, tc.want)
			}
		})
	}
}
