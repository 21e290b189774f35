package corpus

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"reflect"
	"testing"
)

// sample is a corpus that sets every field of every type.
func sample() *Corpus {
	return &Corpus{
		Version: "0123abcd",
		Site:    Site{Name: "DevRel Patterns", Origin: "https://example.org", Prefix: "/explorer"},
		Blocks:  []string{"Code", "Social"},
		Tags:    []string{"devrel", "événements"},
		Docs: []Doc{
			{
				Slug: "events/booth", File: "events/booth/index.md", Category: "events", Kind: KindPattern, Title: "Booth", Date: "2026-02-09", Status: "published",
				Description: "A stand.", Tags: []string{"devrel"}, Meta: []Field{{Key: "type", Value: "page"}},
				Blocks: []string{"Social", "Budget"}, Aliases: []string{"Expo Stand", "Table"},
				Summary: "<p>S</p>", SummaryText: "S",
				Sections:  []Section{{Label: "Problem", Anchor: "problem", Kind: SectionProblem, HTML: "<p>p</p>", Text: "p"}, {Label: "Variants", Kind: SectionVariants}, {Label: "Odd"}},
				Variants:  []Variant{{Names: []string{"Demo Pod"}, Anchor: "variant-demo-pod", HTML: "x", Text: "x"}, {HTML: "nameless", Text: "nameless"}},
				Links:     []Link{{Target: "glossary", Anchor: "term", In: SectionSet(0).With(SectionProblem).With(SectionSummary)}, {Target: "gone", Broken: true}},
				Backlinks: []int32{1}, X: 0.25, Y: 1,
			},
			{Slug: "glossary", File: "glossary.md", Parent: "events/booth", Kind: KindPage, Title: "Glossary", Status: "draft", HTML: "<p>g</p>", Text: "g", Anchors: []string{"term"}, Entries: []Entry{{Term: "Term", Anchor: "term", Text: "Term: a word."}}, Backlinks: []int32{0, 1}},
		},
		Edges: []Edge{{From: 0, To: 1}},
		Media: []Media{{Path: "/explorer/web/media/0123456789ab.png", Bytes: 2048}},
		Words: []Word{{Text: "booth", Docs: []int32{0}}, {Text: "term", Docs: []int32{0, 1}}},
	}
}

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		c    *Corpus
	}{
		{name: "every field", c: sample()},
		{name: "empty", c: &Corpus{}},
		{name: "version only", c: &Corpus{Version: "v"}},
		{name: "doc with nothing", c: &Corpus{Docs: []Doc{{}}}},
		{name: "extreme floats", c: &Corpus{Docs: []Doc{{X: math.MaxFloat32, Y: -0.5}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc := Encode(tt.c)
			got, err := Decode(enc)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if !reflect.DeepEqual(got, tt.c) {
				t.Errorf("got  %#v\nwant %#v", got, tt.c)
			}
			if again := Encode(got); !bytes.Equal(again, enc) {
				t.Errorf("re-encoding differs")
			}
		})
	}
}

func TestEncodeDeterministic(t *testing.T) {
	if !bytes.Equal(Encode(sample()), Encode(sample())) {
		t.Errorf("same corpus, different bytes")
	}
}

// TestDecodeTruncated cuts the encoding at every length: each prefix is
// refused with ErrFormat.
func TestDecodeTruncated(t *testing.T) {
	enc := Encode(sample())
	for n := range len(enc) {
		c, err := Decode(enc[:n])
		if err == nil || c != nil {
			t.Fatalf("Decode of %d of %d bytes = %v, %v; want nil and an error", n, len(enc), c, err)
		}
		if !errors.Is(err, ErrFormat) {
			t.Fatalf("Decode of %d bytes: error %v does not wrap ErrFormat", n, err)
		}
	}
}

// TestDecodeCorrupt flips every bit of the encoding: Decode never panics,
// and whatever it accepts encodes back to what it decoded.
func TestDecodeCorrupt(t *testing.T) {
	enc := Encode(sample())
	buf := make([]byte, len(enc))
	for i := range enc {
		for bit := range 8 {
			copy(buf, enc)
			buf[i] ^= 1 << bit
			c, err := Decode(buf)
			if err != nil {
				continue
			}
			c2, err := Decode(Encode(c))
			if err != nil {
				t.Fatalf("byte %d bit %d: decoded corpus does not re-decode: %v", i, bit, err)
			}
			if !bytes.Equal(Encode(c2), Encode(c)) {
				t.Fatalf("byte %d bit %d: re-encoding is not stable", i, bit)
			}
		}
	}
}

// header returns the encoding of an empty corpus up to its documents.
func header() *encoder {
	var e encoder
	e.buf = append(e.buf, magic...)
	e.uint(FormatVersion)
	e.str("")     // version
	for range 3 { // site name, origin, prefix
		e.str("")
	}
	e.strs(nil)
	e.strs(nil)
	return &e
}

// withDoc returns an encoder after a header and one document whose kind,
// broken-link flag and backlinks are set by the arguments.
func withDoc(kind uint64, brokenFlag uint64, backlinks []int64) *encoder {
	e := header()
	e.uint(1)
	e.str("s")
	for range 3 { // file, category, parent
		e.str("")
	}
	e.uint(kind)
	for range 4 { // title, date, status, description
		e.str("")
	}
	e.strs(nil) // tags
	e.uint(0)   // meta
	e.strs(nil) // blocks
	e.strs(nil) // aliases
	e.str("")   // summary
	e.str("")   // summary text
	e.uint(0)   // sections
	e.uint(0)   // variants
	e.str("")   // html
	e.str("")   // text
	e.strs(nil) // anchors
	e.uint(0)   // entries
	e.uint(1)   // links
	e.str("t")
	e.str("")
	e.uint(brokenFlag)
	e.uint(uint64(len(backlinks)))
	for _, d := range backlinks {
		e.buf = binary.AppendVarint(e.buf, d)
	}
	e.float(0)
	e.float(0)
	return e
}

func TestDecodeErrors(t *testing.T) {
	valid := func() *encoder {
		e := withDoc(0, 0, []int64{0})
		e.uint(0) // edges
		e.uint(0) // media
		e.uint(0) // words
		return e
	}
	if _, err := Decode(valid().buf); err != nil {
		t.Fatalf("the valid base case fails: %v", err)
	}
	tests := []struct {
		name string
		buf  []byte
	}{
		{name: "nil", buf: nil},
		{name: "no magic", buf: []byte("PXD\x01")},
		{name: "other format version", buf: append([]byte(magic), FormatVersion+1)},
		{name: "trailing bytes", buf: append(valid().buf, 0)},
		{name: "huge document count", buf: func() []byte {
			e := header()
			e.uint(1 << 40)
			return e.buf
		}()},
		{name: "document count beyond the bytes left", buf: func() []byte {
			e := header()
			e.uint(5)
			e.buf = append(e.buf, make([]byte, 4*minDocSize)...)
			return e.buf
		}()},
		{name: "huge string length", buf: func() []byte {
			e := header()
			e.buf = e.buf[:len(magic)+1]
			e.uint(math.MaxUint64)
			return e.buf
		}()},
		{name: "overlong varint", buf: append([]byte(magic), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)},
		{name: "bad kind", buf: func() []byte {
			e := withDoc(7, 0, nil)
			e.uint(0)
			e.uint(0)
			return e.buf
		}()},
		{name: "bad section kind", buf: badSectionKind()},
		{name: "bad broken flag", buf: func() []byte {
			e := withDoc(0, 2, nil)
			e.uint(0)
			e.uint(0)
			return e.buf
		}()},
		{name: "backlink out of range", buf: func() []byte {
			e := withDoc(0, 0, []int64{1})
			e.uint(0)
			e.uint(0)
			return e.buf
		}()},
		{name: "negative backlink", buf: func() []byte {
			e := withDoc(0, 0, []int64{-1})
			e.uint(0)
			e.uint(0)
			return e.buf
		}()},
		{name: "backlink delta overflowing int32", buf: func() []byte {
			e := withDoc(0, 0, []int64{math.MaxInt32, math.MaxInt32})
			e.uint(0)
			e.uint(0)
			return e.buf
		}()},
		{name: "edge out of range", buf: func() []byte {
			e := withDoc(0, 0, nil)
			e.uint(1)
			e.uint(0)
			e.uint(1)
			e.uint(0)
			return e.buf
		}()},
		{name: "posting out of range", buf: func() []byte {
			e := withDoc(0, 0, nil)
			e.uint(0)
			e.uint(1)
			e.str("w")
			e.ints([]int32{3})
			return e.buf
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Decode(tt.buf)
			if err == nil || c != nil {
				t.Fatalf("Decode = %v, %v; want nil and an error", c, err)
			}
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
		})
	}
}

// badSectionKind encodes one document with a section of an unknown kind.
func badSectionKind() []byte {
	c := &Corpus{Docs: []Doc{{Slug: "s", Sections: []Section{{Label: "L", Kind: SectionAuthors}}}}}
	b := Encode(c)
	// The kind is the byte after the label "L": find it and make it unknown.
	i := bytes.Index(b, []byte{1, 'L'})
	b[i+2] = byte(sectionKinds)
	return b
}
