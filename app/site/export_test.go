//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/andybalholm/brotli"
	"golang.org/x/net/html"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/embedded"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds web/, built by `go run build.go` before the tests run.
const repoRoot = "../.."

var register sync.Once

// builtCorpus returns the embedded corpus with the app's routes registered,
// or skips when the app has not been built.
func builtCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm")); err != nil {
		t.Skipf("web/app.wasm not built (run go run build.go build): %v", err)
	}
	c, err := embedded.Load()
	if err != nil {
		t.Fatal(err)
	}
	register.Do(func() { ui.Register(c) })
	return c
}

// TestExportServedByPlainFileServer writes the static site and serves it
// with http.FileServer under the corpus's prefix (the embedded corpus's is
// the root; app/e2e/subpath exports one under /explorer): every route must
// answer 200 with its title in the HTML.
func TestExportServedByPlainFileServer(t *testing.T) {
	c := builtCorpus(t)
	for _, base := range []string{c.Site.Path(corpus.HomePath)} {
		t.Run(base, func(t *testing.T) {
			out := t.TempDir()
			if err := Export(c, repoRoot, out); err != nil {
				t.Fatalf("export: %v", err)
			}
			prefix := strings.TrimSuffix(base, "/")
			var h http.Handler = http.FileServer(http.Dir(out))
			if prefix != "" {
				h = http.StripPrefix(prefix, h)
			}
			srv := httptest.NewServer(h)
			defer srv.Close()
			get := func(p string) (int, string) {
				t.Helper()
				res, err := http.Get(srv.URL + prefix + p)
				if err != nil {
					t.Fatalf("GET %s: %v", p, err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				return res.StatusCode, string(b)
			}
			textLinks := 0
			for i := range c.Docs {
				d := &c.Docs[i]
				status, body := get(d.Path())
				if status != http.StatusOK || !strings.Contains(body, "<h1") || !strings.Contains(body, ">"+htmlText(d.Title)+"</h1>") {
					t.Errorf("GET %s%s: status %d, title in HTML: %v", prefix, d.Path(), status, strings.Contains(body, htmlText(d.Title)))
				}
				// Every link in the text reaches a page of the export.
				for _, href := range textLinkHrefs(t, body) {
					textLinks++
					p, ok := strings.CutPrefix(href, prefix+"/")
					if !ok {
						t.Errorf("%s: in-text link %q is not under %s/", d.Path(), href, prefix)
						continue
					}
					if status, _ := get("/" + p); status != http.StatusOK {
						t.Errorf("%s: in-text link %q answers %d", d.Path(), href, status)
					}
				}
			}
			if textLinks < len(c.Docs) {
				t.Errorf("found %d in-text links in %d pages; the check needs the corpus's links", textLinks, len(c.Docs))
			}
			for _, p := range []string{"/", "/graph", "/search", "/web/app.wasm", "/app.js", "/app-worker.js", "/manifest.webmanifest"} {
				if status, _ := get(p); status != http.StatusOK {
					t.Errorf("GET %s%s: status %d, want 200", prefix, p, status)
				}
			}
			status, body := get("/booth.html")
			if want := `url=` + prefix + `/patterns/booth"`; status != http.StatusOK || !strings.Contains(body, want) {
				t.Errorf("GET %s/booth.html: status %d, want a page forwarding with %q", prefix, status, want)
			}
			nf, err := os.ReadFile(filepath.Join(out, "404.html"))
			if err != nil || !strings.Contains(string(nf), "Not found") {
				t.Errorf("404.html: %v, has the not-found view: %v", err, strings.Contains(string(nf), "Not found"))
			}
			if prefix != "" {
				_, home := get("/")
				if !strings.Contains(home, `src="`+prefix+`/app.js"`) {
					t.Errorf("home under %s does not load %s/app.js", prefix, prefix)
				}
			}
		})
	}
}

// textLinkHrefs returns the targets of the working links in the text of a
// prerendered page: the anchors inside its section bodies, broken ones
// ("not yet written") and other sites left out.
func textLinkHrefs(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	has := func(n *html.Node, key, word string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val, word == "" || slices.Contains(strings.Fields(a.Val), word)
			}
		}
		return "", false
	}
	var hrefs []string
	var walk func(n *html.Node, inText bool)
	walk = func(n *html.Node, inText bool) {
		if n.Type == html.ElementNode {
			if _, ok := has(n, "class", "section-body"); ok {
				inText = true
			}
			if href, ok := has(n, "href", ""); ok && inText && n.Data == "a" && strings.HasPrefix(href, "/") {
				if _, broken := has(n, "class", "broken"); !broken {
					hrefs = append(hrefs, href)
				}
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k, inText)
		}
	}
	walk(doc, false)
	return hrefs
}

// htmlText escapes a title as the prerendered HTML does.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// exportRoot makes a folder that holds a web/ of its own (the repository's
// WASM and stylesheet, and whatever extra files says), and a content
// folder with one file, so that a test may point -out anywhere near them.
func exportRoot(t *testing.T, extra func(web string)) (root, content string) {
	t.Helper()
	root = t.TempDir()
	web := filepath.Join(root, "web")
	content = filepath.Join(root, "content")
	for _, d := range []string{web, content} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"app.wasm", "style.css", "compile-worker.js"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(web, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(content, "booth.md"), []byte("title=Booth\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if extra != nil {
		extra(web)
	}
	return root, content
}

// listing is every name under dir, with the bytes of each file.
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if e.Type().IsRegular() {
			b, err := os.ReadFile(p)
			files[rel] = string(b)
			return err
		}
		files[rel] = e.Type().String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestExportRefuses checks every -out that could delete what the export
// did not write: the export fails, names the folder, and leaves every file
// as it was.
func TestExportRefuses(t *testing.T) {
	c := builtCorpus(t)
	for _, tc := range []struct {
		name string
		out  func(root, content string) string
		want string
	}{
		{"empty", func(root, content string) string { return "" }, "output folder is empty"},
		{"blank", func(root, content string) string { return "  " }, "output folder is empty"},
		{"the content folder", func(root, content string) string { return content }, "content folder"},
		{"inside the content folder", func(root, content string) string { return filepath.Join(content, "dist") }, "content folder"},
		{"the repository", func(root, content string) string { return root }, "folder that holds web/"},
		{"the repository, relative", func(root, content string) string { return filepath.Join(content, "..") }, "folder that holds web/"},
		{"around the repository", func(root, content string) string { return filepath.Dir(root) }, "folder that holds web/"},
		{"inside web", func(root, content string) string { return filepath.Join(root, "web", "dist") }, "lies inside"},
		{"a file", func(root, content string) string {
			name := filepath.Join(root, "notes.txt")
			os.WriteFile(name, []byte("mine"), 0o644)
			return name
		}, "not a folder"},
		{"a folder with an unrelated file", func(root, content string) string {
			dir := filepath.Join(root, "mine")
			os.Mkdir(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "thesis.tex"), []byte("years of work"), 0o644)
			return dir
		}, "was not written by an export"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, content := exportRoot(t, nil)
			out := tc.out(root, content)
			before := listing(t, filepath.Dir(root))
			err := Export(c, root, out, content)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Export(-out %q) = %v, want an error saying %q", out, err, tc.want)
			}
			if strings.TrimSpace(out) != "" && !strings.Contains(err.Error(), out) {
				t.Errorf("error %q does not name the folder %s", err, out)
			}
			if after := listing(t, filepath.Dir(root)); !maps.Equal(before, after) {
				t.Errorf("the refused export changed the files around it")
			}
		})
	}
}

// TestExportReplacesOnlyItsOwn exports twice into the same folder, then
// refuses once a file the export did not write appears in it.
func TestExportReplacesOnlyItsOwn(t *testing.T) {
	c := builtCorpus(t)
	root, content := exportRoot(t, nil)
	out := filepath.Join(root, "dist")
	for i := range 2 {
		if err := Export(c, root, out, content); err != nil {
			t.Fatalf("export %d: %v", i+1, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "patterns", "booth.html")); err != nil {
		t.Fatalf("second export: %v", err)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(root, ".dist.new-*")); len(leftovers) > 0 {
		t.Errorf("temporary folders left beside the export: %v", leftovers)
	}
	stray := filepath.Join(out, "patterns", "notes.txt")
	if err := os.WriteFile(stray, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Export(c, root, out, content)
	if err == nil || !strings.Contains(err.Error(), "patterns/notes.txt") {
		t.Fatalf("export over a stray file = %v, want a refusal naming patterns/notes.txt", err)
	}
	if b, err := os.ReadFile(stray); err != nil || string(b) != "mine" {
		t.Errorf("stray file after the refusal: %q, %v", b, err)
	}
}

// TestExportFailureLeavesOldWhole makes an export fail half-way, on a
// document whose slug would leave the output folder: the folder written
// before is unchanged, nothing is written outside, and no temporary folder
// is left.
func TestExportFailureLeavesOldWhole(t *testing.T) {
	c := builtCorpus(t)
	root, content := exportRoot(t, nil)
	out := filepath.Join(root, "site", "dist")
	if err := Export(c, root, out, content); err != nil {
		t.Fatal(err)
	}
	before := listing(t, root)
	bad := *c
	bad.Docs = append(slices.Clone(c.Docs), corpus.Doc{Slug: "../../../escaped", Kind: corpus.KindPattern, Title: "Escaped"})
	err := Export(&bad, root, out, content)
	if err == nil {
		t.Fatal("export of a slug that leaves the folder succeeded")
	}
	if !strings.Contains(err.Error(), "escaped") {
		t.Errorf("error %q does not name the file it refused", err)
	}
	if after := listing(t, root); !maps.Equal(before, after) {
		for name := range after {
			if _, ok := before[name]; !ok {
				t.Errorf("the failed export left %s", name)
			}
		}
		t.Errorf("the failed export changed the files (error: %v)", err)
	}
}

// TestExportCopiesOnlyRegularFiles puts a symbolic link (to a secret
// outside web/), a dotfile, a dot-folder and a FIFO in web/: the export
// copies none of them, and every regular file.
func TestExportCopiesOnlyRegularFiles(t *testing.T) {
	c := builtCorpus(t)
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("s3cr3t-xyzzy"), 0o600); err != nil {
		t.Fatal(err)
	}
	root, content := exportRoot(t, func(web string) {
		for name, body := range map[string]string{".env": "KEY=1", ".git/config": "[core]", "img/logo.svg": "<svg/>"} {
			os.MkdirAll(filepath.Join(web, filepath.Dir(name)), 0o755)
			os.WriteFile(filepath.Join(web, name), []byte(body), 0o644)
		}
		os.Symlink(secret, filepath.Join(web, "passwd"))
		os.Symlink(filepath.Dir(secret), filepath.Join(web, "linked-dir"))
		if err := syscall.Mkfifo(filepath.Join(web, "fifo"), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	out := filepath.Join(root, "dist")
	if err := Export(c, root, out, content); err != nil {
		t.Fatal(err)
	}
	got := listing(t, filepath.Join(out, "web"))
	for _, name := range []string{".env", ".git", "passwd", "linked-dir", "fifo"} {
		if _, ok := got[name]; ok {
			t.Errorf("export copied web/%s", name)
		}
	}
	for _, name := range []string{"app.wasm", "style.css", "img/logo.svg"} {
		if _, ok := got[name]; !ok {
			t.Errorf("export left out web/%s", name)
		}
	}
	for name, body := range listing(t, out) {
		if strings.Contains(body, "s3cr3t-xyzzy") {
			t.Errorf("%s holds the secret", name)
		}
	}
}

// TestExportCompressedTwins checks that every text file the export
// renders (pages, go-app's scripts, the stylesheet, the manifest, robots
// and the sitemap) has a gzip and a brotli twin that decode to it, for a
// static host that serves twins as they are (nginx's gzip_static, Caddy's
// precompressed), that the marker lists them, and that images get none.
func TestExportCompressedTwins(t *testing.T) {
	c := builtCorpus(t)
	out := filepath.Join(t.TempDir(), "site")
	if err := Export(c, repoRoot, out); err != nil {
		t.Fatalf("export: %v", err)
	}
	files := listing(t, out)
	marker := files[ExportMarker]
	checked := 0
	for name, body := range files {
		ext := filepath.Ext(name)
		if strings.HasPrefix(name, "web"+string(filepath.Separator)) || strings.HasPrefix(filepath.Base(name), ".") {
			continue // web/ keeps the build's own twins
		}
		switch ext {
		case ".gz", ".br":
			continue
		case ".png", ".jpg":
			if _, ok := files[name+".gz"]; ok {
				t.Errorf("%s has a gzip twin", name)
			}
			continue
		}
		if len(body) < 1024 {
			continue // too small to be worth a twin (forwarding pages)
		}
		for _, enc := range []string{"gzip", "br"} {
			twin := name + map[string]string{"gzip": ".gz", "br": ".br"}[enc]
			z, ok := files[twin]
			if !ok {
				t.Errorf("%s (%d bytes) has no %s twin", name, len(body), enc)
				continue
			}
			if got := decodeTwin(t, enc, []byte(z)); got != body {
				t.Errorf("%s decodes to %d bytes, unlike the %d of %s", twin, len(got), len(body), name)
			}
			if !strings.Contains(marker, filepath.ToSlash(twin)+"\n") {
				t.Errorf("the marker does not list %s", twin)
			}
		}
		checked++
	}
	for _, want := range []string{"index.html", "app.js", "app.css", "manifest.webmanifest"} {
		if _, ok := files[want+".br"]; !ok {
			t.Errorf("no %s.br", want)
		}
	}
	if checked < len(c.Docs) {
		t.Errorf("%d text files checked for twins, fewer than the %d documents", checked, len(c.Docs))
	}
}

// decodeTwin decompresses a twin.
func decodeTwin(t *testing.T, enc string, b []byte) string {
	t.Helper()
	var r io.Reader
	if enc == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		r = zr
	} else {
		r = brotli.NewReader(bytes.NewReader(b))
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", enc, err)
	}
	return string(out)
}
