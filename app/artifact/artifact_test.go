//go:build !wasm

package artifact

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// TestCommittedArtifactIsCurrent fails when app/embedded/corpus.bin no
// longer is what content/ compiles to: run `go run build.go build` and
// commit the file with the content change.
func TestCommittedArtifactIsCurrent(t *testing.T) {
	repo := filepath.Join("..", "..")
	c, _, err := Compile(filepath.Join(repo, DefaultContent))
	if err != nil {
		t.Fatalf("compile %s: %v", DefaultContent, err)
	}
	committed, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(Path)))
	if err != nil {
		t.Fatalf("read the committed artifact: %v", err)
	}
	if want := corpus.Encode(c); !bytes.Equal(committed, want) {
		t.Fatalf("%s is stale (%d bytes, content/ compiles to %d): run `go run build.go build` and commit it", Path, len(committed), len(want))
	}
}

func TestIsDefault(t *testing.T) {
	repo := t.TempDir()
	for _, tc := range []struct {
		name string
		dir  string
		want bool
	}{
		{"the content folder", filepath.Join(repo, "content"), true},
		{"with a trailing slash", filepath.Join(repo, "content") + "/", true},
		{"through a dot", filepath.Join(repo, ".", "content", "."), true},
		{"another folder", filepath.Join(repo, "testdata"), false},
		{"a folder inside it", filepath.Join(repo, "content", "x"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsDefault(repo, tc.dir); got != tc.want {
				t.Errorf("IsDefault(%q) = %v, want %v", tc.dir, got, tc.want)
			}
		})
	}
}

func TestWriteOverlayLeavesTheCommittedArtifact(t *testing.T) {
	repo, work := t.TempDir(), t.TempDir()
	committed := filepath.Join(repo, filepath.FromSlash(Path))
	if err := os.MkdirAll(filepath.Dir(committed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(committed, []byte("committed"), 0o644); err != nil {
		t.Fatal(err)
	}
	ov, err := WriteOverlay(repo, work, []byte("other"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(committed); string(b) != "committed" {
		t.Errorf("the committed artifact changed to %q", b)
	}
	b, err := os.ReadFile(ov)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"Replace"`)) || !bytes.Contains(b, []byte(filepath.Join(work, "corpus.bin"))) {
		t.Errorf("overlay = %s, want a Replace of the committed artifact by the work copy", b)
	}
	if got, _ := os.ReadFile(filepath.Join(work, "corpus.bin")); string(got) != "other" {
		t.Errorf("work artifact = %q, want other", got)
	}
}

func TestWriteIfChangedKeepsModTime(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	if err := WriteIfChanged(name, []byte("a")); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(name)
	old := before.ModTime().Add(-1e9 * 3600)
	if err := os.Chtimes(name, old, old); err != nil {
		t.Fatal(err)
	}
	if err := WriteIfChanged(name, []byte("a")); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(name); !after.ModTime().Equal(old) {
		t.Errorf("same bytes rewrote the file (mtime %v, want %v)", after.ModTime(), old)
	}
	if err := WriteIfChanged(name, []byte("b")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); string(b) != "b" {
		t.Errorf("content = %q, want b", b)
	}
}

// TestCompileNamesTheFolder checks that a folder that is missing or is a
// file is an error naming it, not the compiler's "stat .".
func TestCompileNamesTheFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, dir, want string }{
		{"missing", filepath.Join(t.TempDir(), "nowhere"), "does not exist"},
		{"a file", file, "is not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Compile(tc.dir)
			if err == nil || !strings.Contains(err.Error(), tc.dir) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Compile(%s) = %v, want an error naming it and saying %q", tc.dir, err, tc.want)
			}
		})
	}
}
