package booth

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// statusFor is how long a share confirmation stays on screen.
const statusFor = 4 * time.Second

// ShareButton shares the address of an app path: with the Web Share API
// (the phone's share sheet) where the browser has it, else by copying the
// link to the clipboard, with a visible confirmation ("Link copied"). On
// localhost it shares the server's first LAN address when it knows one.
type ShareButton struct {
	app.Compo

	// Path is the site path (with the site's prefix) shared, e.g. "/patterns/booth".
	Path string
	// Name is the title given to the share sheet.
	Name string
	// Summary is the text given to the share sheet.
	Summary string
	// ElemID is the id of the button.
	ElemID string

	status string // the confirmation shown, or ""
	manual string // a link to copy by hand when copying failed
	seq    int    // numbers confirmations, so an old one's timer leaves a new one
}

// NewShareButton returns a share button for an app path.
func NewShareButton(path string) *ShareButton { return &ShareButton{Path: path} }

// Title sets the title given to the share sheet.
func (s *ShareButton) Title(name string) *ShareButton {
	s.Name = name
	return s
}

// Text sets the text given to the share sheet.
func (s *ShareButton) Text(summary string) *ShareButton {
	s.Summary = summary
	return s
}

// ID sets the id of the button.
func (s *ShareButton) ID(id string) *ShareButton {
	s.ElemID = id
	return s
}

func (s *ShareButton) onClick(ctx app.Context, e app.Event) {
	loc := here()
	if !loc.known() {
		return
	}
	url := loc.reachable(s.Path)
	nav := app.Window().Get("navigator")
	if isFunc(nav, "share") {
		data := map[string]any{"title": s.Name, "url": url}
		if s.Summary != "" {
			data["text"] = s.Summary
		}
		var p app.Value
		if err := try(func() { p = nav.Call("share", data) }); err == nil {
			settle(ctx, p,
				func(ctx app.Context, _ app.Value) { s.say(ctx, "Shared", "") },
				func(ctx app.Context, reason app.Value) {
					if reason.Truthy() && reason.Get("name").String() == "AbortError" {
						return // the visitor closed the share sheet
					}
					s.copy(ctx, url)
				})
			return
		}
	}
	s.copy(ctx, url)
}

// copy puts the link on the clipboard: with the asynchronous Clipboard API
// when the page may use it (a secure context), else with a hidden textarea
// and execCommand("copy"), which also works on a plain-HTTP LAN address.
func (s *ShareButton) copy(ctx app.Context, url string) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if isFunc(clip, "writeText") {
		var p app.Value
		if err := try(func() { p = clip.Call("writeText", url) }); err == nil {
			settle(ctx, p,
				func(ctx app.Context, _ app.Value) { s.say(ctx, "Link copied", "") },
				func(ctx app.Context, _ app.Value) { s.execCopy(ctx, url) })
			return
		}
	}
	s.execCopy(ctx, url)
}

// execCopy copies with a hidden textarea, or shows the link to copy by
// hand when the browser refuses.
func (s *ShareButton) execCopy(ctx app.Context, url string) {
	copied := false
	err := try(func() {
		doc := app.Window().Get("document")
		active := doc.Get("activeElement")
		ta := doc.Call("createElement", "textarea")
		ta.Set("value", url)
		ta.Call("setAttribute", "readonly", "")
		ta.Call("setAttribute", "aria-hidden", "true")
		ta.Call("setAttribute", "style", "position:fixed;top:0;left:0;width:1px;height:1px;padding:0;border:0;opacity:0")
		doc.Get("body").Call("appendChild", ta)
		ta.Call("focus")
		ta.Call("select")
		ta.Call("setSelectionRange", 0, len(url))
		copied = doc.Call("execCommand", "copy").Truthy()
		ta.Call("remove")
		if active.Truthy() && isFunc(active, "focus") {
			active.Call("focus")
		}
	})
	if err != nil || !copied {
		s.say(ctx, "Copy this link:", url)
		return
	}
	s.say(ctx, "Link copied", "")
}

// say shows a confirmation for a few seconds.
func (s *ShareButton) say(ctx app.Context, status, manual string) {
	s.seq++
	s.status, s.manual = status, manual
	seq := s.seq
	wait := statusFor
	if manual != "" {
		wait = 4 * statusFor
	}
	ctx.After(wait, func(ctx app.Context) {
		if s.seq == seq {
			s.status, s.manual = "", ""
		}
	})
}

// Render draws the button and its confirmation.
func (s *ShareButton) Render() app.UI {
	return app.Span().Class("share").Body(
		app.Button().
			Type("button").
			ID(s.ElemID).
			Class("booth-button share-button").
			Title("Share a link to this page").
			OnClick(s.onClick).
			Body(
				Icon(IconShare),
				app.Span().Class("booth-label").Text("Share"),
			),
		app.Span().Class("share-status").Role("status").Aria("live", "polite").Body(
			app.If(s.status != "", func() app.UI { return app.Text(s.status) }),
			app.If(s.manual != "", func() app.UI {
				return app.Code().Class("share-manual").Text(s.manual)
			}),
		),
	)
}
