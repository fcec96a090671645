package fetch

import (
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// junk are texts of the test pages that are not article text: navigation, ads, captions,
// credits, related links, comments, author boxes, newsletters, footers and scripts.
var junk = []string{
	"Accept all cookies", "Subscribe", "BREAKING", "Advertisement", "ADVERTISEMENT",
	"Share on", "Share this", "Read more", "Related", "Most popular", "Sign up",
	"Photograph:", "Courier photo", "Leave a Reply", "Recent Posts", "Previous:",
	"Tagged", "Accueil", "Mentions légales", "alert('", "Menu",
}

// junkMarker matches the markers planted in every piece of junk in testdata/*.html.
var junkMarker = regexp.MustCompile(`[A-Z_]{3,}_(TEXT|CREDIT)`)

var extractTests = []struct {
	page, contentType           string
	title, byline, outlet, date string
	paragraphs                  int
	first, last                 string // how the body's first and last paragraphs start
	mustContain                 []string
}{
	{
		page: "news.html", contentType: "text/html; charset=utf-8",
		title: "Flood defences hold as river peaks in Lanford", byline: "Priya Raman",
		outlet: "The Daily Ledger", date: "2024-03-12", paragraphs: 9,
		first:       "Engineers said the new barrier held back the river overnight",
		last:        "The Met Office said more rain was expected on Wednesday",
		mustContain: []string{"“We have never seen the river this high", "Years of planning", "£38m barrier"},
	},
	{
		page: "regional.html", contentType: "text/html; charset=UTF-8",
		title: "Council approves new bus lanes on Harbour Road", byline: "Daniel Kowalski",
		outlet: "Northgate Courier", date: "2023-11-02", paragraphs: 6,
		first:       "Northgate councillors voted 9 to 4 on Wednesday night",
		last:        "The council said it would create 30 spaces",
		mustContain: []string{"Councillor Anita Marsh", "1,700 signatures"},
	},
	{
		page: "latin1.html", contentType: "text/html; charset=iso-8859-1",
		title: "Grève à la SNCF : le trafic perturbé jeudi", byline: "Claire Lefèvre",
		outlet: "Le Journal de l'Est", date: "2024-01-18", paragraphs: 4,
		first:       "Le trafic ferroviaire sera fortement perturbé jeudi",
		last:        "Le mouvement pourrait se prolonger vendredi",
		mustContain: []string{"« Nous n'avons pas d'autre choix »", "ministère des Transports"},
	},
	{
		// The charset only in <meta http-equiv>, as when a server sends a bare text/html.
		page: "latin1.html", contentType: "text/html",
		title: "Grève à la SNCF : le trafic perturbé jeudi", byline: "Claire Lefèvre",
		outlet: "Le Journal de l'Est", date: "2024-01-18", paragraphs: 4,
		first: "Le trafic ferroviaire sera fortement perturbé jeudi",
		last:  "Le mouvement pourrait se prolonger vendredi",
	},
	{
		page: "hostile.html", contentType: "text/html",
		title: "Researchers warn of booby-trapped web pages", byline: "Sam Ortiz",
		outlet: "Tech Weekly", date: "2025-06-30", paragraphs: 4,
		first: "Security researchers said on Monday",
		last:  "The researchers said all 11 vendors",
		// Markup written as text in the article stays text, word for word.
		mustContain: []string{"<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "Read the report for the full list."},
	},
}

func TestExtract(t *testing.T) {
	pageURL, _ := url.Parse("https://news.example.org/story")
	for _, tt := range extractTests {
		t.Run(tt.page+" "+tt.contentType, func(t *testing.T) {
			a := extractFile(t, tt.page, tt.contentType, pageURL)
			checkArticle(t, a, tt.title, tt.byline, tt.outlet, tt.date)
			paras := strings.Split(a.Text, "\n\n")
			if len(paras) != tt.paragraphs {
				t.Errorf("%d paragraphs, want %d:\n%s", len(paras), tt.paragraphs, a.Text)
			}
			if !strings.HasPrefix(paras[0], tt.first) {
				t.Errorf("first paragraph %q, want it to start %q", paras[0], tt.first)
			}
			if !strings.HasPrefix(paras[len(paras)-1], tt.last) {
				t.Errorf("last paragraph %q, want it to start %q", paras[len(paras)-1], tt.last)
			}
			for _, s := range tt.mustContain {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, a.Text)
				}
			}
			if a.URL != pageURL.String() {
				t.Errorf("URL = %q, want %q", a.URL, pageURL)
			}
			golden(t, strings.TrimSuffix(tt.page, ".html")+".json", a)
		})
	}
}

func TestExtractNotArticle(t *testing.T) {
	for _, page := range []string{"index.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", page))
		if err != nil {
			t.Fatal(err)
		}
		if a, err := Extract(b, "text/html", nil); !errors.Is(err, ErrNotArticle) {
			t.Errorf("Extract(%s) = %+v, %v; want ErrNotArticle", page, a, err)
		}
	}
	for _, page := range []string{"", " ", "\x00\x01\x02\xff\xfe", "<html>", "<p>Too short.</p>",
		strings.Repeat("<div>", 10000), "%PDF-1.7 binary"} {
		if a, err := Extract([]byte(page), "", nil); !errors.Is(err, ErrNotArticle) {
			t.Errorf("Extract(%.20q) = %+v, %v; want ErrNotArticle", page, a, err)
		}
	}
}

// TestExtractNoURL checks that the outlet falls back to the host name, and that a page
// without one still extracts.
func TestExtractNoURL(t *testing.T) {
	b, err := os.ReadFile("testdata/hostile.html")
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), `<meta property="og:site_name" content="Tech Weekly">`, "", 1))
	u, _ := url.Parse("https://www.techweekly.example.net/a/1")
	a, err := Extract(b, "", u)
	if err != nil || a.Outlet != "techweekly.example.net" {
		t.Errorf("Extract without site name = %+v, %v; want outlet techweekly.example.net", a, err)
	}
	if a, err := Extract(b, "", nil); err != nil || a.URL != "" {
		t.Errorf("Extract without URL = %+v, %v; want an article without URL", a, err)
	}
}

func extractFile(t *testing.T, page, contentType string, u *url.URL) *Article {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", page))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(b, contentType, u)
	if err != nil {
		t.Fatalf("Extract(%s) = %v", page, err)
	}
	return a
}

// checkArticle checks the metadata of a and that its text is free of junk.
func checkArticle(t *testing.T, a *Article, title, byline, outlet, date string) {
	t.Helper()
	if a.Title != title || a.Byline != byline || a.Outlet != outlet || a.Date != date {
		t.Errorf("got title %q, byline %q, outlet %q, date %q; want %q, %q, %q, %q",
			a.Title, a.Byline, a.Outlet, a.Date, title, byline, outlet, date)
	}
	if m := junkMarker.FindAllString(a.Text, -1); m != nil {
		t.Errorf("text keeps junk %v:\n%s", m, a.Text)
	}
	for _, j := range junk {
		if strings.Contains(a.Text, j) {
			t.Errorf("text keeps junk %q:\n%s", j, a.Text)
		}
	}
	if strings.HasPrefix(a.Text, title) {
		t.Errorf("text starts with the headline, which is metadata")
	}
	if strings.Contains(a.Text, "\n\n\n") || strings.TrimSpace(a.Text) != a.Text {
		t.Errorf("text is not paragraphs separated by single blank lines: %q", a.Text)
	}
}

// golden compares a with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, a *Article) {
	t.Helper()
	got, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the extraction (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile("testdata/news.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Extract(page, "text/html; charset=utf-8", nil); err != nil {
			b.Fatal(err)
		}
	}
}
