package app

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/framing"
)

const svgNS = "http://www.w3.org/2000/svg"

// Geometry of the coverage matrix, in SVG units.
const (
	cellW, cellH = 60, 22
	labelW       = 56
	headH        = 170
)

// shades go from the last third of an article (light) to its lead (dark), one per
// framing.Position, the terms the framing view uses; they pass WCAG AA against the
// text drawn on them (white on the two darkest).
var shades = []string{"#dbe9f6", "#a6c8e8", "#2c6aa8", "#123e6b"}

// places are the positions in the order of shades, and the words drawn in the cells.
var places = []struct {
	pos  framing.Position
	cell string
}{
	{framing.Buried, "last ⅓"},
	{framing.Middle, "middle"},
	{framing.FirstThird, "first ⅓"},
	{framing.Lead, "lead"},
}

// coverageMatrix is a heat map of claims × outlets: who reports what, and how early.
type coverageMatrix struct {
	app.Compo

	IResult *compare.Result
}

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// shade returns the fill of a cell for a position, the word to draw and whether the
// fill is dark.
func shade(p framing.Position) (fill, word string, dark bool) {
	for k, pl := range places {
		if pl.pos == p {
			return shades[k], pl.cell, k >= 2
		}
	}
	return "#ffffff", "", false
}

// firstOf returns the first sentence of doc that reports the claim, or -1.
func firstOf(c *compare.Claim, doc string) int {
	best := -1
	for _, m := range c.Members {
		if m.Doc == doc && (best < 0 || m.Sentence < best) {
			best = m.Sentence
		}
	}
	return best
}

func (m *coverageMatrix) onCell(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionFocusClaim, id)
	}
}

func (m *coverageMatrix) Render() app.UI {
	res := m.IResult
	if res == nil {
		return app.Div()
	}
	x := indexOf(res)
	docs := res.Documents
	// The slanted outlet names run past the last column, into the matrix's right
	// padding (parallax.css); a narrow screen sets them upright, within the columns.
	w := labelW + cellW*len(docs)
	h := headH + cellH*len(res.Claims) + 4
	var cells []app.UI
	for di := range docs {
		d := &docs[di]
		cx := labelW + cellW*di + cellW/2
		cells = append(cells, svg("g").Attr("transform", fmt.Sprintf("translate(%d,%d)", cx+4, headH-6)).Body(
			svg("text").Class("collabel").Attr("transform", "rotate(-55)").
				Body(svg("title").Text(label(d)), app.Text(columnLabel(d, 26)))))
	}
	for ci := range res.Claims {
		c := &res.Claims[ci]
		y := headH + cellH*ci
		cells = append(cells, svg("text").Class("rowlabel").Attr("x", labelW-8).Attr("y", y+cellH/2+4).Attr("text-anchor", "end").Textf("#%d", ci+1))
		for di := range docs {
			d := &docs[di]
			first := firstOf(c, d.ID)
			xx := labelW + cellW*di
			if first < 0 || x.doc(d.ID) == nil {
				cells = append(cells, svg("rect").Class("cell empty").
					Attr("x", xx+1).Attr("y", y+1).Attr("width", cellW-2).Attr("height", cellH-2).Attr("fill", "#ffffff"))
				continue
			}
			p := framing.Place(*d, first)
			fill, word, dark := shade(p)
			// The name starts with the words the cell shows ("first ⅓"), so that a
			// reader who speaks to the page can name the cell by what they see.
			name := fmt.Sprintf("%s: claim %d in %s, sentence %d of %d (%s). Show it in the aligned view", word, ci+1, label(d), first+1, len(d.Sentences), placeHelp[p])
			txt := "#1b1b1b"
			if dark {
				txt = "#ffffff"
			}
			cells = append(cells, svg("g").Class("hit").Attr("tabindex", "0").Attr("role", "button").Aria("label", name).
				OnClick(m.onCell(c.ID), app.EventScope(c.ID)).OnKeyDown(pressKey(actionFocusClaim, c.ID), app.EventScope(c.ID)).Body(
				svg("title").Text(name),
				svg("rect").Class("cell").Attr("x", xx+1).Attr("y", y+1).Attr("width", cellW-2).Attr("height", cellH-2).Attr("fill", fill),
				svg("text").Class("celltext").Attr("x", xx+cellW/2).Attr("y", y+cellH/2+4).Attr("text-anchor", "middle").Attr("fill", txt).Text(word),
			))
		}
	}
	return app.Div().ID("coverage").Class("coverage").Body(
		app.P().Class("hint").Text("Each row is a claim, each column an outlet. A filled cell means the outlet reports the claim; the darker it is, the more prominent: in the lead (the first two sentences), the first third, the middle or the last third of the article, as the cell says. Click a cell, or press Enter on it, to see the wording."),
		app.Div().Class("scroll").Body(
			svg("svg").Class("matrix").Attr("width", w).Attr("height", h).Attr("role", "group").
				Aria("label", fmt.Sprintf("Coverage of %s by %s", plural(len(res.Claims), "claim"), plural(len(docs), "outlet"))).
				Body(cells...),
		),
		app.Div().Class("scale").Aria("hidden", "true").Body(
			app.Range(places).Slice(func(i int) app.UI {
				k := len(places) - 1 - i
				return app.Span().Class("swl").Body(app.Span().Class("sw sw"+strconv.Itoa(k)), app.Text(places[k].pos.Words()))
			}),
			app.Span().Class("swl").Body(app.Span().Class("sw swempty"), app.Text("not reported")),
		),
	)
}

// columnLabel is label(d) in at most n characters: the outlet's name is shortened,
// never the date, which tells apart two articles of one outlet.
func columnLabel(d *compare.Document, n int) string {
	l := label(d)
	if utf8.RuneCountInString(l) <= n || d.Date == "" {
		return clip(l, n)
	}
	date := " · " + d.Date
	return clip(wsfile.Name(d), max(8, n-utf8.RuneCountInString(date))) + date
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
