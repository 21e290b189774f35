package search

import (
	"unicode"
	"unicode/utf8"
)

// maxWordLen is the longest token, in bytes, that goes into the vocabulary;
// longer ones are URLs, hashes and the like.
const maxWordLen = 32

// Tokens splits text into lower-case words made of Unicode letters, digits and
// combining marks, splitting on everything else, and drops one-letter words.
// It is the one tokenizer: the compiler's vocabulary and the queries both use
// it, so a word found in the text is spelled the same way in a query.
func Tokens(text string) []string {
	var out []string
	eachWord(text, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// eachWord calls fn with each word of text as [Tokens] returns it, lower-cased
// into buf, which it grows and returns for reuse. fn must not keep w.
func eachWord(text string, buf []byte, fn func(w []byte)) []byte {
	eachToken(text, func(start, end int) {
		tok := text[start:end]
		buf = buf[:0]
		n := 0
		for i := 0; i < len(tok); i++ {
			c := tok[i]
			if c >= utf8.RuneSelf {
				buf, n = buf[:0], 0
				for _, r := range tok {
					buf = utf8.AppendRune(buf, unicode.ToLower(r))
					n++
				}
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			n++
		}
		if n >= 2 {
			fn(buf)
		}
	})
	return buf
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// eachToken calls fn with the byte range of every maximal run of word runes
// in text, one-letter runs included.
func eachToken(text string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// isStopword reports whether w, a lower-case token, is so common in English
// that it is left out of the vocabulary and is optional in multi-word queries.
func isStopword(w string) bool {
	switch w {
	case "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "been", "but", "by", "can", "could", "did", "do", "does", "each", "for", "from",
		"had", "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its",
		"may", "more", "most", "much", "no", "not", "of", "on", "one", "only", "or", "other",
		"our", "out", "over", "she", "should", "so", "some", "such", "than", "that", "the",
		"their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us",
		"very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will",
		"with", "would", "you", "your":
		return true
	}
	return false
}
