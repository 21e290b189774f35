// Pattern Explorer's WASM compiler: a dedicated worker that the loader in
// app.js (app/site/loader.js) starts, so that fetching and compiling the
// WASM take no time on the page's main thread, where a phone would feel
// them as one long task over the prerendered page. It is told
// { url, total, header } — the WASM's address, its uncompressed length if
// known, and the header that tells it otherwise — and answers with
// { progress } (percent of the bytes come) as they come, then
// { module } (a WebAssembly.Module, which the page instantiates) or
// { error } (why there is none).
//
// The module is compiled from the Response fetch returned, which has a
// URL, so the browser's cache of compiled code serves repeat visits; a
// copy of it counts the bytes.
onmessage = async (event) => {
  const { url, total, header } = event.data;
  try {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(url + ": " + response.status + " " + response.statusText);
    }
    countBytes(response.clone(), total, header);
    let module;
    try {
      module = await WebAssembly.compileStreaming(response);
    } catch (err) {
      // A host that serves the WASM under another type than
      // application/wasm: compile it from its bytes.
      if (!(err instanceof TypeError)) {
        throw err;
      }
      const again = await fetch(url);
      module = await WebAssembly.compile(await again.arrayBuffer());
    }
    postMessage({ module });
  } catch (err) {
    postMessage({ error: (err && err.message) || String(err) });
  }
};

// countBytes reads a copy of the WASM's response and posts how much of it
// has come, in percent of its uncompressed length.
async function countBytes(response, known, header) {
  let total = parseInt(known, 10);
  if (!(total > 0)) {
    const named = header ? response.headers.get(header) : null;
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
      postMessage({ progress: Math.min(100, Math.round((loaded * 100) / total)) });
    }
  } catch (err) {
    // The compile reports a failed download; the count just stops.
  }
}
