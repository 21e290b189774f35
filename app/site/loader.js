// Pattern Explorer's WASM loader, appended to go-app's app.js (site.withLoader).
// A function declared again later in a script replaces the earlier one, so
// this goappInitWebAssembly is the one app.js calls. go-app's own fetches
// and compiles the WASM on the page's main thread, from a Response it
// builds from a stream to count the bytes: a phone felt that as long tasks
// over the prerendered page, and a Response with no URL cannot be looked
// up in V8's cache of compiled code, so every visit compiled afresh. This
// one has a worker fetch and compile it (web/compile-worker.js, from the
// Response fetch returned) and only instantiates it here. The marks
// wasm-fetch and wasm-compiled time it for the benchmarks (make bench);
// wasm-compiled tells where it was compiled.
async function goappInitWebAssembly() {
  const loader = document.getElementById("app-wasm-loader");
  if (!goappCanLoadWebAssembly()) {
    loader.remove();
    return;
  }
  const icon = document.getElementById("app-wasm-loader-icon");
  const label = document.getElementById("app-wasm-loader-label");
  const show = (progress) => {
    label.innerText = goappLoadingLabel.replace("{progress}", progress);
  };
  const url = {{.WasmURL}};
  try {
    show(0);
    const go = new Go();
    performance.mark("wasm-fetch");
    const compiled = await explorerCompile(url, {{.CompilerURL}}, show);
    const instance = await WebAssembly.instantiate(compiled.module, go.importObject);
    performance.mark("wasm-compiled", { detail: compiled.where });
    // The Go runtime starts in a task of its own, not in the one that
    // finished the compile. The app removes the loader with its first
    // draw (ui.Shell.OnMount): go.run returns as soon as the app first
    // yields to the browser, and an error of the start after that still
    // shows in the loader's label.
    await explorerNextTask();
    go.run(instance);
  } catch (err) {
    icon.className = "goapp-logo";
    label.innerText = err;
    console.error("loading wasm failed: ", err);
  }
}

// explorerCompile compiles the WASM at url into a WebAssembly.Module, in
// the worker at compiler, which shows the download's progress; where there
// is no worker to be had (no Worker, or its script would not load), here.
// It resolves to { module, where }, where is "worker" or "page".
async function explorerCompile(url, compiler, show) {
  if (typeof Worker === "function") {
    let worker;
    try {
      worker = new Worker(compiler);
    } catch (err) {
      worker = null;
    }
    if (worker) {
      const module = await explorerCompileIn(worker, url, show);
      if (module) {
        return { module, where: "worker" };
      }
    }
  }
  let module;
  try {
    module = await WebAssembly.compileStreaming(fetch(url));
  } catch (err) {
    // A host that serves the WASM under another type than
    // application/wasm: compile it from its bytes.
    if (!(err instanceof TypeError)) {
      throw err;
    }
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(url + ": " + response.status + " " + response.statusText);
    }
    module = await WebAssembly.compile(await response.arrayBuffer());
  }
  show(100);
  return { module, where: "page" };
}

// explorerCompileIn has worker compile the WASM at url: it resolves to the
// module, or to null when the worker itself failed (its script did not
// load, or the module could not be sent), and rejects with the worker's
// error when the download or the compile failed.
function explorerCompileIn(worker, url, show) {
  return new Promise((resolve, reject) => {
    const done = (settle, value) => {
      worker.terminate();
      settle(value);
    };
    worker.onmessage = (event) => {
      const m = event.data;
      if (m.module) {
        show(100);
        done(resolve, m.module);
      } else if (m.error) {
        done(reject, new Error(m.error));
      } else if (m.progress !== undefined) {
        show(m.progress);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done(resolve, null);
    };
    worker.onmessageerror = () => done(resolve, null);
    worker.postMessage({ url: new URL(url, location.href).href, total: goappWasmContentLength, header: goappWasmContentLengthHeader });
  });
}

// explorerNextTask resolves in the browser's next task: a message on a
// MessageChannel, which no timer clamp delays.
function explorerNextTask() {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
