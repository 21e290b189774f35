// Package card draws the link-preview "share card" of a pattern: a PNG of
// Width×Height pixels with the pattern's title, its building blocks as
// coloured pills, its summary and the site's name. It is used at build time
// and is pure Go: the text is set in the Go fonts (golang.org/x/image/font/
// gofont), so no system font is needed and the output does not depend on
// the machine's fonts.
//
// Drawing is deterministic: the same Card gives the same bytes.
package card

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Card is what a share card shows.
type Card struct {
	Title  string  // the pattern's title, or the site's name for the site card
	Blocks []Block // building blocks, drawn as coloured pills with their names
	Text   string  // the summary or problem sentence (plain text)
	Site   string  // the site's name, drawn small at the bottom
}

// Block is one building block and its colour. The colour is drawn opaque
// (its alpha is ignored) with white text on it, so it should give white
// text a contrast of at least 4.5:1.
type Block struct {
	Name   string
	Colour color.RGBA
}

// Width and Height are the size of a card in pixels, the usual size of an
// Open Graph image.
const Width, Height = 1200, 630

// Colours of the parts of the card that do not come from the blocks.
var (
	background = color.RGBA{0xf7, 0xf5, 0xf0, 0xff}
	neutral    = color.RGBA{0x55, 0x62, 0x6d, 0xff} // bar without blocks, "+N" pill, site name
	titleInk   = color.RGBA{0x1c, 0x21, 0x26, 0xff}
	textInk    = color.RGBA{0x3b, 0x44, 0x4d, 0xff}
	ruleInk    = color.RGBA{0xe0, 0xdb, 0xd0, 0xff}
	white      = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// Layout, in pixels.
const (
	barWidth = 20 // the bar in the first block's colour down the left edge

	left  = 96           // left edge of the content
	right = Width - 96   // right edge of the content
	top   = 68           // top of the first title line's capitals
	lineW = right - left // width of a line of content

	titleSize  = 64
	titleLead  = 74 // distance between title baselines
	titleLines = 3

	pillSize   = 24
	pillHeight = 44
	pillPadX   = 20 // space either side of a pill's name
	pillGap    = 12 // between pills, across and down
	pillRows   = 2
	pillsAbove = 30 // space between the title and the pills

	textSize  = 32
	textLead  = 44
	textAbove = 32 // space between what is above the text and the text

	footerTop  = Height - 92 // top of the strip reserved for the site name
	textBottom = footerTop - 24
	siteSize   = 26
	siteBase   = Height - 38 // baseline of the site name
)

// ellipsis ends a line that was cut short.
const ellipsis = "…"

// Drawer draws cards. It holds the parsed fonts, so that a build drawing
// many cards parses them once. A Drawer is safe for concurrent use.
type Drawer struct {
	regular, bold *opentype.Font
}

// NewDrawer parses the fonts and returns a Drawer.
func NewDrawer() (*Drawer, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: parsing Go Regular: %w", err)
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: parsing Go Bold: %w", err)
	}
	return &Drawer{regular: regular, bold: bold}, nil
}

// PNG draws the card and encodes it; same input, same bytes. It parses the
// fonts on every call: to draw many cards, use a Drawer.
func PNG(c Card) ([]byte, error) {
	d, err := NewDrawer()
	if err != nil {
		return nil, err
	}
	return d.PNG(c)
}

// PNG draws the card and encodes it as a PNG of Width×Height pixels; same
// input, same bytes.
func (d *Drawer) PNG(c Card) ([]byte, error) {
	img, err := d.draw(c)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// BestSpeed: the cards are mostly flat colour, and the better levels of
	// zlib make them only a little smaller at several times the cost.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("card: encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// face is a font at one size, with what is needed to set text in it. It is
// made for one card, since a font.Face is not safe for concurrent use.
type face struct {
	font.Face
	font *sfnt.Font
	buf  sfnt.Buffer
	cap  int // height of the capitals in pixels
	desc int // depth of the descenders in pixels
}

func (d *Drawer) newFace(f *sfnt.Font, size float64) (*face, error) {
	ff, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("card: making a %vpx face: %w", size, err)
	}
	m := ff.Metrics()
	return &face{Face: ff, font: f, cap: m.CapHeight.Ceil(), desc: m.Descent.Ceil()}, nil
}

// has reports whether the font has a glyph for r.
func (f *face) has(r rune) bool {
	i, err := f.font.GlyphIndex(&f.buf, r)
	return err == nil && i != 0
}

// width is the advance of s in whole pixels, rounded up.
func (f *face) width(s string) int {
	return font.MeasureString(f, s).Ceil()
}

// clean trims s, collapses its runs of white space to single spaces, and
// drops control and format characters and the runes the font has no glyph
// for (such as emoji and CJK in the Go fonts), so that no "tofu" is drawn.
func (f *face) clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError, !f.has(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// wrap breaks the cleaned text s into lines no wider than width, at spaces,
// breaking a word wider than a line between its characters. When there
// would be more than max lines, it keeps max and ends the last with an
// ellipsis.
func (f *face) wrap(s string, width, max int) []string {
	if s == "" || max <= 0 {
		return nil
	}
	var lines []string
	line := ""
	full := func() bool { return len(lines) > max }
	for _, w := range strings.Split(s, " ") {
		if line != "" {
			if f.width(line+" "+w) <= width {
				line += " " + w
				continue
			}
			lines = append(lines, line)
			line = ""
			if full() {
				break
			}
		}
		for f.width(w) > width && !full() {
			head, tail := f.split(w, width)
			lines = append(lines, head)
			w = tail
		}
		if full() {
			break
		}
		line = w
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > max {
		lines = lines[:max]
		lines[max-1] = f.ellipsize(lines[max-1], width)
	}
	return lines
}

// split returns the longest start of w no wider than width (at least one
// rune, so that wrapping always moves on) and the rest.
func (f *face) split(w string, width int) (head, tail string) {
	var x fixed.Int26_6
	prev := rune(-1)
	limit := fixed.I(width)
	for i, r := range w {
		if prev >= 0 {
			x += f.Kern(prev, r)
		}
		adv, _ := f.GlyphAdvance(r)
		x += adv
		if x > limit && i > 0 {
			return w[:i], w[i:]
		}
		prev = r
	}
	return w, ""
}

// ellipsize shortens s until s followed by an ellipsis fits in width, and
// appends the ellipsis. It drops whole words while more than one is left,
// then characters.
func (f *face) ellipsize(s string, width int) string {
	for f.width(s+ellipsis) > width {
		i := strings.LastIndexByte(s, ' ')
		if i <= 0 {
			break
		}
		s = s[:i]
	}
	for s != "" && f.width(s+ellipsis) > width {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
	return s + ellipsis
}

// fit returns s, cleaned and cut with an ellipsis to fit on one line of
// the given width.
func (f *face) fit(s string, width int) string {
	if f.width(s) <= width {
		return s
	}
	return f.ellipsize(s, width)
}

// text draws s with its baseline starting at (x, y), clipped to clip.
func text(dst *image.RGBA, clip image.Rectangle, f *face, ink color.RGBA, x, y int, s string) {
	d := font.Drawer{
		Dst:  dst.SubImage(clip).(*image.RGBA),
		Src:  image.NewUniform(ink),
		Face: f,
		Dot:  fixed.P(x, y),
	}
	d.DrawString(s)
}

// pill is one pill as laid out: its name, colour and place.
type pill struct {
	name   string
	colour color.RGBA
	rect   image.Rectangle
}

// layPills lays the blocks out as pills in rows from y down, wrapping at
// the right edge. When they do not all fit in pillRows rows, the last ones
// are left out and counted in a neutral "+N" pill. Blocks whose names are
// empty once cleaned are not drawn as pills.
func layPills(f *face, blocks []Block, y int) []pill {
	var all []pill
	for _, b := range blocks {
		if name := f.clean(b.Name); name != "" {
			all = append(all, pill{name: f.fit(name, lineW-2*pillPadX), colour: opaque(b.Colour)})
		}
	}
	if flow(f, all, y) {
		return all
	}
	for k := len(all) - 1; ; k-- {
		pills := append(all[:k:k], pill{name: "+" + strconv.Itoa(len(all)-k), colour: neutral})
		if flow(f, pills, y) || k == 0 {
			return pills
		}
	}
}

// flow places the pills in rows from y down and reports whether they fit
// in pillRows rows.
func flow(f *face, pills []pill, y int) bool {
	x, row := left, 0
	for i := range pills {
		w := f.width(pills[i].name) + 2*pillPadX
		if x > left && x+w > right {
			row++
			x = left
		}
		if row >= pillRows {
			return false
		}
		top := y + row*(pillHeight+pillGap)
		pills[i].rect = image.Rect(x, top, x+w, top+pillHeight)
		x += w + pillGap
	}
	return true
}

func opaque(c color.RGBA) color.RGBA {
	c.A = 0xff
	return c
}

// roundRect adds a rectangle of w×h with corners of radius r to z.
func roundRect(z *vector.Rasterizer, w, h, r float32) {
	k := r * 0.5522848 // control point distance for a quarter circle
	z.MoveTo(r, 0)
	z.LineTo(w-r, 0)
	z.CubeTo(w-r+k, 0, w, r-k, w, r)
	z.LineTo(w, h-r)
	z.CubeTo(w, h-r+k, w-r+k, h, w-r, h)
	z.LineTo(r, h)
	z.CubeTo(r-k, h, 0, h-r+k, 0, h-r)
	z.LineTo(0, r)
	z.CubeTo(0, r-k, r-k, 0, r, 0)
	z.ClosePath()
}

// draw draws the card.
func (d *Drawer) draw(c Card) (*image.RGBA, error) {
	titleFace, err := d.newFace(d.bold, titleSize)
	if err != nil {
		return nil, err
	}
	pillFace, err := d.newFace(d.bold, pillSize)
	if err != nil {
		return nil, err
	}
	textFace, err := d.newFace(d.regular, textSize)
	if err != nil {
		return nil, err
	}
	siteFace, err := d.newFace(d.bold, siteSize)
	if err != nil {
		return nil, err
	}

	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)

	bar := neutral
	if len(c.Blocks) > 0 {
		bar = opaque(c.Blocks[0].Colour)
	}
	draw.Draw(img, image.Rect(0, 0, barWidth, Height), image.NewUniform(bar), image.Point{}, draw.Src)

	// Everything but the site name stays above the footer.
	body := image.Rect(barWidth, 0, Width, textBottom)
	y := top // top of the next thing down

	title := titleFace.wrap(titleFace.clean(c.Title), lineW, titleLines)
	for i, line := range title {
		text(img, body, titleFace, titleInk, left, y+titleFace.cap+i*titleLead, line)
	}
	if len(title) > 0 {
		y += titleFace.cap + (len(title)-1)*titleLead + titleFace.desc + pillsAbove
	}

	pills := layPills(pillFace, c.Blocks, y)
	var z vector.Rasterizer
	for _, p := range pills {
		r := p.rect
		z.Reset(r.Dx(), r.Dy())
		roundRect(&z, float32(r.Dx()), float32(r.Dy()), float32(r.Dy())/2)
		z.Draw(img, r, image.NewUniform(p.colour), image.Point{})
		base := r.Min.Y + (r.Dy()+pillFace.cap)/2
		text(img, r, pillFace, white, r.Min.X+pillPadX, base, p.name)
	}
	if len(pills) > 0 {
		y = pills[len(pills)-1].rect.Max.Y + textAbove
	}

	first := y + textFace.cap
	if n := (textBottom-textFace.desc-first)/textLead + 1; n > 0 {
		for i, line := range textFace.wrap(textFace.clean(c.Text), lineW, n) {
			text(img, body, textFace, textInk, left, first+i*textLead, line)
		}
	}

	footer := image.Rect(barWidth, footerTop, Width, Height)
	draw.Draw(img, image.Rect(left, footerTop, right, footerTop+2), image.NewUniform(ruleInk), image.Point{}, draw.Src)
	if site := siteFace.clean(c.Site); site != "" {
		text(img, footer, siteFace, neutral, left, siteBase, siteFace.fit(site, lineW))
	}
	return img, nil
}
