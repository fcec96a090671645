//go:build !js

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/cmd/parallax/fetch"
)

func init() { commands["serve"] = cmdServe }

// Security headers sent with every response. The policy allows the app's own files,
// WebAssembly compilation and nothing from other origins.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'none'"

func cmdServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	root := fs.String("root", ".", "directory that holds web/ (app.wasm, styles, icons)")
	noImport := fs.Bool("no-import", false, "turn off importing articles from links (GET /api/import)")
	if !parseFlags(fs, args, stderr) {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "parallax serve: unexpected argument %q (try: parallax help)\n", fs.Arg(0))
		return exitUsage
	}
	h, err := newServer(*root, importHandler(!*noImport, stderr))
	if err != nil {
		fmt.Fprintf(stderr, "parallax serve: %v\n", err)
		return exitInput
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "parallax serve: %v\n", err)
		return exitInput
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stdout, "Parallax is running at http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if *noImport {
		fmt.Fprintln(stdout, "Importing from links is off (--no-import)")
	}
	if err := serve(ctx, ln, h); err != nil {
		fmt.Fprintf(stderr, "parallax serve: %v\n", err)
		return exitInput
	}
	fmt.Fprintln(stdout, "parallax serve: stopped")
	return exitOK
}

// serve answers HTTP requests on ln until ctx is done, then shuts down gracefully,
// letting requests in flight finish for up to ten seconds.
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// importHandler is the import endpoint of parallax serve: fetch's on its defaults, its
// failures logged to stderr, or fetch.Off() when importing is turned off.
func importHandler(on bool, stderr io.Writer) http.Handler {
	if !on {
		return fetch.Off()
	}
	h := fetch.NewHandler()
	h.ErrorLog = log.New(stderr, "parallax serve: ", log.LstdFlags)
	return h
}

// importPath is where the server answers link imports (see fetch.Handler).
const importPath = "/api/import"

// newHandler returns the HTTP handler of the app whose files are under root/web, with
// link import on its defaults.
func newHandler(root string) (http.Handler, error) { return newServer(root, fetch.NewHandler()) }

// newServer returns the HTTP handler of the app whose files are under root/web; imp
// answers GET /api/import (fetch.Off() when importing is turned off).
func newServer(root string, imp http.Handler) (http.Handler, error) {
	ah, err := appHandler(root)
	if err != nil {
		return nil, err
	}
	return &server{app: ah, root: root, imp: imp}, nil
}

// appHandler configures go-app's handler for the files under root/web. The version
// is a hash of app.wasm, the other web files and the service worker, so browsers and
// the service worker refetch exactly when the app changes. The service worker caches
// everything the app needs, so that after the first visit it opens and works offline.
func appHandler(root string) (*app.Handler, error) {
	wasm := filepath.Join(root, "web", "app.wasm")
	st, err := os.Stat(wasm)
	if err != nil {
		return nil, fmt.Errorf("%s is missing: build it first with 'make build'", wasm)
	}
	version, err := webVersion(filepath.Join(root, "web"))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(root, "web"), err)
	}
	return &app.Handler{
		Name:        "Parallax",
		ShortName:   "Parallax",
		Title:       "Parallax: how outlets report the same story",
		Description: "Line up news articles about the same events and see each outlet's wording side by side. Runs in your browser: article text never leaves your machine.",
		Lang:        "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor:       "#fbfaf7",
		ThemeColor:            "#1d3557",
		LoadingLabel:          "Loading Parallax… {progress}%",
		Styles:                []string{"/web/parallax.css"},
		Scripts:               []string{"/web/boot.js"},
		Version:               version,
		CacheableResources:    offlineResources,
		ServiceWorkerTemplate: appWorkerJS,
		WasmContentLength:     strconv.FormatInt(st.Size(), 10),
		Resources:             webResources{http.StripPrefix("/web", http.FileServer(noListing{http.Dir(filepath.Join(root, "web"))}))},
	}, nil
}

// offlineResources are the files the app needs that go-app's service worker does not
// cache by itself (it does cache the page, app.js, wasm_exec.js, app.wasm, the
// manifest, the styles, the scripts it is given (web/boot.js) and the PNG icons): the engine's Web Worker script, which
// loads wasm_exec.js and app.wasm, and the SVG icon of the page and the manifest.
var offlineResources = []string{"/web/worker.js", "/web/icon.svg"}

// appWorkerJS is the service worker, go-app's app-worker.js (DefaultAppWorkerJS)
// made safe for bad networks. go-app's worker caches without event.waitUntil, so an
// update whose download fails halfway still installs and, once it activates, deletes
// the complete cache of the version before it: the app then no longer opens offline.
// This one installs a version only when all its files are cached, answers from that
// version's cache only, and leaves link imports (/api/) to the network, where they
// fail at once when offline. go-app's page script still registers it and announces
// updates (AppUpdater) when a new version activates. The app sends no notifications,
// so go-app's push handlers are left out.
const appWorkerJS = `// Parallax service worker: the whole app, one cache per version, for offline use.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    try {
      // "no-cache": the HTTP cache may still hold files of the previous version.
      await cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "no-cache" })));
    } catch (err) {
      await caches.delete(cacheName); // the page takes any other version's cache for an update
      throw err;
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName && key.startsWith("app-")) {
        await caches.delete(key);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
    return;
  }
  event.respondWith(fromCache(request));
});

async function fromCache(request) {
  // One copy of each file: app.wasm varies by Accept-Encoding on the wire only.
  const options = { cacheName, ignoreVary: true, ignoreSearch: request.mode === "navigate" };
  return (await caches.match(request, options)) || fetch(request);
}
`

// webVersion hashes the files directly under dir (app.wasm, styles, scripts, icons)
// and the service worker's script.
func webVersion(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	io.WriteString(h, appWorkerJS)
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".br") || strings.HasSuffix(e.Name(), ".gz") {
			continue
		}
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			return "", err
		}
		io.WriteString(h, e.Name())
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// webResources resolves /web/… paths to the same URL on this server (go-app's
// LocalDir would put its directory into the URL) and serves them from a directory.
type webResources struct{ http.Handler }

func (webResources) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return "/"
	case strings.HasPrefix(location, "http://"), strings.HasPrefix(location, "https://"):
		return location
	case strings.HasPrefix(location, "/web/"), strings.HasPrefix(location, "web/"):
		return "/" + strings.Trim(location, "/")
	}
	return location
}

// noListing hides directory listings.
type noListing struct{ fs http.FileSystem }

func (n noListing) Open(name string) (http.File, error) {
	f, err := n.fs.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || st.IsDir() {
		f.Close()
		return nil, os.ErrNotExist
	}
	return f, nil
}

// server adds security headers to go-app's handler, serves app.wasm precompressed and
// passes link imports to their endpoint.
type server struct {
	app  *app.Handler
	root string
	imp  http.Handler
	zip  compressCache // the app's text files, compressed
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", contentSecurityPolicy)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	if r.URL.Path == importPath {
		s.imp.ServeHTTP(w, r) // sets its own stricter headers, and answers 405 in JSON
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !cleanPath(r.URL.Path) {
		http.NotFound(w, r)
		return
	}
	switch r.URL.Path {
	case "/web/app.wasm", "/app.wasm", "/" + s.app.Version + "/web/app.wasm":
		s.serveWasm(w, r)
		return
	}
	serveCompressed(s.app, &s.zip, w, r)
}

// cleanPath reports whether a request path is absolute and free of "." and ".."
// segments and backslashes, so that no file outside web/ can be named.
func cleanPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// serveWasm serves web/app.wasm, as app.wasm.br or app.wasm.gz when the browser
// accepts it and the file exists.
func (s *server) serveWasm(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "application/wasm")
	hd.Set("Vary", "Accept-Encoding")
	hd.Set("Cache-Control", "no-cache")
	path := filepath.Join(s.root, "web", "app.wasm")
	raw, err := os.Stat(path)
	if err != nil {
		http.Error(w, "app.wasm is missing: run 'make build'", http.StatusNotFound)
		return
	}
	enc := ""
	for _, c := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(r.Header.Get("Accept-Encoding"), c.name) {
			continue
		}
		// A compressed copy older than app.wasm is stale (app.wasm was rebuilt
		// without 'parallax compress'): never serve an old app.
		if st, err := os.Stat(path + c.ext); err == nil && !st.ModTime().Before(raw.ModTime()) {
			path, enc = path+c.ext, c.name
			break
		}
	}
	f, err := os.Open(path)
	if err != nil {
		http.Error(w, "app.wasm is missing: run 'make build'", http.StatusNotFound)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.Error(w, "reading app.wasm failed", http.StatusInternalServerError)
		return
	}
	if enc != "" {
		hd.Set("Content-Encoding", enc)
	}
	hd.Set("ETag", `"`+s.app.Version+"-"+enc+`"`)
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// acceptsEncoding reports whether an Accept-Encoding header allows the coding.
func acceptsEncoding(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}
