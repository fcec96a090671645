package fetch

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestIsAd(t *testing.T) {
	tests := []struct {
		name, markup string
		want         bool
	}{
		{"ad slot", `<div class="ad ad-inarticle">`, true},
		{"gpt id", `<div id="div-gpt-ad-top">`, true},
		{"adsbygoogle", `<span class="adsbygoogle">`, true},
		{"sponsored", `<div class="Sponsored_Content">`, true},
		{"header", `<div class="story-header">`, false},
		{"shadow", `<div class="shadow lead-image">`, false},
		{"article", `<article class="ad">`, false}, // never drop the article itself
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tt.markup + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			body := doc.FirstChild.LastChild
			if got := isAd(body.FirstChild); got != tt.want {
				t.Errorf("isAd(%s) = %v, want %v", tt.markup, got, tt.want)
			}
		})
	}
}

func TestFindHints(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<body><nav><span class="author">NAV</span></nav>
<header><p class="standfirst">Ministers agreed a new plan on Monday after weeks of talks.</p>
<span class="byline">By <span class="author vcard"><a class="fn">Ana Ruiz</a></span></span>
<time datetime="2024-05-06T10:00:00Z">6 May</time></header><p class="summary">Too short.</p></body>`))
	if err != nil {
		t.Fatal(err)
	}
	h := findHints(doc)
	want := hints{standfirst: "Ministers agreed a new plan on Monday after weeks of talks.", byline: "Ana Ruiz", date: "2024-05-06"}
	if h != want {
		t.Errorf("findHints = %+v, want %+v", h, want)
	}
	for _, s := range []string{"", "2024", "yesterday", "2024-13-01T00:00"} {
		if d := dateOf(s); d != "" {
			t.Errorf("dateOf(%q) = %q, want \"\"", s, d)
		}
	}
}
