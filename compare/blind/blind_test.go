package blind

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/seeds"
)

// TestMaskSeeds masks the demo corpus and checks that no outlet or reporter can be
// read from what students see, and that the articles keep their shape.
func TestMaskSeeds(t *testing.T) {
	arts := seeds.Articles()
	k := NewKey(arts, 7)
	ms := Mask(arts, k)
	if len(ms) != len(arts) {
		t.Fatalf("Mask returned %d articles for %d", len(ms), len(arts))
	}
	// Every way the seeds name an outlet or a reporter.
	giveaways := regexp.MustCompile(`(?i)\b(cnn|times of israel|new york times|associated press|ap news|republished|lazar berman|jennifer hansler|emanuel fabian|jacob magid|helene cooper|eric schmitt|michael crowley|ronen bergman)\b|\bAP\b`)
	var ids []string
	for _, m := range ms {
		for what, s := range map[string]string{"outlet": m.Outlet, "id": m.ID, "title": m.Title, "text": m.Text} {
			if loc := giveaways.FindStringIndex(s); loc != nil {
				t.Errorf("%s (%s): %s gives the outlet away: %q", m.ID, m.OriginalID, what, context(s, loc[0], loc[1]))
			}
		}
		if !strings.HasPrefix(m.Outlet, "Outlet ") {
			t.Errorf("%s: outlet %q is not a pseudonym", m.ID, m.Outlet)
		}
		ids = append(ids, m.ID)

		orig := arts[indexOf(arts, m.OriginalID)]
		d0, d1 := compare.Parse(orig), compare.Parse(m.Article)
		if len(d0.Sentences) != len(d1.Sentences) {
			t.Errorf("%s: %d sentences masked, %d in the original", m.ID, len(d1.Sentences), len(d0.Sentences))
			continue
		}
		if !slices.EqualFunc(d0.Debris, d1.Debris, func(a, b compare.Debris) bool { return a.Kind == b.Kind }) {
			t.Errorf("%s: debris kinds differ after masking:\n%v\n%v", m.ID, kinds(d0.Debris), kinds(d1.Debris))
		}
		for i, s := range d1.Sentences {
			if got, want := m.Original(s.Start), d0.Sentences[i].Start; got != want {
				t.Errorf("%s: sentence %d starts at %d masked, which maps to %d, not %d", m.ID, i, s.Start, got, want)
			}
		}
	}
	// Letters come in order; two articles of one outlet share one.
	seconds := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return !strings.HasSuffix(id, "-2") })
	if len(k.Outlets) != 4 || len(seconds) != 1 || !slices.Contains(ids, strings.TrimSuffix(seconds[0], "-2")) {
		t.Errorf("ids %v with %d outlets: want four letters, the two New York Times articles sharing one", ids, len(k.Outlets))
	}
	for i := 1; i < len(ms); i++ {
		if ms[i-1].Outlet > ms[i].Outlet {
			t.Errorf("articles not in letter order: %s before %s", ms[i-1].Outlet, ms[i].Outlet)
		}
	}
}

func TestMaskPhrases(t *testing.T) {
	tests := []struct {
		outlet, text, want string
	}{
		{"CNN", "A senior US official told CNN on Tuesday.", "A senior US official told Outlet A on Tuesday."},
		{"CNN", "CNN  —\nThe CNN’s reporter said so.", "Outlet A  —\nThe Outlet A’s reporter said so."},
		{"cnn", "He told CNN.", "He told Outlet A."},
		{"CNN", "CNNMoney and ACNN are other words.", "CNNMoney and ACNN are other words."},
		{"The Times of Israel", "Blinken is hopeful, The Times of Israel has learned.", "Blinken is hopeful, Outlet A has learned."},
		{"The Times of Israel", "as the times of israel reported", "as Outlet A reported"},
		{"Associated Press (as republished)", "Blinken left, according to AP News.", "Blinken left, according to Outlet A."},
		{"Associated Press (as republished)", "(Photo via AP) The Associated Press said. APPLE is not AP.", "(Photo via Outlet A) The Outlet A said. APPLE is not Outlet A."},
		{"The New York Times", "Hagari told The New York Times and NYT readers (nytimes.com).", "Hagari told Outlet A and Outlet A readers (Outlet A)."},
		{"Al Jazeera", "", ""},
		{"Le Monde", "Le Monde a appris que…", "Outlet A a appris que…"},
		{"CNN", "By Jennifer Hansler, CNN\nJennifer Hansler wrote it.", "By Reporter One, Outlet A\nReporter One wrote it."},
		{"The Times of Israel", "Lazar Berman is The Times of Israel's diplomatic reporter\nBody text.", "Reporter One is Outlet A's diplomatic reporter\nBody text."},
		{"The New York Times", "Text.\nReporting was contributed by Helene Cooper from Washington, and Ronen Bergman from Tel Aviv.", "Text.\nReporting was contributed by Reporter One from Washington, and Reporter Two from Tel Aviv."},
	}
	for _, tt := range tests {
		arts := []compare.Article{{ID: "x", Outlet: tt.outlet, Text: tt.text}}
		ms := Mask(arts, NewKey(arts, 1))
		if got := ms[0].Text; got != tt.want {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.outlet, tt.text, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	arts := seeds.Articles()
	a, b := NewKey(arts, 3), NewKey(arts, 3)
	if !slices.Equal(a.Outlets, b.Outlets) {
		t.Errorf("the same seed gave two keys: %v, %v", a.Outlets, b.Outlets)
	}
	differ := false
	for seed := uint64(0); seed < 20 && !differ; seed++ {
		differ = !slices.Equal(NewKey(arts, seed).Outlets, a.Outlets)
	}
	if !differ {
		t.Errorf("20 seeds gave the same order of letters: the order does not depend on the seed")
	}
	more := append(slices.Clone(arts), compare.Article{ID: "bbc", Outlet: "BBC News", Text: "x"})
	if k := a.Extend(more); !slices.Equal(k.Outlets[:len(a.Outlets)], a.Outlets) || k.NameOf("BBC News") != "Outlet E" {
		t.Errorf("Extend changed the letters or missed the new outlet: %v", k.Outlets)
	}
	if a.Covers(more) || !a.Covers(arts) {
		t.Errorf("Covers is wrong")
	}
	if a.NameOf("  The   New York Times ") == "" || a.NameOf("BBC") != "" {
		t.Errorf("NameOf: %q, %q", a.NameOf("The New York Times"), a.NameOf("BBC"))
	}
	for i, want := range map[int]string{0: "Outlet A", 25: "Outlet Z", 26: "Outlet AA", 27: "Outlet AB", 59: "Outlet BH"} {
		if got := Name(i); got != want {
			t.Errorf("Name(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestKeep puts back a piece of debris in the original and checks that the masked
// article puts back the same piece.
func TestKeep(t *testing.T) {
	arts := seeds.Articles()
	i := slices.IndexFunc(arts, func(a compare.Article) bool { return a.Outlet == "CNN" })
	d := compare.Parse(arts[i])
	var byline compare.Debris
	for _, db := range d.Debris {
		if db.Kind == compare.DebrisByline {
			byline = db
		}
	}
	if byline.Text == "" {
		t.Fatal("the CNN seed has no byline to put back")
	}
	arts[i].Keep = []int{byline.Start}
	ms := Mask(arts, NewKey(arts, 1))
	m := ms[slices.IndexFunc(ms, func(m Article) bool { return m.OriginalID == arts[i].ID })]
	md := compare.Parse(m.Article)
	if len(md.Sentences) != len(d.Sentences)+1 {
		t.Errorf("the byline put back in the original is not put back in the masked article: %d sentences, want %d", len(md.Sentences), len(d.Sentences)+1)
	}
	if got := m.Original(m.Keep[0]); got != byline.Start {
		t.Errorf("Keep maps back to %d, want %d", got, byline.Start)
	}
}

func FuzzMask(f *testing.F) {
	f.Add("CNN", "By Jennifer Hansler, CNN\nCNN —\nA senior official told CNN on Tuesday.")
	f.Add("The Times of Israel", "The Times of Israel has learned that… Lazar Berman is The Times of Israel's reporter")
	f.Add("é", "ééé é")
	f.Fuzz(func(t *testing.T, outlet, text string) {
		arts := []compare.Article{{ID: "a", Outlet: outlet, Text: text}, {ID: "b", Outlet: "AP", Text: text}}
		for _, m := range Mask(arts, NewKey(arts, 1)) {
			// Undoing the edits gives the original text back.
			var b strings.Builder
			last := 0
			for _, e := range m.edits {
				if e.At < last || m.Text[e.At:e.At+len(e.With)] != e.With {
					t.Fatalf("edit %+v does not fit the masked text", e)
				}
				b.WriteString(m.Text[last:e.At])
				b.WriteString(text[e.From:e.To])
				last = e.At + len(e.With)
			}
			b.WriteString(m.Text[last:])
			if b.String() != text {
				t.Fatalf("undoing the edits gives %q, not %q", b.String(), text)
			}
			for off := 0; off <= len(text); off++ {
				mo := m.Masked(off)
				if mo < 0 || mo > len(m.Text) {
					t.Fatalf("Masked(%d) = %d, out of 0..%d", off, mo, len(m.Text))
				}
				if o := m.Original(mo); o > off {
					t.Fatalf("Original(Masked(%d)) = %d, after it", off, o)
				}
			}
		}
	})
}

func kinds(ds []compare.Debris) []compare.DebrisKind {
	var out []compare.DebrisKind
	for _, d := range ds {
		out = append(out, d.Kind)
	}
	return out
}

func context(s string, i, j int) string { return s[max(0, i-30):min(len(s), j+30)] }
