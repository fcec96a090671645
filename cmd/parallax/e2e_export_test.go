//go:build browser && !js

// End-to-end test of the standalone HTML export in headless Chromium (see
// e2e_test.go): the file the app downloads opens from disk, with the network blocked,
// and shows the comparison with no script. Run it with:
// go test -tags browser -run TestBrowserExportHTML ./cmd/parallax/

package main

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/seeds"
)

// download clicks the element sel, lets the browser save the file it starts into dir
// and returns the file's suggested name and its path.
func (s *session) download(sel, dir string) (name, path string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	begun := chromedp.Events(ctx, browser.DownloadWillBegin)
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	s.do("allowing downloads", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		on := true
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
			DownloadPath:  dir,
			EventsEnabled: &on,
		})
		return err
	}))
	s.click(sel)
	for ev, err := range begun {
		if err != nil {
			s.t.Fatalf("waiting for the download of %s to begin: %v", sel, err)
		}
		name = ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			s.t.Fatalf("waiting for the download of %s: %v", sel, err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			return name, filepath.Join(dir, ev.GUID)
		case browser.DownloadProgressStateCanceled:
			s.t.Fatalf("the download of %s was canceled", sel)
		}
	}
	s.t.Fatalf("the download of %s did not complete", sel)
	return "", ""
}

// offlineTab opens a new tab in a fresh browser context of the session's Chromium,
// with requests to any host blocked; it keeps the tab's console messages, and
// requested returns every URL the tab asked for.
func (s *session) offlineTab() (tab *session, requested func() []string) {
	s.t.Helper()
	ctx, cancel := chromedp.NewContext(s.ctx, chromedp.WithNewBrowserContext())
	s.t.Cleanup(cancel)
	tab = &session{t: s.t, ctx: ctx}
	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if r, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, r.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		s.t.Fatalf("opening a tab: %v", err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			tab.mu.Lock()
			tab.console = append(tab.console, m)
			tab.mu.Unlock()
		}
	}()
	tab.do("blocking the network", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		var block []*network.BlockPattern
		for _, scheme := range []string{"http", "https", "ws", "wss"} {
			block = append(block, &network.BlockPattern{URLPattern: scheme + "://*:*/*", Block: true})
		}
		_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: block})
		return err
	}))
	return tab, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// On the demo, “Export HTML” saves parallax-comparison.html; opened from disk in a new
// tab with the network blocked, it shows the Gaza death-toll claim in the wording of
// seeds 000 and 002 with marks, runs no script, loads nothing, prints claims whole.
func TestBrowserExportHTML(t *testing.T) {
	s := newSession(t)
	s.open()
	dir := t.TempDir()
	name, path := s.download("#export-html", dir)
	if name != "parallax-comparison.html" {
		t.Errorf("the download is named %q, want parallax-comparison.html", name)
	}
	s.waitFor("the note", `(document.querySelector("#tools") || {innerText: ""}).innerText.includes("Saved parallax-comparison.html")`)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the download: %v", err)
	}
	t.Logf("HTML export of the demo: %d bytes (%.1f KB)", len(data), float64(len(data))/1024)
	if strings.Contains(strings.ToLower(string(data)), "<script") {
		t.Error("the export contains <script")
	}
	// The app in WebAssembly writes what the command line writes for the same articles.
	res, err := compare.Compare(seeds.Articles(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var native bytes.Buffer
	if err := wsfile.WriteHTML(&native, res, wsfile.HTMLOptions{Title: "Parallax comparison of 5 articles"}); err != nil {
		t.Fatal(err)
	}
	if string(data) != native.String() {
		t.Error("the app's export differs from WriteHTML of the seeds' comparison natively")
	}
	s.noConsoleErrors()

	// The file keeps its name for the page's address: a reader opens parallax-comparison.html.
	file := filepath.Join(dir, name)
	if err := os.Rename(path, file); err != nil {
		t.Fatal(err)
	}
	tab, requested := s.offlineTab()
	u := (&url.URL{Scheme: "file", Path: file}).String()
	tab.do("opening the export", chromedp.Navigate(u))
	if got := jsEval[string](tab, `document.title`); got != "Parallax comparison of 5 articles" {
		t.Errorf("document.title = %q, want “Parallax comparison of 5 articles”", got)
	}
	if n := jsEval[int](tab, `document.querySelectorAll("script").length + document.scripts.length`); n != 0 {
		t.Errorf("the export has %d <script> elements", n)
	}
	if !jsEval[bool](tab, `!!document.querySelector('meta[http-equiv="Content-Security-Policy"]')`) {
		t.Error("the export has no Content-Security-Policy")
	}
	claim := jsEval[map[string]any](tab, `(() => {
		for (const c of document.querySelectorAll("section.claim")) {
			const t = c.innerText;
			if (/according to the Gaza health ministry/.test(t) && t.includes("Hamas-run Gaza Health Ministry")) {
				return {id: c.id, marks: c.querySelectorAll("ins, del").length, num: c.querySelectorAll(".num").length,
					ref: (c.querySelector("tr.ref th") || {innerText: ""}).innerText};
			}
		}
		return {};
	})()`)
	if claim["id"] == nil {
		t.Fatal("no claim in the export shows 000's “according to the Gaza health ministry” and 002's “Hamas-run Gaza Health Ministry”")
	}
	if claim["marks"].(float64) == 0 || claim["num"].(float64) == 0 {
		t.Errorf("claim %v: %v diff marks and %v marked numbers, want some of each", claim["id"], claim["marks"], claim["num"])
	}
	if ref := claim["ref"].(string); !strings.HasPrefix(ref, "The New York Times (2024-01-04)") {
		t.Errorf("claim %v: the reference row is %q, want the demo's first article", claim["id"], ref)
	}
	if !tab.contains(".legend", "words it adds") || !tab.contains(".legend", "reference words it leaves out") {
		t.Errorf("the legend says %q", tab.text(".legend"))
	}
	if n := jsEval[int](tab, `performance.getEntriesByType("resource").length`); n != 0 {
		t.Errorf("the export loaded %d resources", n)
	}
	for _, r := range requested() {
		if r != u {
			t.Errorf("the export asked for %s", r)
		}
	}
	tab.media("print")
	if got := jsEval[string](tab, `getComputedStyle(document.querySelector("section.claim")).breakInside`); got != "avoid" {
		t.Errorf("printed, a claim has break-inside %q, want avoid", got)
	}
	tab.noConsoleErrors()
}
