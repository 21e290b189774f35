package ui

import (
	"html"
	pathpkg "path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/markup"
)

// cardPage is how many cards the catalog draws at first, and how many more
// each press of its "Show more" button adds. The catalog drew every card
// of a corpus, 10,000 on every visit of home at 10,000 patterns, and the
// server's HTML of home grew with it; search, the graph and the sitemap
// reach every pattern without them.
const cardPage = 120

// home shows the introduction and the catalog: every pattern as a card,
// filterable by building block and tag, a page of cards at a time.
type home struct {
	app.Compo

	// Resets clears the filters whenever it changes: an idle kiosk
	// returns to an unfiltered catalog (booth.go).
	Resets int

	c      *corpus.Corpus
	filter corpus.Filter // the patterns shown
	// shown is how many cards of the filtered list are drawn: cardPage,
	// and a page more for each press of "Show more".
	shown int
}

func newHome(c *corpus.Corpus) *home { return &home{c: c, shown: cardPage} }

// resetAt sets Resets.
func (h *home) resetAt(n int) *home {
	h.Resets = n
	return h
}

// OnUpdate clears the filters: Resets, the only field the shell sets,
// changed.
func (h *home) OnUpdate(ctx app.Context) {
	h.filter = corpus.Filter{}
	h.shown = cardPage
}

// Render draws the introduction, the filters and the cards.
func (h *home) Render() app.UI {
	c := h.c
	patterns := c.Patterns()
	cards := h.filter.Patterns(c)
	shown := min(len(cards), max(h.shown, cardPage))
	more := min(cardPage, len(cards)-shown)
	intro := c.Introduction()
	return app.Div().Class("home").Body(
		app.H1().Class("site-title").Text(c.Site.Name),
		app.If(intro >= 0, func() app.UI {
			return app.Section().Class("intro").Body(
				app.H2().Text(c.Docs[intro].Title),
				app.P().Class("lead").Text(firstSentences(c.Docs[intro].Text, 2)),
				app.P().Body(app.A().Href(href(c, c.Docs[intro].Path())).Text("Read the introduction")),
			)
		}),
		app.Section().Class("catalog").Aria("labelledby", "catalog-title").Body(
			app.H2().ID("catalog-title").Text("Patterns"),
			h.filters(),
			app.P().Class("muted count").ID("catalog-count").Textf("%d of %d patterns", len(cards), len(patterns)),
			markup.Raw(cardsHTML(c, cards[:shown])),
			app.If(more > 0, func() app.UI {
				return app.P().Class("catalog-more").Body(
					app.Button().Type("button").ID("catalog-more").
						Text(moreLabel(more, shown, len(cards))).
						OnClick(h.showMore),
				)
			}),
		),
	)
}

// moreLabel is the label of a "Show more" button that adds more items to
// the shown of total: the catalog's and the relations list's.
func moreLabel(more, shown, total int) string {
	return "Show " + strconv.Itoa(more) + " more (" + strconv.Itoa(shown) + " of " + strconv.Itoa(total) + " shown)"
}

// showMore draws a page more of cards and puts the keyboard on the first
// of them. It reads the count from the component, not from the render
// that drew the button: go-app keeps a button's first handler across
// renders.
func (h *home) showMore(ctx app.Context, e app.Event) {
	first := max(h.shown, cardPage)
	h.shown = first + cardPage
	ctx.Defer(func(app.Context) {
		sel := "#catalog > li:nth-child(" + strconv.Itoa(first+1) + ") a"
		if a := app.Window().Get("document").Call("querySelector", sel); a.Truthy() {
			a.Call("focus")
		}
	})
}

// filters are the catalog's chips: each is a button that sets one field of
// the filter. A chip's handler reads the filter of the click, not of the
// render that drew it, since go-app keeps a button's first handler.
func (h *home) filters() app.UI {
	return filterRows(h.c, h.filter, func(label string, k corpus.FilterField, value string, on bool) app.UI {
		return app.Button().
			Class("filter").
			Aria("pressed", on).
			Text(label).
			OnClick(func(ctx app.Context, e app.Event) {
				h.filter = h.filter.With(k, value)
				h.shown = cardPage
			})
	})
}

// filterRows draws the rows of filter chips of the catalog and of the
// graph: the categories when patterns sit in more than one folder, the
// building blocks, and the tags when there are two or more; each row
// opens with a chip that clears its field. chip draws one chip, given its
// label, the field it sets, the value it sets it to and whether that is
// the filter's value now.
func filterRows(c *corpus.Corpus, f corpus.Filter, chip func(label string, k corpus.FilterField, value string, on bool) app.UI) app.UI {
	row := func(k corpus.FilterField, group, all string, values []string, label func(string) string) app.UI {
		chips := []app.UI{chip(all, k, "", f.Get(k) == "")}
		for _, v := range values {
			chips = append(chips, chip(label(v), k, v, f.Get(k) == v))
		}
		return app.Div().Class("filter-row").Aria("label", group).Role("group").Body(chips...)
	}
	// shown is whether a field's row is drawn: when there is a choice, or
	// when the filter sets it (from an address), so that what filters the
	// patterns shows and can be cleared even where there is no choice or
	// the value names nothing (/graph?category=gone).
	shown := func(k corpus.FilterField, choice bool) bool { return choice || f.Get(k) != "" }
	// withCurrent adds the filter's value of a field to its values when it
	// is not one of them.
	withCurrent := func(k corpus.FilterField, values []string) []string {
		if v := f.Get(k); v != "" && !slices.Contains(values, v) {
			return append(slices.Clip(values), v)
		}
		return values
	}
	same := func(v string) string { return v }
	categories := c.Categories()
	return app.Div().Class("filters").Body(
		app.If(shown(corpus.FilterCategory, len(categories) > 1), func() app.UI {
			return row(corpus.FilterCategory, "Filter by category", "All categories", withCurrent(corpus.FilterCategory, categories), pathpkg.Base)
		}),
		app.If(shown(corpus.FilterBlock, len(c.Blocks) > 0), func() app.UI {
			return row(corpus.FilterBlock, "Filter by building block", "All blocks", withCurrent(corpus.FilterBlock, c.Blocks), same)
		}),
		app.If(shown(corpus.FilterTag, len(c.Tags) > 1), func() app.UI {
			return row(corpus.FilterTag, "Filter by tag", "All tags", withCurrent(corpus.FilterTag, c.Tags), same)
		}),
	)
}

// cardsHTML is the catalog's list of cards, one for each of the docs
// cards. It is one piece of HTML, which go-app mounts with a single parse:
// built as components, the cards of our corpus were about 320 elements
// and text nodes that the WASM created one call at a time on every first
// visit, in the task that blocks the page. The cards hold only links, so
// nothing in them needs a Go handler.
func cardsHTML(c *corpus.Corpus, cards []int) string {
	var b strings.Builder
	b.WriteString(`<ul class="cards" id="catalog">`)
	for _, i := range cards {
		writeCard(&b, c, &c.Docs[i])
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// writeCard writes one pattern's card: its title as a link, its building
// blocks and its summary.
func writeCard(b *strings.Builder, c *corpus.Corpus, d *corpus.Doc) {
	esc := html.EscapeString
	b.WriteString(`<li class="card"><a class="card-link" href="` + esc(href(c, d.Path())) + `"><h3 class="card-title">` + esc(d.Title) + `</h3></a>`)
	b.WriteString(blockChipsHTML(c, d.Blocks))
	b.WriteString(`<p class="card-summary">` + esc(cardSummary(d)) + `</p></li>`)
}

// cardSummary is the pattern's summary (the text before its sections, or
// a summary section such as a Patlet), or else the first sentence of its
// problem, or else its description.
func cardSummary(d *corpus.Doc) string {
	if d.SummaryText != "" {
		return firstSentences(d.SummaryText, 1)
	}
	for _, kind := range []corpus.SectionKind{corpus.SectionSummary, corpus.SectionProblem} {
		for _, s := range d.Sections {
			if s.Kind == kind {
				return firstSentences(s.Text, 1)
			}
		}
	}
	return d.Description
}

// firstSentences returns the first n sentences of a text. A sentence ends
// at ".", "!" or "?" followed by a space and a capital letter, or by the
// end of the text, so that "e.g. stickers" stays whole.
func firstSentences(text string, n int) string {
	end := 0
	for k := 0; k < n; {
		i := strings.IndexAny(text[end:], ".!?")
		if i < 0 {
			return text
		}
		end += i + 1
		rest := text[end:]
		if rest == "" {
			break
		}
		if len(rest) > 1 && rest[0] == ' ' && unicode.IsUpper(rune(rest[1])) {
			k++
		}
	}
	return strings.TrimSpace(text[:end])
}
