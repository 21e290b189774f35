package compiler

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
)

func TestSectionKinds(t *testing.T) {
	tests := []struct {
		label string
		want  corpus.SectionKind
	}{
		{"Patlet", corpus.SectionSummary}, {"Intent", corpus.SectionSummary}, {"TL;DR", corpus.SectionSummary}, {"Summary", corpus.SectionSummary},
		{"Alias", corpus.SectionAliases}, {"Aliases", corpus.SectionAliases}, {"AKA", corpus.SectionAliases}, {"Also Known As", corpus.SectionAliases},
		{"Problem", corpus.SectionProblem}, {"problems", corpus.SectionProblem}, {"Context", corpus.SectionContext},
		{"Forces", corpus.SectionForces}, {"Force", corpus.SectionForces},
		{"Solution", corpus.SectionSolution}, {"Solutions", corpus.SectionSolution}, {"Therefore:", corpus.SectionSolution},
		{"Consequences", corpus.SectionConsequences}, {"Resulting Context", corpus.SectionConsequences},
		{"Variants", corpus.SectionVariants}, {"Variations", corpus.SectionVariants},
		{"Known Uses", corpus.SectionKnownUses}, {"Known Instances", corpus.SectionKnownUses}, {"Examples", corpus.SectionKnownUses},
		{"Related Patterns", corpus.SectionRelated}, {"See Also", corpus.SectionRelated},
		{"Implementations", corpus.SectionImplementations}, {"Sketch", corpus.SectionSketch}, {"Status", corpus.SectionStatus},
		{"Author", corpus.SectionAuthors}, {"Authors", corpus.SectionAuthors}, {"Author(s)", corpus.SectionAuthors},
		{"Credits", corpus.SectionAuthors}, {"Acknowledgments", corpus.SectionAuthors},
		{"  known   USES ", corpus.SectionKnownUses},
		{"Rationale", corpus.SectionOther}, {"Process", corpus.SectionOther},
	}
	for _, tt := range tests {
		if got := sectionKind(tt.label); got != tt.want {
			t.Errorf("sectionKind(%q) = %s, want %s", tt.label, got, tt.want)
		}
	}
}

// TestHeadingSections checks that a body without ***Label*** paragraphs is
// cut into sections at its highest headings, sub-headings kept inside, with
// kinds; and that a problem heading makes a pattern.
func TestHeadingSections(t *testing.T) {
	body := "## Title\n\nShared Screen\n\n## Patlet\n\nShow, do not tell.\n\n## Problem\n\nNobody sees the code.\n\n" +
		"## Solutions\n\nShare the screen.\n\n### In person\n\nA big display.\n\n## Alias\n\nScreen Share, Show and Tell\n\n" +
		"## Variations\n\n- one\n- two\n\n## Rationale\n\nBecause.\n"
	c, rep := mustCompile(t, fstest.MapFS{"2-structured/shared-screen.md": raw(body)}, Options{})
	d := doc(t, c, "2-structured/shared-screen")
	if d.Kind != corpus.KindPattern || d.Title != "Shared Screen" {
		t.Fatalf("kind %s title %q, want a pattern titled Shared Screen", d.Kind, d.Title)
	}
	type sec struct {
		label string
		kind  corpus.SectionKind
		html  string
	}
	var got []sec
	for _, s := range d.Sections {
		got = append(got, sec{s.Label, s.Kind, s.HTML})
	}
	want := []sec{
		{"Patlet", corpus.SectionSummary, "<p>Show, do not tell.</p>"},
		{"Problem", corpus.SectionProblem, "<p>Nobody sees the code.</p>"},
		{"Solutions", corpus.SectionSolution, "<p>Share the screen.</p>\n<h3>In person</h3>\n<p>A big display.</p>"},
		{"Alias", corpus.SectionAliases, "<p>Screen Share, Show and Tell</p>"},
		{"Variations", corpus.SectionVariants, "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"},
		{"Rationale", corpus.SectionOther, "<p>Because.</p>"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sections:\ngot  %v\nwant %v", got, want)
	}
	if want := []string{"Screen Share", "Show and Tell"}; !slices.Equal(d.Aliases, want) {
		t.Errorf("aliases = %q, want %q", d.Aliases, want)
	}
	if len(rep.Warnings) != 0 { // building blocks are our language's, not this one's
		t.Errorf("warnings = %q, want none", strs(rep.Warnings))
	}
}

// TestPatternTypes checks that the header's type decides first, then the
// structure.
func TestPatternTypes(t *testing.T) {
	fsys := fstest.MapFS{
		"jbake.properties": raw("explorer.pattern.types=recipe\n"),
		"a.md":             raw("title=A\ntype=pattern\n~~~~~~\n\nNo structure at all.\n"),
		"b.md":             raw("title=B\ntype=recipe\n~~~~~~\n\nNo structure either.\n"),
		"c.md":             raw("title=C\ntype=patternsindex\n~~~~~~\n\n*Code*\n\n***Problem***: looks like one.\n"),
		"d.md":             raw("title=D\ntype=page\n~~~~~~\n\n*Code*\n\n***Problem***: our language marks every file page.\n"),
		"e.md":             raw("title=E\ntype=post\n~~~~~~\n\n## Problem\n\nA heading problem.\n"),
		"f.md":             raw("title=F\n~~~~~~\n\n## Notes\n\nJust notes.\n"),
	}
	c, _ := mustCompile(t, fsys, Options{})
	want := map[string]corpus.Kind{"a": corpus.KindPattern, "b": corpus.KindPattern, "c": corpus.KindPage, "d": corpus.KindPattern, "e": corpus.KindPattern, "f": corpus.KindPage}
	for slug, k := range want {
		if got := doc(t, c, slug).Kind; got != k {
			t.Errorf("%s: kind %s, want %s", slug, got, k)
		}
	}
}
