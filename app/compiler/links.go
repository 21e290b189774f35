package compiler

import (
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

// classify tells what a link destination names: ok is false for an external
// link, an in-page anchor, or anything that is not a link to a document.
func (c *compilation) classify(s *source, dest string) (t target, ok bool) {
	if dest == "" || strings.HasPrefix(dest, "//") {
		return t, false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return t, false
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
	base := path.Base(u.Path)
	slug, isHTML := strings.CutSuffix(base, ".html")
	if !isHTML || slug == "" || slug == "index" {
		return t, false
	}
	return target{slug: slug, anchor: u.Fragment}, true
}

// resolveLinks rewrites every internal link of a tree to the app's routes,
// marks links to missing documents, and records the document's links. It
// only reads the compilation, so sources can be resolved in parallel.
func (c *compilation) resolveLinks(s *source, doc ast.Node) {
	seen := map[target]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
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
			s.warn(line, "link to missing pattern %q (shown as not yet written)", t.slug)
			link.Destination = []byte(corpus.DocPath(corpus.KindPattern, t.slug))
			link.SetAttributeString("class", []byte("broken"))
			link.Title = []byte("Not yet written")
		} else {
			dest := corpus.DocPath(to.doc.Kind, t.slug)
			if t.anchor != "" {
				dest += "#" + t.anchor
			}
			link.Destination = []byte(dest)
		}
		if !seen[t] {
			seen[t] = true
			s.doc.Links = append(s.doc.Links, corpus.Link{Target: t.slug, Anchor: t.anchor, Broken: broken})
		}
		return ast.WalkContinue, nil
	})
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
