package framing

import "testing"

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
