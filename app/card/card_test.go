package card

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/booth.png")

var (
	social = color.RGBA{0x2f, 0x7d, 0x6d, 0xff}
	budget = color.RGBA{0xb5, 0x54, 0x2b, 0xff}
	other  = color.RGBA{0x3a, 0x5a, 0x9b, 0xff}
)

// booth is the typical card, also drawn to testdata/booth.png.
var booth = Card{
	Title:  "Booth",
	Blocks: []Block{{"Social", social}, {"Budget", budget}},
	Text:   "A visitor walks past a table at a conference and nobody there knows how to start a conversation.",
	Site:   "DevRel Patterns",
}

func words(n int, w string) string {
	return strings.TrimSpace(strings.Repeat(w+" ", n))
}

func manyBlocks(n int) []Block {
	blocks := make([]Block, n)
	for i := range blocks {
		blocks[i] = Block{"Building block " + strconv.Itoa(i+1), []color.RGBA{social, budget, other}[i%3]}
	}
	return blocks
}

// crowded has as much of everything as a card can take.
var crowded = Card{
	Title:  words(200, "Conference"),
	Blocks: manyBlocks(20),
	Text:   words(300, "gathering"),
	Site:   "DevRel Patterns",
}

func newDrawer(t testing.TB) *Drawer {
	t.Helper()
	d, err := NewDrawer()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// render draws c and decodes the PNG again.
func render(t testing.TB, d *Drawer, c Card) image.Image {
	t.Helper()
	b, err := d.PNG(c)
	if err != nil {
		t.Fatalf("PNG: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decoding the PNG: %v", err)
	}
	return img
}

func rgba(c color.Color) color.RGBA {
	return color.RGBAModel.Convert(c).(color.RGBA)
}

// count counts the pixels of img in r that are exactly the colour want.
func count(img image.Image, r image.Rectangle, want color.RGBA) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(img.At(x, y)) == want {
				n++
			}
		}
	}
	return n
}

// sameRegion reports the first pixel of r where a and b differ.
func sameRegion(a, b image.Image, r image.Rectangle) (image.Point, bool) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(a.At(x, y)) != rgba(b.At(x, y)) {
				return image.Pt(x, y), false
			}
		}
	}
	return image.Point{}, true
}

func TestSize(t *testing.T) {
	d := newDrawer(t)
	want := image.Rect(0, 0, Width, Height)
	tests := []struct {
		name string
		card Card
	}{
		{"typical", booth},
		{"empty", Card{}},
		{"long title", Card{Title: words(200, "Booth"), Blocks: booth.Blocks, Text: booth.Text, Site: booth.Site}},
		{"long single word", Card{Title: strings.Repeat("Pneumono", 200), Text: strings.Repeat("x", 5000), Blocks: []Block{{strings.Repeat("W", 300), social}}, Site: strings.Repeat("Site", 100)}},
		{"emoji CJK RTL", Card{Title: "Booth 🎪 ブース 展位", Blocks: []Block{{"🎉", social}, {"社交", budget}}, Text: "שלום عليكم مرحبا 👋🏽 with a zero\u200dwidth joiner and \u202eoverride", Site: "DevRel 🚀"}},
		{"only missing glyphs", Card{Title: "🎪🎪🎪", Blocks: []Block{{"🎉", social}}, Text: "展位", Site: "🚀"}},
		{"control characters", Card{Title: "Bo\x00oth\x07\r\n\tstand", Blocks: []Block{{"\x1b[31mSocial", social}}, Text: "line\x7f one\u0085\u2028two\ufeff", Site: "\x00"}},
		{"invalid UTF-8", Card{Title: "Bo\xffoth", Text: "\xc3\x28 text", Site: "Site\xe2\x82"}},
		{"20 blocks", Card{Title: "Booth", Blocks: manyBlocks(20), Text: booth.Text, Site: booth.Site}},
		{"crowded", crowded},
		{"white space only", Card{Title: " \t\n ", Text: "\u00a0\u2003", Site: "  "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := render(t, d, tt.card)
			if got := img.Bounds(); got != want {
				t.Errorf("bounds = %v, want %v", got, want)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	d := newDrawer(t)
	draw := func(c Card) []byte {
		b, err := d.PNG(c)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fresh, err := PNG(booth)
	if err != nil {
		t.Fatal(err)
	}
	renamed := booth
	renamed.Title = "Stand"
	tests := []struct {
		name string
		a, b []byte
		same bool
	}{
		{"same card twice", draw(booth), draw(booth), true},
		{"Drawer and PNG", draw(booth), fresh, true},
		{"crowded twice", draw(crowded), draw(crowded), true},
		{"different title", draw(booth), draw(renamed), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bytes.Equal(tt.a, tt.b); got != tt.same {
				t.Errorf("equal bytes = %v, want %v", got, tt.same)
			}
		})
	}
}

func TestConcurrent(t *testing.T) {
	d := newDrawer(t)
	cards := []Card{booth, crowded, booth, crowded}
	got := make([][]byte, len(cards))
	var wg sync.WaitGroup
	for i, c := range cards {
		wg.Go(func() {
			b, err := d.PNG(c)
			if err != nil {
				t.Error(err)
			}
			got[i] = b
		})
	}
	wg.Wait()
	if !bytes.Equal(got[0], got[2]) || !bytes.Equal(got[1], got[3]) {
		t.Error("cards drawn at the same time differ")
	}
}

func TestBlockColour(t *testing.T) {
	d := newDrawer(t)
	tests := []struct {
		name   string
		blocks []Block
		want   bool // whether social's colour is in the image
	}{
		{"first block", []Block{{"Social", social}, {"Budget", budget}}, true},
		{"only block", []Block{{"Social", social}}, true},
		{"nameless block still colours the bar", []Block{{"", social}}, true},
		{"other colour", []Block{{"Budget", budget}, {"Other", other}}, false},
		{"no blocks", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := render(t, d, Card{Title: "Booth", Blocks: tt.blocks, Text: booth.Text, Site: booth.Site})
			n := count(img, img.Bounds(), social)
			// The bar alone is barWidth×Height pixels.
			if tt.want && n < barWidth*Height {
				t.Errorf("%d pixels of %v, want at least %d", n, social, barWidth*Height)
			}
			if !tt.want && n != 0 {
				t.Errorf("%d pixels of %v, want none", n, social)
			}
			if len(tt.blocks) == 0 {
				if n := count(img, image.Rect(0, 0, barWidth, Height), neutral); n != barWidth*Height {
					t.Errorf("bar has %d neutral pixels, want %d", n, barWidth*Height)
				}
			}
		})
	}
}

func TestTitleDrawn(t *testing.T) {
	d := newDrawer(t)
	area := image.Rect(left, 0, right, top+titleLines*titleLead)
	tests := []struct {
		name  string
		title string
	}{
		{"short", "Booth"},
		{"two lines", "Office hours in a borrowed meeting room every other week"},
		{"with missing glyphs", "🎪 Booth 展位"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			with, without := booth, booth
			with.Title, without.Title = tt.title, ""
			a := count(render(t, d, with), area, titleInk)
			b := count(render(t, d, without), area, titleInk)
			if b != 0 || a < 1000 {
				t.Errorf("title-coloured pixels in the title area: %d with the title, %d without; want ≥ 1000 and 0", a, b)
			}
		})
	}
}

// TestFooter checks that nothing but the site name is drawn in the strip at
// the bottom reserved for it, however much there is above.
func TestFooter(t *testing.T) {
	d := newDrawer(t)
	strip := image.Rect(0, footerTop, Width, Height)
	tests := []struct {
		name string
		card Card
	}{
		{"typical", booth},
		{"crowded", crowded},
		{"long word", Card{Title: strings.Repeat("W", 400), Blocks: manyBlocks(3), Text: strings.Repeat("g", 4000), Site: "DevRel Patterns"}},
		{"no title", Card{Blocks: manyBlocks(20), Text: words(300, "gjpqy"), Site: "DevRel Patterns"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noSite := tt.card
			noSite.Site = ""
			full := render(t, d, tt.card)
			bare := render(t, d, Card{Blocks: tt.card.Blocks})
			onlySite := render(t, d, Card{Blocks: tt.card.Blocks, Site: tt.card.Site})
			if p, ok := sameRegion(render(t, d, noSite), bare, strip); !ok {
				t.Errorf("without a site name, the footer has ink at %v", p)
			}
			if p, ok := sameRegion(full, onlySite, strip); !ok {
				t.Errorf("the footer differs at %v from a card with only the site name", p)
			}
			if _, ok := sameRegion(full, bare, strip); ok {
				t.Error("the site name is not drawn in the footer")
			}
		})
	}
}

func TestGolden(t *testing.T) {
	got, err := newDrawer(t).PNG(booth)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "booth.png")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app/card -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the booth card differs from %s (%d bytes, want %d); if the change is intended, run go test ./app/card -update and look at it", path, len(got), len(want))
	}
}

func TestClean(t *testing.T) {
	d := newDrawer(t)
	f, err := d.newFace(d.regular, textSize)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Booth", "Booth"},
		{"trim and collapse", "  a \t\n b\u00a0\u2003 c  ", "a b c"},
		{"control characters", "a\x00b\x07c\x1b\x7fd\u0085e", "abcd e"},
		{"format characters", "zero\u200bwidth\u200d \u202eflip\ufeff", "zerowidth flip"},
		{"emoji and CJK dropped", "Booth 🎪 展位 stand", "Booth stand"},
		{"accents kept", "Café naïve Ångström", "Café naïve Ångström"},
		{"invalid UTF-8", "a\xffb", "ab"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := f.clean(tt.in); got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	d := newDrawer(t)
	f, err := d.newFace(d.bold, titleSize)
	if err != nil {
		t.Fatal(err)
	}
	if !f.has('…') {
		t.Fatal("the font has no ellipsis")
	}
	tests := []struct {
		name     string
		in       string
		max      int
		lines    int  // how many lines, or -1 for any
		ellipsis bool // whether the last line ends with one
	}{
		{"one word", "Booth", 3, 1, false},
		{"empty", "", 3, 0, false},
		{"200 words", words(200, "Booth"), 3, 3, true},
		{"long word broken", strings.Repeat("Pneumono", 20), 10, -1, false},
		{"long word cut", strings.Repeat("Pneumono", 200), 3, 3, true},
		{"long word after a short one", "A " + strings.Repeat("m", 60), 6, -1, false},
		{"no lines allowed", "Booth", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := f.wrap(tt.in, lineW, tt.max)
			if tt.lines >= 0 && len(lines) != tt.lines {
				t.Fatalf("%d lines %q, want %d", len(lines), lines, tt.lines)
			}
			if len(lines) > max(tt.max, 0) {
				t.Fatalf("%d lines, more than %d", len(lines), tt.max)
			}
			for i, l := range lines {
				if w := f.width(l); w > lineW {
					t.Errorf("line %d %q is %dpx wide, more than %d", i, l, w, lineW)
				}
				if l == "" {
					t.Errorf("line %d is empty", i)
				}
			}
			if len(lines) == 0 {
				return
			}
			last := lines[len(lines)-1]
			if got := strings.HasSuffix(last, "…"); got != tt.ellipsis {
				t.Errorf("last line %q ends with an ellipsis: %v, want %v", last, got, tt.ellipsis)
			}
			if !tt.ellipsis {
				joined := strings.Join(lines, "")
				if strings.ReplaceAll(tt.in, " ", "") != strings.ReplaceAll(joined, " ", "") {
					t.Errorf("lines %q lose some of %q", lines, tt.in)
				}
			}
		})
	}
}

func TestPills(t *testing.T) {
	d := newDrawer(t)
	f, err := d.newFace(d.bold, pillSize)
	if err != nil {
		t.Fatal(err)
	}
	const y = 200
	tests := []struct {
		name   string
		blocks []Block
		pills  int    // how many pills are drawn
		last   string // the name on the last one
	}{
		{"two", booth.Blocks, 2, "Budget"},
		{"none", nil, 0, ""},
		{"nameless left out", []Block{{"", social}, {" \x00", budget}, {"Social", social}}, 1, "Social"},
		{"20 blocks", manyBlocks(20), -1, "+"},
		{"one very long name", []Block{{strings.Repeat("W", 300), social}}, 1, "…"},
		{"three very long names", []Block{{strings.Repeat("W", 300), social}, {strings.Repeat("W", 300), social}, {strings.Repeat("W", 300), social}}, 2, "+2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pills := layPills(f, tt.blocks, y)
			if tt.pills >= 0 && len(pills) != tt.pills {
				t.Fatalf("%d pills, want %d", len(pills), tt.pills)
			}
			if len(pills) > 0 && !strings.Contains(pills[len(pills)-1].name, tt.last) {
				t.Errorf("last pill %q, want it to contain %q", pills[len(pills)-1].name, tt.last)
			}
			bounds := image.Rect(left, y, right, y+pillRows*pillHeight+(pillRows-1)*pillGap)
			for i, p := range pills {
				if !p.rect.In(bounds) {
					t.Errorf("pill %d %q at %v is outside %v", i, p.name, p.rect, bounds)
				}
				if i > 0 && p.rect.Overlaps(pills[i-1].rect) {
					t.Errorf("pill %d overlaps the one before", i)
				}
			}
			if last := pills; len(last) > 0 && strings.HasPrefix(last[len(last)-1].name, "+") {
				n, err := strconv.Atoi(last[len(last)-1].name[1:])
				if err != nil {
					t.Fatal(err)
				}
				if shown := len(pills) - 1; shown+n != len(tt.blocks) {
					t.Errorf("%d pills shown and %d counted, want %d in all", shown, n, len(tt.blocks))
				}
			}
		})
	}
}

func BenchmarkPNG(b *testing.B) {
	d := newDrawer(b)
	size := 0
	for b.Loop() {
		p, err := d.PNG(booth)
		if err != nil {
			b.Fatal(err)
		}
		size = len(p)
	}
	b.ReportMetric(float64(size), "bytes/card")
}

func BenchmarkNewDrawer(b *testing.B) {
	for b.Loop() {
		if _, err := NewDrawer(); err != nil {
			b.Fatal(err)
		}
	}
}
