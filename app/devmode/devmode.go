// Package devmode is the app's side of `make dev`: what the dev server
// (app/devserver) and the page say to each other, and the route root that
// a page under the dev server mounts in place of the plain shell. That
// root loads the corpus from the dev server rather than the one embedded
// in the WASM, swaps in every corpus the server announces without a
// reload, keeping the view and the scroll position, shows the content's
// errors and warnings over the page, and reloads the page when the app
// itself was rebuilt.
//
// Nothing here runs unless the page's environment holds Env, which only
// the dev server sets: build, run and static serve the embedded corpus and
// the plain shell.
package devmode

import (
	"fmt"
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Env is the name of the app environment variable (app.Getenv) that the
// dev server sets, and only it, to turn dev mode on.
const Env = "EXPLORER_DEV"

// The dev server's own endpoints; every URL of them is built here.
const (
	// EventsPath streams the server's State as server-sent events.
	EventsPath = "/dev/events"
	// CorpusPath serves the last corpus that compiled, encoded
	// (corpus.Encode).
	CorpusPath = "/dev/corpus"
	// StateEvent is the event type of a State in the stream.
	StateEvent = "state"
)

// On reports whether the page runs under the dev server.
func On() bool {
	return app.IsClient && app.Getenv(Env) != ""
}

// CorpusURL returns the address of the corpus of a version, relative to
// the dev server's origin; the version only keeps caches from mixing two
// corpora up.
func CorpusURL(version string) string {
	return CorpusPath + "?v=" + url.QueryEscape(version)
}

// State is what the dev server tells every open page, on connecting and
// after each change.
type State struct {
	// Build identifies the app the server serves (its WASM); a page
	// reloads when it changes.
	Build string `json:"build"`
	// Corpus is the version (corpus.Corpus.Version) of the last corpus
	// that compiled, the one the server serves.
	Corpus string `json:"corpus"`
	// Errors are why the content, or the app, no longer builds; while there
	// are any, the server keeps serving the last good corpus.
	Errors []Problem `json:"errors"`
	// Warnings are what compiled but needs a look, such as broken links.
	Warnings []Problem `json:"warnings"`
}

// Problem is one error or warning, located in a content file.
type Problem struct {
	// File is the file as the author knows it, e.g. "content/booth.md";
	// empty for a problem of no one file.
	File string `json:"file"`
	// Line is the 1-based line, or 0.
	Line int `json:"line"`
	// Message says what is wrong.
	Message string `json:"message"`
	// Open is a URL that opens the file at the line in the author's
	// editor, or empty.
	Open string `json:"open,omitempty"`
}

// String formats p as "file:line: message".
func (p Problem) String() string {
	switch {
	case p.File == "":
		return p.Message
	case p.Line <= 0:
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
}
