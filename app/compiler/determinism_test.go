package compiler

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/layout"
	"github.com/devrel-patterns/explorer/app/search"
)

// buildOptions are the options build.go compiles with.
func buildOptions() Options {
	return Options{Dir: "content", Layout: layout.Func(layout.Options{}), Vocabulary: search.Vocabulary}
}

// folders are the inputs of the determinism and round-trip tests.
func folders() []struct {
	name string
	fsys fs.FS
} {
	return []struct {
		name string
		fsys fs.FS
	}{
		{name: "our content", fsys: os.DirFS("../../content")},
		{name: "synthetic 400", fsys: synthFS(400, 11)},
		{name: "one page", fsys: fstest.MapFS{"p.md": file("P", "Text.\n")}},
		{name: "empty folder", fsys: fstest.MapFS{}},
		{name: "broken links and drafts", fsys: fstest.MapFS{
			"a.md": raw("title=A\ntags=x\nkey=v\n~~~~~~\n\n*Code*\n\n***Also Known As***: B\n\n***Problem***: [gone](gone.html) [d](d.html)\n\n***Variants***:\n\n* **V**: v.\n"),
			"d.md": raw("title=D\nstatus=draft\n~~~~~~\n\nDraft.\n"),
		}},
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range folders() {
		t.Run(f.name, func(t *testing.T) {
			c1, rep1, err := Compile(f.fsys, buildOptions())
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			c2, rep2, err := Compile(f.fsys, buildOptions())
			if err != nil {
				t.Fatalf("compile again: %v", err)
			}
			if !bytes.Equal(corpus.Encode(c1), corpus.Encode(c2)) {
				t.Errorf("two compilations encode differently")
			}
			if c1.Version == "" || c1.Version != c2.Version {
				t.Errorf("versions %q and %q, want equal and set", c1.Version, c2.Version)
			}
			if !reflect.DeepEqual(rep1, rep2) {
				t.Errorf("reports differ:\n%+v\n%+v", rep1, rep2)
			}
		})
	}
}

func TestCodecRoundTrip(t *testing.T) {
	for _, f := range folders() {
		t.Run(f.name, func(t *testing.T) {
			c, _, err := Compile(f.fsys, buildOptions())
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			enc := corpus.Encode(c)
			got, err := corpus.Decode(enc)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if !reflect.DeepEqual(got, c) {
				t.Errorf("Decode(Encode(c)) differs from c")
				for i := range min(len(got.Docs), len(c.Docs)) {
					if !reflect.DeepEqual(got.Docs[i], c.Docs[i]) {
						t.Errorf("first differing doc:\ngot  %#v\nwant %#v", got.Docs[i], c.Docs[i])
						break
					}
				}
			}
			// A corrupt artifact is refused, never a panic.
			for _, n := range []int{0, 1, 3, 4, len(enc) / 3, len(enc) / 2, len(enc) - 1} {
				if n >= len(enc) {
					continue
				}
				if _, err := corpus.Decode(enc[:n]); err == nil {
					t.Errorf("Decode of the first %d of %d bytes succeeded, want an error", n, len(enc))
				}
			}
		})
	}
}

// TestVersionFollowsContent checks that the version changes with the
// content and only with it.
func TestVersionFollowsContent(t *testing.T) {
	v := func(body string) string {
		c, _ := mustCompile(t, fstest.MapFS{"p.md": file("P", body)}, Options{})
		return c.Version
	}
	if v("One.") != v("One.") {
		t.Errorf("same content, different versions")
	}
	if v("One.") == v("Two.") {
		t.Errorf("different content, same version")
	}
}

// TestParallelDeterministic compiles with 1 to 7 goroutines: the corpus
// and the report must not depend on how the files were shared out.
func TestParallelDeterministic(t *testing.T) {
	fsys := synthFS(300, 5)
	fsys["broken.md"] = file("Broken", "*Code*\n\n***Problem***: [a](gone.html) [b](lost.html)\n\n***Variants***:\n\n* nameless\n")
	fsys["bad.md"] = raw("title=Bad\ndate=never\n~~~~~~\n\nBody.\n")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var wantErr string
	var wantRep Report
	for _, procs := range []int{1, 2, 3, 7} {
		runtime.GOMAXPROCS(procs)
		_, rep, err := Compile(fsys, buildOptions())
		if err == nil {
			t.Fatalf("GOMAXPROCS=%d: no error for bad.md", procs)
		}
		if procs == 1 {
			wantErr, wantRep = err.Error(), rep
			continue
		}
		if err.Error() != wantErr || !reflect.DeepEqual(rep, wantRep) {
			t.Errorf("GOMAXPROCS=%d: report differs from GOMAXPROCS=1", procs)
		}
	}
	delete(fsys, "bad.md")
	var want []byte
	for _, procs := range []int{1, 2, 3, 7} {
		runtime.GOMAXPROCS(procs)
		c, _, err := Compile(fsys, buildOptions())
		if err != nil {
			t.Fatalf("GOMAXPROCS=%d: %v", procs, err)
		}
		got := corpus.Encode(c)
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("GOMAXPROCS=%d: corpus differs from GOMAXPROCS=1", procs)
		}
	}
}
