// The bench harness page: our search (a small WASM) and the JavaScript
// libraries, each indexing the same documents and answering the same
// queries typed one key at a time. make bench drives it through window.bench.
import Fuse from '/lib/fuse.mjs';
import MiniSearch from '/lib/minisearch.js';
import { Document } from '/lib/flexsearch.mjs';

const limit = 10;
const fields = ['title', 'aliases', 'variants'];

// engines: build() returns an index, search(ix, q) the slugs of the first
// hits, reset(ix) starts a new search box, size(ix) the bytes of the index.
const engines = {
  ours: {
    label: 'ours (Go WASM)',
    build() { window.oursbuild(); return null; },
    reset() { window.oursreset(); },
    search(_, q) { return window.oursearch(q); },
    query(_, q) { return window.ourquery(q); },
    async size() { return { bytes: window.oursheap(), how: 'heap delta' }; },
  },
  fuse: {
    label: 'Fuse.js (titles, aliases, variants)',
    build(docs) { return new Fuse(docs, { keys: fields }); },
    search(ix, q) { return ix.search(q, { limit }).map(r => r.item.slug); },
    async size(ix) { return { bytes: JSON.stringify(ix.getIndex().toJSON()).length, how: 'JSON' }; },
  },
  fusebody: {
    label: 'Fuse.js (with bodies)',
    build(docs) { return new Fuse(docs, { keys: [...fields, 'body'], ignoreLocation: true }); },
    search(ix, q) { return ix.search(q, { limit }).map(r => r.item.slug); },
    async size(ix) { return { bytes: JSON.stringify(ix.getIndex().toJSON()).length, how: 'JSON' }; },
  },
  minisearch: {
    label: 'MiniSearch',
    build(docs) {
      const ms = new MiniSearch({
        fields, storeFields: ['slug'],
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
      });
      ms.addAll(docs);
      return ms;
    },
    search(ix, q) { return ix.search(q).slice(0, limit).map(r => r.slug); },
    async size(ix) { return { bytes: JSON.stringify(ix).length, how: 'JSON' }; },
  },
  flexsearch: {
    label: 'FlexSearch',
    build(docs) {
      const fx = new Document({ tokenize: 'forward', document: { id: 'id', index: fields } });
      for (const d of docs) fx.add(d);
      return fx;
    },
    search(ix, q) { return ix.search(q, { limit, merge: true, suggest: true }).map(r => slugs[r.id]); },
    async size(ix) {
      let n = 0;
      await ix.export((key, data) => { n += key.length + (data ? String(data).length : 0); });
      return { bytes: n, how: 'export' };
    },
  },
};

let docs = [], slugs = [], judged = [], loaded = null;

function pct(xs, p) {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(Math.max(Math.ceil(p * s.length), 1), s.length);
  return s[rank - 1];
}
const median = xs => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// run measures one engine: index build (median of builds), index size,
// precision@1 on the judged queries, and per-keystroke latency over rounds
// of the typed queries, stopping a round early once budgetMs is spent.
async function run(name, { queries, rounds = 5, builds = 5, budgetMs = 60000 }) {
  const e = engines[name];
  if (!e) throw new Error('no engine ' + name);
  const buildTimes = [];
  let ix = null;
  for (let i = 0; i < builds; i++) {
    const t0 = performance.now();
    ix = e.build(docs);
    buildTimes.push(performance.now() - t0);
  }
  const size = await e.size(ix);
  let p1 = null;
  if (judged.length) {
    let hits = 0;
    for (const j of judged) {
      const got = (e.query || e.search)(ix, j.query);
      if (got && got[0] === j.first) hits++;
    }
    p1 = hits / judged.length;
  }
  const p50s = [], p95s = [];
  let keystrokes = 0, capped = false, done = 0;
  const start = performance.now();
  for (let r = 0; r < rounds && !capped; r++) {
    const times = [];
    if (e.reset) e.reset(ix);
    outer: for (const q of queries) {
      if (e.reset) e.reset(ix);
      for (let i = 1; i <= q.length; i++) {
        const t0 = performance.now();
        e.search(ix, q.slice(0, i));
        times.push(performance.now() - t0);
        if (performance.now() - start > budgetMs) { capped = true; break outer; }
      }
    }
    keystrokes += times.length;
    p50s.push(pct(times, 0.5));
    p95s.push(pct(times, 0.95));
    done++;
  }
  return {
    engine: name, label: e.label, buildMs: median(buildTimes), builds,
    indexBytes: size.bytes, sizeHow: size.how, precisionAt1: p1,
    p50: median(p50s), p95: median(p95s), rounds: done, keystrokes, capped,
  };
}

async function init() {
  const [d, j] = await Promise.all([
    fetch('/docs.json').then(r => r.json()),
    fetch('/judged.json').then(r => r.json()),
  ]);
  docs = d; judged = j; slugs = d.map(x => x.slug);
  const go = new Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch('/search.wasm'), go.importObject);
  go.run(instance);
  const bytes = new Uint8Array(await (await fetch('/corpus.bin')).arrayBuffer());
  loaded = window.ourload(bytes);
  if (loaded.error) throw new Error(loaded.error);
  if (loaded.docs !== docs.length) throw new Error(`our corpus has ${loaded.docs} documents, docs.json ${docs.length}`);
  return { docs: docs.length, judged: judged.length, crossOriginIsolated: self.crossOriginIsolated, ...loaded };
}

window.bench = { ready: init(), run, engines: Object.keys(engines) };
window.bench.ready.then(
  () => { document.getElementById('status').textContent = 'ready'; },
  err => { document.getElementById('status').textContent = 'error: ' + err; },
);
