package app

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/blind"
)

// viewWorksheet is the worksheet tab: a handout to print.
const viewWorksheet = "worksheet"

// worksheetClaims is how many claims a worksheet holds: a lesson's worth.
const worksheetClaims = 12

func (p *workspacePage) handlePresent(ctx app.Context, a app.Action) {
	open, _ := a.Value.(bool)
	p.presenting = open && p.res != nil
	if !p.presenting {
		focusLater(ctx, "present")
	}
}

// handlePrint shows the worksheet and opens the browser's print dialog.
func (p *workspacePage) handlePrint(ctx app.Context, a app.Action) {
	if p.res == nil {
		return
	}
	p.view = viewWorksheet
	// Saved a turn later, as on changing tabs: with a long article, saving takes time
	// the worksheet should not wait for.
	afterTurn(ctx, func(ctx app.Context) { p.save(ctx) })
	ctx.Defer(func(app.Context) {
		if app.IsClient {
			// After this render, and not inside the click: print blocks until the
			// dialog closes.
			app.Window().Call("setTimeout", app.FuncOf(func(this app.Value, args []app.Value) any {
				app.Window().Call("print")
				return nil
			}), 50)
		}
	})
}

// worksheet is a handout for students: the claims most outlets report, each with
// every outlet's wording (as the aligned view shows it, the folded sentences left
// out and counted) and blanks for notes, and in blind mode a place to say
// which outlet is which. The print stylesheet prints it alone.
type worksheet struct {
	app.Compo

	IResult *compare.Result
	IRef    string
	IOrder  string
	IBlind  bool
	INames  int // pseudonyms in blind mode
}

func (w *worksheet) Render() app.UI {
	l := laid(w.IResult, refOf(w.IResult, w.IRef), w.IOrder) // the aligned view's rows
	x, cols, rows := l.x, l.cols, l.rows
	more := 0
	if len(rows) > worksheetClaims {
		rows, more = rows[:worksheetClaims], len(rows)-worksheetClaims
	}
	for i := range rows {
		prepareRow(x, &rows[i]) // only those it shows: a long article's claims are many
	}
	blank := func(q string) app.UI {
		return app.Div().Class("ws-blank").Body(app.Span().Text(q), app.Span().Class("ws-line").Aria("hidden", "true"))
	}
	var names []int
	for i := range w.INames {
		names = append(names, i)
	}
	return app.Div().ID("worksheet-sheet").Class("worksheet").Body(
		app.Div().Class("ws-noprint").Body(
			app.P().Text("A handout for students: print it, or save it as PDF from the print dialog. It follows the aligned view's reference and order, and hides the outlets in blind mode."),
			app.Button().ID("ws-print").Class("primary").OnClick(post(actionPrint, nil)).Text("Print the worksheet"),
		),
		app.H2().Text("How do outlets report the same story?"),
		app.Div().Class("ws-fields").Body(blank("Name"), blank("Class"), blank("Date")),
		app.P().Class("ws-howto").Text("Read how each outlet words the same fact. For each claim, note what differs: the words chosen, who is quoted or cited, the numbers, and what an outlet leaves out."),
		app.Ul().Class("ws-outlets").Body(app.Range(cols).Slice(func(i int) app.UI {
			d := x.doc(cols[i])
			return app.Li().Body(app.Strong().Text(label(d)), app.If(d.Title != "", func() app.UI { return app.Text(": " + d.Title) }))
		})),
		occasions(w.IResult, nil), // so that students do not take two trips for one
		app.Range(rows).Slice(func(i int) app.UI {
			r := &rows[i]
			var cells []app.UI
			var absent []string
			for k, spans := range r.Cells {
				d := x.doc(cols[k])
				if len(spans) == 0 {
					absent = append(absent, label(d))
					continue
				}
				var text []app.UI
				shown, folded := unfolded(spans)
				for _, s := range shown {
					text = append(text, app.P().Text(s.Text))
				}
				if folded > 0 {
					where := "aligned view" // it unfolds them there
					if slices.ContainsFunc(spans, func(s span) bool { return s.Plain }) {
						where = "Articles tab" // past cellMax the aligned view sends the reader there too
					}
					text = append(text, app.P().Class("ws-folded").Text("… and "+moreFromOutlet(folded)+", in Parallax's "+where+"."))
				}
				cells = append(cells, app.Tr().Body(app.Th().Scope("row").Text(label(d)), app.Td().Body(text...)))
			}
			return app.Section().Class("ws-claim").Body(
				app.H3().Textf("Claim %d · reported by %d of %d outlets%s", i+1, r.Outlets, len(cols), wsfile.OnOccasions(r.Occasions)),
				app.Table().Class("ws-table").Body(app.TBody().Body(cells...)),
				app.If(len(absent) > 0, func() app.UI {
					return app.P().Class("ws-absent").Textf("Not reported by: %s.", strings.Join(absent, ", "))
				}),
				blank("What differs in the wording?"),
				blank("Whom or what does each outlet cite?"),
			)
		}),
		app.If(more > 0, func() app.UI {
			if more == 1 {
				return app.P().Class("ws-more").Text("1 more claim is in Parallax's aligned view.")
			}
			return app.P().Class("ws-more").Textf("%d more claims are in Parallax's aligned view.", more)
		}),
		app.If(w.IBlind, func() app.UI {
			return app.Section().Class("ws-claim ws-guess").Body(
				app.H3().Text("Who wrote what?"),
				app.Range(names).Slice(func(i int) app.UI { return blank(blind.Name(i) + " is … because …") }),
			)
		}),
	)
}
