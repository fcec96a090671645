package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// articleView shows one full article with each sentence shaded as shared or unique,
// the debris the engine set aside collapsed, and the counterparts of the sentence the
// reader picks. A long article is drawn in steps of about articleStep sentences, one
// turn each, each step's paragraphs a component of their own (articleChunk).
type articleView struct {
	app.Compo

	IResult *compare.Result
	IDoc    string
	ISel    compare.Ref
	IText   string // the shown article's text, to keep its paragraphs

	laid    articleLaid
	drawn   int  // chunks drawn; the rest follow in steps
	gen     int  // counts layouts: a step scheduled for an older one does nothing
	refocus bool // a key picked a sentence: its element is drawn anew, focus it again
}

// articleLaid is the shown article in paragraphs, the paragraphs in steps (chunks),
// and the counts the view gives, for one result, article and text.
type articleLaid struct {
	res          *compare.Result
	doc, text    string
	x            *index
	d            *compare.Document
	chunks       [][][]compare.Sentence
	shared, uniq int
}

// articleStep is about how many sentences the Articles tab draws at a time, and the
// most a paragraph holds: a 2 MB article's 17,654 sentences held the page for
// 1.2–2.7 s in one task. Steps of 100 took 200–340 ms while go-app made each
// sentence's element; written as HTML (articleChunk), and with the fold of page debris
// a component of its own (debrisFold), they take under 70 ms and draw a 2 MB article
// in 1.5–2.8 s. The demo's articles are drawn at once.
const articleStep = 100

// paragraphs groups a document's sentences into the paragraphs of its text: a line
// break between two sentences starts a new paragraph, and so does the sentence after
// articleStep of one paragraph.
func paragraphs(d *compare.Document, text string) [][]compare.Sentence {
	var out [][]compare.Sentence
	for i, s := range d.Sentences {
		brk := i == 0 || len(out[len(out)-1]) >= articleStep
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

// layout lays out the shown article when the result, the article or its text
// changed: its paragraphs in steps of as many as hold at most articleStep sentences
// (at least one), of which the first is drawn at once.
func (v *articleView) layout() {
	l := &v.laid
	if l.res == v.IResult && l.doc == v.IDoc && l.text == v.IText && l.x != nil {
		return
	}
	x := indexOf(v.IResult)
	d := x.doc(v.IDoc)
	text := v.IText
	if d == nil {
		d, text = &v.IResult.Documents[0], "" // one paragraph
	}
	*l = articleLaid{res: v.IResult, doc: v.IDoc, text: v.IText, x: x, d: d}
	for _, s := range d.Sentences {
		if _, ok := x.claimOf[compare.Ref{Doc: d.ID, Sentence: s.Index}]; ok {
			l.shared++
		} else {
			l.uniq++
		}
	}
	paras := paragraphs(d, text)
	from, n := 0, 0
	for i, p := range paras {
		if n > 0 && n+len(p) > articleStep {
			l.chunks, from, n = append(l.chunks, paras[from:i]), i, 0
		}
		n += len(p)
	}
	if n > 0 {
		l.chunks = append(l.chunks, paras[from:])
	}
	v.gen++
	v.drawn = min(1, len(l.chunks))
}

func (v *articleView) OnMount(ctx app.Context) { v.growLater(ctx) }
func (v *articleView) OnUpdate(ctx app.Context) {
	v.layout()
	v.growLater(ctx)
	if v.refocus {
		// A step's sentences are HTML drawn anew when a pick changes (articleChunk):
		// the reader's keyboard stays on the sentence picked.
		v.refocus = false
		focusLater(ctx, "s-"+strconv.Itoa(v.ISel.Sentence))
	}
}

// growLater draws the next step's paragraphs after the browser has had its turn,
// and so on until all are drawn. A step only counts one more chunk, so several may
// be drawn in one go-app frame; waiting for each frame (afterDrawn, as the aligned
// view does) made the tasks a few ms shorter and drawing a 2 MB article twice as
// long (1.6–2.9 s → 3.0–4.7 s).
func (v *articleView) growLater(ctx app.Context) {
	if v.drawn >= len(v.laid.chunks) {
		return
	}
	gen := v.gen
	afterTurn(ctx, func(ctx app.Context) {
		if v.gen == gen {
			v.drawn++
			v.growLater(ctx)
		}
	})
}

// onPick picks r. Handlers made per item of a list, as this one, are given the item in
// app.EventScope: go-app keeps an element's old handler when the new one is a closure of
// the same function (it compares code pointers), so a list drawn again in place with
// other items would run the old items' handlers.
func (v *articleView) onPick(r compare.Ref) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionSelectSent, r)
	}
}

// onSentence picks the shared sentence clicked, or the one Enter or Space is pressed
// on: one handler for the whole article, where each sentence had two, and adding and
// removing a long article's thousands held the page.
func (v *articleView) onSentence(ctx app.Context, e app.Event) {
	el := pressedOn(e, ".sent.shared")
	if !el.Truthy() {
		return
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(el.Get("id").String(), "s-")); err == nil {
		e.PreventDefault()
		v.refocus = e.Get("type").String() == "keydown"
		ctx.NewActionWithValue(actionSelectSent, compare.Ref{Doc: v.laid.d.ID, Sentence: n})
	}
}

func (v *articleView) Render() app.UI {
	res := v.IResult
	if res == nil || len(res.Documents) == 0 {
		return app.Div()
	}
	v.layout()
	l := &v.laid
	x, d := l.x, l.d
	pending := "0"
	if v.drawn < len(l.chunks) {
		pending = "1" // tests wait for the last step
	}
	return app.Div().ID("articles").Class("artview").DataSet("pending", pending).Body(
		app.Nav().Class("docpick").Aria("label", "Choose an article").Body(
			app.Range(res.Documents).Slice(func(i int) app.UI {
				dd := &res.Documents[i]
				cur := dd.ID == d.ID
				b := app.Button().Class("docbtn").Aria("pressed", strconv.FormatBool(cur)).
					OnClick(v.onPick(compare.Ref{Doc: dd.ID, Sentence: -1}), app.EventScope(dd.ID)).Text(label(dd))
				return b
			}),
		),
		app.Div().Class("artcols").Body(
			app.Article().Class("fulltext").Aria("label", label(d)).Body(
				app.H2().Text(label(d)),
				app.If(d.Title != "", func() app.UI { return app.P().Class("arttitle").Text(d.Title) }),
				app.P().Class("hint").Body(
					app.Span().Class("sent shared demo").Text("shared"),
					app.Textf(" %s another outlet also reports · ", plural(l.shared, "sentence")),
					app.Span().Class("sent unique demo").Text("only here"),
					app.Textf(" %s. Click a shared sentence, or press Enter on it, to see how the others put it.", plural(l.uniq, "sentence")),
				),
				app.Div().Class("body").OnClick(v.onSentence).OnKeyDown(v.onSentence).Body(
					app.Range(l.chunks[:v.drawn]).Slice(func(k int) app.UI {
						ps := l.chunks[k]
						c := &articleChunk{IX: x, IDoc: d, IParas: ps}
						if last := ps[len(ps)-1]; v.ISel.Doc == d.ID && ps[0][0].Index <= v.ISel.Sentence && v.ISel.Sentence <= last[len(last)-1].Index {
							c.ISel = v.ISel // only its chunk draws again when the pick changes
						}
						return c
					}),
				),
				app.If(len(d.Debris) > 0, func() app.UI { return &debrisFold{IDoc: d} }),
			),
			v.renderCounterparts(x, d),
		),
	)
}

// debrisFold is the fold of what the engine set aside from an article as page debris,
// each piece with a button to put it back. Its body is drawn a turn after the article
// (folds), or when the reader opens it if it holds more than foldMax pieces, and then
// listStep at a time. It is a component of its own, so that the article's steps do not
// draw it again: a 2 MB article's 417 pieces, drawn with the article and again at each
// of its steps, made showing it hold the page for 150–310 ms at first and about 100 ms
// a step.
type debrisFold struct {
	app.Compo

	IDoc *compare.Document

	folds
}

func (f *debrisFold) OnMount(ctx app.Context)  { f.fillLater(ctx) }
func (f *debrisFold) OnUpdate(ctx app.Context) { f.fillLater(ctx) } // another article

func (f *debrisFold) Render() app.UI {
	d := f.IDoc
	key := "debris " + d.ID
	return app.Details().Class("debris").OnToggle(f.onOpen(key)).Body(
		app.Summary().Textf("%s of page debris set aside (bylines, credits, links…)", plural(len(d.Debris), "piece")),
		app.If(f.drawn(key, len(d.Debris)), func() app.UI {
			k, more := f.upTo(key, len(d.Debris), "piece")
			return app.Div().Body(
				app.Ul().Body(app.Range(d.Debris[:k]).Slice(func(i int) app.UI {
					db := d.Debris[i]
					return app.Li().Body(
						app.Span().Class("kind").Text(string(db.Kind)),
						app.Text(" "+db.Text+" "),
						app.Button().Class("link").Aria("label", "Put back as article text: "+clip(db.Text, 60)).
							OnClick(func(ctx app.Context, e app.Event) {
								ctx.NewActionWithValue(actionRestore, compare.Ref{Doc: d.ID, Sentence: db.Start})
							}, app.EventScope(d.ID, db.Start)).Text("put back"),
					)
				})),
				more,
			)
		}),
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
