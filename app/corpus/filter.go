package corpus

import (
	"net/url"
	"slices"
)

// Filter narrows the patterns shown, in the catalog and in the graph, to a
// category, a building block and a tag; an empty field lets every pattern
// through.
type Filter struct {
	Category, Block, Tag string
}

// FilterField names one of a Filter's fields.
type FilterField uint8

// The fields of a Filter, in the order the views show them.
const (
	FilterCategory FilterField = iota
	FilterBlock
	FilterTag
	filterFields // the number of fields
)

// filterKeys are the fields' names in an address's query.
var filterKeys = [filterFields]string{"category", "block", "tag"}

// Get returns the value of field k.
func (f Filter) Get(k FilterField) string {
	switch k {
	case FilterCategory:
		return f.Category
	case FilterBlock:
		return f.Block
	case FilterTag:
		return f.Tag
	}
	return ""
}

// With returns f with field k set to v ("" clears it).
func (f Filter) With(k FilterField, v string) Filter {
	switch k {
	case FilterCategory:
		f.Category = v
	case FilterBlock:
		f.Block = v
	case FilterTag:
		f.Tag = v
	}
	return f
}

// IsZero reports whether f lets every pattern through.
func (f Filter) IsZero() bool { return f == Filter{} }

// Matches reports whether f lets d through: d is in the category, has the
// building block and carries the tag that f asks for.
func (f Filter) Matches(d *Doc) bool {
	return (f.Category == "" || d.Category == f.Category) &&
		(f.Block == "" || slices.Contains(d.Blocks, f.Block)) &&
		(f.Tag == "" || slices.Contains(d.Tags, f.Tag))
}

// Patterns returns the indices of the patterns of c that f lets through,
// in slug order.
func (f Filter) Patterns(c *Corpus) []int {
	var out []int
	for _, i := range c.Patterns() {
		if f.Matches(&c.Docs[i]) {
			out = append(out, i)
		}
	}
	return out
}

// query returns f as an address's query, empty fields left out:
// "block=Social&tag=events".
func (f Filter) query() string {
	q := url.Values{}
	for k := range filterFields {
		if v := f.Get(k); v != "" {
			q.Set(filterKeys[k], v)
		}
	}
	return q.Encode()
}

// filterOf reads a filter from an address's query.
func filterOf(q url.Values) Filter {
	var f Filter
	for k := range filterFields {
		f = f.With(k, q.Get(filterKeys[k]))
	}
	return f
}

// Categories returns the distinct folders that hold patterns, sorted;
// patterns at the top of the content folder have none.
func (c *Corpus) Categories() []string {
	var out []string
	for _, i := range c.Patterns() {
		if cat := c.Docs[i].Category; cat != "" && !slices.Contains(out, cat) {
			out = append(out, cat)
		}
	}
	slices.Sort(out)
	return out
}
