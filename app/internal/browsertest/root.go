//go:build !wasm

package browsertest

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/card"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
)

// BuildRoot makes, in a new folder under tmp, what a build makes for a
// corpus other than the embedded one: a folder holding web/ with the
// repository's stylesheets, icons and screenshots, the corpus's images
// and share cards, and the app built for the browser with the corpus
// (go build, the artifact given through an overlay as build.go gives it).
// repo is the repository's root. It returns the folder.
func BuildRoot(repo, tmp string, c *corpus.Corpus, images []compiler.Image) (string, error) {
	root := filepath.Join(tmp, "root")
	web := filepath.Join(repo, "web")
	err := filepath.WalkDir(web, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(web, p)
		switch {
		case e.IsDir() && (rel == "cards" || rel == "media" || strings.HasPrefix(e.Name(), ".")):
			return fs.SkipDir
		case e.IsDir() || !e.Type().IsRegular() || strings.HasPrefix(rel, "app.wasm"):
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(root, "web", rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return "", err
	}
	if _, err := artifact.WriteImages(root, images); err != nil {
		return "", err
	}
	if _, err := card.Write(c, root); err != nil {
		return "", err
	}
	ov, err := artifact.WriteOverlay(repo, tmp, corpus.Encode(c))
	if err != nil {
		return "", err
	}
	wasm, err := filepath.Abs(filepath.Join(root, "web", "app.wasm"))
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-overlay", ov, "-o", wasm, "./app/cmd/explorer")
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build the app for %s: %v\n%s", c.Site.Name, err, out)
	}
	return root, nil
}
