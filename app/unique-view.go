package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// uniqueView lists, per outlet, what no other outlet reports: listStep sentences of
// each at first, with a button for more.
type uniqueView struct {
	app.Compo

	IResult *compare.Result

	folds // how far each outlet's list goes
}

func (v *uniqueView) Render() app.UI {
	if v.IResult == nil {
		return app.Div()
	}
	x := indexOf(v.IResult)
	docs := v.IResult.Documents
	return app.Div().ID("unique").Class("unique").Body(
		app.P().Class("hint").Text("Sentences only one outlet reports (headlines and fragments of fewer than four words counted, not listed). An omission is not an error: outlets choose what to tell."),
		app.Range(docs).Slice(func(i int) app.UI {
			d := &docs[i]
			us := uniqueOf(x, d.ID)
			k, more := v.upTo(d.ID, len(us), "sentence")
			return app.Details().Class("only").Open(i == 0).Body(
				app.Summary().Body(
					app.Span().Class("outlet").Text(label(d)),
					app.Textf(" — %d of %d sentences only here%s", uniqueCount(x, d.ID), len(d.Sentences), notListed(uniqueCount(x, d.ID), len(us))),
				),
				app.If(len(us) == 0, func() app.UI {
					return app.P().Text("Nothing: every sentence has a counterpart elsewhere.")
				}).Else(func() app.UI {
					return app.Ol().Body(app.Range(us[:k]).Slice(func(j int) app.UI {
						return app.Li().Value(us[j].Index + 1).Text(us[j].Text)
					}))
				}),
				more,
			)
		}),
	)
}
