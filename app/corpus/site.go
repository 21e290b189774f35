package corpus

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"unicode"
)

// This file is the app's one URL scheme: where the site is published (its
// origin and prefix), the app paths of its views, documents, sections and
// share cards, and how a path read back from a request names a view. Every
// package that writes or reads an address goes through it.

// The app paths of the views that are not documents.
const (
	HomePath     = "/"
	GraphPath    = "/graph"
	SearchPath   = "/search"
	NotFoundPath = "/404"
)

// cardsPath is the folder of the share cards, under the static assets.
const cardsPath = "/web/cards/"

// SiteCardPath is the app path of the site's own share card.
const SiteCardPath = cardsPath + "site.png"

// Site is where a pattern language is published: its name, and its public
// address when it is known.
type Site struct {
	// Name is the site's name, as the title, header, manifest and share
	// cards show it.
	Name string
	// Origin is the public origin, "https://example.org", or empty when it
	// is not known (the server then uses the host it is asked on).
	Origin string
	// Prefix is the URL path the app is served under, "/explorer", or
	// empty at the root of its host.
	Prefix string
}

// ParseSite reads a public address such as "https://example.org/explorer"
// into an origin and a prefix. It takes http and https addresses with a
// host, and no user, query or fragment.
func ParseSite(addr string) (Site, error) {
	u, err := url.Parse(strings.TrimSpace(addr))
	switch {
	case err != nil:
		return Site{}, fmt.Errorf("site address %q: %w", addr, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return Site{}, fmt.Errorf("site address %q: want an http or https address, such as https://example.org/explorer", addr)
	case u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "":
		return Site{}, fmt.Errorf("site address %q: want a scheme, a host and at most a path, such as https://example.org/explorer", addr)
	}
	prefix, err := CleanPrefix(u.Path)
	if err != nil {
		return Site{}, fmt.Errorf("site address %q: %w", addr, err)
	}
	return Site{Origin: u.Scheme + "://" + strings.ToLower(u.Host), Prefix: prefix}, nil
}

// CleanPrefix is a URL prefix in the form Site.Prefix holds: "" for the
// root ("", "/"), else one leading slash and none trailing ("explorer/"
// is "/explorer"). A prefix with an empty, dot or dot-dot segment, or a
// character that would need escaping in a path, is an error.
func CleanPrefix(p string) (string, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return "", nil
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("prefix /%s: empty, . or .. segment", p)
		}
		for _, r := range seg {
			if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~", r))) {
				return "", fmt.Errorf("prefix /%s: %q is not a letter, digit, or one of - . _ ~", p, r)
			}
		}
	}
	return "/" + p, nil
}

// Path is the address of an app path ("/patterns/booth", "/") on the
// site's own host: the prefix, then the path ("/explorer/patterns/booth",
// "/explorer/").
func (s Site) Path(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return s.Prefix + p
}

// URL is the absolute address of an app path, its path escaped, or ""
// when the origin is not known.
func (s Site) URL(p string) string {
	if s.Origin == "" {
		return ""
	}
	path, frag, _ := strings.Cut(s.Path(p), "#")
	path, query, _ := strings.Cut(path, "?")
	u := url.URL{Path: path, RawQuery: query, Fragment: frag}
	return s.Origin + u.String()
}

// On returns the site with an origin, for a server that learns it from a
// request; a known origin stays.
func (s Site) On(origin string) Site {
	if s.Origin == "" {
		s.Origin = strings.TrimRight(origin, "/")
	}
	return s
}

// Local returns the app path of a request path under the site's prefix
// ("/explorer/patterns/booth" is "/patterns/booth"), and false for a path
// outside it.
func (s Site) Local(p string) (string, bool) {
	if s.Prefix == "" {
		return p, true
	}
	rest, ok := strings.CutPrefix(p, s.Prefix)
	switch {
	case !ok:
		return "", false
	case rest == "":
		return "/", true
	case !strings.HasPrefix(rest, "/"):
		return "", false // "/explorers" is not under "/explorer"
	}
	return rest, true
}

// IsLoopbackHost reports whether a host name (without port) only names
// this machine, so that a phone cannot open an address on it.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if host == "" {
		return false
	}
	h := strings.ToLower(host)
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// DocPath returns the app's URL path of a document: /patterns/{slug} for a
// pattern, /pages/{slug} for a page.
func DocPath(k Kind, slug string) string {
	if k == KindPage {
		return "/pages/" + slug
	}
	return "/patterns/" + slug
}

// Path returns the app's URL path of d.
func (d *Doc) Path() string { return DocPath(d.Kind, d.Slug) }

// SearchPathOf is the app path of the search view for a query.
func SearchPathOf(q string) string {
	if q == "" {
		return SearchPath
	}
	return SearchPath + "?q=" + url.QueryEscape(q)
}

// GraphPathOf is the app path of the whole graph with the pattern of the
// given slug marked.
func GraphPathOf(slug string) string { return GraphPathFor(Filter{}, slug) }

// GraphPathFor is the app path of the graph of the patterns f lets
// through, with the pattern of the given slug, if any, marked:
// "/graph?block=Social#booth".
func GraphPathFor(f Filter, slug string) string {
	return (&url.URL{Path: GraphPath, RawQuery: f.query(), Fragment: slug}).String()
}

// CardPath is the app path of a document's share card.
func CardPath(slug string) string { return cardsPath + DocPath(KindPattern, slug)[1:] + ".png" }

// At is an app path with an anchor: "/patterns/booth#solution".
func At(path, anchor string) string {
	if anchor == "" {
		return path
	}
	return path + "#" + anchor
}

// AnchorOf is the anchor a label or name gives a section or a variant:
// lower-case letters and digits, other runs as one hyphen ("Known Uses"
// is "known-uses", "Brown Bag / Lunch" is "brown-bag-lunch"); "" when the
// label has no letter or digit.
func AnchorOf(label string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(label) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return b.String()
}

// VariantAnchorOf is the anchor of a variant named name.
func VariantAnchorOf(name string) string {
	if a := AnchorOf(name); a != "" {
		return "variant-" + a
	}
	return ""
}

// RouteKind names what the app shows for an address.
type RouteKind uint8

// The kinds of route.
const (
	RouteNotFound RouteKind = iota
	RouteHome
	RoutePattern
	RoutePage
	RouteGraph
	RouteSearch
	// RouteLegacy is an address of the original site (/booth.html), which
	// forwards to its document's route.
	RouteLegacy
)

// Route is an address decoded against a corpus.
type Route struct {
	// Kind is what the app shows.
	Kind RouteKind
	// Doc is the index of the document shown (pattern, page) or forwarded
	// to (legacy).
	Doc int
	// Query is the search query of the search view.
	Query string
	// Filter narrows the patterns of the graph view.
	Filter Filter
	// To is the app path a legacy address forwards to, with its anchor.
	To string
}

// Route decodes an app path (the prefix already taken off, see
// Site.Local) into what the app shows: the one place that reads the URL
// scheme back, for the browser, the server and the export alike. A plain
// file server's trailing slash is ignored.
func (c *Corpus) Route(u *url.URL) Route {
	p := u.Path
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	switch p {
	case HomePath, "":
		return Route{Kind: RouteHome}
	case GraphPath:
		return Route{Kind: RouteGraph, Filter: filterOf(u.Query())}
	case SearchPath:
		return Route{Kind: RouteSearch, Query: u.Query().Get("q")}
	}
	if slug, ok := strings.CutPrefix(p, DocPath(KindPattern, "")); ok {
		if i := c.Lookup(slug); i >= 0 && c.Docs[i].Kind == KindPattern {
			return Route{Kind: RoutePattern, Doc: i}
		}
		return Route{Kind: RouteNotFound}
	}
	if slug, ok := strings.CutPrefix(p, DocPath(KindPage, "")); ok {
		if i := c.Lookup(slug); i >= 0 && c.Docs[i].Kind == KindPage {
			return Route{Kind: RoutePage, Doc: i}
		}
		return Route{Kind: RouteNotFound}
	}
	if i := c.legacy(p); i >= 0 {
		return Route{Kind: RouteLegacy, Doc: i, To: At(c.Docs[i].Path(), u.Fragment)}
	}
	return Route{Kind: RouteNotFound}
}

// legacy is the document an address of the original site names, or -1:
// /x.html, /a/b.html, /a/b/index.html and /a/b/ (a folder's index).
func (c *Corpus) legacy(p string) int {
	slug := strings.TrimPrefix(p, "/")
	if s, ok := strings.CutSuffix(slug, ".html"); ok {
		slug = s
		if dir, ok := strings.CutSuffix(s, "/index"); ok && c.Lookup(s) < 0 {
			slug = dir
		}
	}
	if slug == "" {
		return -1
	}
	return c.Lookup(slug)
}

// LegacyPaths are the addresses of the original site that name d, as app
// paths: /{slug}.html, and /{slug}/index.html for a nested document.
func LegacyPaths(d *Doc) []string {
	out := []string{"/" + d.Slug + ".html"}
	if strings.Contains(d.Slug, "/") {
		out = append(out, "/"+d.Slug+"/index.html")
	}
	return out
}

// Paths returns every app path the app shows: home, graph, search, and
// each pattern and page. A static export prerenders them all.
func (c *Corpus) Paths() []string {
	paths := []string{HomePath, GraphPath, SearchPath}
	for i := range c.Docs {
		paths = append(paths, c.Docs[i].Path())
	}
	return paths
}

// viewIDs are the element ids the app's views use around a document;
// AnchorsOf never gives a section or a variant one of them.
var viewIDs = map[string]bool{
	"main": true, "shell": true, "q": true, "skip-link": true, "offline-mark": true, "share": true, "share-button": true,
	"code": true, "handout": true, "handout-qr": true, "handout-url": true, "kiosk": true, "kiosk-toast": true,
	"graph": true, "graph-local": true, "graph-title": true, "local": true, "featured": true, "featured-qr": true,
	"slug": true, "catalog": true, "catalog-count": true, "catalog-title": true, "closest": true, "search-guess": true,
	"search-results": true, "search-status": true, "qr-button": true, "qr-close": true, "qr-code": true,
	"qr-dialog": true, "qr-dialog-title": true, "qr-lan": true, "qr-localhost": true, "qr-url": true,
}

// AnchorsOf gives each section and each variant of d its anchor, from its
// label or first name (AnchorOf, VariantAnchorOf): unique in the document
// ("solution", "solution-2"), never one of the views' own ids or one of
// the document's other anchors, and never empty ("section-3").
func AnchorsOf(d *Doc) {
	taken := map[string]bool{}
	for _, a := range d.Anchors {
		taken[a] = true
	}
	claim := func(a, fallback string) string {
		if a == "" {
			a = fallback
		}
		if viewIDs[a] || strings.HasPrefix(a, "pattern-") || strings.HasPrefix(a, "result-") || strings.HasPrefix(a, "page-") {
			a = "section-" + a
		}
		out := a
		for n := 2; taken[out]; n++ {
			out = fmt.Sprintf("%s-%d", a, n)
		}
		taken[out] = true
		return out
	}
	for k := range d.Sections {
		d.Sections[k].Anchor = claim(AnchorOf(d.Sections[k].Label), fmt.Sprintf("section-%d", k+1))
	}
	for k := range d.Variants {
		name := ""
		if len(d.Variants[k].Names) > 0 {
			name = d.Variants[k].Names[0]
		}
		d.Variants[k].Anchor = claim(VariantAnchorOf(name), fmt.Sprintf("variant-%d", k+1))
	}
}
