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
	goapp, err := Handler(c, opts)
	if err != nil {
		return nil, err
	}
	h := markup.Handler(goapp, logger)
	pages := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to, ok := ui.Redirect(c, r.URL.Path); ok {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		h.ServeHTTP(w, r)
	})
	return server.New(server.Config{
		Root:       root,
		App:        pages,
		CacheBytes: opts.CacheBytes,
		Known:      func(p string) bool { return goappResources[p] || ui.Known(c, p) },
		Logger:     logger,
	})
}
