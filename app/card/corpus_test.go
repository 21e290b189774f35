package card

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

func twoPatterns() *corpus.Corpus {
	return &corpus.Corpus{
		Site:   corpus.Site{Name: "Our Patterns"},
		Blocks: []string{"Social"},
		Docs: []corpus.Doc{
			{Slug: "events/booth", Title: "Booth", Blocks: []string{"Social"}, SummaryText: "A table where strangers talk."},
			{Slug: "intro", Kind: corpus.KindPage, Title: "Introduction"},
			{Slug: "swag", Title: "Swag", Sections: []corpus.Section{{Kind: corpus.SectionProblem, Text: "Nobody remembers the stand."}}},
		},
	}
}

// Write draws one card per pattern and the site's, at their app paths,
// redraws only what changed, and removes the cards of patterns that are
// gone.
func TestWrite(t *testing.T) {
	root := t.TempDir()
	c := twoPatterns()
	n, err := Write(c, root)
	if err != nil || n != 3 {
		t.Fatalf("first Write = %d, %v; want 3 cards drawn", n, err)
	}
	for _, p := range []string{corpus.CardPath("events/booth"), corpus.CardPath("swag"), corpus.SiteCardPath} {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			t.Fatalf("card %s: %v", p, err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil || img.Bounds().Dx() != Width || img.Bounds().Dy() != Height {
			t.Errorf("card %s: %v, size %v", p, err, img.Bounds())
		}
	}
	if n, err := Write(c, root); err != nil || n != 0 {
		t.Errorf("unchanged Write = %d, %v; want nothing drawn", n, err)
	}
	booth := filepath.Join(root, filepath.FromSlash(corpus.CardPath("events/booth")))
	before, _ := os.ReadFile(booth)
	c.Docs[0].Title = "Booth Stand"
	c.Docs = c.Docs[:2]                                 // swag is gone
	if n, err := Write(c, root); err != nil || n != 2 { // booth's, and the site's (it counts the patterns)
		t.Errorf("Write after a title change = %d, %v; want 2 cards drawn", n, err)
	}
	if after, _ := os.ReadFile(booth); bytes.Equal(before, after) {
		t.Error("the renamed pattern's card was not redrawn")
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(corpus.CardPath("swag")))); !os.IsNotExist(err) {
		t.Errorf("the card of a removed pattern stays: %v", err)
	}
	if err := os.Remove(booth); err != nil {
		t.Fatal(err)
	}
	if n, err := Write(c, root); err != nil || n != 1 {
		t.Errorf("Write after a card was deleted = %d, %v; want it drawn again", n, err)
	}
}

// A pattern's card says its summary, else its problem; the site's card
// carries the site's name.
func TestOf(t *testing.T) {
	cards := Of(twoPatterns())
	if got := cards[corpus.CardPath("events/booth")]; got.Text != "A table where strangers talk." || got.Site != "Our Patterns" || len(got.Blocks) != 1 {
		t.Errorf("booth's card = %+v", got)
	}
	if got := cards[corpus.CardPath("swag")].Text; got != "Nobody remembers the stand." {
		t.Errorf("swag's card says %q, want its problem", got)
	}
	if got := cards[corpus.SiteCardPath].Title; got != "Our Patterns" {
		t.Errorf("site card title = %q", got)
	}
	if _, ok := cards[corpus.CardPath("intro")]; ok {
		t.Error("a page got a card")
	}
}
