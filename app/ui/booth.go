package ui

// Booth mode (app/booth) in the shell and the views: the kiosk controller
// and the offline mark in the shell, the actions row and the print handout
// on a pattern, a QR button per search result.

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/booth"
	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
)

// shellClass is the class of the shell's root: "kiosk" adds larger type
// and touch targets.
func (s *Shell) shellClass() string {
	if s.kiosk {
		return "shell kiosk"
	}
	return "shell"
}

// kioskController is the kiosk mode controller; it also shows the
// featured pattern on the home view.
func (s *Shell) kioskController() app.UI {
	if s.featured == nil {
		for _, i := range s.c.Patterns() {
			d := &s.c.Docs[i]
			s.featured = append(s.featured, booth.Featured{Title: d.Title, Path: d.Path(), Summary: cardSummary(d)})
		}
	}
	return booth.NewKiosk().
		Home(s.route.kind == viewHome).
		Featuring(s.featured).
		OnChange(s.onKiosk).
		OnIdle(s.onKioskIdle)
}

// onKiosk sets the kiosk class when kiosk mode turns on or off.
func (s *Shell) onKiosk(ctx app.Context, on bool) { s.kiosk = on }

// onKioskIdle returns an untouched kiosk to the home view, search cleared.
func (s *Shell) onKioskIdle(ctx app.Context) {
	s.setQuery("")
	s.result = search.Result{}
	s.homeResets++
	if app.IsClient {
		// go-app drops Value(""), so the box would keep what was typed.
		if q := app.Window().GetElementByID("q"); q.Truthy() {
			q.Set("value", "")
		}
	}
	if s.route.kind != viewHome {
		ctx.Navigate(href("/"))
	}
}

// statusMarks are the marks at the end of the header.
func statusMarks() app.UI {
	return app.Div().Class("status").Body(booth.NewOfflineMark())
}

// patternActions is the row under a pattern's title: a QR code to scan, a
// link to share and a handout to print.
func patternActions(d *corpus.Doc) app.UI {
	return app.Div().Class("booth-actions").Body(
		booth.NewQRButton(d.Path()).Title(d.Title).ID("qr-button"),
		booth.NewShareButton(d.Path()).Title(d.Title).Text(d.Description).ID("share-button"),
		booth.PrintButton(),
	)
}

// patternHandout is what only a printed pattern shows: a QR code in a
// corner and the address written out.
func patternHandout(d *corpus.Doc) app.UI {
	return booth.NewHandout(d.Path()).Title(d.Title)
}

// resultQR is the QR button of a search result.
func resultQR(d *corpus.Doc, k int) app.UI {
	return booth.NewQRButton(d.Path()).Title(d.Title).Small(true).ID("result-qr-" + strconv.Itoa(k))
}
