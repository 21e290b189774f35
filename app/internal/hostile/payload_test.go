//go:build !wasm

package hostile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/devrel-patterns/explorer/app/artifact"
	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/site"
	"github.com/devrel-patterns/explorer/app/ui"
)

// repoRoot holds web/, built by `go run build.go` before the tests run.
const repoRoot = "../../.."

var (
	once      sync.Once
	theCorpus *corpus.Corpus
	loadErr   error
)

// hostileCorpus compiles Files and FileNames together and registers the
// app's routes for it, once per test binary (go-app's routes are global).
// File names the compiler refuses are left out: a name that cannot be a
// URL path is its business, and then no page carries it.
func hostileCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm")); err != nil {
		t.Skipf("web/app.wasm not built (run go run build.go build): %v", err)
	}
	once.Do(func() {
		files := Files()
		for name, body := range FileNames() {
			if _, ok := files[name]; !ok {
				files[name] = body
			}
		}
		for range 2 {
			dir, err := os.MkdirTemp("", "hostile-")
			if err != nil {
				loadErr = err
				return
			}
			defer os.RemoveAll(dir)
			if err := Write(dir, files); err != nil {
				loadErr = err
				return
			}
			c, rep, err := artifact.Compile(dir)
			var list compiler.ErrorList
			if errors.As(err, &list) && len(rep.Errors) > 0 {
				for _, d := range rep.Errors {
					name := filepath.Base(d.File)
					if _, ok := FileNames()[name]; !ok || name == "introduction.md" {
						loadErr = fmt.Errorf("hostile corpus: %v", err)
						return
					}
					delete(files, name)
				}
				continue
			}
			if err != nil {
				loadErr = err
				return
			}
			theCorpus = c
			ui.Register(c)
			return
		}
		loadErr = errors.New("hostile corpus: still refused after dropping file names")
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return theCorpus
}

// graphRules matches the graph's own stylesheet: rules whose every
// selector starts at the graph's <svg> (#graph or #graph-local) and goes
// on through classes only, with declarations of numbers and keywords; no
// quote, backslash, at-rule or url(, so nothing in it can come from text
// or style anything outside the graph.
var graphRules = func() *regexp.Regexp {
	const (
		class = `\.[a-z0-9-]+`
		sel   = `#graph(?:-local)? (?:` + class + `|:is\(` + class + `(?:,` + class + `)*\))(?: ` + class + `)*`
		decl  = `[a-z-]+:[a-z0-9.,()%-]+`
		rule  = sel + `(?:,` + sel + `)*\{` + decl + `(?:;` + decl + `)*\}`
	)
	return regexp.MustCompile(`^(?:` + rule + `)*$`)
}()

// graphScope matches the start of each of the graph's selectors.
var graphScope = regexp.MustCompile(`#graph(?:-local)? `)

// graphStyle reports whether n is the one <style> a page of the app may
// hold: the graph's zoom and highlight rules (graphRules), a child of the
// graph's <svg> and scoped to its id.
func graphStyle(n *html.Node) bool {
	p := n.Parent
	if p == nil || p.Type != html.ElementNode || p.Data != "svg" || p.Namespace != "svg" {
		return false
	}
	id, class := attr(p, "id"), attr(p, "class")
	if id != "graph" && id != "graph-local" || !slices.Contains(strings.Fields(class), "graph-svg") {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode || !graphRules.MatchString(c.Data) || strings.Contains(c.Data, "url(") {
			return false
		}
		for _, m := range graphScope.FindAllString(c.Data, -1) {
			if m != "#"+id+" " {
				return false
			}
		}
	}
	return true
}

// TestGraphStyle checks graphStyle itself: the graph's rules pass, and a
// payload's style does not, even inside an <svg> that looks like the graph.
func TestGraphStyle(t *testing.T) {
	const svg = `<svg id="graph" class="graph-svg"><style>%s</style></svg>`
	for css, want := range map[string]bool{
		"#graph .graph-mark{transform:scale(0.5)}#graph .graph-edges{stroke-width:0.6px}": true,
		"#graph :is(.graph-l-2,.graph-l-3) .graph-label{display:none}":                    true,
		"#graph .graph-node,#graph .graph-edge{opacity:var(--graph-dim,.15)}":             true,
		"*{color:red}":       false,
		"body{display:none}": false,
		"#graph .graph-mark{opacity:1}body{display:none}":               false,
		"#graph .graph-mark,body{display:none}":                         false,
		"#graph-local .graph-mark{opacity:0}":                           false,
		"#graph .graph-mark{background:url(http://elsewhere.invalid/)}": false,
		"@import url(x);":                 false,
		"#graph .graph-mark{content:'x'}": false,
	} {
		doc, err := html.Parse(strings.NewReader(fmt.Sprintf(svg, css)))
		if err != nil {
			t.Fatal(err)
		}
		if got := introduced(doc, "") == nil; got != want {
			t.Errorf("%s: allowed = %v, want %v", css, got, want)
		}
	}
}

// introduced lists what a parsed page holds that no page of the app may
// hold, so that only a payload can have put it there: the marker element
// and attribute, event handlers, attribute names no code of ours writes,
// and elements that script, navigate, post or restyle (all but the graph's
// own stylesheet, graphStyle) — but for a legacy forwarder, its own
// refresh to the route it forwards to.
func introduced(doc *html.Node, refresh string) []string {
	var found []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			where := "<" + n.Data + ">"
			switch n.Data {
			case Marker, "form", "base", "iframe", "object", "embed":
				found = append(found, "element "+where)
			case "style":
				if !graphStyle(n) {
					found = append(found, "element "+where)
				}
			case "meta":
				equiv, content := attr(n, "http-equiv"), attr(n, "content")
				if equiv != "" && (refresh == "" || equiv != "refresh" || content != "0; url="+refresh) {
					found = append(found, fmt.Sprintf("element <meta http-equiv=%q content=%q>", equiv, short(content)))
				}
			case "script":
				src := attr(n, "src")
				if !strings.HasSuffix(src, "/wasm_exec.js") && !strings.HasSuffix(src, "/app.js") || n.FirstChild != nil {
					found = append(found, fmt.Sprintf("element <script src=%q>", src))
				}
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == MarkerAttr:
					found = append(found, "attribute "+a.Key+" on "+where)
				case strings.HasPrefix(a.Key, "on"):
					found = append(found, "attribute "+a.Key+" on "+where)
				case !plainName(a.Key):
					found = append(found, fmt.Sprintf("attribute %q on %s", a.Key, where))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

// attr returns the value of n's attribute key, "" when it has none.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// plainName reports whether s is an attribute name as our code writes
// them (the parser gives SVG's their camel case back).
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == ':' || r == '_') {
			return false
		}
	}
	return true
}

// headOf returns the text of <title> and the content of the meta elements
// of a page, by name or property.
func headOf(doc *html.Node) (title string, meta map[string]string) {
	meta = map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if n.Parent != nil && n.Parent.Data == "head" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			case "meta":
				var key, content string
				for _, a := range n.Attr {
					switch a.Key {
					case "name", "property":
						key = a.Val
					case "content":
						content = a.Val
					}
				}
				if key != "" {
					meta[key] = content
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return title, meta
}

// parsed is what the HTML parser reads back: NUL becomes U+FFFD.
func parsed(s string) string { return strings.ReplaceAll(s, "\x00", "\uFFFD") }

// check parses a page and fails on anything a payload introduced; for a
// document's page it also checks that the title and description read back
// as they were written. refresh is where a forwarder page may refresh to.
func check(t *testing.T, where, body string, d *corpus.Doc, refresh string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: parse: %v", where, err)
	}
	if found := introduced(doc, refresh); len(found) > 0 {
		t.Errorf("%s: the payload introduced %s", where, strings.Join(dedupe(found), ", "))
	}
	if d == nil {
		return
	}
	title, meta := headOf(doc)
	if want := parsed(d.Title); title != want+" · "+parsed(SiteName()) || meta["og:title"] != want {
		t.Errorf("%s: <title> %q and og:title %q, want %q", where, short(title), short(meta["og:title"]), short(want))
	}
	if want := parsed(SiteName()); meta["og:site_name"] != want {
		t.Errorf("%s: og:site_name %q, want the site's name %q", where, short(meta["og:site_name"]), short(want))
	}
	if want := parsed(d.Description); want != "" && (meta["description"] != want || meta["og:description"] != want) {
		t.Errorf("%s: description %q and og:description %q, want %q", where, short(meta["description"]), short(meta["og:description"]), short(want))
	}
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func short(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// route is a URL to request from the server and the document it shows.
type route struct {
	name   string
	target string // path and query, escaped
	doc    *corpus.Doc
}

// routes lists every prerendered route of the hostile corpus, with each
// payload in the query and in the path.
func routes(c *corpus.Corpus) []route {
	rs := []route{
		{"home", "/", nil},
		{"graph", "/graph", nil},
		{"search", "/search", nil},
		{"search listing every payload title", "/search?q=" + url.QueryEscape("p"), nil},
		{"not found", "/nothing/here", nil},
	}
	for i := range c.Docs {
		d := &c.Docs[i]
		kind := "pattern"
		if d.Kind == corpus.KindPage {
			kind = "page"
		}
		rs = append(rs,
			route{kind + " " + d.Slug, (&url.URL{Path: d.Path()}).EscapedPath(), d},
			route{"legacy forwarder " + d.Slug, (&url.URL{Path: "/" + d.Slug + ".html"}).EscapedPath(), nil},
		)
	}
	for _, p := range Payloads {
		q := url.QueryEscape(p.Value)
		rs = append(rs,
			route{"search query " + p.Name, "/search?q=" + q, nil},
			route{"kiosk query " + p.Name, "/?kiosk=1&idle=" + q, nil},
			route{"not-found path " + p.Name, (&url.URL{Path: "/" + p.Value}).EscapedPath(), nil},
			route{"not-found pattern path " + p.Name, (&url.URL{Path: "/patterns/" + p.Value}).EscapedPath(), nil},
			route{"not-found query " + p.Name, "/nothing?q=" + q, nil},
		)
	}
	return rs
}

// TestPayloadsFromServer requests every route of the hostile corpus from
// the server, following the legacy forwarders, and parses each page.
func TestPayloadsFromServer(t *testing.T) {
	c := hostileCorpus(t)
	h, err := site.New(c, repoRoot, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	t.Run("manifest", func(t *testing.T) {
		res, err := http.Get(srv.URL + "/manifest.webmanifest")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var m struct{ Name string }
		if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
			t.Fatalf("the manifest does not parse: %v", err)
		}
		if m.Name != SiteName() {
			t.Errorf("manifest name %q, want the site's name %q", short(m.Name), short(SiteName()))
		}
	})
	for _, r := range routes(c) {
		t.Run(r.name, func(t *testing.T) {
			res, err := http.Get(srv.URL + r.target)
			if err != nil {
				t.Fatalf("GET %s: %v", short(r.target), err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode >= 500 {
				t.Fatalf("GET %s: status %d: %s", short(r.target), res.StatusCode, short(string(b)))
			}
			if u := res.Request.URL; u.Host != strings.TrimPrefix(srv.URL, "http://") {
				t.Fatalf("GET %s: redirected off the server, to %s", short(r.target), short(u.String()))
			}
			check(t, "GET "+short(r.target), string(b), r.doc, "")
		})
	}
}

// TestPayloadsFromExport writes the static site of the hostile corpus and
// parses every HTML file in it. (A site's prefix is no payload: it is
// checked to be letters, digits and - . _ ~ when it is read, corpus
// CleanPrefix, and the compiler writes it; nothing patches HTML with it.)
func TestPayloadsFromExport(t *testing.T) {
	c := hostileCorpus(t)
	prefix := c.Site.Prefix
	out := filepath.Join(t.TempDir(), "out")
	if err := site.Export(c, repoRoot, out); err != nil {
		t.Fatalf("export: %v", err)
	}
	byFile := map[string]*corpus.Doc{}
	forwards := map[string]string{}
	for i := range c.Docs {
		d := &c.Docs[i]
		byFile[strings.TrimPrefix(d.Path(), "/")+".html"] = d
		byFile[strings.TrimPrefix(d.Path(), "/")+"/index.html"] = d
		forwards[d.Slug+".html"] = (&url.URL{Path: prefix + d.Path()}).String()
	}
	pages := 0
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		t.Run(rel, func(t *testing.T) { check(t, rel, string(b), byFile[rel], forwards[rel]) })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := 3 + 3*len(c.Docs); pages < want {
		t.Errorf("export has %d pages, want at least %d", pages, want)
	}
}
