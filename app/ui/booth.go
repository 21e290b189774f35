package ui

// Booth mode (app/booth) in the shell and the views: the kiosk controller
// and the offline mark in the shell, the actions row and the print handout
// on a pattern, a QR button per search result.

import (
	"html"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/booth"
	"github.com/devrel-patterns/explorer/app/corpus"
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
			s.featured = append(s.featured, booth.Featured{Title: d.Title, Path: href(s.c, d.Path()), Summary: cardSummary(d)})
		}
	}
	return booth.NewKiosk().
		Home(s.route.Kind == viewHome).
		Featuring(s.featured).
		OnChange(s.onKiosk).
		OnIdle(s.onKioskIdle)
}

// onKiosk sets the kiosk class when kiosk mode turns on or off.
func (s *Shell) onKiosk(ctx app.Context, on bool) { s.kiosk = on }

// onKioskIdle returns an untouched kiosk to the home view, search cleared.
func (s *Shell) onKioskIdle(ctx app.Context) {
	s.setQuery("")
	s.homeResets++
	if s.route.Kind != viewHome {
		ctx.Navigate(href(s.c, corpus.HomePath))
	}
}

// statusMarks are the marks at the end of the header.
func statusMarks(c *corpus.Corpus) app.UI {
	return app.Div().Class("status").Body(booth.NewOfflineMark().Probe(href(c, booth.DefaultProbePath)))
}

// patternActions is the row under a pattern's title: a QR code to scan, a
// link to share and a handout to print. They are for the part of the page
// the address points at (target: a section or a variant, after its
// permalink was followed), else for the pattern.
func patternActions(c *corpus.Corpus, d *corpus.Doc, target string) app.UI {
	path, title := href(c, d.Path()), d.Title
	if name := partName(d, target); name != "" {
		path, title = href(c, corpus.At(d.Path(), target)), d.Title+": "+name
	}
	return app.Div().Class("booth-actions").Body(
		booth.NewQRButton(path).Title(title).ID("qr-button"),
		booth.NewShareButton(path).Title(title).Text(d.Description).ID("share-button"),
		booth.PrintButton(),
	)
}

// partName is the label of the section or the first name of the variant
// whose anchor is target, or "".
func partName(d *corpus.Doc, target string) string {
	if target == "" {
		return ""
	}
	for _, s := range d.Sections {
		if s.Anchor == target {
			return s.Label
		}
	}
	for _, v := range d.Variants {
		if v.Anchor == target {
			return firstName(v)
		}
	}
	return ""
}

// patternHandout is what only a printed pattern shows: a QR code in a
// corner and the address written out.
func patternHandout(c *corpus.Corpus, d *corpus.Doc) app.UI {
	return booth.NewHandout(href(c, d.Path())).Title(d.Title)
}

// resultQR is the QR button of a search result, as HTML: a click on it
// reaches the search view's handler (onResultsClick), which opens the one
// QR dialog for the hit its data-qr names.
func resultQR(d *corpus.Doc, k int) string {
	aria := html.EscapeString("Show a QR code of " + d.Title)
	return `<span class="qr-open"><button type="button" id="result-qr-` + strconv.Itoa(k) + `" data-qr="` + strconv.Itoa(k) +
		`" class="booth-button qr-button booth-icon-only" title="` + aria + `" aria-label="` + aria + `" aria-haspopup="dialog">` +
		booth.IconHTML(booth.IconQR) + `</button></span>`
}

// onResultsClick handles the buttons inside the results' HTML: a QR button
// opens the one QR dialog for the hit its data-qr names, "Show more" shows
// more. Other clicks (the results' links) go on to go-app's handler.
func (s *Shell) onResultsClick(ctx app.Context, e app.Event) {
	s.flushAddress()
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return
	}
	if more := t.Call("closest", "[data-more]"); more.Truthy() {
		s.showMore()
		return
	}
	btn := t.Call("closest", "[data-qr]")
	if !btn.Truthy() {
		return
	}
	k, err := strconv.Atoi(btn.Call("getAttribute", "data-qr").String())
	if err != nil || k < 0 || k >= len(s.result.Hits) {
		return
	}
	s.qrHit, s.qrOpen = k, true
}

// resultDialog is the QR dialog of a search result, when one is open.
func (s *Shell) resultDialog() app.UI {
	if !s.qrOpen || s.qrHit >= len(s.result.Hits) {
		return nil
	}
	d := &s.c.Docs[s.result.Hits[s.qrHit].Doc]
	k := s.qrHit
	return booth.NewQRDialog(href(s.c, d.Path())).Title(d.Title).Closed(func(ctx app.Context) {
		s.qrOpen = false
		if b := app.Window().GetElementByID("result-qr-" + strconv.Itoa(k)); b.Truthy() {
			b.Call("focus")
		}
	})
}
