package search

import (
	"strings"
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
	var b strings.Builder
	eachToken(text, func(start, end int) {
		if utf8.RuneCountInString(text[start:end]) < 2 {
			return
		}
		b.Reset()
		for _, r := range text[start:end] {
			b.WriteRune(unicode.ToLower(r))
		}
		out = append(out, b.String())
	})
	return out
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
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, i)
			start = -1
		}
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
