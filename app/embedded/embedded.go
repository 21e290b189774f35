// Package embedded carries the compiled corpus inside the binary, and the
// app decodes it once at start. corpus.bin is the artifact of content/,
// committed so that plain go commands work in any clone (app/artifact
// tests that it is current); a build for another folder replaces it
// through an overlay rather than by writing it.
package embedded

import (
	_ "embed"
	"fmt"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// artifact is a string so that it stays read-only and the decoded corpus
// can share its bytes (corpus.DecodeString) instead of copying them.
//
//go:embed corpus.bin
var artifact string

// Load decodes the embedded corpus.
func Load() (*corpus.Corpus, error) {
	c, err := corpus.DecodeString(artifact)
	if err != nil {
		return nil, fmt.Errorf("decode embedded corpus: %w", err)
	}
	return c, nil
}
