// Parallax start-up. It runs first, before go-app's app.js and wasm_exec.js (both
// deferred), and changes how app.js starts app.wasm in three ways:
//
//  1. app.wasm starts downloading and compiling here, as soon as this script runs,
//     rather than when the deferred app.js runs after the whole page is parsed, and
//     it streams straight into the compiler: app.js would pass every chunk through
//     its progress counter on the page's thread. app.js's own request for app.wasm
//     gets an empty answer (see wasmFetch); the compiled module stands in for it.
//  2. go-app starts the program (Go's start-up and package initialisation, where the
//     browser also compiles each function the first time it runs) in the same task
//     that finishes instantiating app.wasm; together they held the page for over
//     200 ms. Here the program starts in a task of its own.
//  3. The engine's Web Worker (worker.js, see app/engine_worker.go) starts as soon as
//     app.wasm is compiled, beside the page's own start-up rather than after it, and
//     gets the compiled module itself: no second download or compilation, and the
//     functions one side has compiled are compiled for the other. On a first visit
//     it compares the seed demo before the page asks. What it says before the page
//     listens waits in parallaxEngine.early.
//
// If the early compilation fails (a static host that sends app.wasm without the
// content type application/wasm, a network error), app.wasm is fetched again and
// compiled from its bytes.
"use strict";
(() => {
  if (typeof WebAssembly.instantiateStreaming !== "function" || typeof WebAssembly.compileStreaming !== "function") {
    return;
  }
  // go-app's loader does not start app.wasm for crawlers or with ?wasm=false
  // (goappCanLoadWebAssembly): neither does this.
  if (/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent) ||
      new URLSearchParams(location.search).get("wasm") === "false") {
    return;
  }
  const wasmURL = "/web/app.wasm";
  const fetchNow = window.fetch.bind(window);
  const early = WebAssembly.compileStreaming(fetchNow(wasmURL));
  early.catch(() => {}); // handled where it is awaited

  // wasmFetch answers app.js's request for app.wasm, once, with an empty body:
  // the module compiled above takes its place.
  let answered = false;
  window.fetch = function wasmFetch(input, init) {
    if (!answered && input === wasmURL) {
      answered = true;
      window.fetch = fetchNow;
      return Promise.resolve(new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } }));
    }
    return fetchNow(input, init);
  };

  WebAssembly.instantiateStreaming = async function (source, imports) {
    let module;
    try {
      module = await early;
    } catch (err) {
      console.warn("parallax: compiling app.wasm early failed (" + err + "); loading it again");
    }
    let result;
    if (module) {
      result = { module, instance: await WebAssembly.instantiate(module, imports) };
    } else {
      // Not as a stream: a host that serves app.wasm without its content type
      // (application/wasm) fails streaming compilation but not this.
      const resp = await fetchNow(wasmURL);
      if (!resp.ok) {
        throw new Error("app.wasm could not be loaded: the server answered " + resp.status);
      }
      result = await WebAssembly.instantiate(await resp.arrayBuffer(), imports);
    }
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
