package compare

import (
	"slices"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []string // keys both must contain
	}{
		{"us aliases", "U.S. officials said", "officials in the United States", []string{"usa", "offici"}},
		{"us short", "the US pressed Israel", "Washington pressed Israelis", []string{"usa", "israel", "press"}},
		{"numbers with commas", "killing some 1,200 people", "killed 1200 people", []string{"#1200", "die", "peopl"}},
		{"dates", "on Oct. 7", "on October 7th", []string{"@oct-7"}},
		{"typo number does not crash", "more than 22,0000 Palestinians", "22,0000 Palestinians", []string{"#220000", "palestinian"}},
		{"names and titles", "Mr. Netanyahu refused", "Netanyahu's refusal", []string{"netanyahu", "refus"}},
		{"irregular verbs", "Blinken met Herzog", "Blinken meets Herzog", []string{"blinken", "meet", "herzog"}},
		{"captivity paraphrase", "kidnapping over 240", "seized 240 hostages", []string{"hostag", "#240"}},
		{"cease-fire", "a cease-fire plan", "the ceasefire", []string{"ceasefir"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta, tb := Terms(tt.a), Terms(tt.b)
			for _, k := range tt.want {
				if !slices.Contains(ta, k) || !slices.Contains(tb, k) {
					t.Errorf("Terms(%q) = %v, Terms(%q) = %v; want both to contain %q", tt.a, ta, tt.b, tb, k)
				}
			}
		})
	}
}
