package compare

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestClean(t *testing.T) {
	type found struct {
		kind DebrisKind
		text string
	}
	tests := []struct {
		name     string
		text     string
		headline string
		subhead  string
		debris   []found
		roles    map[string]Role // sentence text → role
	}{
		{
			name: "cnn page",
			text: "Middle East\n\nBlinken set for crucial meetings in Israel\n\nBy Jennifer Hansler, CNN\n\nCNN\u00a0 —\u00a0\n\n" +
				"Blinken is in Israel Wednesday.\n\nTalks not expected to be easy\n\nThe talks began.\n\nRelated Articles\n\nBack to top button",
			headline: "Blinken set for crucial meetings in Israel",
			debris: []found{{DebrisSection, "Middle East"}, {DebrisByline, "By Jennifer Hansler, CNN"},
				{DebrisDateline, "CNN\u00a0 —"}, {DebrisNavigation, "Related Articles"}, {DebrisNavigation, "Back to top button"}},
			roles: map[string]Role{"Blinken set for crucial meetings in Israel": RoleHeadline,
				"Blinken is in Israel Wednesday.": RoleBody, "Talks not expected to be easy": RoleSubhead},
		},
		{
			name: "captions, credits and a repeated caption",
			text: "Blinken meets war leadership\n\nBiden dispatches secretary of state to verify a reduction in fighting\n\n" +
				"Lazar Berman is The Times of Israel's diplomatic reporter\n\n" +
				"Netanyahu meets Blinken in Tel Aviv, January 9, 2024. (Kobi Gideon/GPO)\n" +
				"Netanyahu meets Blinken in Tel Aviv, January 9, 2024. (Kobi Gideon/GPO)\n\n" +
				"Senior Israeli leaders met Blinken on Tuesday.\n\nA man in Rafah, on December 13, 2023. (MAHMUD HAMS / AFP)\n\n" +
				"Emanuel Fabian and Jacob Magid contributed to this report.\n\nMost Popular\nread more:",
			headline: "Blinken meets war leadership",
			subhead:  "Biden dispatches secretary of state to verify a reduction in fighting",
			debris: []found{{DebrisByline, "Lazar Berman is The Times of Israel's diplomatic reporter"},
				{DebrisCredit, "(Kobi Gideon/GPO)"},
				{DebrisDuplicate, "Netanyahu meets Blinken in Tel Aviv, January 9, 2024. (Kobi Gideon/GPO)"},
				{DebrisCredit, "(MAHMUD HAMS / AFP)"},
				{DebrisContributors, "Emanuel Fabian and Jacob Magid contributed to this report."},
				{DebrisNavigation, "Most Popular"}, {DebrisNavigation, "read more:"}},
			roles: map[string]Role{"Netanyahu meets Blinken in Tel Aviv, January 9, 2024.": RoleCaption,
				"A man in Rafah, on December 13, 2023.": RoleCaption, "Senior Israeli leaders met Blinken on Tuesday.": RoleBody,
				"Biden dispatches secretary of state to verify a reduction in fighting": RoleSubhead},
		},
		{
			name:   "wire dateline opening the first paragraph",
			text:   "WASHINGTON (AP) — Blinken left the Middle East on Thursday. He flew home.",
			debris: []found{{DebrisDateline, "WASHINGTON (AP) —"}},
			roles:  map[string]Role{"Blinken left the Middle East on Thursday.": RoleBody},
		},
		{
			name: "other stories listed after a marker are navigation",
			text: "The ceasefire held on Monday.\n\nMost Popular\nIsrael strikes Gaza again\nWhat we know about the hostages",
			debris: []found{{DebrisNavigation, "Most Popular"}, {DebrisNavigation, "Israel strikes Gaza again"},
				{DebrisNavigation, "What we know about the hostages"}},
		},
		{
			name:  "body text that looks like debris is kept",
			text:  "By Tuesday, officials expect a deal.\n\nBy the way, the envoy said no.\n\nJohn Smith is a reporter who was detained in Gaza.",
			roles: map[string]Role{"By Tuesday, officials expect a deal.": RoleBody, "By the way, the envoy said no.": RoleBody},
		},
		{
			name:  "soft-wrapped lines are one paragraph",
			text:  "Secretary of State Antony J. Blinken is returning to the\nMiddle East this week with the goals of getting Israel to\ncurtail attacks.",
			roles: map[string]Role{"Secretary of State Antony J. Blinken is returning to the\nMiddle East this week with the goals of getting Israel to\ncurtail attacks.": RoleBody},
		},
		{
			name:     "one sentence per line (ECB+ style) stays intact",
			text:     "Lindsay Lohan checks into rehab\nLohan entered the Betty Ford clinic on Thursday.\nHer lawyer confirmed it.",
			headline: "Lindsay Lohan checks into rehab",
			roles:    map[string]Role{"Lohan entered the Betty Ford clinic on Thursday.": RoleBody, "Her lawyer confirmed it.": RoleBody},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(Article{ID: "t", Text: tt.text})
			checkSpans(t, tt.text, d)
			if d.Headline != tt.headline || d.Subhead != tt.subhead {
				t.Errorf("headline, subhead = %q, %q; want %q, %q", d.Headline, d.Subhead, tt.headline, tt.subhead)
			}
			var got []found
			for _, db := range d.Debris {
				got = append(got, found{db.Kind, db.Text})
			}
			if len(got) != len(tt.debris) {
				t.Errorf("debris = %q\nwant %q", got, tt.debris)
			} else {
				for i := range got {
					if got[i] != tt.debris[i] {
						t.Errorf("debris %d = %q, want %q", i, got[i], tt.debris[i])
					}
				}
			}
			roles := map[string]Role{}
			for _, s := range d.Sentences {
				roles[s.Text] = s.Role
			}
			for text, role := range tt.roles {
				if roles[text] != role {
					t.Errorf("sentence %q: role %q, want %q (sentences: %q)", text, roles[text], role, roles)
				}
			}
		})
	}
}

// TestParseRestore checks that debris the reader restores comes back as body text.
func TestParseRestore(t *testing.T) {
	text := "Blinken left.\n\nMost Popular\n\nHe flew home."
	d := Parse(Article{ID: "t", Text: text})
	if len(d.Debris) != 1 {
		t.Fatalf("debris = %+v, want Most Popular", d.Debris)
	}
	r := Parse(Article{ID: "t", Text: text, Keep: []int{d.Debris[0].Start}})
	if len(r.Debris) != 0 || len(r.Sentences) != 3 || r.Sentences[1].Text != "Most Popular" || r.Sentences[1].Index != 1 {
		t.Fatalf("after restoring, sentences = %+v, debris = %+v", r.Sentences, r.Debris)
	}
}

// TestParseSeeds compares the cleaned and split seeds with golden files: every sentence
// with its role and offsets, every piece of debris. Run `make golden` after a deliberate
// change and review the diff.
func TestParseSeeds(t *testing.T) {
	for _, a := range seedArticles(t) {
		t.Run(a.ID, func(t *testing.T) {
			d := Parse(a)
			checkSpans(t, a.Text, d)
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(struct {
				Headline  string     `json:"headline"`
				Subhead   string     `json:"subhead"`
				Sentences []Sentence `json:"sentences"`
				Debris    []Debris   `json:"debris"`
			}{d.Headline, d.Subhead, d.Sentences, d.Debris}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "parse", a.ID+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run `make golden` to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("Parse(%s) differs from %s; run `make golden` and review the diff if the change is intended", a.ID, path)
			}
		})
	}
}

// TestSeedDebris checks the debris the issue names, found in the seeds.
func TestSeedDebris(t *testing.T) {
	want := map[string][]string{
		"002": {"navigation:Most Popular", "navigation:read more:", "credit:(Kobi Gideon/GPO)",
			"byline:Lazar Berman is The Times of Israel's diplomatic reporter", "contributors:Emanuel Fabian and Jacob Magid contributed to this report."},
		"003": {"contributors:Reporting was contributed by"},
		"004": {"section:Middle East", "byline:By Jennifer Hansler, CNN", "dateline:CNN", "navigation:Related Articles", "navigation:Back to top button"},
	}
	for _, a := range seedArticles(t) {
		d := Parse(a)
		var got []string
		dup := 0
		for _, db := range d.Debris {
			got = append(got, string(db.Kind)+":"+db.Text)
			if db.Kind == DebrisDuplicate {
				dup++
			}
		}
		all := strings.Join(got, "\n")
		for _, w := range want[a.ID[:3]] {
			if !strings.Contains(all, w) {
				t.Errorf("%s: debris lacks %q; found:\n%s", a.ID, w, all)
			}
		}
		if a.ID[:3] == "002" && dup != 1 {
			t.Errorf("002: %d duplicates set aside, want the repeated Kirya caption once", dup)
		}
		if (a.ID[:3] == "000" || a.ID[:3] == "001") && len(d.Debris) != 0 {
			t.Errorf("%s is clean body text, but Clean set aside %q", a.ID, all)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Middle East\n\nHeadline\n\nBy A B, CNN\n\nCNN —\n\nBody. Text.\n\nMost Popular\nread more:",
		"(A/B)\n(A/B)\nx", "By \n\n—", "\n\n\n", "A caption. (AP Photo/X)", "WASHINGTON (AP) — Text."} {
		f.Add(s)
	}
	for _, a := range seedArticles(f) {
		f.Add(a.Text[:min(len(a.Text), 3000)])
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Parse(Article{ID: "f", Text: text}))
	})
}
