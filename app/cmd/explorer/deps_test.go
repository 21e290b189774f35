//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWASMLinksNoBuildOrServerCode checks that the browser binary carries
// only what runs in the browser: no Markdown parser (the corpus is compiled
// at build time), no server, no compression.
func TestWASMLinksNoBuildOrServerCode(t *testing.T) {
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	forbidden := []string{
		"github.com/yuin/goldmark",
		"github.com/andybalholm/brotli",
		"github.com/devrel-patterns/explorer/app/compiler",
		"github.com/devrel-patterns/explorer/app/layout",
		"github.com/devrel-patterns/explorer/app/site",
		"github.com/devrel-patterns/explorer/app/server",
		"github.com/devrel-patterns/explorer/app/precompress",
		"github.com/devrel-patterns/explorer/app/loadtest",
		"github.com/devrel-patterns/explorer/app/synth",
	}
	for _, d := range deps {
		for _, f := range forbidden {
			if d == f || strings.HasPrefix(d, f+"/") {
				t.Errorf("the WASM links %s", d)
			}
		}
	}
	if len(deps) < 10 {
		t.Fatalf("go list -deps listed %d packages; expected the app's dependencies", len(deps))
	}
}
