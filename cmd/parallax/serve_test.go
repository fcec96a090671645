//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"parallax/cmd/parallax/fetch"
)

// registerRoutes registers the app's pages once: main does it in the binary.
var registerRoutes = sync.OnceFunc(routes)

// fakeWasm is the content of the test site's app.wasm.
var fakeWasm = bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 parallax test module "), 400)

// testSite writes a small web/ directory (app.wasm and its precompressed copies,
// styles, a worker script) and returns its root.
func testSite(t testing.TB, compressed bool) string {
	t.Helper()
	root := t.TempDir()
	web := filepath.Join(root, "web")
	if err := os.MkdirAll(filepath.Join(web, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"app.wasm":     fakeWasm,
		"parallax.css": []byte("body{}"),
		"worker.js":    []byte("// worker"),
		"sub/a.txt":    []byte("a"),
	}
	if compressed {
		br, gz := compressBytes(fakeWasm)
		files["app.wasm.br"], files["app.wasm.gz"] = br, gz
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(web, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Map order decides which file is written last; the compressed copies must not look
	// older than app.wasm, or the server rightly takes them for stale.
	later := time.Now().Add(time.Second)
	for _, ext := range []string{".br", ".gz"} {
		if compressed {
			if err := os.Chtimes(filepath.Join(web, "app.wasm"+ext), later, later); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A secret next to web/ that no request may reach.
	if err := os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	return root
}

func testServer(t *testing.T, compressed bool) *httptest.Server {
	t.Helper()
	registerRoutes()
	h, err := newHandler(testSite(t, compressed))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// get requests path with the given Accept-Encoding ("" for none) and returns the
// response with its body read. Go's transport must not decode it for us.
func get(t *testing.T, srv *httptest.Server, method, path, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	return request(t, srv, method, path, http.Header{"Accept-Encoding": {acceptEncoding}})
}

// request sends a request with the given headers and returns the response with its
// body read, undecoded.
func request(t *testing.T, srv *httptest.Server, method, path string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	res, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

func TestSecurityHeaders(t *testing.T) {
	srv := testServer(t, true)
	for _, path := range []string{"/", "/web/app.wasm", "/web/parallax.css", "/app.js", "/wasm_exec.js", "/nope", "/web/nope.css"} {
		res, _ := get(t, srv, "GET", path, "")
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "no-referrer",
			"X-Frame-Options":        "DENY",
		} {
			if got := res.Header.Get(k); got != want {
				t.Errorf("GET %s: %s = %q, want %q", path, k, got, want)
			}
		}
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "'wasm-unsafe-eval'", "object-src 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: Content-Security-Policy %q lacks %q", path, csp, want)
			}
		}
		for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "*"} {
			if strings.Contains(strings.ReplaceAll(csp, "'wasm-unsafe-eval'", ""), bad) {
				t.Errorf("GET %s: Content-Security-Policy %q allows %s", path, csp, bad)
			}
		}
	}
}

func TestPage(t *testing.T) {
	srv := testServer(t, true)
	res, body := get(t, srv, "GET", "/", "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d, want 200", res.StatusCode)
	}
	page := string(body)
	for _, want := range []string{"<title>Parallax", `href="/web/parallax.css"`, `src="/app.js"`, "/web/icon.svg", "never leaves"} {
		if !strings.Contains(page, want) {
			t.Errorf("GET / lacks %q", want)
		}
	}
	// Nothing may come from another origin: the app works offline.
	// (go-app's empty og:url "https://" and the link field's placeholder load nothing.)
	if strings.Contains(page, "githubusercontent") {
		t.Error("GET / refers to githubusercontent")
	}
	if m := regexp.MustCompile(`(src|href|srcset|action)=["']?(https?:)?//`).FindString(page); m != "" {
		t.Errorf("GET / loads from another host: %s", m)
	}
	_, appJS := get(t, srv, "GET", "/app.js", "")
	if !strings.Contains(string(appJS), `const goappWasmContentLength = "`+strconv.Itoa(len(fakeWasm))+`"`) {
		t.Errorf("app.js does not give the raw size of app.wasm (%d) for the load progress", len(fakeWasm))
	}
}

func TestWasmEncoding(t *testing.T) {
	tests := []struct {
		name       string
		compressed bool // the site has app.wasm.br and app.wasm.gz
		accept     string
		want       string // Content-Encoding
	}{
		{"brotli preferred", true, "gzip, deflate, br, zstd", "br"},
		{"gzip only", true, "gzip", "gzip"},
		{"gzip with quality", true, "gzip;q=1.0, identity; q=0.5", "gzip"},
		{"brotli refused", true, "br;q=0, gzip", "gzip"},
		{"none accepted", true, "", ""},
		{"identity", true, "identity", ""},
		{"no precompressed files", false, "gzip, br", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := testServer(t, tt.compressed)
			for _, path := range []string{"/web/app.wasm", "/app.wasm"} {
				res, body := get(t, srv, "GET", path, tt.accept)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("GET %s = %d, want 200", path, res.StatusCode)
				}
				if got := res.Header.Get("Content-Encoding"); got != tt.want {
					t.Errorf("GET %s with Accept-Encoding %q: Content-Encoding = %q, want %q", path, tt.accept, got, tt.want)
				}
				if got := res.Header.Get("Content-Type"); got != "application/wasm" {
					t.Errorf("GET %s: Content-Type = %q, want application/wasm", path, got)
				}
				if got := res.Header.Get("Vary"); got != "Accept-Encoding" {
					t.Errorf("GET %s: Vary = %q, want Accept-Encoding", path, got)
				}
				if got := decode(t, tt.want, body); !bytes.Equal(got, fakeWasm) {
					t.Errorf("GET %s: decoded body is %d bytes, want app.wasm's %d", path, len(got), len(fakeWasm))
				}
			}
		})
	}
}

// The page, scripts, manifest and service worker go out compressed, each encoding
// with its own ETag that still revalidates to 304; small files, HEAD and range
// requests go out as they are.
func TestTextEncoding(t *testing.T) {
	srv := testServer(t, true)
	paths := []string{"/", "/app.js", "/wasm_exec.js", "/manifest.webmanifest", "/app-worker.js"}
	tests := []struct {
		accept string
		want   string // Content-Encoding
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
		{"identity", ""},
	}
	for _, path := range paths {
		plain, want := get(t, srv, "GET", path, "")
		if plain.StatusCode != http.StatusOK || len(want) < minCompress {
			t.Fatalf("GET %s = %d with %d bytes: want 200 and at least %d bytes to compress", path, plain.StatusCode, len(want), minCompress)
		}
		if !strings.Contains(plain.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("GET %s uncompressed: Vary %q; a shared cache could hand it to every browser", path, plain.Header.Get("Vary"))
		}
		for _, tt := range tests {
			res, body := get(t, srv, "GET", path, tt.accept)
			if got := res.Header.Get("Content-Encoding"); got != tt.want {
				t.Errorf("GET %s with Accept-Encoding %q: Content-Encoding = %q, want %q", path, tt.accept, got, tt.want)
				continue
			}
			if got := decode(t, tt.want, body); !sameBody(path, got, want) {
				t.Errorf("GET %s with Accept-Encoding %q: decoded body differs from the uncompressed one (%d bytes, want %d)", path, tt.accept, len(got), len(want))
			}
			if tt.want == "" {
				continue
			}
			if len(body) >= len(want)*2/3 {
				t.Errorf("GET %s as %s: %d bytes of %d: hardly compressed", path, tt.want, len(body), len(want))
			}
			if n, _ := strconv.Atoi(res.Header.Get("Content-Length")); n != len(body) {
				t.Errorf("GET %s as %s: Content-Length %q for %d bytes", path, tt.want, res.Header.Get("Content-Length"), len(body))
			}
			etag, plainTag := res.Header.Get("ETag"), plain.Header.Get("ETag")
			if etag != strings.TrimSuffix(plainTag, `"`)+"-"+tt.want+`"` || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("GET %s as %s: ETag %s (uncompressed %s), Vary %q", path, tt.want, etag, plainTag, res.Header.Get("Vary"))
			}
			again, b := request(t, srv, "GET", path, http.Header{"Accept-Encoding": {tt.accept}, "If-None-Match": {etag}})
			if again.StatusCode != http.StatusNotModified || len(b) != 0 || again.Header.Get("ETag") != etag || !strings.Contains(again.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("GET %s as %s, If-None-Match %s: %d, ETag %s, Vary %q, %d bytes; want 304 with that ETag and Vary", path, tt.want, etag, again.StatusCode, again.Header.Get("ETag"), again.Header.Get("Vary"), len(b))
			}
		}
	}
	// A file too small to compress keeps its own ETag, on revalidation too.
	small, _ := get(t, srv, "GET", "/web/parallax.css", "br")
	again, _ := request(t, srv, "GET", "/web/parallax.css", http.Header{"Accept-Encoding": {"br"}, "If-None-Match": {small.Header.Get("ETag")}})
	if again.StatusCode != http.StatusNotModified || again.Header.Get("ETag") != small.Header.Get("ETag") {
		t.Errorf("revalidating an uncompressed small file (ETag %s): %d with ETag %s; want 304 with the same ETag", small.Header.Get("ETag"), again.StatusCode, again.Header.Get("ETag"))
	}
	for _, tt := range []struct {
		name   string
		method string
		path   string
		header http.Header
		status int
	}{
		{"a file too small to gain", "GET", "/web/parallax.css", http.Header{}, http.StatusOK},
		{"HEAD", "HEAD", "/app.js", http.Header{}, http.StatusOK},
		{"a range", "GET", "/web/worker.js", http.Header{"Range": {"bytes=0-3"}}, http.StatusPartialContent},
	} {
		tt.header.Set("Accept-Encoding", "br, gzip")
		res, _ := request(t, srv, tt.method, tt.path, tt.header)
		if res.StatusCode != tt.status || res.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s (%s %s): %d, Content-Encoding %q; want %d, none", tt.name, tt.method, tt.path, res.StatusCode, res.Header.Get("Content-Encoding"), tt.status)
		}
	}
}

// sameBody reports whether two responses for path are the same. go-app writes the
// page's attributes in a different order on every request (map order), so pages are
// compared as multisets of bytes.
func sameBody(path string, a, b []byte) bool {
	if path != "/" {
		return bytes.Equal(a, b)
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return bytes.Equal(a, b)
}

func decode(t *testing.T, enc string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "":
		return b
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return out
}

func TestWasmCaching(t *testing.T) {
	srv := testServer(t, true)
	res, _ := get(t, srv, "GET", "/web/app.wasm", "br")
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatal("app.wasm has no ETag")
	}
	req, _ := http.NewRequest("GET", srv.URL+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	req.Header.Set("If-None-Match", etag)
	res2, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("GET app.wasm with If-None-Match %s = %d, want 304", etag, res2.StatusCode)
	}
	// A different encoding is a different representation: its ETag differs.
	res3, _ := get(t, srv, "GET", "/web/app.wasm", "gzip")
	if res3.Header.Get("ETag") == etag {
		t.Errorf("brotli and gzip app.wasm share the ETag %s", etag)
	}
}

func TestNotFound(t *testing.T) {
	srv := testServer(t, true)
	tests := []struct {
		name, method, path string
		want               int
	}{
		{"unknown page", "GET", "/nope", 404},
		{"unknown file", "GET", "/web/nope.css", 404},
		{"directory listing of web", "GET", "/web/", 404},
		{"directory listing of a subdirectory", "GET", "/web/sub/", 404},
		{"directory without slash", "GET", "/web/sub", 404},
		{"traversal", "GET", "/web/../secret.txt", 404},
		{"encoded traversal", "GET", "/web/%2e%2e/secret.txt", 404},
		{"encoded slash traversal", "GET", "/web/..%2fsecret.txt", 404},
		{"double encoded traversal", "GET", "/web/%252e%252e/secret.txt", 404},
		{"versioned traversal", "GET", "/v1/web/../../secret.txt", 404},
		{"file outside web", "GET", "/secret.txt", 404},
		{"file in subdirectory", "GET", "/web/sub/a.txt", 200},
		{"POST", "POST", "/", 405},
		{"DELETE", "DELETE", "/web/app.wasm", 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, srv, tt.method, tt.path, "")
			if res.StatusCode != tt.want {
				t.Errorf("%s %s = %d, want %d", tt.method, tt.path, res.StatusCode, tt.want)
			}
			if strings.Contains(string(body), "secret") {
				t.Errorf("%s %s leaked the secret file", tt.method, tt.path)
			}
			if strings.Contains(string(body), "<pre>") || strings.Contains(string(body), `href="a.txt"`) {
				t.Errorf("%s %s lists a directory:\n%s", tt.method, tt.path, body)
			}
		})
	}
	// Raw request paths that Go's client would clean.
	for _, raw := range []string{"/web/../secret.txt", "/../secret.txt", "/web/./../secret.txt"} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, "GET "+raw+" HTTP/1.0\r\nHost: x\r\n\r\n")
		b, _ := io.ReadAll(conn)
		conn.Close()
		if strings.Contains(string(b), "\r\n\r\nsecret") {
			t.Errorf("raw GET %s leaked the secret file", raw)
		}
	}
}

func TestMissingWasm(t *testing.T) {
	root := t.TempDir()
	if _, err := newHandler(root); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("newHandler without app.wasm: error %v, want one that says to run make build", err)
	}
}

func TestServeShutdown(t *testing.T) {
	registerRoutes()
	h, err := newHandler(testSite(t, false))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, h) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/web/parallax.css")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel = %v, want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
}

func TestServeCommandErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"extra argument", []string{"serve", "x"}, exitUsage, "unexpected argument"},
		{"bad flag", []string{"serve", "--port", "1"}, exitUsage, "flag provided but not defined"},
		{"no app.wasm", []string{"serve", "--root", os.TempDir() + "/parallax-no-such-dir"}, exitInput, "make build"},
		{"bad address", []string{"serve", "--root", "", "--addr", "256.0.0.1:x"}, exitInput, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "bad address" {
				tt.args[2] = testSite(t, false)
			}
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, nil, &stdout, &stderr); got != tt.want {
				t.Errorf("parallax %v = %d, want %d (stderr %q)", tt.args, got, tt.want, stderr.String())
			}
			if lines := strings.Count(strings.TrimSpace(stderr.String()), "\n"); lines > 0 || !strings.Contains(stderr.String(), tt.msg) {
				t.Errorf("parallax %v: stderr %q, want one line containing %q", tt.args, stderr.String(), tt.msg)
			}
		})
	}
}

func TestBuildStatic(t *testing.T) {
	registerRoutes()
	root := testSite(t, true)
	out := filepath.Join(t.TempDir(), "site")
	var stdout, stderr bytes.Buffer
	if got := run([]string{"build-static", "--root", root, out}, nil, &stdout, &stderr); got != exitOK {
		t.Fatalf("build-static = %d: %s", got, stderr.String())
	}
	for _, f := range []string{"index.html", "app.js", "wasm_exec.js", "manifest.webmanifest", "web/app.wasm", "web/app.wasm.br", "web/parallax.css", "web/worker.js"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("static site lacks %s", f)
		}
	}
}

func TestCompress(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.wasm")
	if err := os.WriteFile(path, fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if got := run([]string{"compress", path}, nil, &stdout, &stderr); got != exitOK {
		t.Fatalf("compress = %d: %s", got, stderr.String())
	}
	for ext, enc := range map[string]string{".br": "br", ".gz": "gzip"} {
		b, err := os.ReadFile(path + ext)
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, enc, b); !bytes.Equal(got, fakeWasm) {
			t.Errorf("%s does not decode to the original", path+ext)
		}
	}
	if !strings.Contains(stdout.String(), "brotli") {
		t.Errorf("compress printed %q, want the sizes", stdout.String())
	}
	// Up to date: a second run does not compress again, but the copies become as
	// new as the file, which a rebuild may have touched, so the server uses them.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if got := run([]string{"compress", path}, nil, &stdout, &stderr); got != exitOK || !strings.Contains(stdout.String(), "up to date") {
		t.Errorf("second compress = %d, %q; want 0 and “up to date”", got, stdout.String())
	}
	for _, ext := range []string{".br", ".gz"} {
		if st, err := os.Stat(path + ext); err != nil || st.ModTime().Before(later.Add(-time.Second)) {
			t.Errorf("after an up-to-date compress, %s is older than %s", path+ext, path)
		}
	}
	if got := run([]string{"compress", filepath.Join(dir, "missing")}, nil, &stdout, &stderr); got != exitInput {
		t.Errorf("compress of a missing file = %d, want %d", got, exitInput)
	}
}

func TestStaleCompressedWasm(t *testing.T) {
	registerRoutes()
	root := testSite(t, true)
	// app.wasm rebuilt after its compressed copies: they must not be served.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(root, "web", "app.wasm"), later, later); err != nil {
		t.Fatal(err)
	}
	h, err := newHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	res, body := get(t, srv, "GET", "/web/app.wasm", "br, gzip")
	if enc := res.Header.Get("Content-Encoding"); enc != "" || !bytes.Equal(body, fakeWasm) {
		t.Errorf("stale compressed copies: got Content-Encoding %q and %d bytes, want the raw app.wasm", enc, len(body))
	}
}

// importServer is the app's server with the given import endpoint.
func importServer(t *testing.T, imp http.Handler) *httptest.Server {
	t.Helper()
	registerRoutes()
	h, err := newServer(testSite(t, false), imp)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// getImport asks srv's import endpoint for link, with the given Sec-Fetch-Site
// ("" for none), and decodes the JSON answer.
func getImport(t *testing.T, srv *httptest.Server, method, link, fetchSite string) (*http.Response, map[string]string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+"/api/import?url="+url.QueryEscape(link), nil)
	if err != nil {
		t.Fatal(err)
	}
	if fetchSite != "" {
		req.Header.Set("Sec-Fetch-Site", fetchSite)
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatalf("%s /api/import?url=%s: body is not JSON: %v", method, link, err)
	}
	return res, body
}

func TestImportEndpoint(t *testing.T) {
	site := articleSite(t)
	srv := importServer(t, testImporter())
	tests := []struct {
		name, method, link, fetchSite string
		code                          int
		field, want                   string // a field of the JSON answer and what it holds
	}{
		{"article", "GET", site.URL + "/news", "same-origin", 200, "title", "Flood defences hold as river peaks in Lanford"},
		{"outlet", "GET", site.URL + "/regional", "", 200, "outlet", "Northgate Courier"},
		{"home page", "GET", site.URL + "/index", "same-origin", 422, "error", "that page is not an article"},
		{"not HTML", "GET", site.URL + "/image", "same-origin", 502, "error", "that link is not a web page"},
		{"no link", "GET", "", "same-origin", 400, "error", "give a link to import"},
		{"scheme", "GET", "file:///etc/passwd", "same-origin", 400, "error", "only http and https links can be imported"},
		{"metadata address", "GET", "http://169.254.169.254/latest/meta-data/", "same-origin", 403, "error", "that address is not allowed"},
		{"other site", "GET", site.URL + "/news", "cross-site", 403, "error", "imports must come from this app, not from another site"},
		{"POST", "POST", site.URL + "/news", "same-origin", 405, "error", "use GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := getImport(t, srv, tt.method, tt.link, tt.fetchSite)
			if res.StatusCode != tt.code || body[tt.field] != tt.want {
				t.Errorf("%s /api/import?url=%s = %d %v; want %d with %s %q", tt.method, tt.link, res.StatusCode, body, tt.code, tt.field, tt.want)
			}
			checkImportHeaders(t, res)
		})
	}
}

// checkImportHeaders checks the headers of every answer of the import endpoint: JSON
// that is never sniffed, rendered, framed, cached or shared with another origin.
func checkImportHeaders(t *testing.T, res *http.Response) {
	t.Helper()
	for k, want := range map[string]string{
		"Content-Type":                 "application/json; charset=utf-8",
		"X-Content-Type-Options":       "nosniff",
		"Cache-Control":                "no-store",
		"X-Frame-Options":              "DENY",
		"Referrer-Policy":              "no-referrer",
		"Cross-Origin-Resource-Policy": "same-origin",
		"Access-Control-Allow-Origin":  "",
	} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("/api/import: %s = %q, want %q", k, got, want)
		}
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'none'") || !strings.Contains(csp, "sandbox") {
		t.Errorf("/api/import: Content-Security-Policy = %q, want default-src 'none' and sandbox", csp)
	}
}

// TestImportDefaults checks the endpoint that parallax serve mounts by default: it is
// there, and it refuses the machine itself (tests alone may allow loopback).
func TestImportDefaults(t *testing.T) {
	site := articleSite(t)
	srv := testServer(t, false)
	res, body := getImport(t, srv, "GET", site.URL+"/news", "same-origin")
	if res.StatusCode != http.StatusForbidden || body["error"] != "that address is not allowed" {
		t.Errorf("default /api/import of a loopback link = %d %v, want 403 “that address is not allowed”", res.StatusCode, body)
	}
	checkImportHeaders(t, res)
	for _, on := range []bool{true, false} {
		if _, fetches := importHandler(on, io.Discard).(*fetch.Handler); fetches != on {
			t.Errorf("importHandler(%v) = %T", on, importHandler(on, io.Discard))
		}
	}
}

func TestNoImport(t *testing.T) {
	site := articleSite(t)
	srv := importServer(t, importHandler(false, io.Discard))
	res, body := getImport(t, srv, "GET", site.URL+"/news", "same-origin")
	if res.StatusCode != http.StatusNotFound || body["error"] != "importing from links is turned off on this server" {
		t.Errorf("/api/import with --no-import = %d %v, want 404 and that importing is off", res.StatusCode, body)
	}
	checkImportHeaders(t, res)
	// The rest of the app is served as before.
	if res, _ := get(t, srv, "GET", "/web/parallax.css", ""); res.StatusCode != http.StatusOK {
		t.Errorf("GET /web/parallax.css with --no-import = %d, want 200", res.StatusCode)
	}
	var stderr bytes.Buffer
	if code := run([]string{"serve", "--no-import", "--root", os.TempDir() + "/parallax-no-such-dir"}, nil, io.Discard, &stderr); code != exitInput || strings.Contains(stderr.String(), "no-import") {
		t.Errorf("parallax serve --no-import = %d (%q), want the flag accepted", code, stderr.String())
	}
}

// TestBuildStaticNoImport checks that a static build has no import endpoint: nothing
// under api/.
func TestBuildStaticNoImport(t *testing.T) {
	registerRoutes()
	out := filepath.Join(t.TempDir(), "site")
	var stderr bytes.Buffer
	if got := run([]string{"build-static", "--root", testSite(t, false), out}, nil, io.Discard, &stderr); got != exitOK {
		t.Fatalf("build-static = %d: %s", got, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "api")); !os.IsNotExist(err) {
		t.Errorf("static site has %s (err %v), want no import endpoint", filepath.Join(out, "api"), err)
	}
}

// BenchmarkCompressPage measures compressing the page as the server does on every
// request for it (pages are not kept): brotli, with a reused writer.
func BenchmarkCompressPage(b *testing.B) {
	registerRoutes()
	h, err := newHandler(testSite(b, true))
	if err != nil {
		b.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	page := rec.Body.Bytes()
	if rec.Code != http.StatusOK || len(page) < minCompress {
		b.Fatalf("GET / = %d with %d bytes", rec.Code, len(page))
	}
	var n int
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		n = len(compress("br", page))
	}
	b.ReportMetric(float64(n), "compressed-bytes")
}
