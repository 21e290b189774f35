package compiler

import (
	"html"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// target is what an internal link points at.
type target struct {
	slug, anchor string
}

// docExts are the extensions a link to a document may carry: the site it
// was written for served .html, its sources are .md.
var docExts = []string{".html", ".htm", ".md", ".markdown"}

// classify tells what a link destination names: ok is false for an external
// link, an in-page anchor, a file that is not a document (an image, a PDF),
// a path outside the content folder, or anything else that is not a link
// to a document.
//
// A path is resolved as a reader of the source expects: relative to the
// linking file's folder ("./x.html", "../Strategy/", "x.md", "x"), or from
// the content folder when it starts with "/"; with or without an
// extension, a folder meaning its index, the anchor kept. A link to the
// site's own host (jbake.properties' site.host) is a path on it.
func (c *compilation) classify(s *source, dest string) (t target, ok bool) {
	if name, wiki := strings.CutPrefix(dest, wikiScheme); wiki {
		return c.wikiTarget(s, name), true
	}
	// goldmark decodes character references when it renders a destination
	// ("&#x6A;avascript:"), so the link is classified as it will be read.
	dest = html.UnescapeString(dest)
	if dest == "" || strings.HasPrefix(dest, "//") && !c.ownHost(dest) {
		return t, false
	}
	u, err := url.Parse(dest)
	if err != nil {
		return t, false
	}
	if u.Scheme != "" || u.Host != "" {
		if !c.ownHost(dest) {
			return t, false
		}
		u = &url.URL{Path: "/" + strings.TrimPrefix(u.Path, "/"), Fragment: u.Fragment}
	}
	if u.Path == "" { // "#slug" or "#term"
		frag := u.Fragment
		switch {
		case frag == "":
			return t, false
		case c.bySlug[frag] != nil:
			return target{slug: frag}, true
		case c.anchors[frag] != "":
			return target{slug: c.anchors[frag], anchor: frag}, true
		case containsString(s.doc.Anchors, frag) || strings.HasPrefix(frag, "fn:") || strings.HasPrefix(frag, "fnref:"):
			return t, false
		}
		return target{slug: frag}, true // a missing pattern, reported as broken
	}
	rel := u.Path
	if strings.HasPrefix(rel, "/") {
		rel = path.Clean(rel)[1:]
	} else {
		rel = path.Join(path.Dir(s.path), rel)
	}
	if rel == ".." || strings.HasPrefix(rel, "../") || rel != "." && unsafeName(rel) != "" {
		return t, false // outside the content folder, or no document's name
	}
	slug, ok := c.docSlug(rel)
	if !ok {
		return t, false
	}
	return target{slug: slug, anchor: u.Fragment}, true
}

// docSlug maps a cleaned path under the content folder to the slug it
// names: the path itself when a document has it ("node.js"), else the path
// without a document extension, a folder's index standing for the folder.
// ok is false for a file of another kind and for the content folder
// itself when it has no index.
func (c *compilation) docSlug(rel string) (string, bool) {
	if rel == "." {
		rel = ""
	}
	if c.bySlug[rel] != nil {
		return rel, true
	}
	if ext := path.Ext(rel); ext != "" {
		known := false
		for _, e := range docExts {
			if strings.EqualFold(ext, e) {
				known = true
			}
		}
		if !known {
			return "", false // an image, a PDF, a file of the site
		}
		rel = strings.TrimSuffix(rel, ext)
	}
	if dir, base := path.Split(rel); strings.EqualFold(base, "index") {
		rel = strings.TrimSuffix(dir, "/")
	}
	if rel == "" {
		return "index", c.bySlug["index"] != nil
	}
	return rel, true
}

// ownHost reports whether an absolute URL is on the site's own host, as
// jbake.properties' site.host names it.
func (c *compilation) ownHost(dest string) bool {
	if c.props.SiteHost == "" {
		return false
	}
	u, err := url.Parse(dest)
	site, err2 := url.Parse(c.props.SiteHost)
	return err == nil && err2 == nil && u.Host != "" && strings.EqualFold(u.Host, site.Host)
}

// wikiTarget resolves the target of a [[wiki link]]: a path as for any
// link, else a document whose title or file name matches without regard
// to case, spaces and dashes; else a missing document named after it.
func (c *compilation) wikiTarget(s *source, name string) target {
	name, anchor, _ := strings.Cut(name, "#")
	name = strings.TrimSpace(name)
	if t, ok := c.classify(s, name); ok && c.bySlug[t.slug] != nil {
		t.anchor = anchor
		return t
	}
	key := wikiKey(name)
	for _, o := range c.sources {
		if wikiKey(o.doc.Title) == key || wikiKey(path.Base(o.slug)) == key {
			return target{slug: o.slug, anchor: anchor}
		}
	}
	return target{slug: strings.ReplaceAll(strings.ToLower(name), " ", "-"), anchor: anchor}
}

// wikiKey folds a name for matching: lower case, without spaces, dashes
// or underscores.
func wikiKey(s string) string {
	return strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s))
}

// resolveLinks rewrites every internal link of a tree to the app's routes,
// marks links to missing documents, and records the document's links; it
// serves the tree's images from the build (resolveImage). It
// only reads the compilation, so sources can be resolved in parallel.
func (c *compilation) resolveLinks(s *source, doc ast.Node) {
	seen := map[target]int{}
	s.linkAt = map[*ast.Link]int{}
	var imgs []*ast.Image
	defer func() {
		for _, img := range imgs { // after the walk, which they may leave
			c.resolveImage(s, img)
		}
	}()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			imgs = append(imgs, img)
		}
		link, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		t, ok := c.classify(s, string(link.Destination))
		if !ok {
			return ast.WalkContinue, nil
		}
		to := c.bySlug[t.slug]
		broken := to == nil
		if broken {
			line := s.bodyLine(offsetOf(link))
			s.broken = append(s.broken, BrokenLink{File: s.name, Line: line, Target: t.slug})
			if near := c.nearest(t.slug); near != "" {
				s.warn(line, "link to missing pattern %q (shown as not yet written); did you mean %s?", t.slug, near)
			} else {
				s.warn(line, "link to missing pattern %q (shown as not yet written)", t.slug)
			}
			link.Destination = []byte(c.site.Path(corpus.DocPath(corpus.KindPattern, t.slug)))
			link.SetAttributeString("class", []byte("broken"))
			link.Title = []byte("Not yet written")
		} else {
			link.Destination = []byte(c.site.Path(corpus.At(corpus.DocPath(to.doc.Kind, t.slug), t.anchor)))
		}
		k, ok := seen[t]
		if !ok {
			k = len(s.doc.Links)
			seen[t] = k
			s.doc.Links = append(s.doc.Links, corpus.Link{Target: t.slug, Anchor: t.anchor, Broken: broken})
		}
		s.linkAt[link] = k
		return ast.WalkContinue, nil
	})
}

// nearest returns the existing slug closest to a missing one, by edit
// distance over the whole slug and over its last segment, or "" when none
// is close (at most a third of the name's letters, and at most 4, differ).
func (c *compilation) nearest(missing string) string {
	best, bestD := "", 0
	limit := min(4, max(1, len([]rune(missing))/3))
	for _, o := range c.sources {
		d := min(editDistance(missing, o.slug), editDistance(path.Base(missing), path.Base(o.slug)))
		if d <= limit && (best == "" || d < bestD) {
			best, bestD = o.slug, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by runes,
// ignoring case.
func editDistance(a, b string) int {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
