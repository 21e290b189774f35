package search

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("lorem ipsum ", 10)
	tests := []struct {
		name      string
		text      string
		word      string
		words     []string
		wantText  string
		wantLight []string // the highlighted parts of the snippet
	}{
		{name: "whole text", text: "Give them swag.", word: "swag", words: []string{"swag"},
			wantText: "Give them swag.", wantLight: []string{"swag"}},
		{name: "prefix of the word", text: "Ask an Ambassador today.", word: "ambassador", words: []string{"amb"},
			wantText: "Ask an Ambassador today.", wantLight: []string{"Amb"}},
		{name: "non-ascii word", text: "Meet at Café Über tonight.", word: "über", words: []string{"ub"},
			wantText: "Meet at Café Über tonight.", wantLight: []string{"Üb"}},
		{name: "cut both sides", text: long + "the Hackathon prize " + long, word: "hackathon", words: []string{"hack"},
			wantText:  "…ipsum lorem ipsum lorem ipsum the Hackathon prize lorem ipsum lorem ipsum lorem ipsum lorem ipsum…",
			wantLight: []string{"Hack"}},
		{name: "newlines become spaces", text: "one\ntwo\tswag", word: "swag", words: []string{"swag"},
			wantText: "one two swag", wantLight: []string{"swag"}},
		{name: "two words in one token", text: "Brownbag lunch", word: "brownbag", words: []string{"brown", "bag"},
			wantText: "Brownbag lunch", wantLight: []string{"Brownbag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := snippet(tt.text, tt.word, tt.words)
			if !ok {
				t.Fatalf("snippet(%q, %q): not found", tt.text, tt.word)
			}
			if m.Text != tt.wantText {
				t.Errorf("snippet text = %q, want %q", m.Text, tt.wantText)
			}
			var got []string
			for _, r := range m.Ranges {
				got = append(got, m.Text[r.Start:r.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.wantLight, "|") {
				t.Errorf("highlights = %q, want %q", got, tt.wantLight)
			}
			checkRanges(t, tt.word, m)
		})
	}
}

func TestSnippetNotFound(t *testing.T) {
	if _, ok := snippet("nothing here", "swag", []string{"swag"}); ok {
		t.Error("snippet found a word that is not there")
	}
}

func TestMultiWordTypo(t *testing.T) {
	c := handCorpus()
	res := New(c).Query("brwn bag", 5)
	if len(res.Hits) == 0 || c.Docs[res.Hits[0].Doc].Slug != "training" {
		t.Errorf("Query(brwn bag) = %s, want training first", describe(c, res))
	}
	if len(res.Suggestions) == 0 || res.Suggestions[0] != "brown bag" {
		t.Errorf("Query(brwn bag) suggestions = %q, want brown bag first", res.Suggestions)
	}
}
