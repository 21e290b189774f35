package corpus

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"unsafe"
)

// magic opens every encoded corpus; FormatVersion follows it. A decoder
// refuses any other version, so an app never misreads an artifact built by
// another release.
const magic = "PXC"

// FormatVersion is the version of the binary encoding written by Encode.
const FormatVersion = 6

// ErrFormat reports an artifact that is not an encoded corpus of this
// FormatVersion, or is truncated.
var ErrFormat = errors.New("corpus: bad artifact")

// Encode returns the compact binary form of c: a length-prefixed,
// deterministic encoding (same corpus, same bytes) that decodes without
// reflection, which matters in WASM.
func Encode(c *Corpus) []byte {
	e := encoder{buf: make([]byte, 0, sizeHint(c))}
	e.buf = append(e.buf, magic...)
	e.uint(FormatVersion)
	e.str(c.Version)
	e.str(c.Site.Name)
	e.str(c.Site.Origin)
	e.str(c.Site.Prefix)
	e.strs(c.Blocks)
	e.strs(c.Tags)
	e.uint(uint64(len(c.Docs)))
	for i := range c.Docs {
		e.doc(&c.Docs[i])
	}
	e.uint(uint64(len(c.Edges)))
	for _, ed := range c.Edges {
		e.uint(uint64(ed.From))
		e.uint(uint64(ed.To))
	}
	e.uint(uint64(len(c.Media)))
	for _, m := range c.Media {
		e.str(m.Path)
		e.uint(uint64(m.Bytes))
	}
	e.uint(uint64(len(c.Words)))
	for _, w := range c.Words {
		e.str(w.Text)
		e.ints(w.Docs)
	}
	return e.buf
}

// Decode reads a corpus written by Encode. It returns an error wrapping
// ErrFormat, and never panics, for any other input: a truncated or corrupt
// artifact, lengths that cannot fit in it, or indices (edges, backlinks,
// search postings) outside the documents. Empty lists decode as nil. The
// corpus keeps a copy of b, made once, which its texts share; b may change
// afterwards.
func Decode(b []byte) (*Corpus, error) { return DecodeString(string(b)) }

// DecodeString is Decode for an artifact held in a string, such as the one
// embedded in the binary: the corpus's texts are parts of s, not copies,
// so a corpus of many megabytes of HTML is held once.
func DecodeString(s string) (*Corpus, error) {
	if !strings.HasPrefix(s, magic) {
		return nil, fmt.Errorf("%w: no magic", ErrFormat)
	}
	// buf views s's bytes, to read numbers with encoding/binary; the
	// decoder never writes it.
	d := decoder{src: s, buf: unsafe.Slice(unsafe.StringData(s), len(s)), pos: len(magic)}
	if v := d.uint(); v != FormatVersion {
		return nil, fmt.Errorf("%w: format %d, want %d", ErrFormat, v, FormatVersion)
	}
	c := &Corpus{}
	c.Version = d.str()
	c.Site = Site{Name: d.str(), Origin: d.str(), Prefix: d.str()}
	c.Blocks = d.strs()
	c.Tags = d.strs()
	if n := d.count(minDocSize); n > 0 {
		c.Docs = make([]Doc, n)
		for i := range c.Docs {
			d.doc(&c.Docs[i])
		}
	}
	if n := d.count(2); n > 0 {
		c.Edges = make([]Edge, n)
		for i := range c.Edges {
			c.Edges[i] = Edge{From: d.index(len(c.Docs)), To: d.index(len(c.Docs))}
		}
	}
	if n := d.count(2); n > 0 {
		c.Media = make([]Media, n)
		for i := range c.Media {
			c.Media[i] = Media{Path: d.str(), Bytes: int64(d.uint())}
		}
	}
	if n := d.count(2); n > 0 {
		c.Words = make([]Word, n)
		for i := range c.Words {
			c.Words[i] = Word{Text: d.str(), Docs: d.ints()}
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.pos != len(d.buf) {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrFormat, len(d.buf)-d.pos)
	}
	if err := c.checkIndices(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkIndices reports a backlink or posting that names no document, which
// would make a reader index out of range.
func (c *Corpus) checkIndices() error {
	n := int32(len(c.Docs))
	for i := range c.Docs {
		for _, j := range c.Docs[i].Backlinks {
			if j < 0 || j >= n {
				return fmt.Errorf("%w: backlink %d of %d documents", ErrFormat, j, n)
			}
		}
	}
	for _, w := range c.Words {
		for _, j := range w.Docs {
			if j < 0 || j >= n {
				return fmt.Errorf("%w: posting %d of %d documents", ErrFormat, j, n)
			}
		}
	}
	return nil
}

// minDocSize is the fewest bytes an encoded Doc takes: 22 lengths, counts
// and numbers of at least a byte each, and two 4-byte floats.
const minDocSize = 22 + 8

// sizeHint returns an upper bound of the encoded size of c when its lists
// and strings are shorter than 2^35 bytes (5-byte lengths), so that Encode
// allocates once.
func sizeHint(c *Corpus) int {
	const num = 5 // a length or a count
	strs := func(ss []string) int {
		n := num
		for _, s := range ss {
			n += num + len(s)
		}
		return n
	}
	n := len(magic) + 7*num + len(c.Version) + len(c.Site.Name) + len(c.Site.Origin) + len(c.Site.Prefix) + strs(c.Blocks) + strs(c.Tags) + 3*num
	for i := range c.Docs {
		d := &c.Docs[i]
		n += 19*num + len(d.Slug) + len(d.File) + len(d.Category) + len(d.Parent) + len(d.Title) + len(d.Date) + len(d.Status) + len(d.Description) +
			len(d.Summary) + len(d.SummaryText) + len(d.HTML) + len(d.Text) + 8 +
			strs(d.Tags) + strs(d.Blocks) + strs(d.Aliases) + strs(d.Anchors) + num
		for _, en := range d.Entries {
			n += 3*num + len(en.Term) + len(en.Anchor) + len(en.Text)
		}
		for _, f := range d.Meta {
			n += 2*num + len(f.Key) + len(f.Value)
		}
		for _, s := range d.Sections {
			n += 5*num + len(s.Label) + len(s.Anchor) + len(s.HTML) + len(s.Text)
		}
		for _, v := range d.Variants {
			n += 3*num + strs(v.Names) + len(v.Anchor) + len(v.HTML) + len(v.Text)
		}
		for _, l := range d.Links {
			n += 4*num + len(l.Target) + len(l.Anchor)
		}
		n += len(d.Backlinks) * num
	}
	n += len(c.Edges) * 2 * num
	n += num
	for _, m := range c.Media {
		n += 2*num + len(m.Path)
	}
	for _, w := range c.Words {
		n += 2*num + len(w.Text) + len(w.Docs)*num
	}
	return n
}

type encoder struct{ buf []byte }

func (e *encoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) ints(vs []int32) {
	e.uint(uint64(len(vs)))
	prev := int32(0)
	for _, v := range vs { // sorted lists: delta-encode
		e.buf = binary.AppendVarint(e.buf, int64(v-prev))
		prev = v
	}
}

func (e *encoder) float(f float32) {
	e.buf = binary.LittleEndian.AppendUint32(e.buf, math.Float32bits(f))
}

func (e *encoder) doc(d *Doc) {
	e.str(d.Slug)
	e.str(d.File)
	e.str(d.Category)
	e.str(d.Parent)
	e.uint(uint64(d.Kind))
	e.str(d.Title)
	e.str(d.Date)
	e.str(d.Status)
	e.str(d.Description)
	e.strs(d.Tags)
	e.uint(uint64(len(d.Meta)))
	for _, f := range d.Meta {
		e.str(f.Key)
		e.str(f.Value)
	}
	e.strs(d.Blocks)
	e.strs(d.Aliases)
	e.str(d.Summary)
	e.str(d.SummaryText)
	e.uint(uint64(len(d.Sections)))
	for _, s := range d.Sections {
		e.str(s.Label)
		e.str(s.Anchor)
		e.uint(uint64(s.Kind))
		e.str(s.HTML)
		e.str(s.Text)
	}
	e.uint(uint64(len(d.Variants)))
	for _, v := range d.Variants {
		e.strs(v.Names)
		e.str(v.Anchor)
		e.str(v.HTML)
		e.str(v.Text)
	}
	e.str(d.HTML)
	e.str(d.Text)
	e.strs(d.Anchors)
	e.uint(uint64(len(d.Entries)))
	for _, en := range d.Entries {
		e.str(en.Term)
		e.str(en.Anchor)
		e.str(en.Text)
	}
	e.uint(uint64(len(d.Links)))
	for _, l := range d.Links {
		e.str(l.Target)
		e.str(l.Anchor)
		b := uint64(0)
		if l.Broken {
			b = 1
		}
		e.uint(b)
		e.uint(uint64(l.In))
	}
	e.ints(d.Backlinks)
	e.float(d.X)
	e.float(d.Y)
}

// decoder reads an artifact: texts are cut from src, numbers read from
// buf, a read-only view of the same bytes.
type decoder struct {
	src string
	buf []byte
	pos int
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: truncated %s at byte %d", ErrFormat, what, d.pos)
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf[d.pos:])
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.pos += n
	return v
}

// count reads the length of a list whose elements take at least size
// bytes each, and checks that they fit in the bytes left, so that a corrupt
// artifact never makes the decoder allocate much more than its own size.
func (d *decoder) count(size int) int {
	n := d.uint()
	if d.err != nil {
		return 0
	}
	if n > uint64(len(d.buf)-d.pos)/uint64(size) {
		d.fail("count")
		return 0
	}
	return int(n)
}

// index reads a document index and checks it is below n.
func (d *decoder) index(n int) int32 {
	v := d.uint()
	if d.err == nil && v >= uint64(n) {
		d.err = fmt.Errorf("%w: index %d of %d documents at byte %d", ErrFormat, v, n, d.pos)
	}
	if d.err != nil {
		return 0
	}
	return int32(v)
}

func (d *decoder) str() string {
	n := d.count(1)
	if d.err != nil || n == 0 {
		return ""
	}
	s := d.src[d.pos : d.pos+n]
	d.pos += n
	return s
}

func (d *decoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) ints() []int32 {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]int32, n)
	prev := int64(0)
	for i := range out {
		if d.err != nil {
			return nil
		}
		v, k := binary.Varint(d.buf[d.pos:])
		if k <= 0 {
			d.fail("delta")
			return nil
		}
		d.pos += k
		prev += v
		if prev < math.MinInt32 || prev > math.MaxInt32 {
			d.err = fmt.Errorf("%w: index out of range at byte %d", ErrFormat, d.pos)
			return nil
		}
		out[i] = int32(prev)
	}
	return out
}

// sectionKind reads a SectionKind and checks it is one.
func (d *decoder) sectionKind() SectionKind {
	v := d.uint()
	if d.err == nil && v >= uint64(sectionKinds) {
		d.err = fmt.Errorf("%w: section kind %d at byte %d", ErrFormat, v, d.pos)
	}
	if d.err != nil {
		return SectionOther
	}
	return SectionKind(v)
}

// flag reads a 0 or 1.
func (d *decoder) flag() bool {
	v := d.uint()
	if d.err == nil && v > 1 {
		d.err = fmt.Errorf("%w: flag %d at byte %d", ErrFormat, v, d.pos)
	}
	return v == 1
}

func (d *decoder) float() float32 {
	if d.err != nil {
		return 0
	}
	if len(d.buf)-d.pos < 4 {
		d.fail("float")
		return 0
	}
	f := math.Float32frombits(binary.LittleEndian.Uint32(d.buf[d.pos:]))
	d.pos += 4
	return f
}

func (d *decoder) doc(doc *Doc) {
	doc.Slug = d.str()
	doc.File = d.str()
	doc.Category = d.str()
	doc.Parent = d.str()
	switch k := d.uint(); {
	case k <= uint64(KindPage):
		doc.Kind = Kind(k)
	case d.err == nil:
		d.err = fmt.Errorf("%w: kind %d at byte %d", ErrFormat, k, d.pos)
	}
	doc.Title = d.str()
	doc.Date = d.str()
	doc.Status = d.str()
	doc.Description = d.str()
	doc.Tags = d.strs()
	if n := d.count(2); n > 0 {
		doc.Meta = make([]Field, n)
		for i := range doc.Meta {
			doc.Meta[i] = Field{Key: d.str(), Value: d.str()}
		}
	}
	doc.Blocks = d.strs()
	doc.Aliases = d.strs()
	doc.Summary = d.str()
	doc.SummaryText = d.str()
	if n := d.count(4); n > 0 {
		doc.Sections = make([]Section, n)
		for i := range doc.Sections {
			doc.Sections[i] = Section{Label: d.str(), Anchor: d.str(), Kind: d.sectionKind(), HTML: d.str(), Text: d.str()}
		}
	}
	if n := d.count(4); n > 0 {
		doc.Variants = make([]Variant, n)
		for i := range doc.Variants {
			doc.Variants[i] = Variant{Names: d.strs(), Anchor: d.str(), HTML: d.str(), Text: d.str()}
		}
	}
	doc.HTML = d.str()
	doc.Text = d.str()
	doc.Anchors = d.strs()
	if n := d.count(3); n > 0 {
		doc.Entries = make([]Entry, n)
		for i := range doc.Entries {
			doc.Entries[i] = Entry{Term: d.str(), Anchor: d.str(), Text: d.str()}
		}
	}
	if n := d.count(4); n > 0 {
		doc.Links = make([]Link, n)
		for i := range doc.Links {
			doc.Links[i] = Link{Target: d.str(), Anchor: d.str(), Broken: d.flag(), In: SectionSet(d.uint())}
		}
	}
	doc.Backlinks = d.ints()
	doc.X = d.float()
	doc.Y = d.float()
}
