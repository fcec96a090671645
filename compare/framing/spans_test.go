package framing

import (
	"math/rand/v2"
	"testing"
)

// spanIndex answers as a scan of every range does, for ranges in any order, nested,
// overlapping, empty or touching.
func TestSpanIndex(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spans [][2]int
	}{
		{"none", nil},
		{"one", [][2]int{{3, 7}}},
		{"touching", [][2]int{{0, 4}, {4, 9}, {9, 12}}},
		{"out of order", [][2]int{{20, 30}, {0, 5}, {10, 12}}},
		{"nested", [][2]int{{0, 50}, {10, 20}, {12, 14}}},
		{"overlapping", [][2]int{{0, 10}, {5, 15}, {8, 30}, {2, 3}}},
		{"empty", [][2]int{{5, 5}, {1, 2}}},
		{"random", randomSpans(rand.New(rand.NewPCG(1, 2)), 300)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := newSpanIndex(len(tc.spans), func(i int) (int, int) { return tc.spans[i][0], tc.spans[i][1] })
			for p := -2; p < 140; p++ {
				want := false
				for _, s := range tc.spans {
					want = want || (s[0] <= p && p < s[1])
				}
				if got := x.holds(p); got != want {
					t.Errorf("holds(%d) = %v, a scan says %v", p, got, want)
				}
				for to := p; to < p+6; to++ {
					odd := func(i int) bool { return i%2 == 1 }
					wantLast := -1
					for i, s := range tc.spans {
						if s[0] <= p && s[1] >= to && odd(i) {
							wantLast = i
						}
					}
					if got := x.last(p, to, odd); got != wantLast {
						t.Errorf("last(%d, %d) = %d, a scan says %d", p, to, got, wantLast)
					}
				}
			}
		})
	}
}

func randomSpans(r *rand.Rand, n int) [][2]int {
	out := make([][2]int, n)
	for i := range out {
		s := r.IntN(130)
		out[i] = [2]int{s, s + r.IntN(12)}
	}
	return out
}
