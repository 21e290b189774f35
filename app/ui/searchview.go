package ui

import (
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/booth"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/markup"
	"github.com/devrel-patterns/explorer/app/search"
)

// highlight returns text as HTML with its matched byte ranges marked.
func highlight(text string, ranges []search.Range) string {
	var b strings.Builder
	b.WriteString(`<span class="hl">`)
	at := 0
	for _, r := range ranges {
		if r.Start < at || r.End > len(text) || r.Start >= r.End {
			continue
		}
		b.WriteString(html.EscapeString(text[at:r.Start]))
		b.WriteString("<mark>" + html.EscapeString(text[r.Start:r.End]) + "</mark>")
		at = r.End
	}
	b.WriteString(html.EscapeString(text[at:]) + "</span>")
	return b.String()
}

// searchView shows the results of a query (see resultsHTML) in one raw
// element that the search box can also paint itself, at once, on every
// keystroke, and the QR dialog of a result. Clicks inside the results go
// to onClick (QR buttons, "Show more") or on to go-app (links).
func searchView(inner string, onClick func(app.Context, app.Event), dialog app.UI) app.UI {
	return app.Section().Class("search").Body(
		app.Div().OnClick(onClick).Body(markup.Raw(`<div id="search-results">`+inner+`</div>`)),
		dialog,
	)
}

// resultsHTML is the body of the search view as HTML: the heading, "did
// you mean" suggestions, the closest titles when nothing matches, the
// count, the ranked hits, each with where it matched and a QR button, and
// "Show more" when there are more.
// It is HTML rather than go-app elements so that a keystroke can paint it
// in the same event, without waiting for go-app's next frame.
func resultsHTML(c *corpus.Corpus, idx *search.Index, q string, res search.Result, sel int) string {
	var b strings.Builder
	esc := html.EscapeString
	if q == "" {
		b.WriteString(`<h1>Search</h1><p class="muted">Type in the search box: a title, an alias, a variant, a building block or any word of the text. Press / to jump to it from anywhere.</p>`)
		return b.String()
	}
	b.WriteString(`<h1>Results for <q>` + esc(q) + `</q></h1>`)
	if len(res.Suggestions) > 0 {
		b.WriteString(`<p class="suggestions" id="did-you-mean">Did you mean: `)
		for _, sug := range res.Suggestions {
			b.WriteString(`<a href="` + esc(href(c, corpus.SearchPathOf(sug))) + `">` + esc(sug) + `</a> `)
		}
		b.WriteString(`</p>`)
	}
	if len(res.Hits) == 0 {
		b.WriteString(`<div id="no-results"><p>No pattern matches <q>` + esc(q) + `</q>.</p>`)
		if closest := idx.Closest(q, 5); len(closest) > 0 {
			b.WriteString(`<p>Closest titles: `)
			for _, i := range closest {
				b.WriteString(`<span class="closest">` + docLinkHTML(c, i) + ` </span>`)
			}
			b.WriteString(`</p>`)
		}
		b.WriteString(`</div>`)
		return b.String()
	}
	b.WriteString(`<p class="muted count" id="result-count">` + esc(countLabel(res.Total, len(res.Hits))) + `</p>`)
	// A grid, not a listbox: each row holds a link and a QR button, and
	// an option may hold nothing interactive.
	b.WriteString(`<div class="results" id="` + resultsID + `" role="grid" aria-label="Search results">`)
	for k, h := range res.Hits {
		writeResult(&b, c, h, k == sel, k)
	}
	b.WriteString(`</div>`)
	if res.Total > len(res.Hits) {
		b.WriteString(`<button type="button" class="filter" id="show-more" data-more="true">Show more</button>`)
	}
	return b.String()
}

func countLabel(total, shown int) string {
	s := strconv.Itoa(total) + " result"
	if total != 1 {
		s += "s"
	}
	if shown < total {
		s += ", showing " + strconv.Itoa(shown)
	}
	return s
}

// writeResult writes one hit: its title, where it matched when that is not
// the title, for a pattern the link that shows it in the whole graph, and
// its QR button (data-qr holds the hit's index).
func writeResult(b *strings.Builder, c *corpus.Corpus, h search.Hit, selected bool, k int) {
	esc := html.EscapeString
	d := &c.Docs[h.Doc]
	id := strconv.Itoa(k)
	title := esc(d.Title)
	if h.Match.Field == search.FieldTitle {
		title = highlight(h.Match.Text, h.Match.Ranges)
	}
	b.WriteString(`<div class="result" id="result-` + id + `" role="row" aria-selected="` + strconv.FormatBool(selected) + `">`)
	b.WriteString(`<div class="result-main" role="gridcell" id="` + resultCellID(k) + `">`)
	b.WriteString(`<a href="` + esc(href(c, corpus.At(d.Path(), h.Match.Anchor))) + `"><span class="result-title">` + title + `</span>`)
	if h.Match.Field != search.FieldTitle {
		label := h.Match.Field.String()
		if h.Match.Label != "" {
			label = h.Match.Label
		}
		b.WriteString(`<span class="result-where"><span class="result-field">` + esc(label+": ") + `</span>` + highlight(h.Match.Text, h.Match.Ranges) + `</span>`)
	}
	b.WriteString(`</a></div>`)
	if d.Kind == corpus.KindPattern {
		b.WriteString(`<div class="result-graph" role="gridcell">` + resultGraphLink(c, d) + `</div>`)
	}
	b.WriteString(`<div class="result-qr" role="gridcell">` + resultQR(d, k) + `</div>`) // booth.go
	b.WriteString(`</div>`)
}

// resultGraphLink is the link of a pattern's result that opens the whole
// graph with the pattern marked, as the pattern view's "Show in the whole
// graph" does (localGraph).
func resultGraphLink(c *corpus.Corpus, d *corpus.Doc) string {
	label := html.EscapeString("Show " + d.Title + " in the graph")
	return `<a class="booth-button booth-icon-only show-in-graph" href="` + html.EscapeString(href(c, corpus.GraphPathOf(d.Slug))) +
		`" title="` + label + `" aria-label="` + label + `">` + booth.IconHTML(booth.IconGraph) + `</a>`
}
