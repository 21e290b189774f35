package compiler

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// linkFolder is a small language: patterns a and b, a glossary page with
// anchors, and the pattern under test, x.md, whose body each case sets.
func linkFolder(body string) fstest.MapFS {
	return fstest.MapFS{
		"a.md":        file("A", "*Code*\n\n***Problem***: a.\n"),
		"b.md":        file("B", "*Social*\n\n***Problem***: b.\n"),
		"glossary.md": file("Glossary", "Terms.\n\n<div id=\"term\" />\n**Term**: a term.\n\n<a id=\"other\"></a>\n**Other**: another.\n"),
		"x.md":        file("X", "*Code*\n\n***Solution***: "+body+"\n"),
	}
}

// TestLinkSections: each link knows the kinds of the sections it occurs
// in — the summary before the first section, a labelled section, a section
// under a heading, the variants, a footnote of the last section — and a
// page's links are in none.
func TestLinkSections(t *testing.T) {
	set := func(ks ...corpus.SectionKind) corpus.SectionSet {
		var s corpus.SectionSet
		for _, k := range ks {
			s = s.With(k)
		}
		return s
	}
	tests := []struct {
		name string
		fsys fstest.MapFS
		slug string
		want []corpus.Link
	}{
		{
			name: "labelled sections",
			fsys: fstest.MapFS{
				"a.md": file("A", "*Code*\n\n***Problem***: a.\n"),
				"b.md": file("B", "*Code*\n\n***Problem***: b.\n"),
				"c.md": file("C", "*Code*\n\n***Problem***: c.\n"),
				"x.md": file("X", "*Code*\n\nLike [A](a.html).\n\n***Context***: after [B](b.html).\n\n"+
					"***Problem***: when [A](a.html) fails.\n\n***Solution***: use [C](c.html)[^n].\n\n[^n]: or [B](b.html).\n"),
			},
			slug: "x",
			want: []corpus.Link{
				{Target: "a", In: set(corpus.SectionSummary, corpus.SectionProblem)},
				{Target: "b", In: set(corpus.SectionContext, corpus.SectionSolution)},
				{Target: "c", In: set(corpus.SectionSolution)},
			},
		},
		{
			name: "headings and variants",
			fsys: fstest.MapFS{
				"a.md": file("A", "*Code*\n\n***Problem***: a.\n"),
				"b.md": file("B", "*Code*\n\n***Problem***: b.\n"),
				"x.md": file("X", "*Code*\n\n## Problem\n\nSee [A](a.html).\n\n## Variants\n\n- **Small**: a [B](b.html).\n"),
			},
			slug: "x",
			want: []corpus.Link{
				{Target: "a", In: set(corpus.SectionProblem)},
				{Target: "b", In: set(corpus.SectionVariants)},
			},
		},
		{
			name: "a page",
			fsys: fstest.MapFS{
				"a.md":        file("A", "*Code*\n\n***Problem***: a.\n"),
				"glossary.md": file("Glossary", "Terms, as in [A](a.html).\n"),
			},
			slug: "glossary",
			want: []corpus.Link{{Target: "a"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := mustCompile(t, tt.fsys, Options{})
			if got := doc(t, c, tt.slug).Links; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("links = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		wantHTML   string
		wantLinks  []corpus.Link
		wantWarn   []string
		wantBroken []BrokenLink
	}{
		{
			name:      "slug.html",
			body:      "[A](a.html)",
			wantHTML:  `<p><a href="/patterns/a">A</a></p>`,
			wantLinks: []corpus.Link{{Target: "a"}},
		},
		{
			name:      "./slug.html",
			body:      "[A](./a.html)",
			wantHTML:  `<p><a href="/patterns/a">A</a></p>`,
			wantLinks: []corpus.Link{{Target: "a"}},
		},
		{
			name:      "slug.html#frag",
			body:      "[A](a.html#part)",
			wantHTML:  `<p><a href="/patterns/a#part">A</a></p>`,
			wantLinks: []corpus.Link{{Target: "a", Anchor: "part"}},
		},
		{
			name:      "bare #slug",
			body:      "[B](#b)",
			wantHTML:  `<p><a href="/patterns/b">B</a></p>`,
			wantLinks: []corpus.Link{{Target: "b"}},
		},
		{
			name:      "#term to the glossary",
			body:      "[terms](#term) and [other](#other)",
			wantHTML:  `<p><a href="/pages/glossary#term">terms</a> and <a href="/pages/glossary#other">other</a></p>`,
			wantLinks: []corpus.Link{{Target: "glossary", Anchor: "term"}, {Target: "glossary", Anchor: "other"}},
		},
		{
			name:      "page link",
			body:      "[Glossary](glossary.html)",
			wantHTML:  `<p><a href="/pages/glossary">Glossary</a></p>`,
			wantLinks: []corpus.Link{{Target: "glossary"}},
		},
		{
			name:     "external links untouched",
			body:     "[w](https://example.com/a.html) [m](mailto:a@example.com) [f](//cdn.example.com/b.html)",
			wantHTML: `<p><a href="https://example.com/a.html">w</a> <a href="mailto:a@example.com">m</a> <a href="//cdn.example.com/b.html">f</a></p>`,
		},
		{
			name:     "other relative links untouched",
			body:     "[pic](pic.png) [home](index.html) [top](#)",
			wantHTML: `<p><a href="pic.png">pic</a> <a href="index.html">home</a> <a href="#">top</a></p>`,
		},
		{
			name:      "same target twice is one link",
			body:      "[A](a.html) and [again](a.html) and [B](b.html)",
			wantHTML:  `<p><a href="/patterns/a">A</a> and <a href="/patterns/a">again</a> and <a href="/patterns/b">B</a></p>`,
			wantLinks: []corpus.Link{{Target: "a"}, {Target: "b"}},
		},
		{
			name:      "reference link",
			body:      "[A][ref]\n\n[ref]: a.html",
			wantHTML:  `<p><a href="/patterns/a">A</a></p>`,
			wantLinks: []corpus.Link{{Target: "a"}},
		},
		{
			name:       "missing slug",
			body:       "see [Gone](gone.html).",
			wantHTML:   `<p>see <a href="/patterns/gone" title="Not yet written" class="broken">Gone</a>.</p>`,
			wantLinks:  []corpus.Link{{Target: "gone", Broken: true}},
			wantWarn:   []string{`content/x.md:6: link to missing pattern "gone" (shown as not yet written)`},
			wantBroken: []BrokenLink{{File: "content/x.md", Line: 6, Target: "gone"}},
		},
		{
			name:       "missing #slug on a later line",
			body:       "one\n\ntwo [Gone](#gone) and\n[Lost](lost.html#x)",
			wantHTML:   "<p>one</p>\n<p>two <a href=\"/patterns/gone\" title=\"Not yet written\" class=\"broken\">Gone</a> and<br>\n<a href=\"/patterns/lost\" title=\"Not yet written\" class=\"broken\">Lost</a></p>",
			wantLinks:  []corpus.Link{{Target: "gone", Broken: true}, {Target: "lost", Anchor: "x", Broken: true}},
			wantWarn:   []string{`content/x.md:8: link to missing pattern "gone" (shown as not yet written)`, `content/x.md:9: link to missing pattern "lost" (shown as not yet written)`},
			wantBroken: []BrokenLink{{File: "content/x.md", Line: 8, Target: "gone"}, {File: "content/x.md", Line: 9, Target: "lost"}},
		},
		{
			name:       "broken link text starting on an earlier line",
			body:       "x\n[multi\nline](gone.html)",
			wantHTML:   "<p>x<br>\n<a href=\"/patterns/gone\" title=\"Not yet written\" class=\"broken\">multi<br>\nline</a></p>",
			wantLinks:  []corpus.Link{{Target: "gone", Broken: true}},
			wantWarn:   []string{`content/x.md:7: link to missing pattern "gone" (shown as not yet written)`},
			wantBroken: []BrokenLink{{File: "content/x.md", Line: 7, Target: "gone"}},
		},
		{
			name:      "footnote links are not document links",
			body:      "claim[^n] [back](#fnref:n)\n\n[^n]: note",
			wantLinks: nil,
		},
		{
			name:      "self link",
			body:      "[me](x.html)",
			wantHTML:  `<p><a href="/patterns/x">me</a></p>`,
			wantLinks: []corpus.Link{{Target: "x"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rep := mustCompile(t, linkFolder(tt.body), Options{})
			d := doc(t, c, "x")
			if got := d.Sections[0].HTML; tt.wantHTML != "" && got != tt.wantHTML {
				t.Errorf("html:\ngot  %q\nwant %q", got, tt.wantHTML)
			}
			// Every link of the body is in its Solution section
			// (TestLinkSections tells the sections apart).
			solution := corpus.SectionSet(0).With(corpus.SectionSolution)
			var want []corpus.Link
			for _, l := range tt.wantLinks {
				l.In = solution
				want = append(want, l)
			}
			if !reflect.DeepEqual(d.Links, want) {
				t.Errorf("links = %+v, want %+v", d.Links, want)
			}
			if got := strs(rep.Warnings); !slices.Equal(got, tt.wantWarn) {
				t.Errorf("warnings = %q, want %q", got, tt.wantWarn)
			}
			if !reflect.DeepEqual(rep.Broken, tt.wantBroken) {
				t.Errorf("broken = %+v, want %+v", rep.Broken, tt.wantBroken)
			}
		})
	}
}

func TestEdgesAndBacklinks(t *testing.T) {
	fsys := fstest.MapFS{
		// a links to c before b, twice to b, to itself, and to a page.
		"a.md":     file("A", "*Code*\n\n***Solution***: [C](c.html), [B](b.html), [B again](#b), [self](a.html), [intro](intro.html), [term](#t).\n"),
		"b.md":     file("B", "*Code*\n\n***Solution***: [A](a.html) and [gone](gone.html).\n"),
		"c.md":     file("C", "*Code*\n\n***Solution***: nothing.\n"),
		"intro.md": file("Intro", "Start at [A](a.html) or [C](c.html), twice: [C](c.html#x).\n\n<div id=\"t\" />\n**T**: a term.\n"),
	}
	c, rep := mustCompile(t, fsys, Options{})
	slugs := []string{"a", "b", "c", "intro"}
	for i, s := range slugs {
		if c.Docs[i].Slug != s {
			t.Fatalf("doc %d = %s, want %s (docs sorted by slug)", i, c.Docs[i].Slug, s)
		}
	}
	const a, b, cc, intro = 0, 1, 2, 3
	wantEdges := []corpus.Edge{{From: a, To: b}, {From: a, To: cc}, {From: b, To: a}}
	if !slices.Equal(c.Edges, wantEdges) {
		t.Errorf("edges = %v, want %v (unique per ordered pair, sorted, no self-links, no pages)", c.Edges, wantEdges)
	}
	backlinks := []struct {
		name string
		doc  int
		want []int32
	}{
		{name: "pattern linked by a pattern and a page", doc: a, want: []int32{b, intro}},
		{name: "pattern linked twice by one pattern", doc: b, want: []int32{a}},
		{name: "pattern linked by a pattern and twice by a page", doc: cc, want: []int32{a, intro}},
		{name: "page linked by a pattern, twice", doc: intro, want: []int32{a}},
	}
	for _, tt := range backlinks {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Docs[tt.doc].Backlinks; !slices.Equal(got, tt.want) {
				t.Errorf("backlinks of %s = %v, want %v", slugs[tt.doc], got, tt.want)
			}
		})
	}
	if got, want := rep.Edges, 3; got != want {
		t.Errorf("Report.Edges = %d, want %d", got, want)
	}
	// a: c, b, self, intro, intro#t (b and #b are one link); b: a, gone;
	// intro: a, c, c#x.
	if got, want := rep.Links, 5+2+3; got != want {
		t.Errorf("Report.Links = %d, want %d", got, want)
	}
	if got, want := rep.Patterns, 3; got != want {
		t.Errorf("Report.Patterns = %d, want %d", got, want)
	}
	if got, want := rep.Pages, 1; got != want {
		t.Errorf("Report.Pages = %d, want %d", got, want)
	}
	if got, want := c.Blocks, []string{"Code"}; !slices.Equal(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
}

func TestBlocksAndTags(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": raw("title=A\ntags=zeta, alpha\n~~~~~~\n\n*Writing, Code*\n\n***Problem***: p.\n"),
		"b.md": raw("title=B\ntags=alpha, mid\n~~~~~~\n\n*Budget*\n\n***Problem***: p.\n"),
		"p.md": raw("title=P\ntags=page\n~~~~~~\n\nPage.\n"),
	}
	c, _ := mustCompile(t, fsys, Options{})
	if got, want := c.Blocks, []string{"Budget", "Code", "Writing"}; !slices.Equal(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
	if got, want := c.Tags, []string{"alpha", "mid", "page", "zeta"}; !slices.Equal(got, want) {
		t.Errorf("tags = %q, want %q", got, want)
	}
}

func TestDuplicateAnchor(t *testing.T) {
	fsys := fstest.MapFS{
		"g1.md": file("G1", "<div id=\"t\" />\n**T**: one.\n"),
		"g2.md": file("G2", "<div id=\"t\" />\n**T**: two.\n"),
		"x.md":  file("X", "[t](#t)\n"),
	}
	c, rep := mustCompile(t, fsys, Options{})
	if got, want := strs(rep.Warnings), []string{`content/g2.md:1: anchor "t" is also defined in content/g1.md`}; !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
	if got, want := doc(t, c, "x").Links, []corpus.Link{{Target: "g1", Anchor: "t"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("links = %+v, want %+v (the first definition wins)", got, want)
	}
}

// In-text links are written under the site's prefix, so a page served
// under /explorer links to /explorer/…, and the site's name, origin and
// prefix travel with the corpus.
func TestLinksUnderSitePrefix(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":        file("A", "*Code*\n\n***Problem***: see [B](b.html) and [the term](glossary.html#term).\n\n***Solution***: s.\n"),
		"b.md":        file("B", "*Code*\n\n***Problem***: back to [A](a.html), and [gone](gone.html).\n\n***Solution***: s.\n"),
		"glossary.md": raw("title=Glossary\ntype=page\n~~~~~~\n\n<dl><dt id=\"term\">Term</dt><dd>d</dd></dl>\n"),
	}
	site := corpus.Site{Name: "Our Patterns", Origin: "https://example.org", Prefix: "/explorer"}
	c, _ := mustCompile(t, fsys, Options{Site: site})
	if c.Site != site {
		t.Errorf("corpus site = %+v, want %+v", c.Site, site)
	}
	a, b := doc(t, c, "a").Sections[0].HTML, doc(t, c, "b").Sections[0].HTML
	for _, want := range []string{`href="/explorer/patterns/b"`, `href="/explorer/pages/glossary#term"`} {
		if !strings.Contains(a, want) {
			t.Errorf("a's problem %q lacks %s", a, want)
		}
	}
	for _, want := range []string{`href="/explorer/patterns/a"`, `href="/explorer/patterns/gone"`} {
		if !strings.Contains(b, want) {
			t.Errorf("b's problem %q lacks %s", b, want)
		}
	}
}

// jbake.properties' site.host gives the origin and the prefix when the
// build names none; JBake's default localhost address is left out.
func TestSiteFromJBakeProperties(t *testing.T) {
	tests := []struct {
		name, host string
		opt        corpus.Site
		want       corpus.Site
		warn       bool
	}{
		{name: "host with a path", host: "https://patterns.example.test/catalog/", want: corpus.Site{Origin: "https://patterns.example.test", Prefix: "/catalog"}},
		{name: "the build's origin wins", host: "https://patterns.example.test/", opt: corpus.Site{Origin: "https://other.example"}, want: corpus.Site{Origin: "https://other.example"}},
		{name: "localhost is not public", host: "http://localhost:8820/"},
		{name: "not an address", host: "patterns.example.test", warn: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"jbake.properties": &fstest.MapFile{Data: []byte("# ours\nsite.host=" + tt.host + "\n")},
				"a.md":             file("A", "*Code*\n\n***Problem***: p.\n"),
			}
			c, rep := mustCompile(t, fsys, Options{Site: tt.opt})
			tt.want.Name = "Pattern Explorer"
			if c.Site != tt.want {
				t.Errorf("site = %+v, want %+v", c.Site, tt.want)
			}
			warned := slices.ContainsFunc(rep.Warnings, func(d Diagnostic) bool {
				return d.File == "content/jbake.properties" && d.Line == 2 && strings.Contains(d.Msg, "site.host")
			})
			if warned != tt.warn {
				t.Errorf("warned about site.host: %v, want %v (%v)", warned, tt.warn, rep.Warnings)
			}
		})
	}
}
