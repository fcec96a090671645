package app

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/blind"
	"parallax/seeds"
)

// Actions of the workspace tools: the article panel's buttons post them, the page,
// which holds the articles and the view, handles them.
const (
	actionShare    = "/workspace/share"    // no value: make a link to the workspace
	actionSaveFile = "/workspace/save"     // no value: download the workspace file
	actionOpenFile = "/workspace/open"     // value: upload (a chosen .parallax.json file)
	actionExport   = "/workspace/export"   // value: exportMarkdown or exportCSV
	actionLinkYes  = "/workspace/link-yes" // no value: open the pending link's workspace
	actionUndo     = "/workspace/undo"     // no value: put back the workspace before the last import
)

// tools is the state of the workspace tools, held by the page.
type tools struct {
	link    string       // the last share link made
	demoLnk bool         // link opens the demo with the reader's view: it holds no articles
	note    string       // what the last import, export or link did
	failed  bool         // note is an error
	pending *linkPending // a link's workspace waiting for the reader's yes
	undo    *snapshot    // the workspace before the last import, to put back once
}

// linkPending is a workspace opened from a link while the reader has articles of
// their own: it replaces them only if the reader says so.
type linkPending struct {
	file wsfile.File
	demo bool
}

// snapshot is a workspace and its view, kept for one undo.
type snapshot struct {
	articles                []compare.Article
	demo                    bool
	view, ref, order, focus string
}

func (t *tools) visible() bool {
	return t.pending != nil || t.link != "" || t.note != "" || t.undo != nil
}

// changed forgets what no longer fits the articles once the reader changes them: the
// link made before, and the undo of an import, which is for the workspace right
// after it.
// A failure's note goes too: it was about what the reader did before.
func (t *tools) changed() {
	t.link, t.undo = "", nil
	if t.failed {
		t.note, t.failed = "", false
	}
}

// handleTools registers the tools' action handlers and the link listener.
func (p *workspacePage) handleTools(ctx app.Context) {
	ctx.Handle(actionShare, func(ctx app.Context, a app.Action) { p.share(ctx) })
	ctx.Handle(actionSaveFile, func(ctx app.Context, a app.Action) { p.saveFile(ctx) })
	ctx.Handle(actionOpenFile, p.handleOpenFile)
	ctx.Handle(actionExport, p.handleExport)
	// The buttons post actions: an event's context belongs to its button, which is
	// gone once pressed, and the engine's answer would be dispatched to nothing.
	ctx.Handle(actionLinkYes, func(ctx app.Context, a app.Action) { p.openPending(ctx) })
	ctx.Handle(actionUndo, func(ctx app.Context, a app.Action) { p.undoImport(ctx) })
	if prerendering || !app.IsClient {
		return
	}
	// A link pasted into the address bar of an open Parallax changes only the
	// fragment: no page load, a hashchange. Reload, so that the link opens as on a
	// first load.
	app.Window().Call("addEventListener", "hashchange", app.FuncOf(func(this app.Value, args []app.Value) any {
		if _, _, err := wsfile.ParseFragment(app.Window().Get("location").Get("hash").String(), nil); err != wsfile.ErrNotLink {
			app.Window().Get("location").Call("reload")
		}
		return nil
	}))
}

// view returns the reader's view as the workspace format writes it.
func (p *workspacePage) viewState() wsfile.View {
	v := wsfile.View{Mode: p.view, Reference: p.ref, Sort: p.order}
	if p.view == viewAligned {
		v.Claim = p.focus
	}
	return v
}

// notify shows what the last import, export or link did. A failure takes the
// keyboard focus, which brings it into view: the tools' box is under the article
// cards, below the fold when there are many, and the click seemed to do nothing.
func (p *workspacePage) notify(ctx app.Context, msg string, failed bool) {
	p.tools.note, p.tools.failed = msg, failed
	if failed {
		focusLater(ctx, "tools-msg")
	}
}

// share makes a link to the workspace: the demo's settings only, or every article
// packed into the fragment. It warns past wsfile.WarnLinkChars.
func (p *workspacePage) share(ctx app.Context) {
	p.tools.link = ""
	var frag string
	if p.demo && !p.masking() {
		frag = wsfile.DemoFragment(p.viewState())
	} else {
		// In blind mode the link holds the masked articles: whoever opens it cannot
		// find the outlets in it, and the answers stay with the teacher.
		f, err := wsfile.Fragment(wsfile.New(p.shown(), p.viewState()))
		if err != nil {
			p.notify(ctx, "No link made: "+err.Error()+".", true)
			return
		}
		frag = f
	}
	u := *ctx.Page().URL()
	u.Fragment, u.RawFragment = "", ""
	link := u.String() + "#" + frag
	if len(link) > wsfile.MaxLinkChars {
		p.notify(ctx, fmt.Sprintf("No link made: it would be %s characters, more than browsers open (%s). Save the workspace file and send it instead.", thousands(len(link)), thousands(wsfile.MaxLinkChars)), true)
		return
	}
	p.tools.link, p.tools.demoLnk = link, p.demo && !p.masking()
	p.notify(ctx, "", false)
	focusLater(ctx, "share-url")
	copyText(link)
}

// copyText puts text on the clipboard if the browser lets the page; the link is on
// screen, selected on focus, either way.
func copyText(text string) {
	if !app.IsClient {
		return
	}
	if clip := app.Window().Get("navigator").Get("clipboard"); clip.Truthy() {
		clip.Call("writeText", text).Call("catch", app.FuncOf(func(this app.Value, args []app.Value) any { return nil }))
	}
}

// saveFile downloads the workspace as a .parallax.json file.
func (p *workspacePage) saveFile(ctx app.Context) {
	var b bytes.Buffer
	if err := wsfile.Encode(&b, wsfile.New(p.shown(), p.viewState())); err != nil {
		p.notify(ctx, "Not saved: "+err.Error()+".", true)
		return
	}
	name := "parallax-workspace" + wsfile.Extension
	download(name, "application/json", b.Bytes())
	hidden := ""
	if p.masking() {
		hidden = " The outlets are hidden in it, as on the screen."
	}
	p.notify(ctx, fmt.Sprintf("Saved %s (%s) to your downloads: open it here with “Open workspace file”, or compare it with parallax compare %s.%s", name, sizeText(b.Len()), name, hidden), false)
}

func (p *workspacePage) handleOpenFile(ctx app.Context, a app.Action) {
	u, ok := a.Value.(upload)
	if !ok {
		return
	}
	if u.err != "" {
		p.notify(ctx, fmt.Sprintf("Not opened: %s: %s. Your workspace is unchanged.", u.name, u.err), true)
		return
	}
	f, err := wsfile.Unmarshal(u.data)
	if err != nil {
		p.notify(ctx, fmt.Sprintf("Not opened: %s: %s. Your workspace is unchanged.", u.name, strings.TrimSuffix(err.Error(), ".")), true)
		return
	}
	p.apply(ctx, f, false, fmt.Sprintf("Opened %s: %s.", u.name, plural(len(f.Articles), "article")))
}

// openLink opens the workspace in the page's link (#w=… or #demo&…), then takes the
// fragment off the address so a reload does not open it again. With articles of
// the reader's own on the page it asks first. It reports whether the link held a
// workspace to open.
func (p *workspacePage) openLink(ctx app.Context) bool {
	u := ctx.Page().URL()
	frag := u.EscapedFragment()
	f, demo, err := wsfile.ParseFragment(frag, seeds.Articles())
	if err == wsfile.ErrNotLink {
		return false
	}
	clean := *u
	clean.Fragment, clean.RawFragment = "", ""
	ctx.Page().ReplaceURL(&clean)
	if err != nil {
		p.tools.pending = nil
		p.notify(ctx, "This link could not be opened: "+strings.TrimSuffix(err.Error(), ".")+". Your workspace is unchanged.", true)
		return false
	}
	if !p.demo && len(p.articles) > 0 && !(demo && p.demo) && !sameArticles(p.articles, f.CompareArticles()) {
		p.tools.pending = &linkPending{file: f, demo: demo}
		focusLater(ctx, "link-yes")
		return true
	}
	p.apply(ctx, f, demo, "Opened the shared "+what(f, demo)+".")
	return true
}

func what(f wsfile.File, demo bool) string {
	if demo {
		return "demo"
	}
	return "workspace: " + plural(len(f.Articles), "article")
}

func sameArticles(a, b []compare.Article) bool {
	return slices.EqualFunc(a, b, func(x, y compare.Article) bool {
		return x.ID == y.ID && x.Outlet == y.Outlet && x.Title == y.Title && x.Date == y.Date && x.Text == y.Text && slices.Equal(x.Keep, y.Keep)
	})
}

func (p *workspacePage) onLinkYes(ctx app.Context, e app.Event) { ctx.NewAction(actionLinkYes) }

func (p *workspacePage) openPending(ctx app.Context) {
	if lp := p.tools.pending; lp != nil {
		p.tools.pending = nil
		p.apply(ctx, lp.file, lp.demo, "Opened the shared "+what(lp.file, lp.demo)+".")
	}
}

func (p *workspacePage) onLinkNo(ctx app.Context, e app.Event) {
	p.tools.pending = nil
	p.notify(ctx, "Kept your workspace; the link was not opened.", false)
}

// apply replaces the workspace and the view with f's, keeping the old ones for one
// undo, saves and compares.
func (p *workspacePage) apply(ctx app.Context, f wsfile.File, demo bool, msg string) {
	if len(f.Articles) > MaxArticles {
		p.notify(ctx, fmt.Sprintf("Not opened: the workspace has %d articles, and the app compares up to %d at once (the command line takes up to %d: parallax compare FILE). Your workspace is unchanged.", len(f.Articles), MaxArticles, wsfile.MaxArticles), true)
		return
	}
	p.tools.undo = &snapshot{articles: p.articles, demo: p.demo, view: p.view, ref: p.ref, order: p.order, focus: p.focus}
	if p.articles == nil { // opened from a link on a first visit: before it came the demo
		p.tools.undo.articles, p.tools.undo.demo = seeds.Articles(), true
	}
	p.articles, p.demo = f.CompareArticles(), demo
	if p.class.Blind { // new articles: new letters
		p.class = classroom{Blind: true, Key: blind.NewKey(p.articles, rand.Uint64())}
	}
	p.shown()
	v := f.View
	if slices.ContainsFunc(tabs(), func(t viewTab) bool { return t.id == v.Mode }) {
		p.view = v.Mode
	}
	if v.Sort != "" {
		p.order = v.Sort
	}
	p.ref = v.Reference
	p.focus = v.Claim
	if p.focus != "" {
		p.view = viewAligned
		p.focusN++ // the aligned view moves the keyboard focus to the claim
	}
	p.msg = ""
	p.notify(ctx, msg+p.save(ctx), false)
	p.compare(ctx)
}

func (p *workspacePage) onToolsUndo(ctx app.Context, e app.Event) { ctx.NewAction(actionUndo) }

func (p *workspacePage) undoImport(ctx app.Context) {
	s := p.tools.undo
	if s == nil {
		return
	}
	p.tools.undo = nil
	p.articles, p.demo, p.view, p.ref, p.order, p.focus = s.articles, s.demo, s.view, s.ref, s.order, s.focus
	p.notify(ctx, "Put back the workspace you had before."+p.save(ctx), false)
	p.compare(ctx)
}

func (p *workspacePage) onToolsClose(ctx app.Context, e app.Event) {
	p.tools.link, p.tools.note, p.tools.undo = "", "", nil
	focusLater(ctx, "share")
}

// renderTools shows the share link, the question a link asks, the last message and
// the undo.
func (p *workspacePage) renderTools() app.UI {
	t := &p.tools
	n := len(t.link)
	return app.Div().ID("tools").Class("tools").Body(
		app.If(t.pending != nil, func() app.UI {
			f := t.pending.file
			var names []string
			for _, a := range f.Articles {
				names = append(names, a.Outlet)
			}
			q := fmt.Sprintf("This link holds a workspace of %s (%s). Open it in place of your %s?", plural(len(f.Articles), "article"), clip(strings.Join(names, ", "), 200), plural(len(p.articles), "article"))
			if t.pending.demo {
				q = fmt.Sprintf("This link opens the demo. Open it in place of your %s?", plural(len(p.articles), "article"))
			}
			return app.Div().ID("link-confirm").Class("confirm").Role("alertdialog").Aria("labelledby", "link-q").Body(
				app.P().ID("link-q").Text(q+" You can undo this once."),
				app.Button().ID("link-yes").Class("primary").OnClick(p.onLinkYes).Text("Open the shared workspace"),
				app.Button().ID("link-no").OnClick(p.onLinkNo).Text("Keep my workspace"),
			)
		}),
		app.If(t.link != "", func() app.UI {
			return app.Div().Class("share").Body(
				app.Label().For("share-url").Text(linkText(t.demoLnk, n)),
				app.Input().ID("share-url").Type("text").ReadOnly(true).Value(t.link).OnFocus(selectAll),
				app.If(n > wsfile.WarnLinkChars, func() app.UI {
					return app.P().ID("share-warn").Class("warn").Role("alert").Body(
						app.Textf("This link is %s characters long. Email and chat apps can cut links longer than about %s characters, and a cut link opens nothing: send the workspace file instead. ", thousands(n), thousands(wsfile.WarnLinkChars)),
						app.Button().ID("share-file").Class("link").OnClick(p.onSaveFile).Text("Save workspace file"),
					)
				}),
			)
		}),
		app.If(t.note != "", func() app.UI {
			cls := "msg"
			if t.failed {
				cls = "error"
			}
			return app.P().ID("tools-msg").Class(cls).Role("alert").TabIndex(-1).Text(t.note)
		}),
		app.If(t.undo != nil, func() app.UI {
			return app.Button().ID("tools-undo").Class("link").OnClick(p.onToolsUndo).Text("Undo: put back the workspace you had before")
		}),
		app.If(t.pending == nil, func() app.UI {
			return app.Button().ID("tools-close").Class("link").OnClick(p.onToolsClose).Text("Close")
		}),
	)
}

func (p *workspacePage) onSaveFile(ctx app.Context, e app.Event) { p.saveFile(ctx) }

func selectAll(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }

// linkText says what a share link of n characters holds: the demo's link holds
// the reader's view only (the demo's articles come with Parallax), a workspace's
// link the articles themselves.
func linkText(demo bool, n int) string {
	if demo {
		return fmt.Sprintf("Link to this view of the demo (%s characters; copied if your browser allows). It holds no articles: the demo comes with Parallax, and the link keeps only your view (the tab, the reference outlet, the sort and the claim in focus).", thousands(n))
	}
	return fmt.Sprintf("Link to this workspace (%s characters; copied if your browser allows). The articles travel inside the link, after the #, which browsers never send to a server.", thousands(n))
}

// renderWorkspaceTools is the article panel's row of workspace buttons.
func (p *articlePanel) renderWorkspaceTools() app.UI {
	buttons := []app.UI{
		app.Button().ID("share").OnClick(p.onTool(actionShare, nil)).Text("Share link"),
		app.Button().ID("ws-save").OnClick(p.onTool(actionSaveFile, nil)).Text("Save workspace file"),
		app.Input().ID("ws-file").Class("sr-only").Type("file").Accept(wsfile.Extension + ",.json,application/json").OnChange(p.onWorkspaceFile),
		app.Label().For("ws-file").Class("button").Text("Open workspace file"),
	}
	buttons = append(buttons, exportButtons(p.onTool)...)
	return app.Div().Class("actions wstools").Aria("label", "Save and share").Body(buttons...)
}

// onTool posts a workspace tool's action, once the panel's messages about what the
// reader did before are gone.
func (p *articlePanel) onTool(action string, value any) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.fresh()
		ctx.NewActionWithValue(action, value)
	}
}

// onWorkspaceFile reads the chosen workspace file and hands it to the page.
func (p *articlePanel) onWorkspaceFile(ctx app.Context, e app.Event) {
	p.fresh()
	src := ctx.JSSrc()
	files := src.Get("files")
	if files.Length() == 0 {
		return
	}
	f := files.Index(0)
	src.Set("value", "")
	u := upload{name: f.Get("name").String()}
	if size := f.Get("size").Int(); size > wsfile.MaxBytes {
		u.err = fmt.Sprintf("%s is more than the %d MB Parallax opens", sizeText(size), wsfile.MaxBytes>>20)
		ctx.NewActionWithValue(actionOpenFile, u)
		return
	}
	var ok, fail app.Func
	release := func() { ok.Release(); fail.Release() }
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		buf := app.Window().Get("Uint8Array").New(args[0])
		u.data = make([]byte, buf.Length())
		app.CopyBytesToGo(u.data, buf)
		release()
		ctx.Dispatch(func(ctx app.Context) { ctx.NewActionWithValue(actionOpenFile, u) })
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		u.err = "the browser could not read it"
		release()
		ctx.Dispatch(func(ctx app.Context) { ctx.NewActionWithValue(actionOpenFile, u) })
		return nil
	})
	f.Call("arrayBuffer").Call("then", ok, fail)
}

// thousands writes n with thousands separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
