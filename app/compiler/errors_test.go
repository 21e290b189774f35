package compiler

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{
			name:  "missing separator",
			files: fstest.MapFS{"x.md": raw("title=X\ndate=2020-01-01\nThe body starts here.\n\nMore.\n")},
			want:  []string{"content/x.md:3: no ~~~~~~ line ends the header"},
		},
		{
			name:  "missing separator, header only",
			files: fstest.MapFS{"x.md": raw("title=X\ndate=2020-01-01\n")},
			want:  []string{"content/x.md:2: no ~~~~~~ line ends the header"},
		},
		{
			name:  "separator too short",
			files: fstest.MapFS{"x.md": raw("title=X\n~~~~~\n\nBody.\n")},
			want:  []string{"content/x.md:2: no ~~~~~~ line ends the header"},
		},
		{
			name:  "empty file",
			files: fstest.MapFS{"x.md": raw("")},
			want:  []string{"content/x.md:1: no ~~~~~~ line ends the header"},
		},
		{
			name:  "header line without =",
			files: fstest.MapFS{"x.md": raw("title=X\nauthor Ann\n~~~~~~\n\nBody.\n")},
			want:  []string{`content/x.md:2: header line "author Ann" is not key=value`},
		},
		{
			name:  "header line without a key",
			files: fstest.MapFS{"x.md": raw("title=X\n = value\n~~~~~~\n\nBody.\n")},
			want:  []string{`content/x.md:2: header line " = value" has no key before '='`},
		},
		{
			name:  "missing title",
			files: fstest.MapFS{"x.md": raw("date=2020-01-01\n~~~~~~\n\nBody.\n")},
			want:  []string{"content/x.md:1: header has no title"},
		},
		{
			name:  "empty title",
			files: fstest.MapFS{"x.md": raw("date=2020-01-01\ntitle=   \n~~~~~~\n\nBody.\n")},
			want:  []string{"content/x.md:2: title is empty"},
		},
		{
			name:  "bad date",
			files: fstest.MapFS{"x.md": raw("title=X\ndate=2020-13-01\n~~~~~~\n\nBody.\n")},
			want:  []string{`content/x.md:2: bad date "2020-13-01": want YYYY-MM-DD`},
		},
		{
			name:  "bad date format",
			files: fstest.MapFS{"x.md": raw("title=X\ndate=20 Feb 2023\n~~~~~~\n\nBody.\n")},
			want:  []string{`content/x.md:2: bad date "20 Feb 2023": want YYYY-MM-DD`},
		},
		{
			name:  "bad status",
			files: fstest.MapFS{"x.md": raw("title=X\ndate=2020-01-01\nstatus=live\n~~~~~~\n\nBody.\n")},
			want:  []string{`content/x.md:3: bad status "live": want published or draft`},
		},
		{
			name:  "duplicate header key",
			files: fstest.MapFS{"x.md": raw("title=X\ntags=a\ndescription=d\ntags=b\n~~~~~~\n\nBody.\n")},
			want:  []string{`content/x.md:4: header key "tags" repeats line 2`},
		},
		{
			name: "a file and a folder's index with one path",
			files: fstest.MapFS{
				"events/booth.md":       file("Booth", "One.\n"),
				"events/booth/index.md": file("Booth", "Two.\n"),
			},
			want: []string{`content/events/booth/index.md:1: slug "events/booth" is also the slug of content/events/booth.md`},
		},
		{
			name: "same slug as a file with errors",
			files: fstest.MapFS{
				"x.md":       raw("title=X\nno separator\n"),
				"x/index.md": file("X", "Fine.\n"),
			},
			want: []string{
				"content/x.md:2: no ~~~~~~ line ends the header",
				`content/x/index.md:1: slug "x" is also the slug of content/x.md`,
			},
		},
		{
			name: "same slug as a draft",
			files: fstest.MapFS{
				"x.markdown": raw("title=X\nstatus=draft\n~~~~~~\n\nDraft.\n"),
				"x.md":       file("X", "Fine.\n"),
			},
			want: []string{`content/x.md:1: slug "x" is also the slug of content/x.markdown`},
		},
		{
			name:  "empty slug",
			files: fstest.MapFS{".md": file("X", "Body.\n")},
			want:  []string{"content/.md:1: file name gives an empty slug"},
		},
		{
			name:  "invalid UTF-8 in the body",
			files: fstest.MapFS{"x.md": raw("title=X\n~~~~~~\n\nGood line.\nBad \xff byte.\n")},
			want:  []string{"content/x.md:5: file is not valid UTF-8"},
		},
		{
			name:  "invalid UTF-8 in the header",
			files: fstest.MapFS{"x.md": raw("title=\xc3(\n~~~~~~\n\nBody.\n")},
			want:  []string{"content/x.md:1: file is not valid UTF-8"},
		},
		{
			name:  "truncated UTF-8 at the end",
			files: fstest.MapFS{"x.md": raw("title=X\n~~~~~~\n\nBody \xe2\x82")},
			want:  []string{"content/x.md:4: file is not valid UTF-8"},
		},
		{
			name:  "empty body",
			files: fstest.MapFS{"x.md": raw("title=X\n~~~~~~\n\n  \n\t\n")},
			want:  []string{"content/x.md:2: body is empty"},
		},
		{
			name:  "no body at all",
			files: fstest.MapFS{"x.md": raw("title=X\n~~~~~~")},
			want:  []string{"content/x.md:2: body is empty"},
		},
		{
			name:  "several errors in one file",
			files: fstest.MapFS{"x.md": raw("date=yesterday\nstatus=gone\nstatus=draft\noops\n~~~~~~\n")},
			want: []string{
				"content/x.md:1: bad date \"yesterday\": want YYYY-MM-DD",
				"content/x.md:1: header has no title",
				"content/x.md:2: bad status \"gone\": want published or draft",
				"content/x.md:3: header key \"status\" repeats line 2",
				"content/x.md:4: header line \"oops\" is not key=value",
				"content/x.md:5: body is empty",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rep, err := Compile(tt.files, Options{Dir: "content"})
			if c != nil {
				t.Errorf("corpus is not nil despite errors")
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if got := errorStrings(t, err); !slices.Equal(got, tt.want) {
				t.Errorf("errors:\ngot  %q\nwant %q", got, tt.want)
			}
			if got := strs(rep.Errors); !slices.Equal(got, tt.want) {
				t.Errorf("Report.Errors = %q, want %q", got, tt.want)
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("Error() = %q, want %q", got, want)
			}
		})
	}
}

// TestAllErrors checks that every error of every file is reported at once,
// sorted by file and line, beside the good files.
func TestAllErrors(t *testing.T) {
	files := fstest.MapFS{
		"zeta.md":       raw("title=Z\ndate=never\n~~~~~~\n\nBody.\n"),
		"alpha.md":      raw("title=A\nstatus=maybe\nstatus=draft\n~~~~~~\n\nBody.\n"),
		"good.md":       file("Good", "*Code*\n\n***Problem***: see [Gone](gone.html).\n"),
		"mid.md":        raw("title=M\nno separator here\n"),
		"sub/utf8.md":   raw("title=U\n~~~~~~\n\n\xfe\n"),
		"sub/empty.md":  raw("title=E\n~~~~~~\n"),
		"good/index.md": file("Good twice", "Body.\n"),
	}
	want := []string{
		`content/alpha.md:2: bad status "maybe": want published or draft`,
		`content/alpha.md:3: header key "status" repeats line 2`,
		`content/good/index.md:1: slug "good" is also the slug of content/good.md`,
		`content/mid.md:2: no ~~~~~~ line ends the header`,
		`content/sub/empty.md:2: body is empty`,
		`content/sub/utf8.md:4: file is not valid UTF-8`,
		`content/zeta.md:2: bad date "never": want YYYY-MM-DD`,
	}
	c, rep, err := Compile(files, Options{Dir: "content"})
	if c != nil {
		t.Errorf("corpus is not nil despite errors")
	}
	if got := errorStrings(t, err); !slices.Equal(got, want) {
		t.Errorf("errors:\ngot  %q\nwant %q", got, want)
	}
	if got, want := strs(rep.Warnings), []string{`content/good.md:6: link to missing pattern "gone" (shown as not yet written)`}; !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q (good files are still checked)", got, want)
	}
	if got, want := rep.Patterns, 1; got != want {
		t.Errorf("Report.Patterns = %d, want %d", got, want)
	}
}

// TestReadError checks that a folder that cannot be read is a plain
// error, not a panic.
func TestReadError(t *testing.T) {
	_, _, err := Compile(fstest.MapFS{"x.md": &fstest.MapFile{Data: []byte("title=X\n~~~~~~\nB")}}, Options{Dir: "content"})
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	_, _, err = Compile(brokenFS{}, Options{Dir: "content"})
	if err == nil || !strings.HasPrefix(err.Error(), "read content: ") {
		t.Errorf("error = %v, want a read content error", err)
	}
}

// brokenFS is a folder that cannot be opened.
type brokenFS struct{}

func (brokenFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

func TestNilFolder(t *testing.T) {
	if _, _, err := Compile(nil, Options{}); err == nil {
		t.Errorf("Compile(nil) succeeded, want an error")
	}
}

// TestPanicBecomesError checks that a panic while compiling one file, a
// bug some input triggers, is reported as an error on that file and does
// not stop the others.
func TestPanicBecomesError(t *testing.T) {
	c := &compilation{}
	done := make([]bool, 5)
	c.each(len(done), func(_ *worker, i int) {
		if i == 3 {
			panic("boom")
		}
		done[i] = true
	})
	c.collectPanics(func(i int) string { return fmt.Sprintf("content/%d.md", i) })
	if got, want := strs(c.report.Errors), []string{"content/3.md:1: cannot compile this file: internal error: boom"}; !slices.Equal(got, want) {
		t.Errorf("errors = %q, want %q", got, want)
	}
	if want := []bool{true, true, true, false, true}; !slices.Equal(done, want) {
		t.Errorf("done = %v, want %v", done, want)
	}
}
