package app

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
	"parallax/seeds"
)

// articlePanel lists the articles and lets the reader add (paste, a link fetched by
// parallax serve, .txt files or saved .html pages), edit,
// remove and reorder them, reset to the demo, or clear everything.
type articlePanel struct {
	app.Compo

	IArticles []compare.Article
	IDemo     bool
	IBlind    bool // blind mode: the articles are masked and cannot be changed
	ILoading  bool // the page has not read the articles yet: keep a row's room for them

	editing  int // index being edited; len(IArticles) for a new one; -1 when closed
	draft    compare.Article
	formErr  string
	fileMsg  string
	confirm  string // "clear" or "reset" while asking
	over     bool   // files are dragged over the panel
	undo     *compare.Article
	undoAt   int
	undoIDs  []string // the articles' IDs right after the removal undo would undo
	focusTo  string   // the element to focus once the page passes the changed articles
	inflight int
	link     string // the link typed for “Add from link”
	linkBusy bool   // the server is fetching it
	linkErr  string // why the last link was not imported
}

func (p *articlePanel) OnInit() { p.editing = -1 }

// OnUpdate forgets the undo once the articles change otherwise than by its removal
// (added, moved, opened): the offer stayed on screen through changes it no longer
// fitted.
// It then moves the focus where the change asked for (focusTo): the element did
// not exist, or belonged to another article, before.
func (p *articlePanel) OnUpdate(ctx app.Context) {
	if p.undo != nil && !slices.Equal(articleIDs(p.IArticles), p.undoIDs) {
		p.undo, p.undoIDs = nil, nil
	}
	if p.focusTo != "" {
		focusLater(ctx, p.focusTo)
		p.focusTo = ""
	}
}

// articleIDs lists the articles' IDs in order.
func articleIDs(arts []compare.Article) []string {
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	return ids
}

func (p *articlePanel) emit(ctx app.Context, arts []compare.Article, msg string, demo bool) {
	ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: arts, Message: msg, Demo: demo})
}

// fresh forgets the panel's messages about what the reader did before, as a new
// action starts: an old "Not added: …" left at the top made a later action's
// message seem to be its own. A message about files still being read stays.
func (p *articlePanel) fresh() {
	if p.inflight == 0 {
		p.fileMsg = ""
	}
	if !p.linkBusy {
		p.linkErr = ""
	}
}

func focusLater(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (p *articlePanel) onAdd(ctx app.Context, e app.Event) {
	p.fresh()
	if len(p.IArticles) >= MaxArticles {
		p.fileMsg = fmt.Sprintf("Parallax compares up to %d articles at once: remove one before adding another.", MaxArticles)
		return
	}
	p.editing, p.draft, p.formErr = len(p.IArticles), compare.Article{}, ""
	focusLater(ctx, "f-outlet")
}

func (p *articlePanel) onEdit(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if i >= len(p.IArticles) {
			return
		}
		open := func(ctx app.Context) {
			p.editing, p.draft, p.formErr = i, p.IArticles[i], ""
			focusLater(ctx, "f-outlet")
		}
		if p.editing < 0 {
			open(ctx)
			return
		}
		// Another article's form is open: close it first, so that the browser does
		// not keep what was typed there in the new form's fields.
		p.editing = -1
		ctx.Defer(func(ctx app.Context) { ctx.Dispatch(open) })
	}
}

func (p *articlePanel) onCancel(ctx app.Context, e app.Event) {
	back := "add"
	if p.editing < len(p.IArticles) {
		back = "edit-" + strconv.Itoa(p.editing)
	}
	p.editing, p.formErr = -1, ""
	focusLater(ctx, back)
}

func field(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

func (p *articlePanel) onOutlet(ctx app.Context, e app.Event) { p.draft.Outlet = field(ctx) }
func (p *articlePanel) onTitle(ctx app.Context, e app.Event)  { p.draft.Title = field(ctx) }
func (p *articlePanel) onDate(ctx app.Context, e app.Event)   { p.draft.Date = field(ctx) }
func (p *articlePanel) onText(ctx app.Context, e app.Event)   { p.draft.Text = field(ctx) }

func (p *articlePanel) onSave(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if app.IsClient {
		// Read the fields as they are now: a change event may not have fired for
		// the field the reader last typed in (Enter in a text field submits).
		get := func(id string) string {
			if el := app.Window().GetElementByID(id); el.Truthy() {
				return el.Get("value").String()
			}
			return ""
		}
		p.draft.Outlet, p.draft.Title, p.draft.Date, p.draft.Text = get("f-outlet"), get("f-title"), get("f-date"), get("f-text")
	}
	p.save(ctx)
}

// shortArticle is the length in words under which a saved article is probably not
// all there (a headline, a paragraph copied by mistake): the status line says so.
// The shortest news briefs in ECB+ are about 20 words; the seeds 739 to 3,360.
const shortArticle = 60

// shortNote says that an article of n words may not be all there.
func shortNote(subject string, n int) string {
	return fmt.Sprintf(" %s only %s long: if that is not the whole article, use Edit to paste the rest.", subject, plural(n, "word"))
}

// save checks the draft and, if it is fine, adds or replaces the article.
func (p *articlePanel) save(ctx app.Context) {
	if p.editing < 0 {
		return // the form was closed meanwhile (a second submit)
	}
	a := p.draft
	a.Outlet, a.Title, a.Date = strings.TrimSpace(a.Outlet), strings.TrimSpace(a.Title), strings.TrimSpace(a.Date)
	source := ""
	if len(a.Text) <= compare.MaxTextBytes && pageSource(a.Text) {
		// The reader pasted a page's source: read the article out of it as from a
		// saved page, with what the page gives where the form is empty. The form
		// keeps what was pasted until the article is saved.
		page, err := pageArticle([]byte(a.Text))
		if err != nil {
			p.formErr = "Not saved: this is a web page's source (HTML), and Parallax found no article text in it. Copy the article's text as your browser shows it and paste that instead, or save the page as .html and add it with “Choose files”."
			focusLater(ctx, "f-error")
			return
		}
		var took []string
		for _, f := range []struct {
			name     string
			to       *string
			fromPage string
		}{{"outlet", &a.Outlet, page.Outlet}, {"title", &a.Title, page.Title}, {"date", &a.Date, page.Date}} {
			if *f.to == "" && f.fromPage != "" {
				*f.to, took = f.fromPage, append(took, f.name)
			}
		}
		a.Text = page.Text
		source = fmt.Sprintf(" This was a web page's source: Parallax read the article's text out of it (%s)", plural(strings.Count(a.Text, "\n\n")+1, "paragraph"))
		if len(took) > 0 {
			j := strings.Join(took, ", ")
			if i := strings.LastIndex(j, ", "); i > 0 {
				j = j[:i] + " and " + j[i+2:]
			}
			source += " and took its " + j + " from the page"
		}
		source += "; use Edit to check it."
	}
	if err := checkArticle(a); err != nil {
		p.formErr = "Not saved: " + err.Error() + "."
		focusLater(ctx, "f-error")
		return
	}
	dated := ""
	if a.Date == "" {
		if a.Date = compare.PageDate(a.Text); a.Date != "" {
			dated = " Its date, " + a.Date + ", comes from the page's own timestamp; use Edit to change it."
		}
	}
	arts := cloneArticles(p.IArticles)
	var msg string
	if p.editing >= len(arts) {
		if len(arts) >= MaxArticles {
			p.formErr = fmt.Sprintf("Not saved: Parallax compares up to %d articles at once; remove one first.", MaxArticles)
			return
		}
		a.ID = newID(arts, a.Outlet)
		arts = append(arts, a)
		msg = fmt.Sprintf("Added the article from %s.", a.Outlet)
	} else {
		a.ID = arts[p.editing].ID
		arts[p.editing] = a
		msg = fmt.Sprintf("Saved your changes to the article from %s.", a.Outlet)
	}
	short := ""
	if n := wordCount(a.Text); n < shortArticle {
		short = shortNote("It is", n)
	}
	p.editing, p.formErr = -1, ""
	p.emit(ctx, arts, msg+source+dated+short, false)
	focusLater(ctx, "add")
}

func (p *articlePanel) onRemove(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.fresh()
		arts := cloneArticles(p.IArticles)
		a := arts[i]
		arts = append(arts[:i], arts[i+1:]...)
		p.undo, p.undoAt, p.undoIDs = &a, i, articleIDs(arts)
		p.editing = -1
		p.emit(ctx, arts, fmt.Sprintf("Removed the article from %s.", a.Outlet), false)
		p.focusTo = "undo"
	}
}

// onUndo puts the removed article back where it was, and the focus on its card; at
// the limit it says why it cannot.
func (p *articlePanel) onUndo(ctx app.Context, e app.Event) {
	p.fresh()
	if p.undo == nil {
		return
	}
	if len(p.IArticles) >= MaxArticles {
		p.fileMsg = fmt.Sprintf("Can't put “%s” back: %d articles is the most Parallax compares at once; remove one first.", p.undo.Outlet, MaxArticles)
		return
	}
	arts := cloneArticles(p.IArticles)
	at := min(p.undoAt, len(arts))
	arts = append(arts[:at], append([]compare.Article{*p.undo}, arts[at:]...)...)
	msg := fmt.Sprintf("Put back the article from %s.", p.undo.Outlet)
	p.undo, p.undoIDs = nil, nil
	p.emit(ctx, arts, msg, false)
	p.focusTo = "rm-" + strconv.Itoa(at)
}

func (p *articlePanel) onMove(i, step int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.fresh()
		j := i + step
		if j < 0 || j >= len(p.IArticles) {
			return
		}
		arts := cloneArticles(p.IArticles)
		arts[i], arts[j] = arts[j], arts[i]
		p.emit(ctx, arts, fmt.Sprintf("Moved the article from %s to position %d.", arts[j].Outlet, j+1), false)
		dir := "up"
		if step > 0 {
			dir = "down"
		}
		focusLater(ctx, fmt.Sprintf("mv%s-%d", dir, j))
	}
}

func (p *articlePanel) onAsk(what string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.confirm = what
		focusLater(ctx, "confirm-no")
	}
}

func (p *articlePanel) onConfirm(ctx app.Context, e app.Event) {
	p.fresh()
	switch p.confirm {
	case "clear":
		p.emit(ctx, []compare.Article{}, "Deleted all articles from this browser.", false)
	case "reset":
		p.emit(ctx, seeds.Articles(), "Back to the demo: five articles about US diplomacy with Israel during the Gaza war.", true)
	}
	p.confirm, p.editing, p.undo = "", -1, nil
	focusLater(ctx, "add")
}

func (p *articlePanel) onKeep(ctx app.Context, e app.Event) {
	p.confirm = ""
	focusLater(ctx, "add")
}

func (p *articlePanel) onReset(ctx app.Context, e app.Event) {
	p.fresh()
	if p.IDemo {
		p.emit(ctx, seeds.Articles(), "This is the demo.", true)
		return
	}
	p.onAsk("reset")(ctx, e)
}

func (p *articlePanel) onDragOver(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if !p.over {
		p.over = true
	} else {
		ctx.PreventUpdate()
	}
}

func (p *articlePanel) onDragLeave(ctx app.Context, e app.Event) { p.over = false }

func (p *articlePanel) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.over = false
	p.readFiles(ctx, e.Get("dataTransfer").Get("files"))
}

func (p *articlePanel) onFiles(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	p.readFiles(ctx, src.Get("files"))
	src.Set("value", "")
}

// upload is one file read in the browser.
type upload struct {
	name string
	data []byte
	err  string
}

// readFiles reads the chosen or dropped files in the browser and adds those that are
// plain text, all at once when the last is read.
func (p *articlePanel) readFiles(ctx app.Context, files app.Value) {
	n := files.Length()
	if n == 0 || p.inflight > 0 {
		return
	}
	p.fileMsg = fmt.Sprintf("Reading %d file(s)…", n)
	got := make([]upload, n)
	left := n
	p.inflight = n
	finish := func() {
		left--
		if left == 0 {
			ctx.Dispatch(func(ctx app.Context) { p.addUploads(ctx, got) })
		}
	}
	for i := 0; i < n; i++ {
		f := files.Index(i)
		got[i].name = f.Get("name").String()
		if size := f.Get("size").Int(); size > compare.MaxTextBytes {
			got[i].err = fmt.Sprintf("%.1f MB is more than the %d MB limit for one article", float64(size)/(1<<20), compare.MaxTextBytes>>20)
			finish()
			continue
		}
		var ok, fail app.Func
		release := func() { ok.Release(); fail.Release() }
		ok = app.FuncOf(func(this app.Value, args []app.Value) any {
			buf := app.Window().Get("Uint8Array").New(args[0])
			b := make([]byte, buf.Length())
			app.CopyBytesToGo(b, buf)
			got[i].data = b
			release()
			finish()
			return nil
		})
		fail = app.FuncOf(func(this app.Value, args []app.Value) any {
			got[i].err = "the browser could not read it"
			release()
			finish()
			return nil
		})
		f.Call("arrayBuffer").Call("then", ok, fail)
	}
}

func (p *articlePanel) addUploads(ctx app.Context, ups []upload) {
	p.inflight = 0
	arts := cloneArticles(p.IArticles)
	var added, short []string
	var failed []upload
	for _, u := range ups {
		name := strings.TrimSuffix(u.name, path.Ext(u.name))
		a := compare.Article{Outlet: name, Text: string(u.data)}
		if u.err == "" {
			switch ext := strings.ToLower(path.Ext(u.name)); ext {
			case ".txt", "":
				if err := compare.CheckText(a.Text); err != nil {
					u.err = err.Error()
				}
				a.Date = compare.PageDate(a.Text)
			case ".html", ".htm":
				page, err := pageArticle(u.data)
				if err != nil {
					u.err = err.Error()
				}
				a = page
				if a.Outlet == "" {
					a.Outlet = name
				}
			default:
				u.err = "only plain-text .txt files and saved web pages (.html) can be added"
			}
		}
		if u.err == "" && len(arts) >= MaxArticles {
			u.err = fmt.Sprintf("Parallax compares up to %d articles at once", MaxArticles)
		}
		if u.err != "" {
			failed = append(failed, u)
			continue
		}
		a.ID = newID(arts, name)
		arts = append(arts, a)
		added = append(added, u.name)
		if n := wordCount(a.Text); n < shortArticle {
			short = append(short, shortNote(u.name+" is", n))
		}
	}
	p.fileMsg = notAdded(failed)
	if len(added) > 0 {
		if len(short) > 3 {
			short = []string{fmt.Sprintf(" %d of them are under %d words each: if they are not whole articles, use Edit to paste the rest.", len(short), shortArticle)}
		}
		p.emit(ctx, arts, "Added "+filesText(added)+". Use Edit to set the outlet's name, title and date."+strings.Join(short, ""), false)
	}
}

// notAdded says which files were not added and why, one sentence per reason: 44
// files over the limit made 44 repetitions of it. It is "" when none failed.
func notAdded(failed []upload) string {
	var reasons []string
	names := map[string][]string{}
	for _, u := range failed {
		if _, ok := names[u.err]; !ok {
			reasons = append(reasons, u.err)
		}
		names[u.err] = append(names[u.err], u.name)
	}
	out := make([]string, len(reasons))
	for i, r := range reasons {
		if ns := names[r]; len(ns) == 1 {
			out[i] = "Not added: " + ns[0] + ": " + r + "."
		} else {
			out[i] = fmt.Sprintf("%d files not added (%s): %s.", len(ns), fileNames(ns), r)
		}
	}
	return strings.Join(out, " ")
}

// filesText names the files added: all of up to three, else how many and the first
// and last ("16 files (a.txt … p.txt)").
func filesText(names []string) string {
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%d files (%s)", len(names), fileNames(names))
}

// fileNames lists up to three file names, or the first and the last of more.
func fileNames(names []string) string {
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return names[0] + " … " + names[len(names)-1]
}

func (p *articlePanel) Render() app.UI {
	cls := "panel-articles"
	if p.over {
		cls += " over"
	}
	n := len(p.IArticles)
	return app.Section().ID("workspace").Class(cls).Aria("labelledby", "articles-h").
		OnDragOver(p.onDragOver).OnDragLeave(p.onDragLeave).OnDrop(p.onDrop).Body(
		app.Div().Class("ph").Body(
			app.H2().ID("articles-h").Body(
				app.Text("Articles "),
				app.Span().Class("count").Textf("(%d of up to %d)", n, MaxArticles),
				app.If(p.IDemo, func() app.UI { return app.Span().Class("badge").Text("demo") }),
			),
			app.If(!p.IBlind, func() app.UI {
				return app.Div().Class("actions").Body(
					app.Button().ID("add").Class("primary").OnClick(p.onAdd).Text("Paste an article"),
					app.Input().ID("files").Class("sr-only").Type("file").Accept(".txt,.html,.htm,text/plain,text/html").Multiple(true).OnChange(p.onFiles),
					app.Label().For("files").Class("button").Text("Choose files"),
					app.Button().ID("reset").OnClick(p.onReset).Text("Reset to demo"),
					app.Button().ID("clear").Disabled(n == 0).OnClick(p.onAsk("clear")).Text("Clear all"),
				)
			}),
		),
		p.renderWorkspaceTools(),
		app.If(p.IBlind, func() app.UI {
			return app.P().ID("blind-note").Class("note").Text("Blind mode: the outlets are hidden, here too. Leave blind mode to add, edit or remove articles.")
		}).Else(func() app.UI { return p.renderLinkForm() }),
		app.If(p.linkErr != "", func() app.UI { return app.P().ID("link-msg").Class("error").Role("alert").Text(p.linkErr) }),
		app.P().Class("hint").Text("Drop .txt files or saved web pages (.html) anywhere on this panel. Articles are saved in this browser only."),
		app.If(p.confirm != "", func() app.UI { return p.renderConfirm() }),
		app.If(p.fileMsg != "", func() app.UI { return app.P().ID("file-msg").Class("error").Role("alert").Text(p.fileMsg) }),
		app.If(p.undo != nil && !p.IBlind, func() app.UI {
			return app.P().Class("undo").Body(
				app.Textf("Removed “%s”. ", p.undo.Outlet),
				app.Button().ID("undo").Class("link").OnClick(p.onUndo).Text("Undo"),
			)
		}),
		app.If(n == 1, func() app.UI {
			return app.P().Class("note").Text("One article is here: add at least one more about the same story to compare them.")
		}),
		app.Ol().Class("cards").Class(loadingClass(p.ILoading)).Body(
			app.Range(p.IArticles).Slice(func(i int) app.UI { return p.renderCard(i) }),
		),
		app.If(p.editing >= 0 && !p.IBlind, func() app.UI { return p.renderForm() }),
	)
}

// loadingClass marks the card list while the articles load, so that the cards take
// room already kept for them instead of pushing the comparison down.
func loadingClass(loading bool) string {
	if loading {
		return "loading"
	}
	return ""
}

func (p *articlePanel) renderConfirm() app.UI {
	q, yes := fmt.Sprintf("Delete all %d articles from this browser? This cannot be undone.", len(p.IArticles)), "Delete all"
	if p.confirm == "reset" {
		q, yes = fmt.Sprintf("Replace your %d articles with the demo? Your articles will be deleted from this browser.", len(p.IArticles)), "Replace with the demo"
	}
	return app.Div().ID("confirm").Class("confirm").Role("alertdialog").Aria("labelledby", "confirm-q").Body(
		app.P().ID("confirm-q").Text(q),
		app.Button().ID("confirm-yes").Class("danger").OnClick(p.onConfirm).Text(yes),
		app.Button().ID("confirm-no").OnClick(p.onKeep).Text("Cancel"),
	)
}

func (p *articlePanel) renderCard(i int) app.UI {
	a := p.IArticles[i]
	title := a.Title
	if title == "" {
		title = firstLine(a.Text)
	}
	return app.Li().Class("card").Body(
		app.Div().Class("meta").Body(
			app.Span().Class("outlet").Text(a.Outlet),
			app.If(a.Date != "", func() app.UI { return app.Span().Class("date").Text(a.Date) }),
		),
		app.P().Class("title").Text(clip(title, 90)),
		app.P().Class("words").Text(plural(wordCount(a.Text), "word")),
		app.If(!p.IBlind, func() app.UI { return p.renderCardButtons(i) }),
	)
}

func (p *articlePanel) renderCardButtons(i int) app.UI {
	who, n := p.IArticles[i].Outlet, len(p.IArticles)
	return app.Div().Class("cardbtns").Body(
		app.Button().ID("edit-"+strconv.Itoa(i)).OnClick(p.onEdit(i)).Aria("label", "Edit the article from "+who).Text("Edit"),
		app.Button().ID("mvup-"+strconv.Itoa(i)).Disabled(i == 0).OnClick(p.onMove(i, -1)).Aria("label", "Move the article from "+who+" up").Text("↑"),
		app.Button().ID("mvdown-"+strconv.Itoa(i)).Disabled(i == n-1).OnClick(p.onMove(i, 1)).Aria("label", "Move the article from "+who+" down").Text("↓"),
		app.Button().ID("rm-"+strconv.Itoa(i)).Class("danger-quiet").OnClick(p.onRemove(i)).Aria("label", "Remove the article from "+who).Text("Remove"),
	)
}

func (p *articlePanel) renderForm() app.UI {
	heading := "Paste an article"
	if p.editing < len(p.IArticles) {
		heading = "Edit the article from " + p.IArticles[p.editing].Outlet
	}
	return app.Form().ID("article-form").Class("form").NoValidate(true).OnSubmit(p.onSave).Body(
		app.H3().Text(heading),
		app.Div().Class("row3").Body(
			app.Label().Body(app.Span().Text("Outlet (required)"),
				app.Input().ID("f-outlet").Type("text").Required(true).AutoComplete(false).Value(p.draft.Outlet).OnChange(p.onOutlet)),
			app.Label().Body(app.Span().Text("Title (optional)"),
				app.Input().ID("f-title").Type("text").Value(p.draft.Title).OnChange(p.onTitle)),
			app.Label().Body(app.Span().Text("Date (optional)"),
				app.Input().ID("f-date").Type("date").Value(p.draft.Date).OnChange(p.onDate)),
		),
		app.Label().Class("textlabel").Body(app.Span().Text("Text of the article (required)"),
			app.Textarea().ID("f-text").Rows(12).Required(true).Text(p.draft.Text).OnChange(p.onText)),
		app.If(p.formErr != "", func() app.UI { return app.P().ID("f-error").Class("error").Role("alert").TabIndex(-1).Text(p.formErr) }),
		app.Div().Class("formbtns").Body(
			app.Button().ID("f-save").Type("submit").Class("primary").Text("Save and compare"),
			app.Button().ID("f-cancel").Type("button").OnClick(p.onCancel).Text("Cancel"),
		),
	)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
