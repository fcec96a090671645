//go:build browser && !js

package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// untypedWasm serves app.wasm as application/octet-stream, as some static hosts do
// for file types they do not know.
type untypedWasm struct{ http.ResponseWriter }

func (w untypedWasm) WriteHeader(code int) {
	w.Header().Set("Content-Type", "application/octet-stream")
	w.ResponseWriter.WriteHeader(code)
}

func (w untypedWasm) Write(b []byte) (int, error) {
	if w.Header().Get("Content-Type") != "application/octet-stream" {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// A host that serves app.wasm without its content type breaks the browser's streaming
// compilation, which web/boot.js starts early: the app then compiles app.wasm from its
// bytes and still compares the demo, in the worker.
func TestBrowserWasmUntyped(t *testing.T) {
	s := newSession(t)
	registerRoutes()
	h, err := newHandler(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" {
			w = untypedWasm{w}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL + "/"
	s.open()
	if got := s.status(); got != "done" {
		t.Fatalf("status %q, want done", got)
	}
	if n := jsEval[int](s, `document.querySelectorAll("#aligned .claim").length`); n == 0 {
		t.Error("the aligned view shows no claims")
	}
	if got := jsEval[string](s, `document.querySelector(".px").dataset.engine`); got != "worker" {
		t.Errorf("comparisons run on %q, want the worker", got)
	}
	s.mu.Lock()
	warned := false
	for _, m := range s.console {
		warned = warned || strings.Contains(m.Text, "compiling app.wasm early failed")
	}
	s.mu.Unlock()
	if !warned {
		t.Error("the page did not say that compiling app.wasm early failed: was app.wasm served with its content type?")
	}
	s.noConsoleErrors()
}

// With ?wasm=false go-app shows the server's page without starting the app, and
// web/boot.js does not download app.wasm either.
func TestBrowserNoWasm(t *testing.T) {
	s := newSession(t)
	s.do("loading the page without the app", chromedp.Navigate(s.url+"?wasm=false"))
	s.waitFor("the server's page", `document.readyState === "complete" && !!document.querySelector(".px")`)
	time.Sleep(500 * time.Millisecond) // time enough for a request that should not come
	if got := jsEval[[]string](s, `performance.getEntriesByType("resource").map(r => r.name).filter(n => n.includes("app.wasm"))`); len(got) > 0 {
		t.Errorf("app.wasm was requested with ?wasm=false: %v", got)
	}
	if got := jsEval[string](s, `document.querySelector(".px").dataset.client || ""`); got != "" {
		t.Errorf("the app started with ?wasm=false (client %q)", got)
	}
}
