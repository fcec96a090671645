package framing

import (
	"slices"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/seeds"
)

// The tests in this file assert what a teacher would point at in the seeds. They find
// sentences by their words, never by index, so that they hold while sentence splitting
// and alignment change.

const (
	nyt000 = "000_633b5222eb3c90dc"
	ap001  = "001_90a7bf3bc7cd8a23"
	toi002 = "002_27eef62aab9ae9be"
	nyt003 = "003_467a1d5b041f5ff8"
	cnn004 = "004_de918551c7f30eec"
)

// seedComparison aligns the seeds and compares their framing.
func seedComparison(tb testing.TB) (*compare.Result, *Comparison) {
	tb.Helper()
	arts := seeds.Articles()
	res, err := compare.Compare(arts, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return res, Compare(res, arts, nil)
}

func report(tb testing.TB, c *Comparison, doc string) Report {
	tb.Helper()
	for _, r := range c.Articles {
		if r.Doc == doc {
			return r
		}
	}
	tb.Fatalf("no report for %s", doc)
	return Report{}
}

// numberAs returns the number written as text in r.
func numberAs(tb testing.TB, r Report, text string) Number {
	tb.Helper()
	for _, n := range r.Numbers {
		if n.Text == text {
			return n
		}
	}
	tb.Fatalf("%s: no number %q among %v", r.Doc, text, numberTexts(r.Numbers))
	return Number{}
}

func numberTexts(ns []Number) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text)
	}
	return out
}

func TestSeedGazaToll(t *testing.T) {
	_, c := seedComparison(t)
	tests := []struct {
		name, doc, text, counts, source string
		caveat                          string // a caveat that must be attached, "" for none
		suspect                         bool
	}{
		{"NYT typo", nyt000, "22,0000", "Palestinians", "the Gaza health ministry", "", true},
		{"Times of Israel", toi002, "23,000", "Palestinians", "the Hamas-run Gaza Health Ministry", "cannot be independently verified", false},
		{"NYT December", nyt003, "20,000", "people", "the Gaza Health Ministry", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := numberAs(t, report(t, c, tt.doc), tt.text)
			if n.Counts != tt.counts || n.Source != tt.source || n.Kind != Named {
				t.Errorf("%s %q counts %q, source %q (%s); want %q, %q (named)", tt.doc, tt.text, n.Counts, n.Source, n.Kind, tt.counts, tt.source)
			}
			if tt.caveat != "" && !contains(n.Caveats, tt.caveat) {
				t.Errorf("%s %q caveats = %q, want %q", tt.doc, tt.text, n.Caveats, tt.caveat)
			}
			if tt.caveat == "" && len(n.Caveats) > 0 {
				t.Errorf("%s %q caveats = %q, want none", tt.doc, tt.text, n.Caveats)
			}
			if (n.Suspect != "") != tt.suspect {
				t.Errorf("%s %q suspect = %q, want flagged: %v", tt.doc, tt.text, n.Suspect, tt.suspect)
			}
		})
	}
	typo := numberAs(t, report(t, c, nyt000), "22,0000")
	if !strings.Contains(typo.Suspect, "22,000") || len(typo.Readings) != 2 || typo.Readings[0] != 22000 || typo.Readings[1] != 220000 {
		t.Errorf("22,0000: suspect %q, readings %v; want both readings 22,000 and 220,000", typo.Suspect, typo.Readings)
	}
	if q := numberAs(t, report(t, c, nyt000), "22,0000").Qualifier; q != "more than" {
		t.Errorf("22,0000 qualifier = %q, want \"more than\"", q)
	}
	// 002's toll is "Hamas-run" and carries an explicit caveat; 000's is neither.
	r2 := report(t, c, toi002)
	if !hasLabel(r2, "Hamas-run", "Gaza Health Ministry") {
		t.Errorf("002 labels the ministry %v; want Hamas-run", labelTerms(r2, "Gaza Health Ministry"))
	}
	if r2.Sourcing.Caveats == 0 {
		t.Errorf("002 sourcing %+v: want a caveat", r2.Sourcing)
	}
	if r0 := report(t, c, nyt000); hasLabel(r0, "Hamas-run", "Gaza Health Ministry") || r0.Sourcing.Caveats != 0 {
		t.Errorf("000 calls the ministry %v with %d caveats; want no label, no caveat", labelTerms(r0, "Gaza Health Ministry"), r0.Sourcing.Caveats)
	}
}

func hasLabel(r Report, term, actor string) bool {
	for _, l := range r.Labels {
		if l.Term == term && l.Actor == actor {
			return true
		}
	}
	return false
}

func labelTerms(r Report, actor string) []string {
	var out []string
	for _, l := range r.Labels {
		if l.Actor == actor {
			out = append(out, l.Term)
		}
	}
	return out
}

func TestSeedHamasLabels(t *testing.T) {
	_, c := seedComparison(t)
	uses := map[string][]string{}
	for _, al := range c.Actors {
		if al.Actor != "Hamas" {
			continue
		}
		if !al.Differ {
			t.Errorf("Hamas labels do not differ across outlets: %+v", al.Uses)
		}
		for _, u := range al.Uses {
			if u.Category == "armed-group" && u.Quoted < u.Count {
				uses[u.Doc] = append(uses[u.Doc], u.Term)
			}
		}
	}
	tests := []struct {
		doc       string
		want, not string
	}{
		{ap001, "militant group", "terrorist group"},
		{cnn004, "terrorist group", "militant group"},
		{toi002, "terror group", "militant group"},
	}
	for _, tt := range tests {
		got := uses[tt.doc]
		if !contains(got, tt.want) || contains(got, tt.not) {
			t.Errorf("%s calls Hamas %q in its own voice; want %q, not %q", tt.doc, got, tt.want, tt.not)
		}
	}
}

func TestSeedVoices(t *testing.T) {
	_, c := seedComparison(t)
	r1 := report(t, c, ap001)
	if len(r1.Voices) == 0 || r1.Voices[0].Key != "antony blinken" {
		t.Fatalf("001 voices = %+v; want Blinken first", r1.Voices)
	}
	if b := r1.Voices[0]; b.Quotes < 6 || b.Words < 150 || len(r1.Voices) > 1 && r1.Voices[1].Words*10 > b.Words {
		t.Errorf("001 quotes Blinken %d times, %d words; others %+v; want him far ahead", b.Quotes, b.Words, r1.Voices[1:])
	}
	// Netanyahu's "delusional" and "absolute victory" are his, not Blinken's, although
	// Blinken is named earlier in the sentence.
	for _, q := range r1.Quotes {
		if strings.Contains(q.Text, "delusional") && q.Key != "benjamin netanyahu" {
			t.Errorf("001 %q attributed to %q, want Netanyahu", q.Text, q.Key)
		}
	}
	// Quotes across sentences and "he said" keep their speaker.
	wantQuote(t, r1, "It’s not flipping a light switch", "antony blinken")
	wantQuote(t, r1, "But that cannot be a license to dehumanize others", "antony blinken")
	r0 := report(t, c, nyt000)
	wantQuote(t, r0, "Nothing will stop us", "benjamin netanyahu")
	wantQuote(t, r0, "difficult choices ahead", "matthew miller")
	wantQuote(t, r0, "different planets", "khaled elgindy")
	r3 := report(t, c, nyt003)
	wantQuote(t, r3, "we were dependent on the United States", "michael oren")
	wantQuote(t, r3, "There will be a lot of winking going on", "martin indyk")
	wantQuote(t, r3, "He’s been able to move their decisions", "chris coons")
	// "the top US diplomat" is Blinken; the Crown Prince's words are not.
	r4 := report(t, c, cnn004)
	wantQuote(t, r4, "pave a diplomatic path forward", "antony blinken")
	for _, q := range r4.Quotes {
		if strings.Contains(q.Text, "timebound path") && q.Key == "antony blinken" {
			t.Errorf("004 gives the Crown Prince's %q to Blinken", q.Text)
		}
	}
	// Names are resolved across articles: "Antony J. Blinken", "Blinken" and "the top US
	// diplomat" are one speaker; "Mr. Biden" in 003 is 002's "Joe Biden".
	speakers := map[string]Speaker{}
	for _, s := range c.Voices {
		speakers[s.Key] = s
	}
	if b := speakers["antony blinken"]; len(b.By) < 3 || b.Name != "Antony J. Blinken" {
		t.Errorf("Blinken across articles: %+v; want one speaker quoted by 3+ articles", b)
	}
	if b := speakers["joe biden"]; len(b.By) != 2 {
		t.Errorf("Biden across articles: %+v; want 002 and 003", b)
	}
	if _, ok := speakers["biden"]; ok {
		t.Errorf("\"biden\" left unresolved: %+v", speakers["biden"])
	}
	if h := speakers["isaac herzog"]; h.Only != toi002 || speakers["michael herzog"].Only != nyt003 {
		t.Errorf("the two Herzogs: %+v / %+v; want Isaac only in 002, Michael only in 003", h, speakers["michael herzog"])
	}
	if e := speakers["khaled elgindy"]; e.Only != nyt000 {
		t.Errorf("Elgindy: %+v; want quoted by 000 only", e)
	}
}

func wantQuote(t *testing.T, r Report, part, key string) {
	t.Helper()
	for _, q := range r.Quotes {
		if strings.Contains(q.Text, part) {
			if q.Key != key {
				t.Errorf("%s: quote %q attributed to %q (via %s); want %q", r.Doc, part, q.Key, q.Via, key)
			}
			return
		}
	}
	t.Errorf("%s: no quotation containing %q", r.Doc, part)
}

func TestSeedSourcing(t *testing.T) {
	_, c := seedComparison(t)
	r0 := report(t, c, nyt000)
	found := false
	for _, at := range r0.Attributions {
		if at.Source == "U.S. officials" && at.Kind == Anonymous && at.Condition == "on condition of anonymity" {
			found = true
		}
		if at.Cue == "told" && at.Source == "I" {
			t.Errorf("000: a verb inside Netanyahu's quotation counted as attribution: %+v", at)
		}
	}
	if !found {
		t.Errorf("000: no anonymous \"U.S. officials said on condition of anonymity\" among %+v", r0.Attributions)
	}
	r4 := report(t, c, cnn004)
	if r4.Sourcing.Anonymous < 2 || r4.Sourcing.Named < 4 {
		t.Errorf("004 sourcing %+v; want anonymous State Department officials and named Blinken", r4.Sourcing)
	}
	for _, r := range c.Articles {
		if r.Sourcing.Share <= 0 || r.Sourcing.Share > 1 || r.Sourcing.Attributed > r.Sentences {
			t.Errorf("%s sourcing %+v of %d sentences", r.Doc, r.Sourcing, r.Sentences)
		}
	}
	// 003 leans on sources it does not name more than any other article.
	r3 := report(t, c, nyt003)
	for _, r := range c.Articles {
		if r.Doc != nyt003 && r.Sourcing.Anonymous > r3.Sourcing.Anonymous {
			t.Errorf("%s has %d anonymous sources, more than 003's %d", r.Doc, r.Sourcing.Anonymous, r3.Sourcing.Anonymous)
		}
	}
}

// TestSeedClaims checks the per-claim view on the real alignment, whatever it groups:
// every claim has a member view, a full row of the coverage matrix, and numbers only
// from its members.
func TestSeedClaims(t *testing.T) {
	res, c := seedComparison(t)
	if len(c.Claims) != len(res.Claims) {
		t.Fatalf("%d claim views for %d claims", len(c.Claims), len(res.Claims))
	}
	for i, cf := range c.Claims {
		cl := res.Claims[i]
		if cf.Claim != cl.ID || len(cf.Members) != len(cl.Members) || len(cf.Coverage) != len(res.Documents) {
			t.Fatalf("claim %s: %d members, %d cells; want %d, %d", cl.ID, len(cf.Members), len(cf.Coverage), len(cl.Members), len(res.Documents))
		}
		in := map[string]bool{}
		for _, m := range cf.Members {
			in[m.Doc] = true
		}
		for _, cell := range cf.Coverage {
			if (cell.Position == Absent) == in[cell.Doc] {
				t.Errorf("claim %s: %s is %s in the matrix, member: %v", cl.ID, cell.Doc, cell.Position, in[cell.Doc])
			}
		}
		for _, g := range cf.Numbers {
			for _, v := range g.Values {
				if !in[v.Doc] {
					t.Errorf("claim %s: number %q from %s, not a member", cl.ID, v.Text, v.Doc)
				}
			}
		}
	}
	for _, cv := range c.Coverage {
		if cv.Claims+len(cv.Missing) != len(c.Claims) || cv.Lead+cv.FirstThird+cv.Middle+cv.Buried != cv.Claims {
			t.Errorf("%s coverage %+v does not add up to %d claims", cv.Doc, cv, len(c.Claims))
		}
	}
}

// TestClaimNumbersSideBySide builds the Gaza-toll claim by hand from the seed sentences,
// so that it tests the side-by-side view whatever the aligner groups.
func TestClaimNumbersSideBySide(t *testing.T) {
	arts := seeds.Articles()
	res := &compare.Result{}
	claim := compare.Claim{ID: "toll"}
	for _, want := range []struct{ doc, part string }{
		{nyt000, "22,0000"}, {toi002, "23,000 Palestinians"}, {nyt003, "more than 20,000"}, {toi002, "some 1,200 people and seizing"},
	} {
		for _, a := range arts {
			if a.ID != want.doc {
				continue
			}
			d := compare.Parse(a)
			if docIndex(res, d.ID) < 0 {
				res.Documents = append(res.Documents, d)
			}
			for _, s := range d.Sentences {
				if strings.Contains(s.Text, want.part) {
					claim.Members = append(claim.Members, compare.Ref{Doc: d.ID, Sentence: s.Index})
				}
			}
		}
	}
	res.Claims = []compare.Claim{claim}
	c := Compare(res, arts, nil)
	cf := c.Claims[0]
	var toll *NumberGroup
	for i, g := range cf.Numbers {
		for _, v := range g.Values {
			if v.Text == "23,000" {
				toll = &cf.Numbers[i]
			}
		}
	}
	if toll == nil {
		t.Fatalf("no group holds 23,000: %+v", cf.Numbers)
	}
	var got []string
	for _, v := range toll.Values {
		got = append(got, v.Doc[:3]+" "+v.Date+" "+v.Text)
	}
	want := []string{"000 2024-01-04 22,0000", "002 2024-01-09 23,000", "003 2023-12-30 20,000"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") || toll.Counts != "people" || !toll.Differ {
		t.Errorf("toll side by side = %q (%s, differ %v); want %q (people, differ)", got, toll.Counts, toll.Differ, want)
	}
	for _, v := range toll.Values {
		if v.Text == "1,200" {
			t.Errorf("the Oct. 7 toll 1,200 is set beside the Gaza toll: %+v", toll)
		}
	}
	for _, cell := range cf.Coverage {
		if cell.Position == "" {
			t.Errorf("empty position for %s", cell.Doc)
		}
	}
}

func TestPlace(t *testing.T) {
	d := compare.Document{}
	for i := 0; i < 9; i++ {
		role := compare.RoleBody
		if i == 1 {
			role = compare.RoleCaption
		}
		d.Sentences = append(d.Sentences, compare.Sentence{Index: i, Role: role})
	}
	// eight body sentences: 0, 2 lead; 3 first third (rank 2 of 8); 8 buried
	tests := []struct {
		sentence int
		want     Position
	}{{0, Lead}, {2, Lead}, {3, FirstThird}, {5, Middle}, {8, Buried}}
	for _, tt := range tests {
		if got := Place(d, tt.sentence); got != tt.want {
			t.Errorf("Place(sentence %d) = %s, want %s", tt.sentence, got, tt.want)
		}
	}
}

// TestNumberCaveats checks which hedges and caveats of its sentence a seed number
// carries: those that qualify it, not those about another clause.
func TestNumberCaveats(t *testing.T) {
	_, c := seedComparison(t)
	tests := []struct {
		name, doc, text string
		caveat          string // the caveat it must carry, "" for none
	}{
		{"reportedly, three words before", nyt003, "hundreds", "reportedly"},
		{"allegations that", ap001, "a dozen", "allegations"},
		{"caveat of the next sentence", toi002, "23,000", "cannot be independently verified"},
		{"between dashes, the hedge about Netanyahu outside", ap001, "fifth", ""},
		{"hedge about Netanyahu thirty words before", ap001, "a million", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := numberAs(t, report(t, c, tt.doc), tt.text)
			if tt.caveat != "" && !contains(n.Caveats, tt.caveat) {
				t.Errorf("%s %q caveats = %q, want %q", tt.doc, tt.text, n.Caveats, tt.caveat)
			}
			if tt.caveat == "" && len(n.Caveats) > 0 {
				t.Errorf("%s %q caveats = %q, want none", tt.doc, tt.text, n.Caveats)
			}
		})
	}
}

// TestLabelActors checks whom a seed label characterizes where the nearest name misleads.
func TestLabelActors(t *testing.T) {
	res, c := seedComparison(t)
	tests := []struct {
		name, doc, sentence, term string
		actor                     string // "" for none of the lexicon's actors
	}{
		{"a name right before the label claims it", nyt003, "Russia’s invasion of Ukraine", "invasion", ""},
		{"a possessive name before an allegation", toi002, "South Africa’s genocide allegations", "genocide", ""},
		{"the label inside an actor's name", nyt003, "support of the Biden administration to Israel", "administration", "United States"},
		{"the same label named before", cnn004, "The offensive sparked a barrage", "offensive", "Israel"},
		{"the definite armed group", ap001, "militant group", "militant group", "Hamas"},
		{"the attack recalled", nyt003, "As he learned about the attack on Oct. 7", "attack", "Hamas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report(t, c, tt.doc)
			var d *compare.Document
			for i := range res.Documents {
				if res.Documents[i].ID == tt.doc {
					d = &res.Documents[i]
				}
			}
			found := false
			for _, l := range r.Labels {
				if l.Term == tt.term && strings.Contains(d.Sentences[l.Sentence].Text, tt.sentence) {
					found = true
					if l.Actor != tt.actor {
						t.Errorf("%q in %q characterizes %q, want %q", tt.term, tt.sentence, l.Actor, tt.actor)
					}
				}
			}
			if !found {
				t.Fatalf("no label %q in a sentence of %s holding %q", tt.term, tt.doc, tt.sentence)
			}
		})
	}
}

// TestLabelOfUnknownGroup: a label right after a name the lexicon does not know is that
// group's, named as written, even after "the": "The PKK militants" were Hamas's, the
// group named before, and two outlets' words for the PKK were never set side by side.
func TestLabelOfUnknownGroup(t *testing.T) {
	text := "Hamas militants fired rockets at Ashkelon on Monday, the army said.\n\nThe PKK militants fled into Iraq."
	var got []string
	for _, l := range analyzeText(t, text).Labels {
		got = append(got, l.Term+": "+l.Actor)
	}
	want := []string{"militant: Hamas", "militant: PKK"}
	if !slices.Equal(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
}

// TestLabelAfterFirstWord: a name that opens its sentence is still a name where the
// article writes it capitalised inside a sentence and never in lower case ("Kurdish
// militants fled…" after "the Kurdish fighters"), and a plain opening word is not
// ("Armed militants…", "Some militants…": the article writes "armed" in lower case).
func TestLabelAfterFirstWord(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a name written again inside a sentence", "Turkish jets struck the Kurdish fighters near the border on Monday.\n\nKurdish militants fled into Iraq.", "militant: Kurdish"},
		{"a two-word name", "Police blamed the Al Shabaab fighters for the blast.\n\nAl Shabaab militants fled into Somalia.", "militant: Al Shabaab"},
		{"an opening word written in lower case too", "The town was armed and ready.\n\nArmed militants fled into the hills.", "militant: "},
		{"an opening word written nowhere else", "Rockets hit the town on Monday.\n\nMasked militants fled into the hills.", "militant: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range analyzeText(t, tt.text).Labels {
				if l.Term == "militant" {
					got = append(got, l.Term+": "+l.Actor)
				}
			}
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("labels %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUnknownActorCompared: two outlets' words for a group the lexicon does not know are
// set side by side, as for those it knows ("Al-Shabaab is called: militant; terrorist").
func TestUnknownActorCompared(t *testing.T) {
	arts := []compare.Article{
		{ID: "a", Outlet: "A", Text: "Rockets hit the town on Monday.\n\nPolice said Al-Shabaab militants fled into Somalia."},
		{ID: "b", Outlet: "B", Text: "Rockets hit the town on Monday.\n\nPolice said Al-Shabaab terrorists fled into Somalia."},
	}
	res, err := compare.Compare(arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, cf := range Compare(res, arts, nil).Claims {
		for _, al := range cf.Labels {
			if al.Actor == "Al-Shabaab" && al.Differ && len(al.Uses) == 2 {
				return
			}
		}
	}
	t.Error("no claim sets the outlets' words for Al-Shabaab side by side")
}

// TestTitleCaseNoActor: in a Title Case headline every word is capitalised, so the words
// before a label are no name ("Microsoft Rushes Emergency Fix To Address Internet
// Explorer Attacks", ECB+ 27_4ecbplus, was read as a group called attacks).
func TestTitleCaseNoActor(t *testing.T) {
	for _, l := range analyzeText(t, "Microsoft Rushes Emergency Fix To Address Internet Explorer Attacks").Labels {
		if l.Actor != "" {
			t.Errorf("%q characterizes %q", l.Text, l.Actor)
		}
	}
}

// NewMembers(d, r).At and placer give what reading the document and the report for
// each sentence gives (Place, and the findings whose Sentence it is), for every
// sentence of the seeds and for indexes no sentence has.
func TestMembersAt(t *testing.T) {
	res, err := compare.Compare(seeds.Articles(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := Compare(res, seeds.Articles(), nil)
	for i, d := range res.Documents {
		r, ms, place := c.Articles[i], NewMembers(d, c.Articles[i]), placer(d)
		for s := -1; s <= len(d.Sentences); s++ {
			m := ms.At(s)
			want := Member{Doc: d.ID, Outlet: d.Outlet, Date: d.Date, Sentence: s, Position: Place(d, s), Speakers: []string{}}
			want.Labels = slices.DeleteFunc(slices.Clone(r.Labels), func(l Label) bool { return l.Sentence != s })
			want.Attributions = slices.DeleteFunc(slices.Clone(r.Attributions), func(a Attribution) bool { return a.Sentence != s })
			want.Numbers = slices.DeleteFunc(slices.Clone(r.Numbers), func(n Number) bool { return n.Sentence != s })
			if place(s) != want.Position || m.Position != want.Position || m.Doc != d.ID || m.Outlet != d.Outlet || m.Date != d.Date || m.Sentence != s ||
				len(m.Labels) != len(want.Labels) || len(m.Attributions) != len(want.Attributions) || len(m.Numbers) != len(want.Numbers) ||
				m.Labels == nil || m.Attributions == nil || m.Numbers == nil || m.Speakers == nil {
				t.Errorf("%s sentence %d: NewMembers.At = %+v, want %+v (placer %s)", d.ID, s, m, want, place(s))
				continue
			}
			for k := range want.Labels {
				if m.Labels[k] != want.Labels[k] {
					t.Errorf("%s sentence %d: label %d = %+v, want %+v", d.ID, s, k, m.Labels[k], want.Labels[k])
				}
			}
			for k := range want.Attributions {
				if m.Attributions[k] != want.Attributions[k] {
					t.Errorf("%s sentence %d: attribution %d = %+v, want %+v", d.ID, s, k, m.Attributions[k], want.Attributions[k])
				}
			}
			for k := range want.Numbers {
				if m.Numbers[k].Start != want.Numbers[k].Start || m.Numbers[k].Text != want.Numbers[k].Text {
					t.Errorf("%s sentence %d: number %d = %+v, want %+v", d.ID, s, k, m.Numbers[k], want.Numbers[k])
				}
			}
		}
	}
}
