package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/blind"
	"parallax/seeds"
)

// prerendering is true while go-app renders the page on the server: the page is then
// a shell, and the articles are loaded and compared in the browser only.
var prerendering = app.IsServer

// Views of the result.
const (
	viewAligned  = "aligned"
	viewCoverage = "coverage"
	viewArticles = "articles"
	viewUnique   = "unique"
)

type viewTab struct{ id, name string }

var views = []viewTab{
	{viewAligned, "Aligned view"},
	{viewCoverage, "Coverage"},
	{viewArticles, "Articles"},
	{viewUnique, "Only in one outlet"},
	{viewWorksheet, "Worksheet"},
}

// tabs lists the built-in views and the registered extra views.
func tabs() []viewTab {
	out := append([]viewTab(nil), views...)
	for _, v := range extraViews {
		out = append(out, viewTab{v.ID, v.Name})
	}
	return out
}

// workspacePage is the app's only page: the articles, the comparison status and the
// views of the result.
type workspacePage struct {
	app.Compo

	articles []compare.Article
	demo     bool
	res      *compare.Result
	st       status
	msg      string // what last changed, for the status line
	errMsg   string
	millis   int64
	reqID    int
	framing  int  // counts framings that came after their alignment (framingState)
	due      bool // the result's framing signals are still being found
	client   bool // started in the browser (not prerendered on the server)

	view  string
	ref   string // reference document of the aligned view
	order string
	// oneStory is the reader's word that the articles report one story: the engine
	// then reads them as one occasion, where it had told several apart.
	oneStory bool
	focus    string // claim ID to highlight in the aligned view
	focusN   int    // counts requests to move the keyboard focus to the focus claim
	doc      string // document shown in the article view
	sel      compare.Ref

	tools tools // share link, workspace file, exports (share.go)

	class      classroom       // blind mode and its guesses (classroom.go)
	masked     []blind.Article // the articles as shown in blind mode
	presenting bool            // the presenter view is open (presenter.go)
}

// NewPage returns the Parallax page.
func NewPage() app.Composer {
	return &workspacePage{st: statusIdle, view: viewAligned, order: sortOutlets, sel: compare.Ref{Sentence: -1}}
}

func (p *workspacePage) OnMount(ctx app.Context) {
	ctx.Handle(actionSetArticles, p.handleSetArticles)
	ctx.Handle(actionFocusClaim, p.handleFocusClaim)
	ctx.Handle(actionSelectSent, p.handleSelectSentence)
	ctx.Handle(actionRestore, p.handleRestore)
	ctx.Handle(actionBlind, p.handleBlind)
	ctx.Handle(actionGuess, p.handleGuess)
	ctx.Handle(actionPresent, p.handlePresent)
	ctx.Handle(actionPrint, p.handlePrint)
	p.handleTools(ctx)
	if prerendering {
		return
	}
	// A file dropped outside the article panel would make the browser open it in
	// place of the app.
	prevent := app.FuncOf(func(this app.Value, args []app.Value) any {
		args[0].Call("preventDefault")
		return nil
	})
	for _, ev := range []string{"dragover", "drop"} {
		app.Window().Call("addEventListener", ev, prevent)
	}
	// The articles load once the browser has drawn the page: starting the app and
	// loading the articles in one go held the page for too long.
	afterTurn(ctx, p.start)
}

// start loads the articles and compares them. A shared link opens in place of the
// demo; the reader's own saved articles load first and the link asks before
// replacing them.
func (p *workspacePage) start(ctx app.Context) {
	p.client = true
	if !ctx.LocalStorage().Contains(storageKey) && p.openLink(ctx) {
		return
	}
	p.load(ctx)
	p.openLink(ctx)
}

// OnPreRender runs in place of OnMount when go-app renders on the server, where the
// page is a shell (prerendering). Component tests, which run natively too, clear
// prerendering to start the page as the browser does.
func (p *workspacePage) OnPreRender(ctx app.Context) {
	if !prerendering {
		p.OnMount(ctx)
	}
}

// load reads the workspace from localStorage, or starts with the seed demo.
func (p *workspacePage) load(ctx app.Context) {
	var ws workspace
	store := ctx.LocalStorage()
	if store.Contains(storageKey) {
		if err := store.Get(storageKey, &ws); err != nil {
			p.msg = "Your saved articles could not be read, so the demo is shown instead."
		} else {
			arts, dropped := sanitize(ws.Articles)
			p.articles, p.demo = arts, false
			if ws.Demo {
				p.articles, p.demo = seeds.Articles(), true
			}
			if ws.Class != nil && ws.Class.Blind {
				p.class = *ws.Class
			}
			if ws.View != "" {
				p.view = ws.View
			}
			if ws.Order == sortOutlets || ws.Order == sortPosition {
				p.order = ws.Order
			}
			p.ref, p.oneStory = ws.Ref, ws.OneStory
			p.shown()
			p.ref = p.shownID(p.ref)
			if dropped > 0 {
				p.msg = fmt.Sprintf("%d saved articles could not be read and were left out.", dropped)
				if dropped == 1 {
					p.msg = "1 saved article could not be read and was left out."
				}
			}
			// Reading a large saved workspace and sending it to the engine held the
			// page in one task (about 250 ms with a 2 MB article): it is sent a turn
			// later.
			p.st = statusWorking
			afterTurn(ctx, p.compare)
			return
		}
	}
	p.articles = seeds.Articles()
	p.demo = true
	p.compare(ctx)
}

// save keeps the workspace in localStorage and returns a warning for the reader if
// the browser would not keep it.
func (p *workspacePage) save(ctx app.Context) string {
	store := ctx.LocalStorage()
	ws := workspace{Articles: p.articles, View: p.view, Ref: p.realID(p.ref), Order: p.order, OneStory: p.oneStory}
	if p.class.Blind {
		ws.Class = &p.class
	}
	if p.demo {
		if ws.Class == nil && !ws.OneStory {
			store.Del(storageKey)
			return ""
		}
		ws.Articles, ws.Demo = nil, true // the demo comes from the app; only the classroom state is saved
	}
	if err := store.Set(storageKey, ws); err != nil {
		return " Your browser would not save the articles (its storage may be full): they will be lost when you reload."
	}
	return ""
}

// compare sends the articles to the engine.
func (p *workspacePage) compare(ctx app.Context) {
	p.reqID++
	p.errMsg = ""
	p.due = false // the reply says whether the framing follows it
	if len(p.articles) < MinArticles {
		p.syncTitle(ctx)
		p.st, p.res = statusIdle, nil
		return
	}
	p.st = statusWorking
	p.syncTitle(ctx)
	req := EngineRequest{ID: p.reqID, Articles: cloneArticles(p.shown())}
	if p.oneStory {
		all := make([]string, len(req.Articles))
		for i, a := range req.Articles {
			all[i] = a.ID
		}
		req.Occasions = [][]string{all}
	}
	startCompare(ctx, req, p.onReply)
}

func (p *workspacePage) onReply(ctx app.Context, rep EngineReply) {
	if rep.ID != p.reqID {
		return // an older request; a newer one is on its way
	}
	if rep.Part == partFraming {
		// holdFraming has put it where the views look: tell them.
		p.due = false
		p.framing++
		ctx.SetState(framingState, p.framing)
		return
	}
	p.due = rep.FramingLater
	p.millis = rep.Millis
	if rep.Error != "" || rep.Result == nil || len(rep.Result.Documents) == 0 {
		p.st, p.res = statusFailed, nil
		p.errMsg = rep.Error
		if p.errMsg == "" {
			p.errMsg = "the engine returned nothing"
		}
		return
	}
	p.st, p.res = statusDone, rep.Result
	x := indexOf(p.res)
	if x.doc(p.ref) == nil {
		p.ref = p.res.Documents[0].ID
	}
	if x.doc(p.doc) == nil {
		p.doc = p.res.Documents[0].ID
	}
}

func (p *workspacePage) handleSetArticles(ctx app.Context, a app.Action) {
	ch, ok := a.Value.(articleChange)
	if !ok {
		return
	}
	p.articles, p.demo = ch.Articles, ch.Demo
	p.tools.changed()
	p.msg = ch.Message + p.save(ctx)
	p.compare(ctx)
}

func (p *workspacePage) handleFocusClaim(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	p.view, p.focus = viewAligned, id
	p.focusN++ // the aligned view moves the keyboard focus to the claim
}

// textOf returns the text of the shown article with the ID.
func (p *workspacePage) textOf(id string) string {
	for _, m := range p.masked {
		if m.ID == id {
			return m.Text
		}
	}
	for _, a := range p.articles {
		if a.ID == id {
			return a.Text
		}
	}
	return ""
}

// handleRestore puts a piece of debris back into its article as body text
// (compare.Article.Keep) and compares again. The value is the document and the
// debris's start offset.
func (p *workspacePage) handleRestore(ctx app.Context, a app.Action) {
	r, ok := a.Value.(compare.Ref)
	if !ok {
		return
	}
	for _, m := range p.masked { // in blind mode: the place in the reader's own text
		if m.ID == r.Doc {
			r = compare.Ref{Doc: m.OriginalID, Sentence: m.Original(r.Sentence)}
			break
		}
	}
	arts := cloneArticles(p.articles)
	for i := range arts {
		if arts[i].ID == r.Doc && !slices.Contains(arts[i].Keep, r.Sentence) {
			arts[i].Keep = append(slices.Clone(arts[i].Keep), r.Sentence)
			p.articles, p.demo = arts, false
			p.msg = fmt.Sprintf("Put the text back into the article from %s.", p.outletName(arts[i])) + p.save(ctx)
			p.compare(ctx)
			return
		}
	}
}

func (p *workspacePage) handleSelectSentence(ctx app.Context, a app.Action) {
	if r, ok := a.Value.(compare.Ref); ok {
		p.sel = r
		if r.Doc != "" {
			p.doc = r.Doc
		}
	}
}

func (p *workspacePage) onTab(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.view = id
		p.focus = ""
		// Saved a turn later: with a long article, saving takes time the new view
		// should not wait for.
		afterTurn(ctx, func(ctx app.Context) { p.save(ctx) })
	}
}

// onTabKey moves between tabs with the arrow keys, as the ARIA tabs pattern says.
func (p *workspacePage) onTabKey(ctx app.Context, e app.Event) {
	step := 0
	switch e.Get("key").String() {
	case "ArrowRight":
		step = 1
	case "ArrowLeft":
		step = -1
	default:
		return
	}
	e.PreventDefault()
	all := tabs()
	for i, v := range all {
		if v.id == p.view {
			next := all[(i+step+len(all))%len(all)].id
			p.view = next
			p.save(ctx)
			ctx.Defer(func(app.Context) {
				if el := app.Window().GetElementByID("tab-" + next); el.Truthy() {
					el.Call("focus")
				}
			})
			return
		}
	}
}

func (p *workspacePage) onRef(ctx app.Context, e app.Event) {
	p.ref = ctx.JSSrc().Get("value").String()
	p.save(ctx)
}

func (p *workspacePage) onOrder(ctx app.Context, e app.Event) {
	p.order = ctx.JSSrc().Get("value").String()
	p.save(ctx)
}

func (p *workspacePage) Render() app.UI {
	client := ""
	if p.client {
		client = "1" // tests wait for this marker: the server's prerendered page lacks it
	}
	framing := "ready"
	if p.due {
		framing = "due" // tests wait for its end, as for "done"
	}
	return app.Div().Class("px").DataSet("status", string(p.st)).DataSet("framing", framing).DataSet("client", client).DataSet("engine", engineKind()).Body(
		app.A().Class("skip").Href("#views").OnClick(onSkip).Text("Skip to the comparison"),
		app.Header().Class("px-head").Body(
			app.Div().Class("brand").Body(
				// Decorative: go-app leaves out an empty alt="", so the role says it.
				app.Img().Src("/web/icon.svg").Role("presentation").Width(36).Height(36),
				app.Div().Body(
					app.H1().Text("Parallax"),
					app.P().Class("tagline").Text("How different outlets report the same story, side by side"),
				),
			),
			app.P().Class("privacy").Body(
				app.Strong().Text("Private: "),
				app.Text("everything runs in your browser; article text never leaves your machine."),
			),
			&appStatus{},
		),
		&articlePanel{IArticles: p.panelArticles(), IDemo: p.demo, IBlind: p.masking(), ILoading: !p.client},
		app.Main().ID("views").Class("px-main").TabIndex(-1).Body(
			app.If(p.tools.visible(), func() app.UI { return p.renderTools() }),
			app.If(!prerendering, func() app.UI { return p.renderClassroom() }),
			p.renderStatus(),
			// While a new comparison runs, the last result stays on screen, dimmed.
			app.If(p.res != nil && (p.st == statusDone || p.st == statusWorking), func() app.UI { return p.renderViews() }),
		),
		app.If(p.presenting && p.res != nil, func() app.UI {
			return &presenter{IResult: p.res, IRef: p.ref, IOrder: p.order}
		}),
		app.Footer().Class("px-foot").Body(
			app.P().Text("Parallax groups sentences that report the same fact by the names, numbers and words they share. It can be wrong: read the evidence, and the articles themselves."),
		),
	)
}

// onSkip follows the skip link: it moves the keyboard focus to the comparison, so
// that the next Tab goes on from there. go-app takes over a link's click, so the
// browser's own jump to #views, which scrolled without moving the focus, never
// happens.
func onSkip(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if el := app.Window().GetElementByID("views"); el.Truthy() {
		el.Call("focus")
		el.Call("scrollIntoView")
	}
}

func (p *workspacePage) renderStatus() app.UI {
	var body []app.UI
	switch p.st {
	case statusIdle:
		if !p.client { // on the server, or the articles are about to load
			body = append(body, app.P().Class("working").Text("Loading Parallax…"))
			break
		}
		switch n := len(p.articles); n {
		case 0:
			body = append(body, app.P().Class("empty").Text("No articles yet. Add at least two articles about the same story, by pasting them or choosing .txt files, or press “Reset to demo”."))
		default:
			body = append(body, app.P().ID("need-more").Class("empty").Textf("Only %s so far: add at least %d more about the same story to compare them.", plural(n, "article"), MinArticles-n))
		}
	case statusWorking:
		body = append(body, app.P().Class("working").Body(
			app.Span().Class("spinner").Aria("hidden", "true"),
			app.Textf(" Comparing %s in the background… the page stays usable.", plural(len(p.articles), "article")),
		))
	case statusFailed:
		body = append(body, app.P().Class("error").Role("alert").Textf("The comparison failed: %s. Edit or remove the article that causes it, or press “Reset to demo”.", strings.TrimSuffix(p.errMsg, ".")))
	case statusDone:
		body = append(body, app.P().Class("done").Textf("%s compared in %s: %s, %s reported by one outlet only.",
			plural(len(p.res.Documents), "article"), seconds(p.millis), plural(len(p.res.Claims), "shared claim"), plural(len(p.res.Unique), "sentence")))
	}
	if p.msg != "" {
		body = append([]app.UI{app.P().Class("msg").Text(p.msg)}, body...)
	}
	return app.Div().ID("status").Class("status").Role("status").Aria("live", "polite").Body(body...)
}

func (p *workspacePage) renderViews() app.UI {
	all := tabs()
	cls := "views"
	if p.st == statusWorking {
		cls += " stale"
	}
	return app.Div().Class(cls).Aria("busy", strconv.FormatBool(p.st == statusWorking)).Body(
		app.Div().Class("tabs").Role("tablist").Aria("label", "Views of the comparison").Body(
			app.Range(all).Slice(func(i int) app.UI {
				v := all[i]
				sel := v.id == p.view
				tab := -1
				if sel {
					tab = 0
				}
				return app.Button().ID("tab-"+v.id).Class("tab").Role("tab").
					Aria("selected", strconv.FormatBool(sel)).Aria("controls", "panel-"+v.id).
					TabIndex(tab).Text(v.name).
					OnClick(p.onTab(v.id)).OnKeyDown(p.onTabKey)
			}),
		),
		app.Section().ID("panel-"+p.view).Class("panel").Role("tabpanel").Aria("labelledby", "tab-"+p.view).Body(
			p.renderView(),
		),
	)
}

func (p *workspacePage) renderView() app.UI {
	switch p.view {
	case viewCoverage:
		return &coverageMatrix{IResult: p.res}
	case viewArticles:
		return &articleView{IResult: p.res, IDoc: p.doc, ISel: p.sel, IText: p.textOf(p.doc)}
	case viewUnique:
		return &uniqueView{IResult: p.res}
	case viewWorksheet:
		names := 0
		if p.masking() {
			names = len(p.class.Key.Outlets)
		}
		return &worksheet{IResult: p.res, IRef: p.ref, IOrder: p.order, IBlind: p.masking(), INames: names}
	}
	for _, v := range extraViews {
		if v.ID == p.view {
			return v.Render(p.res)
		}
	}
	return app.Div().Body(
		app.Div().Class("controls").Body(
			app.Label().For("ref").Text("Compare wording with "),
			app.Select().ID("ref").OnChange(p.onRef).Body(
				app.Range(p.res.Documents).Slice(func(i int) app.UI {
					d := &p.res.Documents[i]
					return app.Option().Value(d.ID).Selected(d.ID == p.ref).Text(label(d))
				}),
			),
			app.Label().For("order").Text(" Sort rows by "),
			app.Select().ID("order").OnChange(p.onOrder).Body(
				app.Option().Value(sortOutlets).Selected(p.order == sortOutlets).Text("how many outlets report the claim"),
				app.Option().Value(sortPosition).Selected(p.order == sortPosition).Text("position in the reference article"),
			),
		),
		legend(),
		p.renderOccasions(),
		&alignedView{IResult: p.res, IRef: p.ref, IOrder: p.order, IFocus: p.focus, IFocusN: p.focusN},
	)
}

// renderOccasions is the occasions note (occasions) with the reader's say: the reader
// who knows the articles report one story can say so, and once the reader has, let
// the engine decide again.
func (p *workspacePage) renderOccasions() app.UI {
	text := "They all report one story: read them as one"
	if p.oneStory {
		text = "Let Parallax tell occasions apart again"
	}
	return occasions(p.res, app.Button().ID("one-story").Class("link").OnClick(p.onOneStory).Text(text))
}

// occasions says which articles the engine reads as reports of different occasions
// (the January and the February trip), when there is more than one, since claims
// across them are rare by design, or that the reader grouped them
// (wsfile.OccasionsNote); then comes action, if any. It is nil when there is nothing
// to say.
func occasions(res *compare.Result, action app.UI) app.UI {
	note := wsfile.OccasionsNote(res)
	if note == "" {
		return nil
	}
	var list app.UI
	if len(res.Occasions) > 1 {
		x := indexOf(res)
		list = app.Ol().Body(app.Range(res.Occasions).Slice(func(i int) app.UI {
			labels := make([]string, len(res.Occasions[i]))
			for k, id := range res.Occasions[i] {
				labels[k] = label(x.doc(id))
			}
			return app.Li().Text(strings.Join(labels, "; "))
		}))
		if len(res.Occasions) > occasionsShown {
			list = app.Details().Body(app.Summary().Text("Which articles are which"), list)
		}
	}
	return app.Div().ID("occasions").Class("occasions").Body(
		app.P().Body(app.Text(note), app.If(action != nil, func() app.UI { return app.Span().Body(app.Text(" "), action) })),
		app.If(list != nil, func() app.UI { return list }),
	)
}

// onOneStory switches between the reader's word that the articles report one story
// and the engine's own reading of occasions, and compares again.
func (p *workspacePage) onOneStory(ctx app.Context, e app.Event) {
	p.oneStory = !p.oneStory
	p.msg = "Parallax tells the occasions apart again."
	if p.oneStory {
		p.msg = "Read as one story, as you asked."
	}
	p.msg += p.save(ctx)
	p.compare(ctx)
}

// occasionsShown is how many occasions are listed above the aligned view before the
// list folds away: twenty one-article occasions would push the table a screen down.
const occasionsShown = 4

// legend explains the diff marks; they never rely on colour alone.
func legend() app.UI {
	return app.Div().Class("legend").Aria("label", "Legend").Body(
		app.Span().Text("Marks compare each outlet with the reference: "),
		app.Ins().Text("words it adds"),
		app.Text(" · "),
		app.Del().Text("reference words it leaves out"),
		app.Text(" · "),
		app.Strong().Class("num").Text("123"),
		app.Text(" a number the reference gives differently · "),
		app.Span().Class("none-demo").Text("—"),
		app.Text(" not reported"),
	)
}

func seconds(ms int64) string {
	if ms < 1000 {
		return fmt.Sprintf("%d ms", ms)
	}
	return fmt.Sprintf("%.1f s", float64(ms)/1000)
}

// syncTitle names the page: in blind mode without any outlet.
func (p *workspacePage) syncTitle(ctx app.Context) {
	if p.masking() {
		ctx.Page().SetTitle(titleBlind)
		return
	}
	ctx.Page().SetTitle(titleDefault)
}

// panelArticles are the articles the article panel lists: in blind mode, masked.
func (p *workspacePage) panelArticles() []compare.Article {
	if p.masking() {
		return blind.Articles(p.masked)
	}
	return p.articles
}

// outletName names an article's outlet as the page shows it.
func (p *workspacePage) outletName(a compare.Article) string {
	if p.masking() {
		return p.class.Key.NameOf(a.Outlet)
	}
	return a.Outlet
}
