// Pattern Explorer's service worker, a template filled in by the site
// ({{.Shell}}, {{.Prefix}}: package site, workerFor) and by go-app
// ({{.Version}}, {{.ResourcesToCache}}). It differs from go-app's default in
// one way that matters offline: a navigation to any route (a deep link such
// as /patterns/swag, an old /swag.html, an unknown address) is answered
// from the cache, by the page prerendered for that route when it was
// cached, or else by the app shell (the home page, under the site's
// prefix), which the WASM then turns into the right view.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const shell = {{.Shell}};
const assets = {{.Prefix}} + "/web/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll(resourcesToCache);
      await self.skipWaiting();
    })()
  );
});

// On activation the caches of older versions go. Open pages are claimed
// only when this worker replaces another: go-app's app.js takes a change of
// controller for "a new version is available", which a first visit is not.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((k) => k !== cacheName);
      await Promise.all(old.map((k) => caches.delete(k)));
      if (old.length > 0) {
        await self.clients.claim();
      }
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  event.respondWith(asset(request));
});

// navigate answers a page load: the cached page for that route, else the
// network (caching what it gets), else the app shell.
async function navigate(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) {
    return unredirected(cached);
  }
  try {
    const response = await fetch(request);
    if (response.ok) {
      cache.put(request, response.clone());
    }
    return response;
  } catch (err) {
    const fallback = await cache.match(shell);
    if (fallback) {
      return unredirected(fallback);
    }
    throw err;
  }
}

// unredirected copies a response that was cached after a redirect (a
// plain file server sends /patterns/x to /patterns/x/): a navigation may not
// be answered with a redirected response.
async function unredirected(response) {
  if (!response.redirected) {
    return response;
  }
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

// asset answers any other request from the cache first, then the network.
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith(assets)) {
    const cache = await caches.open(cacheName);
    cache.put(request, response.clone());
  }
  return response;
}
