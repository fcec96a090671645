//go:build !js

package fetch

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

// importReq runs one request through h and returns the recorder.
func importReq(h http.Handler, method, link string, header map[string]string) *httptest.ResponseRecorder {
	target := "/api/import"
	if link != "" {
		target += "?url=" + url.QueryEscape(link)
	}
	r := httptest.NewRequest(method, target, nil)
	r.RemoteAddr = "198.51.100.20:51000"
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestHandler(t *testing.T) {
	srv, _ := pageServer(t)
	h := &Handler{Fetcher: testFetcher()}
	w := importReq(h, "GET", srv.URL+"/hostile", map[string]string{"Sec-Fetch-Site": "same-origin"})
	if w.Code != http.StatusOK {
		t.Fatalf("status %d, body %s", w.Code, w.Body)
	}
	checkHeaders(t, w)
	var a Article
	if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Researchers warn of booby-trapped web pages" || a.Outlet != "Tech Weekly" ||
		a.Byline != "Sam Ortiz" || a.Date != "2025-06-30" || a.URL != srv.URL+"/hostile" {
		t.Errorf("article %+v", a)
	}
	if !strings.Contains(a.Text, "<script>alert(1)</script>") {
		t.Errorf("text lost the markup the article quotes: %q", a.Text)
	}
	// Plain text, JSON-escaped: no markup of any kind in the response's bytes.
	if body := w.Body.String(); strings.ContainsAny(body, "<>") {
		t.Errorf("response holds raw markup: %s", body)
	}
}

func TestHandlerErrors(t *testing.T) {
	srv, _ := pageServer(t)
	h := &Handler{Fetcher: testFetcher()}
	tests := []struct {
		name, method, link string
		header             map[string]string
		code               int
		msg                string
	}{
		{"no link", "GET", "", nil, 400, "give a link to import"},
		{"bad link", "GET", "http://[::1", nil, 400, "that link is not valid"},
		{"scheme", "GET", "file:///etc/passwd", nil, 400, "only http and https links can be imported"},
		{"loopback", "GET", "http://127.0.0.2/<script>alert(1)</script>", nil, 403, "that address is not allowed"},
		{"metadata", "GET", "http://169.254.169.254/latest/meta-data/", nil, 403, "that address is not allowed"},
		{"not article", "GET", srv.URL + "/index", nil, 422, "that page is not an article"},
		{"missing page", "GET", srv.URL + "/nothing", nil, 502, "the site says that page does not exist"},
		{"post", "POST", srv.URL + "/news", nil, 405, "use GET"},
		{"cross-site", "GET", srv.URL + "/news", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, ErrCrossSite.Error()},
		{"same-site", "GET", srv.URL + "/news", map[string]string{"Sec-Fetch-Site": "same-site"}, 403, ErrCrossSite.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := importReq(h, tt.method, tt.link, tt.header)
			checkHeaders(t, w)
			var body struct{ Error string }
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatalf("body %q: %v", w.Body, err)
			}
			if w.Code != tt.code || body.Error != tt.msg {
				t.Errorf("%s %s = %d %q, want %d %q", tt.method, tt.link, w.Code, body.Error, tt.code, tt.msg)
			}
			if strings.Contains(w.Body.String(), "script") || strings.Contains(w.Body.String(), "127.0.0") {
				t.Errorf("the error reflects the link: %s", w.Body)
			}
		})
	}
}

func TestHandlerRateLimit(t *testing.T) {
	now := time.Unix(1e9, 0)
	l := NewLimiter(6*time.Second, 2)
	l.now = func() time.Time { return now }
	h := &Handler{Fetcher: testFetcher(), Limiter: l}
	link := "file:///x" // refused at once: the limit counts every request
	for i, want := range []int{400, 400, 429} {
		if w := importReq(h, "GET", link, nil); w.Code != want {
			t.Fatalf("request %d: status %d, want %d", i, w.Code, want)
		} else if want == 429 {
			if ra := w.Header().Get("Retry-After"); ra != "6" {
				t.Errorf("Retry-After %q, want 6", ra)
			}
			if !strings.Contains(w.Body.String(), "too many imports") {
				t.Errorf("body %s", w.Body)
			}
		}
	}
	// Another client has its own bucket.
	r := httptest.NewRequest("GET", "/api/import?url=file:///x", nil)
	r.RemoteAddr = "198.51.100.21:1234"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 400 {
		t.Errorf("another client: status %d, want 400", w.Code)
	}
	now = now.Add(6 * time.Second)
	if w := importReq(h, "GET", link, nil); w.Code != 400 {
		t.Errorf("after 6 s: status %d, want 400", w.Code)
	}
}

func TestHandlerBusy(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		http.NotFound(w, r)
	}))
	defer slow.Close()
	h := &Handler{Fetcher: testFetcher(), MaxInFlight: 1}
	done := make(chan int)
	go func() { done <- importReq(h, "GET", slow.URL, nil).Code }()
	<-started
	w := importReq(h, "GET", slow.URL, nil)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("second import at once: status %d, Retry-After %q; want 503 and a Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	close(release)
	if code := <-done; code != http.StatusBadGateway {
		t.Errorf("first import: status %d, want 502", code)
	}
}

func TestOff(t *testing.T) {
	w := importReq(Off(), "GET", "https://example.org/", nil)
	checkHeaders(t, w)
	if w.Code != 404 || !strings.Contains(w.Body.String(), "turned off") {
		t.Errorf("Off: %d %s", w.Code, w.Body)
	}
}

func checkHeaders(t *testing.T, w *httptest.ResponseRecorder) {
	t.Helper()
	for k, v := range map[string]string{
		"Content-Type":           "application/json; charset=utf-8",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "no-store",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "no-referrer",
	} {
		if got := w.Header().Get(k); got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(1e9, 0)
	l := NewLimiter(time.Second, 3)
	l.MaxClients = 2
	l.now = func() time.Time { return now }
	for i := range 3 {
		if ok, _ := l.Allow("a"); !ok {
			t.Fatalf("request %d of a burst of 3 refused", i)
		}
	}
	if ok, wait := l.Allow("a"); ok || wait != time.Second {
		t.Errorf("4th request: %v, wait %v; want refused, 1s", ok, wait)
	}
	now = now.Add(500 * time.Millisecond)
	if ok, wait := l.Allow("a"); ok || wait != 500*time.Millisecond {
		t.Errorf("after 0.5 s: %v, wait %v; want refused, 0.5s", ok, wait)
	}
	if ok, _ := l.Allow("b"); !ok {
		t.Errorf("b refused")
	}
	// Two clients known, both with buckets in use: a third must wait.
	if ok, _ := l.Allow("c"); ok {
		t.Errorf("c allowed beyond MaxClients")
	}
	// Once a's and b's buckets are full again they are forgotten, and c gets in.
	now = now.Add(5 * time.Second)
	if ok, _ := l.Allow("c"); !ok {
		t.Errorf("c refused after the others' buckets refilled")
	}
	if n := len(l.buckets); n != 1 {
		t.Errorf("%d buckets kept, want 1", n)
	}
}

func TestClientKey(t *testing.T) {
	tests := []struct{ ip, want string }{
		{"198.51.100.7", "198.51.100.7"},
		{"::ffff:198.51.100.7", "198.51.100.7"},
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
		{"2001:db8:1:2::ffff", "2001:db8:1:2::/64"},
		{"fe80::1%eth0", "fe80::/64"},
	}
	for _, tt := range tests {
		if got := clientKey(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("clientKey(%s) = %s, want %s", tt.ip, got, tt.want)
		}
	}
}
