package app

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// importPath is the endpoint of parallax serve that fetches a link and returns the
// article as JSON ({"url","title","byline","outlet","date","text"} or {"error"}). A
// static copy of the app has no such endpoint.
const importPath = "/api/import"

// noEndpoint is what the reader is told when the server that sent the app cannot
// import links: a static host answers with a page or a 404, not with JSON.
const noEndpoint = "Adding from a link needs Parallax running as “parallax serve”; this copy is a static site, " +
	"which cannot fetch pages. Open the article, copy its text and use “Paste an article”, " +
	"or save the page and drop the .html file here."

// imported is the answer of the import endpoint.
type imported struct {
	Article compare.Article
	Err     string // in plain words, "" on success
}

// onLink asks the server to fetch the link typed in the link field; the answer opens
// the article form filled with what the page says, for the reader to check and save.
func (p *articlePanel) onLink(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.linkBusy {
		return
	}
	link := p.link
	if app.IsClient {
		if el := app.Window().GetElementByID("link-url"); el.Truthy() {
			link = el.Get("value").String()
		}
	}
	link = strings.TrimSpace(link)
	p.link, p.linkErr = link, ""
	switch {
	case link == "":
		p.linkErr = "Paste the link to a news article first (it starts with https://)."
	case !strings.HasPrefix(strings.ToLower(link), "http://") && !strings.HasPrefix(strings.ToLower(link), "https://"):
		p.linkErr = "That is not a web link: it should start with https:// or http://."
	case len(p.IArticles) >= MaxArticles:
		p.linkErr = fmt.Sprintf("Parallax compares up to %d articles at once: remove one before adding another.", MaxArticles)
	}
	if p.linkErr != "" {
		focusLater(ctx, "link-url")
		return
	}
	p.linkBusy = true
	fetchArticle(link, func(r imported) { ctx.Dispatch(func(ctx app.Context) { p.linkDone(ctx, r) }) })
}

func (p *articlePanel) onLinkInput(ctx app.Context, e app.Event) { p.link = field(ctx) }

// linkDone shows what the import brought: the filled form, or why there is none.
func (p *articlePanel) linkDone(ctx app.Context, r imported) {
	p.linkBusy = false
	if r.Err != "" {
		p.linkErr = r.Err
		focusLater(ctx, "link-url")
		return
	}
	a := r.Article
	if strings.TrimSpace(a.Outlet) == "" {
		a.Outlet = "Unnamed outlet"
	}
	if !validDate(a.Date) {
		a.Date = ""
	}
	p.link, p.linkErr = "", ""
	p.editing, p.draft, p.formErr = len(p.IArticles), a, ""
	p.fileMsg = ""
	focusLater(ctx, "f-save")
}

// fetchArticle calls the import endpoint from the page with the browser's fetch and
// calls done once with the outcome.
func fetchArticle(link string, done func(imported)) {
	if !app.IsClient {
		done(imported{Err: noEndpoint})
		return
	}
	var onResp, onJSON, onFail, onBadJSON app.Func
	release := func() { onResp.Release(); onJSON.Release(); onFail.Release(); onBadJSON.Release() }
	finish := func(r imported) {
		release()
		done(r)
	}
	onResp = app.FuncOf(func(this app.Value, args []app.Value) any {
		resp := args[0]
		ct := resp.Get("headers").Call("get", "content-type")
		if !ct.Truthy() || !strings.HasPrefix(strings.ToLower(ct.String()), "application/json") {
			finish(imported{Err: noEndpoint})
			return nil
		}
		resp.Call("json").Call("then", onJSON, onBadJSON)
		return nil
	})
	onJSON = app.FuncOf(func(this app.Value, args []app.Value) any {
		finish(decodeImported(args[0]))
		return nil
	})
	onBadJSON = app.FuncOf(func(this app.Value, args []app.Value) any {
		finish(imported{Err: noEndpoint})
		return nil
	})
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		finish(imported{Err: "The Parallax server could not be reached: adding from a link needs the network. Check the connection and that “parallax serve” is still running, or paste the article's text instead."})
		return nil
	})
	opts := app.Window().Get("Object").New()
	opts.Set("credentials", "same-origin")
	opts.Set("cache", "no-store")
	// A network that is connected but reaches nothing would leave the reader waiting:
	// the server gives up on a site after 20 s, the page after 30 s.
	if sig := app.Window().Get("AbortSignal"); sig.Truthy() && sig.Get("timeout").Truthy() {
		opts.Set("signal", sig.Call("timeout", 30000))
	}
	app.Window().Call("fetch", importPath+"?url="+url.QueryEscape(link), opts).Call("then", onResp, onFail)
}

// decodeImported reads the endpoint's JSON answer, taking only string fields.
func decodeImported(v app.Value) imported {
	str := func(key string) string {
		if f := v.Get(key); f.Type() == app.TypeString {
			return f.String()
		}
		return ""
	}
	if v.Type() != app.TypeObject {
		return imported{Err: noEndpoint}
	}
	if msg := str("error"); msg != "" {
		return imported{Err: "Not added: " + msg + "."}
	}
	a := compare.Article{Outlet: str("outlet"), Title: str("title"), Date: str("date"), Text: str("text")}
	if err := compare.CheckText(a.Text); err != nil {
		return imported{Err: "Not added: the page gave no article text (" + err.Error() + ")."}
	}
	return imported{Article: a}
}

// renderLinkForm is the field and button of “Add from link”.
func (p *articlePanel) renderLinkForm() app.UI {
	label := "Add from link"
	if p.linkBusy {
		label = "Fetching…"
	}
	return app.Form().ID("link-form").Class("actions").NoValidate(true).OnSubmit(p.onLink).Body(
		app.Label().For("link-url").Class("sr-only").Text("Link to a news article"),
		app.Input().ID("link-url").Type("url").Size(48).Placeholder("https://… (a news article)").
			AutoComplete(false).Value(p.link).OnChange(p.onLinkInput),
		app.Button().ID("link-add").Type("submit").Disabled(p.linkBusy).Text(label),
		app.If(p.linkBusy, func() app.UI {
			return app.Span().ID("link-status").Class("hint").Role("status").Text("Fetching the page…")
		}),
	)
}
