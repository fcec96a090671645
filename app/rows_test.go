//go:build !js

package app

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// bigClaim returns a result of two articles and one claim: a's only sentence and n
// of b's, each giving a number other than a's.
func bigClaim(n int) *compare.Result {
	a := compare.Document{ID: "a", Outlet: "A", Sentences: []compare.Sentence{{Index: 0, Text: "Officials said 10 people were hurt in the town."}}}
	b := compare.Document{ID: "b", Outlet: "B"}
	c := compare.Claim{ID: "c1", Members: []compare.Ref{{Doc: "a", Sentence: 0}}}
	for i := range n {
		b.Sentences = append(b.Sentences, compare.Sentence{Index: i, Text: fmt.Sprintf("Officials said %d people were hurt in the town.", 11+i)})
		c.Members = append(c.Members, compare.Ref{Doc: "b", Sentence: i})
	}
	return &compare.Result{Documents: []compare.Document{a, b}, Claims: []compare.Claim{c}}
}

// A cell of many sentences ranks, reads the numbers of and diffs only its first
// cellMax (the rest are plain), and the view draws those and counts the rest.
func TestPrepareRowCap(t *testing.T) {
	tests := []struct {
		name                 string
		n                    int
		plain, folded, shown int
		summary              string
	}{
		{"small", 3, 0, 0, 3, ""},
		{"folded", 8, 0, 4, 4, "4 more sentences from this outlet"},
		{"at the cap", cellMax, 0, cellMax - cellShown, cellShown, fmt.Sprintf("%d more sentences from this outlet", cellMax-cellShown)},
		{"over the cap", 553, 553 - cellMax, 553 - cellShown, cellShown, fmt.Sprintf("%d more sentences from this outlet", 553-cellShown)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := bigClaim(tt.n)
			x := newIndex(res)
			cols := columnOrder(res, "a")
			rows := layRows(x, cols, "a", sortOutlets)
			if rows[0].Numbers || rows[0].Cells[1][0].Nums != nil {
				t.Fatal("layRows read numbers")
			}
			prepareRow(x, &rows[0])
			diffRows(rows, 0, 1)
			plain, folded, shown := 0, 0, 0
			for _, s := range rows[0].Cells[1] {
				switch {
				case s.Plain:
					plain++
					if !s.Folded || s.Chunks != nil || s.Nums != nil {
						t.Errorf("plain sentence %d: folded %v, diffed %v, numbers %v; want folded, unread", s.Ref.Sentence, s.Folded, s.Chunks != nil, s.Nums)
					}
				case s.Chunks == nil || len(s.Nums) != 1:
					t.Errorf("sentence %d: diffed %v, numbers %v; want diffed, one number", s.Ref.Sentence, s.Chunks != nil, s.Nums)
				}
				if s.Folded {
					folded++
				} else {
					shown++
				}
			}
			if plain != tt.plain || folded != tt.folded || shown != tt.shown || !rows[0].Numbers {
				t.Errorf("%d plain, %d folded, %d shown, numbers %v; want %d, %d, %d, true", plain, folded, shown, rows[0].Numbers, tt.plain, tt.folded, tt.shown)
			}
			v := &alignedView{IResult: res, x: x, ref: "a", cols: cols}
			html := app.HTMLString(app.Div().Body(v.renderCell(rows[0].Cells[1], false)...))
			if got := strings.Count(html, `<p class="sent`); got != tt.n-tt.plain+min(tt.plain, 1) {
				t.Errorf("%d paragraphs drawn, want %d", got, tt.n-tt.plain+min(tt.plain, 1))
			}
			if tt.summary != "" && !strings.Contains(html, "<summary>"+tt.summary+"</summary>") {
				t.Errorf("no summary %q in %s", tt.summary, html)
			}
			if more := fmt.Sprintf("… and %d more, in the Articles tab", tt.plain); (tt.plain > 0) != strings.Contains(html, more) {
				t.Errorf("%q in the cell: %v, want %v", more, !(tt.plain > 0), tt.plain > 0)
			}
		})
	}
}

// Rows laid out, then prepared one by one in any order, are the rows buildRows makes.
func TestLayRowsPrepared(t *testing.T) {
	res := seedResult(t)
	x := newIndex(res)
	for _, ref := range []string{res.Documents[0].ID, res.Documents[2].ID} {
		for _, order := range []string{sortOutlets, sortPosition} {
			cols := columnOrder(res, ref)
			want := buildRows(x, cols, ref, order)
			got := layRows(newIndex(res), cols, ref, order)
			for i := len(got) - 1; i >= 0; i-- {
				prepareRow(x, &got[i])
				prepareRow(x, &got[i]) // once only
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: rows laid out and prepared differ from buildRows's", ref, order)
			}
		}
	}
}
