//go:build !js

package app

import (
	"encoding/json"
	stdhtml "html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/blind"
	"parallax/seeds"
)

// giveaways are the ways the seeds name their outlets and reporters.
var giveaways = regexp.MustCompile(`(?i)\b(cnn|times of israel|new york times|associated press|ap news|republished|lazar berman|jennifer hansler)\b|\bAP\b`)

// hidden fails the test if s names an outlet of the seeds.
func hidden(t *testing.T, what, s string) {
	t.Helper()
	if loc := giveaways.FindStringIndex(s); loc != nil {
		t.Errorf("%s gives an outlet away: …%s…", what, s[max(0, loc[0]-40):min(len(s), loc[1]+40)])
	}
}

func TestBlindMode(t *testing.T) {
	got := downloads(t)
	h, e := load(t, nil)
	p := h.page
	h.ctx.NewActionWithValue(actionBlind, "on")
	e.ConsumeAll()
	if !p.masking() || p.st != statusDone {
		t.Fatalf("blind mode on: masking %v, status %q", p.masking(), p.st)
	}

	// Every view works from the result, which names no outlet; so do the framing,
	// the title, the article panel, the exports and the link.
	res, _ := json.Marshal(p.res)
	hidden(t, "the result", string(res))
	fr, _ := json.Marshal(framingOf(p.res).fc)
	hidden(t, "the framing", string(fr))
	for _, d := range p.res.Documents {
		if !regexp.MustCompile(`^Outlet [A-D]$`).MatchString(d.Outlet) {
			t.Errorf("document %s is shown as %q", d.ID, d.Outlet)
		}
	}
	if title := h.ctx.Page().Title(); title != titleBlind {
		t.Errorf("title %q, want %q", title, titleBlind)
	}
	if err := app.Match(&articlePanel{IArticles: blind.Articles(p.masked), IDemo: true, IBlind: true}, p, 0, 2); err != nil {
		t.Error(err)
	}
	for _, v := range tabs() {
		p.view = v.id
		hidden(t, "the "+v.name+" tab", app.HTMLString(p.renderView()))
	}
	p.view = viewAligned
	h.ctx.NewAction(actionSaveFile)
	h.ctx.NewActionWithValue(actionExport, exportMarkdown)
	h.ctx.NewActionWithValue(actionExport, exportCSV)
	h.ctx.NewActionWithValue(actionExport, exportHTML)
	h.ctx.NewAction(actionShare)
	e.ConsumeAll()
	if len(*got) != 4 {
		t.Fatalf("%d downloads, want 4", len(*got))
	}
	for _, d := range *got {
		hidden(t, d.name, d.data)
	}
	f, _, err := wsfile.ParseFragment(strings.SplitN(p.tools.link, "#", 2)[1], seeds.Articles())
	if err != nil || len(f.Articles) != 5 {
		t.Fatalf("the blind link opens %d articles (%v), want the 5 masked seeds", len(f.Articles), err)
	}
	for _, a := range f.Articles {
		hidden(t, "the link's article "+a.ID, a.Outlet+" "+a.Title+" "+a.Text)
	}

	// The class guesses one outlet right and one wrong, then reveals.
	key := p.class.Key
	h.ctx.NewActionWithValue(actionGuess, guess{Name: "Outlet A", Outlet: key.Outlets[0]})
	h.ctx.NewActionWithValue(actionGuess, guess{Name: "Outlet B", Outlet: key.Outlets[2]})
	e.ConsumeAll()
	guesses := app.HTMLString(p.renderGuesses())
	for _, o := range key.Outlets {
		if !strings.Contains(guesses, o) {
			t.Errorf("the guesses do not offer %q", o)
		}
	}

	// A reload keeps blind mode, its letters and the guesses, even on the demo.
	var ws workspace
	if err := h.ctx.LocalStorage().Get(storageKey, &ws); err != nil || !ws.Demo || ws.Class == nil {
		t.Fatalf("saved: %+v (%v), want the demo with its classroom state", ws, err)
	}
	h2, _ := load(t, &ws)
	if p2 := h2.page; !p2.masking() || !slices.Equal(p2.class.Key.Outlets, key.Outlets) || len(p2.class.Guesses) != 2 || p2.res == nil || p2.res.Documents[0].Outlet != "Outlet A" {
		t.Errorf("reloaded: masking %v, key %v, %d guesses", p2.masking(), p2.class.Key.Outlets, len(p2.class.Guesses))
	}

	h.ctx.NewActionWithValue(actionBlind, "reveal")
	e.ConsumeAll()
	if p.masking() || !slices.ContainsFunc(p.res.Documents, func(d compare.Document) bool { return d.Outlet == "CNN" }) {
		t.Errorf("revealed: the documents still hide the outlets")
	}
	answers := flat(app.HTMLString(p.renderAnswers()))
	for _, want := range []string{"✓ " + key.Outlets[0], "✗ " + key.Outlets[2], "no guess", "The class named 1 of 4 outlets correctly."} {
		if !strings.Contains(answers, want) {
			t.Errorf("answers lack %q:\n%s", want, answers)
		}
	}
	if title := h.ctx.Page().Title(); title != titleDefault {
		t.Errorf("revealed: title %q", title)
	}

	// Hiding again keeps the letters; a new round changes nothing but them and the
	// guesses; leaving shows the outlets.
	h.ctx.NewActionWithValue(actionBlind, "hide")
	e.ConsumeAll()
	if !p.masking() || !slices.Equal(p.class.Key.Outlets, key.Outlets) {
		t.Errorf("hidden again: masking %v, key %v, want %v", p.masking(), p.class.Key.Outlets, key.Outlets)
	}
	h.ctx.NewActionWithValue(actionBlind, "again")
	e.ConsumeAll()
	if !p.masking() || len(p.class.Guesses) != 0 {
		t.Errorf("new round: masking %v, %d guesses", p.masking(), len(p.class.Guesses))
	}
	h.ctx.NewActionWithValue(actionBlind, "off")
	e.ConsumeAll()
	if p.masking() || p.class.Blind || p.res.Documents[0].Outlet != seeds.Articles()[0].Outlet {
		t.Errorf("blind mode off: masking %v, first outlet %q", p.masking(), p.res.Documents[0].Outlet)
	}
	if h.ctx.LocalStorage().Contains(storageKey) {
		t.Error("the demo without blind mode is still saved")
	}
}

// TestBlindRestore puts back a masked byline: the reader's own article keeps the
// original's offset.
func TestBlindRestore(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	h.ctx.NewActionWithValue(actionBlind, "on")
	e.ConsumeAll()
	cnn := p.masked[slices.IndexFunc(p.masked, func(m blind.Article) bool { return m.OriginalID == "004_de918551c7f30eec" })]
	d := p.res.Documents[slices.IndexFunc(p.res.Documents, func(d compare.Document) bool { return d.ID == cnn.ID })]
	var byline compare.Debris
	for _, db := range d.Debris {
		if db.Kind == compare.DebrisByline {
			byline = db
		}
	}
	if !strings.HasPrefix(byline.Text, "By Reporter ") {
		t.Fatalf("masked byline %q", byline.Text)
	}
	h.ctx.NewActionWithValue(actionRestore, compare.Ref{Doc: cnn.ID, Sentence: byline.Start})
	e.ConsumeAll()
	a := p.articles[slices.IndexFunc(p.articles, func(a compare.Article) bool { return a.ID == cnn.OriginalID })]
	if len(a.Keep) != 1 || !strings.HasPrefix(a.Text[a.Keep[0]:], "By Jennifer Hansler, CNN") {
		t.Fatalf("Keep = %v: not the byline's place in the original", a.Keep)
	}
	hidden(t, "the status message", p.msg)
	if !p.masking() {
		t.Error("putting text back left blind mode")
	}
}

func TestPresenterKeys(t *testing.T) {
	for key, want := range map[string]int{
		"ArrowRight": keyNext, " ": keyNext, "PageDown": keyNext, "ArrowDown": keyNext,
		"ArrowLeft": keyBack, "PageUp": keyBack, "Backspace": keyBack,
		"Home": keyFirst, "End": keyLast, "Escape": keyLeave, "a": 0, "Enter": 0, "Tab": 0,
	} {
		if got := presenterKey(key); got != want {
			t.Errorf("presenterKey(%q) = %d, want %d", key, got, want)
		}
	}
}

// TestRevealOf checks what each move of the presenter view brings into view.
func TestRevealOf(t *testing.T) {
	tests := []struct {
		name                       string
		at, step, nextAt, nextStep int
		want                       int
	}{
		{"wording to differences", 1, stepWording, 1, stepDiff, revealNone},
		{"differences to framing", 1, stepDiff, 1, stepFraming, revealFraming},
		{"framing to the next claim", 1, stepFraming, 2, stepWording, revealTop},
		{"framing back to differences", 1, stepFraming, 1, stepDiff, revealTop},
		{"back to the claim before's framing", 2, stepWording, 1, stepFraming, revealFraming},
		{"Home", 5, stepDiff, 0, stepWording, revealTop},
		{"past the end", 9, stepFraming, 9, stepFraming, revealNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := revealOf(tt.at, tt.step, tt.nextAt, tt.nextStep); got != tt.want {
				t.Errorf("revealOf(%d, %d, %d, %d) = %d, want %d", tt.at, tt.step, tt.nextAt, tt.nextStep, got, tt.want)
			}
		})
	}
}

// TestPresenter steps through the seeds' claims: wording, then marks, then framing,
// and on to the next claim.
func TestPresenter(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	h.ctx.NewActionWithValue(actionPresent, true)
	e.ConsumeAll()
	if !p.presenting {
		t.Fatal("the presenter view did not open")
	}
	v := &presenter{IResult: p.res, IRef: "002_27eef62aab9ae9be", IOrder: sortOutlets}
	v.build()
	// The presenter reads and diffs a claim when it shows it; here all are read, to
	// find the claims to check.
	if !v.rows[0].prepared || !v.rows[0].Diffed {
		t.Error("the first claim is not read and diffed")
	}
	for i := range v.rows {
		prepareRow(v.x, &v.rows[i])
	}
	// Go to the Gaza death-toll claim, reported with different numbers.
	has := func(r row, text string) bool {
		return slices.ContainsFunc(r.Cells, func(c []span) bool {
			return slices.ContainsFunc(c, func(s span) bool { return strings.Contains(s.Text, text) })
		})
	}
	at := slices.IndexFunc(v.rows, func(r row) bool {
		return r.Numbers && has(r, "Hamas-run Gaza Health Ministry") && has(r, "according to the Gaza health ministry")
	})
	if at < 0 {
		t.Fatal("no claim with the Hamas-run ministry's toll")
	}
	v.at = at
	v.move(h.ctx, keyBack) // back from the first step: the last step of the claim before
	if v.at != at-1 || v.step != stepFraming {
		t.Errorf("back: claim %d step %d, want %d and %d", v.at, v.step, at-1, stepFraming)
	}
	v.move(h.ctx, keyNext)
	checks := []struct {
		step       int
		want, lack []string
	}{
		{stepWording, []string{"Claim " + strconv.Itoa(at+1) + " of", "Step 1 of 3: the wording", "Hamas-run Gaza Health Ministry", "according to the Gaza health ministry"}, []string{"<ins>", "<del>", "frtable"}},
		{stepDiff, []string{"Step 2 of 3: what differs", "<ins>", "numbers differ"}, []string{"frtable"}},
		{stepFraming, []string{"Step 3 of 3: the framing", "frtable", "Hamas-run"}, nil},
	}
	for _, c := range checks {
		if v.at != at || v.step != c.step {
			t.Fatalf("at claim %d step %d, want %d and %d", v.at, v.step, at, c.step)
		}
		html := flat(app.HTMLString(v))
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("step %d lacks %q", c.step, w)
			}
		}
		for _, w := range c.lack {
			if strings.Contains(html, w) {
				t.Errorf("step %d shows %q", c.step, w)
			}
		}
		v.move(h.ctx, keyNext)
	}
	if v.at != at+1 || v.step != stepWording {
		t.Errorf("after the framing: claim %d step %d, want the next claim's wording", v.at, v.step)
	}
	// A claim with sentences folded in the aligned view shows the same ones, and says
	// how many more there are.
	star := slices.IndexFunc(v.rows, func(r row) bool {
		return slices.ContainsFunc(r.Cells, func(c []span) bool { return slices.ContainsFunc(c, func(s span) bool { return s.Folded }) })
	})
	if star < 0 {
		t.Fatal("no claim of the demo folds sentences")
	}
	v.at, v.step = star, stepWording
	html := flat(app.HTMLString(v))
	for _, c := range v.rows[star].Cells {
		for _, s := range c {
			if shown := strings.Contains(html, stdhtml.EscapeString(s.Text)); shown == s.Folded {
				t.Errorf("claim %d: sentence %v folded %v, shown %v", star+1, s.Ref, s.Folded, shown)
			}
		}
	}
	if !strings.Contains(html, "more sentences from this outlet") {
		t.Errorf("claim %d does not say how many sentences it leaves out", star+1)
	}
	// Marks compare with the reference, 002, where it reports the claim; elsewhere the
	// sentence they compare with is tagged as such, not called the reference.
	for i, r := range v.rows {
		v.at, v.step = i, stepDiff
		html := flat(app.HTMLString(v))
		ref, tag := strings.Contains(html, `class="badge">reference<`), strings.Contains(html, standInTag)
		if own := r.BaseDoc == v.ref; ref != own || tag == own {
			t.Errorf("claim %d (base %s): reference badge %v, %q %v", i+1, r.BaseDoc, ref, standInTag, tag)
		}
	}
	v.move(h.ctx, keyLast)
	v.move(h.ctx, keyNext)
	v.move(h.ctx, keyNext)
	v.move(h.ctx, keyNext)
	if v.at != len(v.rows)-1 || v.step != stepFraming {
		t.Errorf("past the end: claim %d step %d", v.at, v.step)
	}
	v.move(h.ctx, keyFirst)
	if v.at != 0 || v.step != 0 {
		t.Errorf("Home: claim %d step %d", v.at, v.step)
	}
	v.move(h.ctx, keyLeave)
	e.ConsumeAll()
	if p.presenting {
		t.Error("Escape did not leave the presenter view")
	}
}

func TestWorksheet(t *testing.T) {
	h, e := load(t, nil)
	p := h.page
	h.ctx.NewAction(actionPrint)
	e.ConsumeAll()
	if p.view != viewWorksheet {
		t.Fatalf("print: view %q, want the worksheet", p.view)
	}
	sheet := flat(app.HTMLString(p.renderView()))
	for _, want := range []string{"Name", "Claim 1 · reported by", "What differs in the wording?", "The New York Times · 2024-01-04", "more claims are in Parallax",
		"2 different occasions", "<li>Associated Press (as republished) · 2024-02-08; CNN · 2024-02-07</li>"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("worksheet lacks %q", want)
		}
	}
	if strings.Contains(sheet, "Who wrote what?") {
		t.Error("the revealed worksheet asks who wrote what")
	}
	if n := strings.Count(sheet, `class="ws-claim"`); n != worksheetClaims {
		t.Errorf("%d claims on the worksheet, want %d", n, worksheetClaims)
	}
	// An outlet with many sentences in one claim shows four, and says how many more.
	many := *p.res
	many.Claims = slices.Clone(many.Claims)
	first := &many.Claims[0]
	first.Members = slices.Clone(first.Members)
	doc := many.Documents[2]
	for i := range 7 {
		first.Members = append(first.Members, compare.Ref{Doc: doc.ID, Sentence: 10 + i})
	}
	folded := flat(app.HTMLString((&worksheet{IResult: &many, IRef: p.ref, IOrder: p.order}).Render()))
	if !strings.Contains(folded, "… and 4 more sentences from this outlet, in Parallax&#39;s aligned view.") { // HTML-escaped
		t.Errorf("a claim with eight sentences of %s: the worksheet does not fold four of them", doc.ID)
	}
	h.ctx.NewActionWithValue(actionBlind, "on")
	e.ConsumeAll()
	sheet = flat(app.HTMLString(p.renderView()))
	hidden(t, "the blind worksheet", sheet)
	if !strings.Contains(sheet, "Outlet D is … because …") {
		t.Error("the blind worksheet has no blanks to name the outlets")
	}
}
