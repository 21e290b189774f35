package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinBase maps the Latin-1 Supplement and Latin Extended-A letters
// U+00C0–U+017F to their ASCII base letter, '.' where there is none (Æ, ß, ×).
const latinBase = "" +
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy.." +
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy.y" +
	"aaaaaaccccccccddddeeeeeeeeeegggg" +
	"gggghhhhiiiiiiiiii..jjkkklllllll" +
	"lllnnnnnnn..oooooo..rrrrrrssssss" +
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs"

// foldRune lower-cases r and strips a Latin diacritic from it.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if r >= 0xC0 && r <= 0x17F {
		if b := latinBase[r-0xC0]; b != '.' {
			return rune(b)
		}
	}
	return r
}

// folded is a string prepared for matching: its fold is lower-cased, without
// Latin diacritics and without combining marks. pos maps fold byte offsets
// back to text byte offsets.
type folded struct {
	// text is the string as written.
	text string
	// fold is text folded for matching.
	fold string
	// pos[i] is the offset in text of the rune that gave fold's byte i, and
	// pos[len(fold)] is len(text). It is nil when the offsets are the same.
	pos []int32
}

// fold returns s folded for matching.
func fold(s string) string {
	return newFolded(s).fold
}

// newFolded folds text and records the offsets when they differ.
func newFolded(text string) folded {
	ascii, upper := true, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return folded{text: text, fold: text}
		}
		return folded{text: text, fold: strings.ToLower(text)}
	}
	var b strings.Builder
	b.Grow(len(text))
	pos := make([]int32, 0, len(text)+1)
	same := true
	for i, r := range text {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.Is(unicode.Mn, r) {
			same = false
			continue
		}
		f := foldRune(r)
		n, _ := b.WriteRune(f)
		if n != size {
			same = false
		}
		for range n {
			pos = append(pos, int32(i))
		}
	}
	pos = append(pos, int32(len(text)))
	f := folded{text: text, fold: b.String()}
	if !same {
		f.pos = pos
	}
	return f
}

// textOffset maps an offset of f.fold to the matching offset of f.text.
func (f *folded) textOffset(i int) int {
	if f.pos == nil {
		return i
	}
	return int(f.pos[i])
}

// textRanges maps sorted ranges of f.fold to merged ranges of f.text.
func (f *folded) textRanges(rs []Range) []Range {
	out := make([]Range, 0, len(rs))
	for _, r := range rs {
		t := Range{f.textOffset(r.Start), f.textOffset(r.End)}
		if t.Start >= t.End {
			continue
		}
		if n := len(out); n > 0 && out[n-1].End >= t.Start {
			out[n-1].End = max(out[n-1].End, t.End)
			continue
		}
		out = append(out, t)
	}
	return out
}
