//go:build !js

package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Defaults of a zero Fetcher.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 5 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "Mozilla/5.0 (compatible; Parallax article import)"
)

// Limits of each phase of a fetch, within the whole import's Timeout.
const (
	dialTimeout           = 5 * time.Second
	tlsTimeout            = 5 * time.Second
	responseHeaderTimeout = 10 * time.Second
	maxHeaderBytes        = 64 << 10
)

// ports are the ports a fetch may dial: the web's own.
var ports = map[uint16]bool{80: true, 443: true, 8080: true, 8443: true}

// Fetcher fetches article pages from public web sites, and only from them. The zero
// value is ready to use with the defaults above; set fields before the first Fetch. A
// Fetcher is safe for concurrent use and keeps connections alive between fetches.
type Fetcher struct {
	Timeout      time.Duration // the whole import: connecting, redirects, reading; 0: DefaultTimeout
	MaxBytes     int64         // largest page read, counted after decompression; 0: DefaultMaxBytes
	MaxRedirects int           // 0: DefaultMaxRedirects; each redirect is checked like the link
	UserAgent    string        // "": DefaultUserAgent

	// AllowForTests is for tests only: addresses in these prefixes may be fetched on any
	// port although they are not public (say 127.0.0.1/32 for an httptest server). Never
	// set it in a program: the serve command and the CLI do not.
	AllowForTests []netip.Prefix

	// lookup resolves host names; nil: net.DefaultResolver. Tests replace it to play a
	// DNS server that changes its answers.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)

	once   sync.Once
	client *http.Client
}

// Fetch fetches the page at rawURL and extracts its article (see Extract). Its errors
// are *Error, whose Reason is one of the Err… values or a *StatusError; Message gives
// the words to show a reader.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Article, error) {
	f.once.Do(f.init)
	fail := func(reason, cause error) error { return &Error{URL: rawURL, Reason: reason, Cause: cause} }
	u, err := checkURL(rawURL, f.allowedIP)
	if err != nil {
		return nil, fail(err, nil)
	}
	ctx, cancel := context.WithTimeout(ctx, or(f.Timeout, DefaultTimeout))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fail(ErrBadURL, err)
	}
	req.Header.Set("User-Agent", or(f.UserAgent, DefaultUserAgent))
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fail(reason(ctx, err), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fail(&StatusError{Code: resp.StatusCode}, nil)
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !isHTML(ct) {
		return nil, fail(ErrNotHTML, fmt.Errorf("content type %q", ct))
	}
	limit := or(f.MaxBytes, DefaultMaxBytes)
	if resp.ContentLength > limit {
		return nil, fail(ErrTooLarge, fmt.Errorf("content length %d", resp.ContentLength))
	}
	page, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fail(reason(ctx, err), err)
	}
	if int64(len(page)) > limit {
		return nil, fail(ErrTooLarge, fmt.Errorf("more than %d bytes", limit))
	}
	if ct == "" && !isHTML(http.DetectContentType(page)) {
		return nil, fail(ErrNotHTML, errors.New("no content type, and not HTML by its bytes"))
	}
	a, err := Extract(page, ct, resp.Request.URL)
	if err != nil {
		return nil, fail(ErrNotArticle, err)
	}
	return a, nil
}

func (f *Fetcher) init() {
	dialer := &net.Dialer{Timeout: dialTimeout, Control: f.control}
	tr := &http.Transport{
		Proxy: nil, // never HTTP_PROXY and friends: a proxy would dial for us, unchecked
		DialContext: func(ctx context.Context, network, address string) (net.Conn, error) {
			return f.dial(ctx, dialer, network, address)
		},
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:    tlsTimeout,
		ResponseHeaderTimeout:  responseHeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: maxHeaderBytes,
		IdleConnTimeout:        30 * time.Second,
		MaxIdleConns:           16,
		MaxIdleConnsPerHost:    2,
		ForceAttemptHTTP2:      true,
	}
	f.client = &http.Client{Transport: tr, CheckRedirect: f.checkRedirect}
}

// checkRedirect allows at most MaxRedirects redirects, each to a link CheckURL accepts;
// the dialer checks the addresses as for the first request.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > or(f.MaxRedirects, DefaultMaxRedirects) {
		return ErrRedirects
	}
	_, err := checkURL(req.URL.String(), f.allowedIP)
	return err
}

// dial resolves the host of address, refuses it if any of its addresses is not allowed,
// and dials the addresses in turn; the dialer's Control hook checks each again.
func (f *Fetcher) dial(ctx context.Context, d *net.Dialer, network, address string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else if ips, err = f.resolve(ctx, host); err != nil {
		return nil, err
	}
	if len(ips) == 0 {
		return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	for _, ip := range ips {
		if !f.allowed(netip.AddrPortFrom(ip, uint16(port))) {
			return nil, fmt.Errorf("%s resolves to %s: %w", host, ip, ErrForbidden)
		}
	}
	var errs []error
	for _, ip := range ips {
		c, err := d.DialContext(ctx, network, netip.AddrPortFrom(ip, uint16(port)).String())
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

func (f *Fetcher) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if f.lookup != nil {
		return f.lookup(ctx, host)
	}
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// control is the dialer's last word: it sees the address about to be connected, after
// every resolution, and refuses it unless allowed.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	if network != "tcp4" && network != "tcp6" {
		return fmt.Errorf("network %s: %w", network, ErrForbidden)
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil || !f.allowed(ap) {
		return fmt.Errorf("dialling %s: %w", address, ErrForbidden)
	}
	return nil
}

// allowed reports whether a fetch may connect to ap: a public address on a web port, or
// an address the tests allow.
func (f *Fetcher) allowed(ap netip.AddrPort) bool {
	if f.allowedForTests(ap.Addr()) {
		return true
	}
	return Public(ap.Addr()) && ports[ap.Port()]
}

// allowedIP judges the IP literals of links.
func (f *Fetcher) allowedIP(ip netip.Addr) bool { return f.allowedForTests(ip) || Public(ip) }

func (f *Fetcher) allowedForTests(ip netip.Addr) bool {
	for _, p := range f.AllowForTests {
		if p.Contains(ip) { // Contains is false for a zoned or mismatched-family address
			return true
		}
	}
	return false
}

// reason turns a failed request into the reason told to the reader.
func reason(ctx context.Context, err error) error {
	for _, r := range []error{ErrForbidden, ErrScheme, ErrBadURL, ErrRedirects} {
		if errors.Is(err, r) {
			return r
		}
	}
	var ne net.Error
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &ne) && ne.Timeout():
		return ErrTimeout
	case errors.Is(err, context.Canceled):
		return ErrCanceled
	}
	return ErrUnreachable
}

// isHTML reports whether a Content-Type is an HTML page. It reads only the media type,
// so that a malformed parameter ("text/html; charset") does not turn a page away.
func isHTML(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
