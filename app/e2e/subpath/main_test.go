//go:build !wasm

package subpath

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/site"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds content/ and web/.
const repoRoot = "../../.."

// publicAddress is where the site under test is published.
const publicAddress = "https://example.org/explorer"

// theCorpus is content/ compiled for publicAddress, its routes registered
// by TestMain; theImages are its images.
var (
	theCorpus *corpus.Corpus
	theImages []compiler.Image
)

func TestMain(m *testing.M) {
	s, err := corpus.ParseSite(publicAddress)
	if err == nil {
		var rep compiler.Report
		theCorpus, rep, err = artifact.CompileFor(filepath.Join(repoRoot, artifact.DefaultContent), s)
		theImages = rep.Images
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

// siteRoot returns a folder that holds a web/ for the site under test,
// with an app built for it (browsertest.BuildRoot). It skips when the
// repository's own app is not built.
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
	return browsertest.BuildRoot(repoRoot, tmp, theCorpus, theImages)
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
