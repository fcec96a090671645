package fetch

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// Article is an article extracted from a web page. Every field is plain text.
type Article struct {
	URL    string `json:"url"`    // where the page was fetched from, after redirects ("" if unknown)
	Title  string `json:"title"`  // headline
	Byline string `json:"byline"` // author or authors, "; " between them
	Outlet string `json:"outlet"` // site name, or the host name when the page names none
	Date   string `json:"date"`   // publication date, YYYY-MM-DD, or "" if unknown
	Text   string `json:"text"`   // body: paragraphs separated by blank lines
}

// minArticleRunes is how long the body of an article must be at least.
const minArticleRunes = 250

// Extract finds the article in an HTML page: the body text without navigation, ads,
// captions, related links, comments or scripts, and the title, byline, outlet and date.
// It uses go-readability (Mozilla's Readability ported to Go) after dropping ads and
// captions, and fills in from the page's markup what readability leaves out: the
// standfirst above the body, and a byline or date shown only in the page.
// contentType is the page's Content-Type header, "" if unknown, and tells its character
// set (otherwise the page's own <meta charset>, else UTF-8 if the bytes are valid UTF-8,
// else windows-1252). pageURL is where the page came from, nil if unknown.
//
// A page without article text, such as a home page made of links, yields an error that
// wraps ErrNotArticle. Extract needs no network and builds for js/wasm.
func Extract(page []byte, contentType string, pageURL *url.URL) (a *Article, err error) {
	defer func() {
		if r := recover(); r != nil { // hostile markup must not take the server or CLI down
			a, err = nil, fmt.Errorf("%w (extractor failed: %v)", ErrNotArticle, r)
		}
	}()
	r := decode(page, contentType)
	if tooDeep(r, maxDepth) {
		return nil, fmt.Errorf("%w (elements nested more than %d deep)", ErrNotArticle, maxDepth)
	}
	r.Seek(0, io.SeekStart)
	doc, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotArticle, err)
	}
	hints := findHints(doc)
	stripBoilerplate(doc)
	p := readability.NewParser()
	res, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotArticle, err)
	}
	a = &Article{
		Title:  clean(res.Title()),
		Byline: firstOf(clean(res.Byline()), hints.byline),
		Outlet: clean(res.SiteName()),
	}
	if pageURL != nil {
		a.URL = pageURL.String()
		if a.Outlet == "" {
			a.Outlet = strings.TrimPrefix(pageURL.Hostname(), "www.")
		}
	}
	if t, err := res.PublishedTime(); err == nil {
		a.Date = t.Format("2006-01-02")
	} else {
		a.Date = hints.date
	}
	paras := blocks(res.Node)
	if hints.standfirst != "" && !strings.Contains(strings.Join(paras, "\n"), hints.standfirst) {
		paras = append([]string{hints.standfirst}, paras...)
	}
	paras = dropHeader(paras, a.Title, a.Byline)
	if !articleLike(paras) {
		return nil, ErrNotArticle
	}
	a.Text = strings.Join(paras, "\n\n")
	return a, nil
}

// decode returns page as UTF-8.
func decode(page []byte, contentType string) *bytes.Reader {
	enc, name, certain := charset.DetermineEncoding(page, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(page)) {
		return bytes.NewReader(page)
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return bytes.NewReader(page)
	}
	return bytes.NewReader(out)
}

// maxDepth is how deep elements may nest in a page. Parsing and extraction take time
// that grows with the square of the depth (4,000 nested divs: 1.4 s), and real pages
// stay well under a hundred.
const maxDepth = 1000

// tooDeep reports whether elements in the page nest more than max deep, counting the
// elements a parser keeps open: not void elements, nor those whose end tag may be left
// out (p, li, td, …), which a parser closes by itself.
func tooDeep(r io.Reader, max int) bool {
	z := html.NewTokenizer(r)
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken:
			name, _ := z.TagName()
			if !selfClosing[atom.Lookup(name)] {
				if depth++; depth > max {
					return true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !selfClosing[atom.Lookup(name)] && depth > 0 {
				depth--
			}
		}
	}
}

// selfClosing are the elements that are void or whose end tag is optional.
var selfClosing = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.P: true, atom.Li: true,
	atom.Dt: true, atom.Dd: true, atom.Option: true, atom.Optgroup: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Colgroup: true, atom.Rb: true, atom.Rt: true, atom.Rp: true, atom.Rtc: true,
	atom.Html: true, atom.Head: true, atom.Body: true,
}

// blocks renders the extracted content as plain-text paragraphs, one a block element.
func blocks(root *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := clean(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg:
				return
			case atom.Br:
				cur.WriteString("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if root != nil {
		walk(root)
	}
	flush()
	return paras
}

var isBlock = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Dt: true, atom.Dd: true, atom.Section: true, atom.Article: true,
	atom.Figure: true, atom.Figcaption: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true, atom.Body: true,
	atom.Hr: true,
}

// clean folds white space (keeping single line breaks), drops control characters and
// invalid UTF-8, and trims.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Join(strings.FieldsFunc(l, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r)
		}), " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// dropHeader removes the headline and the byline when the extractor kept them at the top
// of the body: they are metadata, not article text.
func dropHeader(paras []string, title, byline string) []string {
	for i := 0; i < 3 && i < len(paras); {
		p := paras[i]
		if (title != "" && fold(p) == fold(title)) || isByline(p, byline) {
			paras = append(paras[:i:i], paras[i+1:]...)
			continue
		}
		i++
	}
	return paras
}

// isByline reports whether p is a byline line such as "By Priya Raman, Environment
// correspondent" or "Par Claire Lefèvre" for the given author.
func isByline(p, author string) bool {
	if author == "" || utf8.RuneCountInString(p) > 120 {
		return false
	}
	f := fold(p)
	for _, by := range []string{"by ", "par ", "por ", "von ", "door ", "di ", "de "} {
		f = strings.TrimPrefix(f, by)
	}
	first, _, _ := strings.Cut(author, ";")
	return strings.HasPrefix(f, fold(first))
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// articleLike reports whether paragraphs read as an article rather than a page of links:
// long enough, and at least half of the text in paragraphs that end like sentences.
func articleLike(paras []string) bool {
	total, prose := 0, 0
	for _, p := range paras {
		n := utf8.RuneCountInString(p)
		total += n
		if endsSentence(p) {
			prose += n
		}
	}
	return total >= minArticleRunes && prose*2 >= total
}

func endsSentence(p string) bool {
	p = strings.TrimRight(p, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".!?…。！？؟।:", r)
}
