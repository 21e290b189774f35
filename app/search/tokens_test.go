package search

import (
	"reflect"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{name: "empty", text: "", want: nil},
		{name: "words", text: "Brown Bag, Lunch-n-Learn!", want: []string{"brown", "bag", "lunch", "learn"}},
		{name: "one letter dropped", text: "a b cd e", want: []string{"cd"}},
		{name: "digits", text: "HTTP/2 and 2fa in 2024", want: []string{"http", "and", "2fa", "in", "2024"}},
		{name: "non-ascii", text: "Café ÜBER naïve", want: []string{"café", "über", "naïve"}},
		{name: "combining mark", text: "cafe\u0301 x", want: []string{"cafe\u0301"}},
		{name: "apostrophe splits", text: "it's what's new", want: []string{"it", "what", "new"}},
		{name: "invalid utf-8", text: "ab\xffcd", want: []string{"ab", "cd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestVocabulary(t *testing.T) {
	docs := []corpus.Doc{
		{SummaryText: "Swag for the booth.", Sections: []corpus.Section{{Label: "Problem", Text: "Booth visitors forget you."}}},
		{SummaryText: "Training and swag.", Variants: []corpus.Variant{{Names: []string{"Brown Bag"}, Text: "Over lunch."}}},
		{SummaryText: ""},
	}
	got := Vocabulary(docs)
	want := []corpus.Word{
		{Text: "booth", Docs: []int32{0}},
		{Text: "forget", Docs: []int32{0}},
		{Text: "lunch", Docs: []int32{1}},
		{Text: "swag", Docs: []int32{0, 1}},
		{Text: "training", Docs: []int32{1}},
		{Text: "visitors", Docs: []int32{0}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Vocabulary() = %v, want %v", got, want)
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		wantFold string
		wantPos  []int32
	}{
		{name: "ascii lower", text: "swag", wantFold: "swag"},
		{name: "ascii upper", text: "MVPs", wantFold: "mvps"},
		{name: "latin", text: "Café Über", wantFold: "cafe uber", wantPos: []int32{0, 1, 2, 3, 5, 6, 8, 9, 10, 11}},
		{name: "combining mark dropped", text: "e\u0301a", wantFold: "ea", wantPos: []int32{0, 3, 4}},
		{name: "no base letter", text: "Æß", wantFold: "æß", wantPos: nil},
		{name: "greek", text: "ΣΑΣ", wantFold: "σασ", wantPos: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFolded(tt.text)
			if f.fold != tt.wantFold || !reflect.DeepEqual(f.pos, tt.wantPos) {
				t.Errorf("newFolded(%q) = %q %v, want %q %v", tt.text, f.fold, f.pos, tt.wantFold, tt.wantPos)
			}
		})
	}
}

func TestLatinBase(t *testing.T) {
	if len(latinBase) != 0x180-0xC0 {
		t.Fatalf("len(latinBase) = %d, want %d", len(latinBase), 0x180-0xC0)
	}
	tests := []struct {
		r, want rune
	}{
		{'À', 'a'}, {'ç', 'c'}, {'É', 'e'}, {'ñ', 'n'}, {'Ø', 'o'}, {'ü', 'u'}, {'ÿ', 'y'},
		{'Ł', 'l'}, {'ő', 'o'}, {'Š', 's'}, {'ž', 'z'}, {'æ', 'æ'}, {'ß', 'ß'}, {'×', '×'},
	}
	for _, tt := range tests {
		if got := foldRune(tt.r); got != tt.want {
			t.Errorf("foldRune(%q) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		want int
	}{
		{"ambasador", "ambassador", 2, 1},
		{"hackaton", "hackathon", 2, 1},
		{"sponser", "sponsor", 2, 1},
		{"tarining", "training", 2, 1},
		{"abcd", "abcd", 1, 0},
		{"ab", "ba", 1, 1},
		{"kitten", "sitting", 2, 3},
		{"kitten", "sitting", 3, 3},
		{"", "abc", 2, 3},
		{"über", "uber", 1, 1},
	}
	var e editScratch
	for _, tt := range tests {
		if got := e.distance([]rune(tt.a), []rune(tt.b), tt.k); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}
