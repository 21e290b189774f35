package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/graph"
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

// linksView lists the pattern's outgoing links and its backlinks.
func linksView(c *corpus.Corpus, d *corpus.Doc) app.UI {
	var out []corpus.Link
	seen := map[string]bool{}
	for _, l := range d.Links {
		if !seen[l.Target] {
			seen[l.Target] = true
			out = append(out, l)
		}
	}
	return app.Div().Class("links").Body(
		app.Section().Class("links-out").Body(
			app.H2().Text("Links to"),
			app.Ul().Body(app.Range(out).Slice(func(k int) app.UI {
				l := out[k]
				if l.Broken {
					return app.Li().Body(app.A().Class("broken").Href(href(c, corpus.DocPath(corpus.KindPattern, l.Target))).
						Title("Not yet written").Text(l.Target + " (not yet written)"))
				}
				j := c.Lookup(l.Target)
				return app.Li().Body(docLink(c, j))
			})),
		),
		app.Section().Class("links-in").Body(
			app.H2().Text("Referenced by"),
			app.If(len(d.Backlinks) == 0, func() app.UI { return app.P().Class("muted").Text("No pattern links here yet.") }),
			app.Ul().Body(app.Range(d.Backlinks).Slice(func(k int) app.UI {
				return app.Li().Body(docLink(c, int(d.Backlinks[k])))
			})),
		),
	)
}

// docLink is a link to a document, labelled with its title.
func docLink(c *corpus.Corpus, i int) app.UI {
	d := &c.Docs[i]
	return app.A().Href(href(c, d.Path())).Text(d.Title)
}

// blockChips shows building blocks as coloured chips.
func blockChips(c *corpus.Corpus, blocks []string) app.UI {
	if len(blocks) == 0 {
		return nil
	}
	return app.Ul().Class("chips").Aria("label", "Building blocks").Body(
		app.Range(blocks).Slice(func(k int) app.UI {
			return app.Li().Class("chip " + graph.BlockClass(graph.BlockIndex(c, blocks[k]))).Text(blocks[k])
		}),
	)
}
