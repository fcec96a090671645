//go:build !js

package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

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
