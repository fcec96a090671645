package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// Steps of a claim in the presenter view.
const (
	stepWording = iota // each outlet's sentence, plain
	stepDiff           // with the word marks against the reference
	stepFraming        // with the framing notes
	steps
)

var stepNames = [steps]string{"the wording", "what differs", "the framing"}

// presenter shows one claim at a time in large type, for a class: arrow keys, space
// or a clicker's PageUp/PageDown step through the wording, the differences and the
// framing of each claim; Escape leaves.
type presenter struct {
	app.Compo

	IResult *compare.Result
	IRef    string
	IOrder  string

	x     *index
	ref   string
	cols  []string
	rows  []row
	at    int // the claim shown, in rows
	step  int
	keys  app.Func // the window's keydown listener while mounted
	fsOff app.Func // the document's fullscreenchange listener
	full  bool     // the presenter went full screen
	fr    int      // framingState: the view draws again when framing signals come
}

// OnInit takes the rows before the first Render (OnMount runs after it): without
// them the presenter said "These articles share no claims to present" until then.
func (v *presenter) OnInit() { v.build() }

func (v *presenter) OnMount(ctx app.Context) {
	ctx.ObserveState(framingState, &v.fr)
	if !app.IsClient {
		return
	}
	v.keys = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := app.Event{Value: args[0]}
		if act := presenterKey(e.Get("key").String()); act != 0 {
			e.PreventDefault()
			ctx.Dispatch(func(ctx app.Context) { v.move(ctx, act) })
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", v.keys)
	// Escape in full screen is the browser's: it leaves full screen without a key
	// event for the page. Leaving full screen leaves the presenter view too.
	doc := app.Window().Get("document")
	v.fsOff = app.FuncOf(func(this app.Value, args []app.Value) any {
		if v.full && !doc.Get("fullscreenElement").Truthy() {
			ctx.Dispatch(func(ctx app.Context) { v.move(ctx, keyLeave) })
		}
		return nil
	})
	doc.Call("addEventListener", "fullscreenchange", v.fsOff)
	if el := doc.Get("documentElement"); el.Get("requestFullscreen").Truthy() {
		var ok, fail app.Func
		ok = app.FuncOf(func(this app.Value, args []app.Value) any {
			ctx.Dispatch(func(app.Context) { v.full = true })
			ok.Release()
			fail.Release()
			return nil
		})
		fail = app.FuncOf(func(this app.Value, args []app.Value) any { // not allowed: stay in the page
			ok.Release()
			fail.Release()
			return nil
		})
		el.Call("requestFullscreen").Call("then", ok, fail)
	}
	focusLater(ctx, "presenter")
}

func (v *presenter) OnDismount() {
	if !app.IsClient {
		return
	}
	app.Window().Call("removeEventListener", "keydown", v.keys)
	doc := app.Window().Get("document")
	doc.Call("removeEventListener", "fullscreenchange", v.fsOff)
	v.keys.Release()
	v.fsOff.Release()
	if doc.Get("fullscreenElement").Truthy() {
		doc.Call("exitFullscreen").Call("catch", app.FuncOf(func(this app.Value, args []app.Value) any { return nil }))
	}
}

func (v *presenter) OnUpdate(ctx app.Context) { v.build() }

// build takes the aligned view's rows (laid) and prepares the claim shown.
func (v *presenter) build() {
	v.ref = refOf(v.IResult, v.IRef)
	l := laid(v.IResult, v.ref, v.IOrder)
	v.x, v.cols, v.rows = l.x, l.cols, l.rows
	v.at = max(0, min(v.at, len(v.rows)-1))
	v.prepare()
}

// prepare reads and diffs the claim shown, if not done yet (prepareRow, diffRows):
// the presenter shows one claim at a time.
func (v *presenter) prepare() {
	if v.at < len(v.rows) {
		prepareRow(v.x, &v.rows[v.at])
		diffRows(v.rows, v.at, v.at+1)
	}
}

// Moves in the presenter view.
const (
	keyNext = iota + 1
	keyBack
	keyFirst
	keyLast
	keyLeave
)

// presenterKey maps a key to a move: arrows, space and the PageUp/PageDown keys a
// clicker sends step through; Home and End jump; Escape leaves.
func presenterKey(key string) int {
	switch key {
	case "ArrowRight", "ArrowDown", " ", "PageDown":
		return keyNext
	case "ArrowLeft", "ArrowUp", "PageUp", "Backspace":
		return keyBack
	case "Home":
		return keyFirst
	case "End":
		return keyLast
	case "Escape":
		return keyLeave
	}
	return 0
}

// move steps through the claims: forward from the last step of a claim goes to the
// first step of the next, and back the other way.
func (v *presenter) move(ctx app.Context, act int) {
	at, step := v.at, v.step
	switch act {
	case keyNext:
		if v.step < steps-1 {
			v.step++
		} else if v.at < len(v.rows)-1 {
			v.at, v.step = v.at+1, stepWording
		}
	case keyBack:
		if v.step > stepWording {
			v.step--
		} else if v.at > 0 {
			v.at, v.step = v.at-1, steps-1
		}
	case keyFirst:
		v.at, v.step = 0, stepWording
	case keyLast:
		v.at, v.step = max(0, len(v.rows)-1), stepWording
	case keyLeave:
		ctx.NewActionWithValue(actionPresent, false)
		return
	}
	v.prepare()
	v.reveal(ctx, revealOf(at, step, v.at, v.step))
}

// What a move in the presenter view brings into view.
const (
	revealNone    = iota // what the step adds is where the reader looks already
	revealTop            // a new claim, or back to its sentences: the top of the view
	revealFraming        // the framing notes, which start below a tall claim
)

// revealOf says what a move from claim at, step to claim nextAt, nextStep brings
// into view: a clicker sends only keys, so the view scrolls itself or a tall
// claim's framing stays below the screen.
func revealOf(at, step, nextAt, nextStep int) int {
	switch {
	case nextAt == at && nextStep == step:
		return revealNone
	case nextStep == stepFraming:
		return revealFraming
	case nextAt != at || step == stepFraming:
		return revealTop
	}
	return revealNone
}

// reveal scrolls the presenter view once it is drawn: to its top, or so that as
// much as fits of the framing notes shows.
func (v *presenter) reveal(ctx app.Context, what int) {
	if what == revealNone || !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		view := app.Window().GetElementByID("presenter")
		if !view.Truthy() {
			return
		}
		if what == revealTop {
			view.Set("scrollTop", 0)
			return
		}
		if el := app.Window().GetElementByID("pres-framing"); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "nearest"})
		}
	})
}

func (v *presenter) onNext(ctx app.Context, e app.Event)  { v.move(ctx, keyNext) }
func (v *presenter) onBack(ctx app.Context, e app.Event)  { v.move(ctx, keyBack) }
func (v *presenter) onLeave(ctx app.Context, e app.Event) { v.move(ctx, keyLeave) }

func (v *presenter) Render() app.UI {
	dialog := app.Div().ID("presenter").Class("presenter").Role("dialog").Aria("modal", "true").
		Aria("label", "Presenter view").TabIndex(-1)
	if len(v.rows) == 0 {
		return dialog.Body(
			app.P().Class("pres-empty").Text("These articles share no claims to present."),
			app.Button().ID("pres-close").OnClick(v.onLeave).Text("Leave (Esc)"),
		)
	}
	r := &v.rows[v.at]
	n, total := v.at+1, len(v.rows)
	done := (v.at*steps + v.step + 1) * 100 / (total * steps)
	var absent []string
	var cells []app.UI
	for i, spans := range r.Cells {
		d := v.x.doc(v.cols[i])
		if len(spans) == 0 {
			absent = append(absent, label(d))
			continue
		}
		var sents []app.UI
		shown, folded := unfolded(spans) // as in the aligned view: a projected claim stays on one screen
		for _, s := range shown {
			switch v.step {
			case stepWording:
				s.Chunks = nil // plain text
				sents = append(sents, renderSpan(&s, nil))
			case stepDiff:
				sents = append(sents, renderSpan(&s, nil))
			default:
				sents = append(sents, renderSpan(&s, marksOf(v.IResult, s.Ref, s.Text)))
			}
		}
		cells = append(cells, app.Div().Class("pres-row").DataSet("doc", d.ID).Body(
			app.Div().Class("pres-outlet").Body(
				app.Text(label(d)),
				app.If(spans[0].Base && v.step > stepWording, func() app.UI {
					if d.ID != v.ref {
						return standInBadge() // the reference does not report this claim
					}
					return app.Span().Class("badge").Text("reference")
				}),
			),
			app.Div().Class("pres-text").Body(sents...),
			app.If(folded > 0, func() app.UI {
				return app.P().Class("pres-folded").Text("and " + moreFromOutlet(folded))
			}),
		))
	}
	return dialog.DataSet("step", strconv.Itoa(v.step)).Body(
		app.Div().Class("pres-top").Body(
			app.Span().ID("pres-progress").Class("pres-progress").Textf("Claim %d of %d", n, total),
			app.Span().ID("pres-step").Class("pres-step").Textf("Step %d of %d: %s", v.step+1, steps, stepNames[v.step]),
			app.If(r.Occasions > 1, func() app.UI { return occasionsFlag(r.Occasions) }),
			app.If(r.Numbers && v.step > stepWording, func() app.UI { return app.Span().Class("flag").Text("numbers differ") }),
			app.Button().ID("pres-close").Class("link").OnClick(v.onLeave).Text("Leave (Esc)"),
		),
		// A progress element, not a styled bar: the page's CSP forbids inline styles.
		app.Progress().ID("pres-bar").Class("pres-bar").Max(100).Value(done).Aria("label", "Progress through the claims").Text(fmt.Sprintf("%d%%", done)),
		app.Div().Class("pres-claim").Aria("live", "polite").Body(cells...),
		app.If(len(absent) > 0, func() app.UI {
			return app.P().Class("pres-absent").Text("Not reported by " + strings.Join(absent, ", ") + ".")
		}),
		app.If(v.step == stepDiff, func() app.UI { return legend() }),
		app.If(v.step == stepFraming, func() app.UI { return v.renderFraming(r) }),
		app.Div().Class("pres-nav").Body(
			app.Button().ID("pres-prev").Disabled(v.at == 0 && v.step == 0).OnClick(v.onBack).Text("← Back"),
			app.Button().ID("pres-next").Class("primary").Disabled(v.at == total-1 && v.step == steps-1).OnClick(v.onNext).Text("Next →"),
			app.Span().Class("pres-keys").Text("→, Space or Page Down: next · ← or Page Up: back · Home, End · Esc: leave"),
		),
	)
}

// renderFraming shows the claim's framing notes, or says there are none.
func (v *presenter) renderFraming(r *row) app.UI {
	f := framingOf(v.IResult)
	if f != nil && f.due {
		return app.P().ID("pres-framing").Class("pres-frnone").Text(findingFraming)
	}
	cf := f.claim(r.ID)
	if cf == nil {
		return app.P().ID("pres-framing").Class("pres-frnone").Text("No framing notes for this claim: no labels, sourcing or numbers that differ.")
	}
	return app.Div().ID("pres-framing").Class("pres-framing").Body(framingTables(f, cf, v.ref))
}
