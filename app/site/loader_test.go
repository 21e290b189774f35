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

// loaderHarness runs app.js in Node with just enough of a browser. fetch
// returns a Response it remembers (status 404 in mode "missing");
// WebAssembly.compileStreaming records what it was given and returns a
// module, which WebAssembly.instantiate records. In mode "worker" a Worker
// runs web/compile-worker.js in a context of its own, passing messages
// between the two as a browser would; in mode "no-worker" there is none,
// in mode "broken-worker" its script fails to load, and in mode
// "wrong-type" the host serves the WASM under another type than
// application/wasm, which compileStreaming refuses. It prints what
// happened as JSON.
const loaderHarness = `
const vm = require("node:vm");
const fs = require("node:fs");
const [, , appJS, workerJS, mode] = process.argv;
const el = () => ({ removed: false, innerText: "", className: "", remove() { this.removed = true; } });
const els = { "app-wasm-loader": el(), "app-wasm-loader-icon": el(), "app-wasm-loader-label": el() };
globalThis.document = { getElementById: (id) => els[id], body: { children: [] } };
globalThis.window = globalThis;
window.addEventListener = () => {};
window.location = { search: "", href: "http://harness.test/patterns/a" };
Object.defineProperty(globalThis, "navigator", { value: { userAgent: "harness" }, configurable: true });
const bytes = new Uint8Array(300000);
const fetched = [];
const fetch = async (url) => {
  const status = mode === "missing" ? 404 : 200;
  const r = new Response(bytes, { status, statusText: status === 200 ? "OK" : "Not Found", headers: { "Content-Type": "application/wasm", "X-Uncompressed-Length": String(bytes.length) } });
  fetched.push({ url, r });
  return r;
};
const theModule = { a: "module" };
let streamed = null, compiledIn = null, instantiated = null, ran = null, terminated = false;
// Node's own fetch compiles WASM too: only what the loader is given is
// faked, the rest goes to the real WebAssembly.
const real = { instantiate: WebAssembly.instantiate, compile: WebAssembly.compile };
const wasmIn = (where) => Object.assign(Object.create(WebAssembly), {
  compileStreaming: async (source) => {
    const resp = await source;
    if (!resp.ok) throw new TypeError("HTTP status code is not ok");
    if (mode === "wrong-type") throw new TypeError("Incorrect response MIME type. Expected 'application/wasm'.");
    streamed = resp; compiledIn = where;
    return theModule;
  },
  compile: async (b) => {
    if (b.byteLength !== bytes.length) return real.compile(b);
    compiledIn = where;
    return theModule;
  },
  instantiate: async (m, imports) => {
    if (m !== theModule) return real.instantiate(m, imports);
    instantiated = m;
    return "the instance";
  },
});
globalThis.fetch = fetch;
Object.assign(WebAssembly, wasmIn("page"));
globalThis.Go = class { constructor() { this.importObject = {}; } run(i) { ran = i; } };
const later = (f) => setTimeout(f, 0);
if (mode !== "no-worker") {
  globalThis.Worker = class {
    constructor(url) {
      this.url = url;
      if (mode === "broken-worker") {
        later(() => this.onerror && this.onerror({ preventDefault() {} }));
        return;
      }
      const self = { fetch, WebAssembly: wasmIn("worker"), Error, TypeError, String, Math, parseInt, Response,
        postMessage: (data) => later(() => this.onmessage && this.onmessage({ data })) };
      self.self = self;
      this.context = vm.createContext(self);
      vm.runInContext(fs.readFileSync(workerJS, "utf8"), this.context);
    }
    postMessage(data) { if (this.context) later(() => vm.runInContext("onmessage", this.context)({ data })); }
    terminate() { terminated = true; }
  };
}
vm.runInThisContext(fs.readFileSync(appJS, "utf8"));
const wait = () => new Promise((r) => setTimeout(r, 0));
(async () => {
  for (let i = 0; i < 1000 && ran === null && !String(els["app-wasm-loader-label"].innerText).includes("Error"); i++) await wait();
  for (let i = 0; i < 100; i++) await wait();
  const compiled = performance.getEntriesByName("wasm-compiled")[0];
  console.log(JSON.stringify({
    fetches: fetched.map((f) => f.url),
    sameResponse: fetched.length > 0 && streamed === fetched[0].r,
    compiledIn, instantiatedTheModule: instantiated === theModule, terminated,
    ran, loaderRemoved: els["app-wasm-loader"].removed, label: String(els["app-wasm-loader-label"].innerText),
    marks: performance.getEntriesByType("mark").map((m) => m.name),
    where: compiled ? compiled.detail : null,
  }));
})();
`

// loaderRun is what the harness saw app.js do.
type loaderRun struct {
	Fetches               []string
	SameResponse          bool
	CompiledIn            string
	InstantiatedTheModule bool
	Terminated            bool
	Ran                   string
	LoaderRemoved         bool
	Label                 string
	Marks                 []string
	Where                 string
}

// runLoader runs app.js, with the site's compile worker from web/, in the
// harness in the given mode.
func runLoader(t *testing.T, mode string) loaderRun {
	t.Helper()
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
	worker := filepath.Join("..", "..", filepath.FromSlash(strings.TrimPrefix(CompilerScript, "/")))
	var stderr strings.Builder
	cmd := exec.Command(node, harness, script, worker, mode)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s%s", err, out, stderr.String())
	}
	var got loaderRun
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("harness output %q: %v", out, err)
	}
	return got
}

// TestLoaderCompilesInAWorker runs app.js in Node: a worker fetches the
// WASM and compiles it from the very Response fetch returned (which has a
// URL, so V8's code cache can serve it), once, off the page's main thread;
// the page only instantiates the module it sent, shows 100 %, runs it,
// lets the worker go and leaves the "Loading…" to the app.
// go-app's own loader compiles a Response it built on the page, and
// fails this.
func TestLoaderCompilesInAWorker(t *testing.T) {
	got := runLoader(t, "worker")
	if len(got.Fetches) != 1 || got.Fetches[0] != "http://harness.test/web/app.wasm" {
		t.Errorf("fetched %v, want http://harness.test/web/app.wasm once", got.Fetches)
	}
	if !got.SameResponse || got.CompiledIn != "worker" {
		t.Errorf("compiled in %q from the fetched Response: %v; want in the worker, from it", got.CompiledIn, got.SameResponse)
	}
	checkStarted(t, got, "worker")
	if !got.Terminated {
		t.Error("the worker was left running after it sent the module")
	}
}

// TestLoaderCompilesOnThePageWithoutAWorker checks the loader where no
// worker can be had: no Worker at all, or one whose script does not load
// (a host that blocks it). The page compiles the WASM itself.
func TestLoaderCompilesOnThePageWithoutAWorker(t *testing.T) {
	for _, mode := range []string{"no-worker", "broken-worker"} {
		t.Run(mode, func(t *testing.T) {
			got := runLoader(t, mode)
			if len(got.Fetches) != 1 || got.Fetches[0] != "/web/app.wasm" {
				t.Errorf("fetched %v, want /web/app.wasm once", got.Fetches)
			}
			if !got.SameResponse || got.CompiledIn != "page" {
				t.Errorf("compiled in %q from the fetched Response: %v; want on the page, from it", got.CompiledIn, got.SameResponse)
			}
			checkStarted(t, got, "page")
		})
	}
}

// TestLoaderCompilesAWASMOfAnotherType checks a host that serves the WASM
// under another type than application/wasm, which compileStreaming
// refuses: the worker fetches it again and compiles its bytes, still off
// the page.
func TestLoaderCompilesAWASMOfAnotherType(t *testing.T) {
	got := runLoader(t, "wrong-type")
	if len(got.Fetches) != 2 || got.Fetches[1] != "http://harness.test/web/app.wasm" {
		t.Errorf("fetched %v, want the WASM twice: to stream, then for its bytes", got.Fetches)
	}
	if got.CompiledIn != "worker" {
		t.Errorf("compiled in %q, want in the worker", got.CompiledIn)
	}
	checkStarted(t, got, "worker")
}

// TestLoaderShowsAFailedDownload checks that a WASM the server does not
// have is an error in the loader's label, naming it, and nothing runs.
func TestLoaderShowsAFailedDownload(t *testing.T) {
	got := runLoader(t, "missing")
	if got.Ran != "" || got.InstantiatedTheModule {
		t.Errorf("ran %q, instantiated %v, want nothing run", got.Ran, got.InstantiatedTheModule)
	}
	if !strings.Contains(got.Label, "/web/app.wasm: 404") {
		t.Errorf("label %q, want the WASM's address and 404", got.Label)
	}
	if !got.Terminated {
		t.Error("the worker was left running after it failed")
	}
}

// checkStarted checks that the loader instantiated the compiled module,
// ran it, counted it to 100 %, marked where it was compiled and left the
// loader for the app to remove with its first draw (ui.Shell.OnMount):
// go.run returns when the app first yields, and the label must stay for
// an error of the start after that.
func checkStarted(t *testing.T, got loaderRun, where string) {
	t.Helper()
	if !got.InstantiatedTheModule || got.Ran != "the instance" || got.LoaderRemoved {
		t.Errorf("instantiated the module %v, ran %q, loader removed %v: want the module's instance run and the loader left to the app", got.InstantiatedTheModule, got.Ran, got.LoaderRemoved)
	}
	if !strings.Contains(got.Label, "100") {
		t.Errorf("progress label %q, want 100 %%", got.Label)
	}
	if strings.Join(got.Marks, " ") != "wasm-fetch wasm-compiled" || got.Where != where {
		t.Errorf("marks %v, compiled in %q; want wasm-fetch then wasm-compiled, in %q", got.Marks, got.Where, where)
	}
}
