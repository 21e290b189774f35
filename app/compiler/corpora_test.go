package compiler

import (
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// TestCorpora compiles the test corpora of testdata/corpora, one per form
// of content (a nested JBake tree, a headerless catalog in maturity
// folders, front matter of three kinds), written for these tests, and pins
// what each gives.
func TestCorpora(t *testing.T) {
	type counts struct{ patterns, pages, drafts, links, edges, warnings int }
	tests := []struct {
		name     string
		counts   counts
		docs     []string // "slug kind category parent"
		edges    []string // "from → to"
		broken   []string // "file:line target"
		sections map[string][]string
		images   []string // "source width×height", by path
	}{
		{
			name:   "jbake",
			counts: counts{patterns: 4, pages: 8, links: 25, edges: 7, warnings: 3},
			docs: []string{
				"behavioral page  ", "behavioral/Observer pattern behavioral ", "behavioral/Strategy pattern behavioral ",
				"behavioral/Strategy/csharp page behavioral/Strategy behavioral/Strategy", "behavioral/Strategy/java page behavioral/Strategy behavioral/Strategy",
				"creational page  ", "creational/Builder pattern creational ", "index page  ", "notes page  ", "patterns page  ",
				"structural/Adapter pattern structural ", "structural/Adapter/go page structural/Adapter structural/Adapter",
			},
			edges: []string{
				"behavioral/Observer → behavioral/Strategy", "behavioral/Observer → creational/Builder", "behavioral/Observer → structural/Adapter",
				"behavioral/Strategy → behavioral/Observer", "creational/Builder → behavioral/Strategy", "creational/Builder → structural/Adapter",
				"structural/Adapter → behavioral/Observer",
			},
			broken: []string{"jbake/behavioral/Observer/index.md:13 behavioral/ChainOfResponsibility", "jbake/index.md:6 structural"},
			sections: map[string][]string{
				"behavioral/Strategy": {"Problem problem", "Context context", "Solution solution", "Consequences consequences", "Variations variants"},
				"behavioral/Observer": {"Problem problem", "Solution solution", "Related Patterns related"},
			},
		},
		{
			name:   "plain",
			counts: counts{patterns: 3, pages: 2, links: 8, edges: 5, warnings: 1},
			docs: []string{
				"README page  ", "patterns/1-initial/daily-note pattern patterns/1-initial ", "patterns/1-initial/loose-idea page patterns/1-initial ",
				"patterns/2-structured/review-buddy pattern patterns/2-structured ", "patterns/2-structured/shared-screen pattern patterns/2-structured ",
			},
			edges: []string{
				"patterns/1-initial/daily-note → patterns/2-structured/shared-screen", "patterns/2-structured/review-buddy → patterns/1-initial/daily-note",
				"patterns/2-structured/review-buddy → patterns/2-structured/shared-screen", "patterns/2-structured/shared-screen → patterns/1-initial/daily-note",
				"patterns/2-structured/shared-screen → patterns/2-structured/review-buddy",
			},
			broken: []string{"plain/patterns/2-structured/review-buddy.md:16 patterns/1-initial/review-checklist"},
			sections: map[string][]string{
				"patterns/2-structured/shared-screen": {"Patlet summary", "Problem problem", "Context context", "Forces forces", "Solutions solution",
					"Resulting Context consequences", "Known Instances known-uses", "Status status", "Author(s) authors", "Alias also-known-as"},
			},
			// screen.png is 2400 px wide in the content: scaled to 1600.
			images: []string{"assets/img/checklist.png 96×72", "assets/img/screen.png 1600×600"},
		},
		{
			name:   "fm",
			counts: counts{patterns: 3, drafts: 1, links: 4, edges: 4},
			docs:   []string{"demo-day pattern  ", "office-hours pattern  ", "release-notes pattern  "},
			edges: []string{
				"demo-day → office-hours", "office-hours → release-notes", "release-notes → demo-day", "release-notes → office-hours",
			},
			sections: map[string][]string{"release-notes": {"Problem problem", "Solution solution"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rep, err := Compile(os.DirFS("testdata/corpora/"+tt.name), Options{Dir: tt.name})
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			got := counts{rep.Patterns, rep.Pages, rep.Drafts, rep.Links, rep.Edges, len(rep.Warnings)}
			if got != tt.counts {
				t.Errorf("counts = %+v, want %+v\nwarnings: %q", got, tt.counts, strs(rep.Warnings))
			}
			var docs []string
			for _, d := range c.Docs {
				docs = append(docs, fmt.Sprintf("%s %s %s %s", d.Slug, d.Kind, d.Category, d.Parent))
			}
			if !slices.Equal(docs, tt.docs) {
				t.Errorf("docs:\ngot  %q\nwant %q", docs, tt.docs)
			}
			var edges []string
			for _, e := range c.Edges {
				edges = append(edges, c.Docs[e.From].Slug+" → "+c.Docs[e.To].Slug)
			}
			if !slices.Equal(edges, tt.edges) {
				t.Errorf("edges:\ngot  %q\nwant %q", edges, tt.edges)
			}
			var broken []string
			for _, b := range rep.Broken {
				broken = append(broken, fmt.Sprintf("%s:%d %s", b.File, b.Line, b.Target))
			}
			if !slices.Equal(broken, tt.broken) {
				t.Errorf("broken:\ngot  %q\nwant %q", broken, tt.broken)
			}
			for slug, want := range tt.sections {
				var got []string
				for _, s := range doc(t, c, slug).Sections {
					got = append(got, s.Label+" "+s.Kind.String())
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s sections:\ngot  %q\nwant %q", slug, got, want)
				}
			}
			var images []string
			for _, im := range rep.Images {
				images = append(images, fmt.Sprintf("%s %d×%d", im.Source, im.Width, im.Height))
			}
			slices.Sort(images)
			if !slices.Equal(images, tt.images) {
				t.Errorf("images:\ngot  %q\nwant %q", images, tt.images)
			}
			if tt.name == "jbake" {
				d := doc(t, c, "behavioral/Strategy")
				if d.SummaryText != "Pick one of several interchangeable ways of doing a job while the program runs." {
					t.Errorf("Strategy summary %q: the <!--more--> marker must not show", d.SummaryText)
				}
				if d.Kind != corpus.KindPattern || !slices.Equal(d.Tags, []string{"behavioral", "algorithms"}) {
					t.Errorf("Strategy: kind %s tags %q", d.Kind, d.Tags)
				}
			}
		})
	}
}
