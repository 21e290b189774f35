//go:build !wasm

package devserver

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestEditorURL(t *testing.T) {
	abs, err := filepath.Abs("content/booth.md")
	if err != nil {
		t.Fatal(err)
	}
	abs = filepath.ToSlash(abs)
	tests := []struct {
		name string
		tmpl string
		file string
		line int
		want string
	}{
		{"vscode", "vscode://file/{path}:{line}", "content/booth.md", 3, "vscode://file" + abs + ":3"},
		{"query", "idea://open?file={path}&line={line}", "content/booth.md", 12, "idea://open?file=" + abs + "&line=12"},
		{"no template", "", "content/booth.md", 3, ""},
		{"no file", "vscode://file/{path}:{line}", "", 0, ""},
		{"no line", "vscode://file/{path}:{line}", "content/booth.md", 0, "vscode://file" + abs + ":1"},
		{"space and quote escaped", "vscode://file/{path}:{line}", `my notes/"a".md`, 2, "vscode://file" + filepath.ToSlash(filepath.Dir(mustAbs(t, "x"))) + `/my%20notes/%22a%22.md:2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := editorURL(tt.tmpl, tt.file, tt.line); got != tt.want {
				t.Errorf("editorURL(%q, %q, %d) = %q, want %q", tt.tmpl, tt.file, tt.line, got, tt.want)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestCheckEditor(t *testing.T) {
	tests := []struct {
		name    string
		tmpl    string
		wantErr string
	}{
		{"none", "", ""},
		{"vscode", "vscode://file/{path}:{line}", ""},
		{"http", "http://localhost:63342/api/file/{path}:{line}", ""},
		{"no path", "vscode://file/x.md:{line}", "no {path}"},
		{"script", "javascript:alert('{path}')", "not allowed"},
		{"script, upper case", "JavaScript:alert('{path}')", "not allowed"},
		{"data", "data:text/html,{path}", "not allowed"},
		{"no scheme", "/open/{path}", "no scheme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkEditor(tt.tmpl)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("checkEditor(%q) = %v, want nil", tt.tmpl, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("checkEditor(%q) = %v, want an error containing %q", tt.tmpl, err, tt.wantErr)
			}
		})
	}
}

func TestIsCode(t *testing.T) {
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"go source", "app/ui/shell.go", true},
		{"stylesheet", "web/style.css", true},
		{"worker template", "app/site/worker.js", true},
		{"icon", "web/icon-192.png", true},
		{"test", "app/ui/ui_test.go", false},
		{"the wasm a build writes", "web/app.wasm", false},
		{"a compressed twin", "web/style.css.br", false},
		{"the corpus artifact", "app/embedded/corpus.bin", false},
		{"a temporary file", "web/.tmp-app.wasm-123", false},
		{"an editor's swap file", "app/ui/.shell.go.swp", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isCode(tt.path); got != tt.want {
				t.Errorf("isCode(%q) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}

func TestDirectHost(t *testing.T) {
	tests := []struct {
		name string
		host string
		want bool
	}{
		{"localhost with port", "localhost:8000", true},
		{"localhost", "localhost", true},
		{"upper case, trailing dot", "LocalHost.:8000", true},
		{"under .localhost", "app.localhost:8000", true},
		{"IPv4 loopback", "127.0.0.1:8000", true},
		{"LAN address", "192.168.1.20:8000", true},
		{"IPv6 loopback", "[::1]:8000", true},
		{"a name pointed at this machine", "attacker.example:8000", false},
		{"localhost as a prefix", "localhost.attacker.example", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := directHost(tt.host); got != tt.want {
				t.Errorf("directHost(%q) = %v, want %v", tt.host, got, tt.want)
			}
		})
	}
}
