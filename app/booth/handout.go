package booth

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Handout is the part of a pattern's page that only paper shows: a small
// QR code for a corner of the page and the address written out, so that a
// printed pattern leads back to the app. On localhost it uses the server's
// first LAN address when it knows one. The stylesheet hides it on screen
// (.print-only) and places it in print.
type Handout struct {
	app.Compo

	// Path is the site path printed (with the site's prefix), e.g. "/patterns/booth".
	Path string
	// Name is what the path shows, e.g. the pattern's title.
	Name string

	loc location // read on mount: the server prerenders no address
}

// NewHandout returns the print handout of an app path.
func NewHandout(path string) *Handout { return &Handout{Path: path} }

// Title sets what the path shows.
func (h *Handout) Title(name string) *Handout {
	h.Name = name
	return h
}

// OnMount reads where the app is served.
func (h *Handout) OnMount(ctx app.Context) { h.loc = here() }

// Render draws the code and the address, once they are known.
func (h *Handout) Render() app.UI {
	if !h.loc.known() {
		return app.Aside().Class("handout print-only")
	}
	url := h.loc.reachable(h.Path)
	label := "QR code for this page"
	if h.Name != "" {
		label = "QR code for " + h.Name
	}
	return app.Aside().ID("handout").Class("handout print-only").Aria("label", "Online version").Body(
		NewQRCode(url).ID("handout-qr").Class("handout-qr").Label(label),
		app.P().Class("handout-text").Body(
			app.Text("Scan the code or visit "),
			app.Span().ID("handout-url").Class("handout-url").Text(url),
		),
	)
}

// PrintButton is a button that prints the page (as a handout, through the
// stylesheet's print rules).
func PrintButton() app.UI {
	return app.Button().
		Type("button").
		Class("booth-button print-button").
		Title("Print this pattern as a one-page handout").
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.PreventUpdate()
			if inBrowser() && isFunc(app.Window().JSValue(), "print") {
				_ = try(func() { app.Window().Call("print") })
			}
		}).
		Body(
			Icon(IconPrint),
			app.Span().Class("booth-label").Text("Print"),
		)
}
