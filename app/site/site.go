//go:build !wasm

package site

import (
	"log/slog"
	"net/http"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/markup"
	"github.com/devrel-patterns/explorer/app/server"
	"github.com/devrel-patterns/explorer/app/ui"
)

// goappResources are the files go-app's handler serves itself.
var goappResources = map[string]bool{
	"/app.js": true, "/app-worker.js": true, "/wasm_exec.js": true,
	"/manifest.webmanifest": true, "/manifest.json": true, "/app.css": true,
}

// New returns the whole HTTP surface for a corpus whose assets are in
// root/web: the safe static server for /web/, old /{slug}.html links
// redirected to their route, and the go-app handler prerendering every
// page through the escaping seam (markup.Handler) — with the app's own not-found view, and status 404, for any other
// path. The app's routes must be registered (ui.Register) first.
func New(c *corpus.Corpus, root string, logger *slog.Logger) (http.Handler, error) {
	return NewWith(c, Options{Root: root}, logger)
}

// NewWith is New with the handler's options, e.g. the LAN addresses the
// server listens on.
func NewWith(c *corpus.Corpus, opts Options, logger *slog.Logger) (http.Handler, error) {
	root := opts.Root
	goapp, err := pwa(c, opts)
	if err != nil {
		return nil, err
	}
	h := markup.Handler(goapp, logger, previewHead(c, true))
	pages := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if crawlerFiles[r.URL.Path] {
			crawlerFile(w, r, c)
			return
		}
		if to, ok := ui.Redirect(c, r.URL.Path); ok {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		h.ServeHTTP(w, r)
	})
	srv, err := server.New(server.Config{
		Root:       root,
		App:        pages,
		CacheBytes: opts.CacheBytes,
		Known:      func(p string) bool { return goappResources[p] || crawlerFiles[p] || ui.Known(c, p) },
		Aliases:    aliases(),
		Logger:     logger,
	})
	if err != nil || c.Site.Prefix == "" {
		return srv, err
	}
	return underPrefix(c.Site, srv), nil
}

// underPrefix serves h under the site's prefix, as the app's addresses
// name it: h sees app paths, the bare root is sent to the site's home,
// and anything else outside the prefix is not found.
func underPrefix(s corpus.Site, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.Local(r.URL.Path)
		switch {
		case r.URL.Path == "/":
			http.Redirect(w, r, s.Path(corpus.HomePath), http.StatusFound)
			return
		case !ok:
			http.NotFound(w, r)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path, r2.URL.RawPath = p, ""
		h.ServeHTTP(w, r2)
	})
}

// crawlerFile answers /robots.txt and /sitemap.xml, on the origin the
// request names when the site's is not known.
func crawlerFile(w http.ResponseWriter, r *http.Request, c *corpus.Corpus) {
	on := *c
	on.Site = c.Site.On(requestOrigin(r))
	if r.URL.Path == "/robots.txt" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(robots(&on))
		return
	}
	b, err := sitemap(&on)
	if err != nil || b == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write(b)
}

// crawlerFiles are the files for crawlers that the site writes itself.
var crawlerFiles = map[string]bool{"/robots.txt": true, "/sitemap.xml": true}

// aliases are the server's default aliases but for the crawler files.
func aliases() map[string]string {
	out := map[string]string{}
	for k, v := range server.DefaultAliases {
		if !crawlerFiles[k] {
			out[k] = v
		}
	}
	return out
}
