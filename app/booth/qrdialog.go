package booth

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// localhostNote is said next to a code of a localhost address.
const localhostNote = "Phones can't reach localhost — serve on your LAN address or publish the static export."

// QRButton is a button that shows a large QR code of an app path's
// address in a dialog, for a visitor to scan from a metre away. The
// address is computed in the browser from where the app is served, so it
// is right on localhost, on a LAN address and on a CDN. On localhost the
// dialog says that phones cannot reach it, and offers the server's LAN
// addresses when the server passed them (EnvLAN).
type QRButton struct {
	app.Compo

	// Path is the app path the code opens, e.g. "/patterns/booth".
	Path string
	// Name is what the path shows, for the dialog's heading.
	Name string
	// Compact shows the button as an icon only.
	Compact bool
	// ElemID is the id of the button.
	ElemID string

	open     bool
	openPath string // the path the dialog was opened for
	loc      location
	choice   int       // 0: the served address; k: the LAN address k-1
	opener   app.Value // the button, focused again on close

	releaseKeys func() // removes the dialog's keyboard listener
}

// NewQRButton returns a QR button for an app path.
func NewQRButton(path string) *QRButton { return &QRButton{Path: path} }

// Title sets what the path shows, e.g. the pattern's title.
func (b *QRButton) Title(name string) *QRButton {
	b.Name = name
	return b
}

// Small shows the button as an icon only, for lists.
func (b *QRButton) Small(compact bool) *QRButton {
	b.Compact = compact
	return b
}

// ID sets the id of the button.
func (b *QRButton) ID(id string) *QRButton {
	b.ElemID = id
	return b
}

// OnUpdate closes the dialog when the button now stands for another path.
func (b *QRButton) OnUpdate(ctx app.Context) {
	if b.open && b.openPath != b.Path {
		b.open = false
		b.stopKeys()
	}
}

// OnDismount forgets the opener and removes the keyboard listener.
func (b *QRButton) OnDismount() {
	b.opener = nil
	b.stopKeys()
}

// url is the address the code shows.
func (b *QRButton) url() string {
	if lan := b.loc.lanURLs(b.Path); b.choice > 0 && b.choice <= len(lan) {
		return lan[b.choice-1]
	}
	return b.loc.url(b.Path)
}

func (b *QRButton) onOpen(ctx app.Context, e app.Event) {
	b.loc = here()
	if !b.loc.known() {
		return
	}
	b.choice = 0
	b.open, b.openPath = true, b.Path
	b.opener = ctx.JSSrc()
	b.listenKeys(ctx)
	focusByID(ctx, "qr-close")
}

func (b *QRButton) close(ctx app.Context) {
	b.open = false
	b.stopKeys()
	// Focus the opener now: the element that handled the event goes away
	// with the dialog, and a deferred call from its context would not run.
	if b.opener != nil && b.opener.Truthy() && isFunc(b.opener, "focus") {
		b.opener.Call("focus")
	}
}

func (b *QRButton) onClose(ctx app.Context, e app.Event) { b.close(ctx) }

// onBackdrop closes the dialog on a click outside its panel.
func (b *QRButton) onBackdrop(ctx app.Context, e app.Event) {
	if e.Get("target").Equal(e.Get("currentTarget")) {
		b.close(ctx)
		return
	}
	ctx.PreventUpdate()
}

// listenKeys closes the dialog on Escape and keeps Tab inside it. It is a
// listener of its own, not a go-app handler, because go-app runs handlers
// after the event, too late to stop the focus from leaving.
func (b *QRButton) listenKeys(ctx app.Context) {
	b.stopKeys()
	b.releaseKeys = listen(app.Window().Get("document"), "keydown", true, func(e app.Value) {
		switch e.Get("key").String() {
		case "Escape":
			e.Call("preventDefault")
			e.Call("stopPropagation")
			ctx.Dispatch(b.close)
		case "Tab":
			trapTab(e)
		}
	})
}

// stopKeys removes the keyboard listener.
func (b *QRButton) stopKeys() {
	if b.releaseKeys != nil {
		b.releaseKeys()
		b.releaseKeys = nil
	}
}

// trapTab wraps the focus from the dialog's last button to its first, and
// back with Shift+Tab, so that the page behind the modal is out of reach.
func trapTab(e app.Value) {
	doc := app.Window().Get("document")
	dialog := doc.Call("getElementById", "qr-dialog")
	if !dialog.Truthy() {
		return
	}
	buttons := dialog.Call("querySelectorAll", "button")
	n := buttons.Length()
	if n == 0 {
		return
	}
	first, last := buttons.Index(0), buttons.Index(n-1)
	active := doc.Get("activeElement")
	switch {
	case e.Get("shiftKey").Truthy() && (active.Equal(first) || !dialog.Call("contains", active).Truthy()):
		e.Call("preventDefault")
		last.Call("focus")
	case !e.Get("shiftKey").Truthy() && (active.Equal(last) || !dialog.Call("contains", active).Truthy()):
		e.Call("preventDefault")
		first.Call("focus")
	}
}

// Render draws the button, and the dialog when it is open.
func (b *QRButton) Render() app.UI {
	label := "QR code"
	aria := "Show a QR code of this page"
	if b.Name != "" {
		aria = "Show a QR code of " + b.Name
	}
	class := "booth-button qr-button"
	if b.Compact {
		class += " booth-icon-only"
	}
	return app.Span().Class("qr-open").Body(
		app.Button().
			Type("button").
			ID(b.ElemID).
			Class(class).
			Title(aria).
			Aria("label", aria).
			Aria("haspopup", "dialog").
			Aria("expanded", b.open).
			OnClick(b.onOpen).
			Body(
				qrIcon(),
				app.If(!b.Compact, func() app.UI { return app.Span().Class("booth-label").Text(label) }),
			),
		app.If(b.open, b.dialog),
	)
}

// dialog is the modal panel with the large code.
func (b *QRButton) dialog() app.UI {
	url := b.url()
	heading := "Scan to open this page"
	if b.Name != "" {
		heading = "Scan to open “" + b.Name + "”"
	}
	lan := b.loc.lanURLs(b.Path)
	return app.Div().Class("qr-backdrop").OnClick(b.onBackdrop).Body(
		app.Div().
			ID("qr-dialog").
			Class("qr-dialog").
			Role("dialog").
			Aria("modal", true).
			Aria("labelledby", "qr-dialog-title").
			Body(
				app.H2().ID("qr-dialog-title").Class("qr-title").Text(heading),
				NewQRCode(url).ID("qr-code").Class("qr-large").Label("QR code for "+url),
				app.P().Class("qr-url").Body(app.Code().ID("qr-url").Text(url)),
				app.If(b.loc.loopback(), func() app.UI {
					return app.Div().ID("qr-localhost").Class("qr-note").Role("note").Body(
						app.P().Text(localhostNote),
						app.If(len(lan) > 0, func() app.UI { return b.lanChoices(lan) }),
					)
				}),
				app.Button().Type("button").ID("qr-close").Class("booth-button qr-close").Text("Close").OnClick(b.onClose),
			),
	)
}

// lanChoices lets the person at the booth switch the code to an address
// phones on the same network can open.
func (b *QRButton) lanChoices(lan []string) app.UI {
	choice := func(k int, label string) app.UI {
		return app.Li().Body(
			app.Button().
				Type("button").
				Class("qr-choice").
				Aria("pressed", b.choice == k).
				Text(label).
				OnClick(func(ctx app.Context, e app.Event) { b.choice = k }),
		)
	}
	return app.Div().Class("qr-lan").Body(
		app.P().Text("This server is also on the local network:"),
		app.Ul().ID("qr-lan").Class("qr-choices").Body(
			app.Range(lan).Slice(func(k int) app.UI { return choice(k+1, lan[k]) }),
			choice(0, "This address ("+b.loc.hostname+")"),
		),
	)
}

// qrIcon is a small QR-like glyph for buttons.
func qrIcon() app.UI {
	return app.Elem("svg").XMLNS(svgNS).
		Class("booth-icon").
		Attr("viewBox", "0 0 16 16").
		Attr("width", "16").
		Attr("height", "16").
		Aria("hidden", true).
		Body(
			app.Elem("path").XMLNS(svgNS).
				Attr("fill", "currentColor").
				Attr("d", "M1 1h6v6H1zm2 2v2h2V3zM9 1h6v6H9zm2 2v2h2V3zM1 9h6v6H1zm2 2v2h2v-2zm6-2h2v2H9zm2 2h2v2h-2zm2-2h2v2h-2zm-4 4h2v2H9zm4 0h2v2h-2z"),
		)
}
