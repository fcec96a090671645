package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

const svgNS = "http://www.w3.org/2000/svg"

// Geometry of the coverage matrix, in SVG units.
const (
	cellW, cellH = 44, 22
	labelW       = 56
	headH        = 150
)

// shades go from the end of an article (light) to its top (dark); they pass WCAG AA
// against the text drawn on them (white on the two darkest).
var shades = []string{"#dbe9f6", "#a6c8e8", "#5b93c9", "#2c6aa8", "#123e6b"}

// coverageMatrix is a heat map of claims × outlets: who reports what, and how early.
type coverageMatrix struct {
	app.Compo

	IResult *compare.Result
}

func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

func shade(pos float64) (fill string, dark bool) {
	k := int((1 - pos) * float64(len(shades)-1)) // earlier → darker
	k = max(0, min(len(shades)-1, k))
	return shades[k], k >= 3
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
	x := newIndex(res)
	docs := res.Documents
	w := labelW + cellW*len(docs) + 120 // room for the slanted outlet names
	h := headH + cellH*len(res.Claims) + 4
	var cells []app.UI
	for di := range docs {
		d := &docs[di]
		cx := labelW + cellW*di + cellW/2
		cells = append(cells, svg("text").Class("collabel").
			Attr("transform", fmt.Sprintf("translate(%d,%d) rotate(-55)", cx+4, headH-6)).
			Text(clip(label(d), 26)))
	}
	for ci := range res.Claims {
		c := &res.Claims[ci]
		y := headH + cellH*ci
		cells = append(cells, svg("text").Class("rowlabel").Attr("x", labelW-8).Attr("y", y+cellH/2+4).Attr("text-anchor", "end").Textf("#%d", ci+1))
		for di := range docs {
			d := &docs[di]
			pos := coverage(x, c, d.ID)
			xx := labelW + cellW*di
			if pos < 0 {
				cells = append(cells, svg("rect").Class("cell empty").
					Attr("x", xx+1).Attr("y", y+1).Attr("width", cellW-2).Attr("height", cellH-2).Attr("fill", "#ffffff"))
				continue
			}
			fill, dark := shade(pos)
			pct := strconv.Itoa(int(pos*100+0.5)) + "%"
			name := fmt.Sprintf("Claim %d in %s, %s into the article: show it in the aligned view", ci+1, label(d), pct)
			txt := "#1b1b1b"
			if dark {
				txt = "#ffffff"
			}
			cells = append(cells, svg("g").Class("hit").Attr("tabindex", "0").Attr("role", "button").Aria("label", name).
				OnClick(m.onCell(c.ID)).OnKeyDown(pressKey(actionFocusClaim, c.ID)).Body(
				svg("title").Text(name),
				svg("rect").Class("cell").Attr("x", xx+1).Attr("y", y+1).Attr("width", cellW-2).Attr("height", cellH-2).Attr("fill", fill),
				svg("text").Class("celltext").Attr("x", xx+cellW/2).Attr("y", y+cellH/2+4).Attr("text-anchor", "middle").Attr("fill", txt).Text(pct),
			))
		}
	}
	return app.Div().ID("coverage").Class("coverage").Body(
		app.P().Class("hint").Text("Each row is a claim, each column an outlet. A filled cell means the outlet reports the claim; the darker it is, the earlier in the article (the number is how far into the article, 0% = the first sentence). Click a cell, or press Enter on it, to see the wording."),
		app.Div().Class("scroll").Body(
			svg("svg").Class("matrix").Attr("viewBox", fmt.Sprintf("0 0 %d %d", w, h)).
				Attr("width", w).Attr("height", h).Attr("role", "group").
				Aria("label", fmt.Sprintf("Coverage of %d claims by %d outlets", len(res.Claims), len(docs))).
				Body(cells...),
		),
		app.Div().Class("scale").Aria("hidden", "true").Body(
			app.Span().Text("early in the article"),
			app.Range(shades).Slice(func(i int) app.UI {
				return app.Span().Class("sw sw" + strconv.Itoa(len(shades)-1-i))
			}),
			app.Span().Text("late"),
			app.Span().Class("sw swempty"),
			app.Span().Text("not reported"),
		),
	)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
