// Pattern Explorer's WASM loader, appended to go-app's app.js (site.withLoader).
// A function declared again later in a script replaces the earlier one, so
// this goappInitWebAssembly is the one app.js calls. go-app's own hands the
// browser a Response it builds from a stream to count the bytes; a Response
// with no URL cannot be looked up in V8's cache of compiled code, so every
// visit compiled the WASM afresh. This one compiles the fetched Response
// itself and counts the bytes on a clone. The marks wasm-fetch and
// wasm-compiled time it for the benchmarks (make bench).
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
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(url + ": " + response.status + " " + response.statusText);
    }
    explorerCountBytes(response.clone(), show);
    let wasm;
    try {
      wasm = await WebAssembly.instantiateStreaming(response, go.importObject);
    } catch (err) {
      // A host that serves the WASM under another type than
      // application/wasm: compile it from its bytes.
      if (!(err instanceof TypeError)) {
        throw err;
      }
      const again = await fetch(url);
      wasm = await WebAssembly.instantiate(await again.arrayBuffer(), go.importObject);
    }
    performance.mark("wasm-compiled");
    // The Go runtime starts in a task of its own, not in the one that
    // finished the compile. The app removes the loader with its first
    // draw (ui.Shell.OnMount): go.run returns as soon as the app first
    // yields to the browser, and an error of the start after that still
    // shows in the loader's label.
    await explorerNextTask();
    go.run(wasm.instance);
  } catch (err) {
    icon.className = "goapp-logo";
    label.innerText = err;
    console.error("loading wasm failed: ", err);
  }
}

// explorerCountBytes reads a copy of the WASM's response and shows how much
// of it has come, in percent of its uncompressed length.
async function explorerCountBytes(response, show) {
  let total = parseInt(goappWasmContentLength, 10);
  if (!(total > 0)) {
    const named = goappWasmContentLengthHeader ? response.headers.get(goappWasmContentLengthHeader) : null;
    total = parseInt(named || response.headers.get("Content-Length"), 10);
  }
  if (!(total > 0) || !response.body) {
    return;
  }
  const reader = response.body.getReader();
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      loaded += value.byteLength;
      show(Math.min(100, Math.round((loaded * 100) / total)));
    }
  } catch (err) {
    // The compile reports a failed download; the count just stops.
  }
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
