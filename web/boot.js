// Parallax start-up. It runs first, before go-app's app.js and wasm_exec.js (both
// deferred), and changes how app.js starts app.wasm in two ways:
//
//  1. go-app starts the program (Go's start-up and package initialisation, where the
//     browser also compiles each function the first time it runs) in the same task
//     that finishes downloading app.wasm; together they held the page for over
//     200 ms. Here the program starts in a task of its own.
//  2. The engine's Web Worker (worker.js, see app/engine_worker.go) starts as soon as
//     app.wasm is compiled, beside the page's own start-up rather than after it, and
//     gets the compiled module itself: no second download or compilation, and the
//     functions one side has compiled are compiled for the other. On a first visit
//     it compares the seed demo before the page asks. What it says before the page
//     listens waits in parallaxEngine.early.
"use strict";
(() => {
  const instantiate = WebAssembly.instantiateStreaming;
  if (typeof instantiate !== "function") {
    return;
  }
  WebAssembly.instantiateStreaming = async function (source, imports) {
    const result = await instantiate.call(WebAssembly, source, imports);
    startEngine(result.module);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return result;
  };

  // demoLikely tells whether the page will show the seed demo: nothing saved (the
  // key is app/model.go's storageKey) and no shared link.
  function demoLikely() {
    try {
      return !localStorage.getItem("parallax/workspace/v1") && !location.hash;
    } catch (err) {
      return false;
    }
  }

  function startEngine(module) {
    try {
      const worker = new Worker("/web/worker.js");
      worker.postMessage({ module });
      if (demoLikely()) {
        worker.postMessage("parallax:demo");
      }
      const early = [];
      worker.onmessage = (e) => early.push({ data: e.data });
      worker.onerror = (e) => early.push({ error: e.message || "" });
      self.parallaxEngine = { worker, early };
    } catch (err) {
      // No worker here: the page starts its own, or compares on the page.
    }
  }
})();
