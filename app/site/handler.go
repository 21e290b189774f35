//go:build !wasm

// Package site is the HTTP surface of Pattern Explorer, native only: the
// go-app handler configured for this app (page head, web manifest and icons,
// the service worker that makes every route work offline, a version derived
// from what was built), the static file server and redirects around it, and
// the static export. The server command and the tests share it.
package site

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/server"
)

//go:embed worker.js
var workerTemplate string

// precacheLimit is the most routes precached on install; a larger corpus
// relies on the app shell for routes visited offline for the first time.
const precacheLimit = 400

// mediaBudget bounds the bytes of the content's images precached on
// install; the worker caches the others when a page first shows them.
const mediaBudget = 4 << 20

// precachedMedia are the content's images the worker fetches on install:
// in order, as long as they fit in mediaBudget.
func precachedMedia(c *corpus.Corpus) []string {
	var out []string
	var total int64
	for _, m := range c.Media {
		if total+m.Bytes > mediaBudget {
			continue
		}
		total += m.Bytes
		out = append(out, m.Path)
	}
	return out
}

// Styles are the app's own stylesheets, under /web/.
var Styles = []string{"/web/style.css"}

// CompilerScript is the worker in which app.js fetches and compiles the
// WASM, off the page's main thread (loader.js).
const CompilerScript = "/web/compile-worker.js"

// Options tune the handler.
type Options struct {
	// Root is the folder that holds web/ (the WASM and static assets).
	Root string
	// Env is passed to the app (app.Getenv).
	Env map[string]string
	// LAN lists the host:port addresses at which phones on the local
	// network reach the server (LANAddrs); the app shows them next to a
	// QR code of a localhost address. Static exports leave it empty.
	LAN []string
	// CacheBytes bounds the memory in which the server keeps rendered
	// routes (server.Config.CacheBytes): 0 for the default, negative to
	// render every request afresh.
	CacheBytes int64
}

// Handler returns the go-app handler for a corpus, with its Version set
// from a hash of the corpus, the WASM and the stylesheets, so that a
// restart without changes is not seen as an update.
func Handler(c *corpus.Corpus, opts Options) (*app.Handler, error) {
	version, err := Version(c, opts.Root)
	if err != nil {
		return nil, err
	}
	env := appEnv(opts)
	version = envVersion(version, env)
	paths := c.Paths()
	var cacheable []string
	if len(paths) <= precacheLimit {
		// Routes are not resources, which the resolver leaves as they
		// are: they go in as site paths. Home is go-app's own "/", and
		// twice the same request would fail the worker's install.
		for _, p := range paths {
			if p != corpus.HomePath {
				cacheable = append(cacheable, c.Site.Path(p))
			}
		}
	}
	cacheable = append(cacheable, CompilerScript, "/web/icon-192.png", "/web/icon-512.png", "/web/icon-maskable.png")
	cacheable = append(cacheable, precachedMedia(c)...)
	return &app.Handler{
		Name:            c.Site.Name,
		ShortName:       "Patterns",
		Description:     c.Site.Name + ": browse, search and graph a pattern language, offline.",
		Title:           c.Site.Name,
		Lang:            "en",
		BackgroundColor: "#f7f5f0",
		ThemeColor:      "#1f4e5f",
		LoadingLabel:    "Loading…",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		Styles:                  Styles,
		CacheableResources:      cacheable,
		Version:                 version,
		Env:                     env,
		Resources:               resources(c.Site),
		ServiceWorkerTemplate:   workerFor(c.Site),
		WasmContentLengthHeader: "X-Uncompressed-Length",
	}, nil
}

// Version hashes the corpus version with the bytes of the WASM, the
// worker that compiles it and the stylesheets under root/web.
func Version(c *corpus.Corpus, root string) (string, error) {
	h := sha256.New()
	io.WriteString(h, c.Version)
	files := append([]string{"/web/app.wasm", CompilerScript}, Styles...)
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return "", fmt.Errorf("version: %w", err)
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// resources resolves the static resources of a site (siteResources).
func resources(s corpus.Site) app.ResourceResolver { return siteResources{site: s} }

// siteResources puts the static resources of a site under its prefix:
// the assets under /web/, go-app's own files (/app.js …), and "/" (the
// site's home, which go-app also takes for the prefix it strips from a
// route). Every other address is left as the app wrote it: the app writes
// its links under the prefix itself (corpus.Site.Path), and go-app's
// PrefixedLocation, which prefixes every local href on the server but
// only /web/ in the browser, wrote /explorer/explorer/… links.
type siteResources struct{ site corpus.Site }

// Resolve returns the address of a resource on the site.
func (r siteResources) Resolve(loc string) string {
	switch {
	case loc == "" || loc == "/":
		return r.site.Path(corpus.HomePath)
	case loc == "/web" || strings.HasPrefix(loc, server.WebPrefix) || goappResources[loc]:
		return r.site.Path(loc)
	}
	return loc
}

// pwa is the go-app handler of a corpus with the site's own web app
// manifest (makeManifest) in place of go-app's, and its own WASM loader
// in app.js (withLoader).
func pwa(c *corpus.Corpus, opts Options) (http.Handler, error) {
	h, err := Handler(c, opts)
	if err != nil {
		return nil, err
	}
	m, err := makeManifest(c, h, opts.Root)
	if err != nil {
		return nil, err
	}
	return withManifest(withLoader(h), m), nil
}

// workerFor fills in the service worker's own settings for a site: the
// app shell its navigations fall back on offline, and the prefix under
// which it keeps what it fetches ({{.Shell}}, {{.Prefix}}; go-app fills
// in the rest).
func workerFor(s corpus.Site) string {
	shell, _ := json.Marshal(resources(s).Resolve(corpus.HomePath))
	prefix, _ := json.Marshal(s.Prefix)
	return strings.NewReplacer("{{.Shell}}", string(shell), "{{.Prefix}}", string(prefix)).Replace(workerTemplate)
}
