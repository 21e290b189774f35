//go:build !wasm

package browsertest

import (
	"fmt"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/card"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/site"
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

// Serve builds a root for a corpus (BuildRoot, in the test's temporary
// folder) and serves it with the real server (site.New) until the test
// ends. The app's routes must be registered for c (ui.Register) first.
func Serve(t testing.TB, repo string, c *corpus.Corpus, images []compiler.Image) *httptest.Server {
	t.Helper()
	BuiltApp(t, repo)
	root, err := BuildRoot(repo, t.TempDir(), c, images)
	if err != nil {
		t.Fatal(err)
	}
	h, err := site.New(c, root, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}
