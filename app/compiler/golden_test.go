package compiler

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenOwnLanguage pins what our own content/ and the shared sample
// compile to, field by field, as they compiled before the compiler learnt
// other forms of content: a new form must not change a byte of the old
// one. Fields added later are not in the dump on purpose.
func TestGoldenOwnLanguage(t *testing.T) {
	tests := []struct {
		name, dir, label string
	}{
		{name: "content", dir: "../../content", label: "content"},
		{name: "seeds", dir: seeds, label: "seeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.dir); err != nil {
				t.Skipf("%s not found: %v", tt.dir, err)
			}
			c, rep, err := Compile(os.DirFS(tt.dir), Options{Dir: tt.label})
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			got := dumpCorpus(c, rep)
			golden := "testdata/golden/" + tt.name + ".txt"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to write it): %v", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range max(len(gl), len(wl)) {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", golden, i+1, g, w)
					}
				}
			}
		})
	}
}

// dumpCorpus writes every field the corpus had before issue 14, one per
// line, with rendered HTML and text as short hashes.
func dumpCorpus(c *corpus.Corpus, rep Report) string {
	var b strings.Builder
	h := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return hex.EncodeToString(sum[:6])
	}
	fmt.Fprintf(&b, "report patterns=%d pages=%d drafts=%d links=%d edges=%d broken=%d warnings=%d\n",
		rep.Patterns, rep.Pages, rep.Drafts, rep.Links, rep.Edges, len(rep.Broken), len(rep.Warnings))
	for _, br := range rep.Broken {
		fmt.Fprintf(&b, "broken %s:%d %s\n", br.File, br.Line, br.Target)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(&b, "warning %s\n", w)
	}
	fmt.Fprintf(&b, "blocks %q\ntags %q\n", c.Blocks, c.Tags)
	for i := range c.Docs {
		d := &c.Docs[i]
		fmt.Fprintf(&b, "doc %d %s %s title=%q date=%q status=%q description=%q\n", i, d.Slug, d.Kind, d.Title, d.Date, d.Status, d.Description)
		fmt.Fprintf(&b, "  path %s tags %q meta %q blocks %q aliases %q anchors %q\n", d.Path(), d.Tags, d.Meta, d.Blocks, d.Aliases, d.Anchors)
		fmt.Fprintf(&b, "  summary %s %s html %s text %s\n", h(d.Summary), h(d.SummaryText), h(d.HTML), h(d.Text))
		for _, s := range d.Sections {
			fmt.Fprintf(&b, "  section %q %s %s\n", s.Label, h(s.HTML), h(s.Text))
		}
		for _, v := range d.Variants {
			fmt.Fprintf(&b, "  variant %q %s %s\n", v.Names, h(v.HTML), h(v.Text))
		}
		for _, l := range d.Links {
			fmt.Fprintf(&b, "  link %s#%s broken=%v\n", l.Target, l.Anchor, l.Broken)
		}
		fmt.Fprintf(&b, "  backlinks %v\n", d.Backlinks)
	}
	for _, e := range c.Edges {
		fmt.Fprintf(&b, "edge %d %d\n", e.From, e.To)
	}
	return b.String()
}
