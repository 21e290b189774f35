// Package embedded carries the compiled corpus inside the binary: build.go
// writes corpus.bin here before compiling the app, and the app decodes it
// once at start. The file is a build output, ignored by git.
package embedded

import (
	_ "embed"
	"fmt"

	"github.com/devrel-patterns/explorer/app/corpus"
)

//go:embed corpus.bin
var artifact []byte

// Bytes returns the encoded corpus as embedded.
func Bytes() []byte { return artifact }

// Load decodes the embedded corpus.
func Load() (*corpus.Corpus, error) {
	c, err := corpus.Decode(artifact)
	if err != nil {
		return nil, fmt.Errorf("decode embedded corpus: %w", err)
	}
	return c, nil
}
