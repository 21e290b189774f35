package compiler

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
)

func TestKindAndBlocks(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		wantKind   corpus.Kind
		wantBlocks []string
		wantWarn   []string
	}{
		{
			name:       "blocks line",
			body:       "*Code, Social*\n\n***Problem***: p.",
			wantKind:   corpus.KindPattern,
			wantBlocks: []string{"Code", "Social"},
		},
		{
			name:       "blocks line with odd spacing and trailing comma",
			body:       "*Code ,Presentation,  Budget ,*\n\n***Problem***: p.",
			wantKind:   corpus.KindPattern,
			wantBlocks: []string{"Code", "Presentation", "Budget"},
		},
		{
			name:       "underscore emphasis",
			body:       "_Writing_\n\nText.",
			wantKind:   corpus.KindPattern,
			wantBlocks: []string{"Writing"},
		},
		{
			name:       "blocks line without labels",
			body:       "*Social*\n\nJust a summary.",
			wantKind:   corpus.KindPattern,
			wantBlocks: []string{"Social"},
		},
		{
			name:     "labels without a blocks line",
			body:     "Intro.\n\n***Problem***: p.",
			wantKind: corpus.KindPattern,
			wantWarn: []string{"content/p.md:4: pattern has no building-block line (*Code, Social*)"},
		},
		{
			name:     "labels without a blocks line, no blank line after the header",
			body:     "***Problem***: p.",
			wantKind: corpus.KindPattern,
			wantWarn: []string{"content/p.md:4: pattern has no building-block line (*Code, Social*)"},
		},
		{
			name:     "no blocks and no labels",
			body:     "Just text.\n\nMore text.",
			wantKind: corpus.KindPage,
		},
		{
			name:     "italic with more text is not a blocks line",
			body:     "*Code* and more.\n\nText.",
			wantKind: corpus.KindPage,
		},
		{
			name:     "bold is not a blocks line",
			body:     "**Code**\n\nText.",
			wantKind: corpus.KindPage,
		},
		{
			name:     "blocks line must come first",
			body:     "Text.\n\n*Code*",
			wantKind: corpus.KindPage,
		},
		{
			name:     "label inside a list is not a label",
			body:     "- ***Problem***: p.",
			wantKind: corpus.KindPage,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Beside a pattern with building blocks, as in our language: a
			// folder where no pattern has them is not warned about them.
			c, rep := mustCompile(t, fstest.MapFS{"p.md": file("P", tt.body), "q.md": file("Q", "*Code*\n\n***Problem***: q.\n")}, Options{})
			d := *doc(t, c, "p")
			if got := d.Kind; got != tt.wantKind {
				t.Errorf("kind = %v, want %v", got, tt.wantKind)
			}
			if !slices.Equal(d.Blocks, tt.wantBlocks) {
				t.Errorf("blocks = %q, want %q", d.Blocks, tt.wantBlocks)
			}
			if got := strs(rep.Warnings); !slices.Equal(got, tt.wantWarn) {
				t.Errorf("warnings = %q, want %q", got, tt.wantWarn)
			}
		})
	}
}

func TestSections(t *testing.T) {
	type want struct {
		summary, summaryText string
		sections             []corpus.Section
	}
	tests := []struct {
		name string
		body string
		want want
	}{
		{
			name: "summary before the first label",
			body: "*Code*\n\nThe summary.\n\nSecond paragraph.\n\n***Problem***: p.",
			want: want{
				summary: "<p>The summary.</p>\n<p>Second paragraph.</p>", summaryText: "The summary. Second paragraph.",
				sections: []corpus.Section{{Label: "Problem", HTML: "<p>p.</p>", Text: "p."}},
			},
		},
		{
			name: "labels in source order, invented ones too",
			body: "*Code*\n\n***Problem***: p.\n\n***Forces***: f.\n\n***Solution***: s.\n\n***Related Patterns***: r.",
			want: want{sections: []corpus.Section{
				{Label: "Problem", HTML: "<p>p.</p>", Text: "p."},
				{Label: "Forces", HTML: "<p>f.</p>", Text: "f."},
				{Label: "Solution", HTML: "<p>s.</p>", Text: "s."},
				{Label: "Related Patterns", HTML: "<p>r.</p>", Text: "r."},
			}},
		},
		{
			name: "section over several paragraphs and lists",
			body: "*Code*\n\n***Solution***: First.\n\nSecond.\n\n- a\n- b\n\n1. one\n\n> quote\n\n***Consequences***: c.",
			want: want{sections: []corpus.Section{
				{Label: "Solution", HTML: "<p>First.</p>\n<p>Second.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>one</li>\n</ol>\n<blockquote>\n<p>quote</p>\n</blockquote>", Text: "First. Second. a b one quote"},
				{Label: "Consequences", HTML: "<p>c.</p>", Text: "c."},
			}},
		},
		{
			name: "colon inside the label",
			body: "*Code*\n\n***Problem:*** p.",
			want: want{sections: []corpus.Section{{Label: "Problem", HTML: "<p>p.</p>", Text: "p."}}},
		},
		{
			name: "bold around italic",
			body: "*Code*\n\n**_Problem_**: p.",
			want: want{sections: []corpus.Section{{Label: "Problem", HTML: "<p>p.</p>", Text: "p."}}},
		},
		{
			name: "label alone on its line",
			body: "*Code*\n\n***Problem***:\nText on the next line.",
			want: want{sections: []corpus.Section{{Label: "Problem", HTML: "<p>Text on the next line.</p>", Text: "Text on the next line."}}},
		},
		{
			name: "label alone in its paragraph",
			body: "*Code*\n\n***Problem***\n\nText.",
			want: want{sections: []corpus.Section{{Label: "Problem", HTML: "<p>Text.</p>", Text: "Text."}}},
		},
		{
			name: "emphasis after the label stays",
			body: "*Code*\n\n***Problem***: *really* bad.",
			want: want{sections: []corpus.Section{{Label: "Problem", HTML: "<p><em>really</em> bad.</p>", Text: "really bad."}}},
		},
		{
			name: "footnotes go to the last section",
			body: "*Code*\n\n***Problem***: p.[^1]\n\n***Solution***: s.\n\n[^1]: Note.",
			want: want{sections: []corpus.Section{
				{Label: "Problem", HTML: "<p>p.<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>", Text: "p."},
				{Label: "Solution", HTML: "<p>s.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Note.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>", Text: "s. Note."},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, rep := compileOne(t, tt.body)
			if len(rep.Warnings) > 0 {
				t.Errorf("warnings: %q", strs(rep.Warnings))
			}
			for i := range d.Sections {
				d.Sections[i].Kind = 0    // pinned by TestSectionKinds
				d.Sections[i].Anchor = "" // pinned by TestSectionAnchors
			}
			got := want{summary: d.Summary, summaryText: d.SummaryText, sections: d.Sections}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
			if d.HTML != "" || d.Text != "" {
				t.Errorf("pattern has page HTML %q and text %q", d.HTML, d.Text)
			}
		})
	}
}

func TestAliases(t *testing.T) {
	tests := []struct {
		name string
		aka  string
		want []string
	}{
		{name: "semicolons", aka: "Champions; MVPs; Experts; Heroes", want: []string{"Champions", "MVPs", "Experts", "Heroes"}},
		{name: "full stops", aka: "Brown Bag. Lunch-n-Learn.", want: []string{"Brown Bag", "Lunch-n-Learn"}},
		{name: "commas", aka: "Expo Stand, Table,Exhibit", want: []string{"Expo Stand", "Table", "Exhibit"}},
		{name: "mixed", aka: "A; B, C. D", want: []string{"A", "B", "C", "D"}},
		{name: "dot inside a name", aka: "Node.js Meetup; ASP.NET Day", want: []string{"Node.js Meetup", "ASP.NET Day"}},
		{name: "empty", aka: "", want: nil},
		{name: "only separators", aka: " ; , . ", want: nil},
		{name: "emphasis inside", aka: "*Office* Hours; Q&amp;A", want: []string{"Office Hours", "Q&A"}},
		{name: "over two lines", aka: "One;\nTwo", want: []string{"One", "Two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := compileOne(t, "*Social*\n\n***Also Known As***: "+tt.aka+"\n\n***Problem***: p.")
			if !slices.Equal(d.Aliases, tt.want) {
				t.Errorf("aliases = %q, want %q", d.Aliases, tt.want)
			}
			if got := d.Sections[0].Label; got != "Also Known As" {
				t.Errorf("first section = %q, want Also Known As", got)
			}
		})
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		name        string
		items       string
		want        []corpus.Variant
		wantSection string
		wantWarn    []string
	}{
		{
			name:  "several names with full stops inside",
			items: "* **Brown Bag.** **Lunch-n-Learn.** An informal talk.",
			want:  []corpus.Variant{{Names: []string{"Brown Bag", "Lunch-n-Learn"}, HTML: "An informal talk.", Text: "An informal talk."}},
		},
		{
			name:  "full stop after the name",
			items: "* **Wiki**. A shared page.",
			want:  []corpus.Variant{{Names: []string{"Wiki"}, HTML: "A shared page.", Text: "A shared page."}},
		},
		{
			name:  "colon after the name",
			items: "* **Meeting**: a weekly call.",
			want:  []corpus.Variant{{Names: []string{"Meeting"}, HTML: "a weekly call.", Text: "a weekly call."}},
		},
		{
			name:  "bare name",
			items: "* **Base** text follows.",
			want:  []corpus.Variant{{Names: []string{"Base"}, HTML: "text follows.", Text: "text follows."}},
		},
		{
			name:  "all four styles in one list",
			items: "* **A.** **B.** one\n* **C**. two\n* **D**: three\n* **E** four",
			want: []corpus.Variant{
				{Names: []string{"A", "B"}, HTML: "one", Text: "one"},
				{Names: []string{"C"}, HTML: "two", Text: "two"},
				{Names: []string{"D"}, HTML: "three", Text: "three"},
				{Names: []string{"E"}, HTML: "four", Text: "four"},
			},
		},
		{
			name:  "indented continuation paragraph",
			items: "* **Community Table**: staffed by volunteers.\n\n    Thank them properly.\n* **Lounge**: seating.",
			want: []corpus.Variant{
				{Names: []string{"Community Table"}, HTML: "<p>staffed by volunteers.</p>\n<p>Thank them properly.</p>", Text: "staffed by volunteers. Thank them properly."},
				{Names: []string{"Lounge"}, HTML: "<p>seating.</p>", Text: "seating."},
			},
		},
		{
			name:  "name alone",
			items: "* **Just A Name**",
			want:  []corpus.Variant{{Names: []string{"Just A Name"}}},
		},
		{
			name:  "name with a link and more bold later",
			items: "* **Demo Pod**: see **this** [Booth](p.html).",
			want:  []corpus.Variant{{Names: []string{"Demo Pod"}, HTML: `see <strong>this</strong> <a href="/patterns/p">Booth</a>.`, Text: "see this Booth."}},
		},
		{
			name:     "item without a bold name is kept with a warning",
			items:    "* **Named**: one.\n* Nameless two.",
			want:     []corpus.Variant{{Names: []string{"Named"}, HTML: "one.", Text: "one."}, {HTML: "Nameless two.", Text: "Nameless two."}},
			wantWarn: []string{"content/p.md:11: variant has no bold name"},
		},
		{
			name:        "text around the list stays in the section",
			items:       "Some intro.\n\n* **X**: x.\n\nAn outro.",
			want:        []corpus.Variant{{Names: []string{"X"}, HTML: "x.", Text: "x."}},
			wantSection: "<p>Some intro.</p>\n<p>An outro.</p>",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, rep := compileOne(t, "*Code*\n\n***Problem***: p.\n\n***Variants***:\n\n"+tt.items+"\n")
			for i := range d.Variants {
				d.Variants[i].Anchor = "" // pinned by TestSectionAnchors
			}
			if !reflect.DeepEqual(d.Variants, tt.want) {
				t.Errorf("variants:\ngot  %#v\nwant %#v", d.Variants, tt.want)
			}
			if got := strs(rep.Warnings); !slices.Equal(got, tt.wantWarn) {
				t.Errorf("warnings = %q, want %q", got, tt.wantWarn)
			}
			last := d.Sections[len(d.Sections)-1]
			if last.Label != "Variants" || last.HTML != tt.wantSection {
				t.Errorf("last section = %q %q, want Variants %q", last.Label, last.HTML, tt.wantSection)
			}
		})
	}
}

// TestSeedStructure checks the shared seed's layout against its source:
// the compiler must find what a reader sees.
func TestSeedStructure(t *testing.T) {
	d, _ := compileOne(t, "*Social*\n\n***Also Known As***: Champions; MVPs\n\n***Problem***: You want reach.\n\n***Context***: Small team. \n\n***Solution***: Find people in your [Forums](forums.html).\n\n***Consequences***: One.\n\nTwo.\n")
	var labels []string
	for _, s := range d.Sections {
		labels = append(labels, s.Label)
	}
	if want := []string{"Also Known As", "Problem", "Context", "Solution", "Consequences"}; !slices.Equal(labels, want) {
		t.Errorf("labels = %q, want %q", labels, want)
	}
	if got, want := d.Sections[4].HTML, "<p>One.</p>\n<p>Two.</p>"; got != want {
		t.Errorf("consequences = %q, want %q", got, want)
	}
	if got, want := d.Sections[0].Text, "Champions; MVPs"; got != want {
		t.Errorf("also known as text = %q, want %q", got, want)
	}
}

// Every section and variant gets a stable anchor from its label or name,
// unique in the page (the rule itself: corpus.TestAnchorsOf).
func TestSectionAnchors(t *testing.T) {
	d, _ := compileOne(t, "*Code*\n\n***Problem***: p.\n\n***Solution***: s.\n\n***Known Uses***: k.\n\n***Variants***:\n\n* **Brown Bag**: b.\n* **Demo Pod**: d.\n")
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Anchor)
	}
	for _, v := range d.Variants {
		got = append(got, v.Anchor)
	}
	want := []string{"problem", "solution", "known-uses", "variants", "variant-brown-bag", "variant-demo-pod"}
	if !slices.Equal(got, want) {
		t.Errorf("anchors = %q, want %q", got, want)
	}
}
