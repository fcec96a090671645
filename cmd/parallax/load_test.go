//go:build load && !js

// A bounded load test of parallax serve on loopback: 200 connections for a while over
// the app's files and the import endpoint (pointed at a local test site), plus clients
// that read slowly or hang up mid-response. Run it with make load.

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"parallax/cmd/parallax/fetch"
)

var (
	loadTime  = flag.Duration("duration", 10*time.Second, "how long the load test runs")
	loadConns = flag.Int("conns", 200, "concurrent connections")
)

// loadPaths are what a browser asks for when it opens the app, and an import; the
// import is one request in ten.
var loadPaths = []struct {
	path, encoding string
}{
	{"/", "br"}, {"/app.js", "gzip"}, {"/wasm_exec.js", "gzip"}, {"/web/parallax.css", "gzip"},
	{"/manifest.webmanifest", "br"}, {"/web/app.wasm", "br"}, {"/web/worker.js", "gzip"},
	{"/web/boot.js", "gzip"},
	{"/web/icon.svg", ""}, {"/web/app.wasm", "gzip"},
}

type loadStats struct {
	mu        sync.Mutex
	latencies []time.Duration
	imports   []time.Duration // of the imports answered 200
	status    map[string]int  // "GET /path 200" → count
	errors    int
	bytes     int64
}

func (s *loadStats) add(kind string, code int, d time.Duration, n int64, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errors++
		s.status[kind+" error: "+err.Error()]++
		return
	}
	s.latencies = append(s.latencies, d)
	if kind == "import" && code == http.StatusOK {
		s.imports = append(s.imports, d)
	}
	s.status[fmt.Sprintf("%s %d", kind, code)]++
	s.bytes += n
}

func TestLoad(t *testing.T) {
	root := "../.." // holds web/ with the built app
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm.br")); err != nil {
		t.Fatal("web/app.wasm.br is missing: run 'make build' first")
	}
	site := articleSite(t)
	registerRoutes()
	// The import endpoint as parallax serve mounts it, but allowed to reach the local
	// test site and without the per-client rate limit (every client here is 127.0.0.1,
	// which the limit would hold to 10 imports a minute).
	imp := &fetch.Handler{Fetcher: &fetch.Fetcher{AllowForTests: loopbackForTests}, MaxInFlight: 8}
	h, err := newServer(root, imp)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, h) }()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()

	tr := &http.Transport{MaxConnsPerHost: *loadConns, MaxIdleConnsPerHost: *loadConns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	stats := &loadStats{status: map[string]int{}}

	var peakHeap, peakSys atomic.Uint64
	sample := time.NewTicker(100 * time.Millisecond)
	defer sample.Stop()
	go func() {
		var m runtime.MemStats
		for range sample.C {
			runtime.ReadMemStats(&m)
			peakHeap.Store(max(peakHeap.Load(), m.HeapInuse))
			peakSys.Store(max(peakSys.Load(), m.Sys))
		}
	}()

	deadline := time.Now().Add(*loadTime)
	var wg sync.WaitGroup
	for c := range *loadConns {
		wg.Go(func() {
			files := c // the next file to ask for, in loadPaths
			for i := c; time.Now().Before(deadline); i++ {
				path, enc, kind := "", "", ""
				if i%10 == 0 {
					page := []string{"/news", "/regional", "/latin1", "/hostile"}[i/10%4]
					path, kind = "/api/import?url="+site.URL+page, "import"
				} else {
					p := loadPaths[files%len(loadPaths)]
					files++
					path, enc, kind = p.path, p.encoding, "GET "+p.path+" "+p.encoding
				}
				req, _ := http.NewRequest("GET", base+path, nil)
				if enc != "" {
					req.Header.Set("Accept-Encoding", enc)
				}
				start := time.Now()
				res, err := client.Do(req)
				if err != nil {
					stats.add(kind, 0, 0, 0, err)
					continue
				}
				n, err := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				stats.add(kind, res.StatusCode, time.Since(start), n, err)
			}
		})
	}
	// Misbehaving clients meanwhile: a slow reader of app.wasm and clients that hang
	// up halfway through it. The server must go on serving everyone else.
	var bad sync.WaitGroup
	for i := range 10 {
		bad.Go(func() {
			for time.Now().Before(deadline) {
				conn, err := net.Dial("tcp", ln.Addr().String())
				if err != nil {
					return
				}
				io.WriteString(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
				buf := make([]byte, 512)
				if i%2 == 0 { // slow: 512 bytes every 50 ms for a second
					for range 20 {
						conn.Read(buf)
						time.Sleep(50 * time.Millisecond)
					}
				} else { // drops mid-response
					io.ReadFull(conn, make([]byte, 64<<10))
				}
				conn.Close()
			}
		})
	}
	wg.Wait()
	bad.Wait()
	elapsed := time.Since(deadline.Add(-*loadTime))

	// Still serving after the load.
	res, err := http.Get(base + "/web/parallax.css")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("after the load: GET /web/parallax.css = %v, %v", res, err)
	}
	res.Body.Close()

	slices.Sort(stats.latencies)
	slices.Sort(stats.imports)
	quantile := func(ds []time.Duration, p float64) time.Duration {
		if len(ds) == 0 {
			return 0
		}
		return ds[min(len(ds)-1, int(p*float64(len(ds))))].Round(time.Microsecond)
	}
	q := func(p float64) time.Duration { return quantile(stats.latencies, p) }
	total := len(stats.latencies) + stats.errors
	t.Logf("%d connections for %v: %d requests, %.0f requests/s, %.1f MB/s; latency p50 %v, p99 %v, max %v; %d transport errors",
		*loadConns, elapsed.Round(time.Millisecond), total, float64(total)/elapsed.Seconds(),
		float64(stats.bytes)/elapsed.Seconds()/(1<<20), q(0.50), q(0.99), q(1), stats.errors)
	t.Logf("imports answered 200: %d, %.0f/s; latency p50 %v, p99 %v", len(stats.imports),
		float64(len(stats.imports))/elapsed.Seconds(), quantile(stats.imports, 0.5), quantile(stats.imports, 0.99))
	t.Logf("memory (server and clients in one process): peak heap in use %.0f MB, peak from the OS %.0f MB",
		float64(peakHeap.Load())/(1<<20), float64(peakSys.Load())/(1<<20))
	keys := make([]string, 0, len(stats.status))
	for k := range stats.status {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		t.Logf("  %-40s %d", k, stats.status[k])
	}
	if stats.errors > 0 {
		t.Errorf("%d requests failed outright", stats.errors)
	}
	for _, p := range loadPaths {
		if k := "GET " + p.path + " " + p.encoding + " 200"; stats.status[k] == 0 {
			t.Errorf("no request answered %q: the load did not cover every file", k)
		}
	}
	for k, n := range stats.status {
		var code int
		fmt.Sscanf(k[len(k)-3:], "%d", &code)
		switch {
		case code == 200:
		case code == http.StatusServiceUnavailable && k[:6] == "import":
			// Busy: more than MaxInFlight imports at once is refused by design.
		default:
			t.Errorf("%d answers %q", n, k)
		}
	}
}
