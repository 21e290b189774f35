//go:build !wasm

package site

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/markup"
	"github.com/devrel-patterns/explorer/app/precompress"
)

// ExportMarker is the file an export writes at the top of its folder,
// listing every file it wrote, one slash-separated name a line. A later
// export replaces only a folder that holds exactly what its marker lists.
const ExportMarker = ".explorer-export"

// goappFiles are the files go-app's handler makes that a static site needs.
var goappFiles = []string{"/wasm_exec.js", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/app.css"}

// Export writes a self-contained static site for a corpus to out: every
// route prerendered through the same escaping seam as the server
// (markup.Handler), the regular files of root/web, the manifest and the
// service worker. It is served under the prefix of the corpus's site
// (c.Site.Prefix, "" or e.g. "/explorer"), which the compiler wrote its
// links under. Each route is written as x.html (GitHub Pages,
// Netlify) and x/index.html (plain file servers, S3), and each old
// /{slug}.html link as a page that forwards to its route. The app's routes
// must be registered (ui.Register) first.
//
// Export never deletes what it did not write: it refuses an out that is
// empty, that is or contains root, that lies inside root/web, that is,
// contains or lies inside any of protect (the content folder), or that
// holds anything its marker (ExportMarker) does not list. It writes into a
// fresh folder beside out, through an os.Root so that no name leaves it,
// and renames that into place, so a failed export leaves the old one
// whole.
func Export(c *corpus.Corpus, root, out string, protect ...string) error {
	if err := checkOut(out, root, protect); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	old, err := previousExport(out)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	h, err := pwa(c, Options{Root: root})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(filepath.Clean(out))+".new-")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed into place
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	dst, err := os.OpenRoot(tmp)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer dst.Close()
	w := &writer{root: dst}
	if err := w.site(c, markup.Handler(h, nil, previewHead(c, false)), filepath.Join(root, "web")); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := w.twins(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := w.marker(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := replace(out, tmp, old); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// checkOut refuses an output folder whose replacement could delete
// something that is not an export.
func checkOut(out, root string, protect []string) error {
	if strings.TrimSpace(out) == "" {
		return errors.New("output folder is empty: name one, such as dist")
	}
	o, err := resolved(out)
	if err != nil {
		return err
	}
	r, err := resolved(root)
	if err != nil {
		return err
	}
	switch {
	case within(r, o):
		return fmt.Errorf("output folder %s is or contains %s, the folder that holds web/: refusing to replace it", out, root)
	case within(filepath.Join(r, "web"), o) || within(o, filepath.Join(r, "web")):
		return fmt.Errorf("output folder %s lies inside %s: refusing to write there", out, filepath.Join(root, "web"))
	}
	for _, p := range protect {
		if p == "" {
			continue
		}
		pr, err := resolved(p)
		if err != nil {
			return err
		}
		if within(pr, o) || within(o, pr) {
			return fmt.Errorf("output folder %s is, contains or lies inside the content folder %s: refusing to write there", out, p)
		}
	}
	return nil
}

// resolved is the absolute form of a path with the symbolic links of its
// existing part resolved.
func resolved(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(append([]string{abs}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}

// within reports whether p is dir or lies inside it; both are resolved.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// previousExport checks what out holds now: nothing (it is missing or an
// empty folder), or an earlier export, and then exactly the files and
// folders its marker lists. It returns whether out exists.
func previousExport(out string) (bool, error) {
	st, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !st.IsDir() {
		return false, fmt.Errorf("output folder %s is not a folder: refusing to replace it", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, err
	}
	if len(entries) == 0 {
		return true, nil
	}
	listed, err := readMarker(out)
	if err != nil {
		return false, err
	}
	return true, filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == "." || rel == ExportMarker:
			return nil
		case !listed[rel]:
			return fmt.Errorf("output folder %s holds %s, which no export wrote: refusing to replace it (remove it, or choose another -out)", out, rel)
		case e.IsDir() || e.Type().IsRegular():
			return nil
		}
		return fmt.Errorf("output folder %s: %s is no longer a plain file: refusing to replace it", out, rel)
	})
}

// readMarker reads the list of names an export wrote in out.
func readMarker(out string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(out, ExportMarker))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("output folder %s is not empty and was not written by an export (no %s): refusing to replace it", out, ExportMarker)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name := sc.Text(); name != "" {
			listed[name] = true
		}
	}
	return listed, sc.Err()
}

// replace puts the fresh export tmp in place of out: out moves aside, tmp
// takes its name, and only then is the old export removed.
func replace(out, tmp string, exists bool) error {
	if !exists {
		return os.Rename(tmp, out)
	}
	aside := tmp + ".old"
	if err := os.Rename(out, aside); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return errors.Join(err, os.Rename(aside, out))
	}
	return os.RemoveAll(aside)
}

// writer writes the files of an export under one root and remembers their
// names for the marker.
type writer struct {
	root    *os.Root
	written []string
}

// site writes every file of the static site.
func (w *writer) site(c *corpus.Corpus, h http.Handler, web string) error {
	for _, p := range goappFiles {
		body, err := prerender(h, p)
		if err != nil {
			return err
		}
		if err := w.file(strings.TrimPrefix(p, "/"), body); err != nil {
			return err
		}
	}
	// A route is written as x.html and x/index.html whatever its last
	// segment looks like: /patterns/node.js is a page, not a script.
	for _, p := range append(c.Paths(), corpus.NotFoundPath) {
		body, err := prerender(h, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "/") + ".html"
		if p == "/" {
			name = "index.html"
		}
		if err := w.file(name, body); err != nil {
			return err
		}
		if p != "/" && p != corpus.NotFoundPath {
			if err := w.file(strings.TrimPrefix(p, "/")+"/index.html", body); err != nil {
				return err
			}
		}
	}
	if err := w.copyWeb(web); err != nil {
		return err
	}
	for i := range c.Docs {
		if err := w.forward(c.Site, &c.Docs[i]); err != nil {
			return err
		}
	}
	if err := w.file("robots.txt", robots(c)); err != nil {
		return err
	}
	if sm, err := sitemap(c); err != nil || sm != nil {
		if err != nil {
			return fmt.Errorf("sitemap: %w", err)
		}
		if err := w.file("sitemap.xml", sm); err != nil {
			return err
		}
	}
	// GitHub Pages: serve files as they are, without Jekyll.
	return w.file(".nojekyll", nil)
}

// prerender asks the handler for a path, as a browser would.
func prerender(h http.Handler, p string) ([]byte, error) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, (&url.URL{Path: p}).String(), nil)
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("prerender %s: status %d", p, rec.Code)
	}
	return rec.Body.Bytes(), nil
}

// file writes one file, making its folders, under the root.
func (w *writer) file(name string, data []byte) error {
	if dir := path.Dir(name); dir != "." {
		if err := w.root.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		w.dirs(dir)
	}
	if err := w.root.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	w.written = append(w.written, name)
	return nil
}

// dirs records a folder and its parents as written.
func (w *writer) dirs(dir string) {
	for ; dir != "." && dir != "/"; dir = path.Dir(dir) {
		if slices.Contains(w.written, dir) {
			return
		}
		w.written = append(w.written, dir)
	}
}

// copyWeb copies the regular files of the folder web to web/ in the
// export: no symbolic link, dotfile or dot-folder, FIFO or device, each
// opened through an os.Root of web and checked again once open.
func (w *writer) copyWeb(web string) error {
	src, err := os.OpenRoot(web)
	if err != nil {
		return fmt.Errorf("copy assets: %w", err)
	}
	defer src.Close()
	return fs.WalkDir(src.FS(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("copy assets: %w", err)
		}
		if p == "." {
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !e.Type().IsRegular() {
			return nil
		}
		data, err := readRegular(src, p)
		if err != nil || data == nil {
			return err
		}
		return w.file("web/"+p, data)
	})
}

// readRegular reads a file that is still a regular file once open; it
// returns nil data for anything else.
func readRegular(root *os.Root, name string) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, fmt.Errorf("copy assets: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("copy assets: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("copy assets: %w", err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// forward writes the original site's addresses of a document
// (corpus.LegacyPaths) as pages that forward to the document's route. A
// name taken by the export itself (index.html, 404.html) is left alone.
func (w *writer) forward(site corpus.Site, d *corpus.Doc) error {
	for _, p := range corpus.LegacyPaths(d) {
		name := strings.TrimPrefix(p, "/")
		if _, err := w.root.Stat(name); err == nil {
			continue // a name the export wrote itself (index.html, 404.html)
		}
		if err := w.forwardAs(name, site, d); err != nil {
			return err
		}
	}
	return nil
}

// forwardAs writes one forwarding page for d.
func (w *writer) forwardAs(name string, site corpus.Site, d *corpus.Doc) error {
	to := html.EscapeString((&url.URL{Path: site.Path(d.Path())}).String())
	canonical := ""
	if abs := site.URL(d.Path()); abs != "" {
		canonical = `<link rel="canonical" href="` + html.EscapeString(abs) + `">`
	}
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
		`<title>` + html.EscapeString(d.Title) + `</title>` + canonical +
		`<meta http-equiv="refresh" content="0; url=` + to + `"></head>` +
		`<body><p><a href="` + to + `">` + html.EscapeString(d.Title) + `</a> has moved.</p></body></html>`
	return w.file(name, []byte(page))
}

// twins writes a gzip and a brotli twin beside each text file the export
// rendered, where they are worth it, so that a static host that serves
// twins as they are (nginx's gzip_static, Caddy's precompressed) sends
// them. web/ is left alone: it was copied with the build's own twins. A
// route's x.html and x/index.html hold the same page, compressed once.
func (w *writer) twins() error {
	var names []string
	for _, name := range w.written {
		if !strings.HasPrefix(name, "web/") && !strings.HasPrefix(path.Base(name), ".") && twinned(name) {
			names = append(names, name)
		}
	}
	type pair struct{ gz, br []byte }
	done := map[[sha256.Size]byte]pair{}
	for _, name := range names {
		data, err := w.root.ReadFile(name)
		if err != nil {
			return fmt.Errorf("compress %s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		p, ok := done[sum]
		if !ok {
			if p.gz, p.br, err = precompress.Twins(data, precompress.PageOptions()); err != nil {
				return fmt.Errorf("compress %s: %w", name, err)
			}
			done[sum] = p
		}
		for ext, twin := range map[string][]byte{".gz": p.gz, ".br": p.br} {
			if twin == nil {
				continue
			}
			if err := w.file(name+ext, twin); err != nil {
				return err
			}
		}
	}
	return nil
}

// twinned reports whether an exported file is text that gets twins.
func twinned(name string) bool {
	return slices.Contains(precompress.DefaultExtensions, strings.ToLower(path.Ext(name)))
}

// marker writes the list of what the export wrote.
func (w *writer) marker() error {
	slices.Sort(w.written)
	return w.root.WriteFile(ExportMarker, []byte(strings.Join(w.written, "\n")+"\n"), 0o644)
}
