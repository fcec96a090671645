package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
	"parallax/compare/framing"
)

func init() { claimExtras = append(claimExtras, framingForClaim) }

// framingForClaim is the claim extra of the framing signals: flags under the claim's
// number and a button that opens the claim's framing.
func framingForClaim(res *compare.Result, c *compare.Claim, ref string) app.UI {
	f := framingOf(res)
	if f != nil && f.due {
		// The button's place, kept while the signals are found, so the rows do not
		// move when they come.
		return app.Div().Class("frclaim").Body(
			app.Button().Class("frbtn").Disabled(true).Title(findingFraming).
				Body(app.Span().Aria("hidden", "true").Text("▸ "), app.Text("framing")),
		)
	}
	if f.claim(c.ID) == nil {
		return nil
	}
	return &claimFraming{IResult: res, IClaim: c.ID, IRef: ref}
}

// claimFraming shows, for one claim, how each outlet frames it: where it puts it,
// how it sources it, whom it quotes, which labels and numbers it uses. Closed, it is
// a few flags and a button; the panel renders only when open.
type claimFraming struct {
	app.Compo

	IResult *compare.Result
	IClaim  string
	IRef    string

	open bool
}

func (c *claimFraming) onToggle(ctx app.Context, e app.Event) {
	c.open = !c.open
}

// onKey closes the panel on Escape and gives the focus back to its button.
func (c *claimFraming) onKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Escape" {
		return
	}
	e.PreventDefault()
	c.open = false
	// The button stays while the panel goes: focus it before the panel's buttons,
	// which may hold the focus, disappear.
	if el := app.Window().GetElementByID("frbtn-" + c.IClaim); el.Truthy() {
		el.Call("focus")
	}
}

func (c *claimFraming) Render() app.UI {
	f := framingOf(c.IResult)
	cf := f.claim(c.IClaim)
	if cf == nil {
		return app.Div()
	}
	var flags []app.UI
	for _, al := range cf.Labels {
		if al.Differ {
			flags = append(flags, app.Span().Class("flag frflag").Title("Outlets use different words for "+al.Actor+" in this claim").Text("labels differ"))
			break
		}
	}
	if suspectIn(cf) {
		flags = append(flags, app.Span().Class("flag frflag").Title("A number here looks malformed: open the framing to see why").Text("check a number"))
	}
	panel := "fr-" + c.IClaim
	return app.Div().Class("frclaim").Body(
		app.Div().Class("frflags").Body(flags...),
		app.Button().ID("frbtn-"+c.IClaim).Class("frbtn").Aria("expanded", fmt.Sprint(c.open)).Aria("controls", panel).
			Title("How each outlet frames this claim").OnClick(c.onToggle).
			Body(app.Span().Aria("hidden", "true").Text(map[bool]string{false: "▸ ", true: "▾ "}[c.open]), app.Text("framing")),
		app.If(c.open, func() app.UI { return c.renderPanel(f, cf, panel) }),
	)
}

// suspectIn reports whether a number of the claim looks malformed.
func suspectIn(cf *framing.ClaimFraming) bool {
	for _, m := range cf.Members {
		for _, n := range m.Numbers {
			if n.Suspect != "" {
				return true
			}
		}
	}
	return false
}

// outletFraming is what one outlet's sentences of a claim do.
type outletFraming struct {
	Doc       *compare.Document
	Best      framing.Position
	Sentences []int
	Attrs     []framing.Attribution
	Speakers  []string
	Labels    []framing.Label
	Numbers   []framing.Number
}

// byOutlet groups a claim's members by outlet, in the order of the aligned view's
// columns, with the outlets that do not report the claim last.
func byOutlet(f *framed, cf *framing.ClaimFraming, ref string) (reporting []outletFraming, absent []*compare.Document) {
	for _, id := range columnOrder(f.res, ref) {
		o := outletFraming{Doc: f.doc(id)}
		for _, m := range cf.Members {
			if m.Doc != id {
				continue
			}
			o.Sentences = append(o.Sentences, m.Sentence)
			o.Attrs = append(o.Attrs, m.Attributions...)
			o.Labels = append(o.Labels, m.Labels...)
			o.Numbers = append(o.Numbers, m.Numbers...)
			for _, s := range m.Speakers {
				if !contains(o.Speakers, s) {
					o.Speakers = append(o.Speakers, s)
				}
			}
		}
		for _, c := range cf.Coverage {
			if c.Doc == id && c.Position != framing.Absent {
				o.Best = c.Position // the claim's most prominent place in this outlet
			}
		}
		if o.Best == "" {
			absent = append(absent, o.Doc)
			continue
		}
		reporting = append(reporting, o)
	}
	return reporting, absent
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (c *claimFraming) renderPanel(f *framed, cf *framing.ClaimFraming, id string) app.UI {
	n := f.claims[c.IClaim] + 1
	return app.Div().ID(id).Class("frpanel").Role("region").Aria("label", fmt.Sprintf("Framing of claim %d", n)).OnKeyDown(c.onKey).Body(
		app.Div().Class("frhead").Body(
			app.H3().Textf("How each outlet frames claim #%d", n),
			app.Button().Class("link").OnClick(c.onToggle).Text("close"),
		),
		framingTables(f, cf, c.IRef),
	)
}

// framingTables are a claim's framing: one row per outlet (where, sourcing, quoted,
// labels, numbers), then the words each outlet uses for the same actors and the
// numbers side by side. The claim panel and the presenter view show them.
func framingTables(f *framed, cf *framing.ClaimFraming, ref string) app.UI {
	outlets, absent := byOutlet(f, cf, ref)
	return app.Div().Class("frtables").Body(
		scrollBox("How each outlet frames the claim", app.Table().Class("frtable frbyoutlet").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Outlet"),
				app.Th().Scope("col").Text("Where in the article"),
				app.Th().Scope("col").Text("Sourcing"),
				app.Th().Scope("col").Text("Quoted"),
				app.Th().Scope("col").Text("Labels"),
				app.Th().Scope("col").Text("Numbers"),
			)),
			app.TBody().Body(
				app.Range(outlets).Slice(func(i int) app.UI { return renderOutletFraming(f, &outlets[i]) }),
				app.If(len(absent) > 0, func() app.UI {
					var names []string
					for _, d := range absent {
						names = append(names, label(d))
					}
					return app.Tr().Class("absent").Body(
						app.Th().Scope("row").Text(strings.Join(names, "; ")),
						app.Td().ColSpan(5).Text("does not report this claim"),
					)
				}),
			),
		)),
		renderActorLabels(f, cf.Labels),
		renderNumberGroups(f, cf.Numbers),
	)
}

func renderOutletFraming(f *framed, o *outletFraming) app.UI {
	var sents []string
	for _, s := range o.Sentences {
		sents = append(sents, fmt.Sprint(s+1))
	}
	word := "sentence "
	if len(sents) > 1 {
		word = "sentences "
	}
	var quoted []string
	for _, k := range o.Speakers {
		quoted = append(quoted, f.speaker(k))
	}
	return app.Tr().DataSet("doc", o.Doc.ID).Body(
		app.Th().Scope("row").Text(label(o.Doc)),
		app.Td().Body(
			placeBadge(o.Best),
			app.Span().Class("frsmall").Text(" "+word+strings.Join(sents, ", ")),
		),
		app.Td().Body(renderAttributions(o.Attrs)),
		app.Td().Body(app.If(len(quoted) == 0, func() app.UI {
			return app.Span().Class("frnone").Text("no quotation")
		}).Else(func() app.UI { return app.Text(strings.Join(quoted, ", ")) })),
		app.Td().Body(renderLabelList(f, o.Labels)),
		app.Td().Body(renderNumbers(o.Numbers)),
	)
}

// placeHelp says what each position means.
var placeHelp = map[framing.Position]string{
	framing.Lead:       "in the first two sentences",
	framing.FirstThird: "after the lead, in the first third of the article",
	framing.Middle:     "in the middle third of the article",
	framing.Buried:     "in the last third of the article: easy to miss",
	framing.Absent:     "the outlet does not report it",
}

func placeBadge(p framing.Position) app.UI {
	return app.Span().Class("place place-" + string(p)).Title(placeHelp[p]).Text(p.Words())
}

// kindNames say in plain words how a statement is sourced.
var kindNames = map[framing.Kind]string{
	framing.Named:     "named source",
	framing.Anonymous: "unnamed source",
	framing.Hedge:     "hedge",
	framing.Caveat:    "caveat",
}

func renderAttributions(as []framing.Attribution) app.UI {
	if len(as) == 0 {
		return app.Span().Class("frnone").Text("no attribution in these words")
	}
	return app.Ul().Class("frlist").Body(app.Range(as).Slice(func(i int) app.UI {
		a := as[i]
		words := "“" + a.Cue + "”"
		if a.Source != "" {
			words += " " + a.Source
		}
		if a.Condition != "" {
			words += ", “" + a.Condition + "”"
		}
		return app.Li().Body(
			app.Span().Class("src src-"+string(a.Kind)).Text(kindNames[a.Kind]),
			app.Text(" "+words),
		)
	}))
}

// renderLabelList lists labels as written, with the lexicon's note on hover and focus.
func renderLabelList(f *framed, ls []framing.Label) app.UI {
	if len(ls) == 0 {
		return app.Span().Class("frnone").Text("none from the word list")
	}
	// Each term once, as first written, with how often.
	type use struct {
		l framing.Label
		n int
	}
	var uses []use
	at := map[string]int{}
	for _, l := range ls {
		k := fmt.Sprint(l.Category, "|", l.Term, "|", l.Quoted)
		if i, ok := at[k]; ok {
			uses[i].n++
			continue
		}
		at[k] = len(uses)
		uses = append(uses, use{l, 1})
	}
	return app.Span().Body(app.Range(uses).Slice(func(i int) app.UI {
		u := uses[i]
		text := "“" + u.l.Text + "”"
		if u.n > 1 {
			text += fmt.Sprintf(" ×%d", u.n)
		}
		return termTip(f, u.l.Category, u.l.Term, text, u.l.Quoted)
	}))
}

// termTip is a term with the lexicon's note, shown on hover and on keyboard focus.
func termTip(f *framed, category, term, text string, quoted bool) app.UI {
	t := tipOf(f, category, term, text, quoted)
	return app.Span().Class("tip").Body(
		app.Button().Class(t.class).Text(t.text),
		app.Span().Class("tippop").Role("tooltip").Body(app.Strong().Text(t.name+": "), app.Text(t.note)),
	)
}

// writeTermTip writes the label as termTip draws it, as HTML (tagWriter).
func writeTermTip(w *tagWriter, f *framed, category, term, text string, quoted bool) {
	t := tipOf(f, category, term, text, quoted)
	w.open("span", "class", "tip")
	w.elem("button", t.text, "class", t.class)
	w.open("span", "class", "tippop", "role", "tooltip")
	w.elem("strong", t.name+": ")
	w.text(t.note)
	w.close("span")
	w.close("span")
}

// aTip is what a label shows, and its note: why teachers point at the word.
type aTip struct{ class, text, name, note string }

func tipOf(f *framed, category, term, text string, quoted bool) aTip {
	cls := "term"
	if category == "hedge" || category == "caveat" {
		cls += " lbl-" + category
	}
	name := f.names[category]
	if name == "" {
		name = category
	}
	note := f.note(category, term)
	if quoted {
		text += " (quoted)"
		note += " Here inside a quotation: the speaker's word, not the outlet's."
	}
	return aTip{cls, text, name, note}
}

// numberText says a number as the article does: "more than 22,0000 Palestinians",
// "thousands of terrorists" (what it counts, read past the "of": Number.Of).
func numberText(n framing.Number) string {
	s := n.Text
	if n.Qualifier != "" {
		s = n.Qualifier + " " + s
	}
	if n.Counts != "" {
		if n.Of {
			s += " of"
		}
		s += " " + n.Counts
	}
	return s
}

func renderNumbers(ns []framing.Number) app.UI {
	if len(ns) == 0 {
		return app.Span().Class("frnone").Text("none")
	}
	return app.Ul().Class("frlist").Body(app.Range(ns).Slice(func(i int) app.UI {
		n := ns[i]
		return app.Li().Body(
			app.Text(numberText(n)),
			app.If(n.Suspect != "", func() app.UI { return suspectFlag(n.Suspect) }),
		)
	}))
}

func suspectFlag(why string) app.UI {
	return app.Span().Class("suspect").Body(
		app.Strong().Text(" ⚠ check: "),
		app.Text(why),
	)
}

// renderActorLabels sets side by side the words outlets use for the same actor.
func renderActorLabels(f *framed, als []framing.ActorLabels) app.UI {
	var rows []framing.ActorLabels
	for _, al := range als {
		docs := map[string]bool{}
		for _, u := range al.Uses {
			docs[u.Doc] = true
		}
		if al.Differ || len(docs) > 1 {
			rows = append(rows, al)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return app.Div().Class("frsec").Body(
		app.H4().Text("Same actor, different words"),
		app.Ul().Class("fractors").Body(app.Range(rows).Slice(func(i int) app.UI {
			return renderActorRow(f, rows[i])
		})),
	)
}

func renderActorRow(f *framed, al framing.ActorLabels) app.UI {
	var order []string
	uses := map[string][]framing.LabelUse{}
	for _, u := range al.Uses {
		if uses[u.Doc] == nil {
			order = append(order, u.Doc)
		}
		uses[u.Doc] = append(uses[u.Doc], u)
	}
	return app.Li().Body(
		app.Strong().Text(al.Actor),
		app.If(al.Differ, func() app.UI { return app.Span().Class("flag").Text("differ") }),
		app.Text(": "),
		app.Range(order).Slice(func(i int) app.UI {
			us := uses[order[i]]
			return app.Span().Class("fruse").Body(
				app.Range(us).Slice(func(j int) app.UI {
					u := us[j]
					text := "“" + u.Term + "”"
					if u.Count > 1 {
						text += fmt.Sprintf(" ×%d", u.Count)
					}
					return termTip(f, u.Category, u.Term, text, u.Quoted == u.Count)
				}),
				app.Span().Class("frsmall").Text(" "+label(f.doc(order[i]))),
			)
		}),
	)
}

// renderNumberGroups sets the numbers that count the same thing side by side, with
// the articles' dates: a running count grows, a contradiction does not need time.
func renderNumberGroups(f *framed, gs []framing.NumberGroup) app.UI {
	var shown []framing.NumberGroup
	for _, g := range gs {
		docs := map[string]bool{}
		suspect := false
		for _, v := range g.Values {
			docs[v.Doc] = true
			suspect = suspect || v.Suspect != ""
		}
		if len(docs) > 1 || suspect {
			shown = append(shown, g)
		}
	}
	if len(shown) == 0 {
		return nil
	}
	return app.Div().Class("frsec").Body(
		app.H4().Text("Numbers side by side"),
		app.P().Class("hint").Text("With each article's date: a toll that grows with later dates may be a running count, not a contradiction."),
		app.Range(shown).Slice(func(i int) app.UI {
			g := shown[i]
			what := g.Counts
			if what == "" {
				what = "the same figure"
			}
			return app.Table().Class("frtable frnums").Body(
				app.Caption().Body(
					app.Text("Counting "+what),
					app.If(g.Differ, func() app.UI { return app.Span().Class("flag").Text("figures differ") }),
				),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Outlet"),
					app.Th().Scope("col").Text("Date"),
					app.Th().Scope("col").Text("As written"),
					app.Th().Scope("col").Text("Source"),
					app.Th().Scope("col").Text("Caveat"),
					app.Th().Scope("col").Text("Check"),
				)),
				app.TBody().Body(app.Range(g.Values).Slice(func(j int) app.UI {
					v := g.Values[j]
					d := f.doc(v.Doc)
					outlet := v.Doc
					if d != nil {
						outlet = d.Outlet
					}
					date := v.Date
					if date == "" {
						date = "unknown"
					}
					src := "none given"
					if v.Source != "" {
						src = v.Source
						if v.Kind == framing.Anonymous {
							src += " (unnamed)"
						}
					}
					return app.Tr().Class(map[bool]string{true: "suspectrow"}[v.Suspect != ""]).Body(
						app.Th().Scope("row").Text(outlet),
						app.Td().Text(date),
						app.Td().Class("numcell").Text(numberText(v.Number)),
						app.Td().Text(src),
						app.Td().Text(strings.Join(v.Caveats, "; ")),
						app.Td().Body(app.If(v.Suspect != "", func() app.UI { return suspectFlag(v.Suspect) })),
					)
				})),
			)
		}),
	)
}
