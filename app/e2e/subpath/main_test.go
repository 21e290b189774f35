//go:build !wasm

package subpath

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/card"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/site"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds content/ and web/.
const repoRoot = "../../.."

// publicAddress is where the site under test is published.
const publicAddress = "https://example.org/explorer"

// theCorpus is content/ compiled for publicAddress, its routes registered
// by TestMain.
var theCorpus *corpus.Corpus

func TestMain(m *testing.M) {
	s, err := corpus.ParseSite(publicAddress)
	if err == nil {
		theCorpus, _, err = artifact.CompileFor(filepath.Join(repoRoot, artifact.DefaultContent), s)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "subpath: compile content:", err)
		os.Exit(1)
	}
	ui.Register(theCorpus)
	code := m.Run()
	if built.root != "" {
		os.RemoveAll(filepath.Dir(built.root))
	}
	os.Exit(code)
}

// built is the site's root, made once for the package's tests.
var built struct {
	once sync.Once
	root string
	err  error
}

// siteRoot returns a folder that holds a web/ for the site under test: the
// repository's stylesheets, icons and screenshots, the share cards of its
// corpus and an app built with its corpus (go build, for the browser, with
// the artifact given through an overlay as build.go gives it). It skips
// when the repository's own app is not built.
func siteRoot(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm")); err != nil {
		t.Skipf("web/app.wasm not built (run go run build.go build): %v", err)
	}
	built.once.Do(func() { built.root, built.err = makeRoot() })
	if built.err != nil {
		t.Fatalf("site root: %v", built.err)
	}
	return built.root
}

func makeRoot() (string, error) {
	tmp, err := os.MkdirTemp("", "explorer-subpath-")
	if err != nil {
		return "", err
	}
	root := filepath.Join(tmp, "root")
	web := filepath.Join(repoRoot, "web")
	err = filepath.WalkDir(web, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(web, p)
		switch {
		case e.IsDir() && (rel == "cards" || strings.HasPrefix(e.Name(), ".")):
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
	if _, err := card.Write(theCorpus, root); err != nil {
		return "", err
	}
	ov, err := artifact.WriteOverlay(repoRoot, tmp, corpus.Encode(theCorpus))
	if err != nil {
		return "", err
	}
	wasm, err := filepath.Abs(filepath.Join(root, "web", "app.wasm"))
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-overlay", ov, "-o", wasm, "./app/cmd/explorer")
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build the app for %s: %v\n%s", publicAddress, err, out)
	}
	return root, nil
}

// exported writes the static site of the corpus and serves it with
// http.FileServer under its prefix, as a static host does: nothing is
// served outside /explorer/.
func exported(t *testing.T) (srv *httptest.Server, out string) {
	t.Helper()
	root := siteRoot(t)
	out = filepath.Join(t.TempDir(), "dist")
	if err := site.Export(theCorpus, root, out); err != nil {
		t.Fatalf("export: %v", err)
	}
	mux := http.NewServeMux()
	prefix := theCorpus.Site.Prefix
	mux.Handle(prefix+"/", http.StripPrefix(prefix, http.FileServer(http.Dir(out))))
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, out
}
