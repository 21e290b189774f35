package synth

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/compiler"
)

func TestFilesCompile(t *testing.T) {
	tests := []struct {
		name string
		n    int
		seed uint64
	}{
		{name: "empty", n: 0, seed: 1},
		{name: "one", n: 1, seed: 1},
		{name: "small", n: 40, seed: 7},
		{name: "medium", n: 500, seed: 42},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mapFS(Files(tt.n, tt.seed))
			if got, want := len(fsys), tt.n+1; got != want {
				t.Fatalf("files = %d, want %d", got, want)
			}
			c, rep, err := compiler.Compile(fsys, compiler.Options{Dir: "synth"})
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			if got := len(rep.Errors); got != 0 {
				t.Errorf("errors = %d, want 0", got)
			}
			if got := len(rep.Broken); got != 0 {
				t.Errorf("broken links = %d, want 0: %v", got, rep.Broken)
			}
			for _, w := range rep.Warnings {
				t.Errorf("warning: %s", w)
			}
			if got, want := rep.Patterns, tt.n; got != want {
				t.Errorf("patterns = %d, want %d", got, want)
			}
			if got, want := rep.Pages, 1; got != want {
				t.Errorf("pages = %d, want %d", got, want)
			}
			if tt.n < 40 {
				return
			}
			links := 0
			variants := 0
			for _, i := range c.Patterns() {
				d := &c.Docs[i]
				links += len(d.Links)
				if len(d.Variants) > 0 {
					variants++
				}
				for _, v := range d.Variants {
					if len(v.Names) == 0 {
						t.Errorf("%s: variant without a name", d.Slug)
					}
				}
				if got := len(d.Blocks); got == 0 {
					t.Errorf("%s: no building blocks", d.Slug)
				}
				words := len(strings.Fields(d.SummaryText))
				for _, s := range d.Sections {
					words += len(strings.Fields(s.Text))
				}
				if words < 120 || words > 360 {
					t.Errorf("%s: %d words, want about 150 to 300", d.Slug, words)
				}
			}
			if got := float64(links) / float64(rep.Patterns); got < 4.5 || got > 5.5 {
				t.Errorf("links per pattern = %.2f, want about %d", got, LinksPerPattern)
			}
			if got := float64(variants) / float64(rep.Patterns); got < 0.2 || got > 0.45 {
				t.Errorf("share with variants = %.2f, want about 1/3", got)
			}
		})
	}
}

func TestFilesDeterministic(t *testing.T) {
	a, b := Files(300, 5), Files(300, 5)
	if len(a) != len(b) {
		t.Fatalf("files = %d and %d", len(a), len(b))
	}
	for name, f := range a {
		g, ok := b[name]
		if !ok || !bytes.Equal(f, g) {
			t.Fatalf("%s differs between two runs with the same seed", name)
		}
	}
	other := Files(300, 6)
	same := 0
	for name := range a {
		if _, ok := other[name]; ok {
			same++
		}
	}
	if same > 30 {
		t.Errorf("seeds 5 and 6 share %d of 300 file names, want few", same)
	}
}

func TestVariantStyles(t *testing.T) {
	fsys := Files(300, 3)
	styles := []struct {
		name, marker string
	}{
		{name: "several names", marker: ".** **"},
		{name: "full stop after", marker: "**. "},
		{name: "colon after", marker: "**: "},
		{name: "indented continuation", marker: "\n\n    "},
	}
	for _, s := range styles {
		t.Run(s.name, func(t *testing.T) {
			for _, f := range fsys {
				if _, v, ok := strings.Cut(string(f), "***Variants***"); ok && strings.Contains(v, s.marker) {
					return
				}
			}
			t.Errorf("no Variants section holds %q", s.marker)
		})
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 60, 9); err != nil {
		t.Fatalf("write: %v", err)
	}
	fsys := Files(60, 9)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(entries), len(fsys); got != want {
		t.Fatalf("files written = %d, want %d", got, want)
	}
	for _, e := range entries {
		got, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if want := fsys[e.Name()]; want == nil || !bytes.Equal(got, want) {
			t.Errorf("%s: written bytes differ from Files", e.Name())
		}
	}
	if _, _, err := compiler.Compile(os.DirFS(dir), compiler.Options{Dir: "synth"}); err != nil {
		t.Errorf("compile written folder: %v", err)
	}
}

// mapFS is a folder of generated files, to compile.
func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}
