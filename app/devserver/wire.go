//go:build !wasm

package devserver

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/devrel-patterns/explorer/app/devmode"
)

// writeEvent writes a State as one server-sent event. JSON has no raw
// newline, so the data is one line.
func writeEvent(w io.Writer, st devmode.State) error {
	data, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("encode state: %w", err)
	}
	_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", devmode.StateEvent, data)
	return err
}

// checkEditor rejects an editor URL template that is not a plain link:
// one without both placeholders, or one that would run script in the
// page.
func checkEditor(tmpl string) error {
	if tmpl == "" {
		return nil
	}
	if !strings.Contains(tmpl, "{path}") {
		return fmt.Errorf("editor URL %q: no {path} in it", tmpl)
	}
	u, err := url.Parse(strings.NewReplacer("{path}", "x", "{line}", "1").Replace(tmpl))
	if err != nil {
		return fmt.Errorf("editor URL %q: %w", tmpl, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		return fmt.Errorf("editor URL %q: no scheme (such as vscode:)", tmpl)
	case "javascript", "data", "vbscript", "blob":
		return fmt.Errorf("editor URL %q: scheme %s: not allowed", tmpl, u.Scheme)
	}
	return nil
}

// editorURL fills an editor URL template (checkEditor) with a file's
// absolute path, each segment escaped, and a line; "" when there is no
// template or no file.
func editorURL(tmpl, file string, line int) string {
	if tmpl == "" || file == "" {
		return ""
	}
	abs, err := filepath.Abs(filepath.FromSlash(file))
	if err != nil {
		return ""
	}
	parts := strings.Split(filepath.ToSlash(abs), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	if line < 1 {
		line = 1
	}
	path := strings.Join(parts, "/") // starts with a slash, on Windows too
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	// "vscode://file/{path}" and "idea://open?file={path}" both get one
	// slash before the path.
	return strings.NewReplacer("/{path}", path, "{path}", path, "{line}", strconv.Itoa(line)).Replace(tmpl)
}
