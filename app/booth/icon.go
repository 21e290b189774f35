package booth

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/markup"
)

// IconName names one of the buttons' glyphs. The stylesheet draws each
// (web/style.css, "Icons"): a glyph is one empty element masked by the
// glyph's shape and filled with the text colour, so it follows the theme
// and forced colours, and a row of results that holds two glyphs costs
// the browser two elements to parse rather than two SVG trees.
type IconName string

// The glyphs the stylesheet draws.
const (
	IconQR    IconName = "qr"
	IconGraph IconName = "graph"
	IconPrint IconName = "print"
	IconShare IconName = "share"
)

// IconHTML is the glyph as HTML, for lists written as HTML. Screen
// readers skip it: the button's label names it.
func IconHTML(name IconName) string {
	return `<span class="booth-icon icon-` + string(name) + `" aria-hidden="true"></span>`
}

// Icon is the glyph as an element.
func Icon(name IconName) app.UI { return markup.Raw(IconHTML(name)) }
