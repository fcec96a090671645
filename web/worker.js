// Parallax engine worker: runs the same app.wasm as the page, off the main thread, so
// comparing articles never freezes the page. In a worker, app.wasm answers
// parallaxCompare(requestJSON) with a reply JSON string (see ServeWorker in
// app/engine_worker.go).
"use strict";
importScripts("/wasm_exec.js");

const waiting = [];
self.onmessage = (e) => waiting.push(e.data);

self.parallaxReady = () => {
  const answer = (req) => self.postMessage(self.parallaxCompare(req));
  self.onmessage = (e) => answer(e.data);
  for (const req of waiting.splice(0)) answer(req);
};

(async () => {
  try {
    const go = new Go();
    const { instance } = await WebAssembly.instantiateStreaming(fetch("/web/app.wasm"), go.importObject);
    go.run(instance);
  } catch (err) {
    self.postMessage(JSON.stringify({ id: -1, error: "the comparison engine could not start: " + err }));
  }
})();
