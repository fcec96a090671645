package compare

// group is a claim under construction.
type group struct {
	members []int      // sentence indices
	perDoc  []docCount // how many members come from each document, by document
	links   map[int]float64
	alive   bool
	inner   float64 // sum of the scores of its cross-document pairs
	pairs   int     // how many cross-document pairs it has
}

// docCount is how many members of a group come from document doc.
type docCount struct{ doc, n int }

// samePairs returns how many pairs of members of x and y come from the same document.
func samePairs(x, y []docCount) int {
	n := 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].doc < y[j].doc:
			i++
		case x[i].doc > y[j].doc:
			j++
		default:
			n += x[i].n * y[j].n
			i++
			j++
		}
	}
	return n
}

// mergeCounts returns the counts of x and y added up.
func mergeCounts(x, y []docCount) []docCount {
	out := make([]docCount, 0, len(x)+len(y))
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i].doc < y[j].doc:
			out = append(out, x[i])
			i++
		case x[i].doc > y[j].doc:
			out = append(out, y[j])
			j++
		default:
			out = append(out, docCount{x[i].doc, x[i].n + y[j].n})
			i++
			j++
		}
	}
	out = append(out, x[i:]...)
	return append(out, y[j:]...)
}

// cohesionShare is how the links between two groups must compare with the cohesion of
// the looser of the two (the average score of its own cross-document pairs; a single
// sentence has none): two prints of one wire story pair every sentence with its copy
// (scores above 1), and the links between neighbouring facts (0.1–0.2) would otherwise
// join them into a few large claims. 0.3–0.4 change nothing on the seeds or ECB+; 0.5
// costs ECB+ 0.004.
const cohesionShare = 0.35

// averageLink merges groups while the average score over the cross-document pairs
// between two groups (pairs with no edge count as zero) is at least threshold, and at
// least cohesionShare of the cohesion of the looser of the two.
func averageLink(c *corpus, edges []edge, threshold float64) [][]int {
	gs := make([]*group, len(c.sents))
	for i := range c.sents {
		gs[i] = &group{members: []int{i}, perDoc: []docCount{{c.sents[i].doc, 1}}, links: map[int]float64{}, alive: true}
	}
	for _, e := range edges {
		if c.sents[e.a].doc != c.sents[e.b].doc {
			gs[e.a].links[e.b] += e.score
			gs[e.b].links[e.a] += e.score
		}
	}
	// avg is the mean score over the cross-document pairs between two groups: a claim
	// may hold several sentences of one article, which need not resemble each other.
	avg := func(x, y int) float64 {
		n := len(gs[x].members)*len(gs[y].members) - samePairs(gs[x].perDoc, gs[y].perDoc)
		if n == 0 {
			return 0
		}
		return gs[x].links[y] / float64(n)
	}
	// The heap holds one entry per group: its best partner when last computed. Average
	// linkage never makes a merged group closer to a third group than the better of its
	// parts was, so entries are upper bounds and a stale one is simply recomputed.
	cohesion := func(x int) float64 {
		if gs[x].pairs == 0 {
			return 0
		}
		return gs[x].inner / float64(gs[x].pairs)
	}
	best := func(x int) (int, float64) {
		bz, bs := -1, threshold
		for z := range gs[x].links {
			s := avg(x, z)
			if s < cohesionShare*min(cohesion(x), cohesion(z)) {
				continue // two tight claims joined by loose links: two facts
			}
			if s > bs || s == bs && bz >= 0 && z < bz || s == bs && bz < 0 {
				bz, bs = z, s
			}
		}
		return bz, bs
	}
	h := &pairHeap{}
	offer := func(x int) {
		if z, s := best(x); z >= 0 {
			h.push(heapItem{x, z, s, len(gs[x].members), len(gs[z].members)})
		}
	}
	for x := range gs {
		offer(x)
	}
	for h.len() > 0 {
		it := h.pop()
		x, y := gs[it.x], gs[it.y]
		if !x.alive {
			continue
		}
		if !y.alive || len(x.members) != it.nx || len(y.members) != it.ny {
			offer(it.x) // stale: the best partner may have changed
			continue
		}
		// merge y into x
		n := len(x.members)*len(y.members) - samePairs(x.perDoc, y.perDoc)
		x.inner += y.inner + x.links[it.y]
		x.pairs += y.pairs + n
		x.members = append(x.members, y.members...)
		x.perDoc = mergeCounts(x.perDoc, y.perDoc)
		y.alive = false
		delete(x.links, it.y)
		for z, s := range y.links {
			if z == it.x {
				continue
			}
			x.links[z] += s
			gz := gs[z]
			gz.links[it.x] += s
			delete(gz.links, it.y)
		}
		y.links = nil
		offer(it.x)
	}
	var out [][]int
	for _, g := range gs {
		if g.alive && len(g.perDoc) >= 2 {
			out = append(out, g.members)
		}
	}
	return out
}
