package compiler

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/synth"
)

// file returns a content file with a title header and the given body.
func file(title, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("title=" + title + "\n~~~~~~\n\n" + body)}
}

// raw returns a content file of exactly the given text.
func raw(text string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(text)} }

// mustCompile compiles fsys as the folder "content" and fails the test on
// an error.
func mustCompile(t *testing.T, fsys fstest.MapFS, opts Options) (*corpus.Corpus, Report) {
	t.Helper()
	if opts.Dir == "" {
		opts.Dir = "content"
	}
	c, rep, err := Compile(fsys, opts)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return c, rep
}

// compileOne compiles one file, p.md, with the given body and returns its
// document and the report.
func compileOne(t *testing.T, body string) (corpus.Doc, Report) {
	t.Helper()
	c, rep := mustCompile(t, fstest.MapFS{"p.md": file("P", body)}, Options{})
	if len(c.Docs) != 1 {
		t.Fatalf("docs = %d, want 1", len(c.Docs))
	}
	return c.Docs[0], rep
}

// doc returns the document with the given slug.
func doc(t *testing.T, c *corpus.Corpus, slug string) *corpus.Doc {
	t.Helper()
	i := c.Lookup(slug)
	if i < 0 {
		t.Fatalf("no document %q", slug)
	}
	return &c.Docs[i]
}

// strs formats diagnostics as "file:line: message".
func strs(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// errorStrings returns the diagnostics of an ErrorList error.
func errorStrings(t *testing.T, err error) []string {
	t.Helper()
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not an ErrorList", err, err)
	}
	return strs(list)
}

// synthFS is synth.Files(n, seed) as a folder to compile.
func synthFS(n int, seed uint64) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range synth.Files(n, seed) {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}
