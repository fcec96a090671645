package fetch

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

// forbiddenURLs are links that must never be fetched, by their form alone.
var forbiddenURLs = []struct{ name, url string }{
	{"loopback", "http://127.0.0.1/"},
	{"loopback other", "http://127.8.9.10/"},
	{"loopback trailing dot", "http://127.0.0.1./"},
	{"loopback short form", "http://127.1/"},
	{"loopback decimal", "http://2130706433/"},
	{"loopback hex", "http://0x7f000001/"},
	{"loopback hex parts", "http://0x7f.1/"},
	{"loopback octal", "http://017700000001/"},
	{"loopback octal parts", "http://0177.0.0.01/"},
	{"loopback mixed parts", "http://0x7F.000.0.1/"},
	{"loopback full-width digits", "http://１２７.０.０.１/"},
	{"loopback ideographic dots", "http://127。0。0。1/"},
	{"loopback with port", "http://127.0.0.1:8080/admin"},
	{"loopback ipv6", "http://[::1]/"},
	{"loopback ipv6 long", "http://[0:0:0:0:0:0:0:1]/"},
	{"loopback ipv4-mapped", "http://[::ffff:127.0.0.1]/"},
	{"loopback ipv4-mapped hex", "http://[::ffff:7f00:1]/"},
	{"loopback ipv4-compatible", "http://[::127.0.0.1]/"},
	{"unspecified", "http://0.0.0.0/"},
	{"unspecified short", "http://0/"},
	{"unspecified ipv6", "http://[::]/"},
	{"private 10", "http://10.0.0.1/"},
	{"private 172.16", "http://172.16.0.1/"},
	{"private 172.31", "http://172.31.255.254/"},
	{"private 192.168", "http://192.168.1.1/"},
	{"private decimal", "http://3232235777/"},
	{"private mapped", "http://[::ffff:192.168.1.1]/"},
	{"private ipv6 ula", "http://[fd12:3456:789a::1]/"},
	{"private ipv6 fc00", "http://[fc00::1]/"},
	{"link-local", "http://169.254.1.1/"},
	{"link-local ipv6", "http://[fe80::1]/"},
	{"link-local ipv6 zone", "http://[fe80::1%25eth0]/"},
	{"site-local ipv6", "http://[fec0::1]/"},
	{"metadata aws gcp azure", "http://169.254.169.254/latest/meta-data/"},
	{"metadata decimal", "http://2852039166/"},
	{"metadata mapped", "http://[::ffff:169.254.169.254]/"},
	{"metadata aws ipv6", "http://[fd00:ec2::254]/"},
	{"metadata google name", "http://metadata.google.internal/computeMetadata/v1/"},
	{"metadata single label", "http://metadata/computeMetadata/v1/"},
	{"metadata oracle", "http://192.0.0.192/opc/v2/instance/"},
	{"metadata alibaba", "http://100.100.100.200/latest/meta-data/"},
	{"cgnat", "http://100.64.0.1/"},
	{"multicast", "http://224.0.0.1/"},
	{"multicast ipv6", "http://[ff02::1]/"},
	{"broadcast", "http://255.255.255.255/"},
	{"reserved", "http://240.0.0.1/"},
	{"documentation 1", "http://192.0.2.10/"},
	{"documentation 2", "http://198.51.100.7/"},
	{"documentation 3", "http://203.0.113.9/"},
	{"documentation ipv6", "http://[2001:db8::1]/"},
	{"benchmarking", "http://198.18.0.1/"},
	{"nat64 loopback", "http://[64:ff9b::7f00:1]/"},
	{"nat64 metadata", "http://[64:ff9b::169.254.169.254]/"},
	{"nat64 local-use", "http://[64:ff9b:1::a00:1]/"},
	{"6to4 loopback", "http://[2002:7f00:1::1]/"},
	{"teredo", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/"},
	{"localhost", "http://localhost/"},
	{"localhost upper trailing dot", "http://LOCALHOST./"},
	{"localhost port", "http://localhost:6379/"},
	{"localhost subdomain", "http://api.localhost/"},
	{"mdns", "http://printer.local/"},
	{"home.arpa", "http://router.home.arpa/"},
	{"internal", "http://db.corp.internal/"},
	{"single label", "http://intranet/"},
	{"credentials trick", "http://news.example.org@127.0.0.1/"},
	{"credentials", "https://user:pass@news.example.org/"},
}

func TestCheckURLForbidden(t *testing.T) {
	for _, tt := range forbiddenURLs {
		t.Run(tt.name, func(t *testing.T) {
			u, err := CheckURL(tt.url)
			if !errors.Is(err, ErrForbidden) {
				t.Errorf("CheckURL(%q) = %v, %v; want ErrForbidden", tt.url, u, err)
			}
		})
	}
}

func TestCheckURLInvalid(t *testing.T) {
	tests := []struct {
		name, url string
		want      error
	}{
		{"empty", "", ErrBadURL},
		{"spaces", "   ", ErrBadURL},
		{"no host", "http://", ErrBadURL},
		{"no host path", "http:///etc/passwd", ErrBadURL},
		{"opaque", "http:example.org", ErrBadURL},
		{"five parts", "http://1.2.3.4.5/", ErrBadURL},
		{"part too big", "http://256.0.0.1/", ErrBadURL},
		{"last too big", "http://1.2.65536/", ErrBadURL},
		{"decimal too big", "http://4294967296/", ErrBadURL},
		{"bad octal", "http://09.0.0.1/", ErrBadURL},
		{"empty part", "http://1..2.3/", ErrBadURL},
		{"empty label", "http://news..example.org/", ErrBadURL},
		{"bad ipv6", "http://[::1/", ErrBadURL},
		{"bad port", "http://example.org:99999/", ErrBadURL},
		{"port zero", "http://example.org:0/", ErrBadURL},
		{"invalid utf-8", "http://example.org/\xff", ErrBadURL},
		{"too long", "https://example.org/" + strings.Repeat("a", maxURLLen), ErrBadURL},
		{"no scheme", "example.org/news/1", ErrScheme},
		{"scheme-relative", "//example.org/news/1", ErrScheme},
		{"ftp", "ftp://example.org/a.html", ErrScheme},
		{"file", "file:///etc/passwd", ErrScheme},
		{"gopher", "gopher://127.0.0.1:6379/_INFO", ErrScheme},
		{"javascript", "javascript:alert(1)", ErrScheme},
		{"data", "data:text/html,<script>alert(1)</script>", ErrScheme},
		{"ws", "ws://example.org/", ErrScheme},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := CheckURL(tt.url)
			if !errors.Is(err, tt.want) {
				t.Errorf("CheckURL(%q) = %v, %v; want %v", tt.url, u, err, tt.want)
			}
		})
	}
}

func TestCheckURLAccepted(t *testing.T) {
	tests := []struct{ name, url, want string }{
		{"plain", "https://www.bbc.co.uk/news/world-123", "https://www.bbc.co.uk/news/world-123"},
		{"spaces trimmed", "  https://apnews.com/article/x  ", "https://apnews.com/article/x"},
		{"case folded", "HTTPS://News.Example.ORG/A", "https://news.example.org/A"},
		{"fragment dropped", "https://example.org/a?b=1#top", "https://example.org/a?b=1"},
		{"port", "http://example.org:8080/a", "http://example.org:8080/a"},
		{"idn", "https://bücher.de/x", "https://xn--bcher-kva.de/x"},
		{"public ipv4", "http://93.184.215.14/", "http://93.184.215.14/"},
		{"public hex", "http://0x5d.0xb8.0xd7.0x0e/", "http://93.184.215.14/"},
		{"public decimal", "http://1572394766/", "http://93.184.215.14/"},
		{"public ipv6", "http://[2606:4700:4700::1111]/", "http://[2606:4700:4700::1111]/"},
		{"public mapped", "http://[::ffff:93.184.215.14]/", "http://[::ffff:93.184.215.14]/"},
		{"trailing dot", "https://example.org./", "https://example.org./"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := CheckURL(tt.url)
			if err != nil || u.String() != tt.want {
				t.Errorf("CheckURL(%q) = %v, %v; want %s", tt.url, u, err, tt.want)
			}
		})
	}
}

func TestPublic(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"8.8.8.8", true},
		{"93.184.215.14", true},
		{"1.1.1.1", true},
		{"100.63.255.255", true},
		{"100.128.0.0", true},
		{"172.15.255.255", true},
		{"172.32.0.0", true},
		{"2606:4700:4700::1111", true},
		{"2a00:1450:4001:80b::200e", true},
		{"::ffff:8.8.8.8", true},
		{"127.0.0.1", false},
		{"0.0.0.0", false},
		{"10.255.255.255", false},
		{"100.64.0.0", false},
		{"169.254.169.254", false},
		{"172.16.0.0", false},
		{"192.168.0.1", false},
		{"224.0.0.251", false},
		{"255.255.255.255", false},
		{"::", false},
		{"::1", false},
		{"::ffff:10.0.0.1", false},
		{"::ffff:169.254.169.254", false},
		{"64:ff9b::808:808", false}, // NAT64 even of a public address: the translator is local
		{"fd00:ec2::254", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"ff05::1", false},
		{"2001:db8::1", false},
		{"2002:0808:0808::1", false},
		{"3fff::1", false},
		{"100::1", false},
		{"5f00::1", false},
	}
	for _, tt := range tests {
		if got := Public(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("Public(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
	if Public(netip.Addr{}) {
		t.Errorf("Public(zero Addr) = true, want false")
	}
}

// TestParseIPv4Dotted checks the browser-style parser against netip on ordinary
// dotted-decimal addresses.
func TestParseIPv4Dotted(t *testing.T) {
	for _, s := range []string{"0.0.0.0", "1.2.3.4", "93.184.215.14", "255.255.255.255", "10.0.0.1"} {
		ip, ok, err := parseIPv4(s)
		if !ok || err != nil || ip != netip.MustParseAddr(s) {
			t.Errorf("parseIPv4(%q) = %v, %v, %v; want %s", s, ip, ok, err, s)
		}
	}
	for _, s := range []string{"example.org", "1.2.3.example", "0x7f.example", "abc", "1e3"} {
		if _, ok, _ := parseIPv4(s); ok {
			t.Errorf("parseIPv4(%q) takes a name for an address", s)
		}
	}
}

// FuzzCheckURL checks that CheckURL never panics and that whatever it accepts is an
// http(s) link, without credentials, to a host that is a public address or a name that
// is not local, and that it accepts its own output unchanged.
func FuzzCheckURL(f *testing.F) {
	for _, tt := range forbiddenURLs {
		f.Add(tt.url)
	}
	for _, s := range []string{
		"https://www.bbc.co.uk/news/world-123", "http://0x5d.0xb8.0xd7.0x0e/", "http://[::ffff:8.8.8.8]/",
		"https://bücher.de/x", "http://0x/", "http://1.0x.0/", "http://[64:ff9b::1.2.3.4]:8080/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := CheckURL(raw)
		if err != nil {
			if Message(err) == "the page could not be imported" {
				t.Fatalf("CheckURL(%q) error %v has no plain-words reason", raw, err)
			}
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			t.Fatalf("CheckURL(%q) accepted scheme %q", raw, u.Scheme)
		}
		if u.User != nil {
			t.Fatalf("CheckURL(%q) accepted credentials", raw)
		}
		host := u.Hostname()
		if host == "" || !isASCII(host) || host != strings.ToLower(host) {
			t.Fatalf("CheckURL(%q) host %q not canonical", raw, host)
		}
		if ip, err := netip.ParseAddr(host); err == nil {
			if !Public(ip) {
				t.Fatalf("CheckURL(%q) accepted address %s", raw, ip)
			}
		} else if _, ok, _ := parseIPv4(host); ok {
			t.Fatalf("CheckURL(%q) left address-like host %q", raw, host)
		} else if name := strings.TrimSuffix(host, "."); !strings.Contains(name, ".") ||
			strings.HasSuffix(name, ".localhost") || strings.HasSuffix(name, ".internal") {
			t.Fatalf("CheckURL(%q) accepted local name %q", raw, host)
		}
		again, err := CheckURL(u.String())
		if err != nil || again.String() != u.String() {
			t.Fatalf("CheckURL(%q) = %s, but CheckURL(%s) = %v, %v", raw, u, u, again, err)
		}
	})
}
