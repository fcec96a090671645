package workspace

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"parallax/compare"
	"parallax/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// align compares articles as the command line does (opts nil) or as the app does.
func align(tb testing.TB, arts []compare.Article, opts *compare.Options) *compare.Result {
	tb.Helper()
	res, err := compare.Compare(arts, opts)
	if err != nil {
		tb.Fatalf("Compare: %v", err)
	}
	return res
}

func writeHTML(tb testing.TB, r *compare.Result, opt HTMLOptions) string {
	tb.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, r, opt); err != nil {
		tb.Fatalf("WriteHTML: %v", err)
	}
	return b.String()
}

// page is a parsed export: its elements and its text as a browser shows it.
type page struct {
	root *html.Node
}

func parsePage(tb testing.TB, s string) page {
	tb.Helper()
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		tb.Fatalf("the export does not parse as HTML: %v", err)
	}
	return page{root}
}

// all returns the elements named tag (every element for "").
func (p page) all(tag string) []*html.Node {
	var out []*html.Node
	for n := range p.root.Descendants() {
		if n.Type == html.ElementNode && (tag == "" || n.Data == tag) {
			out = append(out, n)
		}
	}
	return out
}

// nodeText is the text of n, as one line.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return oneLine(b.String())
}

// claims returns the text of each shared claim's section.
func (p page) claims() []string {
	var out []string
	for _, s := range p.all("section") {
		for _, a := range s.Attr {
			if a.Key == "class" && a.Val == "claim" {
				out = append(out, nodeText(s))
			}
		}
	}
	return out
}

// safeTags are the elements a page may have: none runs code or loads anything.
var safeTags = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "main": true, "footer": true, "section": true, "h1": true, "h2": true, "h3": true,
	"p": true, "ol": true, "ul": true, "li": true, "strong": true, "time": true, "cite": true, "span": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "ins": true, "del": true,
}

// checkSafe fails unless the page is self-contained and inert: known elements only,
// no event handlers, nothing that points elsewhere, the CSP in place.
func checkSafe(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Error("the export is not valid UTF-8")
	}
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Error("the export contains <script")
	}
	p := parsePage(t, out)
	for _, n := range p.all("") {
		if !safeTags[n.Data] {
			t.Errorf("the export has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "href" || a.Key == "src" || a.Key == "srcset" || a.Key == "action" || a.Key == "style" {
				t.Errorf("the export has a %s attribute on <%s>: %q", a.Key, n.Data, a.Val)
			}
		}
	}
	csp := false
	for _, m := range p.all("meta") {
		var equiv, content string
		for _, a := range m.Attr {
			switch a.Key {
			case "http-equiv":
				equiv = a.Val
			case "content":
				content = a.Val
			}
		}
		csp = csp || equiv == "Content-Security-Policy" && content == "default-src 'none'; style-src 'unsafe-inline'"
	}
	if !csp {
		t.Error("the export has no Content-Security-Policy that forbids scripts and loading")
	}
}

func TestWriteHTMLSeedsGolden(t *testing.T) {
	out := writeHTML(t, align(t, seeds.Articles(), nil), HTMLOptions{})
	checkSafe(t, out)
	path := filepath.Join("testdata", "seeds.golden.html")
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./app/workspace -run Golden -update` to create it)", err)
	}
	if out != string(want) {
		t.Errorf("WriteHTML(seeds) differs from %s; run `go test ./app/workspace -run Golden -update` and review the diff if the change is intended", path)
	}
	t.Logf("HTML export of the seeds: %d bytes (%.1f KB)", len(out), float64(len(out))/1024)
}

func TestWriteHTML(t *testing.T) {
	hostile := []compare.Article{
		{ID: "evil", Outlet: `<img src=x onerror="alert(1)"> Evil News`, Title: `</title><script>alert(2)</script>`, Date: "2024-01-09",
			Text: `<script>alert(1)</script> Secretary of State Antony Blinken met Israeli leaders in Tel Aviv on Tuesday to discuss the war in Gaza. <img src=x onerror=alert(3)> According to the Gaza Health Ministry, more than 23,000 Palestinians have been killed since October 7.`},
		{ID: "plain", Outlet: "Daily Planet", Text: `Antony Blinken met Israeli leaders in Tel Aviv on Tuesday about the war in Gaza. The Gaza Health Ministry says 22,000 Palestinians have been killed since October 7. <iframe src="/"></iframe>`},
	}
	seedArts := seeds.Articles()
	tests := []struct {
		name    string
		arts    []compare.Article
		opts    *compare.Options
		opt     HTMLOptions
		title   string   // want document.title
		claim   []string // some claim's text has all of these
		want    []string // the page's text has all of these
		tags    []string // the page has these elements
		notTags []string // and not these
	}{
		{
			name:  "seeds",
			arts:  seedArts,
			title: "Parallax comparison",
			claim: []string{"according to the Gaza health ministry", "Hamas-run", "23,000", "Numbers differ from the reference: 22,0000 → 23,000"},
			want:  []string{"The New York Times (2024-01-04) reference", "Blinken meets Israel’s war leadership as US concerns grow", "Only in one outlet", "words it adds", "reference words it leaves out"},
			tags:  []string{"ins", "del", "strong", "table"},
		},
		{
			name:  "seeds as the app aligns them, another reference",
			arts:  seedArts,
			opts:  &compare.Options{NoWordDiffs: true},
			opt:   HTMLOptions{Title: "Blinken's trip: a handout", Reference: seedArts[2].ID},
			title: "Blinken's trip: a handout",
			claim: []string{"The Times of Israel (2024-01-09) reference Cross-border attacks", "According to the Hamas-run Gaza Health Ministry", "according to the Gaza health ministry"},
			want:  []string{"Marks compare each outlet with the reference, The Times of Israel (2024-01-09)", "The Times of Israel (2024-01-09) does not report this claim"},
			tags:  []string{"ins", "del"},
		},
		{
			name:  "unknown reference: the first document",
			arts:  seedArts[:2],
			opt:   HTMLOptions{Reference: "nope"},
			title: "Parallax comparison",
			want:  []string{"Marks compare each outlet with the reference, The New York Times (2024-01-04)"},
		},
		{
			name:    "hostile article",
			arts:    hostile,
			opt:     HTMLOptions{Title: `<script>alert(4)</script>`},
			title:   `<script>alert(4)</script>`,
			claim:   []string{"<script>alert(1)</script>", "<img src=x onerror=alert(3)>"},
			want:    []string{`<img src=x onerror="alert(1)"> Evil News (2024-01-09)`, `</title><script>alert(2)</script>`, `<iframe src="/"></iframe>`},
			notTags: []string{"script", "img", "iframe"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeHTML(t, align(t, tt.arts, tt.opts), tt.opt)
			checkSafe(t, out)
			p := parsePage(t, out)
			if got := nodeText(p.all("title")[0]); got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
			if got := nodeText(p.all("h1")[0]); got != tt.title {
				t.Errorf("heading = %q, want %q", got, tt.title)
			}
			if len(tt.claim) > 0 {
				found := false
				for _, c := range p.claims() {
					has := true
					for _, w := range tt.claim {
						has = has && strings.Contains(c, w)
					}
					found = found || has
				}
				if !found {
					t.Errorf("no claim shows all of %q", tt.claim)
				}
			}
			all := nodeText(p.root)
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("the page does not show %q", w)
				}
			}
			for _, tag := range tt.tags {
				if len(p.all(tag)) == 0 {
					t.Errorf("the page has no <%s>", tag)
				}
			}
			for _, tag := range tt.notTags {
				if n := len(p.all(tag)); n > 0 {
					t.Errorf("the page has %d <%s> elements", n, tag)
				}
			}
		})
	}
}

// The app's results come without stored diffs (the worker drops them): its export,
// which computes the marks and the numbers, is the same page, whatever the reference.
func TestWriteHTMLWithoutStoredDiffs(t *testing.T) {
	full := align(t, seeds.Articles(), nil)
	bare := align(t, seeds.Articles(), &compare.Options{NoWordDiffs: true})
	for i := range bare.Claims {
		bare.Claims[i].Diffs = nil
	}
	for _, d := range full.Documents {
		if a, b := writeHTML(t, full, HTMLOptions{Reference: d.ID}), writeHTML(t, bare, HTMLOptions{Reference: d.ID}); a != b {
			t.Errorf("reference %s: the export of a result without stored diffs differs from the export of one with them", d.ID)
		}
	}
}

func TestWriteHTMLTooFew(t *testing.T) {
	one := align(t, seeds.Articles()[:2], nil)
	one.Documents = one.Documents[:1]
	tests := []struct {
		name string
		r    *compare.Result
		want string
	}{
		{"nil", nil, "has 0 articles"},
		{"empty", &compare.Result{}, "has 0 articles"},
		{"one document", one, "has 1 article and needs at least two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := WriteHTML(&b, tt.r, HTMLOptions{})
			if err == nil || !strings.Contains(err.Error(), "nothing to export") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("WriteHTML = %v, want an error saying %q", err, tt.want)
			}
			if b.Len() != 0 {
				t.Errorf("WriteHTML wrote %d bytes along with its error", b.Len())
			}
		})
	}
}

// FuzzWriteHTML: whatever the article says, the page escapes it: no <script, only
// the elements the page itself writes, valid UTF-8.
func FuzzWriteHTML(f *testing.F) {
	f.Add("Daily <b>Planet</b>", "<script>alert(1)</script> Blinken met Netanyahu in Tel Aviv on Tuesday. 23,000 killed.")
	f.Add("<img src=x onerror=alert(1)>", "Blinken <SCRIPT src=//x></SCRIPT> met Netanyahu in Tel Aviv. <!-- x --> ]]> </style><script>")
	f.Add("\xff\xfe", "Blinken met Netanyahu in Tel\x00 Aviv on Tuesday.\xc3")
	base := "Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Tel Aviv on Tuesday. More than 22,000 people have been killed, the ministry said."
	f.Fuzz(func(t *testing.T, outlet, body string) {
		arts := []compare.Article{
			{ID: "a", Outlet: "Base", Text: base},
			{ID: "b", Outlet: outlet, Title: outlet, Text: body + " " + base},
			{ID: "c", Outlet: "Other", Text: body},
		}
		res, err := compare.Compare(arts, nil)
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := WriteHTML(&b, res, HTMLOptions{Title: outlet, Reference: "b"}); err != nil {
			t.Fatalf("WriteHTML: %v", err)
		}
		checkSafe(t, b.String())
	})
}
