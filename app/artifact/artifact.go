//go:build !wasm

// Package artifact makes the one compact corpus that the app embeds: it
// compiles a content folder with the build-time layout and the search
// vocabulary, and knows where the committed artifact of content/ lives and
// how a build for another folder stands in for it without touching it.
//
// The artifact of the repository's own content/ is committed (as generated
// code is), so that plain go build, go vet and go test work in any clone;
// a test fails when it no longer matches content/. A build for any other
// folder writes its artifact elsewhere and hands it to the go tool through
// an overlay, so the committed file never changes under it.
package artifact

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/layout"
	"github.com/devrel-patterns/explorer/app/search"
)

// Path is the committed artifact, relative to the repository root; the
// package app/embedded embeds it.
const Path = "app/embedded/corpus.bin"

// DefaultContent is the content folder whose artifact is committed at Path.
const DefaultContent = "content"

// Compile compiles a content folder as every build does: with the
// build-time layout and the search vocabulary, for a site at the root of
// whatever host serves it. A folder that is missing, or is not a folder,
// is an error that names it.
func Compile(dir string) (*corpus.Corpus, compiler.Report, error) {
	return CompileFor(dir, corpus.Site{})
}

// CompileFor is Compile for a site published at a known address, under a
// prefix or with a name of its own (build.go's -site and -title).
func CompileFor(dir string, site corpus.Site) (*corpus.Corpus, compiler.Report, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, compiler.Report{}, fmt.Errorf("content folder %s does not exist", dir)
	case err != nil:
		return nil, compiler.Report{}, fmt.Errorf("content folder %s: %w", dir, err)
	case !st.IsDir():
		return nil, compiler.Report{}, fmt.Errorf("content folder %s is not a folder", dir)
	}
	return compiler.Compile(os.DirFS(dir), compiler.Options{
		Dir:        filepath.ToSlash(filepath.Clean(dir)),
		Layout:     layout.Func(layout.Options{}),
		Vocabulary: search.Vocabulary,
		Site:       site,
	})
}

// IsDefault reports whether dir, relative to the repository root repo, is
// the folder whose artifact is committed.
func IsDefault(repo, dir string) bool {
	a, err1 := filepath.Abs(filepath.Join(repo, DefaultContent))
	b, err2 := filepath.Abs(dir)
	return err1 == nil && err2 == nil && a == b
}

// WriteOverlay writes data as the artifact of a build in folder work and
// returns the overlay file to give the go tool (-overlay) so that it reads
// that artifact in place of the committed one under repo.
func WriteOverlay(repo, work string, data []byte) (string, error) {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return "", fmt.Errorf("artifact overlay: %w", err)
	}
	bin := filepath.Join(work, "corpus.bin")
	if err := WriteIfChanged(bin, data); err != nil {
		return "", err
	}
	committed, err := filepath.Abs(filepath.Join(repo, filepath.FromSlash(Path)))
	if err != nil {
		return "", fmt.Errorf("artifact overlay: %w", err)
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		return "", fmt.Errorf("artifact overlay: %w", err)
	}
	ov, err := json.Marshal(map[string]map[string]string{"Replace": {committed: abs}})
	if err != nil {
		return "", fmt.Errorf("artifact overlay: %w", err)
	}
	name := filepath.Join(work, "overlay.json")
	if err := WriteIfChanged(name, ov); err != nil {
		return "", err
	}
	return name, nil
}

// WriteIfChanged writes a file unless it already holds those bytes, so an
// unchanged input leaves its modification time, and what depends on it,
// alone.
func WriteIfChanged(name string, data []byte) error {
	if old, err := os.ReadFile(name); err == nil && string(old) == string(data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-"+filepath.Base(name)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// MediaDir is the folder of the content's images under the folder that
// holds web/; every file in it is written by WriteImages.
const MediaDir = "web/media"

// WriteImages writes the content's images of a build under root (the
// folder that holds web/), each named by its hash, so one already there is
// left as it is; images no longer in the content are removed. It returns
// how many it wrote.
func WriteImages(root string, imgs []compiler.Image) (int, error) {
	dir := filepath.Join(root, filepath.FromSlash(MediaDir))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("images: %w", err)
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return 0, fmt.Errorf("images: %w", err)
	}
	defer r.Close()
	keep := map[string]bool{}
	written := 0
	for _, im := range imgs {
		name := path.Base(im.Path)
		keep[name] = true
		if st, err := r.Stat(name); err == nil && st.Size() == int64(len(im.Data)) {
			continue
		}
		if err := r.WriteFile(name, im.Data, 0o644); err != nil {
			return 0, fmt.Errorf("images: %w", err)
		}
		written++
	}
	entries, err := fs.ReadDir(r.FS(), ".")
	if err != nil {
		return 0, fmt.Errorf("images: %w", err)
	}
	for _, e := range entries {
		if !keep[e.Name()] && e.Type().IsRegular() {
			if err := r.Remove(e.Name()); err != nil {
				return 0, fmt.Errorf("images: %w", err)
			}
		}
	}
	return written, nil
}
