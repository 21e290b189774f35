package ui

import (
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/graph"
	"github.com/devrel-patterns/explorer/app/markup"
)

// patternView shows one pattern: title, building blocks, aliases, each
// section in source order, variants, links out and back. The section or
// variant whose anchor is target is marked, as a search hit in it opens
// it.
func patternView(c *corpus.Corpus, i int, target string) app.UI {
	d := &c.Docs[i]
	return app.Article().Class("pattern").ID("pattern-"+d.Slug).Body(
		breadcrumb(c, d),
		app.H1().Class("pattern-title").Text(d.Title),
		blockChips(c, d.Blocks),
		patternActions(c, d, target), // booth.go
		patternHandout(c, d),
		app.If(len(d.Aliases) > 0, func() app.UI {
			return app.P().Class("aliases").Body(
				app.Span().Class("label").Text("Also known as "),
				app.Text(joinList(d.Aliases)),
			)
		}),
		app.If(d.Summary != "", func() app.UI { return rawHTML("summary", d.Summary) }),
		app.Range(d.Sections).Slice(func(k int) app.UI {
			return sectionView(c, d, k, target)
		}),
		implementations(c, d), // breadcrumb.go
		linksView(c, d),
		localGraph(c, d),
	)
}

// sectionView shows one labelled section, with its anchor and a link to
// it; the Also Known As section is shown above, as the aliases line.
func sectionView(c *corpus.Corpus, d *corpus.Doc, k int, target string) app.UI {
	s := d.Sections[k]
	switch s.Kind {
	case corpus.SectionAliases:
		return nil
	case corpus.SectionVariants:
		return app.Section().ID(s.Anchor).Class("section section-variants"+targetIf(s.Anchor, target)).Body(
			sectionHeading(c, d, s.Label, s.Anchor),
			app.If(s.HTML != "", func() app.UI { return rawHTML("section-body", s.HTML) }),
			app.Ul().Class("variants").Body(
				app.Range(d.Variants).Slice(func(v int) app.UI {
					vr := d.Variants[v]
					return app.Li().ID(vr.Anchor).Class("variant"+targetIf(vr.Anchor, target)).Body(
						app.Range(vr.Names).Slice(func(n int) app.UI {
							return app.Strong().Class("variant-name").Text(vr.Names[n])
						}),
						permalink(c, d, vr.Anchor, firstName(vr)),
						rawHTML("variant-body", vr.HTML),
					)
				}),
			),
		)
	}
	return app.Section().ID(s.Anchor).Class("section section-"+slugify(s.Label)+" kind-"+s.Kind.String()+targetIf(s.Anchor, target)).Body(
		sectionHeading(c, d, s.Label, s.Anchor),
		rawHTML("section-body", s.HTML),
	)
}

// sectionHeading is a section's heading with its permalink.
func sectionHeading(c *corpus.Corpus, d *corpus.Doc, label, anchor string) app.UI {
	return app.H2().Body(app.Text(label), permalink(c, d, anchor, label))
}

// permalink is the link to a part of a pattern's page
// ("/patterns/booth#solution"): following it puts the part's address in
// the address bar, and a click also copies it where the page may use the
// clipboard.
func permalink(c *corpus.Corpus, d *corpus.Doc, anchor, name string) app.UI {
	return app.A().Class("permalink").Href(href(c, corpus.At(d.Path(), anchor))).
		Title("Link to this part (copies its address)").Aria("label", "Link to “"+name+"” in "+d.Title).Text("#").
		OnClick(copyHref)
}

// copyHref copies the absolute address of the clicked link, when the
// asynchronous Clipboard API is there; the link is followed either way.
func copyHref(ctx app.Context, e app.Event) {
	a := e.Get("currentTarget")
	clip := app.Window().Get("navigator").Get("clipboard")
	if a.Truthy() && clip.Truthy() && clip.Get("writeText").Truthy() {
		// A refused copy (no permission) is not an error to show: the
		// link still goes to the part. The callback is released once the
		// copy settles either way.
		var settled app.Func
		settled = app.FuncOf(func(app.Value, []app.Value) any {
			settled.Release()
			return nil
		})
		clip.Call("writeText", a.Get("href")).Call("then", settled, settled)
	}
}

// firstName is a variant's first name, or "variant".
func firstName(vr corpus.Variant) string {
	if len(vr.Names) > 0 {
		return vr.Names[0]
	}
	return "variant"
}

// targetIf is the class to add to the part an address points at.
func targetIf(anchor, target string) string {
	if anchor != "" && anchor == target {
		return " target"
	}
	return ""
}

// linksView lists the pattern's links out and in, each by section: the
// links out under the sections of this pattern they are in, the links in
// under the sections of the patterns they come from (a link from a
// pattern's context and one from its solution mean different things).
// Links without sections (a page's) are one list. It is the graph's
// relations, in a form a screen reader or a phone reads best.
func linksView(c *corpus.Corpus, d *corpus.Doc) app.UI {
	// One piece of HTML, which go-app mounts with one parse: it holds only
	// links (their previews listen on the document, preview.go).
	var b strings.Builder
	b.WriteString(`<div class="links">`)
	writeLinks(&b, c, d, 2)
	b.WriteString(`</div>`)
	return markup.Raw(b.String())
}

// writeLinks writes d's links out and in, by section, under headings of
// the given level ("Links to", "Referenced by") and the level below (the
// sections): the pattern page's links and each entry of the graph's
// relations list (relations.go).
func writeLinks(b *strings.Builder, c *corpus.Corpus, d *corpus.Doc, level int) {
	esc := html.EscapeString
	var out linkGroups
	for _, l := range d.Links {
		item := func() string {
			if l.Broken {
				return `<a class="broken" href="` + esc(href(c, corpus.DocPath(corpus.KindPattern, l.Target))) +
					`" title="Not yet written">` + esc(l.Target+" (not yet written)") + `</a>`
			}
			return docLinkHTML(c, c.Lookup(l.Target))
		}
		out.add(l.In, l.Target, item)
	}
	var in linkGroups
	for _, k := range d.Backlinks {
		var from corpus.SectionSet
		for _, l := range c.Docs[k].Links {
			if l.Target == d.Slug {
				from |= l.In
			}
		}
		in.add(from, c.Docs[k].Slug, func() string { return docLinkHTML(c, int(k)) })
	}
	b.WriteString(`<section class="links-out">` + headingHTML(level, "Links to"))
	out.write(b, level+1, func(k corpus.SectionKind) string { return k.Title() }, "Elsewhere in its text")
	b.WriteString(`</section><section class="links-in">` + headingHTML(level, "Referenced by"))
	if len(d.Backlinks) == 0 {
		b.WriteString(`<p class="muted">No pattern links here yet.</p>`)
	}
	in.write(b, level+1, func(k corpus.SectionKind) string { return "From their " + k.Title() }, "From elsewhere in their text")
	b.WriteString(`</section>`)
}

// linkGroups collects links, as HTML list items, by section kind, each
// target once a kind; links with no section go in one plain group.
type linkGroups struct {
	byKind [][]string // indexed by section kind
	plain  []string
	seen   map[corpus.SectionKind]map[string]bool
}

// add puts the link to target, written by item, under each kind of in, or
// in the plain group when in is empty.
func (g *linkGroups) add(in corpus.SectionSet, target string, item func() string) {
	if g.seen == nil {
		g.seen = map[corpus.SectionKind]map[string]bool{}
	}
	kinds := in.Kinds()
	if len(kinds) == 0 {
		kinds = []corpus.SectionKind{noSection}
	}
	for _, k := range kinds {
		if g.seen[k] == nil {
			g.seen[k] = map[string]bool{}
		}
		if g.seen[k][target] {
			continue
		}
		g.seen[k][target] = true
		li := `<li>` + item() + `</li>`
		if k == noSection {
			g.plain = append(g.plain, li)
			continue
		}
		for int(k) >= len(g.byKind) {
			g.byKind = append(g.byKind, nil)
		}
		g.byKind[k] = append(g.byKind[k], li)
	}
}

// noSection stands for "no section" in linkGroups.seen.
const noSection = corpus.SectionKind(255)

// write writes the groups in section order (other sections last), each
// under a heading of the given level that title gives its kind, then the
// links without a section, under the heading plain when there are groups
// above them.
func (g *linkGroups) write(b *strings.Builder, level int, title func(corpus.SectionKind) string, plain string) {
	h := func(text string) string { return headingHTML(level, text) }
	b.WriteString(`<div class="links-groups">`)
	headed := false
	for k := range g.byKind {
		k = (k + 1) % len(g.byKind) // "Other sections" last
		if items := g.byKind[k]; len(items) > 0 {
			b.WriteString(`<div class="links-group">` + h(title(corpus.SectionKind(k))) + `<ul>` + strings.Join(items, "") + `</ul></div>`)
			headed = true
		}
	}
	if len(g.plain) > 0 {
		b.WriteString(`<div class="links-group">`)
		if headed {
			b.WriteString(h(plain))
		}
		b.WriteString(`<ul>` + strings.Join(g.plain, "") + `</ul></div>`)
	}
	b.WriteString(`</div>`)
}

// docLink is docLinkHTML as an element.
func docLink(c *corpus.Corpus, i int) app.UI { return markup.Raw(docLinkHTML(c, i)) }

// headingHTML is a heading of the given level (1 to 6) with text.
func headingHTML(level int, text string) string {
	n := strconv.Itoa(level)
	return `<h` + n + `>` + html.EscapeString(text) + `</h` + n + `>`
}

// docLinkHTML is a link to a document, labelled with its title, as HTML.
func docLinkHTML(c *corpus.Corpus, i int) string {
	d := &c.Docs[i]
	return `<a href="` + html.EscapeString(href(c, d.Path())) + `">` + html.EscapeString(d.Title) + `</a>`
}

// blockChips shows a doc's building blocks as chips, coloured as in the
// graph.
func blockChips(c *corpus.Corpus, blocks []string) app.UI {
	if len(blocks) == 0 {
		return nil
	}
	return markup.Raw(blockChipsHTML(c, blocks))
}

// blockChipsHTML is blockChips as HTML, for the views that write their
// HTML themselves (the catalog's cards); "" when there are no blocks.
func blockChipsHTML(c *corpus.Corpus, blocks []string) string {
	if len(blocks) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<ul class="chips" aria-label="Building blocks">`)
	for _, name := range blocks {
		b.WriteString(`<li class="chip ` + html.EscapeString(graph.BlockClass(graph.BlockIndex(c, name))) + `">` + html.EscapeString(name) + `</li>`)
	}
	b.WriteString(`</ul>`)
	return b.String()
}
