package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// testCorpus is a small hand-built corpus: three patterns, a page, links
// between them and one link to a pattern not yet written.
func testCorpus() *corpus.Corpus {
	c := &corpus.Corpus{
		Blocks: []string{"Budget", "Social", "Writing"},
		Tags:   []string{"devrel", "events"},
		Docs: []corpus.Doc{
			{
				Slug: "ambassadors", Title: "Ambassadors", Blocks: []string{"Social"}, Tags: []string{"devrel"},
				Aliases: []string{"Champions", "MVPs"},
				Sections: []corpus.Section{
					{Label: "Also Known As", Kind: corpus.SectionAliases, HTML: "<p>Champions; MVPs</p>", Text: "Champions; MVPs"},
					{Label: "Problem", Kind: corpus.SectionProblem, HTML: "<p>You want reach.</p>", Text: "You want reach."},
					{Label: "Solution", Kind: corpus.SectionSolution, HTML: `<p>Give them <a href="/patterns/swag">Swag</a> and <a href="/patterns/podcast" class="broken" title="Not yet written">a podcast</a>.</p>`, Text: "Give them Swag and a podcast."},
				},
				Links:     []corpus.Link{{Target: "swag"}, {Target: "podcast", Broken: true}},
				Backlinks: []int32{3},
			},
			{Slug: "glossary", Title: "Glossary", Kind: corpus.KindPage, HTML: `<p><span class="anchor" id="devrel"></span><strong>DevRel</strong>: us.</p>`, Text: "DevRel: us.", Anchors: []string{"devrel"}},
			{Slug: "introduction", Title: "Introduction", Kind: corpus.KindPage, HTML: "<p>Read me first. Then browse.</p>", Text: "Read me first. Then browse."},
			{
				Slug: "swag", Title: "Swag", Blocks: []string{"Budget", "Social"}, Tags: []string{"events"},
				Sections: []corpus.Section{
					{Label: "Problem", Kind: corpus.SectionProblem, HTML: "<p>People forget you.</p>", Text: "People forget you."},
					{Label: "Variants", Kind: corpus.SectionVariants, HTML: "", Text: ""},
				},
				Variants:  []corpus.Variant{{Names: []string{"Stickers", "Decals"}, HTML: "<p>Cheap.</p>", Text: "Cheap."}},
				Links:     []corpus.Link{{Target: "ambassadors"}},
				Backlinks: []int32{0},
			},
		},
		Edges: []corpus.Edge{{From: 0, To: 3}, {From: 3, To: 0}},
		Site:  corpus.Site{Name: "Test Patterns"},
	}
	for i := range c.Docs {
		corpus.AnchorsOf(&c.Docs[i]) // as the compiler does
	}
	return c
}

func TestParseRoute(t *testing.T) {
	c := testCorpus()
	tests := []struct {
		name, url string
		kind      corpus.RouteKind
		doc       string
		query, to string
	}{
		{name: "home", url: "/", kind: viewHome},
		{name: "pattern", url: "/patterns/swag", kind: viewPattern, doc: "swag"},
		{name: "pattern with trailing slash", url: "/patterns/swag/", kind: viewPattern, doc: "swag"},
		{name: "missing pattern", url: "/patterns/podcast", kind: viewNotFound},
		{name: "page as pattern", url: "/patterns/glossary", kind: viewNotFound},
		{name: "page", url: "/pages/glossary", kind: viewPage, doc: "glossary"},
		{name: "pattern as page", url: "/pages/swag", kind: viewNotFound},
		{name: "graph", url: "/graph", kind: viewGraph},
		{name: "search", url: "/search?q=mvp%20x", kind: viewSearch, query: "mvp x"},
		{name: "legacy pattern", url: "/swag.html", kind: viewLegacy, doc: "swag", to: "/patterns/swag"},
		{name: "legacy page with anchor", url: "/glossary.html#devrel", kind: viewLegacy, doc: "glossary", to: "/pages/glossary#devrel"},
		{name: "legacy missing", url: "/podcast.html", kind: viewNotFound},
		{name: "unknown", url: "/wp-admin/x.php", kind: viewNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			got := c.Route(u)
			if got.Kind != tc.kind || got.Query != tc.query || got.To != tc.to {
				t.Errorf("parseRoute(%s) = %+v, want kind %d query %q to %q", tc.url, got, tc.kind, tc.query, tc.to)
			}
			if tc.doc != "" && c.Docs[got.Doc].Slug != tc.doc {
				t.Errorf("parseRoute(%s) shows %s, want %s", tc.url, c.Docs[got.Doc].Slug, tc.doc)
			}
			if want := tc.kind != viewNotFound; Known(c, u.Path) != want {
				t.Errorf("Known(%s) = %v, want %v", u.Path, !want, want)
			}
		})
	}
}

// render returns the HTML of a UI tree, as the server prerenders it.
func render(ui app.UI) string { return app.HTMLString(ui) }

func TestPatternView(t *testing.T) {
	c := testCorpus()
	html := render(patternView(c, 0, "solution"))
	for _, want := range []string{
		`<h1 class="pattern-title">Ambassadors</h1>`,
		`Champions and MVPs`,

		`href="/patterns/swag"`,
		`podcast (not yet written)`,
		`Referenced by`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("pattern view lacks %q", want)
		}
	}
	if strings.Contains(html, ">Also Known As</h2>") {
		t.Error("Also Known As shown as a section; it belongs in the aliases line")
	}
	for _, want := range []map[string]string{
		{"tag": "section", "id": "problem", "class": "section section-problem kind-problem"},
		{"tag": "section", "id": "solution", "class": "section section-solution kind-solution target"},
		{"tag": "a", "class": "permalink", "href": "/patterns/ambassadors#problem"},
	} {
		if !hasElement(t, html, want) {
			t.Errorf("pattern view has no element %v", want)
		}
	}
	if p, s := strings.Index(html, `id="problem"`), strings.Index(html, `id="solution"`); p < 0 || s < p {
		t.Error("sections out of source order")
	}
	swag := render(patternView(c, 3, ""))
	for _, want := range []string{`Stickers`, `Decals`, `Cheap.`, `class="chip block-0"`, `class="chip block-1"`} {
		if !strings.Contains(swag, want) {
			t.Errorf("swag view lacks %q", want)
		}
	}
	for _, want := range []map[string]string{
		{"tag": "li", "id": "variant-stickers", "class": "variant"},
		{"tag": "a", "class": "permalink", "href": "/patterns/swag#variant-stickers"},
	} {
		if !hasElement(t, swag, want) {
			t.Errorf("swag view has no element %v", want)
		}
	}
}

func TestHomeFiltersCards(t *testing.T) {
	c := testCorpus()
	h := newHome(c)
	if got := strings.Count(render(h), `class="card"`); got != 2 {
		t.Errorf("home shows %d cards, want 2 (pages are not cards)", got)
	}
	h.filter.Block = "Budget"
	html := render(h)
	if got := strings.Count(html, `class="card"`); got != 1 || !strings.Contains(html, ">Swag</h3>") {
		t.Errorf("filtered by Budget: %d cards, want only Swag", got)
	}
	if !strings.Contains(html, "1 of 2 patterns") {
		t.Error("filtered count not shown")
	}
	if !strings.Contains(render(newHome(c)), "Read me first.") {
		t.Error("home lacks the introduction's first sentence")
	}
}

func TestSearchView(t *testing.T) {
	c := testCorpus()
	idx := search.New(c)
	tests := []struct {
		name, q string
		want    []string
	}{
		{"alias", "mvp", []string{`id="result-0"`, `Ambassadors`, `<mark>MVP</mark>s`, `alias: `}},
		{"nothing", "zzqx", []string{`No pattern matches`}},
		{"typo", "ambasador", []string{`Ambassadors`}},
		{"empty", "", []string{`Type in the search box`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := idx.Query(tc.q, pageSize)
			html := resultsHTML(c, idx, tc.q, res, 0)
			for _, w := range tc.want {
				if !strings.Contains(html, w) {
					t.Errorf("search %q: view lacks %q", tc.q, w)
				}
			}
		})
	}
}

func TestHighlightNonASCII(t *testing.T) {
	text := "Café Über"
	html := highlight(text, []search.Range{{Start: 0, End: 1}, {Start: 6, End: 8}})
	if want := `<span class="hl"><mark>C</mark>afé <mark>Ü</mark>ber</span>`; !strings.Contains(html, want) {
		t.Errorf("highlight = %s, want %s", html, want)
	}
}

func TestNotFoundOffersSearch(t *testing.T) {
	c := testCorpus()
	idx := search.Later(c)
	html := render(notFoundView(c, idx, "/patterns/ambasadors"))
	for _, want := range []string{"Not found", `href="/"`, `href="/search?q=ambasadors"`, `id="closest"`, `>Ambassadors</a>`} {
		if !strings.Contains(html, want) {
			t.Errorf("not-found view lacks %q", want)
		}
	}
	if html := render(notFoundView(c, idx, "/")); strings.Contains(html, "search-guess") {
		t.Error("not-found view at / offers a search for nothing")
	}
}

func TestFirstSentences(t *testing.T) {
	tests := []struct {
		name, text string
		n          int
		want       string
	}{
		{"one", "First one. Second one.", 1, "First one."},
		{"two", "First one. Second one. Third.", 2, "First one. Second one."},
		{"no stop", "No stop here", 1, "No stop here"},
		{"abbreviation kept whole", "Use e.g. stickers. Then more.", 1, "Use e.g. stickers."},
		{"question", "Why? Because.", 1, "Why?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstSentences(tc.text, tc.n); got != tc.want {
				t.Errorf("firstSentences(%q, %d) = %q, want %q", tc.text, tc.n, got, tc.want)
			}
		})
	}
}

// TestParseRouteNested checks the routes of documents whose slugs are
// paths, and the original site's addresses of them.
func TestParseRouteNested(t *testing.T) {
	c := &corpus.Corpus{Docs: []corpus.Doc{
		{Slug: "behavioral", Title: "Behavioral", Kind: corpus.KindPage},
		{Slug: "behavioral/Strategy", Title: "Strategy"},
		{Slug: "behavioral/Strategy/csharp", Title: "Strategy in C#", Kind: corpus.KindPage, Parent: "behavioral/Strategy"},
		{Slug: "node.js", Title: "Node.js"},
	}}
	tests := []struct {
		url  string
		kind corpus.RouteKind
		doc  string
		to   string
	}{
		{url: "/patterns/behavioral/Strategy", kind: viewPattern, doc: "behavioral/Strategy"},
		{url: "/patterns/behavioral/Strategy/", kind: viewPattern, doc: "behavioral/Strategy"},
		{url: "/pages/behavioral/Strategy/csharp", kind: viewPage, doc: "behavioral/Strategy/csharp"},
		{url: "/pages/behavioral", kind: viewPage, doc: "behavioral"},
		{url: "/patterns/node.js", kind: viewPattern, doc: "node.js"},
		{url: "/patterns/behavioral/Nope", kind: viewNotFound},
		{url: "/behavioral/Strategy/index.html", kind: viewLegacy, doc: "behavioral/Strategy", to: "/patterns/behavioral/Strategy"},
		{url: "/behavioral/Strategy/", kind: viewLegacy, doc: "behavioral/Strategy", to: "/patterns/behavioral/Strategy"},
		{url: "/behavioral/Strategy.html", kind: viewLegacy, doc: "behavioral/Strategy", to: "/patterns/behavioral/Strategy"},
		{url: "/behavioral/Strategy/csharp.html", kind: viewLegacy, doc: "behavioral/Strategy/csharp", to: "/pages/behavioral/Strategy/csharp"},
		{url: "/behavioral/index.html", kind: viewLegacy, doc: "behavioral", to: "/pages/behavioral"},
		{url: "/node.js.html", kind: viewLegacy, doc: "node.js", to: "/patterns/node.js"},
		{url: "/behavioral/Nope.html", kind: viewNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			got := c.Route(urlOf(tc.url))
			if got.Kind != tc.kind || got.To != tc.to {
				t.Errorf("parseRoute(%s) = %+v, want kind %d to %q", tc.url, got, tc.kind, tc.to)
			}
			if tc.doc != "" && c.Docs[got.Doc].Slug != tc.doc {
				t.Errorf("parseRoute(%s) shows %s, want %s", tc.url, c.Docs[got.Doc].Slug, tc.doc)
			}
		})
	}
}

// TestBreadcrumb checks that a nested document shows its folders, linked
// to their documents where there are some, and a top-level one none.
func TestBreadcrumb(t *testing.T) {
	c := &corpus.Corpus{Docs: []corpus.Doc{
		{Slug: "behavioral", Title: "Behavioral Patterns", Kind: corpus.KindPage},
		{Slug: "behavioral/Strategy", Title: "Strategy"},
		{Slug: "behavioral/Strategy/csharp", Title: "Strategy in C#", Kind: corpus.KindPage},
		{Slug: "top", Title: "Top"},
	}}
	html := render(pageView(c, 2))
	for _, want := range []string{`aria-label="Breadcrumb"`, `href="/pages/behavioral">Behavioral Patterns</a>`, `href="/patterns/behavioral/Strategy">Strategy</a>`, `aria-current="page">Strategy in C#</span>`} {
		if !strings.Contains(html, want) {
			t.Errorf("page view lacks %s:\n%s", want, html)
		}
	}
	if html := render(patternView(c, 3, "")); strings.Contains(html, "Breadcrumb") || strings.Contains(html, "Implementations") {
		t.Errorf("a top-level pattern shows a breadcrumb or implementations:\n%s", html)
	}
	c.Docs[2].Parent = "behavioral/Strategy"
	if html := render(patternView(c, 1, "")); !strings.Contains(html, `<h2>Implementations</h2>`) || !strings.Contains(html, `href="/pages/behavioral/Strategy/csharp">Strategy in C#</a>`) {
		t.Errorf("Strategy does not list its implementation:\n%s", html)
	}
}

// TestHomeFiltersByCategory checks the category chips of a catalog in
// folders, and that a catalog without building blocks shows no block row.
func TestHomeFiltersByCategory(t *testing.T) {
	c := &corpus.Corpus{Docs: []corpus.Doc{
		{Slug: "behavioral/Observer", Title: "Observer", Category: "behavioral"},
		{Slug: "behavioral/Strategy", Title: "Strategy", Category: "behavioral"},
		{Slug: "creational/Builder", Title: "Builder", Category: "creational"},
	}}
	h := newHome(c)
	html := render(h)
	for _, want := range []string{`aria-label="Filter by category"`, `>All categories</button>`, `>behavioral</button>`, `>creational</button>`, "3 of 3 patterns"} {
		if !strings.Contains(html, want) {
			t.Errorf("home lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "Filter by building block") {
		t.Errorf("home shows a building-block row without blocks")
	}
	h.filter.Category = "behavioral"
	if html := render(h); !strings.Contains(html, "2 of 3 patterns") || strings.Contains(html, ">Builder<") {
		t.Errorf("the behavioral filter does not keep only Observer and Strategy:\n%s", html)
	}
	// A filter from an address that names nothing, in a field with no
	// choice to make, still shows, pressed, beside the chip that clears it.
	one := &corpus.Corpus{Docs: []corpus.Doc{{Slug: "p/a", Title: "A", Category: "p"}, {Slug: "p/b", Title: "B", Category: "p"}}}
	h = newHome(one)
	if html := render(h); strings.Contains(html, "Filter by category") {
		t.Errorf("home shows a category row for a single category:\n%s", html)
	}
	h.filter.Category, h.filter.Tag = "gone", "nowhere"
	page := render(h)
	// go-app's HTMLString writes aria-pressed="true" bare, as "";
	// the server's markup.Escape writes the "true" back.
	for _, want := range []map[string]string{
		{"tag": "button", "aria-pressed": "", "text": "gone"},
		{"tag": "button", "aria-pressed": "false", "text": "All categories"},
		{"tag": "button", "aria-pressed": "", "text": "nowhere"},
		{"tag": "button", "aria-pressed": "false", "text": "All tags"},
	} {
		if !hasElement(t, page, want) {
			t.Errorf("a filter on a value that names nothing: no %v in\n%s", want, page)
		}
	}
	if !strings.Contains(page, "0 of 2 patterns") {
		t.Errorf("a filter on a value that names nothing does not say it shows none:\n%s", page)
	}
}

// hasElement reports whether a page has an element with the tag and the
// attributes of want (go-app writes attributes in no set order), and the
// text of want["text"] when it is given.
func hasElement(t *testing.T, page string, want map[string]string) bool {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var found func(n *html.Node) bool
	found = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == want["tag"] {
			ok := true
			for k, v := range want {
				switch k {
				case "tag":
					continue
				case "text":
					ok = ok && strings.TrimSpace(textOf(n)) == v
					continue
				}
				got := ""
				for _, a := range n.Attr {
					if a.Key == k {
						got = a.Val
					}
				}
				ok = ok && got == v
			}
			if ok {
				return true
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if found(k) {
				return true
			}
		}
		return false
	}
	return found(doc)
}

// The QR code and the share button are for the part of the page the
// address points at, when it points at one.
func TestActionsFollowTheTarget(t *testing.T) {
	c := testCorpus()
	for _, tt := range []struct{ target, title string }{
		{"", `"Show a QR code of Ambassadors"`},
		{"solution", `"Show a QR code of Ambassadors: Solution"`},
		{"no-such-part", `"Show a QR code of Ambassadors"`},
	} {
		if actions := render(patternActions(c, &c.Docs[0], tt.target)); !strings.Contains(actions, tt.title) {
			t.Errorf("target %q: actions are not titled %s: %s", tt.target, tt.title, actions)
		}
	}
	if got := partName(&c.Docs[3], "variant-stickers"); got != "Stickers" {
		t.Errorf("partName of a variant = %q", got)
	}
}

// A large catalog draws a page of cards, and each press of "Show more"
// a page more; a filter starts again from the first page.
func TestHomeShowsAPageOfCards(t *testing.T) {
	c := &corpus.Corpus{Blocks: []string{"Odd"}}
	for i := range 2*cardPage + 30 {
		d := corpus.Doc{Slug: "p" + strconv.Itoa(i), Title: "P" + strconv.Itoa(i)}
		if i%2 == 1 {
			d.Blocks = []string{"Odd"}
		}
		c.Docs = append(c.Docs, d)
	}
	total := len(c.Docs)
	h := newHome(c)
	for _, step := range []struct {
		name  string
		press func()
		cards int
		more  string
	}{
		{name: "first page", cards: cardPage, more: fmt.Sprintf("Show %d more (%d of %d shown)", cardPage, cardPage, total)},
		{name: "one press", press: func() { h.shown += cardPage }, cards: 2 * cardPage, more: fmt.Sprintf("Show 30 more (%d of %d shown)", 2*cardPage, total)},
		{name: "all", press: func() { h.shown += cardPage }, cards: total},
		{name: "a filter", press: func() { h.filter.Block = "Odd"; h.shown = cardPage }, cards: cardPage, more: fmt.Sprintf("Show %d more (%d of %d shown)", total/2-cardPage, cardPage, total/2)},
	} {
		if step.press != nil {
			step.press()
		}
		html := render(h)
		if got := strings.Count(html, `class="card"`); got != step.cards {
			t.Errorf("%s: %d cards, want %d", step.name, got, step.cards)
		}
		hasMore := strings.Contains(html, `id="catalog-more"`)
		if step.more == "" && hasMore {
			t.Errorf("%s: a Show more button with every card drawn", step.name)
		}
		if step.more != "" && !strings.Contains(html, step.more) {
			t.Errorf("%s: no button %q", step.name, step.more)
		}
	}
}

// TestLinksBySection checks that a pattern lists its links out by the
// section they are in (a context link and a solution link mean different
// things in a pattern language), in section order, a link in two sections
// under both, and its links in by the section of the pattern they come
// from; links without sections (from a page) are listed as they are.
func TestLinksBySection(t *testing.T) {
	c := testCorpus()
	amb := &c.Docs[0]
	amb.Links = []corpus.Link{
		{Target: "swag", In: corpus.SectionSet(0).With(corpus.SectionSolution).With(corpus.SectionProblem)},
		{Target: "podcast", Broken: true, In: corpus.SectionSet(0).With(corpus.SectionContext)},
	}
	swag := &c.Docs[3]
	swag.Links = []corpus.Link{{Target: "ambassadors", In: corpus.SectionSet(0).With(corpus.SectionConsequences)}}
	page := render(linksView(c, amb))
	groups := func(page, class string) []string {
		t.Helper()
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, sec := range findAll(doc, func(n *html.Node) bool { return classOf(n) == class }) {
			for _, g := range findAll(sec, func(n *html.Node) bool { return classOf(n) == "links-group" }) {
				h := findAll(g, func(n *html.Node) bool { return n.Data == "h3" })
				as := findAll(g, func(n *html.Node) bool { return n.Data == "a" })
				line := ""
				if len(h) == 1 {
					line = textOf(h[0]) + ":"
				}
				for _, a := range as {
					line += " " + textOf(a)
				}
				out = append(out, line)
			}
		}
		return out
	}
	want := []string{"Problem: Swag", "Context: podcast (not yet written)", "Solution: Swag"}
	if got := groups(page, "links-out"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("links out: %q, want %q", got, want)
	}
	if got := groups(page, "links-in"); strings.Join(got, "|") != "From their Consequences: Swag" {
		t.Errorf("links in: %q, want the Consequences of Swag", got)
	}
	// A page's links have no sections: one list, no headings.
	swag.Links = []corpus.Link{{Target: "ambassadors"}}
	if got := groups(render(linksView(c, amb)), "links-in"); strings.Join(got, "|") != " Swag" {
		t.Errorf("links in without sections: %q, want one list of Swag", got)
	}
	// Beside groups with headings, the links without a section have one
	// too: a list with none under the last heading read as part of it.
	swag.Links = []corpus.Link{{Target: "ambassadors", In: corpus.SectionSet(0).With(corpus.SectionConsequences)}}
	c.Docs[2].Links = []corpus.Link{{Target: "ambassadors"}}
	amb.Backlinks = []int32{3, 2}
	want = []string{"From their Consequences: Swag", "From elsewhere in their text: Introduction"}
	if got := groups(render(linksView(c, amb)), "links-in"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("links in with and without sections: %q, want %q", got, want)
	}
}

// findAll returns the elements under n, n included, for which ok holds,
// in document order.
func findAll(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && ok(n) {
		out = append(out, n)
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		out = append(out, findAll(k, ok)...)
	}
	return out
}

// classOf is an element's class attribute.
func classOf(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			return a.Val
		}
	}
	return ""
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		b.WriteString(textOf(k))
	}
	return b.String()
}

// TestShowInGraph checks that a pattern links to the whole graph with
// itself marked, and that the graph view marks the pattern its address
// names, and no other.
func TestShowInGraph(t *testing.T) {
	c := testCorpus()
	page := render(patternView(c, 0, ""))
	if !hasElement(t, page, map[string]string{"tag": "a", "class": "show-in-graph", "href": "/graph#ambassadors"}) {
		t.Error("the pattern view has no link to the graph with it marked")
	}
	g := render(graphView(c, corpus.Filter{}, "swag"))
	if n := strings.Count(g, "is-current"); n != 1 {
		t.Fatalf("%d nodes marked current in /graph#swag, want 1", n)
	}
	i := strings.Index(g, "is-current")
	if a := strings.LastIndex(g[:i], "<a "); a < 0 || !strings.Contains(g[a:i+200], `href="/patterns/swag"`) {
		t.Error("the node marked current is not Swag's")
	}
	if strings.Contains(render(graphView(c, corpus.Filter{}, "no-such")), "is-current") || strings.Contains(render(graphView(c, corpus.Filter{}, "")), "is-current") {
		t.Error("a graph address without a pattern marks one")
	}
	idx := search.New(c)
	results := resultsHTML(c, idx, "swag", idx.Query("swag", pageSize), 0)
	if !strings.Contains(results, `class="booth-button booth-icon-only show-in-graph" href="/graph#swag"`) {
		t.Error("a pattern's search result has no link to it in the graph")
	}
	if results := resultsHTML(c, idx, "glossary", idx.Query("glossary", pageSize), 0); strings.Contains(results, "show-in-graph") {
		t.Error("a page's search result links to the graph, which draws no pages")
	}
}
