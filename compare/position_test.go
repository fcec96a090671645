package compare

import (
	"slices"
	"testing"
)

func TestVoicesPosition(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Blinken assured Arab leaders that Washington opposes the forcible displacement of Palestinians from Gaza.", true},
		{"The top US diplomat said that Saudi Arabia still has a “strong interest” in normalizing relations with Israel.", true},
		{"“On all of my previous visits here, we have pressed Israel in concrete ways to strengthen civilian protection.”", true},
		{"“They cannot, they must not, be pressed to leave Gaza,” Blinken said.", true},
		{"Netanyahu vowed that Israel would fight on to achieve “absolute victory.”", true},
		{"Israel won’t accept a Palestinian state, Netanyahu said.", true},
		{"“And we will continue to work relentlessly to achieve it,” Blinken said at a press conference in Doha Tuesday.", false}, // a press conference is not pressing
		{"He also plans to visit the West Bank headquarters of the Palestinian Authority.", false},
		{"Blinken took a call from the Saudi crown prince.", false},
		{"Some families of Gaza hostages rallied outside the meeting.", false},
		{"", false},
	} {
		if got := voicesPosition(tc.text); got != tc.want {
			t.Errorf("voicesPosition(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestForenames(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sents []string
		want  []string // the terms read as forenames, in order
	}{
		{"a forename before a surname written alone elsewhere",
			[]string{"Prime Minister Benjamin Netanyahu met Blinken.", "Mr. Netanyahu refused."},
			[]string{"benjamin"}},
		{"a name whose second half never stands alone keeps both",
			[]string{"Blinken met President Isaac Herzog.", "Isaac Herzog spoke first."},
			nil},
		{"a place whose second name never stands alone keeps both",
			[]string{"Blinken returned to the Middle East.", "The Middle East was quiet."},
			nil},
		{"the first word of a sentence is not a name",
			[]string{"Benjamin Netanyahu met Blinken.", "Netanyahu refused."},
			nil},
		{"initials between forename and surname",
			[]string{"Secretary of State Antony J. Blinken is returning.", "Blinken met Herzog."},
			[]string{"antoni"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			all := make([][]term, len(tc.sents))
			for i, s := range tc.sents {
				all[i] = terms(s)
			}
			var got []string
			for i, fs := range forenames(all) {
				for j, f := range fs {
					if f {
						got = append(got, all[i][j].key)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("forenames = %q, want %q", got, tc.want)
			}
		})
	}
}
