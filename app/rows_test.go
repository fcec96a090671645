//go:build !js

package app

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
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
			c := &claimRow{IResult: res, IRow: &rows[0], ICols: cols, IRef: "a"}
			html := app.HTMLString(app.Div().Body(c.renderCell(rows[0].Cells[1], false)...))
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

// manyClaims returns a result of two articles and n claims, each of a's sentence i
// and b's sentence i, worded alike but for a number.
func manyClaims(n int) *compare.Result {
	a, b := compare.Document{ID: "a", Outlet: "A"}, compare.Document{ID: "b", Outlet: "B"}
	res := &compare.Result{}
	for i := range n {
		a.Sentences = append(a.Sentences, compare.Sentence{Index: i, Text: fmt.Sprintf("Officials said %d people were hurt in town %d.", 10+i, i)})
		b.Sentences = append(b.Sentences, compare.Sentence{Index: i, Text: fmt.Sprintf("Officials said %d people were hurt in town %d.", 20+i, i)})
		res.Claims = append(res.Claims, compare.Claim{ID: fmt.Sprintf("c%d", i+1), Members: []compare.Ref{{Doc: "a", Sentence: i}, {Doc: "b", Sentence: i}}})
	}
	res.Documents = []compare.Document{a, b}
	return res
}

// The presenter and the worksheet show the rows the aligned view laid out (laid),
// and read only those they show: the presenter the claim on screen, the worksheet
// its first worksheetClaims.
func TestLaidRowsShown(t *testing.T) {
	tests := []struct {
		name string
		show func(t *testing.T, res *compare.Result) []row // the view's rows, once it has drawn
		read []bool                                        // which of 15 rows are read (prepareRow)
	}{
		{"presenter", func(t *testing.T, res *compare.Result) []row {
			v := &presenter{IResult: res, IRef: "zz", IOrder: sortOutlets} // an unknown reference: the first article
			v.build()
			return v.rows
		}, []bool{true}},
		{"presenter, a step on", func(t *testing.T, res *compare.Result) []row {
			v := &presenter{IResult: res, IRef: "a", IOrder: sortOutlets}
			h, _ := mount(t, nil, v)
			for range steps {
				v.move(h.ctx, keyNext)
			}
			if v.at != 1 {
				t.Errorf("at claim %d after %d steps, want 1", v.at, steps)
			}
			return v.rows
		}, []bool{true, true}},
		{"worksheet", func(t *testing.T, res *compare.Result) []row {
			html := app.HTMLString((&worksheet{IResult: res, IRef: "a", IOrder: sortOutlets}).Render())
			if !strings.Contains(html, "3 more claims are in Parallax") {
				t.Errorf("the worksheet does not count the 3 claims it leaves out")
			}
			return laid(res, "a", sortOutlets).rows
		}, []bool{true, true, true, true, true, true, true, true, true, true, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := manyClaims(15)
			rows := tt.show(t, res)
			if l := laid(res, "a", sortOutlets); &l.rows[0] != &rows[0] {
				t.Error("the view laid out rows of its own")
			}
			for i, r := range rows {
				if want := i < len(tt.read) && tt.read[i]; r.prepared != want || (want && !r.Numbers) {
					t.Errorf("row %d: read %v, numbers %v; want read %v", i, r.prepared, r.Numbers, want)
				}
			}
		})
	}
}

// paragraphsOf returns a document of paragraphs of the given numbers of sentences,
// and its text.
func paragraphsOf(sizes ...int) (compare.Document, string) {
	d := compare.Document{ID: "a", Outlet: "A"}
	var text strings.Builder
	for k, n := range sizes {
		if k > 0 {
			text.WriteString("\n\n")
		}
		for j := range n {
			if j > 0 {
				text.WriteString(" ")
			}
			s := compare.Sentence{Index: len(d.Sentences), Start: text.Len(), Text: fmt.Sprintf("Sentence %d of paragraph %d.", j, k)}
			text.WriteString(s.Text)
			s.End = text.Len()
			d.Sentences = append(d.Sentences, s)
		}
	}
	return d, text.String()
}

// The Articles tab draws an article in steps of whole paragraphs of at most
// articleStep sentences (at least one paragraph), and cuts a longer paragraph; it
// draws the first step at once, and every sentence in order in the end.
func TestArticleSteps(t *testing.T) {
	const third = articleStep / 3
	tests := []struct {
		name  string
		paras []int // sentences in each paragraph of the text
		steps []int // sentences in each step
		ps    int   // paragraphs drawn
	}{
		{"short", []int{5, 3, 8}, []int{16}, 3},
		{"one step exactly", []int{articleStep / 2, articleStep / 2}, []int{articleStep}, 2},
		{"steps", []int{third, third, third, third, third, third, third}, []int{3 * third, 3 * third, third}, 7},
		{"uneven", []int{articleStep * 5 / 6, third, articleStep / 6, articleStep - 1, 2}, []int{articleStep * 5 / 6, third + articleStep/6, articleStep - 1, 2}, 5},
		{"a long paragraph", []int{3, 2*articleStep + third}, []int{3, articleStep, articleStep, third}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, text := paragraphsOf(tt.paras...)
			res := &compare.Result{Documents: []compare.Document{d, {ID: "b", Outlet: "B"}}}
			v := &articleView{IResult: res, IDoc: "a", IText: text}
			html := app.HTMLString(v)
			var steps []int
			next, ps := 0, 0
			for _, c := range v.laid.chunks {
				n := 0
				for _, p := range c {
					for _, s := range p {
						if s.Index != next {
							t.Fatalf("sentence %d where %d is due", s.Index, next)
						}
						next++
					}
					n += len(p)
					ps++
				}
				steps = append(steps, n)
			}
			if !slices.Equal(steps, tt.steps) || ps != tt.ps || next != len(d.Sentences) {
				t.Errorf("steps of %v sentences, %d paragraphs, %d sentences; want %v, %d, %d", steps, ps, next, tt.steps, tt.ps, len(d.Sentences))
			}
			if got, want := strings.Count(html, ` of paragraph `), tt.steps[0]; v.drawn != 1 || got != want {
				t.Errorf("drawn at once: %d steps, %d sentences; want 1 and %d", v.drawn, got, want)
			}
		})
	}
}

// The Articles tab draws each shared sentence as an element of its own, with its ID
// to pick it by, and each run of sentences only the article gives (within a paragraph,
// up to a headline) as one: the text, in order, is the article's.
func TestArticleChunkRuns(t *testing.T) {
	d, _ := paragraphsOf(6, 3)
	d.Sentences[0].Role = compare.RoleHeadline
	other := compare.Document{ID: "b", Outlet: "B", Sentences: []compare.Sentence{{Index: 0, Text: "x"}}}
	res := &compare.Result{Documents: []compare.Document{d, other}, Claims: []compare.Claim{
		{ID: "c1", Members: []compare.Ref{{Doc: "a", Sentence: 3}, {Doc: "b", Sentence: 0}}},
		{ID: "c2", Members: []compare.Ref{{Doc: "a", Sentence: 7}, {Doc: "b", Sentence: 0}}},
	}}
	c := &articleChunk{IX: newIndex(res), IDoc: &res.Documents[0], IParas: [][]compare.Sentence{d.Sentences[:6], d.Sentences[6:]},
		ISel: compare.Ref{Doc: "a", Sentence: 7}}
	html := app.HTMLString(c)
	var got []string
	for _, part := range strings.Split(html, "<span")[1:] {
		cls := part[strings.Index(part, `class="`)+7:]
		cls = cls[:strings.Index(cls, `"`)]
		text := part[strings.Index(part, ">")+1 : strings.Index(part, "</span>")]
		got = append(got, cls+": "+strings.TrimSpace(text))
	}
	want := []string{
		"sent unique head: Sentence 0 of paragraph 0.",
		"sent unique: Sentence 1 of paragraph 0. Sentence 2 of paragraph 0.",
		"sent shared: Sentence 3 of paragraph 0.",
		"sent unique: Sentence 4 of paragraph 0. Sentence 5 of paragraph 0.",
		"sent unique: Sentence 0 of paragraph 1.",
		"sent shared picked: Sentence 1 of paragraph 1.",
		"sent unique: Sentence 2 of paragraph 1.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the chunk draws\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, id := range []string{`id="s-3"`, `id="s-7"`} {
		if !strings.Contains(html, id) {
			t.Errorf("no %s to pick the shared sentence by: %s", id, html)
		}
	}
	if n := strings.Count(html, `id="s-`); n != 3 {
		t.Errorf("%d sentences with an ID, want 3 (the headline and the two shared)", n)
	}
	if n := strings.Count(html, "<p"); n != 2 {
		t.Errorf("%d paragraphs, want 2", n)
	}
}

// "Only in one outlet" lists listStep sentences of an outlet at first, and a button
// for more that says how many are not shown.
func TestUniqueListStep(t *testing.T) {
	tests := []struct {
		n, shown int // unique sentences, and those a press on the button shows
		button   string
	}{
		{3, 3, ""},
		{listStep, listStep, ""},
		{listStep + 1, listStep + 1, "Show 1 more (1 sentence not shown)"},
		{1000, 2 * listStep, "Show 200 more (800 sentences not shown)"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.n), func(t *testing.T) {
			d, _ := paragraphsOf(tt.n)
			res := &compare.Result{Documents: []compare.Document{d, {ID: "b", Outlet: "B"}}}
			for _, s := range d.Sentences {
				res.Unique = append(res.Unique, compare.Ref{Doc: "a", Sentence: s.Index})
			}
			v := &uniqueView{IResult: res}
			html := app.HTMLString(v)
			if got := strings.Count(html, "<li "); got != min(tt.n, listStep) {
				t.Errorf("%d sentences listed, want %d", got, min(tt.n, listStep))
			}
			if tt.button == "" {
				if strings.Contains(html, "<button") {
					t.Errorf("a button under %d sentences", tt.n)
				}
				return
			}
			if !strings.Contains(html, ">"+tt.button+"</button>") {
				t.Errorf("no button %q in %.300s", tt.button, html[strings.Index(html, "</ol>"):])
			}
			v.shown = map[string]int{"a": listStep} // as the button does
			if got := strings.Count(app.HTMLString(v), "<li "); got != tt.shown {
				t.Errorf("after a press: %d sentences listed, want %d", got, tt.shown)
			}
		})
	}
}

// A worksheet's cell says where the sentences it leaves out are: in the aligned view,
// which unfolds them, or past cellMax in the Articles tab, as the aligned view says.
func TestWorksheetFoldedCell(t *testing.T) {
	tests := []struct {
		n    int // sentences of b in the claim
		want string
	}{
		{8, "… and 4 more sentences from this outlet, in Parallax&#39;s aligned view."},
		{cellMax + 8, fmt.Sprintf("… and %d more sentences from this outlet, in Parallax&#39;s Articles tab.", cellMax+8-cellShown)},
	}
	for _, tt := range tests {
		res := manyClaims(tt.n)
		for i := 1; i < tt.n; i++ { // one claim: a's first sentence with all of b's
			res.Claims[0].Members = append(res.Claims[0].Members, compare.Ref{Doc: "b", Sentence: i})
		}
		res.Claims = res.Claims[:1]
		html := app.HTMLString((&worksheet{IResult: res, IRef: "a", IOrder: sortOutlets}).Render())
		if !strings.Contains(html, tt.want) {
			t.Errorf("%d sentences of one outlet: the worksheet does not say %q", tt.n, tt.want)
		}
	}
}

// The aligned view and the presenter have their rows from their first Render: go-app
// calls OnMount after it (and only in the browser), and a view built there said the
// articles share no claims until it ran.
func TestViewsRenderWithRows(t *testing.T) {
	res := seedResult(t)
	tests := []struct {
		name  string
		view  func() app.Composer
		want  string // in the first Render: the view's claims
		empty string // the message for articles that share no claims
	}{
		{"aligned view", func() app.Composer {
			return &alignedView{IResult: res, IRef: res.Documents[0].ID, IOrder: sortOutlets}
		}, `<table class="grid">`, "share no claims"},
		{"presenter", func() app.Composer {
			return &presenter{IResult: res, IRef: res.Documents[0].ID, IOrder: sortOutlets}
		}, fmt.Sprintf("Claim 1 of %d", len(res.Claims)), "share no claims"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.view()
			mount(t, nil, v)
			html := app.HTMLString(v)
			if strings.Contains(html, tt.empty) || !strings.Contains(html, tt.want) {
				t.Errorf("first render: has %q %v, has %q %v; want the claims", tt.empty, strings.Contains(html, tt.empty), tt.want, strings.Contains(html, tt.want))
			}
		})
	}
}
