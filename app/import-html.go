package app

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"parallax/compare"
)

// errNoArticleText is why a saved page yields no article.
var errNoArticleText = errors.New("no article text found in the page: open it in the browser, copy the article and use “Paste an article”")

// pageArticle pulls an article out of a saved web page, in the browser: the text of its
// paragraphs (those inside <article> if it has one) without navigation, headers,
// footers, asides, forms, captions or scripts; the title from og:title, the first <h1>
// or <title>; the outlet from og:site_name; the date from article:published_time.
//
// It is a light reading of the page (x/net/html's tokenizer only), far simpler than the
// server's extractor, so that the app stays small: a page whose article is not in <p>
// elements yields errNoArticleText. Markup in the page is never kept: the article is
// plain text.
func pageArticle(page []byte) (compare.Article, error) {
	if len(page) > compare.MaxTextBytes {
		return compare.Article{}, errors.New("the page is larger than the limit for one article")
	}
	page = toUTF8(page)
	var (
		a                  compare.Article
		h1, title          string
		all, inArticle     []string
		skip, article, par int    // depths: inside skipped elements, <article>, a paragraph
		link               int    // depth inside <a>
		cur                []byte // the paragraph being read
		linked             int    // bytes of cur that are link text
		grab               *string
	)
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			paras := inArticle
			if len(paras) == 0 {
				paras = all
			}
			a.Title = firstNonEmpty(a.Title, meta(h1), trimSite(meta(title), a.Outlet))
			a.Text = strings.Join(paras, "\n\n")
			if compare.CheckText(a.Text) != nil || utf8.RuneCountInString(a.Text) < 200 {
				return compare.Article{}, errNoArticleText
			}
			return a, nil
		case html.TextToken:
			switch {
			case grab != nil:
				*grab += string(z.Text())
			case skip == 0 && par > 0:
				t := z.Text()
				cur = append(cur, t...)
				if link > 0 {
					linked += len(t)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			at := atom.Lookup(name)
			if at == atom.Meta && hasAttr {
				readMeta(z, &a)
				continue
			}
			if tt == html.SelfClosingTagToken || voidElement[at] {
				if at == atom.Br && par > 0 {
					cur = append(cur, ' ')
				}
				continue
			}
			switch {
			case skipElement[at]:
				skip++
			case at == atom.Article:
				article++
			case at == atom.Title && title == "":
				grab = &title
			case at == atom.H1 && h1 == "":
				grab = &h1
			case at == atom.P && skip == 0:
				par, cur, linked = 1, cur[:0], 0
			case at == atom.A:
				link++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch at := atom.Lookup(name); {
			case skipElement[at]:
				skip = max(0, skip-1)
			case at == atom.Article:
				article = max(0, article-1)
			case at == atom.A:
				link = max(0, link-1)
			case at == atom.Title, at == atom.H1:
				grab = nil
			case at == atom.P && par > 0:
				par = 0
				if p := plainParagraph(string(cur)); p != "" && linked*5 < len(cur)*4 { // not mostly links
					all = append(all, p)
					if article > 0 {
						inArticle = append(inArticle, p)
					}
				}
			}
		}
	}
}

// pageSource reports whether pasted text is evidently a web page's HTML source (from
// view-source, or an element's outer HTML), not an article: it opens with <!doctype
// html> or <html>, or it closes paragraphs or blocks (</p>, </div>, </article>) and is
// markup from its first byte to its last or has more of its non-space bytes inside
// tags than outside. An article that quotes a tag or two, or an e-mail with some <b>, is text.
func pageSource(text string) bool {
	s := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")))
	if strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html") {
		return true
	}
	if !strings.Contains(s, "</p>") && !strings.Contains(s, "</div>") && !strings.Contains(s, "</article>") {
		return false
	}
	if s[0] == '<' && s[len(s)-1] == '>' {
		return true
	}
	in, out, tag := 0, 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '<' && i+1 < len(s) && strings.IndexByte("/!abcdefghijklmnopqrstuvwxyz", s[i+1]) >= 0 {
			tag = true
		}
		switch {
		case c <= ' ': // white space counts for neither
		case tag:
			in++
		default:
			out++
		}
		if c == '>' {
			tag = false
		}
	}
	return in > out
}

// readMeta takes the outlet, title and date from a <meta> tag's attributes.
func readMeta(z *html.Tokenizer, a *compare.Article) {
	var prop, content string
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "property", "name":
			prop = strings.ToLower(string(v))
		case "content":
			content = strings.TrimSpace(string(v))
		}
		if !more {
			break
		}
	}
	switch prop {
	case "og:site_name":
		a.Outlet = meta(content)
	case "og:title":
		a.Title = meta(content)
	case "article:published_time", "date", "dc.date":
		if len(content) >= 10 && validDate(content[:10]) && a.Date == "" {
			a.Date = content[:10]
		}
	}
}

// plainParagraph folds white space and drops control characters; it returns "" for a
// paragraph too short to be article text and not ending like a sentence (a credit,
// a button label).
func plainParagraph(s string) string {
	s = meta(s)
	if utf8.RuneCountInString(s) < 40 && !strings.ContainsAny(lastRune(s), ".!?…。") {
		return ""
	}
	return s
}

// meta folds white space and drops control characters in a title or name.
func meta(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

// trimSite removes the site's name from the end of a page title, as in
// "Headline | Outlet" or "Headline – Outlet" ("Headline | …" when the site is unknown).
func trimSite(title, site string) string {
	for _, sep := range []string{" | ", " – ", " — ", " - ", " · "} {
		if i := strings.LastIndex(title, sep); i > 0 && (strings.EqualFold(title[i+len(sep):], site) || site == "" && sep == " | ") {
			return title[:i]
		}
	}
	return title
}

func lastRune(s string) string {
	s = strings.TrimRight(s, " \"'”’»)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// skipElement are the elements whose text is never article text.
var skipElement = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Figcaption: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Svg: true, atom.Iframe: true,
	atom.Object: true, atom.Math: true,
}

var voidElement = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// toUTF8 returns page as UTF-8: as it is when it is valid UTF-8, else read as
// windows-1252 (a superset of ISO-8859-1, what older pages that are not UTF-8 mostly use).
func toUTF8(page []byte) []byte {
	if utf8.Valid(page) {
		return page
	}
	out := make([]rune, 0, len(page))
	for _, b := range page {
		r := rune(b)
		if b >= 0x80 && b < 0xa0 {
			r = cp1252[b-0x80]
		}
		out = append(out, r)
	}
	return []byte(string(out))
}

// cp1252 are the characters of windows-1252 at 0x80–0x9f.
var cp1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}
