package workspace

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"parallax/compare"
)

// Link lengths, in characters of the whole URL.
//
// Chromium refuses URLs over 2 MiB (url::kMaxURLChars). Measured by
// TestBrowserShareLinkLength in headless Chromium: a URL of 2,097,152 characters
// opens whole, one of 2,200,000 is aborted (net::ERR_ABORTED). MaxLinkChars keeps a
// margin below that. Chat apps and email clients cut or wrap links long before, from
// about 2,000 characters (not measured here: they vary by app and version), so
// Parallax warns past WarnLinkChars and offers the workspace file instead.
const (
	WarnLinkChars = 2000
	MaxLinkChars  = 2_000_000
)

// Fragment prefixes.
const (
	fragWorkspace = "w="
	fragDemo      = "demo"
)

// Fragment packs the workspace into a URL fragment (without the '#'): "w=" and the
// compact JSON, deflated and base64url-encoded. Nothing in a fragment reaches a
// server.
func Fragment(f File) (string, error) {
	data, err := Marshal(f)
	if err != nil {
		return "", err
	}
	packed, err := pack(data)
	if err != nil {
		return "", err
	}
	return fragWorkspace + packed, nil
}

// pack deflates data and encodes it in base64url without padding.
func pack(data []byte) (string, error) {
	var b bytes.Buffer
	zw, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		return "", err
	}
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b.Bytes()), nil
}

// DemoFragment is the short link to the seed demo: only the view's settings, e.g.
// "demo&mode=aligned&ref=002_27eef62aab9ae9be&claim=c4&sort=position".
func DemoFragment(v View) string {
	var b strings.Builder
	b.WriteString(fragDemo)
	for _, kv := range [][2]string{{"mode", v.Mode}, {"ref", v.Reference}, {"claim", v.Claim}, {"sort", v.Sort}} {
		if kv[1] != "" {
			b.WriteString("&" + kv[0] + "=" + url.QueryEscape(kv[1]))
		}
	}
	return b.String()
}

// ErrNotLink is returned by ParseFragment for a fragment that is not a Parallax link,
// such as "#views".
var ErrNotLink = errors.New("not a Parallax link")

// ParseFragment reads a fragment made by Fragment or DemoFragment (with or without
// its '#'). A demo link's workspace is the demo articles with the link's view. The
// result is checked as Decode checks a file; a fragment that is no Parallax link
// returns ErrNotLink.
func ParseFragment(frag string, demo []compare.Article) (f File, isDemo bool, err error) {
	frag = strings.TrimPrefix(frag, "#")
	switch {
	case strings.HasPrefix(frag, fragWorkspace):
		f, err := parseWorkspace(frag[len(fragWorkspace):])
		return f, false, err
	case frag == fragDemo || strings.HasPrefix(frag, fragDemo+"&"):
		q, err := url.ParseQuery(strings.TrimPrefix(frag[len(fragDemo):], "&"))
		if err != nil {
			return File{}, true, fmt.Errorf("the link is damaged: %v", err)
		}
		f := New(demo, View{Mode: q.Get("mode"), Reference: q.Get("ref"), Claim: q.Get("claim"), Sort: q.Get("sort")})
		if err := f.Check(); err != nil {
			return File{}, true, fmt.Errorf("the link is damaged: %v", err)
		}
		return f, true, nil
	}
	return File{}, false, ErrNotLink
}

func parseWorkspace(s string) (File, error) {
	if len(s) > MaxLinkChars {
		return File{}, fmt.Errorf("the link is %d characters long, more than the %d Parallax opens", len(s), MaxLinkChars)
	}
	s = strings.TrimRight(s, "=") // padding added by hand or by a mail client
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return File{}, errors.New("the link is damaged or cut short: copy the whole link, or ask for the workspace file")
	}
	data, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), MaxBytes+1))
	if err != nil {
		return File{}, errors.New("the link is damaged or cut short: copy the whole link, or ask for the workspace file")
	}
	f, err := Unmarshal(data)
	if err != nil {
		if errors.Is(err, ErrNotWorkspace) {
			return File{}, errors.New("the link holds no Parallax workspace")
		}
		return File{}, fmt.Errorf("the link's workspace cannot be opened: %v", err)
	}
	return f, nil
}
