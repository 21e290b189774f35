//go:build !wasm

package site

import (
	"net/http"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/ui"
)

// New returns the whole HTTP surface for a corpus whose assets are in
// root/web: old /{slug}.html links redirect to their route, /web/ serves the
// assets, and the go-app handler prerenders every page.
func New(c *corpus.Corpus, root string) (http.Handler, error) {
	h, err := Handler(c, Options{Root: root})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/web/", http.FileServer(http.Dir(root)))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if to, ok := ui.Redirect(c, r.URL.Path); ok {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		h.ServeHTTP(w, r)
	})
	return mux, nil
}
