//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/devrel-patterns/explorer/app/precompress"
)

// DefaultCacheBytes bounds the rendered responses kept in memory when
// Config.CacheBytes is 0: every page of a corpus of 3,000 patterns,
// compressed (a pattern's page keeps about 9 KB in brotli and gzip), and a
// flat ceiling beyond that, which keeps a server of 5,000 patterns under
// 90 MiB with SetMemoryLimit.
const DefaultCacheBytes = 32 << 20

// rendered answers the app's routes from memory: each route is rendered
// by the app once, on its first request, then kept compressed (br and
// gzip) with an ETag per encoding, and sent with http.ServeContent, which
// answers HEAD, conditional and range requests. Requests for the same
// route wait for one rendering rather than starting their own, so memory
// stays flat under load. The least recently used responses are dropped
// beyond a byte limit. Only complete 200 answers are kept; anything else is
// passed on as the app wrote it.
type rendered struct {
	app   http.Handler
	limit int64
	// renders holds a token for each rendering under way: at most one a
	// processor, since rendering is work for the processor, and each holds
	// a whole page and its garbage (a graph of 5,000 patterns renders
	// megabytes), so that a burst of new routes cannot pile them up.
	renders chan struct{}

	mu       sync.Mutex
	entries  map[string]*list.Element // of *page, most recent first
	order    *list.List
	size     int64
	inflight map[string]*fill
}

// fill is one rendering in progress; done is closed when p (or nil, for
// an answer that is not kept) is set.
type fill struct {
	done chan struct{}
	p    *page
}

// page is one kept answer. Its body is held in its compressed forms only
// when they are worth it; identity is then decompressed from gzip on the
// first request of a client that accepts no coding, and kept as plain.
type page struct {
	key    string
	header http.Header // the app's headers, without length or coding
	bodies map[string][]byte
	etags  map[string]string
	size   int64
	plain  atomic.Pointer[[]byte] // identity, once asked for, when bodies has none
}

func newRendered(app http.Handler, limit int64) *rendered {
	if limit == 0 {
		limit = DefaultCacheBytes
	}
	return &rendered{
		app:      app,
		limit:    limit,
		entries:  map[string]*list.Element{},
		order:    list.New(),
		inflight: map[string]*fill{},
		renders:  make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
}

// serve answers r from the kept answer for its route, rendering it first
// if needed. The key holds the host, because the app may write absolute
// addresses of the origin it was asked on.
func (c *rendered) serve(w http.ResponseWriter, r *http.Request) {
	if c.limit < 0 {
		c.app.ServeHTTP(w, r)
		return
	}
	key := r.Host + " " + r.URL.RequestURI()
	p, resp := c.get(key, r)
	if p == nil {
		resp.writeTo(w)
		return
	}
	c.send(p, w, r)
}

// get returns the kept page for key, or renders it; when the answer cannot
// be kept it returns it as captured instead.
func (c *rendered) get(key string, r *http.Request) (*page, *capture) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.order.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(*page), nil
	}
	if f, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-f.done
		if f.p != nil {
			return f.p, nil
		}
		// The answer was not kept (an error, say): ask again, for this
		// request's own answer.
		return nil, c.renderLimited(r)
	}
	f := &fill{done: make(chan struct{})}
	c.inflight[key] = f
	c.mu.Unlock()
	return c.renderKept(key, f, r)
}

// renderKept renders the page for key, keeps it when it may be kept, and
// releases the requests waiting on f whatever happens, a panic included:
// they then render for themselves.
func (c *rendered) renderKept(key string, f *fill, r *http.Request) (p *page, resp *capture) {
	defer func() {
		c.mu.Lock()
		delete(c.inflight, key)
		if p != nil {
			c.entries[key] = c.order.PushFront(p)
			c.size += p.size
			c.trim()
		}
		c.mu.Unlock()
		f.p = p
		close(f.done)
	}()
	c.renders <- struct{}{}
	defer func() { <-c.renders }()
	resp = c.render(r)
	return resp.page(key, c.limit), resp
}

// trim drops the least recently used pages until the rest fit the limit,
// keeping at least one; c.mu must be held.
func (c *rendered) trim() {
	for c.size > c.limit && c.order.Len() > 1 {
		old := c.order.Remove(c.order.Back()).(*page)
		delete(c.entries, old.key)
		c.size -= old.size
	}
}

// identity returns p's uncompressed body. When p keeps only compressed
// forms, the first call decompresses it and keeps the result, counted
// against the limit while p is kept, so later clients that accept no
// coding cost no more than the others.
func (c *rendered) identity(p *page) ([]byte, error) {
	if b, ok := p.bodies[""]; ok {
		return b, nil
	}
	if b := p.plain.Load(); b != nil {
		return *b, nil
	}
	b, err := gunzip(p.bodies["gzip"])
	if err != nil {
		return nil, err
	}
	if !p.plain.CompareAndSwap(nil, &b) {
		return *p.plain.Load(), nil
	}
	c.mu.Lock()
	if e, ok := c.entries[p.key]; ok && e.Value.(*page) == p {
		n := int64(len(b))
		p.size += n
		c.size += n
		c.trim()
	}
	c.mu.Unlock()
	return b, nil
}

// renderLimited is render when no rendering token is held.
func (c *rendered) renderLimited(r *http.Request) *capture {
	c.renders <- struct{}{}
	defer func() { <-c.renders }()
	return c.render(r)
}

// render has the app answer a full GET of r's route, whatever validators
// or codings r carries, so that the answer can be kept for everyone.
func (c *rendered) render(r *http.Request) *capture {
	r2 := unconditional(r)
	r2.Method = http.MethodGet
	r2.Header.Del("Accept-Encoding")
	resp := &capture{header: http.Header{}}
	c.app.ServeHTTP(resp, r2)
	return resp
}

// capture is a response written by the app, held whole.
type capture struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (c *capture) Header() http.Header { return c.header }

func (c *capture) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
}

func (c *capture) Write(b []byte) (int, error) {
	c.WriteHeader(http.StatusOK)
	return c.body.Write(b)
}

// writeTo sends the captured response as the app wrote it (net/http
// drops the body of an answer to HEAD).
func (c *capture) writeTo(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range c.header {
		h[k] = v
	}
	if c.status == 0 {
		c.status = http.StatusOK
	}
	w.WriteHeader(c.status)
	_, _ = w.Write(c.body.Bytes())
}

// page makes a kept page of a complete 200 answer, compressing its body
// when that is worth it; it returns nil for any answer that must not be
// shared or is too big to keep.
func (c *capture) page(key string, limit int64) *page {
	if c.status != http.StatusOK || c.header.Get("Set-Cookie") != "" || c.header.Get("Content-Encoding") != "" ||
		int64(c.body.Len()) > limit/4 {
		return nil
	}
	raw := c.body.Bytes()
	header := c.header.Clone()
	for _, k := range []string{"Content-Length", "ETag", "Last-Modified", "Vary"} {
		header.Del(k)
	}
	sum := sha256.Sum256(raw)
	tag := hex.EncodeToString(sum[:12])
	p := &page{key: key, header: header, bodies: map[string][]byte{}, etags: map[string]string{}}
	if compressibleType(header.Get("Content-Type")) {
		gz, br, err := precompress.Twins(raw, precompress.PageOptions()) // the first request waits
		if err == nil && gz != nil && br != nil {
			p.bodies["gzip"], p.bodies["br"] = gz, br
		}
	}
	if len(p.bodies) == 0 {
		p.bodies[""] = bytes.Clone(raw)
	}
	for enc, b := range p.bodies {
		p.size += int64(len(b))
		p.etags[enc] = etagOf(tag, enc)
	}
	p.etags[""] = etagOf(tag, "")
	p.size += int64(len(key)) + 512 // the maps and headers, roughly
	return p
}

// etagOf is the strong validator of one encoding of a body.
func etagOf(hash, enc string) string {
	if enc == "" {
		return `"` + hash + `"`
	}
	return `"` + hash + "-" + enc + `"`
}

// send answers r with the best encoding of p that the client accepts.
func (c *rendered) send(p *page, w http.ResponseWriter, r *http.Request) {
	var offers []string
	for _, c := range codings {
		if _, ok := p.bodies[c.name]; ok {
			offers = append(offers, c.name)
		}
	}
	enc := negotiate(r.Header.Get("Accept-Encoding"), offers)
	body, ok := p.bodies[enc]
	if !ok {
		var err error
		if body, err = c.identity(p); err != nil {
			http.Error(w, "500 internal server error", http.StatusInternalServerError)
			return
		}
	}
	h := w.Header()
	for k, v := range p.header {
		h[k] = v
	}
	h.Add("Vary", "Accept-Encoding")
	h.Set("ETag", p.etags[enc])
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	if r.Method == http.MethodGet && !conditional(r) {
		// The common case, answered as ServeContent would, without its
		// reader and the extra write of its copy.
		h.Set("Accept-Ranges", "bytes")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
		return
	}
	http.ServeContent(&lengthWriter{ResponseWriter: w, size: int64(len(body))}, r, "", time.Time{}, bytes.NewReader(body))
}

// conditional reports whether r asks for part of a response or for one
// only under a condition, which http.ServeContent answers.
func conditional(r *http.Request) bool {
	for _, k := range validatorHeaders {
		if _, ok := r.Header[k]; ok {
			return true
		}
	}
	return false
}

// compressibleType reports whether a Content-Type is text worth
// compressing.
func compressibleType(ct string) bool {
	t, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return strings.HasPrefix(t, "text/") || strings.HasSuffix(t, "+json") || strings.HasSuffix(t, "+xml") ||
		t == "application/json" || t == "application/javascript" || t == "application/xml" || t == "application/wasm"
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
