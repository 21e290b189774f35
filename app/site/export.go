//go:build !wasm

package site

import (
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/ui"
)

// notFoundPath is prerendered as 404.html, the page static hosts answer
// unknown paths with.
const notFoundPath = "/404"

// Export writes a self-contained static site for a corpus to out: every
// route prerendered, the assets of root/web with their precompressed
// twins, the manifest and the service worker. base is the URL prefix the
// site is served under ("/" or e.g. "/explorer"). Each route is written
// as x.html (GitHub Pages, Netlify) and x/index.html (plain file servers,
// S3), and each old /{slug}.html link as a page that forwards to its route.
// The app's routes must be registered (ui.Register) first. out is
// replaced.
func Export(c *corpus.Corpus, root, out, base string) error {
	base = "/" + strings.Trim(base, "/")
	opts := Options{Root: root}
	if base != "/" {
		opts.Resources = app.PrefixedLocation(base)
	}
	h, err := Handler(c, opts)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	paths := append(ui.Paths(c), notFoundPath)
	if err := app.GenerateStaticWebsite(out, h, paths...); err != nil {
		return fmt.Errorf("export: prerender: %w", err)
	}
	if err := os.CopyFS(filepath.Join(out, "web"), os.DirFS(filepath.Join(root, "web"))); err != nil {
		return fmt.Errorf("export: copy assets: %w", err)
	}
	for _, p := range paths {
		if p == "/" || p == notFoundPath {
			continue
		}
		if err := copyFile(filepath.Join(out, p+".html"), filepath.Join(out, p, "index.html")); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	for i := range c.Docs {
		if err := writeForward(out, base, &c.Docs[i]); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	// GitHub Pages: serve files as they are, without Jekyll.
	return os.WriteFile(filepath.Join(out, ".nojekyll"), nil, 0o644)
}

// writeForward writes /{slug}.html, the original site's address of a
// document, as a page that forwards to the document's route. A name taken
// by the export itself (index.html, 404.html) is left alone.
func writeForward(out, base string, d *corpus.Doc) error {
	name := filepath.Join(out, d.Slug+".html")
	if _, err := os.Stat(name); err == nil {
		return nil
	}
	to := html.EscapeString(path.Join(base, d.Path()))
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
		`<title>` + html.EscapeString(d.Title) + `</title>` +
		`<link rel="canonical" href="` + to + `">` +
		`<meta http-equiv="refresh" content="0; url=` + to + `"></head>` +
		`<body><p><a href="` + to + `">` + html.EscapeString(d.Title) + `</a> has moved.</p></body></html>`
	return os.WriteFile(name, []byte(page), 0o644)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
