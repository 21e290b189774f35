// Package corpus holds the domain types of a compiled pattern language: the
// documents (patterns and pages) with their rendered sections, the links
// between them, the graph layout and the search vocabulary. It is shared by
// the build-time compiler and the WASM app, and imports nothing of ours.
package corpus

// Kind tells a pattern from a page.
type Kind uint8

const (
	// KindPattern is a document with a building-block line and labelled
	// sections.
	KindPattern Kind = iota
	// KindPage is any other document: an introduction, a glossary, a catalog.
	KindPage
)

// String returns "pattern" or "page".
func (k Kind) String() string {
	if k == KindPage {
		return "page"
	}
	return "pattern"
}

// Corpus is a compiled pattern language. Docs are sorted by slug; indices into
// Docs identify documents everywhere else (edges, backlinks, postings).
type Corpus struct {
	// Version is a hash of the compiled content: same content, same version.
	Version string
	// Site is where the corpus is published: its name, origin and prefix.
	Site Site
	// Docs are all patterns and pages, sorted by slug.
	Docs []Doc
	// Edges are the unique pattern→pattern links, sorted by (From, To).
	Edges []Edge
	// Blocks are the building blocks used by patterns, in a stable order;
	// the graph colours nodes by a block's index here.
	Blocks []string
	// Tags are the distinct tags of all documents, sorted.
	Tags []string
	// Media are the content's images as the build serves them, sorted by
	// path: the service worker precaches them within a budget.
	Media []Media
	// Words is the search vocabulary: every distinct lower-case word of the
	// documents' text, sorted, with the documents it occurs in.
	Words []Word
}

// Doc is one pattern or page.
type Doc struct {
	// Slug is the file's path under the content folder without its
	// extension, an index file standing for its folder
	// ("behavioral/Strategy"); it names the document in URLs.
	Slug string
	// File is the file's path under the content folder
	// ("behavioral/Strategy/index.md").
	File string
	// Category is the folder the document belongs to, under the content
	// folder ("behavioral", "1-initial"), or empty at the top; an index
	// file belongs to its folder's parent.
	Category string
	// Parent is the slug of the pattern whose folder holds this page (an
	// implementation page beside the pattern's index file), or empty.
	Parent string
	// Kind tells a pattern from a page.
	Kind Kind
	// Title is the header's title.
	Title string
	// Date is the header's date, YYYY-MM-DD, or empty.
	Date string
	// Status is "published" or "draft".
	Status string
	// Description is the header's description.
	Description string
	// Tags are the header's tags, trimmed.
	Tags []string
	// Meta holds header keys the compiler does not know, in source order.
	Meta []Field
	// Blocks are the building blocks from the body's first italic line.
	Blocks []string
	// Aliases come from the "Also Known As" section.
	Aliases []string
	// Summary is the rendered untitled paragraph before the first label.
	Summary string
	// SummaryText is Summary as plain text.
	SummaryText string
	// Sections are the labelled sections in source order. Also Known As and
	// Variants are kept here too, so a view can show everything in order.
	Sections []Section
	// Variants are the named items of the "Variants" section.
	Variants []Variant
	// HTML is the whole rendered body of a page; empty for patterns.
	HTML string
	// Text is a page's body as plain text; empty for patterns, whose text
	// is in Summary, Sections and Variants.
	Text string
	// Anchors are the element ids inside a page (glossary terms).
	Anchors []string
	// Entries are the parts of a page that its anchor lines open, such as
	// glossary terms, in source order; empty for patterns.
	Entries []Entry
	// Links are the document's outgoing internal links, unique by target
	// and anchor, in source order.
	Links []Link
	// Backlinks are the indices of the documents that link to this one,
	// sorted.
	Backlinks []int32
	// X and Y place a pattern in the graph layout, in [0, 1]; pages are at 0.
	X, Y float32
}

// Media is one image of the content as served.
type Media struct {
	// Path is its site path, "/web/media/3f9a2c1b4d5e.png".
	Path string
	// Bytes is its size.
	Bytes int64
}

// Field is a header key with its value.
type Field struct {
	Key, Value string
}

// Section is one labelled section of a pattern.
type Section struct {
	// Label is the section's label as written, e.g. "Problem".
	Label string
	// Anchor is the section's id in its page ("solution"), unique in the
	// document.
	Anchor string
	// Kind is what the section is, whatever its label says; SectionOther
	// for a label the compiler does not know.
	Kind SectionKind
	// HTML is the rendered section body.
	HTML string
	// Text is the section body as plain text, for search and summaries.
	Text string
}

// SectionKind is what a section of a pattern is for, told from its label
// by the compiler's table of synonyms ("Patlet", "Intent" and "TL;DR" are
// all SectionSummary). Views, search and the graph use the kind, never
// the label's text.
type SectionKind uint8

// The kinds of section.
const (
	SectionOther SectionKind = iota
	SectionSummary
	SectionAliases
	SectionProblem
	SectionContext
	SectionForces
	SectionSolution
	SectionConsequences
	SectionVariants
	SectionKnownUses
	SectionRelated
	SectionImplementations
	SectionSketch
	SectionStatus
	SectionAuthors
	sectionKinds // the number of kinds
)

var sectionNames = [sectionKinds]string{"other", "summary", "also-known-as", "problem", "context", "forces",
	"solution", "consequences", "variants", "known-uses", "related", "implementations", "sketch", "status", "authors"}

var sectionTitles = [sectionKinds]string{"Other sections", "Summary", "Also known as", "Problem", "Context", "Forces",
	"Solution", "Consequences", "Variants", "Known uses", "Related patterns", "Implementations", "Sketch", "Status", "Authors"}

// Title returns the kind's name for people, in English ("Known uses").
func (k SectionKind) Title() string {
	if k < sectionKinds {
		return sectionTitles[k]
	}
	return sectionTitles[SectionOther]
}

// String returns the kind's name, as used in CSS classes and anchors
// ("known-uses").
func (k SectionKind) String() string {
	if k < sectionKinds {
		return sectionNames[k]
	}
	return "other"
}

// Entry is one part of a page that an anchor line opens, such as a
// glossary term: search finds it by its term and its text, and a link to
// its anchor is previewed with its text.
type Entry struct {
	// Term is what the entry names: the bold words it opens with, else
	// its anchor with spaces for hyphens.
	Term string
	// Anchor is the id of the anchor line, one of the page's Anchors.
	Anchor string
	// Text is the entry's plain text, up to the next anchor line or
	// heading, the term included.
	Text string
}

// EntryOf returns the entry of d whose anchor is anchor, or nil.
func (d *Doc) EntryOf(anchor string) *Entry {
	for k := range d.Entries {
		if d.Entries[k].Anchor == anchor {
			return &d.Entries[k]
		}
	}
	return nil
}

// Variant is one named item of a pattern's Variants section.
type Variant struct {
	// Names are the item's bold names ("Brown Bag", "Lunch-n-Learn").
	Names []string
	// Anchor is the variant's id in its page ("variant-brown-bag"),
	// unique in the document.
	Anchor string
	// HTML is the item's rendered text, names excluded.
	HTML string
	// Text is the item's plain text, names excluded.
	Text string
}

// Link is an internal link from one document to another.
type Link struct {
	// Target is the slug linked to.
	Target string
	// Anchor is the fragment inside the target ("term"), if any.
	Anchor string
	// Broken is true when no document has the target slug: the link stays
	// and is shown as "not yet written".
	Broken bool
	// In is the kinds of the sections of a pattern the link occurs in
	// (SectionSummary for the text before the first section); empty for
	// the links of a page.
	In SectionSet
}

// SectionSet is a set of section kinds, one bit a kind.
type SectionSet uint32

// With returns the set with kind k added.
func (s SectionSet) With(k SectionKind) SectionSet {
	if k >= sectionKinds {
		k = SectionOther
	}
	return s | 1<<k
}

// Has reports whether the set holds kind k.
func (s SectionSet) Has(k SectionKind) bool { return k < sectionKinds && s&(1<<k) != 0 }

// Kinds returns the kinds of the set, in kind order.
func (s SectionSet) Kinds() []SectionKind {
	var out []SectionKind
	for k := range sectionKinds {
		if s.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

// Edge is a unique link from one pattern to another, as indices into Docs.
type Edge struct {
	From, To int32
}

// Word is one entry of the search vocabulary.
type Word struct {
	// Text is the lower-case word.
	Text string
	// Docs are the indices of the documents whose text holds the word,
	// sorted.
	Docs []int32
}

// Lookup returns the index of the document with the given slug, or -1.
func (c *Corpus) Lookup(slug string) int {
	lo, hi := 0, len(c.Docs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if c.Docs[m].Slug < slug {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(c.Docs) && c.Docs[lo].Slug == slug {
		return lo
	}
	return -1
}

// Patterns returns the indices of the documents that are patterns, in slug
// order.
func (c *Corpus) Patterns() []int {
	var out []int
	for i := range c.Docs {
		if c.Docs[i].Kind == KindPattern {
			out = append(out, i)
		}
	}
	return out
}

// Introduction returns the index of the page that introduces the pattern
// language, or -1: the page "introduction", else the root "index" page.
func (c *Corpus) Introduction() int {
	for _, slug := range []string{"introduction", "index"} {
		if i := c.Lookup(slug); i >= 0 && c.Docs[i].Kind == KindPage {
			return i
		}
	}
	return -1
}
