//go:build !js

package fetch

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"
)

// Handler is the import endpoint. GET ?url=LINK answers 200 with the Article as JSON
// ({"url","title","byline","outlet","date","text"}), or an error status with
// {"error": "plain words"} (Message). Only the extracted plain text goes back, never the
// fetched HTML; responses carry security headers and are not cached.
//
// Requests a browser marks as coming from another site (Sec-Fetch-Site) are refused, so
// other web pages cannot use the server to fetch for them; requests without the header
// (the CLI, curl) are served.
type Handler struct {
	Fetcher     *Fetcher // nil: a zero Fetcher
	Limiter     *Limiter // per client; nil: no rate limit
	MaxInFlight int      // imports at once across all clients, beyond which 503; 0: 8

	// ClientIP returns the address the rate limit counts a request against; nil: the
	// connection's remote address. Set it only behind a reverse proxy you trust.
	ClientIP func(*http.Request) netip.Addr

	// ErrorLog, if set, logs each failed import with its cause (which the reader never
	// sees).
	ErrorLog *log.Logger

	once sync.Once
	sem  chan struct{}
}

// NewHandler returns the endpoint with its defaults: a zero Fetcher, a rate limit of 5
// imports at once and then one every 6 seconds (10 a minute) per client, 8 imports at once.
func NewHandler() *Handler {
	return &Handler{Fetcher: &Fetcher{}, Limiter: NewLimiter(6*time.Second, 5), MaxInFlight: 8}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.once.Do(func() {
		if h.Fetcher == nil {
			h.Fetcher = &Fetcher{}
		}
		h.sem = make(chan struct{}, or(h.MaxInFlight, 8))
	})
	secure(w.Header())
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeJSON(w, http.StatusMethodNotAllowed, errorBody{"use GET"})
		return
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		h.fail(w, r, ErrCrossSite, 0)
		return
	}
	if h.Limiter != nil {
		if ok, wait := h.Limiter.Allow(clientKey(h.clientIP(r))); !ok {
			h.fail(w, r, ErrRateLimited, wait)
			return
		}
	}
	raw := r.URL.Query().Get("url")
	if raw == "" {
		h.fail(w, r, ErrNoLink, 0)
		return
	}
	select {
	case h.sem <- struct{}{}:
		defer func() { <-h.sem }()
	default:
		h.fail(w, r, ErrBusy, time.Second)
		return
	}
	a, err := h.Fetcher.Fetch(r.Context(), raw)
	if err != nil {
		h.fail(w, r, err, 0)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (h *Handler) clientIP(r *http.Request) netip.Addr {
	if h.ClientIP != nil {
		return h.ClientIP(r)
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, _ := netip.ParseAddr(host)
	return ip // an unparsable address shares the invalid address's bucket
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error, retryAfter time.Duration) {
	if h.ErrorLog != nil {
		h.ErrorLog.Printf("import from %s: %v", r.RemoteAddr, logText(err))
	}
	if retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int((retryAfter+time.Second-1)/time.Second)))
	}
	writeJSON(w, status(err), errorBody{Message(err)})
}

// logText is the error with its cause, for the server's log.
func logText(err error) string {
	if fe, ok := err.(*Error); ok && fe.Cause != nil {
		return fe.Error() + " (" + fe.Cause.Error() + ")"
	}
	return err.Error()
}

// Off is the endpoint of a server started with importing turned off: every request gets
// 404 and {"error": "importing from links is turned off on this server"}.
func Off() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secure(w.Header())
		writeJSON(w, status(ErrOff), errorBody{ErrOff.Error()})
	})
}

type errorBody struct {
	Error string `json:"error"`
}

// secure sets the headers of every response of the endpoint: JSON that no browser may
// sniff, render, frame, cache or hand to another origin.
func secure(h http.Header) {
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v) // escapes <, > and & as \u003c…: safe even if sniffed as HTML
	if err != nil {
		code, b = http.StatusInternalServerError, []byte(`{"error":"the page could not be imported"}`)
	}
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}
