//go:build !js

package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// loopbackForTests is the test-only allowance: the httptest servers listen on 127.0.0.1.
// Everything else on loopback (127.0.0.2, ::1) stays forbidden in these tests too.
var loopbackForTests = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}

// testFetcher returns a Fetcher allowed to reach the test servers, with short limits.
func testFetcher() *Fetcher {
	return &Fetcher{Timeout: 5 * time.Second, AllowForTests: loopbackForTests}
}

// pageServer serves the test pages: /news, /regional, /latin1, /index, /hostile.
func pageServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		name := strings.TrimPrefix(r.URL.Path, "/")
		b, err := os.ReadFile("testdata/" + name + ".html")
		if err != nil || strings.ContainsAny(name, "./") {
			http.NotFound(w, r)
			return
		}
		ct := "text/html; charset=utf-8"
		if name == "latin1" {
			ct = "text/html; charset=iso-8859-1"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestFetchArticles(t *testing.T) {
	srv, _ := pageServer(t)
	f := testFetcher()
	for _, tt := range extractTests {
		if tt.contentType == "text/html" && tt.page == "latin1.html" {
			continue // the server sends the charset
		}
		name := strings.TrimSuffix(tt.page, ".html")
		t.Run(name, func(t *testing.T) {
			a, err := f.Fetch(context.Background(), srv.URL+"/"+name)
			if err != nil {
				t.Fatalf("Fetch(%s) = %v", name, err)
			}
			checkArticle(t, a, tt.title, tt.byline, tt.outlet, tt.date)
			if !strings.HasPrefix(a.Text, tt.first) || a.URL != srv.URL+"/"+name {
				t.Errorf("Fetch(%s) = url %q, text %.60q…; want url %s, text %.60q…", name, a.URL, a.Text, srv.URL+"/"+name, tt.first)
			}
		})
	}
}

// TestFetchRefusesWithoutAllowance checks that a Fetcher without the test allowance
// refuses a loopback server without sending it anything.
func TestFetchRefusesWithoutAllowance(t *testing.T) {
	srv, hits := pageServer(t)
	for _, u := range []string{
		srv.URL + "/news",
		strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/news",
		strings.Replace(srv.URL, "127.0.0.1", "2130706433", 1) + "/news",
	} {
		_, err := (&Fetcher{}).Fetch(context.Background(), u)
		wantReason(t, u, err, ErrForbidden)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server got %d requests, want 0", n)
	}
}

// TestFetchForbiddenTargets runs the forbidden links through a Fetcher as the server
// has it, without the test allowance (127.0.0.1 would pass with it, in every form).
func TestFetchForbiddenTargets(t *testing.T) {
	f := &Fetcher{Timeout: time.Second}
	for _, tt := range forbiddenURLs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), tt.url)
			wantReason(t, tt.url, err, ErrForbidden)
		})
	}
}

// TestFetchRedirectsToForbidden checks that every redirect is checked like the link.
func TestFetchRedirectsToForbidden(t *testing.T) {
	var target atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.Load().(string), http.StatusFound)
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	targets := []struct {
		url  string
		want error
	}{
		{"http://127.0.0.2:" + port + "/", ErrForbidden},
		{"http://0x7f.2:" + port + "/", ErrForbidden},
		{"http://2130706434:" + port + "/", ErrForbidden},
		{"http://[::1]:" + port + "/", ErrForbidden},
		{"http://[::ffff:127.0.0.2]:" + port + "/", ErrForbidden},
		{"http://localhost:" + port + "/", ErrForbidden},
		{"http://169.254.169.254/latest/meta-data/iam/security-credentials/", ErrForbidden},
		{"http://[fd00:ec2::254]/latest/meta-data/", ErrForbidden},
		{"http://metadata.google.internal/computeMetadata/v1/", ErrForbidden},
		{"http://10.0.0.1/", ErrForbidden},
		{"http://192.168.0.1/admin", ErrForbidden},
		{"http://[64:ff9b::a9fe:a9fe]/", ErrForbidden},
		{"file:///etc/passwd", ErrScheme},
		{"ftp://127.0.0.1/", ErrScheme},
		{"gopher://127.0.0.1:6379/_FLUSHALL", ErrScheme},
	}
	f := testFetcher()
	for _, tt := range targets {
		target.Store(tt.url)
		_, err := f.Fetch(context.Background(), srv.URL+"/start")
		wantReason(t, "redirect to "+tt.url, err, tt.want)
	}
}

// TestFetchRebinding plays a DNS server whose answers change from one lookup to the
// next, or mix allowed and forbidden addresses: only an allowed address is ever
// dialled. 127.0.0.1, allowed in tests, stands for a public address; the server closes
// every connection, so each fetch resolves and dials again.
func TestFetchRebinding(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Connection", "close")
		contentType("text/html", mustRead(t, "testdata/news.html"))(w, r)
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	allowed := netip.MustParseAddr("127.0.0.1")
	tests := []struct {
		name    string
		answers [][]netip.Addr
		wantOK  []bool // for each fetch in turn
	}{
		{"allowed then private", [][]netip.Addr{{allowed}, {netip.MustParseAddr("127.0.0.2")}}, []bool{true, false}},
		{"allowed then metadata", [][]netip.Addr{{allowed}, {netip.MustParseAddr("169.254.169.254")}}, []bool{true, false}},
		{"allowed then mapped loopback", [][]netip.Addr{{allowed}, {netip.MustParseAddr("::ffff:127.0.0.2")}}, []bool{true, false}},
		{"mixed", [][]netip.Addr{{allowed, netip.MustParseAddr("10.0.0.1")}}, []bool{false, false}},
		{"mixed private first", [][]netip.Addr{{netip.MustParseAddr("192.168.0.1"), allowed}}, []bool{false, false}},
		{"ipv6 loopback", [][]netip.Addr{{netip.MustParseAddr("::1")}}, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits.Store(0)
			f := testFetcher()
			var n atomic.Int64
			f.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
				i := int(n.Add(1)) - 1
				return tt.answers[min(i, len(tt.answers)-1)], nil
			}
			ok := 0
			for i, want := range tt.wantOK {
				_, err := f.Fetch(context.Background(), "http://news.parallax-import.org:"+port+"/news")
				if want {
					ok++
					if err != nil {
						t.Errorf("fetch %d: %v, want the article", i, err)
					}
					continue
				}
				wantReason(t, fmt.Sprintf("fetch %d", i), err, ErrForbidden)
			}
			if h := hits.Load(); h != int64(ok) {
				t.Errorf("the server got %d requests, want %d", h, ok)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFetchByName checks the resolving path: a name that resolves to an allowed address
// is fetched on its port.
func TestFetchByName(t *testing.T) {
	srv, _ := pageServer(t)
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	f := testFetcher()
	f.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
		if host != "news.parallax-import.org" {
			return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}
	// A proxy from the environment must be ignored: it would do the dialling unchecked.
	var proxied atomic.Int64
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied.Add(1)
		http.Error(w, "proxied", http.StatusBadGateway)
	}))
	defer proxy.Close()
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)
	a, err := f.Fetch(context.Background(), "http://news.parallax-import.org:"+port+"/news")
	if err != nil || a.Title != "Flood defences hold as river peaks in Lanford" {
		t.Fatalf("Fetch by name = %+v, %v", a, err)
	}
	if proxied.Load() != 0 {
		t.Errorf("the request went through the environment's proxy")
	}
	_, err = f.Fetch(context.Background(), "http://missing.parallax-import.org:"+port+"/news")
	wantReason(t, "unknown name", err, ErrUnreachable)
}

// TestFetchPorts checks that a public address is dialled only on a web port.
func TestFetchPorts(t *testing.T) {
	f := &Fetcher{Timeout: time.Second}
	f.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
		return []netip.Addr{netip.MustParseAddr("93.184.215.14")}, nil
	}
	for _, port := range []string{"22", "25", "6379", "11211"} {
		_, err := f.Fetch(context.Background(), "http://news.parallax-import.org:"+port+"/")
		wantReason(t, "port "+port, err, ErrForbidden)
	}
}

// TestControl checks the dialer's hook on its own, as the last line of defence: it
// refuses a listening loopback address even when asked directly.
func TestControl(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	f := &Fetcher{}
	d := &net.Dialer{Control: f.control, Timeout: time.Second}
	c, err := d.Dial("tcp", ln.Addr().String())
	if !errors.Is(err, ErrForbidden) {
		if c != nil {
			c.Close()
		}
		t.Errorf("dialling %s through the hook = %v, want ErrForbidden", ln.Addr(), err)
	}
	for _, addr := range []string{"169.254.169.254:80", "[::1]:443", "[::ffff:10.0.0.1]:80", "93.184.215.14:22", "garbage"} {
		if err := f.control("tcp4", addr, nil); !errors.Is(err, ErrForbidden) {
			t.Errorf("control(%s) = %v, want ErrForbidden", addr, err)
		}
	}
	if err := f.control("tcp4", "93.184.215.14:443", nil); err != nil {
		t.Errorf("control(93.184.215.14:443) = %v, want nil", err)
	}
	if err := f.control("udp4", "93.184.215.14:443", nil); !errors.Is(err, ErrForbidden) {
		t.Errorf("control(udp4) = %v, want ErrForbidden", err)
	}
}

func TestFetchRedirectLimit(t *testing.T) {
	srv, _ := pageServer(t)
	chain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/r/%d", &n)
		if n == 0 {
			http.Redirect(w, r, srv.URL+"/news", http.StatusMovedPermanently)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
	}))
	defer chain.Close()
	f := testFetcher()
	// /r/4 → … → /r/0 → srv/news: five redirects, the most allowed.
	if a, err := f.Fetch(context.Background(), chain.URL+"/r/4"); err != nil {
		t.Errorf("five redirects: %v", err)
	} else if a.URL != srv.URL+"/news" {
		t.Errorf("five redirects: URL = %s, want the final %s/news", a.URL, srv.URL)
	}
	_, err := f.Fetch(context.Background(), chain.URL+"/r/5")
	wantReason(t, "six redirects", err, ErrRedirects)
}

func TestFetchLimits(t *testing.T) {
	page, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Write(bytes.Repeat([]byte(" "), 6<<20)) // 6 MB of spaces: 6 KB on the wire
	zw.Close()
	release := make(chan struct{})
	handlers := map[string]http.HandlerFunc{
		"/pdf":    contentType("application/pdf", page),
		"/json":   contentType("application/json", page),
		"/text":   contentType("text/plain; charset=utf-8", page),
		"/image":  contentType("image/png", page),
		"/htmlx":  contentType("text/htmlx", page),
		"/xhtml":  contentType("application/xhtml+xml", page),
		"/sloppy": contentType("Text/HTML; charset", page),
		"/no-ct": func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = nil // no sniffing by the test server either
			w.Write(page)
		},
		"/no-ct-binary": func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = nil
			w.Write([]byte("%PDF-1.7\n\x00\x01\x02 binary"))
		},
		"/big": func(w http.ResponseWriter, r *http.Request) { // no Content-Length: counted while reading
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
			w.(http.Flusher).Flush()
			chunk := bytes.Repeat([]byte("<p>filler filler filler.</p>\n"), 1000)
			for range 400 { // about 12 MB, unless the client hangs up first
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		},
		"/big-declared": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Length", "6000000")
			w.Write(page)
		},
		"/gzip-bomb": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz.Bytes())
		},
		"/slow-headers": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-release:
			}
		},
		"/slow-body": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write(page[:1000])
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-release:
			}
		},
		"/missing": http.NotFound,
		"/private": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "login", http.StatusForbidden) },
		"/broken":  func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) },
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handlers[r.URL.Path](w, r)
	}))
	defer srv.Close()
	defer close(release)

	dead, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadURL := "http://" + dead.Addr().String() + "/"
	dead.Close() // nothing listens there now

	tests := []struct {
		path string
		want error
	}{
		{"/pdf", ErrNotHTML},
		{"/json", ErrNotHTML},
		{"/text", ErrNotHTML},
		{"/image", ErrNotHTML},
		{"/htmlx", ErrNotHTML},
		{"/no-ct-binary", ErrNotHTML},
		{"/big", ErrTooLarge},
		{"/big-declared", ErrTooLarge},
		{"/gzip-bomb", ErrTooLarge},
		{"/slow-headers", ErrTimeout},
		{"/slow-body", ErrTimeout},
		{"/missing", &StatusError{Code: 404}},
		{"/private", &StatusError{Code: 403}},
		{"/broken", &StatusError{Code: 500}},
		{deadURL, ErrUnreachable},
	}
	f := testFetcher()
	f.Timeout = 200 * time.Millisecond
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			u := srv.URL + tt.path
			if strings.HasPrefix(tt.path, "http") {
				u = tt.path
			}
			start := time.Now()
			_, err := f.Fetch(context.Background(), u)
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("Fetch(%s) took %v", tt.path, el)
			}
			var se *StatusError
			if want, ok := tt.want.(*StatusError); ok {
				if !errors.As(err, &se) || se.Code != want.Code {
					t.Errorf("Fetch(%s) = %v, want status %d", tt.path, err, want.Code)
				}
				return
			}
			wantReason(t, tt.path, err, tt.want)
		})
	}
	for _, path := range []string{"/no-ct", "/xhtml", "/sloppy"} { // HTML, by bytes or by a loose type
		if a, err := f.Fetch(context.Background(), srv.URL+path); err != nil || a.Title == "" {
			t.Errorf("Fetch(%s) = %v, %v; want the article", path, a, err)
		}
	}
}

func TestFetchCanceled(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-block:
		}
	}))
	defer srv.Close()
	defer close(block)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	_, err := testFetcher().Fetch(ctx, srv.URL)
	wantReason(t, "cancelled", err, ErrCanceled)
}

func contentType(ct string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	}
}

// wantReason checks that err is an *Error with the given reason, that says it in plain
// words.
func wantReason(t *testing.T, what string, err, reason error) {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) || fe.Reason != reason {
		t.Errorf("%s: error %v, want reason %q", what, err, reason)
		return
	}
	if Message(err) != reason.Error() || !strings.HasSuffix(err.Error(), reason.Error()) {
		t.Errorf("%s: Message = %q, Error = %q; want both to say %q", what, Message(err), err, reason)
	}
}
