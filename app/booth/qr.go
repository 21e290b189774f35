package booth

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	qrcode "github.com/skip2/go-qrcode"
)

// QuietZone is the width, in modules, of the light margin around a QR
// symbol that go-qrcode's Bitmap includes and that readers need.
const QuietZone = 4

const svgNS = "http://www.w3.org/2000/svg"

// Modules encodes a text as a QR code at the Medium recovery level (15%)
// and returns its modules, quiet zone included: bitmap[y][x] is true for a
// dark module.
func Modules(text string) (bitmap [][]bool, err error) {
	if text == "" {
		return nil, errors.New("qr: nothing to encode")
	}
	// go-qrcode reports a few internal errors by panicking; turn them into
	// an error rather than take the app down.
	defer func() {
		if r := recover(); r != nil {
			bitmap, err = nil, fmt.Errorf("qr: encode: %v", r)
		}
	}()
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("qr: encode: %w", err)
	}
	return q.Bitmap(), nil
}

// PathData draws the dark modules of a bitmap as one SVG path, a unit
// rectangle per run of dark modules in a row ("M4 4h7v1h-7z"), in the
// bitmap's own coordinates: one unit per module.
func PathData(bitmap [][]bool) string {
	var b strings.Builder
	for y, row := range bitmap {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			n := strconv.Itoa(x - start)
			b.WriteString("M" + strconv.Itoa(start) + " " + strconv.Itoa(y) + "h" + n + "v1h-" + n + "z")
		}
	}
	return b.String()
}

// QRCode draws a QR code of a text as an SVG image: a white square, quiet
// zone included, and one black path of the dark modules, so it stays dark
// on white in the dark theme and crisp at any size.
type QRCode struct {
	app.Compo

	// Text is what the code encodes, usually a URL.
	Text string
	// ElemID is the id of the SVG element.
	ElemID string
	// ElemClass is added to the SVG element's class "qr".
	ElemClass string
	// Caption is the accessible name of the image; it defaults to
	// "QR code for <Text>".
	Caption string

	// The encoded bitmap of text (cached: encoding tries eight masks).
	text   string
	bitmap [][]bool
	path   string
	err    error
}

// NewQRCode returns a QR code of a text.
func NewQRCode(text string) *QRCode { return &QRCode{Text: text} }

// ID sets the id of the SVG element.
func (q *QRCode) ID(id string) *QRCode {
	q.ElemID = id
	return q
}

// Class adds a class to the SVG element.
func (q *QRCode) Class(c string) *QRCode {
	q.ElemClass = c
	return q
}

// Label sets the accessible name of the image.
func (q *QRCode) Label(l string) *QRCode {
	q.Caption = l
	return q
}

// encode computes the bitmap of Text unless it is cached.
func (q *QRCode) encode() {
	if q.text == q.Text && (q.bitmap != nil || q.err != nil) {
		return
	}
	q.text = q.Text
	q.bitmap, q.err = Modules(q.Text)
	q.path = PathData(q.bitmap)
}

// Render draws the SVG, or a short message when the text cannot be
// encoded.
func (q *QRCode) Render() app.UI {
	q.encode()
	class := strings.TrimSpace("qr " + q.ElemClass)
	if q.err != nil {
		return app.P().ID(q.ElemID).Class(class + " qr-error").Text("No QR code: this address is too long to encode.")
	}
	n := strconv.Itoa(len(q.bitmap))
	label := q.Caption
	if label == "" {
		label = "QR code for " + q.Text
	}
	return app.Elem("svg").XMLNS(svgNS).
		ID(q.ElemID).
		Class(class).
		Attr("viewBox", "0 0 "+n+" "+n).
		Attr("shape-rendering", "crispEdges").
		Attr("preserveAspectRatio", "xMidYMid meet").
		Role("img").
		Aria("label", label).
		DataSet("modules", len(q.bitmap)-2*QuietZone).
		DataSet("quiet", QuietZone).
		DataSet("text", q.Text).
		Body(
			app.Elem("rect").XMLNS(svgNS).
				Class("qr-light").
				Attr("width", n).
				Attr("height", n).
				Attr("fill", "#ffffff"),
			app.Elem("path").XMLNS(svgNS).
				Class("qr-dark").
				Attr("d", q.path).
				Attr("fill", "#000000"),
		)
}
