package compiler

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// TestForms reads one document in every form a content file can take and
// checks what its header gave.
func TestForms(t *testing.T) {
	type want struct {
		title, date, status, description string
		tags                             []string
		meta                             []corpus.Field
		html                             string
		warnings                         []string
	}
	tests := []struct {
		name  string
		files fstest.MapFS
		want  want
	}{
		{
			name:  "yaml front matter",
			files: fstest.MapFS{"x.md": raw("---\ntitle: Pair Review\ndate: 2024-03-01\ntags: [review, code]\ndescription: \"Two people, one change.\"\nweight: 3\n---\n\nBody.\n")},
			want: want{title: "Pair Review", date: "2024-03-01", status: "published", description: "Two people, one change.",
				tags: []string{"review", "code"}, meta: []corpus.Field{{Key: "weight", Value: "3"}}, html: "<p>Body.</p>"},
		},
		{
			name:  "yaml with a timestamp, a block list, draft false, BOM and CRLF",
			files: fstest.MapFS{"x.md": raw("\ufeff---\r\ntitle: T\r\ndate: 2024-03-01T10:00:00Z\r\ntags:\r\n  - a\r\n  - b\r\ndraft: false\r\n---\r\nBody.\r\n")},
			want:  want{title: "T", date: "2024-03-01", status: "published", tags: []string{"a", "b"}, html: "<p>Body.</p>"},
		},
		{
			name:  "toml front matter",
			files: fstest.MapFS{"x.md": raw("+++\ntitle = \"Release Notes\"\ndate = 2023-11-20\ntags = [\"writing\"]\nauthor = \"Jo\"\n+++\n\nBody.\n")},
			want:  want{title: "Release Notes", date: "2023-11-20", status: "published", tags: []string{"writing"}, meta: []corpus.Field{{Key: "author", Value: "Jo"}}, html: "<p>Body.</p>"},
		},
		{
			name:  "json front matter",
			files: fstest.MapFS{"x.md": raw("{\n  \"title\": \"Office Hours\",\n  \"tags\": [\"support\", \"live\"],\n  \"draft\": false\n}\n\nBody.\n")},
			want:  want{title: "Office Hours", status: "published", tags: []string{"support", "live"}, html: "<p>Body.</p>"},
		},
		{
			name:  "jbake value wrapped in braces is json",
			files: fstest.MapFS{"x.md": raw("title=T\nextra={ \"a\": [1, 2] }\n~~~~~~\n\nBody.\n")},
			want:  want{title: "T", status: "published", meta: []corpus.Field{{Key: "extra", Value: `{"a":[1,2]}`}}, html: "<p>Body.</p>"},
		},
		{
			name: "jbake.properties: defaults and a separator of its own",
			files: fstest.MapFS{
				"jbake.properties": raw("# site\nsite.host=http://example.org\ndefault.type = post\ndefault.status=published\nheader.separator=-----\n"),
				"x.md":             raw("title=T\n-----\n\nBody.\n"),
			},
			want: want{title: "T", status: "published", meta: []corpus.Field{{Key: "type", Value: "post"}}, html: "<p>Body.</p>"},
		},
		{
			name:  "headerless with a level-1 heading",
			files: fstest.MapFS{"x.md": raw("# Shared Screen\n\nBody.\n")},
			want:  want{title: "Shared Screen", status: "published", html: "<p>Body.</p>"},
		},
		{
			name:  "headerless with a Title section",
			files: fstest.MapFS{"x.md": raw("## Title\n\nShared Screen\n\n## Context\n\nBody.\n")},
			want:  want{title: "Shared Screen", status: "published", html: "<h2>Context</h2>\n<p>Body.</p>"},
		},
		{
			name:  "headerless without a heading takes the file name",
			files: fstest.MapFS{"shared-screen.md": raw("Just a paragraph.\n")},
			want:  want{title: "Shared screen", status: "published", html: "<p>Just a paragraph.</p>"},
		},
		{
			name: "headerless in a jbake folder is a warning and takes the defaults",
			files: fstest.MapFS{
				"jbake.properties": raw("default.status=draft\n"),
				"x.md":             raw("# Loose File\n\nBody.\n"),
			},
			want: want{title: "Loose File", status: "draft", html: "<p>Body.</p>",
				warnings: []string{`content/x.md:1: no ~~~~~~ header: read as Markdown titled "Loose File", with the folder's defaults`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rep := mustCompile(t, tt.files, Options{Drafts: true})
			if len(c.Docs) != 1 {
				t.Fatalf("docs = %d, want 1", len(c.Docs))
			}
			d := c.Docs[0]
			got := want{title: d.Title, date: d.Date, status: d.Status, description: d.Description, tags: d.Tags, meta: d.Meta, html: d.HTML, warnings: strs(rep.Warnings)}
			if got.title != tt.want.title || got.date != tt.want.date || got.status != tt.want.status || got.description != tt.want.description ||
				!slices.Equal(got.tags, tt.want.tags) || !slices.Equal(got.meta, tt.want.meta) || got.html != tt.want.html || !slices.Equal(got.warnings, tt.want.warnings) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestFormErrors checks that every reader's errors name the file's line.
func TestFormErrors(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{
			name:  "yaml not closed",
			files: fstest.MapFS{"x.md": raw("---\ntitle: T\n\nBody.\n")},
			want:  []string{"content/x.md:1: no --- line closes the front matter opened here"},
		},
		{
			name:  "yaml syntax error at its line",
			files: fstest.MapFS{"x.md": raw("---\ntitle: T\ndescription: a: b\ndate: 2024-01-01\n---\nBody.\n")},
			want:  []string{"content/x.md:3: front matter is not valid YAML: mapping values are not allowed in this context"},
		},
		{
			name:  "yaml bad date and status after CRLF",
			files: fstest.MapFS{"x.md": raw("---\r\ntitle: T\r\ndate: soon\r\nstatus: live\r\n---\r\nBody.\r\n")},
			want:  []string{`content/x.md:3: bad date "soon": want YYYY-MM-DD`, `content/x.md:4: bad status "live": want published or draft`},
		},
		{
			name:  "yaml that is not a mapping",
			files: fstest.MapFS{"x.md": raw("---\n- a\n- b\n---\nBody.\n")},
			want:  []string{"content/x.md:2: front matter is not a YAML mapping of keys to values"},
		},
		{
			name:  "toml syntax error at its line",
			files: fstest.MapFS{"x.md": raw("+++\ntitle = \"T\"\ndate = = 3\n+++\nBody.\n")},
			want:  []string{"content/x.md:3: front matter is not valid TOML: expected value but found '=' instead"},
		},
		{
			name:  "json syntax error at its line",
			files: fstest.MapFS{"x.md": raw("{\n  \"title\": \"T\",\n  \"tags\": [1,,]\n}\nBody.\n")},
			want:  []string{"content/x.md:3: front matter is not a valid JSON object: invalid character ',' looking for beginning of value"},
		},
		{
			name:  "jbake json value that is not json",
			files: fstest.MapFS{"x.md": raw("title=T\nextra={a: 1}\n~~~~~~\nBody.\n")},
			want:  []string{`content/x.md:2: value of "extra" is wrapped in {} but is not JSON: invalid character 'a' looking for beginning of object key string`},
		},
		{
			name:  "front matter with an empty body",
			files: fstest.MapFS{"x.md": raw("---\ntitle: T\n---\n\n")},
			want:  []string{"content/x.md:3: body is empty"},
		},
		{
			name: "bad default.status",
			files: fstest.MapFS{
				"jbake.properties": raw("default.status=maybe\n"),
				"x.md":             file("X", "Body.\n"),
			},
			want: []string{`content/x.md:1: bad default.status "maybe" in jbake.properties: want published or draft`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Compile(tt.files, Options{Dir: "content"})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if got := errorStrings(t, err); !slices.Equal(got, tt.want) {
				t.Errorf("errors:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}
