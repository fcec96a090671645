//go:build !js

package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
	"parallax/seeds"
)

// pages are the import test pages of package fetch.
const pages = "../cmd/parallax/fetch/testdata"

func readPage(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pages, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPageArticle(t *testing.T) {
	tests := []struct {
		page, title, outlet, date string
		first, last               string // how the text starts and ends
		has                       []string
	}{
		{"news.html", "Flood defences hold as river peaks in Lanford", "The Daily Ledger", "2024-03-12",
			"The River Lane peaked", "AUTHOR_BIO_TEXT", nil},
		{"regional.html", "Council approves new bus lanes on Harbour Road", "Northgate Courier", "2023-11-02",
			"Northgate councillors voted 9 to 4", "before the lanes open.", []string{"1,700 signatures"}},
		{"latin1.html", "Grève à la SNCF : le trafic perturbé jeudi", "Le Journal de l'Est", "2024-01-18",
			"Le trafic ferroviaire", "ministère des Transports.", []string{"« Nous n'avons pas d'autre choix »"}},
		{"hostile.html", "Researchers warn of booby-trapped web pages", "Tech Weekly", "2025-06-30",
			"Security researchers said", "already fixed the problem.", []string{"<script>alert(1)</script>", "<img src=x onerror=alert(2)>"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			a, err := pageArticle(readPage(t, tt.page))
			if err != nil {
				t.Fatalf("pageArticle(%s) = %v", tt.page, err)
			}
			if a.Title != tt.title || a.Outlet != tt.outlet || a.Date != tt.date {
				t.Errorf("pageArticle(%s): title %q, outlet %q, date %q; want %q, %q, %q", tt.page, a.Title, a.Outlet, a.Date, tt.title, tt.outlet, tt.date)
			}
			if !strings.HasPrefix(a.Text, tt.first) {
				t.Errorf("pageArticle(%s): text starts %.60q, want %q", tt.page, a.Text, tt.first)
			}
			if tt.page != "news.html" && !strings.HasSuffix(a.Text, tt.last) {
				t.Errorf("pageArticle(%s): text ends %q, want %q", tt.page, a.Text[max(0, len(a.Text)-60):], tt.last)
			}
			for _, s := range tt.has {
				if !strings.Contains(a.Text, s) {
					t.Errorf("pageArticle(%s): text lacks %q", tt.page, s)
				}
			}
			for _, junk := range []string{"SCRIPT_TEXT", "NAV_TEXT", "FOOTER_TEXT", "CAPTION_CREDIT", "COMMENT_TEXT", "SIDEBAR_TEXT", "IFRAME_TEXT", "alert('"} {
				if strings.Contains(a.Text, junk) {
					t.Errorf("pageArticle(%s): text keeps %s", tt.page, junk)
				}
			}
		})
	}
	for _, page := range []string{"", "<html>", "\xff\xfe\x00\x01", strings.Repeat("<div>", 100000), string(readPage(t, "index.html"))} {
		if a, err := pageArticle([]byte(page)); !errors.Is(err, errNoArticleText) {
			t.Errorf("pageArticle(%.30q) = %+v, %v; want errNoArticleText", page, a, err)
		}
	}
}

// TestPageSource checks which pasted texts are read as a web page's source: page
// sources and fragments are, the seeds and articles or e-mails with a few tags are not.
func TestPageSource(t *testing.T) {
	regional := string(readPage(t, "regional.html"))
	article := regional[strings.Index(regional, "<article"):]
	article = article[:strings.Index(article, "</article>")+len("</article>")]
	tests := []struct {
		name, text string
		want       bool
	}{
		{"saved page", regional, true},
		{"page with the article in <article>", string(readPage(t, "news.html")), true},
		{"hostile page", string(readPage(t, "hostile.html")), true},
		{"home page", string(readPage(t, "index.html")), true},
		{"view-source, upper case, after a byte-order mark and blank lines", "\ufeff\n\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<HTML><BODY><P>Text.</P></BODY></HTML>", true},
		{"no doctype", "<html lang=\"fr\"><head><title>Grève</title></head><body><p>Le trafic.</p></body></html>", true},
		{"an <article>'s outer HTML", article, true},
		{"a page's middle, mostly markup", `class="col"><div class="promo"><a href="/a" class="link link--big"><span class="label">Live</span></a></div><div class="promo"><a href="/b" class="link"><span class="label">Video</span></a></div><p class="x">Text.</p></div><div class="`, true},
		{"the test's hostile article", "<script>window.__pwned = 1</script><img src=\"x\" onerror=\"window.__pwned = 2\"><iframe src=\"/\"></iframe>\nSecretary of State Antony Blinken met Israeli leaders in Tel Aviv on <em>Tuesday</em> to discuss the war in Gaza.", false},
		{"an article quoting <script> and </p>", "Security researchers said the flaw let attackers hide a <script> tag in a comment. Browsers close a paragraph at </p>, they wrote, but the filter did not.\n\nThe vendor said it had fixed the problem on Tuesday.", false},
		{"an e-mail with a few <b> tags", "Hi all,\n\n<b>Reminder:</b> the council meets on <b>Wednesday</b> at 7pm to vote on the Harbour Road bus lanes.<br>\nPlease bring the traders' petition.\n\nThanks,\nAnna", false},
		{"an article starting and ending with a tag, without paragraphs", "<b>Breaking:</b> the council approved the bus lanes <i>9 to 4</i>", false},
		{"empty", " \n ", false},
	}
	for _, a := range seeds.Articles() {
		tests = append(tests, struct {
			name, text string
			want       bool
		}{"seed " + a.ID, a.Text, false})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageSource(tt.text); got != tt.want {
				t.Errorf("pageSource(%.60q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestArticlePanelSavePageSource checks that a page's source pasted in the form is
// saved as the article read out of it, with the page's outlet, title and date where the
// form left them empty, and that a source without an article is not saved.
func TestArticlePanelSavePageSource(t *testing.T) {
	regional := string(readPage(t, "regional.html"))
	tests := []struct {
		name                string
		draft               compare.Article
		outlet, title, date string // as saved; "" outlet: not saved
		says                string // in the message, or the form's error
	}{
		{"from the page", compare.Article{Text: regional}, "Northgate Courier", "Council approves new bus lanes on Harbour Road", "2023-11-02",
			"This was a web page's source: Parallax read the article's text out of it (6 paragraphs) and took its outlet, title and date from the page"},
		{"the reader's fields win", compare.Article{Outlet: "Courier", Date: "2023-11-03", Text: regional}, "Courier", "Council approves new bus lanes on Harbour Road", "2023-11-03",
			"(6 paragraphs) and took its title from the page;"},
		{"no article in it", compare.Article{Outlet: "Home", Text: string(readPage(t, "index.html"))}, "", "", "",
			"found no article text in it. Copy the article's text as your browser shows it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			panel := &articlePanel{IArticles: seeds.Articles()}
			h, e := mount(t, nil, panel)
			panel.editing, panel.draft = len(panel.IArticles), tt.draft
			got := make(chan articleChange, 1)
			h.ctx.Handle(actionSetArticles, func(ctx app.Context, a app.Action) { got <- a.Value.(articleChange) })
			panel.save(h.ctx)
			e.ConsumeAll()
			if tt.outlet == "" {
				if !strings.Contains(panel.formErr, tt.says) || panel.editing != len(panel.IArticles) || !reflect.DeepEqual(panel.draft, tt.draft) {
					t.Errorf("save: form error %q, editing %d, draft kept %v; want the form open on the draft with an error saying %q", panel.formErr, panel.editing, reflect.DeepEqual(panel.draft, tt.draft), tt.says)
				}
				return
			}
			if panel.formErr != "" {
				t.Fatalf("save: form error %q", panel.formErr)
			}
			ch := <-got
			a := ch.Articles[len(ch.Articles)-1]
			if a.Outlet != tt.outlet || a.Title != tt.title || a.Date != tt.date {
				t.Errorf("saved outlet %q, title %q, date %q; want %q, %q, %q", a.Outlet, a.Title, a.Date, tt.outlet, tt.title, tt.date)
			}
			if !strings.HasPrefix(a.Text, "Northgate councillors voted 9 to 4") || strings.Contains(a.Text, "<") {
				t.Errorf("saved text %.80q…, want the article's paragraphs without markup", a.Text)
			}
			if !strings.Contains(ch.Message, tt.says) {
				t.Errorf("message %q lacks %q", ch.Message, tt.says)
			}
		})
	}
}

// TestArticlePanelHTMLUpload checks that a saved page dropped on the panel adds its
// article, and a page without one is turned away in plain words.
func TestArticlePanelHTMLUpload(t *testing.T) {
	panel := &articlePanel{IArticles: seeds.Articles()[:2]}
	h, e := mount(t, nil, panel)
	got := make(chan articleChange, 1)
	h.ctx.Handle(actionSetArticles, func(ctx app.Context, a app.Action) { got <- a.Value.(articleChange) })
	panel.addUploads(h.ctx, []upload{
		{name: "regional.html", data: readPage(t, "regional.html")},
		{name: "home.htm", data: readPage(t, "index.html")},
		{name: "photo.png", data: []byte("\x89PNG")},
		{name: "bbc.txt", data: []byte("Blinken in Israel as Netanyahu rejects terms\n\n7 February 2024\n\nBlinken met Netanyahu.")},
	})
	e.ConsumeAll()
	ch := <-got
	if len(ch.Articles) != 4 || ch.Articles[2].Outlet != "Northgate Courier" || ch.Articles[2].Date != "2023-11-02" {
		t.Errorf("after dropping regional.html: %d articles, last %+v", len(ch.Articles), ch.Articles[len(ch.Articles)-1])
	}
	// A text file pasted from a page is dated by the page's own timestamp.
	if a := ch.Articles[len(ch.Articles)-1]; a.Outlet != "bbc" || a.Date != "2024-02-07" {
		t.Errorf("after dropping bbc.txt: %+v, want outlet bbc dated 2024-02-07", a)
	}
	for _, want := range []string{"home.htm: no article text found", "photo.png: only plain-text .txt files and saved web pages"} {
		if !strings.Contains(panel.fileMsg, want) {
			t.Errorf("message %q lacks %q", panel.fileMsg, want)
		}
	}
	// A file of a few words may not be the whole article: the status line says so.
	if !strings.Contains(ch.Message, "bbc.txt is only 13 words long") || strings.Contains(ch.Message, "regional.html is only") {
		t.Errorf("message %q: want bbc.txt (13 words) and not regional.html said to be short", ch.Message)
	}
}

// TestArticlePanelLink checks “Add from link” without a browser: the field is checked
// first, and outside the browser (as on a static host) the reader is told that import
// needs parallax serve.
func TestArticlePanelLink(t *testing.T) {
	tests := []struct{ link, want string }{
		{"", "Paste the link"},
		{"ftp://example.org/a", "not a web link"},
		{"javascript:alert(1)", "not a web link"},
		{"https://example.org/story", "needs Parallax running as “parallax serve”"},
	}
	for _, tt := range tests {
		panel := &articlePanel{IArticles: seeds.Articles()}
		h, e := mount(t, nil, panel)
		panel.link = tt.link
		panel.onLink(h.ctx, app.Event{Value: app.Null()})
		e.ConsumeAll()
		if !strings.Contains(panel.linkErr, tt.want) || panel.linkBusy || panel.editing >= 0 {
			t.Errorf("Add from link %q: message %q, busy %v, editing %d; want a message with %q", tt.link, panel.linkErr, panel.linkBusy, panel.editing, tt.want)
		}
	}
}

// TestNotAdded checks that files refused for one reason are named together, and
// that many files added are summed up.
func TestNotAdded(t *testing.T) {
	limit := "Parallax compares up to 20 articles at once"
	var over []upload
	for i := 16; i < 60; i++ {
		over = append(over, upload{name: fmt.Sprintf("outlet%02d.txt", i), err: limit})
	}
	tests := []struct {
		name   string
		failed []upload
		want   string
	}{
		{"none", nil, ""},
		{"one", []upload{{name: "a.png", err: "only plain-text .txt files"}}, "Not added: a.png: only plain-text .txt files."},
		{"44 over the limit", over, "44 files not added (outlet16.txt … outlet59.txt): " + limit + "."},
		{"two reasons", []upload{{name: "a.png", err: "bad"}, {name: "b.txt", err: "empty"}, {name: "c.png", err: "bad"}},
			"2 files not added (a.png, c.png): bad. Not added: b.txt: empty."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := notAdded(tt.failed); got != tt.want {
				t.Errorf("notAdded(…) = %q, want %q", got, tt.want)
			}
		})
	}
	if got, want := filesText([]string{"a.txt", "b.txt"}), "a.txt, b.txt"; got != want {
		t.Errorf("filesText(2 files) = %q, want %q", got, want)
	}
	if got, want := filesText([]string{"a.txt", "b.txt", "c.txt", "d.txt"}), "4 files (a.txt … d.txt)"; got != want {
		t.Errorf("filesText(4 files) = %q, want %q", got, want)
	}
}
