package fetch

import (
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hints is what a page says about its article in markup that readability does not read
// or drops: the standfirst (the summary under the headline, often in the article's
// header), a byline shown only in the page, and a date only in a <time> element.
type hints struct {
	standfirst, byline, date string
}

// standfirstClasses are class names that news sites give the standfirst.
var standfirstClasses = map[string]bool{
	"standfirst": true, "dek": true, "deck": true, "subtitle": true, "sub-headline": true,
	"subheadline": true, "summary": true, "lede": true, "intro": true, "article-summary": true,
	"article-dek": true, "entry-summary": true, "excerpt": true,
}

// bylineClasses are class names of the element that holds an author's name.
var bylineClasses = map[string]bool{"author": true, "author-name": true, "byline-name": true, "fn": true}

// findHints reads the hints from a parsed page, before anything is removed from it.
func findHints(doc *html.Node) hints {
	var h hints
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Footer, atom.Aside:
				return
			}
			if h.standfirst == "" && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.H2) &&
				hasClass(n, standfirstClasses) {
				t := clean(strings.ReplaceAll(textOf(n), "\n", " "))
				if k := utf8.RuneCountInString(t); k >= 30 && k <= 500 && endsSentence(t) {
					h.standfirst = t
				}
			}
			if h.byline == "" && (attr(n, "rel") == "author" || attr(n, "itemprop") == "author" || hasClass(n, bylineClasses)) {
				t := clean(strings.ReplaceAll(textOf(n), "\n", " "))
				for _, by := range []string{"By ", "by ", "BY "} {
					t = strings.TrimPrefix(t, by)
				}
				if k := utf8.RuneCountInString(t); k >= 3 && k <= 100 {
					h.byline = t
				}
			}
			if h.date == "" && n.DataAtom == atom.Time {
				h.date = dateOf(attr(n, "datetime"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// dateOf returns the date of a machine-readable date or time as YYYY-MM-DD, or "".
func dateOf(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// adWords are the words of class names and ids that mark ads, as in "ad-slot",
// "div-gpt-ad-top" or "adsbygoogle".
var adWords = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true,
	"adsbygoogle": true, "sponsored": true, "promo": true, "outbrain": true, "taboola": true,
}

// stripBoilerplate removes what readability would keep although it is not article
// text: ads (by their class names and ids, or <ins>) and figure captions.
func stripBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Figcaption || c.DataAtom == atom.Ins || isAd(c)) {
			n.RemoveChild(c)
		} else {
			stripBoilerplate(c)
		}
		c = next
	}
}

func isAd(n *html.Node) bool {
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
		}) {
			if adWords[w] {
				return true
			}
		}
	}
	return false
}

func hasClass(n *html.Node, names map[string]bool) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if names[strings.ToLower(c)] {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text inside n, without scripts and styles.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
