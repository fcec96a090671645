package app

import (
	"strconv"

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
					app.Textf(" %d sentences another outlet also reports · ", shared),
					app.Span().Class("sent unique demo").Text("only here"),
					app.Textf(" %d sentences. Click a shared sentence, or press Enter on it, to see how the others put it.", uniq),
				),
				app.Div().Class("body").Body(
					app.Range(d.Sentences).Slice(func(i int) app.UI {
						s := d.Sentences[i]
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
					}),
				),
				app.If(len(d.Debris) > 0, func() app.UI {
					return app.Details().Class("debris").Body(
						app.Summary().Textf("%d pieces of page debris set aside (bylines, credits, links…)", len(d.Debris)),
						app.Ul().Body(app.Range(d.Debris).Slice(func(i int) app.UI {
							db := d.Debris[i]
							return app.Li().Body(app.Span().Class("kind").Text(string(db.Kind)), app.Text(" "+db.Text))
						})),
					)
				}),
			),
			v.renderCounterparts(x, d),
		),
	)
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
