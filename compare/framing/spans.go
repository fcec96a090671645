package framing

import "sort"

// spanIndex finds which of a list of byte ranges [start, end) hold an offset, in
// logarithmic time: a long article has thousands of quotations and tens of thousands
// of words and numbers to look up, and a scan of every range for each (as the analysis
// did) took seconds on a 2 MB article. The ranges may overlap and come in any order.
type spanIndex struct {
	order  []int // the ranges' positions in the caller's list, by start
	starts []int // their starts, in that order
	ends   []int
	reach  []int // reach[k]: the largest end among order[:k+1]
}

func newSpanIndex(n int, span func(i int) (start, end int)) spanIndex {
	x := spanIndex{order: make([]int, n), starts: make([]int, n), ends: make([]int, n), reach: make([]int, n)}
	for i := range x.order {
		x.order[i] = i
	}
	sort.SliceStable(x.order, func(i, j int) bool {
		si, _ := span(x.order[i])
		sj, _ := span(x.order[j])
		return si < sj
	})
	for k, i := range x.order {
		x.starts[k], x.ends[k] = span(i)
		x.reach[k] = x.ends[k]
		if k > 0 {
			x.reach[k] = max(x.reach[k], x.reach[k-1])
		}
	}
	return x
}

// holds reports whether some range has start <= p < end.
func (x spanIndex) holds(p int) bool {
	k := sort.SearchInts(x.starts, p+1) // the ranges starting at p or before: [:k]
	return k > 0 && x.reach[k-1] > p
}

// last returns the position in the caller's list of the last range (in the caller's
// order) with start <= from and end >= to that ok accepts, or -1.
func (x spanIndex) last(from, to int, ok func(i int) bool) int {
	best := -1
	for k := sort.SearchInts(x.starts, from+1) - 1; k >= 0 && x.reach[k] >= to; k-- {
		if i := x.order[k]; i > best && x.ends[k] >= to && ok(i) {
			best = i
		}
	}
	return best
}
