//go:build !js

package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// offlineFiles are the files the app needs after its first visit, which the service
// worker must cache, and why.
var offlineFiles = []struct{ name, path string }{
	{"the page", "/"},
	{"go-app's loader", "/app.js"},
	{"the Go runtime's glue, also loaded by the engine worker", "/wasm_exec.js"},
	{"go-app's styles", "/app.css"},
	{"the app and its engine", "/web/app.wasm"},
	{"the engine's Web Worker", "/web/worker.js"},
	{"the start-up script, which starts the worker", "/web/boot.js"},
	{"the styles", "/web/parallax.css"},
	{"the manifest", "/manifest.webmanifest"},
	{"the page's icon", "/web/icon.svg"},
	{"the small app icon", "/web/icon-192.png"},
	{"the large app icon", "/web/icon-512.png"},
}

// offlineSite is a test site (see testSite) with the real files of web/ that the app
// needs offline, and a small fake app.wasm.
func offlineSite(t *testing.T) string {
	t.Helper()
	root := testSite(t, true)
	for _, name := range []string{"worker.js", "boot.js", "parallax.css", "icon.svg", "icon-192.png", "icon-512.png"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "web", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func offlineServer(t *testing.T, root string) *httptest.Server {
	t.Helper()
	registerRoutes()
	h, err := newHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

var cachedList = regexp.MustCompile(`const resourcesToCache = (\[.*\]);`)

// serviceWorker returns the text of app-worker.js and the files it caches.
func serviceWorker(t *testing.T, srv *httptest.Server) (string, []string) {
	t.Helper()
	res, body := get(t, srv, "GET", "/app-worker.js", "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /app-worker.js = %d, want 200", res.StatusCode)
	}
	m := cachedList.FindSubmatch(body)
	if m == nil {
		t.Fatalf("app-worker.js has no list of files to cache:\n%s", body)
	}
	var files []string
	if err := json.Unmarshal(m[1], &files); err != nil {
		t.Fatalf("app-worker.js: the files to cache %s: %v", m[1], err)
	}
	return string(body), files
}

// Every file the app needs is in the service worker's list, and every file in the
// list is served: one missing file fails the worker's installation.
func TestServiceWorkerCachesTheApp(t *testing.T) {
	srv := offlineServer(t, offlineSite(t))
	_, cached := serviceWorker(t, srv)
	for _, f := range offlineFiles {
		t.Run(f.path, func(t *testing.T) {
			if !slices.Contains(cached, f.path) {
				t.Errorf("the service worker does not cache %s (%s): %q", f.path, f.name, cached)
			}
		})
	}
	for _, path := range cached {
		if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") {
			t.Errorf("the service worker caches %q, from another site", path)
			continue
		}
		if res, body := get(t, srv, "GET", path, "br, gzip"); res.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("GET %s, which the service worker caches, = %d with %d bytes, want 200 and content", path, res.StatusCode, len(body))
		}
	}
}

// Whatever the page, the manifest, the styles and the engine's worker load is cached.
func TestServiceWorkerCachesWhatTheAppLoads(t *testing.T) {
	srv := offlineServer(t, offlineSite(t))
	_, cached := serviceWorker(t, srv)
	tests := []struct {
		name, path string
		ref        *regexp.Regexp // its submatch 1 is a path the file loads
	}{
		{"page", "/", regexp.MustCompile(`(?:src|href)="(/[^/"][^"]*)"`)},
		{"manifest", "/manifest.webmanifest", regexp.MustCompile(`"(?:src|start_url)":"(/[^"]*)"`)},
		{"styles", "/web/parallax.css", regexp.MustCompile(`url\(["']?(/[^)"']+)`)},
		{"engine worker", "/web/worker.js", regexp.MustCompile(`(?:importScripts|fetch)\("(/[^"]+)"`)},
		{"start-up script", "/web/boot.js", regexp.MustCompile(`(?:Worker|fetch)\("(/[^"]+)"`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, body := get(t, srv, "GET", tt.path, "")
			n := 0
			for _, m := range tt.ref.FindAllSubmatch(body, -1) {
				n++
				if ref := string(m[1]); !slices.Contains(cached, ref) {
					t.Errorf("%s loads %s, which the service worker does not cache", tt.path, ref)
				}
			}
			if n == 0 && tt.name != "styles" {
				t.Errorf("found nothing that %s loads: has its format changed?", tt.path)
			}
		})
	}
}

// The service worker's cache is named after the version, which changes exactly when
// a file of web/ does: the browser then installs the new worker, which caches the
// new files and deletes the old cache.
func TestServiceWorkerVersion(t *testing.T) {
	tests := []struct {
		name    string
		change  func(web string) error
		newVers bool
	}{
		{"same files", func(string) error { return nil }, false},
		{"styles changed", func(web string) error { return appendFile(filepath.Join(web, "parallax.css"), "\n.new{}") }, true},
		{"app rebuilt", func(web string) error { return appendFile(filepath.Join(web, "app.wasm"), "\x00") }, true},
		{"engine worker changed", func(web string) error { return appendFile(filepath.Join(web, "worker.js"), "\n// v2") }, true},
		{"new icon", func(web string) error { return os.WriteFile(filepath.Join(web, "icon-64.png"), []byte("png"), 0o644) }, true},
		{"compressed copies only", func(web string) error { return appendFile(filepath.Join(web, "app.wasm.gz"), "\x00") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := offlineSite(t)
			before, err := appHandler(root)
			if err != nil {
				t.Fatal(err)
			}
			script, _ := serviceWorker(t, offlineServer(t, root))
			if !strings.Contains(script, `const cacheName = "app-" + "`+before.Version+`";`) {
				t.Fatalf("app-worker.js does not name its cache after the version %s:\n%.300s", before.Version, script)
			}
			if err := tt.change(filepath.Join(root, "web")); err != nil {
				t.Fatal(err)
			}
			after, err := appHandler(root)
			if err != nil {
				t.Fatal(err)
			}
			if changed := after.Version != before.Version; changed != tt.newVers {
				t.Errorf("version %s, then %s: changed = %v, want %v", before.Version, after.Version, changed, tt.newVers)
			}
			script2, _ := serviceWorker(t, offlineServer(t, root))
			if changed := script2 != script; changed != tt.newVers {
				t.Errorf("app-worker.js changed = %v, want %v: the browser looks for updates by comparing it", changed, tt.newVers)
			}
		})
	}
}

func appendFile(name, s string) error {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(s)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// The service worker's script is complete and the Content-Security-Policy lets the
// page register it and the engine's worker load its scripts.
func TestServiceWorkerScript(t *testing.T) {
	srv := offlineServer(t, offlineSite(t))
	res, body := get(t, srv, "GET", "/app-worker.js", "")
	script := string(body)
	csp := res.Header.Get("Content-Security-Policy")
	tests := []struct {
		name string
		ok   bool
	}{
		{"JavaScript", strings.Contains(res.Header.Get("Content-Type"), "javascript")},
		{"template filled", !strings.Contains(script, "{{")},
		{"installs only once everything is cached", strings.Contains(script, "event.waitUntil") && strings.Contains(script, "cache.addAll")},
		{"link imports left to the network", strings.Contains(script, `"/api/"`)},
		{"CSP worker-src 'self'", strings.Contains(csp, "worker-src 'self'")},
		{"CSP script-src 'self'", strings.Contains(csp, "script-src 'self'")},
		{"CSP connect-src 'self'", strings.Contains(csp, "connect-src 'self'")},
		{"revalidated", res.Header.Get("Cache-Control") == "no-cache"},
	}
	for _, tt := range tests {
		if !tt.ok {
			t.Errorf("app-worker.js: not %s (Content-Type %q, CSP %q)", tt.name, res.Header.Get("Content-Type"), csp)
		}
	}
}

// The manifest makes the app installable: a name, icons of 192 and 512 pixels, a
// start URL the service worker caches, its own window.
func TestManifest(t *testing.T) {
	srv := offlineServer(t, offlineSite(t))
	_, cached := serviceWorker(t, srv)
	res, body := get(t, srv, "GET", "/manifest.webmanifest", "")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), "manifest+json") {
		t.Fatalf("GET /manifest.webmanifest = %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var m struct {
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		ThemeColor      string `json:"theme_color"`
		BackgroundColor string `json:"background_color"`
		Icons           []struct{ Src, Type, Sizes string }
	}
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("the manifest is not valid JSON: %v\n%s", err, body)
	}
	tests := []struct{ field, got, want string }{
		{"name", m.Name, "Parallax"},
		{"short_name", m.ShortName, "Parallax"},
		{"start_url", m.StartURL, "/"},
		{"scope", m.Scope, "/"},
		{"display", m.Display, "standalone"},
		{"theme_color", m.ThemeColor, "#1d3557"},
		{"background_color", m.BackgroundColor, "#fbfaf7"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("manifest %s = %q, want %q", tt.field, tt.got, tt.want)
		}
	}
	if !slices.Contains(cached, m.StartURL) {
		t.Errorf("the service worker does not cache the start URL %q", m.StartURL)
	}
	sizes := map[string]bool{}
	for _, ic := range m.Icons {
		sizes[ic.Sizes] = true
		if !slices.Contains(cached, ic.Src) {
			t.Errorf("the service worker does not cache the icon %s", ic.Src)
		}
		if res, _ := get(t, srv, "GET", ic.Src, ""); res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "image/") {
			t.Errorf("icon %s: %d, %s", ic.Src, res.StatusCode, res.Header.Get("Content-Type"))
		}
	}
	for _, want := range []string{"192x192", "512x512"} {
		if !sizes[want] {
			t.Errorf("no %s icon in the manifest: browsers need one to install the app", want)
		}
	}
}
