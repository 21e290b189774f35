//go:build !wasm

// Package server is Pattern Explorer's HTTP front: it serves the static
// assets under /web/ itself (safely, with precompressed twins and cache
// headers) and hands everything else to the go-app handler, answering
// unknown routes with the app's own not-found view and status 404. Every
// response carries the security headers, every request is logged on one
// line, and only GET and HEAD are allowed.
//
// The handler is modelled on Caddy's file server: path safety lives in one
// small function (localName), a precompressed twin is chosen from the
// client's Accept-Encoding q-values with Vary: Accept-Encoding always set and
// an ETag per encoding, and http.ServeContent answers HEAD, Range and
// conditional requests.
package server

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DefaultCSP is the Content-Security-Policy sent when Config.CSP is empty:
// our own origin only, plus 'wasm-unsafe-eval' so the browser may compile the
// WASM. go-app's prerendered page loads /wasm_exec.js and /app.js as external
// scripts and has no inline script, so scripts need no 'unsafe-inline'.
// Styles do: the graph scales its marks and dims itself with an inline
// <style> element in its SVG (app/graph, markCSS and dimCSS), and go-app
// writes Style() as style attributes (app/devmode's error overlay, the
// graph's gesture transform). Forms may only post to us, <base> may not move
// relative URLs elsewhere, and no plugin loads.
const DefaultCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'none'"

// PermissionsPolicy is the Permissions-Policy header: no powerful feature is
// used by the app.
const PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

// UncompressedLengthHeader is set on every file response to the size of the
// uncompressed file, so that go-app's loader can show progress while it
// downloads a compressed WASM (app.Handler.WasmContentLengthHeader).
const UncompressedLengthHeader = "X-Uncompressed-Length"

// WebPrefix is the URL prefix of the static assets, served from Root/web.
const WebPrefix = "/web/"

// DefaultAliases maps the URL paths that go-app answers from web/ to the
// file under web/ that serves them. go-app serves /app.wasm and /goapp.wasm
// as web/app.wasm, and /robots.txt, /sitemap.xml and /ads.txt by fetching
// http://<request Host>/web/<name> from itself and caching the answer; this
// server answers all of them from the file, so the Host header of a request
// can never make the process fetch, and cache, someone else's content.
var DefaultAliases = map[string]string{
	"/app.wasm":    "app.wasm",
	"/goapp.wasm":  "app.wasm",
	"/robots.txt":  "robots.txt",
	"/sitemap.xml": "sitemap.xml",
	"/ads.txt":     "ads.txt",
}

// Config configures New.
type Config struct {
	// Root is the folder that holds web/; its files are served under
	// /web/. The folder is opened once, by New, and stays open.
	Root string
	// App serves every path outside /web/ and the aliases: pages and
	// go-app's own resources (/app.js, /app-worker.js, /wasm_exec.js,
	// /manifest.webmanifest, /app.css). It is normally the *app.Handler.
	App http.Handler
	// Known reports whether a URL path (decoded, as in Request.URL.Path) is
	// a route of the app. A path it rejects is still rendered by App, so the
	// visitor sees the app's not-found view, but with status 404 and without
	// conditional or range handling. Known must return true for go-app's
	// resources listed under App, and be safe for concurrent use. Nil
	// treats every path as known.
	Known func(path string) bool
	// Aliases maps URL paths outside /web/ to files under web/ that are
	// served with the same rules as /web/ (a missing file is a 404). Nil
	// means DefaultAliases; an empty map turns them off. Any
	// app.Handler.ProxyResources should be listed here too.
	Aliases map[string]string
	// CacheBytes bounds the memory that keeps the app's rendered answers
	// (each known route is rendered once, then sent from memory,
	// compressed); 0 means DefaultCacheBytes and a negative value renders
	// every request afresh.
	CacheBytes int64
	// CSP is the Content-Security-Policy header; empty means DefaultCSP.
	CSP string
	// Logger receives one line per request, at level Info; nil means
	// slog.Default().
	Logger *slog.Logger
}

// New returns the handler described in the package documentation.
func New(cfg Config) (http.Handler, error) {
	if cfg.App == nil {
		return nil, errors.New("config has no app handler")
	}
	if cfg.Root == "" {
		return nil, errors.New("config has no root folder")
	}
	webDir := filepath.Join(cfg.Root, "web")
	root, err := os.OpenRoot(webDir)
	if err != nil {
		return nil, fmt.Errorf("open web folder: %w", err)
	}
	aliases := cfg.Aliases
	if aliases == nil {
		aliases = DefaultAliases
	}
	checked := make(map[string]string, len(aliases))
	for from, to := range aliases {
		if !strings.HasPrefix(from, "/") || strings.HasPrefix(from, WebPrefix) {
			_ = root.Close()
			return nil, fmt.Errorf("alias %q: path must start with / and be outside %s", from, WebPrefix)
		}
		name, ok := localName(to, to)
		if !ok {
			_ = root.Close()
			return nil, fmt.Errorf("alias %q: %q is not a plain file name under web/", from, to)
		}
		checked[from] = name
	}
	known := cfg.Known
	if known == nil {
		known = func(string) bool { return true }
	}
	csp := cfg.CSP
	if csp == "" {
		csp = DefaultCSP
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	return &handler{
		files:   &files{root: root, logger: logger},
		app:     cfg.App,
		pages:   newRendered(cfg.App, cfg.CacheBytes),
		known:   known,
		aliases: checked,
		security: http.Header{
			"Content-Security-Policy": {csp},
			"X-Content-Type-Options":  {"nosniff"},
			"Referrer-Policy":         {"strict-origin-when-cross-origin"},
			"X-Frame-Options":         {"DENY"},
			"Permissions-Policy":      {PermissionsPolicy},
		},
		logger: logger,
	}, nil
}

// handler is the root handler returned by New.
type handler struct {
	files   *files
	app     http.Handler
	pages   *rendered
	known   func(string) bool
	aliases map[string]string
	// security holds the headers every response carries, in canonical
	// form; its values are shared by every response and never changed.
	security http.Header
	logger   *slog.Logger
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w}
	defer func() {
		h.logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.code()),
			slog.Int64("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
		)
	}()

	hd := rec.Header()
	for k, v := range h.security {
		hd[k] = v
	}

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		http.Error(rec, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}

	p := r.URL.Path
	switch {
	case p == "/web" || strings.HasPrefix(p, WebPrefix):
		name, ok := localName(strings.TrimPrefix(p, WebPrefix), r.URL.EscapedPath())
		if !ok || p == "/web" {
			http.NotFound(rec, r)
			return
		}
		h.files.serve(rec, r, name)
	case h.aliases[p] != "":
		h.files.serve(rec, r, h.aliases[p])
	case h.known(p):
		h.pages.serve(rec, r)
	default:
		h.app.ServeHTTP(&notFoundWriter{ResponseWriter: rec}, unconditional(r))
	}
}

// unconditional returns a copy of r without the headers that would let the
// app answer 304, 412 or 206 instead of rendering its not-found view.
func unconditional(r *http.Request) *http.Request {
	r2 := r.Clone(r.Context())
	for _, k := range validatorHeaders {
		r2.Header.Del(k)
	}
	return r2
}

// validatorHeaders are the request headers that make an answer partial or
// conditional.
var validatorHeaders = []string{"If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range"}

// notFoundWriter turns any non-error status the app writes into 404, and
// drops the validators, which describe the app's pages, not a missing one.
type notFoundWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *notFoundWriter) WriteHeader(code int) {
	if w.wrote {
		return
	}
	if code < 200 {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.wrote = true
	if code < 400 {
		code = http.StatusNotFound
		w.Header().Del("ETag")
		w.Header().Del("Last-Modified")
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *notFoundWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *notFoundWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// recorder remembers the status and counts the bytes of a response for the
// request log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *recorder) code() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// ReadFrom keeps the server's sendfile path for files served through
// http.ServeContent.
func (w *recorder) ReadFrom(src io.Reader) (int64, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	var n int64
	var err error
	if rf, ok := w.ResponseWriter.(io.ReaderFrom); ok {
		n, err = rf.ReadFrom(src)
	} else {
		n, err = io.Copy(writerOnly{w.ResponseWriter}, src)
	}
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// writerOnly hides any ReadFrom method so io.Copy does not recurse.
type writerOnly struct{ io.Writer }
