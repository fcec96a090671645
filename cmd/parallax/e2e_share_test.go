//go:build browser && !js

// End-to-end tests of sharing and saving a workspace in headless Chromium (see
// e2e_test.go): a link opened in a fresh browser profile shows the same claims, a
// workspace file opens, crafted links do no harm. Run them with:
// go test -tags browser -run TestBrowserShare ./cmd/parallax/

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	wsfile "parallax/app/workspace"
	"parallax/seeds"
)

const shareText = `Secretary of State Antony Blinken met Israeli leaders in Tel Aviv on Tuesday to discuss the war in Gaza.
According to the Gaza Health Ministry, more than 23,000 Palestinians have been killed since October 7.`

// shown is what the aligned view shows: the reference, the highlighted claim and
// each row's text.
const shown = `JSON.stringify({ref: (document.querySelector("#ref") || {}).value, focus: (document.querySelector("tr.claim.focus") || {}).id || "",
	tab: (document.querySelector("[role=tab][aria-selected=true]") || {}).id, rows: [...document.querySelectorAll("tr.claim")].map(tr => tr.innerText)})`

// shareLink presses “Share link” and returns the link shown.
func (s *session) shareLink() string {
	s.t.Helper()
	s.click("#share")
	s.waitFor("the share link", `!!document.querySelector("#share-url") && document.querySelector("#share-url").value.length > 0`)
	return jsEval[string](s, `document.querySelector("#share-url").value`)
}

// Build a workspace (the demo and one more article), pick a reference and a claim,
// copy the link, open it in a fresh browser profile: the same view, the same claims.
func TestBrowserShareRoundTrip(t *testing.T) {
	s := newSession(t)
	s.open()
	s.paste("Daily Planet", shareText)
	s.waitStatus("6 articles compared")
	ref := jsEval[string](s, `document.querySelectorAll("#ref option")[2].value`)
	s.do("picking the reference", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const r = document.querySelector("#ref"); r.value = %q; r.dispatchEvent(new Event("change", {bubbles: true})); })()`, ref)))
	s.waitFor("the new reference", fmt.Sprintf(`document.querySelector("thead th:nth-child(2)").innerText !== "" && document.querySelector("#ref").value === %q`, ref))
	s.click("#tab-coverage")
	s.waitFor("the coverage matrix", `document.querySelectorAll("#coverage svg .hit").length > 4`)
	s.do("picking a claim", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#coverage svg .hit")[4].dispatchEvent(new MouseEvent("click", {bubbles: true}))`))
	s.waitFor("the claim", `!!document.querySelector("tr.claim.focus") && `+rowsDrawn)
	before := jsEval[string](s, shown)

	link := s.shareLink()
	t.Logf("share link of the demo plus one article (6 articles): %d characters", len(link))
	if !strings.Contains(link, "#w=") {
		t.Fatalf("share link %.80q has no #w= fragment", link)
	}
	if !strings.Contains(s.text("#share-warn"), "characters long") || !s.contains("#share-warn", fmt.Sprintf("%d", len(link)/1000)) {
		t.Errorf("a %d-character link shows no warning with its size: %q", len(link), s.text("#tools"))
	}

	// A fresh profile: a new browser context has its own, empty localStorage.
	ctx, cancel := chromedp.NewContext(s.ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	fresh := &session{t: t, ctx: ctx, url: link}
	fresh.do("opening the link", chromedp.Navigate(link))
	fresh.waitStatus("6 articles compared")
	fresh.waitFor("the claim", `!!document.querySelector("tr.claim.focus") && `+rowsDrawn)
	if after := jsEval[string](fresh, shown); after != before {
		t.Errorf("the link shows\n%.600s\nwant\n%.600s", after, before)
	}
	if !fresh.contains(".cards", "Daily Planet") || jsEval[bool](fresh, `!!document.querySelector(".panel-articles .badge")`) {
		t.Errorf("the fresh profile's articles: %q", fresh.text(".cards"))
	}
	if h := jsEval[string](fresh, `location.hash`); h != "" {
		t.Errorf("the link stays in the address bar (%.40q): a reload would open it again", h)
	}
	// The reader's own copy is saved there now: a reload keeps it.
	fresh.do("reloading", chromedp.Reload())
	fresh.waitStatus("6 articles compared")

	// The demo's link is short: its settings only.
	s.click("#reset")
	s.click("#confirm-yes")
	s.waitStatus("5 articles compared")
	demo := s.shareLink()
	t.Logf("share link of the demo's view: %d characters", len(demo))
	if !strings.Contains(demo, "#demo") || len(demo) > 200 || s.contains("#tools", "characters long") {
		t.Errorf("demo link %q (%d characters), warning %q", demo, len(demo), s.text("#share-warn"))
	}
	s.noConsoleErrors()
}

// A workspace file opens from “Open workspace file”; a bad one is refused in words
// and changes nothing.
func TestBrowserShareWorkspaceFile(t *testing.T) {
	s := newSession(t)
	s.open()
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.parallax.json")
	os.WriteFile(bad, []byte(`{"parallax": 1, "articles": [{"id": "a", "outlet": "A", "text": "One."}, {"id": "b", "outlet": "B", "text": ""}]}`), 0o644)
	s.do("opening a bad file", chromedp.SetUploadFiles(chromedp.CSS("#ws-file"), []string{bad}))
	// The refusal takes the focus, which brings it into view: it is under the cards.
	s.waitFor("the refusal, focused and in view", `!!document.querySelector("#tools-msg") && document.activeElement.id === "tools-msg" && document.querySelector("#tools-msg").getBoundingClientRect().bottom <= innerHeight`)
	if msg := s.text("#tools-msg"); !strings.Contains(msg, "broken.parallax.json") || !strings.Contains(msg, "article 2 has no text") || !strings.Contains(msg, "unchanged") {
		t.Errorf("a bad workspace file says %q", msg)
	}
	if n := jsEval[int](s, `document.querySelectorAll(".card").length`); n != 5 {
		t.Errorf("after a bad file, %d articles, want the demo's 5", n)
	}

	var b bytes.Buffer
	arts := seeds.Articles()[1:4]
	arts[0].Outlet = "Classroom Copy"
	if err := wsfile.Encode(&b, wsfile.New(arts, wsfile.View{Mode: "unique"})); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "class.parallax.json")
	os.WriteFile(good, b.Bytes(), 0o644)
	s.do("opening a workspace file", chromedp.SetUploadFiles(chromedp.CSS("#ws-file"), []string{good}))
	s.waitStatus("3 articles compared")
	if !s.contains("#tools-msg", "Opened class.parallax.json") || !s.contains(".cards", "Classroom Copy") {
		t.Errorf("after opening: %q / %q", s.text("#tools-msg"), s.text(".cards"))
	}
	if tab := jsEval[string](s, `document.querySelector("[role=tab][aria-selected=true]").id`); tab != "tab-unique" {
		t.Errorf("the file's view is %s, want tab-unique", tab)
	}
	s.click("#tools-undo")
	s.waitStatus("5 articles compared")
	s.noConsoleErrors()
}

// Crafted links: markup in the fragment, in a valid workspace's fields, in the demo's
// settings: no dialog, nothing injected, the reader's workspace kept.
func TestBrowserShareCraftedLinks(t *testing.T) {
	s, d := importSession(t, nil)
	s.open()
	s.paste("My Own Post", shareText)
	s.waitStatus("6 articles compared")

	hostile := wsfile.New(append(seeds.Articles()[:1], seeds.Articles()[0]), wsfile.View{Claim: "c1"})
	hostile.Articles[1].ID = `x"><img src=x onerror="window.__pwned=1">`
	hostile.Articles[1].Outlet = `<img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script>`
	hostile.Articles[1].Text = `<svg onload="window.__pwned=4"></svg> ` + shareText
	frag, err := wsfile.Fragment(hostile)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, frag, want string }{
		{"markup", `#w=<img src=x onerror="window.__pwned=5">`, "could not be opened"},
		{"script url", `#w=javascript:window.__pwned=6`, "could not be opened"},
		{"demo markup", `#demo&ref="><img src=x onerror="window.__pwned=7">&claim=<b>1</b>`, "could not be opened"},
		{"valid with markup", "#" + frag, "Open it in place of your 6 articles"},
	} {
		s.do("leaving", chromedp.Navigate("about:blank"))
		s.do("opening "+tt.name, chromedp.Navigate(s.url+tt.frag))
		s.waitDone()
		s.waitFor("the answer to "+tt.name, `!!document.querySelector("#tools")`)
		if !s.contains("#tools", tt.want) {
			t.Errorf("%s: the page says %q, want %q", tt.name, s.text("#tools"), tt.want)
		}
		if s.contains("#link-q", "articles") {
			s.click("#link-no")
		}
		if got := jsEval[bool](s, `window.__pwned !== undefined`); got {
			t.Fatalf("%s: script ran", tt.name)
		}
		if n := jsEval[int](s, `document.querySelectorAll(".px img[src='x'], .px script, .px svg[onload], .px b").length`); n != 0 {
			t.Errorf("%s: %d elements injected", tt.name, n)
		}
		if !s.contains(".cards", "My Own Post") || jsEval[int](s, `document.querySelectorAll(".card").length`) != 6 {
			t.Errorf("%s: the reader's workspace changed: %q", tt.name, s.text(".cards"))
		}
	}

	// The same link pasted into the address bar of the open app (a hashchange), then
	// accepted: the markup shows as text.
	s.do("changing the fragment", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`window.__old = 1; location.hash = %q`, frag)))
	for i := 0; i < 100 && s.reloading(); i++ {
		time.Sleep(50 * time.Millisecond) // the page reloads to open the link
	}
	s.waitDone()
	s.waitFor("the question", `!!document.querySelector("#link-yes")`)
	s.click("#link-yes")
	s.waitStatus("2 articles compared")
	if !s.contains(".cards", `<script>window.__pwned=3</script>`) {
		t.Errorf("the outlet's name is not shown as text: %q", s.text(".cards"))
	}
	if got := jsEval[bool](s, `window.__pwned !== undefined`); got {
		t.Fatal("script in a shared workspace ran")
	}
	// Clicked as a script does: under load the mouse click at the button's place could
	// land after the page had moved it (the workspace above had just been replaced), and
	// the test waited a minute for an undo nobody asked for.
	s.waitFor("the undo", `!!document.querySelector("#tools-undo")`)
	s.do("undoing", chromedp.Evaluate[chromedp.Void](`document.querySelector("#tools-undo").click()`))
	s.waitStatus("6 articles compared")
	if msgs := d.opened(); len(msgs) > 0 {
		t.Errorf("crafted links opened dialogs: %q", msgs)
	}
	s.noConsoleErrors()
}

// reloading reports whether the page marked with window.__old is still there.
func (s *session) reloading() bool {
	old, err := chromedp.Run(s.ctx, chromedp.Evaluate[bool](`window.__old === 1`))
	return err != nil || old
}

// How long a link Chromium opens: the figure behind workspace.MaxLinkChars.
func TestBrowserShareLinkLength(t *testing.T) {
	s := newSession(t)
	s.open()
	for _, n := range []int{100_000, 1_000_000, wsfile.MaxLinkChars, 2_097_152, 2_200_000} {
		pad := n - len(s.url) - 2
		u := s.url + "#x" + strings.Repeat("A", pad)
		ctx, cancel := context.WithCancel(s.ctx)
		_, err := chromedp.Run(ctx, chromedp.Navigate(u))
		got := jsEval[int](s, `location.href.length`)
		cancel()
		t.Logf("a %d-character URL: navigation error %v; the page's address has %d characters", len(u), err, got)
		if n <= wsfile.MaxLinkChars && got != len(u) {
			t.Errorf("Chromium cut a %d-character URL to %d: MaxLinkChars is too high", len(u), got)
		}
		s.do("back", chromedp.Navigate("about:blank"))
	}
}
