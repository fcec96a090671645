package fetch

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// maxURLLen bounds the links CheckURL accepts.
const maxURLLen = 4096

// CheckURL parses a link a reader gave and returns it ready to fetch, or an error that
// wraps ErrBadURL, ErrScheme or ErrForbidden. It accepts absolute http and https links
// without credentials; it rewrites the host the way a browser would (internationalised
// names to ASCII, lower case, IPv4 written in decimal, octal, hexadecimal or with fewer
// than four parts to dotted decimal) and refuses hosts that are not public by their form
// alone: addresses Public refuses, names without a dot (which the resolver's search list
// could complete into a local name) and local names such as localhost, *.local,
// *.internal (metadata.google.internal) and *.home.arpa.
//
// CheckURL does not resolve names: Fetcher does, and checks every address it dials.
func CheckURL(raw string) (*url.URL, error) { return checkURL(raw, Public) }

// checkURL is CheckURL with the judge of IP literals given.
func checkURL(raw string, public func(netip.Addr) bool) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxURLLen || !utf8.ValidString(raw) {
		return nil, ErrBadURL
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, ErrBadURL
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		u.Scheme = strings.ToLower(u.Scheme)
	default:
		return nil, ErrScheme
	}
	if u.Opaque != "" || u.Host == "" {
		return nil, ErrBadURL
	}
	if u.User != nil {
		// http://news.example@10.0.0.1/ reads as a link to news.example; refuse the trick.
		return nil, ErrForbidden
	}
	port := u.Port()
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return nil, ErrBadURL
		}
	}
	host, err := checkHost(u.Hostname(), public)
	if err != nil {
		return nil, err
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// checkHost returns host in canonical form, or an error if it is malformed or not public.
func checkHost(host string, public func(netip.Addr) bool) (string, error) {
	if host == "" {
		return "", ErrBadURL
	}
	if strings.Contains(host, ":") { // IPv6 literal; url.Parse removed the brackets
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return "", ErrBadURL
		}
		if !public(ip) {
			return "", ErrForbidden
		}
		return ip.String(), nil
	}
	if !isASCII(host) {
		// What net/http does with such a host too: full-width digits and ideographic
		// full stops become ASCII here, so "１２７．０．０．１" is seen as 127.0.0.1.
		a, err := idna.Lookup.ToASCII(host)
		if err != nil {
			return "", ErrBadURL
		}
		host = a
	}
	host = strings.ToLower(host)
	if ip, ok, err := parseIPv4(host); ok {
		if err != nil {
			return "", ErrBadURL
		}
		if !public(ip) {
			return "", ErrForbidden
		}
		return ip.String(), nil
	}
	name := strings.TrimSuffix(host, ".")
	if name == "" || strings.HasPrefix(name, ".") || strings.Contains(name, "..") {
		return "", ErrBadURL
	}
	if !strings.Contains(name, ".") {
		return "", ErrForbidden
	}
	for _, suffix := range localSuffixes {
		if strings.HasSuffix(name, suffix) {
			return "", ErrForbidden
		}
	}
	return host, nil
}

// localSuffixes are name suffixes that only mean something on a local network or
// inside a cloud provider.
var localSuffixes = []string{
	".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home",
	".corp", ".home.arpa", ".onion", ".in-addr.arpa", ".ip6.arpa", ".test", ".invalid",
	".example", // reserved for documentation (RFC 2606); real sites never use it
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// parseIPv4 parses host the way browsers do (the WHATWG URL standard): a host whose
// last label is a number is an IPv4 address, whose one to four parts may be decimal,
// octal (leading 0) or hexadecimal (leading 0x); the last part fills the remaining
// bytes. ok reports whether host is meant as an IPv4 address; err, whether it is not a
// valid one.
func parseIPv4(host string) (ip netip.Addr, ok bool, err error) {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if !isNumber(parts[len(parts)-1]) {
		return netip.Addr{}, false, nil
	}
	if len(parts) > 4 {
		return netip.Addr{}, true, ErrBadURL
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := parseIPv4Part(p)
		if !ok {
			return netip.Addr{}, true, ErrBadURL
		}
		nums[i] = n
	}
	var v uint64
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, true, ErrBadURL
		}
		v = v<<8 | n
	}
	rest := uint(5 - len(nums))
	last := nums[len(nums)-1]
	if last >= 1<<(8*rest) {
		return netip.Addr{}, true, ErrBadURL
	}
	v = v<<(8*rest) | last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true, nil
}

// isNumber reports whether s reads as an IPv4 part: decimal digits, or 0x and hex digits.
func isNumber(s string) bool {
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		return strings.Trim(s[2:], "0123456789abcdefABCDEF") == ""
	}
	return strings.Trim(s, "0123456789") == ""
}

// parseIPv4Part parses one part of an IPv4 address: decimal, octal or hexadecimal, up to
// 2³² (anything larger is invalid in every position).
func parseIPv4Part(s string) (uint64, bool) {
	base := 10
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		base, s = 16, s[2:]
		if s == "" {
			return 0, true
		}
	case len(s) > 1 && s[0] == '0':
		base, s = 8, s[1:]
	case s == "":
		return 0, false
	}
	s = strings.TrimLeft(s, "0")
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil || n > 1<<32 {
		return 0, false
	}
	return n, true
}

// Public reports whether a fetch may reach ip: a global unicast address, not loopback,
// private (RFC 1918, RFC 4193 fc00::/7), link-local (169.254/16, fe80::/10), multicast,
// unspecified, shared (CGNAT 100.64/10), broadcast or reserved, not set aside for
// documentation or benchmarks, not a cloud metadata service (169.254.169.254,
// fd00:ec2::254, Oracle's 192.0.0.192, Alibaba's 100.100.100.200) and not an IPv6 form
// that reaches IPv4 through a translator (NAT64 64:ff9b::/96, 6to4, Teredo).
// IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it maps.
func Public(ip netip.Addr) bool {
	if !ip.IsValid() || ip.Zone() != "" {
		return false
	}
	ip = ip.Unmap()
	if ip.Is4() {
		for _, p := range forbidden4 {
			if p.Contains(ip) {
				return false
			}
		}
		return true
	}
	if !globalUnicast6.Contains(ip) {
		return false // ::1, ::, ::a.b.c.d, 64:ff9b::/96, fc00::/7, fe80::/10, ff00::/8, …
	}
	for _, p := range forbidden6 {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// forbidden4 is the IANA IPv4 special-purpose registry, all of it: none of these
// ranges holds a public web site.
var forbidden4 = prefixes(
	"0.0.0.0/8",          // "this network", unspecified
	"10.0.0.0/8",         // private
	"100.64.0.0/10",      // shared address space (CGNAT); Alibaba metadata 100.100.100.200
	"127.0.0.0/8",        // loopback
	"169.254.0.0/16",     // link-local; metadata 169.254.169.254
	"172.16.0.0/12",      // private
	"192.0.0.0/24",       // IETF protocol assignments; Oracle metadata 192.0.0.192
	"192.0.2.0/24",       // documentation TEST-NET-1
	"192.31.196.0/24",    // AS112
	"192.52.193.0/24",    // AMT
	"192.88.99.0/24",     // 6to4 relay anycast
	"192.168.0.0/16",     // private
	"192.175.48.0/24",    // AS112 direct delegation
	"198.18.0.0/15",      // benchmarking
	"198.51.100.0/24",    // documentation TEST-NET-2
	"203.0.113.0/24",     // documentation TEST-NET-3
	"224.0.0.0/4",        // multicast
	"240.0.0.0/4",        // reserved
	"255.255.255.255/32", // broadcast (inside 240/4; listed for the reader)
)

// globalUnicast6 is 2000::/3, the only IPv6 range holding public hosts; forbidden6 are
// the special-purpose ranges inside it.
var (
	globalUnicast6 = netip.MustParsePrefix("2000::/3")
	forbidden6     = prefixes(
		"2001::/23",     // IETF protocol assignments: Teredo, benchmarking 2001:2::/48, ORCHID
		"2001:db8::/32", // documentation
		"2002::/16",     // 6to4: reaches any IPv4 address through a relay
		"3fff::/20",     // documentation (RFC 9637)
	)
)

func prefixes(ss ...string) []netip.Prefix {
	ps := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		ps[i] = netip.MustParsePrefix(s)
	}
	return ps
}
