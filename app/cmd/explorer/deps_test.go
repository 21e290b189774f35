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
		"github.com/devrel-patterns/explorer/app/devserver",
		"github.com/fsnotify/fsnotify",
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

// wasmBudget bounds the browser binary built with our own corpus: every
// visitor downloads it. It was 9.2 MB; a working net/http client (an
// http.Get in the dev-mode path) once made it 14.5 MB.
const wasmBudget = 10 << 20

// TestWASMSize builds the browser binary as build.go does and fails when it
// outgrows wasmBudget.
func TestWASMSize(t *testing.T) {
	out := filepath.Join(t.TempDir(), "app.wasm")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > wasmBudget {
		t.Errorf("the WASM is %.2f MiB, over its budget of %.2f MiB", float64(fi.Size())/(1<<20), float64(wasmBudget)/(1<<20))
	}
}
