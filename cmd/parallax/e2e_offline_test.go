//go:build browser && !js

// End-to-end test of the offline app in headless Chromium (see e2e_test.go). Run it
// with: go test -tags browser -run TestBrowserOffline ./cmd/parallax/

package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// appServer is parallax serve on one address, stopped and started again as a real
// server is for an update. Each start serves the files under root/web as they are.
type appServer struct {
	t    *testing.T
	root string
	addr string
	srv  *http.Server

	mu    sync.Mutex
	wasm  int // full downloads of app.wasm
	count int // requests answered
}

// newAppServer serves a copy of the built app: links to the files of web/ but a
// copy of the styles, which the test changes to make a new version.
func newAppServer(t *testing.T) *appServer {
	t.Helper()
	root := t.TempDir()
	web := filepath.Join(root, "web")
	if err := os.Mkdir(web, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(repoRoot, "web"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		src, err := filepath.Abs(filepath.Join(repoRoot, "web", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "parallax.css" {
			b, err := os.ReadFile(src)
			if err == nil {
				err = os.WriteFile(filepath.Join(web, e.Name()), b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.Symlink(src, filepath.Join(web, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	a := &appServer{t: t, root: root, addr: "127.0.0.1:0"}
	t.Cleanup(a.stop)
	return a
}

// start serves the app and returns its version.
func (a *appServer) start() string {
	a.t.Helper()
	registerRoutes()
	h, err := newHandler(a.root)
	if err != nil {
		a.t.Fatal(err)
	}
	ln, err := net.Listen("tcp", a.addr)
	if err != nil {
		a.t.Fatalf("serving the app again on %s: %v", a.addr, err)
	}
	a.addr = ln.Addr().String()
	a.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		a.mu.Lock()
		a.count++
		if r.URL.Path == "/web/app.wasm" && rec.status == http.StatusOK {
			a.wasm++
		}
		a.mu.Unlock()
	})}
	go a.srv.Serve(ln)
	ah, err := appHandler(a.root)
	if err != nil {
		a.t.Fatal(err)
	}
	return ah.Version
}

// stop closes the listener and every connection: nothing more can be served.
func (a *appServer) stop() {
	if a.srv != nil {
		a.srv.Close()
		a.srv = nil
	}
}

func (a *appServer) url() string { return "http://" + a.addr + "/" }

// requests returns how many requests were answered and how many of them sent the
// whole of app.wasm.
func (a *appServer) requests() (all, wasm int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.count, a.wasm
}

// restyle changes the styles: a new version of the app.
func (a *appServer) restyle(rule string) {
	a.t.Helper()
	if err := appendFile(filepath.Join(a.root, "web", "parallax.css"), "\n"+rule+"\n"); err != nil {
		a.t.Fatal(err)
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// jsAwait evaluates a JavaScript expression that returns a promise and returns the
// value the promise resolves to.
func jsAwait[T any](s *session, expr string) T {
	s.t.Helper()
	v, err := chromedp.Run(s.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		s.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// cachedFiles lists what the service worker's caches hold: cache name, then path
// and size of each file.
const cachedFiles = `(async () => {
	const out = {};
	for (const name of await caches.keys()) {
		const files = out[name] = {};
		const cache = await caches.open(name);
		for (const req of await cache.keys()) {
			files[new URL(req.url).pathname] = (await (await cache.match(req)).blob()).size;
		}
	}
	return out;
})()`

// offlineReady holds once the service worker controls the page and its cache holds
// the version's app.wasm (the worker caches all files or none).
func offlineReady(version string) string {
	return fmt.Sprintf(`(async () => {
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg || !reg.active || reg.active.state !== "activated" || !navigator.serviceWorker.controller) return false;
		const cache = await caches.has("app-%[1]s") && await caches.open("app-%[1]s");
		return !!cache && !!(await cache.match("/web/app.wasm"));
	})()`, version)
}

// networkSwitch turns the network off and on with the browser's network emulation,
// which is per target: in the page (navigator.onLine follows) and in each service
// worker, which it stays attached to while the network is off.
type networkSwitch struct {
	s       *session
	workers []context.CancelFunc
}

// emulateNetwork is the action that turns a target's network off or on.
func emulateNetwork(offline bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		rule := network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &offline,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}},
		}
		if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, rule); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	})
}

// off turns the network off in the page, then in the service workers.
func (n *networkSwitch) off() {
	n.s.t.Helper()
	n.s.do("turning the network off in the page", emulateNetwork(true))
	targets, err := chromedp.Targets(n.s.ctx)
	if err != nil {
		n.s.t.Fatal(err)
	}
	for _, ti := range targets {
		if ti.Type != "service_worker" {
			continue
		}
		ctx, cancel := chromedp.NewContext(n.s.ctx, chromedp.WithTargetID(ti.TargetID), chromedp.WithDetachOnCancel())
		n.workers = append(n.workers, cancel)
		if err := chromedp.Do(ctx, emulateNetwork(true)); err != nil {
			n.s.t.Fatalf("turning the network off in the service worker %s: %v", ti.URL, err)
		}
	}
}

// on turns the network on in the service workers (detaching from them ends their
// emulation), then in the page, whose online event makes the app look for updates.
func (n *networkSwitch) on() {
	n.s.t.Helper()
	for _, cancel := range n.workers {
		cancel()
	}
	n.workers = nil
	n.s.do("turning the network on in the page", emulateNetwork(false))
}

// offlineProbe is a file the service worker does not cache: offline, it cannot load.
const offlineProbe = "/web/screenshot.png"

// consoleErrors returns the errors the page logged or threw, but for the requests
// that fail while the network is off: link imports and the probe.
func (s *session) consoleErrors() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []string
	for _, m := range s.console {
		if m.Type != chromedp.ConsoleError && !m.IsException() {
			continue
		}
		if u, err := url.Parse(m.URL); err == nil && strings.HasPrefix(m.Text, "Failed to load resource: net::ERR_") && (u.Path == offlineProbe || u.Path == importPath) {
			continue
		}
		errs = append(errs, fmt.Sprintf("%s: %s (%s)", m.Type, m.Text, m.URL))
	}
	return errs
}

// After a first visit the app works with the network off and its server stopped:
// the demo compares, a pasted article compares, exports save, importing a link says
// it needs the network. A new version on the server then replaces the cached one,
// and the page offers to reload.
func TestBrowserOffline(t *testing.T) {
	s := newSession(t)
	a := newAppServer(t)
	v1 := a.start()
	s.url = a.url()

	// First visit, online: the service worker caches the app.
	s.open()
	s.waitFor("the service worker and its cache", offlineReady(v1))
	cached := jsAwait[map[string]map[string]float64](s, cachedFiles)
	files, ok := cached["app-"+v1]
	if !ok || len(cached) != 1 {
		t.Fatalf("caches %v, want one: app-%s", slices.Collect(maps.Keys(cached)), v1)
	}
	total := 0.0
	for _, n := range files {
		total += n
	}
	for _, f := range offlineFiles {
		if _, ok := files[f.path]; !ok {
			t.Errorf("the service worker did not cache %s (%s)", f.path, f.name)
		}
	}
	_, wasmDownloads := a.requests()
	var sizes []string
	for _, p := range slices.Sorted(maps.Keys(files)) {
		sizes = append(sizes, fmt.Sprintf("%s %.0f", p, files[p]))
	}
	t.Logf("the service worker caches %d files, %.2f MB: %s", len(files), total/1e6, strings.Join(sizes, ", "))
	t.Logf("first visit: app.wasm sent whole %d times (page, service worker, engine worker share the browser's HTTP cache)", wasmDownloads)
	if raw, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm")); err == nil && files["/web/app.wasm"] != float64(raw.Size()) {
		t.Errorf("the cached app.wasm has %v bytes, want app.wasm's %d (decoded)", files["/web/app.wasm"], raw.Size())
	}

	if jsEval[bool](s, `!!document.querySelector("#app-update")`) {
		t.Error("the first visit says a new version is ready")
	}
	// Chromium offers to install the app: go-app's install prompt, from the button.
	// The button comes and goes after the page is drawn: it must not move the page
	// under the reader's pointer (a click meant for a tab would land elsewhere).
	s.waitFor("the Install button", `!!document.querySelector("#app-install")`)
	const viewsTop = `document.querySelector("#views").getBoundingClientRect().top + scrollY`
	with := jsEval[float64](s, viewsTop)
	s.click("#app-install")
	s.waitFor("the Install button to go", `!document.querySelector("#app-install")`)
	if without := jsEval[float64](s, viewsTop); without != with {
		t.Errorf("the Install button moves the comparison: it starts %.0f px down the page with the button, %.0f px without", with, without)
	}

	// The network off, the server stopped.
	a.stop()
	wifi := &networkSwitch{s: s}
	wifi.off()
	if got := jsAwait[string](s, `fetch("`+offlineProbe+`", {cache: "no-store"}).then(r => "reached: " + r.status, e => "failed")`); got != "failed" {
		t.Fatalf("with the network off, a file the app does not cache was %s", got)
	}
	before, _ := a.requests()

	s.do("reloading offline", chromedp.Reload())
	s.waitDone()
	if got := s.status(); got != "done" {
		t.Fatalf("offline: status %q, want done; the page says %q", got, s.text("#status"))
	}
	t.Logf("offline reload: the demo's aligned view %.0f ms after navigation", jsEval[float64](s, `(performance.getEntriesByName("parallax-aligned")[0] || {startTime: -1}).startTime`))
	if got := jsEval[string](s, `document.querySelector(".px").dataset.engine`); got != "worker" {
		t.Errorf("offline, the engine ran on %q, want in its Web Worker (worker.js and app.wasm from the cache)", got)
	}
	if !jsEval[bool](s, `[...document.querySelectorAll('tr.claim td[data-doc^="000_"]')].some(td => /according to the Gaza health ministry/i.test(td.innerText))`) {
		t.Error("offline, the demo does not show the Gaza health ministry's death toll")
	}
	s.waitFor("the offline note", `(document.querySelector("#app-offline") || {innerText: ""}).innerText.includes("Offline: everything still works")`)
	if !jsEval[bool](s, `document.querySelector("#app-offline").closest("[role=status]") !== null`) {
		t.Error("the offline note is not in a status region")
	}

	// A new article, compared offline.
	s.paste("Classroom Gazette", `Secretary of State Antony Blinken met Israeli leaders in Tel Aviv on Tuesday to discuss the war in Gaza.
According to the Gaza Health Ministry, more than 23,000 Palestinians have been killed since October 7.`)
	s.waitStatus("6 articles compared")

	// Exports save files offline.
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(s.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	for _, ex := range []struct {
		button, file string
		want         []string
	}{
		{"#export-md", "parallax-comparison.md", []string{"Classroom Gazette", "## Framing", "> where: ", "<ins>", "numbers differ: "}},
		{"#export-csv", "parallax-claims.csv", []string{"Classroom Gazette"}},
	} {
		s.click(ex.button)
		s.waitFor("the export's message", fmt.Sprintf(`(document.querySelector("#tools-msg") || {innerText: ""}).innerText.includes("Saved %s")`, ex.file))
		b, err := waitFile(filepath.Join(dir, ex.file))
		if err != nil {
			t.Errorf("export %s offline: %v", ex.button, err)
		} else {
			for _, want := range ex.want {
				if !strings.Contains(string(b), want) {
					t.Errorf("export %s offline: %s lacks %q", ex.button, ex.file, want)
				}
			}
		}
	}

	// Importing a link needs the network: a clear message, at once.
	start := time.Now()
	s.do("adding a link", chromedp.SetValue(chromedp.CSS("#link-url"), "https://example.com/news/story"))
	s.click("#link-add")
	s.waitFor("the link's message", `!!document.querySelector("#link-msg")`)
	t.Logf("offline, Add from link answers in %v: %q", time.Since(start).Round(time.Millisecond), s.text("#link-msg"))
	if time.Since(start) > 5*time.Second {
		t.Errorf("offline, Add from link took %v to fail", time.Since(start))
	}
	if msg := s.text("#link-msg"); !strings.Contains(msg, "needs the network") {
		t.Errorf("offline, Add from link says %q, want that it needs the network", msg)
	}
	if after, _ := a.requests(); after != before {
		t.Errorf("the stopped server answered %d requests", after-before)
	}
	if errs := s.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors offline:\n%s", strings.Join(errs, "\n"))
	}

	// A new version on the server: back online, the service worker finds it, caches
	// it, takes over and the page offers to reload.
	a.restyle("/* version 2 */")
	v2 := a.start()
	if v2 == v1 {
		t.Fatal("changing the styles did not change the version")
	}
	wifi.on()
	s.waitFor("the update note", `!!document.querySelector("#app-update") && !document.querySelector("#app-offline")`)
	if msg := s.text("#app-updated"); !strings.Contains(msg, "A new version of Parallax is ready. Reload to use it") {
		t.Errorf("the update note says %q", msg)
	}
	// The note can come as the new service worker takes over, before it has deleted
	// the old version.
	s.waitFor("the old version's cache to go", fmt.Sprintf(`caches.keys().then(k => k.length === 1 && k[0] === "app-%s")`, v2))
	if res, err := chromedp.RunResponse(s.ctx, chromedp.Click(chromedp.CSS("#app-update"), chromedp.NodeVisible)); err != nil {
		t.Fatalf("pressing Reload: %v", err)
	} else if !res.FromServiceWorker {
		t.Error("after the update, the page did not come from the service worker")
	}
	s.waitStatus("6 articles compared")
	if got := jsEval[string](s, `goappGetenv("GOAPP_VERSION")`); got != v2 {
		t.Errorf("after Reload, the page's version is %s, want %s", got, v2)
	}
	if !jsAwait[bool](s, `fetch("/web/parallax.css").then(r => r.text()).then(t => t.includes("version 2"))`) {
		t.Error("after Reload, the page does not use the new styles")
	}
	if jsEval[bool](s, `!!document.querySelector("#app-update")`) {
		t.Error("after Reload, the update note is still there")
	}

	// The next day: a reload of the cached page finds the next version.
	a.stop()
	a.restyle("/* version 3 */")
	v3 := a.start()
	s.do("reloading", chromedp.Reload())
	s.waitFor("the update note", `!!document.querySelector("#app-update")`)
	s.waitFor("the new version's cache", offlineReady(v3))
	if errs := s.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// waitFile waits for a download to be complete.
func waitFile(name string) ([]byte, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := os.ReadFile(name)
		if err == nil && len(b) > 0 {
			return b, nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = errors.New("empty file")
			}
			return nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
