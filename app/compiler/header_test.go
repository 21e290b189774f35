package compiler

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
)

func TestHeader(t *testing.T) {
	type want struct {
		title, date, status, description string
		tags                             []string
		meta                             []corpus.Field
		html                             string
	}
	tests := []struct {
		name string
		text string
		want want
	}{
		{
			name: "all known keys",
			text: "title=Booth\ndate=2026-02-09\ntype=page\ntags=devrel, patterns\nstatus=published\ndescription=A staffed space.\n~~~~~~\n\nBody.\n",
			want: want{title: "Booth", date: "2026-02-09", status: "published", description: "A staffed space.",
				tags: []string{"devrel", "patterns"}, meta: []corpus.Field{{Key: "type", Value: "page"}}, html: "<p>Body.</p>"},
		},
		{
			name: "tags trimmed and empty tags dropped",
			text: "title=T\ntags=  devrel ,patterns,, events  ,\n~~~~~~\n\nBody.\n",
			want: want{title: "T", status: "published", tags: []string{"devrel", "patterns", "events"}, html: "<p>Body.</p>"},
		},
		{
			name: "keys and values trimmed, value keeps its = signs",
			text: " title = Spaced Title \ndescription= a = b \n~~~~~~\n\nBody.\n",
			want: want{title: "Spaced Title", status: "published", description: "a = b", html: "<p>Body.</p>"},
		},
		{
			name: "unknown keys kept in order",
			text: "zeta=1\ntitle=T\ntype=page\nauthor=Ann\nalpha=x=y\n~~~~~~\n\nBody.\n",
			want: want{title: "T", status: "published", meta: []corpus.Field{
				{Key: "zeta", Value: "1"}, {Key: "type", Value: "page"}, {Key: "author", Value: "Ann"}, {Key: "alpha", Value: "x=y"},
			}, html: "<p>Body.</p>"},
		},
		{
			name: "blank lines in the header",
			text: "\ntitle=T\n\ndate=2020-02-29\n\n~~~~~~\n\nBody.\n",
			want: want{title: "T", date: "2020-02-29", status: "published", html: "<p>Body.</p>"},
		},
		{
			name: "status defaults to published",
			text: "title=T\n~~~~~~\n\nBody.\n",
			want: want{title: "T", status: "published", html: "<p>Body.</p>"},
		},
		{
			name: "byte order mark",
			text: "\ufefftitle=T\n~~~~~~\n\nBody.\n",
			want: want{title: "T", status: "published", html: "<p>Body.</p>"},
		},
		{
			name: "CRLF line endings",
			text: "title=T\r\ndate=2021-01-02\r\n~~~~~~\r\n\r\nOne\r\ntwo.\r\n",
			want: want{title: "T", date: "2021-01-02", status: "published", html: "<p>One<br>\ntwo.</p>"},
		},
		{
			name: "lone CR line endings",
			text: "title=T\r~~~~~~\r\rBody.\r",
			want: want{title: "T", status: "published", html: "<p>Body.</p>"},
		},
		{
			name: "BOM and CRLF",
			text: "\ufefftitle=T\r\n~~~~~~\r\nBody.",
			want: want{title: "T", status: "published", html: "<p>Body.</p>"},
		},
		{
			name: "body without a leading blank line",
			text: "title=T\n~~~~~~\nBody.\n",
			want: want{title: "T", status: "published", html: "<p>Body.</p>"},
		},
		{
			name: "separator with spaces around it",
			text: "title=T\n  ~~~~~~  \n\nBody.\n",
			want: want{title: "T", status: "published", html: "<p>Body.</p>"},
		},
		{
			name: "body holds a second separator",
			text: "title=T\n~~~~~~\n\nBody.\n\n~~~~~~\ncode\n~~~~~~\n",
			want: want{title: "T", status: "published", html: "<p>Body.</p>\n<pre><code>code\n</code></pre>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rep := mustCompile(t, fstest.MapFS{"x.md": raw(tt.text)}, Options{})
			if len(rep.Warnings) > 0 {
				t.Errorf("warnings: %q", strs(rep.Warnings))
			}
			d := doc(t, c, "x")
			got := want{title: d.Title, date: d.Date, status: d.Status, description: d.Description, tags: d.Tags, meta: d.Meta, html: d.HTML}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDrafts(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":     raw("title=A\nstatus=draft\n~~~~~~\n\nDraft [B](b.html).\n"),
		"b.md":     raw("title=B\nstatus=published\n~~~~~~\n\nLinks to [A](a.html).\n"),
		"more.md":  raw("title=More\nstatus=draft\n~~~~~~\n\nAnother draft.\n"),
		"other.md": file("Other", "Plain.\n"),
	}
	tests := []struct {
		name       string
		drafts     bool
		wantSlugs  []string
		wantDrafts int
		wantBroken int
	}{
		{name: "skipped by default", wantSlugs: []string{"b", "other"}, wantDrafts: 2, wantBroken: 1},
		{name: "kept with Drafts", drafts: true, wantSlugs: []string{"a", "b", "more", "other"}, wantDrafts: 0, wantBroken: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rep := mustCompile(t, fsys, Options{Drafts: tt.drafts})
			var slugs []string
			for _, d := range c.Docs {
				slugs = append(slugs, d.Slug)
			}
			if !slices.Equal(slugs, tt.wantSlugs) {
				t.Errorf("slugs = %q, want %q", slugs, tt.wantSlugs)
			}
			if got := rep.Drafts; got != tt.wantDrafts {
				t.Errorf("Report.Drafts = %d, want %d", got, tt.wantDrafts)
			}
			if got := len(rep.Broken); got != tt.wantBroken {
				t.Errorf("broken = %d, want %d (a link to a skipped draft is broken)", got, tt.wantBroken)
			}
			if tt.drafts {
				if got, want := doc(t, c, "a").Status, "draft"; got != want {
					t.Errorf("status = %q, want %q", got, want)
				}
			}
		})
	}
}

// TestCRLFLines checks that diagnostics count lines as an editor does,
// whatever the line endings.
func TestCRLFLines(t *testing.T) {
	body := "title=T\ndate=2020-01-01\n~~~~~~\n\n*Code*\n\n***Problem***: see [Gone](gone.html).\n"
	badDate := "title=T\ndate=soon\n~~~~~~\n\nBody.\n"
	tests := []struct {
		name, text string
		eol        string
		wantWarn   []string
		wantErr    []string
	}{
		{name: "broken link LF", text: body, eol: "\n", wantWarn: []string{`content/x.md:7: link to missing pattern "gone" (shown as not yet written)`}},
		{name: "broken link CRLF", text: body, eol: "\r\n", wantWarn: []string{`content/x.md:7: link to missing pattern "gone" (shown as not yet written)`}},
		{name: "broken link CR", text: body, eol: "\r", wantWarn: []string{`content/x.md:7: link to missing pattern "gone" (shown as not yet written)`}},
		{name: "broken link BOM CRLF", text: "\ufeff" + body, eol: "\r\n", wantWarn: []string{`content/x.md:7: link to missing pattern "gone" (shown as not yet written)`}},
		{name: "bad date CRLF", text: badDate, eol: "\r\n", wantErr: []string{`content/x.md:2: bad date "soon": want YYYY-MM-DD`}},
		{name: "bad UTF-8 CRLF", text: "title=T\n~~~~~~\n\nok\nbad \xff\n", eol: "\r\n", wantErr: []string{`content/x.md:5: file is not valid UTF-8`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.text)
			if tt.eol != "\n" {
				text = []byte(strings.ReplaceAll(tt.text, "\n", tt.eol))
			}
			_, rep, _ := Compile(fstest.MapFS{"x.md": {Data: text}}, Options{Dir: "content"})
			if got := strs(rep.Warnings); !slices.Equal(got, tt.wantWarn) {
				t.Errorf("warnings = %q, want %q", got, tt.wantWarn)
			}
			if got := strs(rep.Errors); !slices.Equal(got, tt.wantErr) {
				t.Errorf("errors = %q, want %q", got, tt.wantErr)
			}
			for _, b := range rep.Broken {
				if b.Line != 7 {
					t.Errorf("broken link at line %d, want 7", b.Line)
				}
			}
		})
	}
}
