// Package compiler turns a folder of pattern files into a corpus, at build
// time: it reads every file, parses its header and its Markdown body with
// goldmark, finds the pattern structure, resolves the links between files,
// and reports every problem as "file:line: message". The WASM app never
// links this package.
package compiler

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Options tune a compilation.
type Options struct {
	// Dir is the folder's name as shown in diagnostics ("content").
	Dir string
	// Drafts keeps files whose status is draft; by default they are skipped.
	Drafts bool
	// Layout places n graph nodes joined by edges (indices in [0, n)) in
	// the unit square; nil leaves every pattern at 0, 0.
	Layout func(n int, edges []corpus.Edge) [][2]float32
	// Vocabulary builds the search vocabulary; nil leaves it empty.
	Vocabulary func(docs []corpus.Doc) []corpus.Word
}

// Report summarises a compilation, in the shape `build.go check -json`
// prints.
type Report struct {
	Patterns int          `json:"patterns"`
	Pages    int          `json:"pages"`
	Drafts   int          `json:"drafts"`
	Links    int          `json:"links"`
	Edges    int          `json:"edges"`
	Broken   []BrokenLink `json:"broken"`
	Warnings []Diagnostic `json:"warnings"`
	Errors   []Diagnostic `json:"errors"`
}

// BrokenLink is a link to a document that does not exist.
type BrokenLink struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Target string `json:"target"`
}

// compilation is the state of one Compile call.
type compilation struct {
	opts    Options
	md      goldmark.Markdown
	report  Report
	sources []*source
	bySlug  map[string]*source
	anchors map[string]string // anchor id → slug of the page that holds it
}

func (c *compilation) warn(s *source, line int, format string, args ...any) {
	c.report.Warnings = append(c.report.Warnings, Diagnostic{File: s.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Compile reads every *.md file of fsys and compiles them into a corpus. It
// returns the report in every case; when a file has an error, the error is
// an ErrorList of all of them and the corpus is nil.
func Compile(fsys fs.FS, opts Options) (*corpus.Corpus, Report, error) {
	c := &compilation{
		opts:    opts,
		md:      newMarkdown(),
		bySlug:  map[string]*source{},
		anchors: map[string]string{},
	}
	if err := c.read(fsys); err != nil {
		return nil, c.report, err
	}
	for _, s := range c.sources {
		c.resolveLinks(s, s.tree)
	}
	for _, s := range c.sources {
		if err := c.lay(s); err != nil {
			return nil, c.report, fmt.Errorf("%s: render: %w", s.name, err)
		}
	}
	out := c.assemble(len(c.report.Errors) == 0)
	sortDiagnostics(c.report.Warnings)
	slices.SortStableFunc(c.report.Broken, func(a, b BrokenLink) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	if len(c.report.Errors) > 0 {
		sortDiagnostics(c.report.Errors)
		return nil, c.report, ErrorList(c.report.Errors)
	}
	return out, c.report, nil
}

// read loads, checks and parses every file, and indexes slugs and anchors.
func (c *compilation) read(fsys fs.FS) error {
	if fsys == nil {
		return errors.New("read content: no folder")
	}
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read content: %w", err)
	}
	slices.Sort(names)
	files := map[string]string{} // slug → name of the first file with it
	for _, p := range names {
		raw, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read content: %w", err)
		}
		name := path.Join(c.opts.Dir, p)
		slug := strings.TrimSuffix(path.Base(p), ".md")
		if slug == "" {
			c.report.Errors = append(c.report.Errors, Diagnostic{File: name, Line: 1, Msg: "file name gives an empty slug"})
			continue
		}
		if prev, dup := files[slug]; dup {
			c.report.Errors = append(c.report.Errors, Diagnostic{File: name, Line: 1, Msg: fmt.Sprintf("slug %q is also the slug of %s", slug, prev)})
			continue
		}
		files[slug] = name
		s, diags := newSource(name, slug, raw)
		if len(diags) == 0 {
			diags = s.parseHeader()
		}
		if len(diags) > 0 {
			c.report.Errors = append(c.report.Errors, diags...)
			continue
		}
		if s.doc.Status == "draft" && !c.opts.Drafts {
			c.report.Drafts++
			continue
		}
		src := s.text[s.body:]
		tree := c.md.Parser().Parse(text.NewReader(src))
		if isPattern(tree, src) {
			s.doc.Kind = corpus.KindPattern
			s.doc.Blocks = blocksLine(tree, src)
		} else {
			s.doc.Kind = corpus.KindPage
			s.doc.Anchors = anchorsOf(tree, src)
		}
		s.tree = tree
		c.bySlug[slug] = s
		c.sources = append(c.sources, s)
	}
	slices.SortFunc(c.sources, func(a, b *source) int { return strings.Compare(a.slug, b.slug) })
	for _, s := range c.sources {
		for _, a := range s.doc.Anchors {
			if owner, dup := c.anchors[a]; dup {
				c.warn(s, 1, "anchor %q is also defined in %s", a, c.bySlug[owner].name)
				continue
			}
			c.anchors[a] = s.slug
		}
	}
	return nil
}

// lay renders a document: a page as a whole, a pattern section by section.
func (c *compilation) lay(s *source) error {
	src := s.text[s.body:]
	if s.doc.Kind == corpus.KindPage {
		html, err := render(c.md, src, s.tree)
		if err != nil {
			return err
		}
		s.doc.HTML = html
		s.doc.Text = plainText(src, s.tree)
		return nil
	}
	if len(s.doc.Blocks) == 0 {
		c.warn(s, s.bodyLine(offsetOf(s.tree.FirstChild())), "pattern has no building-block line (*Code, Social*)")
	}
	return c.structure(s, s.tree)
}

// assemble builds the corpus from the laid-out sources: edges, backlinks,
// building blocks, tags and counts, and when full is set (there are no
// errors, so the corpus will be used) layout, vocabulary and version.
// Empty lists are nil, as corpus.Decode returns them.
func (c *compilation) assemble(full bool) *corpus.Corpus {
	out := &corpus.Corpus{}
	if len(c.sources) > 0 {
		out.Docs = make([]corpus.Doc, len(c.sources))
	}
	index := make(map[string]int32, len(c.sources))
	for i, s := range c.sources {
		out.Docs[i] = s.doc
		index[s.slug] = int32(i)
	}
	blockSeen := map[string]bool{}
	tagSeen := map[string]bool{}
	back := make([][]int32, len(out.Docs))
	for i := range out.Docs {
		d := &out.Docs[i]
		if d.Kind == corpus.KindPattern {
			c.report.Patterns++
		} else {
			c.report.Pages++
		}
		for _, b := range d.Blocks {
			if !blockSeen[b] {
				blockSeen[b] = true
				out.Blocks = append(out.Blocks, b)
			}
		}
		for _, t := range d.Tags {
			if !tagSeen[t] {
				tagSeen[t] = true
				out.Tags = append(out.Tags, t)
			}
		}
		c.report.Links += len(d.Links)
		edgeSeen := map[int32]bool{}
		for _, l := range d.Links {
			j, ok := index[l.Target]
			if l.Broken || !ok || j == int32(i) || edgeSeen[j] {
				continue
			}
			edgeSeen[j] = true
			back[j] = append(back[j], int32(i))
			if d.Kind == corpus.KindPattern && out.Docs[j].Kind == corpus.KindPattern {
				out.Edges = append(out.Edges, corpus.Edge{From: int32(i), To: j})
			}
		}
	}
	for i := range out.Docs {
		out.Docs[i].Backlinks = back[i] // ascending: i grows in the loop above
	}
	// A document's links are in source order, so its edges are not sorted
	// by target yet.
	slices.SortFunc(out.Edges, func(a, b corpus.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	slices.Sort(out.Blocks)
	slices.Sort(out.Tags)
	c.report.Edges = len(out.Edges)
	if !full {
		return out
	}
	if c.opts.Layout != nil {
		c.layout(out)
	}
	if c.opts.Vocabulary != nil {
		if out.Words = c.opts.Vocabulary(out.Docs); len(out.Words) == 0 {
			out.Words = nil
		}
	}
	sum := sha256.Sum256(corpus.Encode(out))
	out.Version = hex.EncodeToString(sum[:8])
	return out
}

// layout places the patterns (pages are not in the graph) with the
// layout function.
func (c *compilation) layout(out *corpus.Corpus) {
	nodes := out.Patterns()
	node := make(map[int32]int32, len(nodes))
	for n, i := range nodes {
		node[int32(i)] = int32(n)
	}
	edges := make([]corpus.Edge, len(out.Edges))
	for k, e := range out.Edges {
		edges[k] = corpus.Edge{From: node[e.From], To: node[e.To]}
	}
	pos := c.opts.Layout(len(nodes), edges)
	for n, i := range nodes {
		if n < len(pos) {
			out.Docs[i].X, out.Docs[i].Y = pos[n][0], pos[n][1]
		}
	}
}
