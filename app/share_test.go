//go:build !js

package app

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/seeds"
)

// atURL puts the page at an address (with a link's fragment) before it mounts.
type atURL struct {
	app.Compo
	url   string
	page  *workspacePage
	ready bool
}

func (a *atURL) OnPreRender(ctx app.Context) {
	u, _ := url.Parse(a.url)
	ctx.Page().ReplaceURL(u)
	a.ready = true
}

func (a *atURL) Render() app.UI {
	if !a.ready {
		return app.Div()
	}
	return a.page
}

// openAt mounts a page at the address, after saving a workspace (nil: a first visit).
func openAt(t *testing.T, saved *workspace, addr string) (*workspacePage, *harness, app.TestEngine) {
	t.Helper()
	p := NewPage().(*workspacePage)
	h, e := mount(t, saved, &atURL{url: addr, page: p})
	return p, h, e
}

// downloads records what the page hands the browser to save.
func downloads(t *testing.T) *[]struct{ name, mime, data string } {
	t.Helper()
	var got []struct{ name, mime, data string }
	old := download
	download = func(name, mime string, data []byte) {
		got = append(got, struct{ name, mime, data string }{name, mime, string(data)})
	}
	t.Cleanup(func() { download = old })
	return &got
}

const extraText = "Secretary of State Antony Blinken met Israeli leaders in Tel Aviv on Tuesday to discuss the war in Gaza. According to the Gaza Health Ministry, more than 23,000 Palestinians have been killed since October 7."

// myArticles is a workspace of the reader's own: two seeds and an article with markup
// in its outlet's name.
func myArticles() []compare.Article {
	return append(seeds.Articles()[:2], compare.Article{ID: "planet", Outlet: "<img src=x onerror=alert(1)> Planet", Date: "2024-01-09", Text: extraText})
}

func claimIDs(res *compare.Result) []string {
	var ids []string
	for _, c := range res.Claims {
		ids = append(ids, c.ID+":"+strings.Join(strings.Fields(strings.Repeat("x ", len(c.Members))), ""))
	}
	return ids
}

func TestShareLinkRoundTrip(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: myArticles(), Message: "Added."})
	e.ConsumeAll()
	if p.st != statusDone || len(p.res.Claims) == 0 {
		t.Fatalf("status %q (%s), want done with claims", p.st, p.errMsg)
	}
	p.ref, p.order, p.focus = "planet", sortPosition, p.res.Claims[0].ID
	h.ctx.NewAction(actionShare)
	e.ConsumeAll()
	link := p.tools.link
	if !strings.HasPrefix(link, "/#w=") {
		t.Fatalf("share link = %.40q, want /#w=…", link)
	}
	t.Logf("link to 2 seeds and a short article: %d characters", len(link))
	if err := app.Match(app.Div().ID("tools").Class("tools"), p, 0, 3, 0); err != nil {
		t.Error(err)
	}
	if len(link) > wsfile.WarnLinkChars {
		if err := app.Match(app.P().ID("share-warn").Class("warn").Role("alert"), p, 0, 3, 0, 0, 2); err != nil {
			t.Errorf("a link of %d characters shows no warning: %v", len(link), err)
		}
	}

	// A fresh browser (nothing saved) opens the link: the same articles, the same
	// view, the same claims.
	q, _, _ := openAt(t, nil, link)
	if q.st != statusDone || q.demo {
		t.Fatalf("opened link: status %q (%s), demo %v; want done, not the demo", q.st, q.errMsg, q.demo)
	}
	if !sameArticles(q.articles, p.articles) {
		t.Errorf("opened link: articles %+v, want %+v", q.articles, p.articles)
	}
	if q.view != viewAligned || q.ref != "planet" || q.order != sortPosition || q.focus != p.focus {
		t.Errorf("opened link: view %q ref %q order %q claim %q; want aligned, planet, position, %q", q.view, q.ref, q.order, q.focus, p.focus)
	}
	if a, b := claimIDs(q.res), claimIDs(p.res); strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("opened link: claims %v, want %v", a, b)
	}
	if u := q.tools.undo; u == nil || !u.demo {
		t.Error("opening a link on a first visit keeps no undo back to the demo")
	}
	if !strings.Contains(q.tools.note, "Opened the shared workspace: 3 articles") {
		t.Errorf("note = %q", q.tools.note)
	}
}

func TestDemoLink(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	ref := p.res.Documents[2].ID
	p.ref, p.order, p.focus = ref, sortPosition, "c3"
	h.ctx.NewAction(actionShare)
	e.ConsumeAll()
	want := "/#demo&mode=aligned&ref=" + ref + "&claim=c3&sort=position"
	if p.tools.link != want {
		t.Fatalf("demo link = %q, want %q", p.tools.link, want)
	}
	// The demo's link holds the view, not the articles, and says so.
	if html := app.HTMLString(p); !strings.Contains(html, "It holds no articles") || strings.Contains(html, "The articles travel inside the link") {
		t.Errorf("the demo link's label does not say it holds only the view:\n%.600s", between(html, `id="tools"`, "</label>"))
	}
	q, _, _ := openAt(t, nil, want)
	if !q.demo || q.ref != ref || q.order != sortPosition || q.focus != "c3" || q.st != statusDone {
		t.Errorf("opened demo link: demo %v ref %q order %q claim %q status %q", q.demo, q.ref, q.order, q.focus, q.st)
	}
}

func TestLinkText(t *testing.T) {
	if got := linkText(false, 1234); !strings.Contains(got, "1,234 characters") || !strings.Contains(got, "The articles travel inside the link") {
		t.Errorf("linkText(workspace) = %q", got)
	}
}

func TestLinkAsksBeforeReplacing(t *testing.T) {
	frag, err := wsfile.Fragment(wsfile.New(myArticles(), wsfile.View{Mode: viewCoverage}))
	if err != nil {
		t.Fatal(err)
	}
	mine := &workspace{Articles: seeds.Articles()[1:4]}
	p, h, e := openAt(t, mine, "/#"+frag)
	if p.tools.pending == nil || len(p.articles) != 3 || p.articles[0].ID != mine.Articles[0].ID {
		t.Fatalf("a link over saved articles: pending %v, articles %d; want a question and my articles", p.tools.pending != nil, len(p.articles))
	}
	if u := h.ctx.Page().URL(); u.Fragment != "" {
		t.Errorf("the fragment stays in the address (%q): a reload would open the link again", u.Fragment)
	}
	if err := app.Match(app.P().ID("link-q"), p, 0, 3, 0, 0, 0); err != nil {
		t.Error(err)
	}
	p.onLinkNo(h.ctx, app.Event{})
	if p.tools.pending != nil || p.articles[0].ID != mine.Articles[0].ID {
		t.Error("“Keep my workspace” did not keep it")
	}

	// Yes, then undo.
	p.tools.pending = &linkPending{file: mustFile(t, frag)}
	h.ctx.Dispatch(func(ctx app.Context) { p.onLinkYes(ctx, app.Event{}) })
	e.ConsumeAll()
	if !sameArticles(p.articles, myArticles()) || p.view != viewCoverage || p.st != statusDone {
		t.Fatalf("after yes: %d articles, view %q, status %q", len(p.articles), p.view, p.st)
	}
	var saved workspace
	if err := h.ctx.LocalStorage().Get(storageKey, &saved); err != nil || len(saved.Articles) != 3 || saved.Articles[2].ID != "planet" {
		t.Errorf("the opened workspace was not saved: %v, %d articles", err, len(saved.Articles))
	}
	h.ctx.Dispatch(func(ctx app.Context) { p.onToolsUndo(ctx, app.Event{}) })
	e.ConsumeAll()
	if !sameArticles(p.articles, mine.Articles) || p.view != viewAligned {
		t.Errorf("after undo: %d articles (first %q), view %q; want mine back", len(p.articles), p.articles[0].ID, p.view)
	}
}

func mustFile(t *testing.T, frag string) wsfile.File {
	t.Helper()
	f, _, err := wsfile.ParseFragment(frag, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Crafted links: refused in words, nothing replaced; markup inside a valid link's
// workspace stays text.
func TestCraftedLinks(t *testing.T) {
	for _, frag := range []string{
		"#w=<img src=x onerror=alert(1)>",
		"#w=" + strings.Repeat("A", 100),
		`#demo&ref="><script>alert(1)</script>`,
		"#demo&claim=<svg/onload=alert(1)>",
	} {
		p, h, _ := openAt(t, nil, "/"+frag)
		if !p.demo || p.st != statusDone || !p.tools.failed || !strings.Contains(p.tools.note, "could not be opened") || !strings.Contains(p.tools.note, "unchanged") {
			t.Errorf("%s: demo %v, status %q, note %q; want the demo and a plain refusal", frag, p.demo, p.st, p.tools.note)
		}
		if h.ctx.Page().URL().Fragment != "" {
			t.Errorf("%s: the fragment stays in the address", frag)
		}
	}
	p, _, _ := openAt(t, nil, "/#views") // the skip link's fragment: not a link
	if p.tools.visible() {
		t.Errorf("#views: tools shown (%q)", p.tools.note)
	}
}

func TestWorkspaceFileAndExports(t *testing.T) {
	got := downloads(t)
	h, e := load(t, nil)
	p := h.page
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: myArticles(), Message: "Added."})
	e.ConsumeAll()

	h.ctx.NewAction(actionSaveFile)
	h.ctx.NewActionWithValue(actionExport, exportMarkdown)
	h.ctx.NewActionWithValue(actionExport, exportCSV)
	e.ConsumeAll()
	if len(*got) != 3 {
		t.Fatalf("%d downloads, want 3", len(*got))
	}
	file, md, csv := (*got)[0], (*got)[1], (*got)[2]
	if file.name != "parallax-workspace.parallax.json" || file.mime != "application/json" {
		t.Errorf("workspace file %q (%s)", file.name, file.mime)
	}
	f, err := wsfile.Decode(strings.NewReader(file.data))
	if err != nil || !sameArticles(f.CompareArticles(), p.articles) {
		t.Errorf("the saved file decodes to %d articles (%v), want the page's", len(f.Articles), err)
	}
	if !strings.HasPrefix(md.data, "# Parallax comparison") || !strings.Contains(md.data, `\<img src=x onerror=alert(1)\> Planet`) {
		t.Errorf("Markdown export: %.200s", md.data)
	}
	if !strings.HasPrefix(csv.data, "\ufeffclaim,outlet,date,sentence,position,numbers\n") || !strings.Contains(csv.data, "23,000") {
		t.Errorf("CSV export: %.300s", csv.data)
	}

	// Opening a bad file changes nothing; a good one replaces the workspace.
	before := cloneArticles(p.articles)
	for _, bad := range []upload{
		{name: "notes.json", data: []byte(`{"hello": 1}`)},
		{name: "new.parallax.json", data: []byte(`{"parallax": 2}`)},
		{name: "big.parallax.json", err: "40.0 MB is more than the 32 MB Parallax opens"},
		{name: "holes.parallax.json", data: []byte(`{"parallax": 1, "articles": [{"id": "a", "outlet": "A", "text": "x"}, {"id": "b", "outlet": "B", "text": "y"}, {"id": "c", "outlet": "C", "text": " "}]}`)},
	} {
		h.ctx.NewActionWithValue(actionOpenFile, bad)
		e.ConsumeAll()
		if !p.tools.failed || !strings.Contains(p.tools.note, bad.name) || !strings.Contains(p.tools.note, "unchanged") || !sameArticles(p.articles, before) {
			t.Errorf("opening %s: note %q, %d articles; want a refusal and the workspace kept", bad.name, p.tools.note, len(p.articles))
		}
	}
	if !strings.Contains(p.tools.note, "article 3 has no text") {
		t.Errorf("note = %q, want it to name article 3", p.tools.note)
	}
	var b bytes.Buffer
	wsfile.Encode(&b, wsfile.New(seeds.Articles()[2:], wsfile.View{Mode: viewUnique}))
	h.ctx.NewActionWithValue(actionOpenFile, upload{name: "class.parallax.json", data: b.Bytes()})
	e.ConsumeAll()
	if p.tools.failed || len(p.articles) != 3 || p.view != viewUnique || p.st != statusDone {
		t.Errorf("opening a good file: note %q, %d articles, view %q, status %q", p.tools.note, len(p.articles), p.view, p.st)
	}
	if p.tools.undo == nil || !sameArticles(p.tools.undo.articles, before) {
		t.Error("opening a file keeps no undo")
	}

	// Exports need a result.
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: p.articles[:1]})
	h.ctx.NewActionWithValue(actionExport, exportCSV)
	e.ConsumeAll()
	if len(*got) != 3 || !strings.Contains(p.tools.note, "Nothing to export") {
		t.Errorf("exporting one article: %d downloads, note %q", len(*got), p.tools.note)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 23502: "23,502", 2000000: "2,000,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestStaleMessages checks that a refusal shows where the reader looks and that
// messages about what the reader did before go when a new action starts.
func TestStaleMessages(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	h.ctx.NewActionWithValue(actionOpenFile, upload{name: "notes.json", data: []byte(`{"hello": 1}`)})
	e.ConsumeAll()
	if html := app.HTMLString(p); !p.tools.failed || !strings.Contains(html, `id="tools-msg"`) || !strings.Contains(html, `tabindex="-1"`) {
		t.Fatalf("a refused file: note %q, failed %v; want a focusable alert", p.tools.note, p.tools.failed)
	}
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: seeds.Articles()[:3], Message: "Removed."})
	e.ConsumeAll()
	if p.tools.note != "" {
		t.Errorf("after the articles changed, the old refusal stays: %q", p.tools.note)
	}

	panel := &articlePanel{IArticles: seeds.Articles()}
	ph, pe := mount(t, nil, panel)
	for _, on := range []app.EventHandler{panel.onTool(actionShare, nil), panel.onAdd, panel.onRemove(0), panel.onMove(1, -1)} {
		panel.fileMsg, panel.linkErr = "Not added: x.txt: empty.", "That is not a web link."
		on(ph.ctx, app.Event{Value: app.Null()})
		pe.ConsumeAll()
		if panel.fileMsg != "" || panel.linkErr != "" {
			t.Errorf("after a new action: file message %q, link message %q; want both gone", panel.fileMsg, panel.linkErr)
		}
	}
}
