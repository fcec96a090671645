//go:build !js

package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"parallax/compare"
	"parallax/compare/framing"
	"parallax/seeds"
	"strings"
)

// manyArticles returns n articles made of the seeds, with distinct IDs and outlets.
func manyArticles(n int) []compare.Article {
	var arts []compare.Article
	for i := 0; len(arts) < n; i++ {
		for _, a := range seeds.Articles() {
			if len(arts) < n {
				a.ID = fmt.Sprintf("%s-%d", a.ID, i)
				a.Outlet = fmt.Sprintf("%s %d", a.Outlet, i+1)
				arts = append(arts, a)
			}
		}
	}
	return arts
}

// The worker sends the alignment packed (resultWire), then its framing as framingWire
// pieces; the page's take and holdFraming must give back exactly the result and the
// framing that compareNow gives, after the trip through JSON.
func TestFramingWireRoundTrip(t *testing.T) {
	long := append(seeds.Articles()[:1], compare.Article{ID: "long", Outlet: "The Long Read", Title: "Everything", Text: seeds.Repeated(200 << 10)})
	for _, tc := range []struct {
		name   string
		arts   []compare.Article
		pieces bool // the framing comes in more than one reply
	}{
		{"seeds", seeds.Articles(), false},
		{"twenty", manyArticles(MaxArticles), true},
		{"a long article", long, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := compareNow(EngineRequest{ID: 1, Articles: tc.arts})
			if rep.Error != "" || rep.Framing == nil {
				t.Fatalf("compareNow: error %q, framing error %q", rep.Error, rep.FramingError)
			}
			// All but the articles' quotations, which the wire leaves out.
			full := *rep.Framing
			full.Articles = slices.Clone(full.Articles)
			for i := range full.Articles {
				full.Articles[i].Quotes = []framing.Quote{}
			}
			want, err := json.Marshal(&full)
			if err != nil {
				t.Fatal(err)
			}
			// What the worker does: the alignment, then its framing, each reply as JSON.
			first := EngineReply{ID: rep.ID, Result: rep.Result, Millis: rep.Millis}
			packAligned(&first, tc.arts)
			wantRes, err := json.Marshal(rep.Result)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			replies := append([]EngineReply{first}, framingReplies(rep.ID, rep.Result, tc.arts)...)
			var raw [][]byte
			sizes := 0
			for _, r := range replies {
				b, err := json.Marshal(r)
				if err != nil {
					t.Fatal(err)
				}
				raw, sizes = append(raw, b), sizes+len(b)
			}
			encode := time.Since(start)
			if got := len(replies) > 2; got != tc.pieces {
				t.Errorf("the framing came in %d replies", len(replies)-1)
			}
			// What the page does: read each, give the framing its result, hold both.
			waiting := pendingJobs{rep.ID: {req: EngineRequest{ID: rep.ID, Articles: tc.arts}}}
			var got1, got2 EngineReply
			var decode, expand, longest time.Duration
			for i, b := range raw {
				start := time.Now()
				var r EngineReply
				if err := json.Unmarshal(b, &r); err != nil {
					t.Fatal(err)
				}
				_, ok := waiting.take(&r)
				d := time.Since(start)
				decode, longest = decode+d, max(longest, d)
				if last := i == len(raw)-1; ok != (i == 0 || last) {
					t.Fatalf("reply %d of %d: taken %v", i+1, len(raw), ok)
				}
				switch i {
				case 0:
					got1 = r
					holdFraming(&got1, nil)
				case len(raw) - 1:
					got2 = r
				}
			}
			if got1.Result == nil || got2.Result != got1.Result {
				t.Fatalf("the alignment was not unpacked (%q), or the framing did not find it", got1.Error)
			}
			if back, err := json.Marshal(got1.Result); err != nil || !bytes.Equal(back, wantRes) {
				t.Errorf("unpack(packResult(r)) differs from r (%v):\n got %.300s\nwant %.300s", err, back, wantRes)
			}
			start = time.Now()
			holdFraming(&got2, nil)
			expand = time.Since(start)
			if got2.Framing == nil {
				t.Fatalf("holdFraming did not rebuild the framing: %q", got2.FramingError)
			}
			back, err := json.Marshal(got2.Framing)
			whole, _ := json.Marshal(rep.Framing)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(back, want) {
				i := 0
				for i < len(back) && i < len(want) && back[i] == want[i] {
					i++
				}
				t.Errorf("expand(toWire(c)) differs from c at byte %d:\n got …%.300s\nwant …%.300s", i, back[max(0, i-100):], want[max(0, i-100):])
			}
			if f := framingOf(got1.Result); f == nil || f.due || f.fc != got2.Framing {
				t.Error("framingOf does not find the framing held for the result")
			}
			old, _ := json.Marshal(EngineReply{ID: rep.ID, Result: rep.Result})
			t.Logf("%d articles: alignment %d bytes (%d unpacked), framing %d in %d replies (%d in full); framing computed in %d ms (alignment %d ms); page: decode %v (longest reply %v), expand %v; worker: encode %v",
				len(tc.arts), len(raw[0]), len(old), sizes-len(raw[0]), len(raw)-1, len(whole), rep.FramingMillis, rep.Millis, decode.Round(time.Millisecond), longest.Round(time.Millisecond), expand.Round(time.Microsecond), encode.Round(time.Millisecond))
		})
	}
}

var (
	spaceAfterTag  = regexp.MustCompile(`>\s+`)
	spaceBeforeTag = regexp.MustCompile(`\s+<`)
)

// flat removes the indentation app.HTMLString adds between elements.
func flat(html string) string {
	return spaceBeforeTag.ReplaceAllString(spaceAfterTag.ReplaceAllString(html, ">"), "<")
}

// seedFraming compares the seeds as the page does and returns the result, its
// framing held for the views.
func seedFraming(t *testing.T) (*compare.Result, *framed) {
	t.Helper()
	rep := compareNow(EngineRequest{ID: 1, Articles: seeds.Articles()})
	holdFraming(&rep, nil)
	f := framingOf(rep.Result)
	if f == nil || f.fc == nil {
		t.Fatalf("no framing for the seeds: %q", rep.FramingError)
	}
	return rep.Result, f
}

// seedDoc returns the ID of the seed whose file name starts with prefix ("002").
func seedDoc(t *testing.T, res *compare.Result, prefix string) string {
	t.Helper()
	for _, d := range res.Documents {
		if strings.HasPrefix(d.ID, prefix+"_") {
			return d.ID
		}
	}
	t.Fatalf("no seed %s", prefix)
	return ""
}

// between returns the part of s from the first from to the next to after it, or "".
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s[len(from):], to); j >= 0 {
		return s[:len(from)+j]
	}
	return s
}

// docRow returns the HTML of the table row for doc in the section whose heading has
// the ID section.
func docRow(html, section, doc string) string {
	sec := between(html, `id="`+section+`"`, "<section")
	return between(sec, `data-doc="`+doc+`"`, "</tr>")
}

// The framing tab on the seeds shows the findings the issue names, in the rows of
// the outlets that have them.
func TestFramingViewSeeds(t *testing.T) {
	res, _ := seedFraming(t)
	html := flat(app.HTMLString(openFolds(res)))
	nyt, ap, toi, cnn := seedDoc(t, res, "000"), seedDoc(t, res, "001"), seedDoc(t, res, "002"), seedDoc(t, res, "004")

	for _, tc := range []struct {
		name, section, doc string
		want               []string
	}{
		{"002 calls the ministry Hamas-run", "fr-labels", toi, []string{">Hamas-run ×2<", "cannot be independently verified"}},
		{"001 says militant group", "fr-labels", ap, []string{">militant group ×2<"}},
		{"004 says terrorist group", "fr-labels", cnn, []string{">terrorist group<"}},
		{"Blinken first in 001", "fr-voices", ap, []string{"<li><strong>Antony J. Blinken</strong>: 172 words"}},
		{"002 sourcing", "fr-sourcing", toi, []string{"44% (27 of 61)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := docRow(html, tc.section, tc.doc)
			if r == "" {
				t.Fatalf("no row for %s in section %s", tc.doc, tc.section)
			}
			for _, w := range tc.want {
				if !strings.Contains(r, w) {
					t.Errorf("row of %s in %s lacks %q:\n%s", tc.doc, tc.section, w, r)
				}
			}
		})
	}

	// Blinken is the most quoted speaker of 001: first in its list.
	voices := docRow(html, "fr-voices", ap)
	if i := strings.Index(voices, "<li>"); i < 0 || !strings.Contains(voices[i:i+60], "Blinken") {
		t.Errorf("001's first voice is not Blinken:\n%s", voices)
	}
	// The actors table sets 001's “militant group” and 004's “terrorist group” for
	// Hamas side by side, flagged as differing words.
	hamas := between(html, `data-actor="Hamas"`, "</tr>")
	if !strings.Contains(hamas, "words differ") {
		t.Errorf("Hamas row is not flagged as differing:\n%.500s", hamas)
	}
	for doc, term := range map[string]string{ap: ">militant group ×2<", cnn: ">terrorist group<"} {
		if cell := between(hamas, `data-doc="`+doc+`"`, "</td>"); !strings.Contains(cell, term) {
			t.Errorf("Hamas in %s: cell lacks %q:\n%s", doc, term, hamas)
		}
	}
	// The caveat as written, with the outlet; 000's 22,0000 flagged.
	caveat := between(html, `<span class="src src-caveat">caveat</span>`, "</li>")
	if !strings.Contains(caveat, "cannot be independently verified") || !strings.Contains(caveat, "The Times of Israel") {
		t.Errorf("002's caveat is not quoted with its outlet: %q", caveat)
	}
	checks := between(html, `id="fr-checks"`, "</section>")
	if !strings.Contains(checks, "The New York Times · 2024-01-04:") || !strings.Contains(checks, "more than 22,0000 Palestinians") || !strings.Contains(checks, "⚠ check") {
		t.Errorf("22,0000 in 000 is not flagged:\n%s", checks)
	}
	// Herzog is quoted by 002 alone; omissions per article; the note for teachers.
	if !strings.Contains(between(html, "Quoted by one outlet only", "</ul>"), "Isaac Herzog</strong>— The Times of Israel") {
		t.Error("Isaac Herzog is not listed as quoted by The Times of Israel only")
	}
	for _, want := range []string{`id="howto"`, "How to read this (for teachers)", "not at bias", "leaves out", "Why these words matter"} {
		if !strings.Contains(html, want) {
			t.Errorf("the framing view lacks %q", want)
		}
	}
	if strings.Contains(docRow(html, "fr-omissions", nyt), ">0 claims<") {
		t.Error("000 leaves out no claims, want some")
	}
	// Closed, the seeds' folds are drawn all the same a turn after the view (filled),
	// so that find in page reaches their words: none holds more than foldMax items.
	first := flat(app.HTMLString(&framingView{IResult: res}))
	closed := flat(app.HTMLString(&framingView{IResult: res, folds: folds{filled: true}}))
	for _, want := range []string{"Unnamed sources and caveats, as written (21)", "Why these words matter", "alone reports"} {
		if !strings.Contains(first, want) {
			t.Errorf("the framing view lacks %q", want)
		}
	}
	for _, body := range []string{`<span class="src src-caveat">`, "<dl>", "<h4>Only in this outlet</h4>"} {
		if strings.Contains(first, body) {
			t.Errorf("the framing view draws %q in a closed fold at once", body)
		}
		if !strings.Contains(closed, body) {
			t.Errorf("the framing view does not draw %q in a closed fold a turn later", body)
		}
	}
}

// A fold of more than foldMax items draws its body only once the reader opens it:
// closed, a long article's sentences that no other outlet reports were most of the
// Framing tab. The other folds are drawn closed, so that find in page reaches them.
func TestFramingFoldsLong(t *testing.T) {
	arts := []compare.Article{seeds.Articles()[0], {ID: "long", Outlet: "The Long Read", Text: seeds.Repeated(200 << 10)}}
	rep := compareNow(EngineRequest{ID: 1, Articles: arts})
	holdFraming(&rep, nil)
	res := rep.Result
	only := func(html, doc string) string { // the fold of what only doc reports
		for _, d := range strings.Split(html, "<details")[1:] {
			if head := d[:strings.Index(d, ">")]; strings.Contains(head, "only-fr") && strings.Contains(head, `data-doc="`+doc+`"`) {
				return d[:strings.Index(d, "</details>")]
			}
		}
		t.Fatalf("no fold of what %s alone reports", doc)
		return ""
	}
	v := &framingView{IResult: res, folds: folds{filled: true}}
	closed := flat(app.HTMLString(v))
	if strings.Contains(only(closed, "long"), "<h4>Only in this outlet</h4>") {
		t.Error("the long article's closed fold draws its sentences")
	}
	if !strings.Contains(only(closed, res.Documents[0].ID), "<h4>Only in this outlet</h4>") {
		t.Error("the seed's closed fold does not draw its sentences")
	}
	v.opened = map[string]bool{"only long": true}
	opened := flat(app.HTMLString(v))
	if got := strings.Count(only(opened, "long"), "<li value="); got != listStep {
		t.Errorf("the long article's fold, opened, lists %d sentences, want %d", got, listStep)
	}
}

// openFolds returns the framing view of res with every fold opened.
func openFolds(res *compare.Result) *framingView {
	v := &framingView{IResult: res, folds: folds{opened: map[string]bool{"caveats": true, "glossary": true}}}
	for _, d := range res.Documents {
		v.opened["only "+d.ID] = true
	}
	return v
}

// The Gaza death-toll claim: its framing panel sets 000's malformed 22,0000 next to
// 002's 23,000 from the “Hamas-run Gaza Health Ministry” with its caveat, with
// dates, and says where each outlet puts it.
func TestClaimFramingSeeds(t *testing.T) {
	res, f := seedFraming(t)
	nyt, toi := seedDoc(t, res, "000"), seedDoc(t, res, "002")
	var cf *framing.ClaimFraming
	for i := range f.fc.Claims {
		for _, g := range f.fc.Claims[i].Numbers {
			for _, v := range g.Values {
				if v.Doc == nyt && v.Text == "22,0000" {
					cf = &f.fc.Claims[i]
				}
			}
		}
	}
	if cf == nil {
		t.Fatal("no claim has 000's 22,0000")
	}
	c := &claimFraming{IResult: res, IClaim: cf.Claim, IRef: nyt}
	closed := flat(app.HTMLString(c))
	for _, want := range []string{"check a number", `aria-expanded="false"`, "</span>framing</button>"} {
		if !strings.Contains(closed, want) {
			t.Errorf("closed claim framing lacks %q:\n%s", want, closed)
		}
	}
	if strings.Contains(closed, "frpanel") {
		t.Error("the closed claim framing renders its panel")
	}
	c.open = true
	html := flat(app.HTMLString(c))
	nums := between(html, "Numbers side by side", "</table>")
	for _, want := range []string{"more than 22,0000 Palestinians", "⚠ check", "2024-01-04", "23,000 Palestinians", "the Hamas-run Gaza Health Ministry", "cannot be independently verified", "2024-01-09", "figures differ"} {
		if !strings.Contains(nums, want) {
			t.Errorf("numbers side by side lack %q:\n%s", want, nums)
		}
	}
	toiRow := between(html, `data-doc="`+toi+`"`, "</tr>")
	for _, want := range []string{`class="place place-`, "named source", "Hamas-run", "caveat", "thousands of terrorists", "some 1,200 people"} {
		if !strings.Contains(toiRow, want) {
			t.Errorf("002's row lacks %q:\n%s", want, toiRow)
		}
	}
	nytRow := between(html, `data-doc="`+nyt+`"`, "</tr>")
	if !strings.Contains(nytRow, "the Gaza health ministry") {
		t.Errorf("000's row does not give its source, the Gaza health ministry:\n%s", nytRow)
	}
	if !strings.Contains(html, "does not report this claim") {
		t.Error("the outlets that do not report the claim are not listed")
	}
}

// In the aligned view, labels are highlighted inside the sentences, as text, with
// the lexicon's note as the title.
func TestLabelMarksInAlignedView(t *testing.T) {
	res, _ := seedFraming(t)
	v := &alignedView{IResult: res, IRef: seedDoc(t, res, "000"), IOrder: sortOutlets}
	v.build()
	diffRows(v.rows, 0, len(v.rows))
	v.limit, v.ready = len(v.rows), len(v.rows)
	html := flat(app.HTMLString(v))
	for _, want := range []string{`class="lbl"`, ">Hamas-run</mark>", `class="lbl lbl-caveat"`, ">cannot be independently verified</mark>", ">terrorist group</mark>", ">militant group</mark>"} {
		if !strings.Contains(html, want) {
			t.Errorf("aligned view lacks %q", want)
		}
	}
	if !strings.Contains(html, `class="frbtn"`) {
		t.Error("aligned view has no framing button under its claims")
	}
	// Every mark with a note is a Tab stop named with its note: the note shows on
	// focus, for keyboard and touch readers.
	marks := regexp.MustCompile(`<mark [^>]*>`).FindAllString(html, -1)
	if len(marks) == 0 {
		t.Fatal("no marks")
	}
	for _, m := range marks {
		if strings.Contains(m, "title=") && (!strings.Contains(m, `tabindex="0"`) || !strings.Contains(m, `aria-label="`)) {
			t.Errorf("mark %s is not focusable or has no accessible name", m)
		}
	}
}

func TestMarkPieces(t *testing.T) {
	ins, eq, del := compare.Insert, compare.Equal, compare.Delete
	for _, tc := range []struct {
		name  string
		ps    []piece
		marks []textMark
		want  string // pieces as text, marked ones in [brackets], deleted in {braces}
	}{
		{"none", []piece{{Text: "a b", Op: eq}}, nil, "a b"},
		{"inside one piece", []piece{{Text: "the terrorist group said", Op: eq}}, []textMark{{Start: 4, End: 19}}, "the |[terrorist group]| said"},
		{"across pieces", []piece{{Text: "the terrorist ", Op: eq}, {Text: "group said", Op: ins}}, []textMark{{Start: 4, End: 19}}, "the |[terrorist ]|[group]| said"},
		{"deleted words do not count", []piece{{Text: "a ", Op: eq}, {Text: "xyz ", Op: del}, {Text: "Hamas-run body", Op: ins}}, []textMark{{Start: 2, End: 11}}, "a |{xyz }|[Hamas-run]| body"},
		{"two marks", []piece{{Text: "ab cd ef", Op: eq}}, []textMark{{Start: 0, End: 2}, {Start: 6, End: 8}}, "[ab]| cd |[ef]"},
		{"mark past the end", []piece{{Text: "ab", Op: eq}}, []textMark{{Start: 1, End: 9}}, "a|[b]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, in := markPieces(tc.ps, tc.marks)
			var parts []string
			for i, p := range ps {
				switch {
				case p.Op == del:
					parts = append(parts, "{"+p.Text+"}")
				case in[i] != nil:
					parts = append(parts, "["+p.Text+"]")
				default:
					parts = append(parts, p.Text)
				}
			}
			if got := strings.Join(parts, "|"); got != tc.want {
				t.Errorf("markPieces = %s, want %s", got, tc.want)
			}
		})
	}
}

// The page lists the Framing tab and shows the framing view in it.
func TestPageFramingTab(t *testing.T) {
	h, _ := load(t, &workspace{Articles: seeds.Articles(), View: viewFraming})
	p := h.page
	if p.st != statusDone {
		t.Fatalf("status %q, want done", p.st)
	}
	if framingOf(p.res) == nil {
		t.Fatal("the page's result has no framing")
	}
	found := false
	for _, v := range tabs() {
		found = found || v.id == viewFraming && v.name == "Framing"
	}
	if !found {
		t.Fatalf("tabs %v lack Framing", tabs())
	}
	if err := app.Match(&framingView{IResult: p.res}, p, 0, 3, 2, 1, 0); err != nil {
		t.Error(err)
	}
}

// A reply whose framing failed still shows the comparison; the tab says why.
func TestFramingMissing(t *testing.T) {
	rep := compareNow(EngineRequest{ID: 1, Articles: seeds.Articles()})
	rep.Framing, rep.FramingError = nil, "finding the framing signals failed (boom)"
	holdFraming(&rep, nil)
	html := app.HTMLString(&framingView{IResult: rep.Result})
	if !strings.Contains(html, "not available: finding the framing signals failed (boom).") {
		t.Errorf("framing view without framing says:\n%s", html)
	}
	if ui := framingForClaim(rep.Result, &rep.Result.Claims[0], ""); ui != nil {
		t.Error("a claim extra renders without framing")
	}
	if ms := labelMarks(rep.Result, rep.Result.Claims[0].Members[0], "x"); ms != nil {
		t.Error("labels marked without framing")
	}
}

// TestOnlyHereCounts checks that the views count what only one outlet reports
// alike: the status line, the Articles tab, the Only tab and the framing's
// Prominence table and the line under it, which lists fewer and says why; and that
// the line names the unnamed sources Voices gives to one outlet alone.
func TestOnlyHereCounts(t *testing.T) {
	res, f := seedFraming(t)
	x := newIndex(res)
	only := flat(app.HTMLString(&uniqueView{IResult: res}))
	fr := flat(app.HTMLString(&framingView{IResult: res}))
	total := 0
	for _, d := range res.Documents {
		n := uniqueCount(x, d.ID)
		total += n
		summary := fmt.Sprintf("— %d of %d sentences only here", n, len(d.Sentences))
		if !strings.Contains(only, summary) {
			t.Errorf("%s: the Only tab lacks %q", d.ID, summary)
		}
		art := flat(app.HTMLString(&articleView{IResult: res, IDoc: d.ID}))
		if want := fmt.Sprintf("only here</span>%s.", plural(n, "sentence")); !strings.Contains(art, want) {
			t.Errorf("%s: the Articles tab lacks %q", d.ID, want)
		}
		line := regexp.MustCompile(`<details[^>]*data-doc="` + d.ID + `"[^>]*>.*?</summary>`).FindString(fr)
		if want := "alone reports " + plural(n, "sentence"); !strings.Contains(line, want) {
			t.Errorf("%s: the framing line %q lacks %q", d.ID, line, want)
		}
		if listed := len(uniqueOf(x, d.ID)); listed != n && !strings.Contains(line, fmt.Sprintf("(%d listed, leaving out", listed)) {
			t.Errorf("%s: the framing line %q lists %d of %d and does not say why", d.ID, line, listed, n)
		}
		for _, s := range f.fc.Voices {
			if s.Only == d.ID && strings.Contains(line, "quotes 0 people") {
				t.Errorf("%s: the framing line says %q, but only it quotes %s", d.ID, line, s.Name)
			}
		}
	}
	if total != len(res.Unique) {
		t.Errorf("the outlets' counts add up to %d, the status line's to %d", total, len(res.Unique))
	}
}

// TestHasWords checks hasWords against strings.Fields, which listed used to count
// all the words of a sentence with.
func TestHasWords(t *testing.T) {
	for _, s := range []string{"", " ", "one", "one two three", " one two three ", "one two three four", "one\ttwo\u00a0three\u2003four ", "“Quoted,” he said today.", "a b c d e f", "a\x01b\x85c\vd\re", "\u00a0\u2028x y\u3000z w", "\xff \xfe a b"} {
		for n := 1; n <= 5; n++ {
			if got, want := hasWords(s, n), len(strings.Fields(s)) >= n; got != want {
				t.Errorf("hasWords(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestFramingLongLists checks that the framing view draws at most listStep items of
// a list, with a button for listStep more, on an article of 1,000 sentences only it
// reports, and that the seeds' lists are drawn whole.
func TestFramingLongLists(t *testing.T) {
	_, f := seedFraming(t)
	if html := app.HTMLString(openFolds(f.res)); strings.Contains(html, " not shown)") {
		t.Error("the seeds' framing folds a list")
	}
	var b strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&b, "The council of district %d met on day %d to discuss %d new road signs. ", i, i%300+1, i+7)
	}
	arts := append(seeds.Articles()[:1], compare.Article{ID: "long", Outlet: "Long", Text: b.String()})
	rep := compareNow(EngineRequest{ID: 1, Articles: arts})
	holdFraming(&rep, nil)
	if framingOf(rep.Result) == nil || framingOf(rep.Result).fc == nil {
		t.Fatalf("no framing: %q", rep.FramingError)
	}
	v := openFolds(rep.Result)
	only := func() (int, string) {
		html := regexp.MustCompile(`(?s)<details[^>]*data-doc="long".*?</details>`).FindString(app.HTMLString(v))
		return strings.Count(html, "<li "), regexp.MustCompile(`Show \d+ more \([^)]*\)`).FindString(html)
	}
	if n, more := only(); n != listStep || more != "Show 200 more (800 sentences not shown)" {
		t.Errorf("the long article's sentences: %d shown, button %q; want %d and “Show 200 more (800 sentences not shown)”", n, more, listStep)
	}
	v.shown = map[string]int{"only long": 4 * listStep} // four presses
	if n, more := only(); n != 1000 || more != "" {
		t.Errorf("all shown: %d sentences, button %q; want 1000 and none", n, more)
	}
}

// The packed numbers of the worker's replies read back as written, and anything else
// is refused.
func TestPackInts(t *testing.T) {
	for _, ns := range [][]int{{}, {0}, {1, -2, 30}, {-1234567, 0, 98765432}} {
		s := packInts(ns)
		if got, ok := unpackInts(s); !ok || !slices.Equal(got, ns) {
			t.Errorf("unpackInts(%q) = %v, %v, want %v", s, got, ok, ns)
		}
	}
	for _, s := range []string{",", "1,", ",1", "1,,2", "-", "1-2", "--1", "a", "1 2", " 1"} {
		if got, ok := unpackInts(s); ok {
			t.Errorf("unpackInts(%q) = %v, want a refusal", s, got)
		}
	}
}
