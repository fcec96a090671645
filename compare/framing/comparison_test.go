package framing

import (
	"testing"

	"parallax/compare"
)

// TestSingular checks how what a number counts is folded to group numbers: ECB+ gave
// groups named "partie" and "plainclothe".
func TestSingular(t *testing.T) {
	for in, want := range map[string]string{
		"hostages": "hostage", "parties": "party", "boxes": "box", "witnesses": "witness", "plainclothes": "plainclothes",
		"churches": "church", "yards": "yard", "press": "press", "gas": "gas",
	} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNumbersDiffer: two outlets' figures for one claim differ when each gives one the
// other does not; the same figures in another order, or one figure more, are no
// difference (two outlets agreeing on 12 dead and 30 injured were flagged).
func TestNumbersDiffer(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		differ bool
	}{
		{"the same figures in another order",
			"A bus crash on Highway 9 on Monday killed 12 people and injured 30 people, police said.",
			"Thirty people were injured and 12 people died when a bus crashed on Highway 9 on Monday, police said.", false},
		{"one figure more",
			"A bus crash on Highway 9 on Monday killed 12 people and injured 30 people, police said.",
			"A bus crash on Highway 9 on Monday killed 12 people, police said.", false},
		{"another toll",
			"A bus crash on Highway 9 on Monday killed 12 people, police said.",
			"A bus crash on Highway 9 on Monday killed 14 people, police said.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := []compare.Article{{ID: "a", Outlet: "A", Text: tt.a}, {ID: "b", Outlet: "B", Text: tt.b}}
			res, err := compare.Compare(arts, nil)
			if err != nil {
				t.Fatal(err)
			}
			c := Compare(res, arts, nil)
			if len(c.Claims) != 1 {
				t.Fatalf("%d claims, want the crash as one", len(c.Claims))
			}
			got := false
			for _, g := range c.Claims[0].Numbers {
				if g.Counts == "people" {
					got = g.Differ
				}
			}
			if got != tt.differ {
				t.Errorf("people's figures differ = %v, want %v: %+v", got, tt.differ, c.Claims[0].Numbers)
			}
		})
	}
}
