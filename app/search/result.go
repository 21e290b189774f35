package search

// Field tells where in a document a query word matched.
type Field uint8

const (
	// FieldTitle is the document's title.
	FieldTitle Field = iota
	// FieldAlias is one of the pattern's "Also Known As" names.
	FieldAlias
	// FieldVariant is the name of one of the pattern's variants.
	FieldVariant
	// FieldTerm is the term of one of a page's entries, such as a
	// glossary's (corpus.Entry).
	FieldTerm
	// FieldBlock is one of the pattern's building blocks.
	FieldBlock
	// FieldTag is one of the document's tags.
	FieldTag
	// FieldSummary is a word of the document's summary paragraph.
	FieldSummary
	// FieldText is a word of a section's, a variant's or a page's text.
	FieldText
)

// String returns the field's name: "title", "alias", "variant", "term",
// "block", "tag", "summary" or "text".
func (f Field) String() string {
	switch f {
	case FieldTitle:
		return "title"
	case FieldAlias:
		return "alias"
	case FieldVariant:
		return "variant"
	case FieldTerm:
		return "term"
	case FieldBlock:
		return "block"
	case FieldTag:
		return "tag"
	case FieldSummary:
		return "summary"
	default:
		return "text"
	}
}

// Range is a half-open byte range [Start, End) of a matched string. Both ends
// are on UTF-8 boundaries of the string.
type Range struct {
	Start, End int
}

// Match is one place of a document that query words matched.
type Match struct {
	// Field tells where the match is.
	Field Field
	// Label names the part of the document a text match comes from: the
	// section's label ("Problem") or the variant's first name. It is empty
	// for the other fields.
	Label string
	// Anchor is the anchor, in the document's page, of the section or the
	// variant the match is in (corpus.Section.Anchor), or empty.
	Anchor string
	// Text is the matched string as shown to the user: the title, alias,
	// variant name, block or tag as written, or for summary and text matches
	// a short snippet around the word ("…" marks a cut).
	Text string
	// Ranges are the parts of Text to highlight, sorted and disjoint.
	Ranges []Range
}

// Where returns the field and the matched string, e.g. "alias: MVPs".
func (m Match) Where() string {
	return m.Field.String() + ": " + m.Text
}

// Hit is one matching document.
type Hit struct {
	// Doc is the document's index in corpus.Corpus.Docs.
	Doc int
	// Score ranks the hit: higher is better.
	Score int
	// Match is the best place the query matched.
	Match
	// Also are the other places that other query words matched, best first.
	Also []Match
	// Corrected is true when the hit was found through the first of the
	// result's suggestions rather than the query as typed.
	Corrected bool
}

// Result is the answer to a query.
type Result struct {
	// Query is the query as given.
	Query string
	// Hits are the best hits, best first, at most the limit asked for.
	Hits []Hit
	// Total counts all matching documents, including those past the limit.
	Total int
	// Suggestions are corrected queries ("Did you mean: ambassador"), best
	// first. They are given when the query as typed finds fewer than three
	// documents and a word of it is close to a known word.
	Suggestions []string
}
