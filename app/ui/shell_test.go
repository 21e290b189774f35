//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/search"
)

// TestShellBeforeItsRoute checks what the shell draws before it knows its
// route (go-app renders a component once before its first OnNav; natively,
// as on the server: the whole shell needs a DOM in the browser): not
// the not-found view, which a visitor would see flash by, and nothing that
// builds the search index, which took 220 ms of the first task at 10,000
// patterns.
func TestShellBeforeItsRoute(t *testing.T) {
	c := testCorpus()
	idx := search.Later(c)
	html := render(NewShell(c, idx))
	if strings.Contains(html, "Not found") {
		t.Error("the shell draws the not-found view before it knows its route")
	}
	if idx.Built() {
		t.Error("the shell built the search index for its first render")
	}
	if html := render(notFoundView(c, idx, "/")); !strings.Contains(html, "Not found") || idx.Built() {
		t.Errorf("the not-found view at / built the index (%v) or lacks its title", idx.Built())
	}
}
