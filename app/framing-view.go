package app

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/framing"
)

// viewFraming is the ID of the framing tab.
const viewFraming = "framing"

func init() {
	extraViews = append(extraViews, extraView{ID: viewFraming, Name: "Framing", Render: func(res *compare.Result) app.UI {
		return &framingView{IResult: res}
	}})
}

// framingView sums up, per article, how each outlet frames the story: how it sources
// its sentences, whom it quotes, which labels it uses, which numbers to check, what
// only it reports and what it leaves out.
type framingView struct {
	app.Compo

	IResult *compare.Result

	fr int // framingState: the view draws again when framing signals come
	folds
}

// findingFraming is what views say while the framing signals are still being found.
const findingFraming = "Finding the framing signals…"

func (v *framingView) OnMount(ctx app.Context) {
	ctx.ObserveState(framingState, &v.fr).OnChange(func() { v.fillLater(ctx) })
	v.fillLater(ctx)
}

func (v *framingView) OnUpdate(ctx app.Context) { v.fillLater(ctx) }

func (v *framingView) Render() app.UI {
	f := framingOf(v.IResult)
	if f != nil && f.due {
		return app.Div().ID(viewFraming).Class("framing").Body(app.P().Class("working").Role("status").Text(findingFraming))
	}
	if f == nil || f.fc == nil {
		msg := "The framing signals are not available for this comparison."
		if f != nil && f.err != "" {
			msg = "The framing signals are not available: " + strings.TrimSuffix(f.err, ".") + "."
		}
		return app.Div().ID(viewFraming).Class("framing").Body(app.P().Class("error").Role("alert").Text(msg))
	}
	return app.Div().ID(viewFraming).Class("framing").Body(
		howToRead(),
		v.renderSourcing(f),
		v.renderVoices(f),
		v.renderLabels(f),
		v.renderChecks(f),
		v.renderOmissions(f),
		v.renderGlossary(f),
	)
}

// howToRead is the note for teachers: what the signals are, and what they are not.
func howToRead() app.UI {
	return app.Details().ID("howto").Class("howto").Open(true).Body(
		app.Summary().Text("How to read this (for teachers)"),
		app.Ul().Body(
			app.Li().Text("Parallax points at words, not at bias: each finding is a quotation from the articles you can check. Ask students what the choice of word does, not which outlet is “right”."),
			app.Li().Text("Labels: the words outlets choose for the same actor or event (“militant group” or “terrorist group”, “Hamas-run”). Hover over or focus a label to read why teachers point at it; labels inside quotations are the speaker's word, not the outlet's."),
			app.Li().Text("Sourcing: how sentences say where their content comes from: a named source, an unnamed one (“officials said”), a hedge (“alleged”) or a caveat (“cannot be independently verified”)."),
			app.Li().Text("Voices: who gets quoted and at what length. Someone quoted by one outlet only is a choice worth discussing, not an error."),
			app.Li().Text("Numbers: figures side by side with the articles' dates. A toll that grows with later dates is a running count; a figure marked “check” looks malformed as written."),
			app.Li().Text("Prominence: the lead is the first two sentences; a claim in the last third is easy to miss. Omissions: what each outlet alone reports, and what it leaves out."),
			app.Li().Text("The word lists are finite and the matching is automatic: it misses things and can be wrong. Open a claim's “framing” in the aligned view to see the sentences themselves."),
		),
	)
}

func (v *framingView) renderSourcing(f *framed) app.UI {
	reps := f.fc.Articles
	return app.Section().Class("frsec").Aria("labelledby", "fr-sourcing").Body(
		app.H3().ID("fr-sourcing").Text("Sourcing"),
		app.P().Class("hint").Text("Share of each article's sentences that say where their content comes from, and how."),
		scrollBox("Sourcing", app.Table().Class("frtable").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Outlet"),
				app.Th().Scope("col").Text("Sentences attributed"),
				app.Th().Scope("col").Text("Named sources"),
				app.Th().Scope("col").Text("Unnamed sources"),
				app.Th().Scope("col").Text("Hedges"),
				app.Th().Scope("col").Text("Caveats"),
			)),
			app.TBody().Body(app.Range(reps).Slice(func(i int) app.UI {
				r := reps[i]
				s := r.Sourcing
				pct := int(100*s.Share + 0.5)
				return app.Tr().DataSet("doc", r.Doc).Body(
					app.Th().Scope("row").Text(label(f.doc(r.Doc))),
					app.Td().Body(
						app.Meter().Class("bar").Min(0).Max(100).Value(pct).Aria("hidden", "true"),
						app.Textf(" %d%% (%d of %d)", pct, s.Attributed, r.Sentences),
					),
					app.Td().Class("numcol").Text(s.Named),
					app.Td().Class("numcol").Text(s.Anonymous),
					app.Td().Class("numcol").Text(s.Hedges),
					app.Td().Class("numcol").Text(s.Caveats),
				)
			})),
		)),
		v.renderCaveats(f),
	)
}

// renderCaveats quotes the caveats and the unnamed sources: the words themselves.
func (v *framingView) renderCaveats(f *framed) app.UI {
	type quoted struct {
		doc string
		a   framing.Attribution
	}
	var all []quoted // unnamed sources and caveats
	for _, r := range f.fc.Articles {
		for _, a := range r.Attributions {
			if a.Kind == framing.Caveat || a.Kind == framing.Anonymous {
				all = append(all, quoted{r.Doc, a})
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	open := v.drawn("caveats", len(all))
	k, more := v.upTo("caveats", len(all), "item")
	return app.Details().Class("frmore").OnToggle(v.onOpen("caveats")).Body(
		app.Summary().Textf("Unnamed sources and caveats, as written (%d)", len(all)),
		app.If(open, func() app.UI {
			return app.Ul().Class("frlist").Body(app.Range(all[:k]).Slice(func(i int) app.UI {
				q := all[i]
				words := "“" + q.a.Cue + "”"
				if q.a.Source != "" {
					words = q.a.Source + " " + words
				}
				if q.a.Condition != "" {
					words += ", “" + q.a.Condition + "”"
				}
				return app.Li().Body(
					app.Span().Class("src src-"+string(q.a.Kind)).Text(kindNames[q.a.Kind]),
					app.Text(" "+words+" "),
					app.Span().Class("frsmall").Textf("(%s, sentence %d)", label(f.doc(q.doc)), q.a.Sentence+1),
				)
			}))
		}),
		app.If(open, func() app.UI { return more }),
	)
}

func (v *framingView) renderVoices(f *framed) app.UI {
	reps := f.fc.Articles
	var only []framing.Speaker
	for _, s := range f.fc.Voices {
		if s.Only != "" {
			only = append(only, s)
		}
	}
	return app.Section().Class("frsec").Aria("labelledby", "fr-voices").Body(
		app.H3().ID("fr-voices").Text("Voices"),
		app.P().Class("hint").Text("Who each outlet quotes directly, and how many words each speaker gets, most first."),
		scrollBox("Voices", app.Table().Class("frtable").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Outlet"),
				app.Th().Scope("col").Text("Quoted (words, quotations)"),
			)),
			app.TBody().Body(app.Range(reps).Slice(func(i int) app.UI {
				r := reps[i]
				return app.Tr().DataSet("doc", r.Doc).Body(
					app.Th().Scope("row").Text(label(f.doc(r.Doc))),
					app.Td().Body(app.If(len(r.Voices) == 0, func() app.UI {
						return app.Span().Class("frnone").Text("no direct quotation")
					}).Else(func() app.UI {
						return app.Ol().Class("voices").Body(app.Range(r.Voices).Slice(func(j int) app.UI {
							vc := r.Voices[j]
							name := vc.Name
							if vc.Anonymous {
								name += " (unnamed)"
							}
							_, shared := f.voices[vc.Key]
							shared = shared && f.fc.Voices[f.voices[vc.Key]].Only == ""
							return app.Li().Body(
								app.Strong().Text(name),
								app.Textf(": %s, %s", plural(vc.Words, "word"), plural(vc.Quotes, "quotation")),
								app.If(!shared && len(reps) > 1, func() app.UI { return app.Span().Class("only-tag").Text("only this outlet") }),
							)
						}))
					})),
				)
			})),
		)),
		app.If(len(only) > 0, func() app.UI {
			return app.Div().Body(
				app.H4().Text("Quoted by one outlet only"),
				app.Ul().Class("frlist").Body(app.Range(only).Slice(func(i int) app.UI {
					s := only[i]
					return app.Li().Body(app.Strong().Text(s.Name), app.Textf(" — %s, %s", label(f.doc(s.Only)), plural(s.Words, "word")))
				})),
			)
		}),
	)
}

// termCount is one term an article uses, with how often in its own voice and quoted.
type termCount struct {
	Category, Term string
	Own, Quoted    int
}

func termCounts(r framing.Report) []termCount {
	var out []termCount
	at := map[string]int{}
	for _, l := range r.Labels {
		k := l.Category + "|" + l.Term
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, termCount{Category: l.Category, Term: l.Term})
		}
		if l.Quoted {
			out[i].Quoted++
		} else {
			out[i].Own++
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Own+out[i].Quoted > out[j].Own+out[j].Quoted })
	return out
}

func (v *framingView) renderLabels(f *framed) app.UI {
	return app.Section().Class("frsec").Aria("labelledby", "fr-labels").Body(
		app.H3().ID("fr-labels").Text("Labels"),
		app.P().Class("hint").Text("Words from Parallax's word list that characterize actors and events. Hover over or focus a word for why it matters."),
		app.Raw(labelsHTML(f)),
		app.If(len(f.fc.Actors) > 0, func() app.UI { return app.Raw(actorsHTML(f)) }),
	)
}

// labelsHTML is the table of the labels each outlet uses, in its own words and inside
// quotations, as HTML (tagWriter): with twenty articles the section's words and their
// notes were 2,567 of the Framing tab's 4,381 elements (TestLabelsHTML).
func labelsHTML(f *framed) string {
	var w tagWriter
	w.openScrollBox("Labels")
	w.open("table", "class", "frtable")
	w.open("thead")
	w.open("tr")
	for _, h := range []string{"Outlet", "In its own words", "Inside quotations"} {
		w.elem("th", h, "scope", "col")
	}
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	for _, r := range f.fc.Articles {
		w.open("tr", "data-doc", r.Doc)
		w.elem("th", label(f.doc(r.Doc)), "scope", "row")
		terms := termCounts(r)
		cell := func(count func(termCount) int, none string) {
			w.open("td", "class", "terms")
			for _, tc := range terms {
				if n := count(tc); n > 0 {
					writeTermTip(&w, f, tc.Category, tc.Term, countText(tc.Term, n), false)
					none = ""
				}
			}
			if none != "" {
				w.elem("span", none, "class", "frnone")
			}
			w.close("td")
		}
		cell(func(tc termCount) int { return tc.Own }, "none from the word list")
		cell(func(tc termCount) int { return tc.Quoted }, "none")
		w.close("tr")
	}
	w.close("tbody")
	w.close("table")
	w.close("div")
	return w.String()
}

// actorsHTML is a table of actors × outlets, the words each outlet uses for each, as
// HTML (tagWriter).
func actorsHTML(f *framed) string {
	docs := f.res.Documents
	const title = "The same actor in each outlet's words"
	var w tagWriter
	w.open("div")
	w.elem("h4", title)
	w.openScrollBox(title)
	w.open("table", "class", "frtable actors")
	w.open("thead")
	w.open("tr")
	w.elem("th", "Actor", "scope", "col")
	for i := range docs {
		w.elem("th", label(&docs[i]), "scope", "col")
	}
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	for _, al := range f.fc.Actors {
		w.open("tr", "data-actor", al.Actor)
		w.open("th", "scope", "row")
		w.text(al.Actor)
		if al.Differ {
			w.elem("span", "words differ", "class", "flag")
		}
		w.close("th")
		for j := range docs {
			w.open("td", "data-doc", docs[j].ID, "class", "terms")
			none := true
			for _, u := range al.Uses {
				if u.Doc == docs[j].ID {
					writeTermTip(&w, f, u.Category, u.Term, countText(u.Term, u.Count), u.Quoted == u.Count)
					none = false
				}
			}
			if none {
				w.elem("span", "—", "class", "frnone")
			}
			w.close("td")
		}
		w.close("tr")
	}
	w.close("tbody")
	w.close("table")
	w.close("div")
	w.close("div")
	return w.String()
}

func countText(term string, n int) string {
	if n > 1 {
		return fmt.Sprintf("%s ×%d", term, n)
	}
	return term
}

// renderChecks lists the numbers that look malformed as written.
func (v *framingView) renderChecks(f *framed) app.UI {
	var items []app.UI
	for _, r := range f.fc.Articles {
		for _, n := range r.Numbers {
			if n.Suspect == "" {
				continue
			}
			items = append(items, app.Li().Body(
				app.Strong().Text(label(f.doc(r.Doc))+": "),
				app.Span().Class("numcell").Text(numberText(n)),
				app.Span().Class("frsmall").Textf(" (sentence %d)", n.Sentence+1),
				suspectFlag(n.Suspect),
			))
		}
	}
	if len(items) == 0 {
		return nil
	}
	k, more := v.upTo("checks", len(items), "number")
	return app.Section().Class("frsec").Aria("labelledby", "fr-checks").Body(
		app.H3().ID("fr-checks").Text("Numbers to check"),
		app.Ul().Class("frlist").Body(items[:k]...),
		more,
	)
}

// renderOmissions sums up prominence and omissions per article: where its shared
// claims stand, what only it reports, which claims of the others it leaves out.
func (v *framingView) renderOmissions(f *framed) app.UI {
	cov := f.fc.Coverage
	return app.Section().Class("frsec").Aria("labelledby", "fr-omissions").Body(
		app.H3().ID("fr-omissions").Text("Prominence and omissions"),
		app.P().Class("hint").Text("Where each outlet puts the claims it shares with others (lead = first two sentences), what it alone reports, and what the others report that it leaves out. An omission is a choice, not an error."),
		scrollBox("Prominence and omissions", app.Table().Class("frtable").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Outlet"),
				app.Th().Scope("col").Text("Shared claims"),
				app.Th().Scope("col").Body(placeBadge(framing.Lead)),
				app.Th().Scope("col").Body(placeBadge(framing.FirstThird)),
				app.Th().Scope("col").Body(placeBadge(framing.Middle)),
				app.Th().Scope("col").Body(placeBadge(framing.Buried)),
				app.Th().Scope("col").Text("Only here"),
				app.Th().Scope("col").Text("Leaves out"),
			)),
			app.TBody().Body(app.Range(cov).Slice(func(i int) app.UI {
				c := cov[i]
				return app.Tr().DataSet("doc", c.Doc).Body(
					app.Th().Scope("row").Text(label(f.doc(c.Doc))),
					app.Td().Class("numcol").Text(c.Claims),
					app.Td().Class("numcol").Text(c.Lead),
					app.Td().Class("numcol").Text(c.FirstThird),
					app.Td().Class("numcol").Text(c.Middle),
					app.Td().Class("numcol").Text(c.Buried),
					app.Td().Text(plural(len(c.Only), "sentence")),
					app.Td().Text(plural(len(c.Missing), "claim")),
				)
			})),
		)),
		app.Range(cov).Slice(func(i int) app.UI { return v.renderOnly(f, cov[i]) }),
	)
}

// renderOnly lists what one outlet alone reports, and the claims it leaves out.
func (v *framingView) renderOnly(f *framed, c framing.Coverage) app.UI {
	d := f.doc(c.Doc)
	if d == nil {
		return nil
	}
	speakers := wsfile.VoiceNames(f.fc, c.Speakers)
	var sents []framing.Placed
	for _, p := range c.Only {
		if p.Sentence >= 0 && p.Sentence < len(d.Sentences) && listed(d.Sentences[p.Sentence]) {
			sents = append(sents, p)
		}
	}
	open := v.drawn("only "+c.Doc, len(sents)+len(c.Numbers)+len(c.Missing)+len(speakers))
	return app.Details().Class("frmore only-fr").DataSet("doc", c.Doc).OnToggle(v.onOpen("only "+c.Doc)).Body(
		app.Summary().Body(
			app.Span().Class("outlet").Text(label(d)),
			app.Textf(" — alone reports %s%s; quotes %s no other outlet quotes; leaves out %s", plural(len(c.Only), "sentence"), notListed(len(c.Only), len(sents)), people(len(speakers)), plural(len(c.Missing), "claim")),
		),
		app.If(open && len(speakers) > 0, func() app.UI {
			return app.P().Body(app.Strong().Text("Only this outlet quotes: "), app.Text(strings.Join(speakers, ", ")))
		}),
		app.If(open && len(c.Numbers) > 0, func() app.UI {
			var ns []string
			for _, n := range c.Numbers {
				ns = append(ns, numberText(n))
			}
			return app.P().Body(app.Strong().Text("Numbers only here: "), app.Text(strings.Join(ns, "; ")))
		}),
		app.If(open && len(sents) > 0, func() app.UI {
			k, more := v.upTo("only "+c.Doc, len(sents), "sentence")
			return app.Div().Body(
				app.H4().Text("Only in this outlet"),
				app.Ol().Class("frlist").Body(app.Range(sents[:k]).Slice(func(j int) app.UI {
					p := sents[j]
					return app.Li().Value(p.Sentence+1).Body(placeBadge(p.Position), app.Text(" "+d.Sentences[p.Sentence].Text))
				})),
				more,
			)
		}),
		app.If(open && len(c.Missing) > 0, func() app.UI {
			return app.Div().OnClick(v.onClaimLink).Body(
				app.H4().Text("Claims others report that this outlet leaves out"),
				app.Raw(claimLinksHTML(f, c.Missing)),
			)
		}),
	)
}

// claimLinksHTML is a paragraph of buttons, one for each claim of ids, numbered as the
// aligned view numbers them, as HTML (tagWriter) with one handler for all
// (onClaimLink): with twenty articles, the claims each outlet leaves out were thousands
// of buttons with handlers of their own.
func claimLinksHTML(f *framed, ids []string) string {
	var w tagWriter
	w.open("p", "class", "claimlinks")
	for _, id := range ids {
		n := 0
		if k, ok := f.claims[id]; ok {
			n = k + 1
		}
		w.elem("button", "#"+strconv.Itoa(n), "class", "link", "title", "Show this claim in the aligned view", "data-claim", id)
	}
	w.close("p")
	return w.String()
}

// onClaimLink shows the claim of the button pressed (claimLinksHTML) in the aligned
// view.
func (v *framingView) onClaimLink(ctx app.Context, e app.Event) {
	if b := pressedOn(e, "button[data-claim]"); b.Truthy() {
		ctx.NewActionWithValue(actionFocusClaim, b.Call("getAttribute", "data-claim").String())
	}
}

func (v *framingView) renderGlossary(f *framed) app.UI {
	g := f.fc.Glossary
	if len(g) == 0 {
		return nil
	}
	return app.Details().Class("frmore glossary").OnToggle(v.onOpen("glossary")).Body(
		app.Summary().Text("Why these words matter: notes from the word list"),
		app.If(v.drawn("glossary", len(g)), func() app.UI {
			return app.Dl().Body(app.Range(g).Slice(func(i int) app.UI {
				e := g[i]
				if e.Term == "" {
					return app.Div().Class("gcat").Body(app.Dt().Text(e.Name), app.Dd().Text(e.Note))
				}
				return app.Div().Body(app.Dt().Text("“"+e.Term+"”"), app.Dd().Text(e.Note))
			}))
		}),
	)
}

// scrollBox is a wide table's own scrolling box (on a phone, or beside a long claim):
// focusable, so that the keyboard can scroll it too, and named for whoever lands on it.
// tagWriter.openScrollBox writes the same as HTML.
// The aligned view's and the coverage matrix's boxes hold controls the keyboard
// reaches, which scroll them, so they need no stop of their own.
func scrollBox(name string, table app.UI) app.UI {
	return app.Div().Class("scroll").TabIndex(0).Role("region").Aria("label", name).Body(table)
}
