//go:build !js

package app

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
	"parallax/seeds"
)

// harness mounts a component as the browser would (not prerendered), after putting
// a saved workspace in its engine's localStorage, and keeps a context to post and
// handle actions. go-app calls OnPreRender, not OnMount, outside the browser.
type harness struct {
	app.Compo

	saved *workspace // put in localStorage before the child mounts
	child app.UI
	ctx   app.Context
	ready bool
}

func (h *harness) OnPreRender(ctx app.Context) {
	h.ctx = ctx
	if h.saved != nil {
		ctx.LocalStorage().Set(storageKey, *h.saved)
	}
	h.ready = true
}

func (h *harness) Render() app.UI {
	if !h.ready {
		return app.Div()
	}
	return h.child
}

func mount(t *testing.T, saved *workspace, child app.UI) (*harness, app.TestEngine) {
	t.Helper()
	prerendering = false
	t.Cleanup(func() { prerendering = app.IsServer })
	h := &harness{saved: saved, child: child}
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return h, e
}

// pageHarness holds a mounted page.
type pageHarness struct {
	*harness
	page *workspacePage
}

func load(t *testing.T, saved *workspace) (pageHarness, app.TestEngine) {
	t.Helper()
	p := NewPage().(*workspacePage)
	h, e := mount(t, saved, p)
	return pageHarness{h, p}, e
}

func TestPageShowsDemo(t *testing.T) {
	h, _ := load(t, nil)
	p := h.page
	if p.st != statusDone || p.res == nil {
		t.Fatalf("status %q (%s), want done", p.st, p.errMsg)
	}
	if !p.demo || len(p.res.Documents) != 5 {
		t.Errorf("demo = %v with %d documents, want the 5 seeds", p.demo, len(p.res.Documents))
	}
	if err := app.Match(app.Div().Class("px").DataSet("status", "done").DataSet("framing", "ready").DataSet("client", "1").DataSet("engine", "native"), p, 0); err != nil {
		t.Error(err)
	}
	// The page's children: skip link, header, article panel, main, footer.
	if err := app.Match(&articlePanel{IArticles: p.articles, IDemo: true}, p, 0, 2); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.Main().ID("views").Class("px-main").TabIndex(-1), p, 0, 3); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.P().Class("done"), p, 0, 3, 1, 0); err != nil {
		t.Error(err)
	}
	if h.ctx.LocalStorage().Contains(storageKey) {
		t.Error("the demo was saved: only the reader's own articles are")
	}
}

func TestPageAddRemoveAndPersist(t *testing.T) {
	h, e := load(t, nil)
	arts := append(seeds.Articles(), compare.Article{ID: "x", Outlet: "<b>X</b>", Text: "Blinken met Netanyahu in Tel Aviv on Tuesday. They discussed the hostages."})
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: arts, Message: "Added."})
	e.ConsumeAll()
	p := h.page
	if p.st != statusDone || len(p.res.Documents) != 6 || p.demo {
		t.Fatalf("after adding: status %q, %d documents, demo %v; want done, 6, false", p.st, len(p.res.Documents), p.demo)
	}
	var ws workspace
	if err := h.ctx.LocalStorage().Get(storageKey, &ws); err != nil || len(ws.Articles) != 6 {
		t.Fatalf("saved workspace: %d articles (%v), want 6", len(ws.Articles), err)
	}

	// A new page on the saved workspace shows the same articles.
	h2, _ := load(t, &ws)
	if p2 := h2.page; p2.demo || p2.st != statusDone || len(p2.res.Documents) != 6 {
		t.Errorf("reloaded: demo %v, status %q, %d documents; want false, done, 6", p2.demo, p2.st, len(p2.res.Documents))
	}

	// Down to one article: no comparison, a clear message.
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: arts[:1]})
	e.ConsumeAll()
	if p.st != statusIdle || p.res != nil {
		t.Errorf("one article: status %q, want idle and no result", p.st)
	}
	if err := app.Match(app.P().ID("need-more").Class("empty").Text("Only 1 article so far: add at least 1 more about the same story to compare them."), p, 0, 3, 1, 0); err != nil {
		t.Error(err)
	}
}

func TestPageBadSavedWorkspace(t *testing.T) {
	saved := &workspace{Articles: []compare.Article{
		{ID: "a", Outlet: "A", Text: "Blinken met Netanyahu in Tel Aviv. They discussed the hostages held in Gaza."},
		{ID: "a", Outlet: "", Text: "Blinken and Netanyahu met in Tel Aviv to discuss hostages in Gaza."}, // same ID, no outlet
		{ID: "b", Outlet: "B", Text: "   "},        // empty
		{ID: "c", Outlet: "C", Text: "bin\x00ary"}, // binary
	}, View: "no-such-view", Order: "bogus"}
	h, _ := load(t, saved)
	p := h.page
	if p.st != statusDone || len(p.articles) != 2 {
		t.Fatalf("status %q (%s) with %d articles, want done with the 2 readable ones", p.st, p.errMsg, len(p.articles))
	}
	if p.articles[0].ID == p.articles[1].ID || p.articles[1].Outlet == "" {
		t.Errorf("sanitized articles %+v: IDs must differ and outlets be named", p.articles)
	}
	if !strings.Contains(p.msg, "2 saved articles could not be read") {
		t.Errorf("message %q, want one about the 2 unreadable articles", p.msg)
	}
	if p.order != sortOutlets {
		t.Errorf("order %q from a bogus saved order, want %q", p.order, sortOutlets)
	}
}

func TestPageEngineError(t *testing.T) {
	// Two articles whose text has no sentences the engine can use are not comparable:
	// the page says so instead of showing nothing.
	saved := &workspace{Articles: []compare.Article{
		{ID: "a", Outlet: "A", Text: "Most Popular"},
		{ID: "b", Outlet: "B", Text: "Blinken met Netanyahu in Tel Aviv. They discussed the hostages held in Gaza."},
	}}
	h, _ := load(t, saved)
	p := h.page
	if p.st != statusFailed {
		t.Fatalf("status %q, want failed", p.st)
	}
	if err := app.Match(app.P().Class("error").Role("alert"), p, 0, 3, 1, 0); err != nil {
		t.Error(err)
	}
	if !strings.Contains(p.errMsg, "two articles") {
		t.Errorf("error %q, want the engine's reason", p.errMsg)
	}
}

func TestArticlePanelSave(t *testing.T) {
	tests := []struct {
		name    string
		draft   compare.Article
		wantErr string // "" when the article is added
		date    string // the date it is saved with
		short   bool   // the message says the article is short
	}{
		{"fine", compare.Article{Outlet: " The Daily ", Text: "Blinken met Netanyahu."}, "", "", true},
		{"a whole article", compare.Article{Outlet: "The Daily", Text: seeds.Articles()[0].Text}, "", "", false},
		{"no outlet", compare.Article{Text: "Blinken met Netanyahu."}, "outlet", "", false},
		{"empty text", compare.Article{Outlet: "A", Text: " \n\t"}, "text box is empty", "", false},
		{"binary", compare.Article{Outlet: "A", Text: "\x00\x01\x02"}, "binary", "", false},
		{"bad date", compare.Article{Outlet: "A", Date: "9 Jan", Text: "Blinken met Netanyahu."}, "YYYY-MM-DD", "", false},
		{"html is text", compare.Article{Outlet: "<script>alert(1)</script>", Text: "<img src=x onerror=alert(1)>"}, "", "", true},
		{"dated by the page", compare.Article{Outlet: "BBC", Text: "Blinken in Israel as Netanyahu rejects terms\n\n7 February 2024\n\nBlinken met Netanyahu."}, "", "2024-02-07", true},
		{"the reader's date wins", compare.Article{Outlet: "BBC", Date: "2024-02-08", Text: "Blinken in Israel as Netanyahu rejects terms\n\n7 February 2024\n\nBlinken met Netanyahu."}, "", "2024-02-08", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			panel := &articlePanel{IArticles: seeds.Articles()}
			h, e := mount(t, nil, panel)
			panel.editing, panel.draft = len(panel.IArticles), tt.draft // the form is open on a new article
			got := make(chan articleChange, 1)
			h.ctx.Handle(actionSetArticles, func(ctx app.Context, a app.Action) {
				select {
				case got <- a.Value.(articleChange):
				default:
				}
			})
			panel.save(h.ctx)
			e.ConsumeAll()
			if tt.wantErr != "" {
				if !strings.Contains(panel.formErr, tt.wantErr) {
					t.Errorf("save(%+v): form error %q, want one with %q", tt.draft, panel.formErr, tt.wantErr)
				}
				return
			}
			if panel.formErr != "" {
				t.Fatalf("save(%+v): form error %q", tt.draft, panel.formErr)
			}
			select {
			case ch := <-got:
				if len(ch.Articles) != 6 || ch.Demo {
					t.Errorf("save: %d articles, demo %v; want 6, false", len(ch.Articles), ch.Demo)
				}
				a := ch.Articles[5]
				if a.Outlet != strings.TrimSpace(tt.draft.Outlet) || a.Text != tt.draft.Text || a.ID == "" {
					t.Errorf("saved %+v from draft %+v", a, tt.draft)
				}
				if a.Date != tt.date {
					t.Errorf("saved with date %q, want %q", a.Date, tt.date)
				}
				if dated := strings.Contains(ch.Message, "comes from the page"); dated != (tt.draft.Date == "" && a.Date != "") {
					t.Errorf("message %q: says the date comes from the page: %v", ch.Message, dated)
				}
				if short := strings.Contains(ch.Message, "use Edit to paste the rest"); short != tt.short {
					t.Errorf("message %q: says the article is short: %v, want %v", ch.Message, short, tt.short)
				}
			default:
				t.Error("save posted no change")
			}
		})
	}
}

func TestBuildRows(t *testing.T) {
	res := seedResult(t)
	x := newIndex(res)
	ref := res.Documents[0].ID
	cols := columnOrder(res, ref)
	if cols[0] != ref || len(cols) != len(res.Documents) {
		t.Fatalf("columnOrder = %v, want %s first and every document", cols, ref)
	}
	for _, order := range []string{sortOutlets, sortPosition} {
		rows := buildRows(x, cols, ref, order)
		if len(rows) != len(res.Claims) {
			t.Fatalf("%s: %d rows for %d claims", order, len(rows), len(res.Claims))
		}
		diffRows(rows, 0, len(rows))
		for i, r := range rows {
			if i > 0 && order == sortOutlets && r.Outlets > rows[i-1].Outlets {
				t.Errorf("%s: row %d has %d outlets after a row with %d", order, i, r.Outlets, rows[i-1].Outlets)
			}
			if i > 0 && order == sortPosition && r.RefPos >= 0 && (rows[i-1].RefPos < 0 || r.RefPos < rows[i-1].RefPos) {
				t.Errorf("%s: row %d at position %d after %d", order, i, r.RefPos, rows[i-1].RefPos)
			}
			bases := 0
			for k, cell := range r.Cells {
				for _, s := range cell {
					if s.Ref.Doc != cols[k] {
						t.Errorf("claim %s: %s in the column of %s", r.ID, s.Ref.Doc, cols[k])
					}
					if s.Base {
						bases++
						continue
					}
					if s.Ref.Doc == r.BaseDoc {
						// The base's own article: its wording, unmarked.
						if s.Chunks != nil || s.Nums != nil {
							t.Errorf("claim %s: %s's sentence %d is marked against its own article's base", r.ID, s.Ref.Doc, s.Ref.Sentence)
						}
						continue
					}
					// The diff rebuilds the sentence.
					var b strings.Builder
					for _, ch := range s.Chunks {
						if ch.Op != compare.Delete {
							b.WriteString(ch.Text)
						}
					}
					if b.String() != s.Text {
						t.Errorf("claim %s: diff rebuilds %q, want %q", r.ID, b.String(), s.Text)
					}
				}
			}
			if bases != 1 {
				t.Errorf("claim %s has %d base sentences, want 1", r.ID, bases)
			}
		}
	}
	// Against The New York Times's "more than 22,0000 Palestinians", the Gaza toll's other
	// figures are marked; the attackers, the dead of Oct. 7 and the hostages (other counts
	// in the same claim) are not.
	marked := map[string]bool{}
	for _, r := range buildRows(x, cols, ref, sortOutlets) {
		for _, cell := range r.Cells {
			for _, s := range cell {
				for n := range s.Nums {
					marked[n] = true
				}
			}
		}
	}
	for n, want := range map[string]bool{"23,000": true, "20,000": true, "1,200": false, "3,000": false, "240": false, "8,500": false} {
		if marked[n] != want {
			t.Errorf("number %s marked as given differently: %v, want %v (marked: %v)", n, marked[n], want, marked)
		}
	}
}

// TestFoldCell: a cell of six or more sentences shows its base and the cellShown-1
// sentences closest to it, captions last, and folds the rest; smaller cells fold
// nothing.
func TestFoldCell(t *testing.T) {
	doc := compare.Parse(compare.Article{ID: "a", Text: "Blinken meets Herzog.\n\n" +
		"Blinken met President Isaac Herzog in Tel Aviv on Tuesday to discuss the hostages.\n\n" +
		"Herzog and Blinken discussed the hostages held in Gaza.\n\n" +
		"The weather was cold.\n\n" +
		"Hostage families protested outside the meeting in Tel Aviv.\n\n" +
		"President Isaac Herzog, right, meets with Secretary of State Antony Blinken in Tel Aviv on Tuesday.\n\n" +
		"Blinken discussed the hostages with Herzog in Tel Aviv on Tuesday.\n\n" +
		"Markets were closed."})
	if n := len(doc.Sentences); n != 8 {
		t.Fatalf("%d sentences, want 8: %+v", n, doc.Sentences)
	}
	doc.Sentences[5].Role = compare.RoleCaption
	x := newIndex(&compare.Result{Documents: []compare.Document{doc}})
	cell := func(idx ...int) []span {
		var c []span
		for _, i := range idx {
			c = append(c, span{Ref: compare.Ref{Doc: "a", Sentence: i}, Text: doc.Sentences[i].Text, Base: i == 1})
		}
		return c
	}
	base := doc.Sentences[1].Text
	tests := []struct {
		name   string
		cell   []span
		folded []int // sentence indexes
	}{
		{"small", cell(1, 3, 5), nil},
		{"one too many: not worth a fold", cell(1, 2, 3, 4, 5), nil},
		{"caption last", cell(1, 2, 4, 5, 6, 7), []int{5, 7}},
		{"least alike folded", cell(1, 2, 3, 4, 6, 7), []int{3, 7}},
		{"no base in the cell, caption still last", cell(2, 3, 4, 5, 6, 7), []int{5, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			foldCell(x, tt.cell, base)
			var folded []int
			for _, s := range tt.cell {
				if s.Folded {
					folded = append(folded, s.Ref.Sentence)
				}
			}
			if !slices.Equal(folded, tt.folded) {
				t.Errorf("folded %v, want %v", folded, tt.folded)
			}
		})
	}
}

// TestFoldSeeds: on the demo, every cell of six or more sentences shows cellShown,
// the base among them, and the sentence giving the Gaza death toll is not folded.
func TestFoldSeeds(t *testing.T) {
	res := seedResult(t)
	x := newIndex(res)
	ref := res.Documents[0].ID
	folds, toll := 0, false
	for _, r := range buildRows(x, columnOrder(res, ref), ref, sortOutlets) {
		for _, cell := range r.Cells {
			shown := 0
			for _, s := range cell {
				if s.Folded {
					folds++
					if s.Base {
						t.Errorf("claim %s: the base is folded", r.ID)
					}
					continue
				}
				shown++
				toll = toll || strings.Contains(s.Text, "23,000 Palestinians have been killed")
			}
			want := len(cell)
			if want >= cellShown+2 {
				want = cellShown
			}
			if shown != want {
				t.Errorf("claim %s: %d of %d sentences shown, want %d", r.ID, shown, len(cell), want)
			}
		}
	}
	if folds == 0 {
		t.Error("no sentence of the demo is folded, though claims gather up to eight of one outlet")
	}
	if !toll {
		t.Error("002's death toll (23,000) is folded or missing")
	}
}

// Where the reference does not report a claim, the aligned view tags the sentence the
// marks compare with; where it does, nothing is tagged (the reference column says it).
func TestStandInTag(t *testing.T) {
	res := seedResult(t)
	v := &alignedView{IResult: res, IRef: res.Documents[0].ID, IOrder: sortOutlets}
	v.build()
	diffRows(v.rows, 0, len(v.rows))
	standIns := 0
	for i := range v.rows {
		r := &v.rows[i]
		html := app.HTMLString(v.rowOf(r))
		tags := strings.Count(html, `class="basetag"`)
		want := 0
		if r.BaseDoc != v.ref {
			want = 1
			standIns++
			// The tag sits above the base sentence.
			if at := strings.Index(html, `class="basetag"`); at >= 0 && !strings.Contains(html[at:], r.Base) {
				t.Errorf("claim %s: the tag is not followed by the base sentence %q", r.ID, r.Base)
			}
		}
		if tags != want {
			t.Errorf("claim %s (base %s, reference %s): %d tags, want %d", r.ID, r.BaseDoc, v.ref, tags, want)
		}
	}
	if standIns == 0 {
		t.Error("no claim of the demo lacks the reference outlet, though claim 1 (Saudi normalisation) does")
	}
}

// A claim whose outlets report it on different occasions (the demo's January and
// February trips) says so in the aligned view and on the worksheet: a position voiced
// again, not one event.
func TestOccasionsFlag(t *testing.T) {
	res := seedResult(t)
	occasionOf := map[string]int{}
	for i, ids := range res.Occasions {
		for _, id := range ids {
			occasionOf[id] = i
		}
	}
	if len(res.Occasions) != 2 {
		t.Fatalf("the demo reads as %d occasions, want 2 (the two trips)", len(res.Occasions))
	}
	v := &alignedView{IResult: res, IRef: res.Documents[0].ID, IOrder: sortOutlets}
	v.build()
	across := 0
	for i := range v.rows {
		r := &v.rows[i]
		occasions := map[int]bool{}
		for _, m := range res.Claims[r.N-1].Members {
			occasions[occasionOf[m.Doc]] = true
		}
		html := app.HTMLString(v.rowOf(r))
		flagged := strings.Contains(html, "2 occasions")
		if flagged != (len(occasions) == 2) || r.Occasions != len(occasions) {
			t.Errorf("claim %s on %d occasions: row says %d, flag shown %v", r.ID, len(occasions), r.Occasions, flagged)
		}
		if len(occasions) == 2 {
			across++
		}
	}
	if across == 0 {
		t.Fatal("no claim of the demo spans both trips, though claim 1 (Saudi normalisation) does")
	}
	sheet := flat(app.HTMLString((&worksheet{IResult: res, IRef: res.Documents[0].ID, IOrder: sortOutlets}).Render()))
	if !strings.Contains(sheet, "Claim 1 · reported by 3 of 5 outlets on 2 occasions") {
		t.Error("the worksheet does not say that claim 1 spans the two occasions")
	}
}

func TestPieces(t *testing.T) {
	chunks := compare.Words("more than 22,0000 Palestinians have been killed, according to the Gaza health ministry", "23,000 Palestinians have been killed, according to the Hamas-run Gaza Health Ministry")
	ps := pieces(chunks, map[string]bool{"23,000": true})
	var nums, ins, del int
	for _, p := range ps {
		switch {
		case p.Num:
			nums++
			if p.Text != "23,000" {
				t.Errorf("number piece %q, want 23,000", p.Text)
			}
		case p.Op == compare.Insert:
			ins++
		case p.Op == compare.Delete:
			del++
		}
	}
	if nums != 1 || ins == 0 || del == 0 {
		t.Errorf("pieces: %d numbers, %d insertions, %d deletions; want 1 and some of each", nums, ins, del)
	}
	// Little wording in common: the reference's words are not struck out.
	loose := pieces(compare.Words("Blinken flew to Riyadh on Monday.", "The talks over hostages stalled again, officials said."), nil)
	for _, p := range loose {
		if p.Op == compare.Delete {
			t.Errorf("pieces of unrelated wording strike out %q", p.Text)
		}
	}
}

func TestNewID(t *testing.T) {
	arts := []compare.Article{{ID: "bbc-news"}, {ID: "bbc-news-2"}}
	tests := []struct{ hint, want string }{
		{"BBC News", "bbc-news-3"},
		{"Le Monde.fr", "le-monde-fr"},
		{"<script>", "script"},
		{"", "article"},
		{"日本経済新聞", "article"},
	}
	for _, tt := range tests {
		if got := newID(arts, tt.hint); got != tt.want {
			t.Errorf("newID(%q) = %q, want %q", tt.hint, got, tt.want)
		}
	}
}

// TestUniqueOf checks that no sentence listed as only in one outlet belongs to a claim.
func TestUniqueOf(t *testing.T) {
	res := seedResult(t)
	x := newIndex(res)
	for _, d := range res.Documents {
		for _, s := range uniqueOf(x, d.ID) {
			if _, shared := x.claimOf[compare.Ref{Doc: d.ID, Sentence: s.Index}]; shared {
				t.Errorf("%s sentence %d is listed as unique but belongs to a claim", d.ID, s.Index)
			}
		}
	}
}

func TestPageRestoreDebris(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	var d *compare.Document
	for i := range p.res.Documents {
		if len(p.res.Documents[i].Debris) > 0 {
			d = &p.res.Documents[i]
			break
		}
	}
	if d == nil {
		t.Skip("no seed has debris")
	}
	db := d.Debris[0]
	h.ctx.NewActionWithValue(actionRestore, compare.Ref{Doc: d.ID, Sentence: db.Start})
	e.ConsumeAll()
	if p.demo || p.st != statusDone {
		t.Fatalf("after restoring: demo %v, status %q", p.demo, p.st)
	}
	x := newIndex(p.res)
	for _, left := range x.doc(d.ID).Debris {
		if left.Start == db.Start {
			t.Errorf("debris %q at %d is still set aside after “put back”", db.Text, db.Start)
		}
	}
}

func TestParagraphs(t *testing.T) {
	text := "First one. Second one.\n\nThird one.\nFourth."
	d := compare.Parse(compare.Article{ID: "a", Outlet: "A", Text: text})
	var got []int
	for _, p := range paragraphs(&d, text) {
		got = append(got, len(p))
	}
	total := 0
	for _, n := range got {
		total += n
	}
	if total != len(d.Sentences) || len(got) < 2 {
		t.Errorf("paragraphs of %q: sizes %v for %d sentences, want every sentence and a break", text, got, len(d.Sentences))
	}
}

// TestColumnLabel: the coverage matrix shortens the outlet's name, never the date, so
// two articles of one outlet stay apart.
func TestColumnLabel(t *testing.T) {
	tests := []struct {
		outlet, date, want string
	}{
		{"CNN", "2024-02-07", "CNN · 2024-02-07"},
		{"The New York Times", "2024-01-04", "The New York… · 2024-01-04"},
		{"The New York Times", "2024-01-09", "The New York… · 2024-01-09"},
		{"Associated Press (as republished)", "", "Associated Press (as repu…"},
		{"The New York Times", "January 4, 2024, at dawn", "The New… · January 4, 2024, at dawn"},
	}
	for _, tt := range tests {
		d := &compare.Document{ID: "x", Outlet: tt.outlet, Date: tt.date}
		if got := columnLabel(d, 26); got != tt.want {
			t.Errorf("columnLabel(%q, %q) = %q, want %q", tt.outlet, tt.date, got, tt.want)
		}
	}
}

// TestOccasions: above the aligned view, the page says which articles the engine read
// as different occasions, by outlet and date, and says nothing for one occasion.
func TestOccasions(t *testing.T) {
	arts := seeds.Articles()
	res, err := compare.Compare(arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	html := flat(app.HTMLString(occasions(res, nil)))
	for _, want := range []string{"2 different occasions", "<li>The New York Times · 2024-01-04; The Times of Israel · 2024-01-09", "<li>Associated Press (as republished) · 2024-02-08; CNN · 2024-02-07</li>"} {
		if !strings.Contains(html, want) {
			t.Errorf("occasions lack %q:\n%s", want, html)
		}
	}
	// Many occasions fold away behind a summary.
	many := &compare.Result{Documents: res.Documents}
	for _, d := range res.Documents {
		many.Occasions = append(many.Occasions, []string{d.ID})
	}
	if html := flat(app.HTMLString(occasions(many, nil))); !strings.Contains(html, "5 different occasions") || !strings.Contains(html, "<details><summary>Which articles are which</summary><ol>") {
		t.Errorf("five occasions are not folded:\n%s", html)
	}
	one, err := compare.Compare([]compare.Article{arts[1], arts[4]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ui := occasions(one, nil); ui != nil {
		t.Errorf("one occasion: %s", app.HTMLString(ui))
	}
}

// TestPageOneStory: the reader who knows the articles report one story says so above
// the aligned view; the engine then reads them as one occasion, the page says so and
// keeps the reader's word across a reload, and the reader can take it back.
func TestPageOneStory(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	if len(p.res.Occasions) != 2 || p.res.OccasionsGiven {
		t.Fatalf("demo: %d occasions (given %v), want the engine's 2", len(p.res.Occasions), p.res.OccasionsGiven)
	}
	before := len(p.res.Claims)
	if html := flat(app.HTMLString(p.renderOccasions())); !strings.Contains(html, `id="one-story"`) || !strings.Contains(html, "They all report one story: read them as one</button>") {
		t.Errorf("no way to say the articles report one story:\n%s", html)
	}
	p.onOneStory(h.ctx, app.Event{})
	e.ConsumeAll()
	if p.st != statusDone || len(p.res.Occasions) != 1 || !p.res.OccasionsGiven {
		t.Fatalf("one story: status %q, %d occasions (given %v); want done, 1, true", p.st, len(p.res.Occasions), p.res.OccasionsGiven)
	}
	if len(p.res.Claims) == before {
		t.Errorf("one story: still %d claims, as with two occasions", before)
	}
	html := flat(app.HTMLString(p.renderOccasions()))
	for _, want := range []string{"Read as one story, as you asked", "Let Parallax tell occasions apart again"} {
		if !strings.Contains(html, want) {
			t.Errorf("the note lacks %q:\n%s", want, html)
		}
	}
	var ws workspace
	if err := h.ctx.LocalStorage().Get(storageKey, &ws); err != nil || !ws.OneStory || !ws.Demo {
		t.Fatalf("saved: one story %v, demo %v (%v); want both", ws.OneStory, ws.Demo, err)
	}
	h2, _ := load(t, &ws)
	if p2 := h2.page; !p2.oneStory || len(p2.res.Occasions) != 1 || !p2.res.OccasionsGiven {
		t.Errorf("reloaded: one story %v, %d occasions; want true, 1", p2.oneStory, len(p2.res.Occasions))
	}
	p.onOneStory(h.ctx, app.Event{})
	e.ConsumeAll()
	if len(p.res.Occasions) != 2 || p.res.OccasionsGiven || len(p.res.Claims) != before {
		t.Errorf("taken back: %d occasions (given %v), %d claims; want the engine's 2 and %d", len(p.res.Occasions), p.res.OccasionsGiven, len(p.res.Claims), before)
	}
	if h.ctx.LocalStorage().Contains(storageKey) {
		t.Error("taken back on the demo: the workspace is still saved")
	}
}

// seedResult is the engine's comparison of the seed demo.
func seedResult(t *testing.T) *compare.Result {
	t.Helper()
	res, err := compare.Compare(seeds.Articles(), nil)
	if err != nil {
		t.Fatalf("Compare(seeds) = %v", err)
	}
	return res
}

// panelHost passes the article panel the articles it emits, as the page does.
type panelHost struct {
	app.Compo
	arts  []compare.Article
	panel *articlePanel // the panel mounted first; later renders update it
}

func (h *panelHost) OnPreRender(ctx app.Context) {
	ctx.Handle(actionSetArticles, func(ctx app.Context, a app.Action) { h.arts = a.Value.(articleChange).Articles })
}

func (h *panelHost) Render() app.UI {
	if h.panel == nil {
		h.panel = &articlePanel{IArticles: h.arts}
		return h.panel
	}
	return &articlePanel{IArticles: h.arts}
}

// TestPanelUndo checks the undo of a removal: it goes once the articles change
// otherwise, and at the limit it says why it cannot put the article back.
func TestPanelUndo(t *testing.T) {
	host := &panelHost{arts: seeds.Articles()}
	h, e := mount(t, nil, host)
	p := host.panel
	nothing := app.Event{Value: app.Null()}
	p.onRemove(1)(h.ctx, nothing)
	e.ConsumeAll()
	if p.undo == nil || len(p.IArticles) != 4 {
		t.Fatalf("after Remove: undo %v, %d articles", p.undo, len(p.IArticles))
	}
	if html := app.HTMLString(p); !strings.Contains(html, `id="undo"`) {
		t.Error("after Remove: no Undo button")
	}
	p.onUndo(h.ctx, nothing)
	e.ConsumeAll()
	if p.undo != nil || len(p.IArticles) != 5 || p.IArticles[1].ID != seeds.Articles()[1].ID {
		t.Errorf("after Undo: undo %v, %d articles, second %s", p.undo, len(p.IArticles), p.IArticles[1].ID)
	}

	p.onRemove(0)(h.ctx, nothing)
	e.ConsumeAll()
	p.emit(h.ctx, append(cloneArticles(p.IArticles), compare.Article{ID: "new", Outlet: "New", Text: extraText}), "Added.", false)
	e.ConsumeAll()
	if p.undo != nil {
		t.Error("the undo of a removal stays after an article was added")
	}

	// At the limit (an undo kept from before), Undo says why it does nothing.
	var twenty []compare.Article
	for i := range MaxArticles {
		twenty = append(twenty, compare.Article{ID: strconv.Itoa(i), Outlet: "Outlet " + strconv.Itoa(i), Text: extraText})
	}
	p.emit(h.ctx, twenty, "Opened.", false)
	e.ConsumeAll()
	p.undo = &compare.Article{ID: "x", Outlet: "Gone", Text: extraText}
	p.onUndo(h.ctx, nothing)
	e.ConsumeAll()
	if want := "Can't put “Gone” back: 20 articles is the most Parallax compares at once; remove one first."; p.fileMsg != want || len(p.IArticles) != MaxArticles {
		t.Errorf("Undo at the limit: message %q, %d articles; want %q", p.fileMsg, len(p.IArticles), want)
	}
}

// The fold of page debris is drawn a turn after its article when it is short (so that
// find in page reaches it), and only when opened, listStep pieces at a time, when it
// is long: a 2 MB article's 417 pieces held the page with the article each time.
func TestDebrisFold(t *testing.T) {
	long := compare.Article{ID: "long", Outlet: "The Long Read", Text: seeds.Repeated(2 << 20)}
	res, err := compare.Compare([]compare.Article{seeds.Articles()[2], long}, &compare.Options{NoWordDiffs: true})
	if err != nil {
		t.Fatal(err)
	}
	pieces := func(f *debrisFold) int {
		html := app.HTMLString(f)
		if !strings.HasPrefix(html, `<details class="debris"`) {
			t.Fatalf("%s: no fold of page debris: %.80s", f.IDoc.ID, html)
		}
		return strings.Count(html, "<li>")
	}
	seed, big := res.Documents[0], res.Documents[1]
	// The Articles tab draws the fold as a component of its own, which its steps leave alone.
	if html := app.HTMLString(&articleView{IResult: res, IDoc: big.ID}); strings.Count(html, `<details class="debris"`) != 1 {
		t.Error("the Articles tab does not show the long article's fold of page debris")
	}
	if n := len(big.Debris); n <= foldMax {
		t.Fatalf("the long article has %d pieces of debris: the test needs more than %d", n, foldMax)
	}
	for _, tt := range []struct {
		doc    *compare.Document
		folds  folds
		want   int
		reason string
	}{
		{&seed, folds{}, 0, "drawn with the article"},
		{&seed, folds{filled: true}, len(seed.Debris), "a turn later"},
		{&big, folds{filled: true}, 0, "a turn later, not opened"},
		{&big, folds{filled: true, opened: map[string]bool{"debris long": true}}, listStep, "opened"},
		{&big, folds{filled: true, opened: map[string]bool{"debris long": true}, shown: map[string]int{"debris long": listStep}}, 2 * listStep, "opened, Show more pressed"},
	} {
		if got := pieces(&debrisFold{IDoc: tt.doc, folds: tt.folds}); got != tt.want {
			t.Errorf("%s (%d pieces), %s: %d drawn, want %d", tt.doc.ID, len(tt.doc.Debris), tt.reason, got, tt.want)
		}
	}
}
