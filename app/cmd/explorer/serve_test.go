//go:build !wasm

package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/embedded"
)

// TestServeSaysServingOnlyOnceItListens gives the server an address that
// is taken: it fails naming the address, and never says it serves.
func TestServeSaysServingOnlyOnceItListens(t *testing.T) {
	c, err := embedded.Load()
	if err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	root := t.TempDir() // a web/ of its own: the test needs no build
	os.Mkdir(filepath.Join(root, "web"), 0o755)
	for _, name := range []string{"app.wasm", "style.css", "compile-worker.js"} {
		if err := os.WriteFile(filepath.Join(root, "web", name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var logs bytes.Buffer
	err = serveTo(c, []string{"-addr", addr, "-root", root}, &logs)
	if err == nil || !strings.Contains(err.Error(), addr) {
		t.Fatalf("serve on a taken address = %v, want an error naming %s", err, addr)
	}
	if strings.Contains(logs.String(), "serving") {
		t.Errorf("the server said it serves before its listen failed:\n%s", logs.String())
	}
}
