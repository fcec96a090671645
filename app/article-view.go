package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// articleView shows one full article with each sentence shaded as shared or unique,
// the debris the engine set aside collapsed, and the counterparts of the sentence the
// reader picks.
type articleView struct {
	app.Compo

	IResult *compare.Result
	IDoc    string
	ISel    compare.Ref
	IText   string // the shown article's text, to keep its paragraphs
}

// paragraphs groups a document's sentences into the paragraphs of its text: a line
// break between two sentences starts a new paragraph.
func paragraphs(d *compare.Document, text string) [][]compare.Sentence {
	var out [][]compare.Sentence
	for i, s := range d.Sentences {
		brk := i == 0
		if i > 0 {
			prev := d.Sentences[i-1]
			if prev.End <= s.Start && s.Start <= len(text) && strings.Contains(text[prev.End:s.Start], "\n") {
				brk = true
			}
		}
		if brk {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

func (v *articleView) onPick(r compare.Ref) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionSelectSent, r)
	}
}

func (v *articleView) Render() app.UI {
	res := v.IResult
	if res == nil || len(res.Documents) == 0 {
		return app.Div()
	}
	x := newIndex(res)
	d := x.doc(v.IDoc)
	if d == nil {
		d = &res.Documents[0]
	}
	shared, uniq := 0, 0
	for _, s := range d.Sentences {
		if _, ok := x.claimOf[compare.Ref{Doc: d.ID, Sentence: s.Index}]; ok {
			shared++
		} else {
			uniq++
		}
	}
	paras := paragraphs(d, v.IText)
	if v.IText == "" || d.ID != v.IDoc {
		paras = [][]compare.Sentence{d.Sentences}
	}
	return app.Div().ID("articles").Class("artview").Body(
		app.Nav().Class("docpick").Aria("label", "Choose an article").Body(
			app.Range(res.Documents).Slice(func(i int) app.UI {
				dd := &res.Documents[i]
				cur := dd.ID == d.ID
				b := app.Button().Class("docbtn").Aria("pressed", strconv.FormatBool(cur)).
					OnClick(v.onPick(compare.Ref{Doc: dd.ID, Sentence: -1})).Text(label(dd))
				return b
			}),
		),
		app.Div().Class("artcols").Body(
			app.Article().Class("fulltext").Aria("label", label(d)).Body(
				app.H2().Text(label(d)),
				app.If(d.Title != "", func() app.UI { return app.P().Class("arttitle").Text(d.Title) }),
				app.P().Class("hint").Body(
					app.Span().Class("sent shared demo").Text("shared"),
					app.Textf(" %s another outlet also reports · ", plural(shared, "sentence")),
					app.Span().Class("sent unique demo").Text("only here"),
					app.Textf(" %s. Click a shared sentence, or press Enter on it, to see how the others put it.", plural(uniq, "sentence")),
				),
				app.Div().Class("body").Body(
					app.Range(paras).Slice(func(k int) app.UI {
						return app.P().Body(app.Range(paras[k]).Slice(func(i int) app.UI {
							return v.renderSentence(x, d, paras[k][i])
						}))
					}),
				),
				app.If(len(d.Debris) > 0, func() app.UI {
					return app.Details().Class("debris").Body(
						app.Summary().Textf("%s of page debris set aside (bylines, credits, links…)", plural(len(d.Debris), "piece")),
						app.Ul().Body(app.Range(d.Debris).Slice(func(i int) app.UI {
							db := d.Debris[i]
							return app.Li().Body(
								app.Span().Class("kind").Text(string(db.Kind)),
								app.Text(" "+db.Text+" "),
								app.Button().Class("link").Aria("label", "Put back as article text: "+clip(db.Text, 60)).
									OnClick(func(ctx app.Context, e app.Event) {
										ctx.NewActionWithValue(actionRestore, compare.Ref{Doc: d.ID, Sentence: db.Start})
									}).Text("put back"),
							)
						})),
					)
				}),
			),
			v.renderCounterparts(x, d),
		),
	)
}

func (v *articleView) renderSentence(x *index, d *compare.Document, s compare.Sentence) app.UI {
	ref := compare.Ref{Doc: d.ID, Sentence: s.Index}
	_, isShared := x.claimOf[ref]
	cls := "sent unique"
	if isShared {
		cls = "sent shared"
	}
	if s.Role == compare.RoleHeadline || s.Role == compare.RoleSubhead {
		cls += " head"
	}
	if ref == v.ISel {
		cls += " picked"
	}
	el := app.Span().ID("s-" + strconv.Itoa(s.Index)).Class(cls).Text(s.Text + " ")
	if isShared {
		el = el.TabIndex(0).Role("button").Aria("pressed", strconv.FormatBool(ref == v.ISel)).
			OnClick(v.onPick(ref)).OnKeyDown(pressKey(actionSelectSent, ref))
	}
	return el
}

func (v *articleView) renderCounterparts(x *index, d *compare.Document) app.UI {
	aside := app.Aside().Class("counter").Aria("live", "polite")
	ci, ok := x.claimOf[v.ISel]
	if v.ISel.Doc != d.ID || !ok {
		return aside.Body(app.P().Class("hint").Text("Pick a shaded sentence to see its counterparts in the other articles."))
	}
	c := &x.res.Claims[ci]
	var items []app.UI
	for _, m := range c.Members {
		if m == v.ISel {
			continue
		}
		items = append(items, app.Li().Body(
			app.Span().Class("outlet").Text(label(x.doc(m.Doc))),
			app.P().Class("sent").Text(x.sentence(m)),
		))
	}
	return aside.Body(
		app.H3().Textf("Claim #%d: how the others put it", ci+1),
		app.Ul().Body(items...),
		app.Button().Class("link").OnClick(func(ctx app.Context, e app.Event) {
			ctx.NewActionWithValue(actionFocusClaim, c.ID)
		}).Text("Show in the aligned view"),
	)
}
