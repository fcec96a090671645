package fetch

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scriptMarker is planted in a script element at the end of every fuzzed page.
const scriptMarker = "zqxjkvbw"

// FuzzExtract: on any page, Extract returns an article or an error, never panics (it
// recovers from a panic with "extractor failed", which the fuzzer counts as a
// failure), gives the same answer twice, and its fields are valid UTF-8. Text the HTML
// parser reads as a script's is never article text.
func FuzzExtract(f *testing.F) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		f.Fatalf("no test pages in testdata (%v)", err)
	}
	for _, p := range pages {
		page, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(page, "text/html; charset=utf-8")
	}
	f.Add([]byte("<p>"+strings.Repeat("Word after word makes a paragraph. ", 20)+"</p>"), "")
	f.Add([]byte("<textarea><script>x</script>"), "text/html")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		page = append(page, "<script>var "+scriptMarker+" = 1;</script>"...)
		a, err := Extract(page, contentType, nil)
		if err != nil {
			if strings.Contains(err.Error(), "extractor failed") {
				t.Fatalf("Extract panicked: %v", err)
			}
			if a != nil {
				t.Fatalf("an article and an error: %v", err)
			}
			return
		}
		again, err := Extract(page, contentType, nil)
		if err != nil || !reflect.DeepEqual(a, again) {
			t.Fatalf("a second Extract gave %+v, %v; the first %+v", again, err, a)
		}
		fields := map[string]string{"url": a.URL, "title": a.Title, "byline": a.Byline, "outlet": a.Outlet, "date": a.Date, "text": a.Text}
		for name, v := range fields {
			if !utf8.ValidString(v) {
				t.Errorf("%s is not valid UTF-8: %q", name, v)
			}
		}
		if a.Text == "" {
			t.Error("an article without text")
		}
		if onlyInScripts(page, contentType, scriptMarker) {
			for name, v := range fields {
				if strings.Contains(v, scriptMarker) {
					t.Errorf("%s holds a script's text: %q", name, v)
				}
			}
		}
	})
}

// onlyInScripts reports whether the HTML parser reads every occurrence of s in page,
// decoded as Extract decodes it, as the text of a script element. (Markup before the
// planted script can make it text: an unclosed <textarea> or <title>, or <plaintext>.)
func onlyInScripts(page []byte, contentType, s string) bool {
	doc, err := html.Parse(decode(page, contentType))
	if err != nil {
		return false
	}
	only := true
	var walk func(n *html.Node, inScript bool)
	walk = func(n *html.Node, inScript bool) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			inScript = true
		}
		if !inScript && strings.Contains(n.Data, s) {
			only = false
		}
		for _, a := range n.Attr {
			if strings.Contains(a.Val, s) || strings.Contains(a.Key, s) {
				only = false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inScript)
		}
	}
	walk(doc, false)
	return only
}
