// Parallax engine worker: runs the same app.wasm as the page, off the main thread, so
// comparing articles never freezes the page. In a worker, app.wasm takes requests with
// parallaxCompare(requestJSON) and posts its replies to the page itself, as JSON
// strings: the alignment first, then its framing signals (see ServeWorker in
// app/engine_worker.go).
//
// Messages: {module} (from web/boot.js) is the page's compiled app.wasm, to run here;
// a worker whose first message is anything else downloads app.wasm itself.
// "parallax:demo" (from web/boot.js) asks to align the seed demo ahead of the
// page's request; the alignment waits in app.wasm for that request. Any other message
// is a request for parallaxCompare.
"use strict";
importScripts("/wasm_exec.js");

const waiting = [];
let started = false;

self.onmessage = (e) => {
  if (!started) {
    started = true;
    const module = e.data && e.data.module;
    if (module instanceof WebAssembly.Module) {
      start(WebAssembly.instantiate(module, go.importObject));
      return;
    }
    start(WebAssembly.instantiateStreaming(fetch("/web/app.wasm"), go.importObject).then((r) => r.instance));
  }
  waiting.push(e.data);
};

self.parallaxReady = () => {
  const answer = (req) => (req === "parallax:demo" ? self.parallaxWarmDemo() : self.parallaxCompare(req));
  self.onmessage = (e) => answer(e.data);
  for (const req of waiting.splice(0)) answer(req);
};

const go = new Go();

async function start(instancePromise) {
  try {
    go.run(await instancePromise);
  } catch (err) {
    self.postMessage(JSON.stringify({ id: -1, error: "the comparison engine could not start: " + err }));
  }
}
