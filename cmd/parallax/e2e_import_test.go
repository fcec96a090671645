//go:build browser && !js

// End-to-end tests of “Add from link” and saved-page import in headless Chromium (see
// e2e_test.go). Run them with: go test -tags browser -run Import ./cmd/parallax/

package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// dialogs records the JavaScript dialogs (alert, confirm, prompt) a page opens, and
// dismisses them so the page goes on.
type dialogs struct {
	mu   sync.Mutex
	msgs []string
}

func (d *dialogs) opened() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.msgs...)
}

// importSession is a Chromium session on the app served with the import endpoint imp
// (nil: none, as on a static host), and the record of the dialogs its page opens.
func importSession(t *testing.T, imp http.Handler) (*session, *dialogs) {
	t.Helper()
	s := newSession(t)
	if imp == nil {
		imp = http.NotFoundHandler() // a static host: 404 in plain text
	}
	registerRoutes()
	h, err := newServer(repoRoot, imp)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	s.url = srv.URL + "/"
	d := &dialogs{}
	opening := chromedp.Events(s.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range opening {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.msgs = append(d.msgs, ev.Message)
			d.mu.Unlock()
			go chromedp.Call(s.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return s, d
}

// addLink types a link into “Add from link” and submits it.
func (s *session) addLink(link string) {
	s.t.Helper()
	s.do("typing the link", chromedp.SetValue(chromedp.CSS("#link-url"), link))
	s.click("#link-add")
}

// value returns the value of a form field.
func (s *session) value(sel string) string {
	s.t.Helper()
	return jsEval[string](s, `(document.querySelector(`+jsString(sel)+`) || {value: ""}).value`)
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// noInjection fails the test if a dialog opened, a planted script ran, or markup from
// an article became elements of the page.
func noInjection(t *testing.T, s *session, d *dialogs) {
	t.Helper()
	if msgs := d.opened(); len(msgs) > 0 {
		t.Errorf("the page opened %d dialog(s): %q", len(msgs), msgs)
	}
	if jsEval[bool](s, `window.__pwned !== undefined`) {
		t.Error("a script from an imported article ran")
	}
	if n := jsEval[int](s, `document.querySelectorAll(".px script, .px img[src='x'], .px iframe, .px a[href^='javascript:' i], [onerror], [onload]").length`); n != 0 {
		t.Errorf("%d elements or handlers injected from an imported article", n)
	}
}

func TestBrowserImportLink(t *testing.T) {
	site := articleSite(t)
	s, d := importSession(t, testImporter())
	s.open()

	// A news page: the form opens filled from the page; saving compares six articles.
	s.addLink(site.URL + "/news")
	s.waitFor("the filled form", `(document.querySelector("#f-outlet") || {}).value === "The Daily Ledger"`)
	if got := s.value("#f-title"); got != "Flood defences hold as river peaks in Lanford" {
		t.Errorf("title field = %q", got)
	}
	if got := s.value("#f-date"); got != "2024-03-12" {
		t.Errorf("date field = %q, want 2024-03-12", got)
	}
	if got := s.value("#f-text"); !strings.HasPrefix(got, "Engineers said the new barrier") || strings.Contains(got, "SPONSORED_AD_TEXT") {
		t.Errorf("text field = %.200q, want the article without ads", got)
	}
	s.click("#f-save")
	s.waitStatus("6 articles compared")
	if !s.contains(".cards", "The Daily Ledger") {
		t.Errorf("the imported article is not listed: %q", s.text(".cards"))
	}

	// A hostile page: its markup-as-text stays text; its scripts, handlers and
	// javascript: links never reach the app.
	s.addLink(site.URL + "/hostile")
	s.waitFor("the filled form", `(document.querySelector("#f-outlet") || {}).value === "Tech Weekly"`)
	s.click("#f-save")
	s.waitStatus("7 articles compared")
	s.click("#tab-articles")
	s.click(".docpick button:last-child")
	s.waitFor("the hostile article", `document.querySelector("#articles .body").innerText.includes("<script>alert(1)</script>")`)
	if !s.contains("#articles .body", "<img src=x onerror=alert(2)>") {
		t.Errorf("the article's text lost the markup written as words: %.300q", s.text("#articles .body"))
	}
	noInjection(t, s, d)

	// Links that cannot be imported: plain words, nothing added.
	// Each message differs from the one before, so the wait sees the new one.
	for _, tt := range []struct{ link, want string }{
		{"http://169.254.169.254/latest/meta-data/", "Not added: that address is not allowed."},
		{site.URL + "/index", "Not added: that page is not an article."},
		{"http://[::ffff:127.0.0.1]:8080/", "Not added: that address is not allowed."},
		{site.URL + "/image", "Not added: that link is not a web page."},
		{"javascript:alert(document.domain)", "That is not a web link"},
		{`http://0xa9fea9fe/"><img src=x onerror=alert(3)>`, "Not added: that address is not allowed."},
	} {
		s.addLink(tt.link)
		s.waitFor("the message for "+tt.link, `(document.querySelector("#link-msg") || {innerText: ""}).innerText.includes(`+jsString(tt.want)+`)`)
	}
	if n := jsEval[int](s, `document.querySelectorAll(".cards .card").length`); n != 7 {
		t.Errorf("%d articles after the refused links, want 7", n)
	}
	noInjection(t, s, d)
	noConsoleErrorsButStatus(s)
}

// noConsoleErrorsButStatus fails the test if the page logged errors or threw, other
// than Chromium's own line for each import answered with an error status.
func noConsoleErrorsButStatus(s *session) {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.console {
		if (m.Type == chromedp.ConsoleError || m.IsException()) && !strings.HasPrefix(m.Text, "Failed to load resource: the server responded with a status of") {
			s.t.Errorf("console %s: %s", m.Type, m.Text)
		}
	}
}

// TestBrowserImportNoEndpoint checks what the reader is told where the server cannot
// import: a static host (404, not JSON) and parallax serve --no-import.
func TestBrowserImportNoEndpoint(t *testing.T) {
	for _, tt := range []struct {
		name string
		imp  http.Handler
		want string
	}{
		{"static host", nil, "needs Parallax running as “parallax serve”"},
		{"--no-import", importHandler(false, nil), "importing from links is turned off on this server"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, d := importSession(t, tt.imp)
			s.open()
			s.addLink("https://news.example.org/story")
			s.waitFor("the message", `(document.querySelector("#link-msg") || {innerText: ""}).innerText.length > 0`)
			if msg := s.text("#link-msg"); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q, want %q", msg, tt.want)
			}
			noInjection(t, s, d)
			noConsoleErrorsButStatus(s)
		})
	}
}

// TestBrowserImportHTMLFile drops saved pages, one of them hostile, on the app: their
// articles are read in the browser, as text.
func TestBrowserImportHTMLFile(t *testing.T) {
	s, d := importSession(t, nil)
	s.open()
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"hostile.html", "regional.html"} {
		b, err := os.ReadFile(filepath.Join("fetch", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if name == "hostile.html" {
			b = append(b, `<p onclick="alert(4)">A javascript: <a href="javascript:alert(5)">link</a> and <img src=x onerror="window.__pwned=1">, written in the page itself, must never run.</p>`...)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	s.do("uploading", chromedp.SetUploadFiles(chromedp.CSS("#files"), files))
	s.waitStatus("7 articles compared")
	for _, want := range []string{"Tech Weekly", "Northgate Courier"} {
		if !s.contains(".cards", want) {
			t.Errorf("the saved page of %s is not listed: %q", want, s.text(".cards"))
		}
	}
	s.click("#tab-articles")
	s.click(".docpick button:nth-last-child(2)")
	s.waitFor("the hostile article", `document.querySelector("#articles .body").innerText.includes("<script>alert(1)</script>")`)
	noInjection(t, s, d)
	s.noConsoleErrors()
}

// TestBrowserPastePageSource pastes a page's HTML source in “Paste an article”: a page
// without an article is not saved, and the form keeps what was pasted; a saved page's
// source adds the article read out of it, as text, with the page's outlet.
func TestBrowserPastePageSource(t *testing.T) {
	s, d := importSession(t, nil)
	s.open()
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("fetch", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	home := read("index.html")
	s.click("#add")
	s.do("pasting a home page's source",
		chromedp.WaitVisible(chromedp.CSS("#f-outlet")),
		chromedp.SendKeys(chromedp.CSS("#f-outlet"), "Home"),
		chromedp.SetValue(chromedp.CSS("#f-text"), home),
	)
	s.click("#f-save")
	s.waitFor("the form's error", `!!document.querySelector("#f-error")`)
	if msg := s.text("#f-error"); !strings.Contains(msg, "web page's source") || !strings.Contains(msg, "Choose files") {
		t.Errorf("saving a page's source without an article says %q", msg)
	}
	if s.value("#f-text") != home || s.value("#f-outlet") != "Home" {
		t.Errorf("after the error the form holds outlet %q and text %.60q…, not what was typed", s.value("#f-outlet"), s.value("#f-text"))
	}

	planted := `<p>A paragraph with <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> in its markup must be read as text, never run.</p>`
	regional := strings.Replace(read("regional.html"), "</div>\n<footer", planted+"</div>\n<footer", 1)
	s.do("pasting a saved page's source, without an outlet",
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#f-outlet").value = ""`),
		chromedp.SetValue(chromedp.CSS("#f-text"), regional),
	)
	s.click("#f-save")
	s.waitStatus("6 articles compared")
	if !s.contains(".cards", "Northgate Courier") || !s.contains(".cards", "2023-11-02") {
		t.Errorf("the card does not take the page's outlet and date: %q", s.text(".cards"))
	}
	if !s.contains(".px", "This was a web page's source: Parallax read the article's text out of it (7 paragraphs)") {
		t.Errorf("the page does not say the article was read out of the page's source: %q", s.text(".panel-articles"))
	}
	s.click("#tab-articles")
	s.click(".docpick button:last-child")
	s.waitFor("the pasted article", `document.querySelector("#articles .body").innerText.includes("Northgate councillors voted 9 to 4")`)
	body := s.text("#articles .body")
	for _, junk := range []string{"<p", "</p>", "class=", "SCRIPT_TEXT", "jQuery", "Log in"} {
		if strings.Contains(body, junk) {
			t.Errorf("the article shown keeps %q from the page's source: %.300q", junk, body)
		}
	}
	if !strings.Contains(body, "must be read as text, never run.") {
		t.Errorf("the planted paragraph is not in the article shown: %.300q", body)
	}
	noInjection(t, s, d)
	s.noConsoleErrors()
}
