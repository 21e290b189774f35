//go:build !wasm

package server

import (
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// localName turns rel, the decoded part of a request path below /web/, into
// a slash-separated name relative to the web folder, or reports false when
// the request must be refused. escaped is the request's whole path as sent
// (URL.EscapedPath), checked for encoded separators.
//
// It refuses: encoded slashes, backslashes and NULs (%2f, %5c, %00);
// anything still holding a '%' once decoded (double encoding such as
// %252e%252e); backslashes, NUL and other control bytes; invalid UTF-8;
// empty, "." and ".." segments (so "//", a trailing slash and every
// traversal); hidden names (a segment starting with '.', which also hides
// the precompressor's temporary files); and whatever path.Clean would change
// or filepath.IsLocal rejects. Opening through an os.Root then refuses
// symbolic links that lead out of the folder.
func localName(rel, escaped string) (string, bool) {
	lower := strings.ToLower(escaped)
	for _, bad := range []string{"%2f", "%5c", "%00"} {
		if strings.Contains(lower, bad) {
			return "", false
		}
	}
	if rel == "" || !utf8.ValidString(rel) || strings.ContainsAny(rel, `\%`) {
		return "", false
	}
	for _, c := range []byte(rel) {
		if c < 0x20 || c == 0x7f {
			return "", false
		}
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	name := path.Clean(rel)
	if name != rel || !filepath.IsLocal(name) {
		return "", false
	}
	return name, true
}

// files serves the web folder.
type files struct {
	root   *os.Root
	logger *slog.Logger
}

// coding is a content coding with a precompressed twin.
type coding struct {
	name string // Content-Encoding token
	ext  string // twin suffix
}

// codings lists the twins in order of preference at equal q-value.
var codings = []coding{{name: "br", ext: ".br"}, {name: "gzip", ext: ".gz"}}

// serve sends the file name (relative to the web folder, already checked by
// localName) or the best precompressed twin of it.
func (fl *files) serve(w http.ResponseWriter, r *http.Request, name string) {
	f, info, err := fl.open(name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			fl.logger.LogAttrs(r.Context(), slog.LevelWarn, "refused file",
				slog.String("name", name), slog.String("error", err.Error()))
		}
		http.NotFound(w, r)
		return
	}
	defer f.Close()

	// A twin counts only if it is a regular file at least as new as the
	// source: a source rebuilt without recompressing must not be shadowed
	// by an old twin.
	var offers []string
	twins := map[string]fs.FileInfo{}
	for _, c := range codings {
		ti, err := fl.root.Stat(name + c.ext)
		if err != nil || !ti.Mode().IsRegular() || ti.ModTime().Before(info.ModTime()) {
			continue
		}
		offers = append(offers, c.name)
		twins[c.name] = ti
	}

	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	h.Set("Content-Type", contentType(name))
	h.Set("Cache-Control", cacheControl(name))
	h.Set(UncompressedLengthHeader, strconv.FormatInt(info.Size(), 10))

	body, sent := f, info
	if enc := negotiate(r.Header.Get("Accept-Encoding"), offers); enc != "" {
		twin, err := fl.root.Open(name + ext(enc))
		if err == nil {
			defer twin.Close()
			if ti, err := twin.Stat(); err == nil && ti.Mode().IsRegular() {
				body, sent = twin, ti
				h.Set("Content-Encoding", enc)
			}
		}
	}
	h.Set("ETag", etag(sent, h.Get("Content-Encoding")))
	http.ServeContent(&lengthWriter{ResponseWriter: w, size: sent.Size()}, r, "", info.ModTime(), body)
}

// lengthWriter adds Content-Length to a full (200) response and drops
// Content-Encoding from bodiless ones such as 412. ServeContent omits
// Content-Length when Content-Encoding is set, unless it answers a range;
// the length cannot be set beforehand, because ServeContent would keep it on
// the empty 412 of a failed If-Match, and the connection would then break.
type lengthWriter struct {
	http.ResponseWriter
	size int64
}

func (w *lengthWriter) WriteHeader(code int) {
	switch {
	case code == http.StatusOK && w.Header().Get("Content-Length") == "":
		w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
	case code != http.StatusOK && code != http.StatusPartialContent:
		// An empty 412 must not claim to be brotli or gzip.
		w.Header().Del("Content-Encoding")
	}
	w.ResponseWriter.WriteHeader(code)
}

// ReadFrom keeps the sendfile path (ServeContent writes through io.CopyN).
func (w *lengthWriter) ReadFrom(src io.Reader) (int64, error) {
	if rf, ok := w.ResponseWriter.(io.ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	return io.Copy(writerOnly{w.ResponseWriter}, src)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *lengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// open opens a regular file of the web folder. Directories, devices, pipes
// and sockets are reported as not existing.
func (fl *files) open(name string) (*os.File, fs.FileInfo, error) {
	f, err := fl.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		_ = f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, info, nil
}

func ext(enc string) string {
	for _, c := range codings {
		if c.name == enc {
			return c.ext
		}
	}
	return ""
}

// etag is a strong validator for one encoding of a file: its size and
// modification time, plus the coding, so that each encoding has its own.
func etag(info fs.FileInfo, enc string) string {
	t := `"` + strconv.FormatInt(info.ModTime().UnixNano(), 36) + "-" + strconv.FormatInt(info.Size(), 36)
	if enc != "" {
		t += "-" + enc
	}
	return t + `"`
}

// contentTypes maps extensions to the Content-Type sent for them; others
// fall back to the mime package, then to application/octet-stream.
var contentTypes = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".xml":         "application/xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
}

// contentType returns the Content-Type of the file name (never of a twin:
// name is the original).
func contentType(name string) string {
	e := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[e]; ok {
		return t
	}
	if t := mime.TypeByExtension(e); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Cache-Control values.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
	minHashLen      = 8
)

// cacheControl lets a browser keep a file whose name holds a content hash
// forever, and makes it revalidate everything else.
func cacheControl(name string) string {
	if hashed(path.Base(name)) {
		return cacheImmutable
	}
	return cacheRevalidate
}

// hashed reports whether base has a content hash between two dots: a run of
// at least eight hexadecimal digits that is neither the first nor the last
// dot-separated part, as in app.3f9a2c1b.wasm.
func hashed(base string) bool {
	parts := strings.Split(base, ".")
	for i := 1; i < len(parts)-1; i++ {
		if len(parts[i]) >= minHashLen && isHex(parts[i]) {
			return true
		}
	}
	return false
}

func isHex(s string) bool {
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
