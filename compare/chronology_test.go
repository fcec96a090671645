package compare

import (
	"strings"
	"testing"
	"time"
)

func TestToldInPast(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The Israeli leader then sent his right-hand adviser, Ron Dermer, to Washington.", true},
		{"Netanyahu sent Dermer, who assured Blinken that Israel would soon shift.", true}, // "would" in narration
		{"He said he would press Israel to protect civilians.", false},                     // "said … would" announces
		{"Blinken said the talks were hard.", true},
		{"His meeting in Warsaw was the product of weeks of calls.", true},
		{"Blinken met Netanyahu two weeks ago.", true},
		{"Blinken will meet Netanyahu in Tel Aviv.", false},
		{"Officials said he’ll travel to Israel.", false}, // curly apostrophe
		{"Officials said he'll travel to Israel.", false},
		{"The visit was scheduled for Jan. 9.", false},
		{"Secretary of State Antony J. Blinken is returning to the Middle East this week.", false}, // a preview, no past form
		{"Israel launched a wide-scale offensive.", false},                                         // regular pasts are not read: "-ed" is as often "United"
		{"", false},
	} {
		if got := toldInPast(tc.text); got != tc.want {
			t.Errorf("toldInPast(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestLatestDay(t *testing.T) {
	date := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		text, pub, want string // want "" for none
	}{
		{"Herzog meets Blinken in Tel Aviv on January 9, 2024.", "2024-01-09", "2024-01-09"},
		{"A four-hour meeting on Dec. 26 at the White House.", "2024-01-09", "2023-12-26"},
		{"Since Oct. 7, and again on January 7, Blinken has met him.", "2024-01-09", "2024-01-07"},
		{"He plans to return on Jan. 9.", "2023-12-30", ""},                               // a plan, not an event
		{"The truce, agreed on Dec. 28, expires on Jan. 15.", "2024-01-09", "2023-12-28"}, // the expiry is a plan
		{"Blinken met Netanyahu in Tel Aviv on Tuesday.", "2024-01-09", ""},
		{"The talks in January went on.", "2024-01-09", ""}, // a month alone dates nothing
	} {
		ts := terms(tc.text)
		got, ok := latestDay(ts, date(tc.pub))
		switch {
		case tc.want == "" && ok:
			t.Errorf("%q: dated %s, want no date", tc.text, got.Format("2006-01-02"))
		case tc.want != "" && (!ok || !got.Equal(date(tc.want))):
			t.Errorf("%q (published %s): %s, %v, want %s", tc.text, tc.pub, got.Format("2006-01-02"), ok, tc.want)
		}
	}
}

// TestAlignChronology: an article cannot tell in the past an event dated after it was
// published, but a preview can announce it.
func TestAlignChronology(t *testing.T) {
	later := Article{ID: "later", Outlet: "Later", Date: "2024-01-09",
		Text: "Blinken met Netanyahu and Herzog in Tel Aviv on January 9 to press for a pause in the fighting and the release of the hostages."}
	for _, tc := range []struct {
		name, date, text string
		together         bool
	}{
		{"an earlier meeting, told in the past", "2024-01-04",
			"Blinken met Netanyahu and Herzog in Tel Aviv to press for a pause in the fighting and the release of the hostages.", false},
		{"a preview", "2024-01-04",
			"Blinken will meet Netanyahu and Herzog in Tel Aviv to press for a pause in the fighting and the release of the hostages.", true},
		{"a report published after the date", "2024-01-10",
			"Blinken met Netanyahu and Herzog in Tel Aviv to press for a pause in the fighting and the release of the hostages.", true},
		{"an article without a date", "",
			"Blinken met Netanyahu and Herzog in Tel Aviv to press for a pause in the fighting and the release of the hostages.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Compare([]Article{{ID: "earlier", Outlet: "Earlier", Date: tc.date, Text: tc.text}, later}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(res.Claims) == 1; got != tc.together {
				t.Errorf("one claim: %v, want %v (%d claims)", got, tc.together, len(res.Claims))
			}
		})
	}

	// Across occasions (more than ten days apart) sentences are linked only as a standing
	// position voiced again, which a later date does not rule out.
	position := []Article{
		{ID: "january", Outlet: "Earlier", Date: "2024-01-04", Text: "Blinken said the United States opposes the forced displacement of Palestinians from Gaza."},
		{ID: "february", Outlet: "Later", Date: "2024-02-07", Text: "On February 6, Blinken said the United States opposes the forced displacement of Palestinians from Gaza."},
	}
	if res, err := Compare(position, nil); err != nil || len(res.Claims) != 1 || len(res.Occasions) != 2 {
		t.Errorf("a position voiced again a month later: %v; want one claim across two occasions", err)
	}

	// In the seeds: The New York Times of December 30 (003) tells of Ron Dermer's meeting
	// at the White House after Christmas, in words much like those The Times of Israel
	// (002) uses for Blinken's meetings in Tel Aviv on January 9.
	res, err := Compare(seedArticles(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	docOf := map[string]*Document{}
	for i := range res.Documents {
		docOf[res.Documents[i].ID] = &res.Documents[i]
	}
	holds := func(c Claim, prefix, quote string) bool {
		for _, m := range c.Members {
			if strings.HasPrefix(m.Doc, prefix) && strings.Contains(docOf[m.Doc].Sentences[m.Sentence].Text, quote) {
				return true
			}
		}
		return false
	}
	for _, c := range res.Claims {
		if holds(c, "003", "Ron Dermer, to Washington") && holds(c, "002", "on January 9, 2024") {
			t.Errorf("claim %s holds 003's December meeting and 002's of January 9: %+v", c.ID, c.Members)
		}
	}
}
