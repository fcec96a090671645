package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
)

const (
	// pageRows is how many rows the aligned view shows before "Show more".
	pageRows = 40
	// stepRows is how many rows are diffed and drawn at a time: the page draws the
	// first rows at once and the others in steps, so that no step holds the page
	// for long (40 rows at once took about 200 ms in Chromium, 10 rows 70–150 ms on a
	// first visit, 5 rows 50–70 ms). Five rows fill more than a screen.
	stepRows = 5
	// stepTime ends a step early, after its first row: a long article's rows (a
	// dozen sentences of a cell to read and diff) take longer.
	stepTime = 40 * time.Millisecond
)

// alignedView is the heart of Parallax: one column per outlet, one row per shared
// claim, each cell that outlet's sentence with word-level marks against the reference.
type alignedView struct {
	app.Compo

	IResult *compare.Result
	IRef    string
	IOrder  string
	IFocus  string // claim to highlight
	IFocusN int    // when it changes, the keyboard focus moves to the IFocus claim

	x     *index
	ref   string // the reference document actually used (refOf)
	cols  []string
	rows  []row
	limit int // rows to show
	ready int // rows diffed and shown so far; the rest up to limit follow in steps
	gen   int // counts builds: a step scheduled by an older build does nothing
	moved int // the IFocusN the focus was last moved for
	fr    int // framingState: the view draws again when framing signals come
}

// OnInit lays out the rows before the view's first Render. go-app runs OnMount after
// that Render, and a view rendered without its rows said "These articles share no
// claims" until then: a reader could see it, and screenshots caught it.
func (v *alignedView) OnInit() { v.build() }

// The rows are drawn from the next turn on (growLater): a new result or reference
// first draws the table's frame, in a task of its own, except that a claim to focus
// (IFocus) is drawn at once with every row above it, so the focus can move to it.
func (v *alignedView) OnMount(ctx app.Context) {
	ctx.ObserveState(framingState, &v.fr)
	v.growLater(ctx)
	v.moveFocus(ctx)
}
func (v *alignedView) OnUpdate(ctx app.Context) { v.build(); v.growLater(ctx); v.moveFocus(ctx) }

// moveFocus scrolls to the IFocus claim and gives it the keyboard focus, once per
// request, after this component has rendered it.
func (v *alignedView) moveFocus(ctx app.Context) {
	if v.IFocus == "" || v.IFocusN == v.moved {
		return
	}
	v.moved = v.IFocusN
	id := "claim-" + v.IFocus
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center"})
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

// build lays out the rows; grow then diffs and shows them.
func (v *alignedView) build() {
	if v.limit == 0 {
		v.limit = pageRows
	}
	if v.IResult == nil {
		v.x, v.cols, v.rows = indexOf(nil), nil, nil
		return
	}
	v.ref = refOf(v.IResult, v.IRef)
	l := laid(v.IResult, v.ref, v.IOrder)
	v.x, v.cols, v.rows = l.x, l.cols, l.rows
	v.gen++
	v.ready = 0
	if v.IFocus != "" {
		for i, r := range v.rows {
			if r.ID == v.IFocus {
				// The focus moves to the claim once drawn: draw up to it now.
				v.limit = max(v.limit, i+1)
				v.ready = i + 1
				v.prepare(0, v.ready)
			}
		}
	}
}

// laidRows are the rows of one result, reference and order, with what has been read
// and diffed of them so far.
type laidRows struct {
	res        *compare.Result
	ref, order string
	x          *index
	cols       []string
	rows       []row
}

// laidOut keeps the rows laid out last (laid): the aligned view is made anew each
// time it is opened, and opening it again with a 2 MB article spent seconds reading
// the same sentences again; the presenter and the worksheet show the same rows.
var laidOut laidRows

// laid returns the rows of res against the reference ref in order: as laid out last,
// with what has been read and diffed of them, or laid out anew (layRows). Those shown
// are then prepared (prepareRow) and diffed (diffRows).
func laid(res *compare.Result, ref, order string) *laidRows {
	if l := &laidOut; l.res != res || l.ref != ref || l.order != order {
		x := indexOf(res)
		cols := columnOrder(res, ref)
		*l = laidRows{res, ref, order, x, cols, layRows(x, cols, ref, order)}
	}
	return &laidOut
}

// refOf returns ref if res has that document, else res's first document.
func refOf(res *compare.Result, ref string) string {
	for _, d := range res.Documents {
		if d.ID == ref {
			return ref
		}
	}
	if len(res.Documents) > 0 {
		return res.Documents[0].ID
	}
	return ref
}

// prepare reads and diffs rows[from:to] (prepareRow, diffRows).
func (v *alignedView) prepare(from, to int) {
	for i := from; i < min(to, len(v.rows)); i++ {
		prepareRow(v.x, &v.rows[i])
	}
	diffRows(v.rows, from, to)
}

// target is how many rows the view shows when every step is done.
func (v *alignedView) target() int { return min(v.limit, len(v.rows)) }

// grow prepares and shows the next stepRows rows, fewer if they take over stepTime,
// and schedules the next step (growLater).
func (v *alignedView) grow(ctx app.Context) {
	start, to := time.Now(), v.ready
	for to < min(v.ready+stepRows, v.target()) && (to == v.ready || time.Since(start) < stepTime) {
		v.prepare(to, to+1)
		to++
	}
	if v.ready == 0 && to > 0 && !alignedMarked {
		alignedMarked = true
		ctx.Defer(func(app.Context) { markTime("parallax-aligned") })
	}
	v.ready = max(v.ready, to)
	v.growLater(ctx)
}

// growLater runs the next step of grow once this step is drawn and the browser has
// had its turn (handled input: afterDrawn), if rows are still to be shown.
func (v *alignedView) growLater(ctx app.Context) {
	if v.ready >= v.target() {
		return
	}
	gen := v.gen
	afterDrawn(ctx, func(ctx app.Context) {
		if v.gen == gen {
			v.grow(ctx)
		}
	})
}

// alignedMarked is set once the first rows of an aligned view have been drawn, which
// the browser tests measure as "parallax-aligned".
var alignedMarked bool

// markTime records a named moment in the browser's performance timeline.
func markTime(name string) {
	if perf := app.Window().Get("performance"); perf.Truthy() {
		perf.Call("mark", name)
	}
}

func (v *alignedView) onMore(ctx app.Context, e app.Event) {
	v.limit += pageRows
	v.grow(ctx)
}

func (v *alignedView) Render() app.UI {
	if v.IResult == nil {
		return app.Div()
	}
	if len(v.rows) == 0 {
		return app.Div().ID("aligned").Class("aligned").Body(
			app.P().Class("empty").Text("These articles share no claims that Parallax could find: they may be about different events. See “Only in one outlet” for what each reports."),
		)
	}
	shown := v.rows[:min(v.ready, len(v.rows))]
	pending := "0"
	if v.ready < v.target() {
		pending = "1" // tests wait for the last step
	}
	return app.Div().ID("aligned").Class("aligned").DataSet("pending", pending).Body(
		app.Div().Class("scroll").Body(
			app.Table().Class("grid").Body(
				app.Caption().Class("sr-only").Text("Claims reported by several outlets, one column per outlet"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Class("claimcol").Text("Claim"),
					app.Range(v.cols).Slice(func(i int) app.UI {
						d := v.x.doc(v.cols[i])
						th := app.Th().Scope("col")
						if i == 0 {
							th = th.Class("refcol")
						}
						return th.Body(
							app.Span().Class("outlet").Text(label(d)),
							app.If(d.Title != "", func() app.UI { return app.Span().Class("title").Text(d.Title) }),
							app.If(i == 0, func() app.UI { return app.Span().Class("badge").Text("reference") }),
						)
					}),
				)),
				app.TBody().Body(
					app.Range(shown).Slice(func(i int) app.UI { return v.rowOf(&shown[i]) }),
				),
			),
		),
		app.If(len(v.rows) > v.limit && v.ready >= v.target(), func() app.UI {
			return app.Button().Class("more").OnClick(v.onMore).
				Textf("Show %s (%d of %d shown)", plural(min(pageRows, len(v.rows)-v.limit), "more claim"), v.limit, len(v.rows))
		}),
	)
}

// claimRow is one row of the aligned view: a claim's number, flags and evidence, then
// each outlet's sentences marked against the reference. A component of its own, so
// that a step of the view draws its new rows and leaves the rows above alone (their
// fields are the same): drawn in the view's Render, every row shown was built and
// compared again at each step. Switching the reference twelve times on the seeds
// made 22–50 tasks over 50 ms that way, 6–14 with rows of their own (each step in a
// frame of its own in both: growLater).
type claimRow struct {
	app.Compo

	IResult *compare.Result
	IRow    *row
	ICols   []string // the view's columns, the reference first
	IRef    string   // the reference document
	IFocus  bool     // the claim to highlight
	IFr     int      // framingState: the row draws again when framing signals come
}

// rowOf is the row component of r.
func (v *alignedView) rowOf(r *row) *claimRow {
	return &claimRow{IResult: v.IResult, IRow: r, ICols: v.cols, IRef: v.ref, IFocus: r.ID == v.IFocus, IFr: v.fr}
}

func (c *claimRow) Render() app.UI {
	r := c.IRow
	cls := "claim"
	if c.IFocus {
		cls += " focus"
	}
	if r.Numbers {
		cls += " numdiff"
	}
	return app.Tr().ID("claim-"+r.ID).Class(cls).TabIndex(-1).Body(
		app.Th().Scope("row").Class("claimcol").Body(
			app.Span().Class("n").Textf("#%d", r.N),
			app.Span().Class("count").Textf("%d outlets", r.Outlets),
			app.If(r.Occasions > 1, func() app.UI { return occasionsFlag(r.Occasions) }),
			app.If(r.Numbers, func() app.UI { return app.Span().Class("flag").Text("numbers differ") }),
			evidence(r),
			c.renderExtras(),
		),
		app.Range(r.Cells).Slice(func(i int) app.UI {
			spans := r.Cells[i]
			if len(spans) == 0 {
				return app.Td().Class("none").DataSet("doc", c.ICols[i]).Body(
					app.Span().Class("sr-only").Text("not reported"), // CSS draws a dash
				)
			}
			return app.Td().DataSet("doc", c.ICols[i]).Body(c.renderCell(spans, r.BaseDoc != c.IRef)...)
		}),
	)
}

// occasionsFlag says a claim's outlets report it on n occasions, and what that means.
func occasionsFlag(n int) app.UI {
	return app.Span().Class("flag occflag").
		Title("Its outlets report it on different occasions (see the list above the table): a position or a running figure voiced again, not one event").
		Textf("%d occasions", n)
}

// standInTag is what the aligned view and the presenter write by the sentence the other
// outlets are marked against when the reference outlet does not report the claim.
const standInTag = "marks compare with this"

// standInBadge is that tag, saying why on pointing.
func standInBadge() app.UI {
	return app.Span().Class("basetag").Title("The reference outlet does not report this claim, so the other outlets' marks compare with this sentence").Text(standInTag)
}

// renderCell renders one outlet's sentences of a claim: those shown, then the folded
// ones behind a summary that says how many there are. standIn says the row's base is
// not the reference's sentence, so the base is tagged as what the marks compare with.
func (c *claimRow) renderCell(spans []span, standIn bool) []app.UI {
	var shown, folded []app.UI
	plain := 0
	for j := range spans {
		if spans[j].Plain {
			plain++ // counted, not drawn: a claim can gather hundreds
			continue
		}
		if spans[j].Base && standIn {
			shown = append(shown, standInBadge())
		}
		ui := renderSpan(&spans[j], marksOf(c.IResult, spans[j].Ref, spans[j].Text))
		if spans[j].Folded {
			folded = append(folded, ui)
		} else {
			shown = append(shown, ui)
		}
	}
	n := len(folded) + plain
	if plain > 0 {
		folded = append(folded, app.P().Class("sent").Textf("… and %d more, in the Articles tab", plain))
	}
	if n > 0 {
		shown = append(shown, app.Details().Class("more-sents").Body(
			app.Summary().Text(moreFromOutlet(n)),
			app.Div().Body(folded...),
		))
	}
	return shown
}

// renderExtras renders what the registered claim extras (claimExtras) add under a
// claim, or nothing.
func (c *claimRow) renderExtras() app.UI {
	if len(claimExtras) == 0 {
		return nil
	}
	claim := &c.IResult.Claims[c.IRow.N-1]
	var out []app.UI
	for _, extra := range claimExtras {
		if ui := extra(c.IResult, claim, c.IRef); ui != nil {
			out = append(out, ui)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return app.Div().Class("extras").Body(out...)
}

// evidence shows why the sentences were grouped, on hover and on keyboard focus.
func evidence(r *row) app.UI {
	var lines []app.UI
	add := func(name string, items []string) {
		if len(items) > 0 {
			lines = append(lines, app.Li().Body(app.Strong().Text(name+": "), app.Text(strings.Join(items, ", "))))
		}
	}
	add("Shared names", r.Ev.Names)
	add("Shared numbers and dates", r.Ev.Numbers)
	add("Shared words", r.Ev.Terms)
	lines = append(lines, app.Li().Text(wsfile.MatchScore(r.Score)))
	id := "ev-" + r.ID
	return app.Span().Class("ev").Body(
		app.Button().Class("evbtn").Aria("describedby", id).Aria("label", fmt.Sprintf("Why claim %d was grouped", r.N)).Text("why?"),
		app.Span().ID(id).Class("evpop").Role("tooltip").Body(app.Ul().Body(lines...)),
	)
}

// renderSpan renders one sentence with its diff marks, and highlights the runs of
// text that marks (from sentenceMarkers) point out.
func renderSpan(s *span, marks []textMark) app.UI {
	if s.Chunks == nil {
		if len(marks) == 0 {
			return app.P().Class("sent base").Text(s.Text)
		}
		ps, in := markPieces([]piece{{Text: s.Text, Op: compare.Equal}}, marks)
		return app.P().Class("sent base").Body(app.Range(ps).Slice(func(i int) app.UI { return markedText(ps[i].Text, in[i]) }))
	}
	ps, in := markPieces(pieces(s.Chunks, s.Nums), marks)
	cls := "sent"
	if wsfile.SharedShare(s.Chunks) < wsfile.MinShared {
		cls += " loose"
	}
	return app.P().Class(cls).Body(app.Range(ps).Slice(func(i int) app.UI {
		pc := ps[i]
		switch {
		case pc.Op == compare.Insert && pc.Num:
			return app.Ins().Body(app.Strong().Class("num").Title("a number the reference sentence gives differently: the same count, another figure").Body(markedText(pc.Text, in[i])))
		case pc.Op == compare.Insert:
			return app.Ins().Body(markedText(pc.Text, in[i]))
		case pc.Op == compare.Delete:
			return app.Del().Text(pc.Text)
		}
		return markedText(pc.Text, in[i])
	}))
}

// markedText is text, highlighted as text (never as HTML) when a mark covers it. A
// mark with a note is a Tab stop, named with its note, and shows the note on focus
// (the style sheet), as on hover: keyboard and touch readers could not reach it.
func markedText(text string, m *textMark) app.UI {
	if m == nil {
		return app.Text(text)
	}
	mark := app.Mark().Class(m.Class).Title(m.Title)
	if m.Title != "" {
		mark = mark.TabIndex(0).Aria("label", text+" ("+m.Title+")")
	}
	return mark.Text(text)
}
