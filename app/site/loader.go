//go:build !wasm

package site

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed loader.js
var loaderTemplate string

// loaderScript returns the WASM loader appended to go-app's app.js, with
// the addresses on the site of the WASM and of the worker that compiles
// it (CompilerScript).
func loaderScript(h *app.Handler) []byte {
	wasm, _ := json.Marshal(h.Resources.Resolve("/web/app.wasm"))
	compiler, _ := json.Marshal(h.Resources.Resolve(CompilerScript))
	return []byte(strings.NewReplacer("{{.WasmURL}}", string(wasm), "{{.CompilerURL}}", string(compiler)).Replace(loaderTemplate))
}

// withLoader serves go-app's /app.js with the site's WASM loader appended
// (loader.js), which has a worker compile the WASM from the fetched
// response, off the page's main thread and so that the browser's cache of
// compiled code serves repeat visits. Every other
// request goes to h as it is.
func withLoader(h *app.Handler) http.Handler {
	loader := loaderScript(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/app.js" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			h.ServeHTTP(w, r)
			return
		}
		// A HEAD gets the headers of the GET, length included.
		get := r.Clone(r.Context())
		get.Method = http.MethodGet
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, get)
		body := rec.Body.Bytes()
		if rec.Code == http.StatusOK {
			body = append(append(bytes.Clone(body), '\n'), loader...)
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(rec.Code)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}
