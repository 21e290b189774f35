//go:build !wasm

// Package devserver is `make dev`: it serves the app on a loopback address
// with the latest corpus of a content folder, and keeps every open page up
// to date. It watches the folder; on each change it recompiles the corpus
// (milliseconds) and tells the pages over server-sent events, and each
// page swaps the new corpus in where it stands (app/devmode). When the
// content no longer compiles it keeps serving the last corpus that did and
// sends the errors, which the pages show over the content. When the app's
// code changes it has the app rebuilt and the pages reload.
//
// The dev server is never what run or static serve: it wraps the site of
// app/site with its own endpoints (devmode.EventsPath,
// devmode.CorpusPath), a service worker that caches nothing, and the
// environment that turns dev mode on in the page.
package devserver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/devmode"
	"github.com/devrel-patterns/explorer/app/embedded"
	"github.com/devrel-patterns/explorer/app/search"
	"github.com/devrel-patterns/explorer/app/server"
	"github.com/devrel-patterns/explorer/app/site"
	"github.com/devrel-patterns/explorer/app/ui"
)

// DefaultAddr is where the dev server listens unless told otherwise: this
// machine only.
const DefaultAddr = "localhost:8000"

// Options configure a dev server.
type Options struct {
	// Content is the folder of pattern files to compile and watch.
	Content string
	// Root is the folder that holds web/, built (the WASM) before Run.
	Root string
	// Editor is a URL template that opens a file at a line in the
	// author's editor, with {path} (absolute) and {line}, for instance
	// "vscode://file/{path}:{line}"; empty shows errors without links.
	Editor string
	// Code lists the folders of the app's own code and assets (app/,
	// web/); a change there calls Rebuild, then open pages reload.
	Code []string
	// Rebuild rebuilds what the browser loads (the WASM) after a change
	// under Code.
	Rebuild func(context.Context) error
	// Compiled, if set, is given the encoded corpus after every compile
	// that succeeds, for instance to keep the committed artifact current.
	Compiled func(data []byte) error
	// Logger receives the server's log; nil means slog.Default().
	Logger *slog.Logger
}

// Server is a dev server. Make one with New, then Serve it.
type Server struct {
	opts Options
	log  *slog.Logger
	done chan struct{} // closed when Serve is asked to stop: event streams end

	mu       sync.Mutex
	c        *corpus.Corpus // the last corpus that compiled
	idx      *search.Lazy   // its search index
	data     []byte         // c, encoded
	site     http.Handler   // the site of c's routes
	routes   []string       // the routes site was made for (corpus.Paths)
	build    string         // identifies the app under Root
	content  []devmode.Problem
	warnings []devmode.Problem
	appErr   error // why the last rebuild failed, or nil
	subs     map[chan devmode.State]struct{}
}

// New compiles the content once and returns the server of it. Content
// that does not compile is not an error: the server then serves the
// corpus embedded in the binary and shows the errors. New routes the app's
// pages (ui.Route, go-app's one route table) to the dev root drawn from
// this server's corpus, so a process has one dev server.
func New(opts Options) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Root == "" {
		opts.Root = "."
	}
	if err := checkEditor(opts.Editor); err != nil {
		return nil, err
	}
	s := &Server{opts: opts, log: opts.Logger, done: make(chan struct{}), subs: map[chan devmode.State]struct{}{}}
	ui.Route(func() app.Composer {
		c, idx := s.current()
		return devmode.NewRoot(c, idx)
	})
	build, err := buildID(opts.Root)
	if err != nil {
		return nil, err
	}
	s.build = build
	s.compile()
	if s.c == nil {
		c, err := embedded.Load()
		if err != nil {
			return nil, err
		}
		s.setCorpus(c)
	}
	if s.site == nil {
		if err := s.newSite(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Run listens on addr (DefaultAddr if empty) and serves until ctx is
// done.
func (s *Server) Run(ctx context.Context, addr string) error {
	if addr == "" {
		addr = DefaultAddr
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	s.log.Info("dev server: open the app", "url", "http://"+ln.Addr().String()+"/", "content", s.opts.Content)
	return s.Serve(ctx, ln)
}

// Serve serves on ln, watching the content and the code, until ctx is
// done; it closes ln. A Server serves once.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Watch before serving: a page that has its first state sees every
	// change made after it, even when the machine is slow to schedule
	// the watchers.
	content, err := watchTrees([]string{s.opts.Content}, func(string) bool { return true }, s.recompile)
	if err != nil {
		ln.Close()
		return err
	}
	watches := []*treeWatch{content}
	if len(s.opts.Code) > 0 && s.opts.Rebuild != nil {
		code, err := watchTrees(s.opts.Code, isCode, func() { s.rebuild(ctx) })
		if err != nil {
			content.w.Close()
			ln.Close()
			return err
		}
		watches = append(watches, code)
	}
	var wg sync.WaitGroup
	errc := make(chan error, len(watches))
	for _, w := range watches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.run(ctx, s.log); err != nil {
				errc <- err
				cancel()
			}
		}()
	}
	// Event streams stay open: end them as soon as the server is asked to
	// stop, rather than when its wait for open requests runs out.
	go func() {
		<-ctx.Done()
		close(s.done)
	}()
	err = server.Serve(ctx, ln, s, s.log)
	cancel()
	wg.Wait()
	close(errc)
	for e := range errc {
		err = errors.Join(err, e)
	}
	return err
}

// ServeHTTP answers the dev server's endpoints and hands everything else
// to the site of the current corpus.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !directHost(r.Host) {
		// A web page elsewhere could point a name of its own at this
		// machine (DNS rebinding) and read the drafts; it cannot make the
		// browser send an address or localhost as the Host.
		http.Error(w, "the dev server answers only to localhost or an IP address", http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case devmode.EventsPath:
		s.events(w, r)
	case devmode.CorpusPath:
		s.mu.Lock()
		data := s.data
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Write(data)
	case "/app-worker.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, devWorker)
	default:
		s.mu.Lock()
		h := s.site
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}
}

// devWorker replaces the app's service worker under the dev server: it
// caches nothing and answers nothing, so that every request reaches the
// server, and it clears what a caching worker left on this origin.
const devWorker = `// Pattern Explorer's dev server: a service worker that caches nothing.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await Promise.all((await caches.keys()).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});
`

// events streams the server's State: now, and after every change.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // a stream has no end to wait for
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	ch, st := s.subscribe()
	defer s.unsubscribe(ch)
	// A restarted server is back within a moment: reconnect soon.
	if _, err := io.WriteString(w, "retry: 250\n\n"); err != nil {
		return
	}
	send := func(write func() error) bool { return write() == nil && rc.Flush() == nil }
	if !send(func() error { return writeEvent(w, st) }) {
		return
	}
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case st := <-ch:
			if !send(func() error { return writeEvent(w, st) }) {
				return
			}
		case <-keepAlive.C:
			if !send(func() error { _, err := io.WriteString(w, ": keep-alive\n\n"); return err }) {
				return
			}
		}
	}
}

// current returns the corpus to draw pages from.
func (s *Server) current() (*corpus.Corpus, *search.Lazy) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c, s.idx
}

// recompile compiles the content after a change, and tells the pages.
func (s *Server) recompile() {
	start := time.Now()
	changed := s.compile()
	s.mu.Lock()
	errs, warns, version := len(s.content), len(s.warnings), s.c.Version
	s.mu.Unlock()
	s.log.Info("dev server: content compiled", "in", time.Since(start).Round(time.Microsecond),
		"version", version, "errors", errs, "warnings", warns, "new", changed)
	// A page told of a new pattern may open it at once: its route first.
	if changed && s.routesChanged() {
		if err := s.newSite(); err != nil {
			s.log.Error("dev server: site", "err", err)
		}
	}
	s.broadcast()
}

// compile compiles the content, keeping the last corpus that compiled if
// this one does not; it reports whether the corpus changed.
func (s *Server) compile() bool {
	c, rep, err := artifact.Compile(s.opts.Content)
	var list compiler.ErrorList
	var errs []devmode.Problem
	switch {
	case errors.As(err, &list):
		for _, d := range list {
			errs = append(errs, s.problem(d.File, d.Line, d.Msg))
		}
	case err != nil:
		errs = append(errs, devmode.Problem{Message: err.Error()})
	}
	if err == nil && c != nil {
		// The pages show the content's images from web/media, as a build
		// writes them.
		if _, err := artifact.WriteImages(s.opts.Root, rep.Images); err != nil {
			errs = append(errs, devmode.Problem{Message: err.Error()})
		}
	}
	var warns []devmode.Problem
	for _, d := range rep.Warnings {
		warns = append(warns, s.problem(d.File, d.Line, d.Msg))
	}
	for _, p := range errs {
		s.log.Warn("dev server: " + p.String())
	}
	s.mu.Lock()
	s.content, s.warnings = errs, warns
	old := s.c
	s.mu.Unlock()
	if err != nil || c == nil {
		return false
	}
	if old != nil && old.Version == c.Version {
		return false
	}
	s.setCorpus(c)
	if s.opts.Compiled != nil {
		s.mu.Lock()
		data := s.data
		s.mu.Unlock()
		if err := s.opts.Compiled(data); err != nil {
			s.log.Warn("dev server: keep artifact", "err", err)
		}
	}
	return true
}

// setCorpus makes c the corpus served.
func (s *Server) setCorpus(c *corpus.Corpus) {
	idx, data := search.Later(c), corpus.Encode(c)
	s.mu.Lock()
	s.c, s.idx, s.data = c, idx, data
	s.mu.Unlock()
}

// routesChanged reports whether the current corpus has other routes than
// the site was made for. Pages are drawn from the current corpus whatever
// the site; the site's own use of its corpus is its routes (which paths
// are found, which old links redirect), so an edit of a text needs no new
// site, which would hash the whole WASM again.
func (s *Server) routesChanged() bool {
	c, _ := s.current()
	s.mu.Lock()
	defer s.mu.Unlock()
	return !slices.Equal(c.Paths(), s.routes)
}

// newSite makes the site of the current corpus, for its routes.
func (s *Server) newSite() error {
	c, _ := s.current()
	routes := c.Paths()
	h, err := site.NewWith(c, site.Options{Root: s.opts.Root, Env: map[string]string{devmode.Env: "on"}}, s.log)
	if err != nil {
		return fmt.Errorf("dev server: %w", err)
	}
	s.mu.Lock()
	s.site, s.routes = h, routes
	s.mu.Unlock()
	return nil
}

// rebuild has the app rebuilt after a change of its code; pages reload
// when what they load changed.
func (s *Server) rebuild(ctx context.Context) {
	start := time.Now()
	s.log.Info("dev server: rebuilding the app")
	err := s.opts.Rebuild(ctx)
	if ctx.Err() != nil {
		return
	}
	var build string
	if err == nil {
		build, err = buildID(s.opts.Root)
	}
	s.mu.Lock()
	s.appErr = err
	old := s.build
	if err == nil {
		s.build = build
	}
	s.mu.Unlock()
	if err != nil {
		s.log.Error("dev server: rebuild", "err", err)
	} else {
		s.log.Info("dev server: app rebuilt", "in", time.Since(start).Round(time.Millisecond), "reload", build != old)
		if err := s.newSite(); err != nil {
			s.log.Error("dev server: site", "err", err)
		}
	}
	s.broadcast()
}

// state is what the pages are told now.
func (s *Server) state() devmode.State {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := devmode.State{Build: s.build, Corpus: s.c.Version, Errors: s.content, Warnings: s.warnings}
	if s.appErr != nil {
		st.Errors = append(append([]devmode.Problem{}, st.Errors...), devmode.Problem{Message: "rebuilding the app failed (see the terminal): " + s.appErr.Error()})
	}
	return st
}

// subscribe registers a page's event stream and returns the state to
// send it first.
func (s *Server) subscribe() (chan devmode.State, devmode.State) {
	ch := make(chan devmode.State, 1)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	s.mu.Unlock()
	return ch, s.state()
}

func (s *Server) unsubscribe(ch chan devmode.State) {
	s.mu.Lock()
	delete(s.subs, ch)
	s.mu.Unlock()
}

// broadcast sends the state to every page; a page that has not read the
// last one gets only the newest.
func (s *Server) broadcast() {
	st := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		select {
		case <-ch:
		default:
		}
		ch <- st
	}
}

// problem makes a located problem, with its editor link.
func (s *Server) problem(file string, line int, msg string) devmode.Problem {
	return devmode.Problem{File: file, Line: line, Message: msg, Open: editorURL(s.opts.Editor, file, line)}
}

// buildID identifies what the browser loads from root/web: the WASM and
// the stylesheets.
func buildID(root string) (string, error) {
	h := sha256.New()
	for _, f := range append([]string{"/web/app.wasm"}, site.Styles...) {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return "", fmt.Errorf("dev server: %w (build the app first)", err)
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// directHost reports whether a request's Host names this machine directly:
// localhost (or a name under .localhost) or an IP address, with or without
// a port.
func directHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || net.ParseIP(host) != nil
}

// isCode reports whether a changed file under the code folders is source
// of what the browser loads, rather than something a build writes there
// (the WASM, compressed twins, the corpus artifact, temporary files).
func isCode(path string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "_test.go") {
		return false
	}
	switch filepath.Ext(base) {
	case ".go", ".css", ".js", ".html", ".svg", ".png", ".webmanifest":
		return true
	}
	return false
}
