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
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/text"

	"github.com/devrel-patterns/explorer/app/compiler/form"
	"github.com/devrel-patterns/explorer/app/compiler/form/jbake"
	"github.com/devrel-patterns/explorer/app/corpus"
)

// Options tune a compilation.
type Options struct {
	// Dir is the folder's name as shown in diagnostics ("content").
	Dir string
	// Drafts keeps files whose status is draft; by default they are skipped.
	Drafts bool
	// Layout places n graph nodes joined by edges (indices in [0, n)) in
	// the unit square; nil leaves every pattern at 0, 0. It runs on a
	// goroutine of its own while the documents are rendered and while
	// Vocabulary runs, and must return the same positions for the same
	// graph. It is not called when a file has an error.
	Layout func(n int, edges []corpus.Edge) [][2]float32
	// Vocabulary builds the search vocabulary; nil leaves it empty. It is
	// not called when a file has an error.
	Vocabulary func(docs []corpus.Doc) []corpus.Word
	// Site is where the corpus is published: in-text links are written
	// under its prefix. An empty origin is taken from jbake.properties'
	// site.host (with its path as the prefix, when Prefix is empty); an
	// empty name from the content (SiteName).
	Site corpus.Site
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
	// Images are the content's images, as the build writes them under
	// web/ (Image.Path), sorted by path.
	Images   []Image      `json:"images"`
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
	props   jbake.Properties // the folder's jbake.properties, or the defaults
	site    corpus.Site      // where the corpus is published, as far as known before its documents
	images  images           // the content's images, read once each
	report  Report
	sources []*source          // the compiled documents, sorted by slug
	bySlug  map[string]*source // every compiled document
	anchors map[string]string  // anchor id → slug of the page that holds it
	workers []*worker          // one per goroutine, reused by every phase
}

// warn records a warning about s; it is safe while other goroutines work
// on other sources.
func (s *source) warn(line int, format string, args ...any) {
	s.warnings = append(s.warnings, Diagnostic{File: s.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Compile reads every *.md file of fsys and compiles them into a corpus. It
// returns the report in every case; when a file has an error, the error is
// an ErrorList of all of them and the corpus is nil.
//
// The files are parsed and rendered in parallel, by as many goroutines as
// GOMAXPROCS, and the layout runs beside the rendering; every result is
// stored by file, so the corpus and the report do not depend on the
// scheduling.
func Compile(fsys fs.FS, opts Options) (*corpus.Corpus, Report, error) {
	c := &compilation{
		opts:    opts,
		bySlug:  map[string]*source{},
		anchors: map[string]string{},
	}
	if err := c.read(fsys); err != nil {
		return nil, c.report, err
	}
	c.site = c.publishedAt()
	c.images.fsys = fsys
	c.each(len(c.sources), func(_ *worker, i int) {
		s := c.sources[i]
		c.resolveLinks(s, s.tree)
	})
	c.collectPanics(c.sourceName)
	g := c.graph()
	full := len(c.report.Errors) == 0
	var positions [][2]float32
	laidOut := make(chan struct{})
	if full && opts.Layout != nil {
		go func() {
			defer close(laidOut)
			positions = opts.Layout(len(g.nodes), g.nodeEdges)
		}()
	} else {
		close(laidOut)
	}
	// Building blocks are a concept of our own language: a pattern without
	// them is worth a warning only where other patterns have them.
	usesBlocks := false
	for _, s := range c.sources {
		usesBlocks = usesBlocks || len(s.doc.Blocks) > 0
	}
	for _, w := range c.workers {
		w.usesBlocks = usesBlocks
	}
	renderErrs := make([]error, len(c.sources))
	c.each(len(c.sources), func(w *worker, i int) {
		s := c.sources[i]
		renderErrs[i] = w.lay(s)
		s.tree = nil // the tree is the bulk of the memory; let it go
	})
	c.collectPanics(c.sourceName)
	for i, err := range renderErrs {
		if err != nil {
			<-laidOut
			return nil, c.report, fmt.Errorf("%s: render: %w", c.sources[i].name, err)
		}
	}
	out := c.assemble(g, full)
	<-laidOut
	if full {
		for n, i := range g.nodes {
			if n < len(positions) {
				out.Docs[i].X, out.Docs[i].Y = positions[n][0], positions[n][1]
			}
		}
		sum := sha256.Sum256(corpus.Encode(out))
		out.Version = hex.EncodeToString(sum[:8])
	}
	for _, s := range c.sources {
		c.report.Warnings = append(c.report.Warnings, s.warnings...)
		c.report.Broken = append(c.report.Broken, s.broken...)
	}
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

// each calls f(w, i) for every i in [0, n), on as many goroutines as
// GOMAXPROCS, each with its own worker. A panic in f, a bug that some
// input triggers, is recorded as an error on that file (see failed)
// instead of ending the program.
func (c *compilation) each(n int, f func(w *worker, i int)) {
	k := max(1, min(runtime.GOMAXPROCS(0), n))
	for len(c.workers) < k {
		c.workers = append(c.workers, newWorker())
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for _, w := range c.workers[:k] {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				c.guard(w, i, f)
			}
		})
	}
	wg.Wait()
}

// guard runs f(w, i) and records a panic on the worker.
func (c *compilation) guard(w *worker, i int, f func(w *worker, i int)) {
	defer func() {
		if r := recover(); r != nil {
			w.panics = append(w.panics, workerPanic{index: i, value: r})
		}
	}()
	f(w, i)
}

// workerPanic is a panic recovered while compiling the file at index.
type workerPanic struct {
	index int
	value any
}

// collectPanics turns the panics recorded by the workers during a phase
// into errors on the files, named by index.
func (c *compilation) collectPanics(name func(i int) string) {
	for _, w := range c.workers {
		for _, p := range w.panics {
			c.report.Errors = append(c.report.Errors, Diagnostic{File: name(p.index), Line: 1, Msg: fmt.Sprintf("cannot compile this file: internal error: %v", p.value)})
		}
		w.panics = nil
	}
}

// sourceName names c.sources[i].
func (c *compilation) sourceName(i int) string { return c.sources[i].name }

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
		switch {
		case d.IsDir() && p != "." && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir // .git, .github: not content
		case !d.IsDir() && contentExt(p) != "":
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read content: %w", err)
	}
	slices.Sort(names)
	if err := c.readProperties(fsys); err != nil {
		return err
	}

	// Names and slugs first, in name order, so that the first of two files
	// with one slug is the one kept.
	type file struct {
		name, path, slug string
		raw              []byte
		diags            []Diagnostic
		draft            bool
		src              *source // parsed, not a skipped draft
	}
	files := make([]file, len(names))
	slugs := map[string]string{} // slug → name of the first file with it
	for i, p := range names {
		f := &files[i]
		f.name = path.Join(c.opts.Dir, p)
		f.path = p
		f.slug = slugOf(p)
		if f.slug == "" {
			f.diags = []Diagnostic{{File: f.name, Line: 1, Msg: "file name gives an empty slug"}}
			continue
		}
		if why := unsafeName(p); why != "" {
			f.diags = []Diagnostic{{File: f.name, Line: 1, Msg: why}}
			continue
		}
		if prev, dup := slugs[f.slug]; dup {
			f.diags = []Diagnostic{{File: f.name, Line: 1, Msg: fmt.Sprintf("slug %q is also the slug of %s", f.slug, prev)}}
			continue
		}
		slugs[f.slug] = f.name
		// An fs.FS need not be safe for concurrent use: read here, parse in
		// parallel below.
		if f.diags = checkSize(fsys, p, f.name); f.diags != nil { // limits.go
			continue
		}
		if f.raw, err = fs.ReadFile(fsys, p); err != nil {
			return fmt.Errorf("read content: %w", err)
		}
	}

	c.each(len(files), func(w *worker, i int) {
		f := &files[i]
		if f.diags != nil {
			return
		}
		s, diags := newSource(f.name, f.path, f.slug, f.raw)
		f.raw = nil
		if len(diags) == 0 {
			diags = s.readHeader(c.props)
		}
		if len(diags) > 0 {
			f.diags = diags
			return
		}
		if s.doc.Status == "draft" && !c.opts.Drafts {
			f.draft = true
			return
		}
		if f.diags = checkNesting(f.name, s.text, s.body); f.diags != nil { // limits.go
			return
		}
		src := s.text[s.body:]
		s.tree = w.md.Parser().Parse(text.NewReader(src))
		if s.title {
			s.takeTitle()
		}
		s.doc.File = s.path
		s.doc.Category = categoryOf(s.path)
		dropTitleHeading(s.tree, src, s.doc.Title)
		s.doc.Kind = c.kindOf(s, src)
		if s.doc.Kind == corpus.KindPage {
			s.doc.Anchors = anchorsOf(s.tree, src)
		}
		f.src = s
	})
	c.collectPanics(func(i int) string { return files[i].name })

	for i := range files {
		f := &files[i]
		c.report.Errors = append(c.report.Errors, f.diags...)
		switch {
		case f.draft:
			c.report.Drafts++
		case f.src != nil:
			c.bySlug[f.slug] = f.src
			c.sources = append(c.sources, f.src)
		}
	}
	slices.SortFunc(c.sources, func(a, b *source) int { return strings.Compare(a.slug, b.slug) })
	c.warnHeaderless()
	c.implementations()
	for _, s := range c.sources {
		for _, a := range s.doc.Anchors {
			if owner, dup := c.anchors[a]; dup {
				s.warn(1, "anchor %q is also defined in %s", a, c.bySlug[owner].name)
				continue
			}
			c.anchors[a] = s.slug
		}
	}
	return nil
}

// graph is the link structure of the documents, known once links are
// resolved and before anything is rendered.
type graph struct {
	edges     []corpus.Edge // between documents, sorted
	backlinks [][]int32     // by document, sorted
	nodes     []int         // documents that are patterns: the layout's nodes
	nodeEdges []corpus.Edge // edges between layout nodes
}

// graph computes the edges and backlinks from the resolved links, and
// counts links and edges.
func (c *compilation) graph() graph {
	var g graph
	index := make(map[string]int32, len(c.sources))
	for i, s := range c.sources {
		index[s.slug] = int32(i)
	}
	g.backlinks = make([][]int32, len(c.sources))
	seen := map[int32]bool{}
	for i, s := range c.sources {
		d := &s.doc
		c.report.Links += len(d.Links)
		clear(seen)
		for _, l := range d.Links {
			j, ok := index[l.Target]
			if l.Broken || !ok || j == int32(i) || seen[j] {
				continue
			}
			seen[j] = true
			g.backlinks[j] = append(g.backlinks[j], int32(i)) // ascending: i grows
			if d.Kind == corpus.KindPattern && c.sources[j].doc.Kind == corpus.KindPattern {
				g.edges = append(g.edges, corpus.Edge{From: int32(i), To: j})
			}
		}
	}
	// A document's links are in source order, so its edges are not sorted
	// by target yet.
	slices.SortFunc(g.edges, func(a, b corpus.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	c.report.Edges = len(g.edges)
	node := make([]int32, len(c.sources))
	for i, s := range c.sources {
		if s.doc.Kind == corpus.KindPattern {
			node[i] = int32(len(g.nodes))
			g.nodes = append(g.nodes, i)
		}
	}
	g.nodeEdges = make([]corpus.Edge, len(g.edges))
	for k, e := range g.edges {
		g.nodeEdges[k] = corpus.Edge{From: node[e.From], To: node[e.To]}
	}
	return g
}

// lay renders a document: a page as a whole, a pattern section by section.
func (w *worker) lay(s *source) error {
	src := s.text[s.body:]
	if s.doc.Kind == corpus.KindPage {
		html, err := w.render(src, s.tree)
		if err != nil {
			return err
		}
		s.doc.HTML = html
		s.doc.Text = w.plainText(src, s.tree)
		s.doc.Entries = w.entries(src, s.tree)
		return nil
	}
	if len(s.doc.Blocks) == 0 && w.usesBlocks {
		s.warn(s.bodyLine(offsetOf(s.tree.FirstChild())), "pattern has no building-block line (*Code, Social*)")
	}
	return w.structure(s, s.tree)
}

// assemble builds the corpus from the laid-out sources and their graph:
// building blocks, tags and counts, and when full is set (there are no
// errors, so the corpus will be used) the vocabulary. Empty lists are nil,
// as corpus.Decode returns them.
func (c *compilation) assemble(g graph, full bool) *corpus.Corpus {
	out := &corpus.Corpus{Edges: g.edges, Site: c.site}
	c.report.Images = c.images.all()
	slices.SortFunc(c.report.Images, func(a, b Image) int { return strings.Compare(a.Path, b.Path) })
	c.report.Images = slices.CompactFunc(c.report.Images, func(a, b Image) bool { return a.Path == b.Path })
	out.Media = media(c.report.Images, c.site)
	if len(c.sources) > 0 {
		out.Docs = make([]corpus.Doc, len(c.sources))
	}
	blockSeen := map[string]bool{}
	tagSeen := map[string]bool{}
	for i, s := range c.sources {
		out.Docs[i] = s.doc
		d := &out.Docs[i]
		d.Backlinks = g.backlinks[i]
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
	}
	slices.Sort(out.Blocks)
	slices.Sort(out.Tags)
	out.Site.Name = siteName(c.site.Name, out.Docs, out.Lookup)
	if full && c.opts.Vocabulary != nil {
		if out.Words = c.opts.Vocabulary(out.Docs); len(out.Words) == 0 {
			out.Words = nil
		}
	}
	return out
}

// readProperties reads the folder's jbake.properties, if it has one; its
// problems are errors on that file.
func (c *compilation) readProperties(fsys fs.FS) error {
	c.props = jbake.Properties{Separator: jbake.Separator}
	data, err := fs.ReadFile(fsys, jbake.PropertiesFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("read content: %w", err)
	}
	props, problems := jbake.ReadProperties(data)
	for _, p := range problems {
		c.report.Errors = append(c.report.Errors, Diagnostic{File: path.Join(c.opts.Dir, jbake.PropertiesFile), Line: p.Line, Msg: p.Msg})
	}
	c.props = props
	return nil
}

// warnHeaderless warns about each file without a header in a JBake
// folder (one with a jbake.properties, or with files in the JBake form):
// it is read as Markdown, with the folder's defaults, and not dropped.
func (c *compilation) warnHeaderless() {
	jbakeFolder := c.props.Present
	for _, s := range c.sources {
		jbakeFolder = jbakeFolder || s.form == form.JBake
	}
	if !jbakeFolder {
		return
	}
	for _, s := range c.sources {
		if s.form == form.Plain {
			s.warn(1, "no %s header: read as Markdown titled %q, with the folder's defaults", c.props.Separator, s.doc.Title)
		}
	}
}

// kindOf tells a pattern from a page: a header type that names patterns
// ("pattern", or one of jbake.properties' pattern.types) makes a pattern,
// an index type ("patternsindex") a page; for any other type, or none, the
// structure decides: our building-block line, a ***Label*** section, or a
// heading section of the problem kind. The building blocks are kept.
func (c *compilation) kindOf(s *source, src []byte) corpus.Kind {
	blocks := blocksLine(s.tree, src)
	s.doc.Blocks = blocks
	typ := docType(s)
	switch {
	case c.patternType(s):
		return corpus.KindPattern
	case typ == "patternsindex" || slices.Contains(c.props.IndexTypes, typ):
		return corpus.KindPage
	case blocks != nil, hasLabel(s.tree, src), hasProblemHeading(s.tree, src):
		return corpus.KindPattern
	}
	return corpus.KindPage
}

// implementations gives each file beside a pattern's index file (a
// pattern's folder: "behavioral/Strategy/csharp.md") that pattern as its
// Parent, so that it is shown with the pattern; such a file is a page
// unless its header's type makes it a pattern.
func (c *compilation) implementations() {
	for _, s := range c.sources {
		if isIndex(s.path) {
			continue
		}
		p := c.bySlug[path.Dir(s.slug)]
		if p == nil || !isIndex(p.path) || p.doc.Kind != corpus.KindPattern {
			continue
		}
		s.doc.Parent = p.slug
		if s.doc.Kind == corpus.KindPattern && !c.patternType(s) {
			s.doc.Kind = corpus.KindPage
			s.doc.Blocks = nil
			s.doc.Anchors = anchorsOf(s.tree, s.text[s.body:])
		}
	}
}

// docType is a document's header type, in lower case, or "".
func docType(s *source) string {
	for _, f := range s.doc.Meta {
		if f.Key == keyType {
			return strings.ToLower(strings.TrimSpace(f.Value))
		}
	}
	return ""
}

// patternType reports whether a document's header type names patterns.
func (c *compilation) patternType(s *source) bool {
	typ := docType(s)
	return typ == "pattern" || slices.Contains(c.props.PatternTypes, typ)
}
