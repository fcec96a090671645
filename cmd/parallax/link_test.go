//go:build !js

package main

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"parallax/cmd/parallax/fetch"
)

// loopbackForTests is the test-only allowance that lets a Fetcher reach httptest
// servers. Only tests set it; parallax serve and compare never do.
var loopbackForTests = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

// articleSite serves the import test pages of package fetch: /news, /regional,
// /latin1, /hostile (articles), /index (a home page, not an article) and /image (not
// HTML).
func articleSite(t testing.TB) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for _, name := range []string{"news", "regional", "latin1", "hostile", "index"} {
		b, err := os.ReadFile(filepath.Join("fetch", "testdata", name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		ct := "text/html; charset=utf-8"
		if name == "latin1" {
			ct = "text/html; charset=iso-8859-1"
		}
		mux.HandleFunc("/"+name, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Write(b)
		})
	}
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// testImporter is the import endpoint with the test-only allowance for loopback and
// no rate limit.
func testImporter() *fetch.Handler {
	return &fetch.Handler{Fetcher: &fetch.Fetcher{AllowForTests: loopbackForTests}}
}
