package devmode

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/search"
	"github.com/devrel-patterns/explorer/app/ui"
)

// Register routes every URL to a Root. In the browser it first loads the
// corpus the dev server serves, and falls back to the embedded one if it
// cannot.
func Register(embedded *corpus.Corpus) {
	c := embedded
	if got, err := fetchCorpus(""); err == nil {
		c = got
	} else {
		app.Log("dev: using the embedded corpus:", err)
	}
	idx := search.Later(c)
	ui.Route(func() app.Composer { return NewRoot(c, idx) })
}

// Root is the route root under the dev server: the app's shell, drawn
// from the latest corpus, and the dev overlay over it.
type Root struct {
	app.Compo

	c     *corpus.Corpus
	idx   *search.Lazy
	shell *ui.Shell
	gen   int // counts the corpora swapped in; a new one mounts a new shell

	state    State  // what the dev server said last
	build    string // the app build this page runs, from the first State
	fetching string // the corpus version being downloaded, or ""
	open     bool   // the list of warnings is open
	stop     func() // closes the event stream
}

// NewRoot returns the root for a corpus and its search index.
func NewRoot(c *corpus.Corpus, idx *search.Lazy) *Root {
	return &Root{c: c, idx: idx, shell: ui.NewShell(c, idx)}
}

// OnMount follows the dev server's events.
func (r *Root) OnMount(ctx app.Context) {
	r.stop = follow(ctx, r.onState)
}

// OnDismount closes the event stream.
func (r *Root) OnDismount() {
	if r.stop != nil {
		r.stop()
	}
}

// onState shows what the server says, reloads the page into a rebuilt
// app, and fetches a corpus it does not have yet.
func (r *Root) onState(ctx app.Context, s State) {
	switch {
	case r.build == "":
		r.build = s.Build
	case s.Build != r.build:
		ctx.Reload()
		return
	}
	r.state = s
	r.fetchLatest(ctx)
}

// fetchLatest downloads the corpus the server announced last, unless the
// page shows it or is downloading it already, and swaps it in.
func (r *Root) fetchLatest(ctx app.Context) {
	want := r.state.Corpus
	if want == "" || want == r.c.Version || want == r.fetching {
		return
	}
	r.fetching = want
	ctx.Async(func() {
		c, err := fetchCorpus(want)
		var idx *search.Lazy
		if err == nil {
			idx = search.Later(c)
			idx.Index() // built here, off the page's next frame
		}
		ctx.Dispatch(func(ctx app.Context) {
			r.fetching = ""
			if err != nil {
				app.Log("dev:", err)
				return
			}
			r.swap(ctx, c, idx)
			r.fetchLatest(ctx) // another change may have come meanwhile
		})
	})
}

// swap mounts a new shell for a corpus, in the same view and at the same
// scroll position. A new shell rather than new data in the old one: the
// views below the shell keep their corpus in fields that only a mount
// sets.
func (r *Root) swap(ctx app.Context, c *corpus.Corpus, idx *search.Lazy) {
	win := app.Window()
	x, y := win.Get("scrollX").Float(), win.Get("scrollY").Float()
	shell := ui.NewShell(c, idx)
	// A shell learns its view from OnNav; this one must draw it from its
	// first render, as the old one was already showing it.
	shell.OnNav(ctx)
	r.c, r.idx, r.shell = c, idx, shell
	r.gen++
	ctx.Defer(func(app.Context) { win.Call("scrollTo", x, y) })
}

// Render draws the shell and the overlay. The wrapper takes no box of its
// own, so the app's layout is the same as without it; its data attributes
// say which corpus the page shows and which build of the app it follows
// (empty until the dev server's first event).
func (r *Root) Render() app.UI {
	return app.Div().ID("dev-root").Style("display", "contents").
		DataSet("corpus", r.c.Version).DataSet("build", r.build).Body(
		&frame{id: strconv.Itoa(r.gen), shell: r.shell},
		r.overlay(),
	)
}

// overlay lists the errors over the page, and the warnings behind a quiet
// count that opens them. Every text from the content or the server is
// written as text.
func (r *Root) overlay() app.UI {
	errs, warns := r.state.Errors, r.state.Warnings
	return app.Div().ID("dev-overlay").Body(
		app.If(len(errs) > 0, func() app.UI {
			return app.Aside().ID("dev-errors").Role("alert").
				Style("position", "fixed").Style("left", "0").Style("right", "0").Style("bottom", "0").
				Style("z-index", "1000").Style("max-height", "40vh").Style("overflow", "auto").
				Style("margin", "0").Style("padding", "0.75rem 1rem").
				Style("background", "#fff4f2").Style("color", "#5a0f08").
				Style("border-top", "4px solid #c0392b").Style("box-shadow", "0 -4px 16px rgba(0,0,0,0.2)").
				Style("font", "14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace").
				Body(
					app.P().Style("margin", "0 0 0.5rem").Style("font-weight", "bold").
						Text(count(len(errs), "error", "errors")+" — the page shows the last version that compiled."),
					problemList("dev-error-list", errs),
				)
		}),
		app.If(len(warns) > 0, func() app.UI {
			return app.Div().ID("dev-warnings").
				Style("position", "fixed").Style("right", "0.75rem").Style("z-index", "999").
				Style("bottom", bottomOf(len(errs) > 0)).Style("max-width", "min(40rem, 90vw)").
				Style("font", "13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace").
				Body(
					app.If(r.open, func() app.UI {
						return app.Div().Style("max-height", "30vh").Style("overflow", "auto").
							Style("background", "#fffbea").Style("border", "1px solid #d8c47a").
							Style("padding", "0.5rem 0.75rem").Style("margin-bottom", "0.25rem").
							Body(problemList("dev-warning-list", warns))
					}),
					app.Button().ID("dev-warnings-count").Type("button").Aria("expanded", r.open).
						Style("opacity", "0.75").Style("font", "inherit").Style("float", "right").
						Text(count(len(warns), "warning", "warnings")).
						OnClick(func(ctx app.Context, e app.Event) { r.open = !r.open }),
				)
		}),
	)
}

// problemList lists problems, each a link into the editor when the server
// gave one.
func problemList(id string, ps []Problem) app.UI {
	return app.Ul().ID(id).Style("margin", "0").Style("padding-left", "1.25rem").Body(
		app.Range(ps).Slice(func(i int) app.UI {
			p := ps[i]
			if p.Open == "" {
				return app.Li().Class("dev-problem").Text(p.String())
			}
			return app.Li().Class("dev-problem").Body(
				app.A().Href(p.Open).Style("color", "inherit").Text(p.String()),
			)
		}),
	)
}

// bottomOf places the warnings above the errors when both show.
func bottomOf(errorsShown bool) string {
	if errorsShown {
		return "calc(40vh + 1rem)"
	}
	return "0.75rem"
}

// count formats "1 error", "3 errors".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// frame holds the shell of one corpus. Its identity is the corpus
// generation, so go-app mounts a new frame, and a new shell, when the
// corpus changes, and leaves it alone otherwise.
type frame struct {
	app.Compo

	id    string
	shell *ui.Shell
}

var _ app.DismountEnforcer = (*frame)(nil)

// CompoID returns the corpus generation the frame shows.
func (f *frame) CompoID() string { return f.id }

// Render draws the shell.
func (f *frame) Render() app.UI { return f.shell }
