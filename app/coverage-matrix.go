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

// drawnMatrix keeps the matrix drawn last (matrixSVG), as the tab is made anew each
// time it is opened: for twenty articles the SVG is 1 MB, 30–40 ms to write.
var drawnMatrix struct {
	res *compare.Result
	svg string
}

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

// onCell shows the claim of the cell clicked, or of the one Enter or Space is pressed
// on, in the aligned view: one handler for the whole matrix (the cells are SVG the
// browser reads in one call, matrixSVG).
func (m *coverageMatrix) onCell(ctx app.Context, e app.Event) {
	cell := pressedOn(e, ".hit")
	if !cell.Truthy() {
		return
	}
	if id := cell.Call("getAttribute", "data-claim"); id.Truthy() {
		e.PreventDefault()
		ctx.NewActionWithValue(actionFocusClaim, id.String())
	}
}

func (m *coverageMatrix) Render() app.UI {
	res := m.IResult
	if res == nil {
		return app.Div()
	}
	if drawnMatrix.res != res {
		drawnMatrix.res, drawnMatrix.svg = res, matrixSVG(res)
	}
	return app.Div().ID("coverage").Class("coverage").Body(
		app.P().Class("hint").Text("Each row is a claim, each column an outlet. A filled cell means the outlet reports the claim; the darker it is, the more prominent: in the lead (the first two sentences), the first third, the middle or the last third of the article, as the cell says. Click a cell, or press Enter on it, to see the wording."),
		app.Div().Class("scroll").OnClick(m.onCell).OnKeyDown(m.onCell).Body(app.Raw(drawnMatrix.svg)),
		app.Div().Class("scale").Aria("hidden", "true").Body(
			app.Range(places).Slice(func(i int) app.UI {
				k := len(places) - 1 - i
				return app.Span().Class("swl").Body(app.Span().Class("sw sw"+strconv.Itoa(k)), app.Text(places[k].pos.Words()))
			}),
			app.Span().Class("swl").Body(app.Span().Class("sw swempty"), app.Text("not reported")),
		),
	)
}

// matrixSVG draws the matrix of res as SVG, for the browser to read in one call
// (app.Raw): made by go-app an element, an attribute and a handler at a time, the
// 1,152 cells of twenty articles held the page for 1.5 s when the tab opened, the
// demo's 97 for 130 ms. Every text in it is escaped: outlet names are the reader's
// (TestMatrixSVG). A reported cell is a button (g.hit) with its claim's ID in
// data-claim, which onCell reads.
func matrixSVG(res *compare.Result) string {
	x := indexOf(res)
	docs := res.Documents
	n := strconv.Itoa
	// The slanted outlet names run past the last column, into the matrix's right
	// padding (parallax.css); a narrow screen sets them upright, within the columns.
	w := labelW + cellW*len(docs)
	h := headH + cellH*len(res.Claims) + 4
	var b tagWriter
	b.open("svg", "xmlns", svgNS, "class", "matrix", "width", n(w), "height", n(h), "role", "group",
		"aria-label", fmt.Sprintf("Coverage of %s by %s", plural(len(res.Claims), "claim"), plural(len(docs), "outlet")))
	for di := range docs {
		d := &docs[di]
		cx := labelW + cellW*di + cellW/2
		b.open("g", "transform", fmt.Sprintf("translate(%d,%d)", cx+4, headH-6))
		b.open("text", "class", "collabel", "transform", "rotate(-55)")
		b.elem("title", label(d))
		b.text(columnLabel(d, 26))
		b.close("text")
		b.close("g")
	}
	for ci := range res.Claims {
		c := &res.Claims[ci]
		y := headH + cellH*ci
		b.elem("text", "#"+n(ci+1), "class", "rowlabel", "x", n(labelW-8), "y", n(y+cellH/2+4), "text-anchor", "end")
		for di := range docs {
			d := &docs[di]
			first := firstOf(c, d.ID)
			xx := labelW + cellW*di
			if first < 0 || x.doc(d.ID) == nil {
				b.elem("rect", "", "class", "cell empty", "x", n(xx+1), "y", n(y+1), "width", n(cellW-2), "height", n(cellH-2), "fill", "#ffffff")
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
			b.open("g", "class", "hit", "tabindex", "0", "role", "button", "aria-label", name, "data-claim", c.ID)
			b.elem("title", name)
			b.elem("rect", "", "class", "cell", "x", n(xx+1), "y", n(y+1), "width", n(cellW-2), "height", n(cellH-2), "fill", fill)
			b.elem("text", word, "class", "celltext", "x", n(xx+cellW/2), "y", n(y+cellH/2+4), "text-anchor", "middle", "fill", txt)
			b.close("g")
		}
	}
	b.close("svg")
	return b.String()
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
