//go:build !wasm

package site

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// appJS serves /app.js through withLoader for a site under prefix.
func appJS(t *testing.T, prefix, method string) *httptest.ResponseRecorder {
	t.Helper()
	h := &app.Handler{Name: "Loader test", Resources: resources(corpus.Site{Prefix: prefix}), WasmContentLengthHeader: "X-Uncompressed-Length"}
	rec := httptest.NewRecorder()
	withLoader(h).ServeHTTP(rec, httptest.NewRequest(method, "/app.js", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("%s /app.js: status %d", method, rec.Code)
	}
	return rec
}

// TestAppJSHasTheLoader checks that app.js declares the site's loader after
// go-app's (the later declaration is the one called), with the WASM's
// address under the site's prefix, and that a HEAD tells the GET's length.
func TestAppJSHasTheLoader(t *testing.T) {
	get := appJS(t, "/explorer", http.MethodGet)
	js := get.Body.String()
	decl := "async function goappInitWebAssembly("
	if strings.Count(js, decl) != 2 || strings.LastIndex(js, decl) < strings.Index(js, "function fetchWithProgress(") {
		t.Fatalf("app.js does not declare the loader after go-app's own: %d declarations", strings.Count(js, decl))
	}
	loader := js[strings.LastIndex(js, decl):]
	if !strings.Contains(loader, `const url = "/explorer/web/app.wasm";`) {
		t.Errorf("the loader does not fetch the WASM under the prefix:\n%s", loader[:300])
	}
	if got, want := get.Header().Get("Content-Length"), strconv.Itoa(len(js)); got != want {
		t.Errorf("GET Content-Length %s, want %s", got, want)
	}
	head := appJS(t, "/explorer", http.MethodHead)
	if head.Body.Len() != 0 || head.Header().Get("Content-Length") != strconv.Itoa(len(js)) {
		t.Errorf("HEAD: %d bytes of body, Content-Length %s, want none and %d", head.Body.Len(), head.Header().Get("Content-Length"), len(js))
	}
}

// loaderHarness runs app.js in Node with just enough of a browser: fetch
// returns a Response it remembers, and WebAssembly.instantiateStreaming
// records what it was given. It prints what happened as JSON.
const loaderHarness = `
const vm = require("node:vm");
const fs = require("node:fs");
const el = () => ({ removed: false, innerText: "", className: "", remove() { this.removed = true; } });
const els = { "app-wasm-loader": el(), "app-wasm-loader-icon": el(), "app-wasm-loader-label": el() };
globalThis.document = { getElementById: (id) => els[id], body: { children: [] } };
globalThis.window = globalThis;
window.addEventListener = () => {};
window.location = { search: "" };
Object.defineProperty(globalThis, "navigator", { value: { userAgent: "harness" }, configurable: true });
const bytes = new Uint8Array(300000);
let fetched = [];
globalThis.fetch = async (url) => {
  const r = new Response(bytes, { headers: { "Content-Type": "application/wasm", "X-Uncompressed-Length": String(bytes.length) } });
  fetched.push({ url, r });
  return r;
};
let streamed = null, ran = null;
WebAssembly.instantiateStreaming = async (resp, imports) => { streamed = resp; return { instance: "the instance" }; };
globalThis.Go = class { constructor() { this.importObject = {}; } run(i) { ran = i; } };
vm.runInThisContext(fs.readFileSync(process.argv[2], "utf8"));
const wait = () => new Promise((r) => setTimeout(r, 0));
(async () => {
  for (let i = 0; i < 1000 && ran === null; i++) await wait();
  for (let i = 0; i < 100; i++) await wait(); // the byte count runs beside the compile
  console.log(JSON.stringify({
    fetches: fetched.map((f) => f.url),
    sameResponse: fetched.length > 0 && streamed === fetched[0].r,
    ran, loaderRemoved: els["app-wasm-loader"].removed, label: els["app-wasm-loader-label"].innerText,
    marks: performance.getEntriesByType("mark").map((m) => m.name),
  }));
})();
`

// TestLoaderCompilesTheFetchedResponse runs app.js in Node: the WASM is
// compiled from the very Response fetch returned (which has a URL, so
// V8's code cache can serve it), once, the loader counts it to 100 % and
// leaves the "Loading…" to the app.
// go-app's own loader hands over a Response it built, and fails this.
func TestLoaderCompilesTheFetchedResponse(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not found")
	}
	dir := t.TempDir()
	script, harness := filepath.Join(dir, "app.js"), filepath.Join(dir, "harness.js")
	if err := os.WriteFile(script, appJS(t, "", http.MethodGet).Body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(harness, []byte(loaderHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, harness, script).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got struct {
		Fetches       []string
		SameResponse  bool
		Ran           string
		LoaderRemoved bool
		Label         string
		Marks         []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("harness output %q: %v", out, err)
	}
	if len(got.Fetches) != 1 || got.Fetches[0] != "/web/app.wasm" {
		t.Errorf("fetched %v, want /web/app.wasm once", got.Fetches)
	}
	if !got.SameResponse {
		t.Error("the WASM was not compiled from the Response fetch returned")
	}
	// The app removes the loader with its first draw (ui.Shell.OnMount):
	// go.run returns when the app first yields, and the label must stay
	// for an error of the start after that.
	if got.Ran != "the instance" || got.LoaderRemoved {
		t.Errorf("ran %q, loader removed %v: want the instance run and the loader left to the app", got.Ran, got.LoaderRemoved)
	}
	if !strings.HasSuffix(got.Label, "100") && !strings.Contains(got.Label, "100") {
		t.Errorf("progress label %q, want 100 %%", got.Label)
	}
	if strings.Join(got.Marks, " ") != "wasm-fetch wasm-compiled" {
		t.Errorf("marks %v, want wasm-fetch then wasm-compiled", got.Marks)
	}
}
