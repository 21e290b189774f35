package booth

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// localhostNote is said next to a code of a localhost address.
const localhostNote = "Phones can't reach localhost — serve on your LAN address or publish the static export."

// QRButton is a button that shows a large QR code of an app path's
// address in a QRDialog, for a visitor to scan from a metre away.
type QRButton struct {
	app.Compo

	// Path is the site path (with the site's prefix) the code opens, e.g. "/patterns/booth".
	Path string
	// Name is what the path shows, for the dialog's heading.
	Name string
	// Compact shows the button as an icon only.
	Compact bool
	// ElemID is the id of the button.
	ElemID string

	open     bool
	openPath string    // the path the dialog was opened for
	opener   app.Value // the button, focused again on close
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
	}
}

// OnDismount forgets the opener.
func (b *QRButton) OnDismount() { b.opener = nil }

func (b *QRButton) onOpen(ctx app.Context, e app.Event) {
	if !here().known() {
		return
	}
	b.open, b.openPath = true, b.Path
	b.opener = ctx.JSSrc()
}

func (b *QRButton) close(ctx app.Context) {
	b.open = false
	// Focus the opener now: the element that handled the event goes away
	// with the dialog, and a deferred call from its context would not run.
	if b.opener != nil && b.opener.Truthy() && isFunc(b.opener, "focus") {
		b.opener.Call("focus")
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
				Icon(IconQR),
				app.If(!b.Compact, func() app.UI { return app.Span().Class("booth-label").Text(label) }),
			),
		app.If(b.open, func() app.UI { return NewQRDialog(b.Path).Title(b.Name).Closed(b.close) }),
	)
}

// QRDialog is the modal panel with the large code of an app path's
// address. The address is computed in the browser from where the app is
// served, so it is right on localhost, on a LAN address and on a CDN. On
// localhost the dialog says that phones cannot reach it, and offers the
// server's LAN addresses when the server passed them (EnvLAN). A QRButton
// opens one; a list of many paths can share one, opened by its owner.
type QRDialog struct {
	app.Compo

	// Path is the site path (with the site's prefix) the code opens.
	Path string
	// Name is what the path shows, for the heading.
	Name string
	// OnClose is called when the visitor closes the dialog.
	OnClose func(app.Context)

	loc         location
	choice      int    // 0: the served address; k: the LAN address k-1
	forPath     string // the path loc and choice were set for
	releaseKeys func() // removes the dialog's keyboard listener
}

// NewQRDialog returns an open dialog for an app path. It reads where the
// app is served now, so that its first frame already shows the final code:
// a phone that scans the instant it opens gets the full address, never the
// bare path.
func NewQRDialog(path string) *QRDialog { return &QRDialog{Path: path, loc: here(), forPath: path} }

// Title sets what the path shows.
func (d *QRDialog) Title(name string) *QRDialog {
	d.Name = name
	return d
}

// Closed sets what closing the dialog does; the owner stops rendering it.
func (d *QRDialog) Closed(f func(app.Context)) *QRDialog {
	d.OnClose = f
	return d
}

// OnMount listens to the keys and focuses Close.
func (d *QRDialog) OnMount(ctx app.Context) {
	d.listenKeys(ctx)
	focusByID(ctx, "qr-close")
}

// OnUpdate starts over at the served address when the path changes.
func (d *QRDialog) OnUpdate(ctx app.Context) {
	if d.forPath != d.Path {
		d.choice, d.forPath = 0, d.Path
	}
}

// OnDismount removes the keyboard listener.
func (d *QRDialog) OnDismount() { d.stopKeys() }

// url is the address the code shows.
func (d *QRDialog) url() string {
	if lan := d.loc.lanURLs(d.Path); d.choice > 0 && d.choice <= len(lan) {
		return lan[d.choice-1]
	}
	return d.loc.url(d.Path)
}

func (d *QRDialog) close(ctx app.Context) {
	d.stopKeys()
	if d.OnClose != nil {
		d.OnClose(ctx)
	}
}

func (d *QRDialog) onClose(ctx app.Context, e app.Event) { d.close(ctx) }

// onBackdrop closes the dialog on a click outside its panel.
func (d *QRDialog) onBackdrop(ctx app.Context, e app.Event) {
	if e.Get("target").Equal(e.Get("currentTarget")) {
		d.close(ctx)
		return
	}
	ctx.PreventUpdate()
}

// listenKeys closes the dialog on Escape and keeps Tab inside it. It is a
// listener of its own, not a go-app handler, because go-app runs handlers
// after the event, too late to stop the focus from leaving.
func (d *QRDialog) listenKeys(ctx app.Context) {
	d.stopKeys()
	d.releaseKeys = listen(app.Window().Get("document"), "keydown", true, func(e app.Value) {
		switch e.Get("key").String() {
		case "Escape":
			e.Call("preventDefault")
			e.Call("stopPropagation")
			ctx.Dispatch(d.close)
		case "Tab":
			trapTab(e)
		}
	})
}

// stopKeys removes the keyboard listener.
func (d *QRDialog) stopKeys() {
	if d.releaseKeys != nil {
		d.releaseKeys()
		d.releaseKeys = nil
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

// Render draws the panel over a backdrop.
func (d *QRDialog) Render() app.UI {
	url := d.url()
	heading := "Scan to open this page"
	if d.Name != "" {
		heading = "Scan to open “" + d.Name + "”"
	}
	lan := d.loc.lanURLs(d.Path)
	return app.Div().Class("qr-backdrop").OnClick(d.onBackdrop).Body(
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
				app.If(d.loc.loopback(), func() app.UI {
					return app.Div().ID("qr-localhost").Class("qr-note").Role("note").Body(
						app.P().Text(localhostNote),
						app.If(len(lan) > 0, func() app.UI { return d.lanChoices(lan) }),
					)
				}),
				app.Button().Type("button").ID("qr-close").Class("booth-button qr-close").Text("Close").OnClick(d.onClose),
			),
	)
}

// lanChoices lets the person at the booth switch the code to an address
// phones on the same network can open.
func (d *QRDialog) lanChoices(lan []string) app.UI {
	choice := func(k int, label string) app.UI {
		return app.Li().Body(
			app.Button().
				Type("button").
				Class("qr-choice").
				Aria("pressed", d.choice == k).
				Text(label).
				OnClick(func(ctx app.Context, e app.Event) { d.choice = k }),
		)
	}
	return app.Div().Class("qr-lan").Body(
		app.P().Text("This server is also on the local network:"),
		app.Ul().ID("qr-lan").Class("qr-choices").Body(
			app.Range(lan).Slice(func(k int) app.UI { return choice(k+1, lan[k]) }),
			choice(0, "This address ("+d.loc.hostname+")"),
		),
	)
}
