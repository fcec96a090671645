package compare

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// documentContext computes document vectors, their similarities, each sentence's
// centrality, and groups documents into occasions by average-link clustering; among
// enough documents the occasions are then refined (reassign) and joined by the names
// they hold (mergeNamed).
func (c *corpus) documentContext() {
	nd := len(c.docs)
	nf := len(c.keys)
	// Articles are taken in an order of their own text, not the order they were given
	// in: where two merges or moves tie, or one move leads to the next, the result must
	// not depend on which article the reader added first.
	canon := canonicalOrder(c.docs)
	// Copies of one article (a wire story as two sites run it) count as one article in
	// what decides the occasions: otherwise the copy doubles how many articles hold its
	// words, and makes its own neighbour.
	rep := copies(c.docs, canon)
	var distinct []int
	for _, d := range canon {
		if rep[d] == d {
			distinct = append(distinct, d)
		}
	}
	nDistinct := len(distinct)
	// Document vectors: term counts weighted by document-level idf, so terms every
	// article uses (the story's main actors) do not make all articles look alike.
	ddf := make([]int, nf)
	at := make([]int, nf) // feature id → 1 + the last article counted, then 1 + its index in v
	for _, r := range distinct {
		for d := range c.docs {
			if rep[d] != r {
				continue
			}
			for _, si := range c.byDoc[d] {
				for _, f := range c.sents[si].vec {
					if at[f.id] != r+1 && (c.kind[f.id] != kindPair || docBigram != 0) {
						at[f.id] = r + 1
						ddf[f.id]++
					}
				}
			}
		}
	}
	clear(at)
	dvec := make([][]feature, nd)
	var v []feature // the current document's features: how many of its sentences hold each
	for d, ss := range c.byDoc {
		v = v[:0]
		for _, si := range ss {
			for _, f := range c.sents[si].vec {
				if c.kind[f.id] == kindPair && docBigram == 0 {
					continue
				}
				if at[f.id] == 0 {
					v = append(v, feature{f.id, 0})
					at[f.id] = len(v)
				}
				v[at[f.id]-1].w++
			}
		}
		dv := make([]feature, 0, len(v))
		for _, t := range v {
			at[t.id] = 0
			w := (1 + math.Log(t.w)) * math.Log((float64(nDistinct)+1)/(float64(ddf[t.id])+0.5))
			if c.kind[t.id] == kindPair {
				w *= docBigram
			} else if c.kind[t.id] != kindWord {
				w *= docNameBoost
			}
			if w > 0 {
				dv = append(dv, feature{t.id, w})
			}
		}
		dvec[d] = normalise(dv)
	}
	// Centrality uses the sentence-weighted profile of the article.
	prof := make([][]feature, nd)
	for d, ss := range c.byDoc {
		v = v[:0]
		for _, si := range ss {
			for _, f := range c.sents[si].vec {
				if c.kind[f.id] == kindPair {
					continue
				}
				if at[f.id] == 0 {
					v = append(v, feature{f.id, 0})
					at[f.id] = len(v)
				}
				v[at[f.id]-1].w += f.w
			}
		}
		for _, f := range v {
			at[f.id] = 0
		}
		prof[d] = normalise(slices.Clone(v))
	}
	for i := range c.sents {
		s := &c.sents[i]
		// A photo caption is about its photo, often of another day ("… meet IDF
		// officers …, December 13, 2023" in a January article): dense with the story's
		// names, it looks central, but it does not state what the article reports.
		if c.docs[s.doc].Sentences[s.idx].Role != RoleCaption {
			s.central = dot(s.vec, prof[s.doc])
		}
	}
	c.deflateShortArticles()
	c.docSim = make([][]float64, nd)
	for i := range c.docSim {
		c.docSim[i] = make([]float64, nd)
		for j := range c.docSim[i] {
			if i != j {
				c.docSim[i][j] = dot(dvec[i], dvec[j])
			}
		}
	}
	// Average-link clustering of documents into occasions: two groups of articles cover
	// the same occasion when they are alike on average. Among enough articles they must
	// also resemble the same other articles, which then decides the order of merging:
	// two reports of one occasion do, whatever the scale of their similarities (short
	// articles share few words), and reports of two similar occasions (two arrests, two
	// earthquakes), alike in their generic words, do not. With that evidence, somewhat
	// less direct similarity is enough.
	link, floor, sim := occasionLink, occasionLink, c.docSim
	if nDistinct >= profileDocs {
		link, floor, sim = profileLink, profileFloor, profilesOfCopies(c.docSim, rep, distinct)
	}
	dates, dated := docDates(c.docs)
	clusters := make([][]int, nd)
	for i, d := range canon {
		clusters[i] = []int{d}
	}
	for {
		best, bi, bj := link, -1, -1
		for i := range clusters {
			for j := i + 1; j < len(clusters); j++ {
				s, direct := 0.0, 0.0
				for _, a := range clusters[i] {
					for _, b := range clusters[j] {
						s += sim[a][b]
						direct += c.docSim[a][b]
					}
				}
				n := float64(len(clusters[i]) * len(clusters[j]))
				s, direct = s/n, direct/n
				if s >= best && direct >= floor && datesAgree(dates, dated, clusters[i], clusters[j]) {
					best, bi, bj = s, i, j
				}
			}
		}
		if bi < 0 {
			break
		}
		clusters[bi] = append(clusters[bi], clusters[bj]...)
		clusters = slices.Delete(clusters, bj, bj+1)
	}
	c.occasion = make([]int, nd)
	for k, cl := range clusters {
		for _, d := range cl {
			c.occasion[d] = k
		}
	}
	if nDistinct >= profileDocs {
		reassign(c.occasion, canon, len(clusters), sim, c.docSim, floor, dates, dated)
		c.mergeNamed(dates, dated)
	}
	for d, r := range rep {
		c.occasion[d] = c.occasion[r] // a copy reports what its article does
	}
}

// copyShare is the share of the shorter article's sentences that must be found in the
// other for the two to be copies of one article: a site that runs a wire story may cut
// its ending, retitle it or add a line of its own.
const copyShare = 0.8

// copies returns, for each document, the document it is a copy of (the first of its
// copies in order), or itself. Sentences are compared by their letters and digits, so
// that curly and straight quotes or spacing do not tell copies apart.
func copies(docs []Document, order []int) []int {
	keys := make([]map[uint64]bool, len(docs))
	var b []byte
	for d, doc := range docs {
		keys[d] = make(map[uint64]bool, len(doc.Sentences))
		for _, s := range doc.Sentences {
			b = b[:0]
			for _, r := range s.Text {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					b = utf8.AppendRune(b, unicode.ToLower(r))
				}
			}
			h := fnv.New64a()
			h.Write(b)
			keys[d][h.Sum64()] = true
		}
	}
	rep := make([]int, len(docs))
	var firsts []int
	for _, d := range order {
		rep[d] = d
		for _, f := range firsts {
			if isCopy(keys[d], keys[f]) {
				rep[d] = f
				break
			}
		}
		if rep[d] == d {
			firsts = append(firsts, d)
		}
	}
	return rep
}

// isCopy reports whether at least copyShare of the smaller set's sentences are in the
// other.
func isCopy(a, b map[uint64]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return false
	}
	shared := 0
	for k := range a {
		if b[k] {
			shared++
		}
	}
	return float64(shared) >= copyShare*float64(len(a))
}

// profilesOfCopies is profiles for documents some of which are copies (rep, see
// copies): the neighbourhoods are those of the distinct articles, so that a copy is not
// its article's closest neighbour, and copies have alike neighbourhoods.
func profilesOfCopies(sim [][]float64, rep, distinct []int) [][]float64 {
	if len(distinct) == len(sim) {
		return profiles(sim) // no copies
	}
	idx := make([]int, len(sim)) // document → its article's index in distinct
	for i, d := range distinct {
		idx[d] = i
	}
	for d, r := range rep {
		idx[d] = idx[r]
	}
	sub := make([][]float64, len(distinct))
	for i, a := range distinct {
		sub[i] = make([]float64, len(distinct))
		for j, b := range distinct {
			sub[i][j] = sim[a][b]
		}
	}
	p := profiles(sub)
	out := make([][]float64, len(sim))
	for a := range out {
		out[a] = make([]float64, len(sim))
		for b := range out[a] {
			if a != b {
				if idx[a] == idx[b] {
					out[a][b] = 1
				} else {
					out[a][b] = p[idx[a]][idx[b]]
				}
			}
		}
	}
	return out
}

// mergeNamed joins occasions whose articles name the same people, places, numbers and
// dates, in the same proportions (cosine of how many of each occasion's articles hold
// each name, at least nameLink), while dates agree. Document similarity weighs terms by
// how few articles hold them, so when every article reports one story its own names
// weigh nothing and the reports can look like several occasions; the names say they are
// one. Two similar events (two arrests, two patches) are told apart by who, where and when.
func (c *corpus) mergeNamed(dates []time.Time, dated []bool) {
	k := slices.Max(c.occasion) + 1
	count := make([]map[int]float64, k) // occasion → name feature → articles holding it
	members := make([][]int, k)
	for o := range count {
		count[o] = map[int]float64{}
	}
	for d, ss := range c.byDoc {
		o := c.occasion[d]
		members[o] = append(members[o], d)
		seen := map[int]bool{}
		for _, si := range ss {
			for _, f := range c.sents[si].vec {
				if c.specific[f.id] == 1 && !seen[f.id] {
					seen[f.id] = true
					count[o][f.id]++
				}
			}
		}
	}
	for {
		best, bi, bj := nameLink, -1, -1
		for i := range k {
			for j := i + 1; j < k; j++ {
				if len(members[i]) == 0 || len(members[j]) == 0 {
					continue
				}
				if s := cosine(count[i], count[j]); s >= best && datesAgree(dates, dated, members[i], members[j]) {
					best, bi, bj = s, i, j
				}
			}
		}
		if bi < 0 {
			break
		}
		for id, n := range count[bj] {
			count[bi][id] += n
		}
		members[bi] = append(members[bi], members[bj]...)
		count[bj], members[bj] = nil, nil
	}
	for o, ds := range members {
		for _, d := range ds {
			c.occasion[d] = o
		}
	}
}

// cosine returns the cosine similarity of two sparse vectors.
func cosine(a, b map[int]float64) float64 {
	ab, aa, bb := 0.0, 0.0, 0.0
	for id, x := range a {
		aa += x * x
		ab += x * b[id]
	}
	for _, y := range b {
		bb += y * y
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / math.Sqrt(aa*bb)
}

// reassign refines a clustering of documents into occasions (occasion: document →
// cluster, k clusters): each document in turn moves to the cluster whose other members
// it resembles most on average (by sim), if that is more than its own cluster and the
// move is allowed (average direct similarity of at least floor, dates that agree),
// until no document moves. Merging decides early, on small clusters, where a document
// goes; once the clusters are whole, a document's place can be judged against all of
// them. A document alone in its cluster stays there (others may join it). Documents are
// taken in order (the canonical order, see canonicalOrder), as each move counts for the
// next.
func reassign(occasion, order []int, k int, sim, direct [][]float64, floor float64, dates []time.Time, dated []bool) {
	sum, dsum, size := make([]float64, k), make([]float64, k), make([]int, k)
	for range 10 { // a bound, in case documents keep trading places
		moved := false
		for _, d := range order {
			own := occasion[d]
			clear(sum)
			clear(dsum)
			clear(size)
			for e, o := range occasion {
				if e != d {
					sum[o] += sim[d][e]
					dsum[o] += direct[d][e]
					size[o]++
				}
			}
			if size[own] == 0 {
				continue
			}
			best, to := sum[own]/float64(size[own]), own
			for o := range k {
				if o == own || size[o] == 0 || sum[o]/float64(size[o]) <= best || dsum[o]/float64(size[o]) < floor {
					continue
				}
				if datesFit(dates, dated, d, occasion, o) {
					best, to = sum[o]/float64(size[o]), o
				}
			}
			if to != own {
				occasion[d] = to
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// canonicalOrder returns the documents' indexes ordered by a hash of their sentences
// (then by ID, which only identical texts need), so that an order decided by the
// documents themselves replaces the order they were given in.
func canonicalOrder(docs []Document) []int {
	keys := make([]uint64, len(docs))
	for i, d := range docs {
		h := fnv.New64a()
		for _, s := range d.Sentences {
			h.Write([]byte(s.Text))
			h.Write([]byte{0})
		}
		keys[i] = h.Sum64()
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(keys[a], keys[b]), strings.Compare(docs[a].ID, docs[b].ID))
	})
	return order
}

// datesFit reports whether document d's date agrees with those of cluster o's members.
func datesFit(dates []time.Time, dated []bool, d int, occasion []int, o int) bool {
	var members []int
	for e, oe := range occasion {
		if oe == o && e != d {
			members = append(members, e)
		}
	}
	return datesAgree(dates, dated, []int{d}, members)
}

// profiles returns how alike the rows of sim are: the cosine similarity of each two
// rows, leaving out the entries of the two documents compared. Two documents similar
// to the same others have alike rows.
func profiles(sim [][]float64) [][]float64 {
	n := len(sim)
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, n)
	}
	for i := range sim {
		for j := i + 1; j < n; j++ {
			a, b, ab := 0.0, 0.0, 0.0
			for k := range sim {
				if k != i && k != j {
					a += sim[i][k] * sim[i][k]
					b += sim[j][k] * sim[j][k]
					ab += sim[i][k] * sim[j][k]
				}
			}
			if a > 0 && b > 0 {
				out[i][j] = ab / math.Sqrt(a*b)
				out[j][i] = out[i][j]
			}
		}
	}
	return out
}

// datesAgree reports whether two groups of documents could cover the same occasion
// judging by their publication dates: every pair with known dates must be at most
// occasionDays apart. Unknown dates agree with anything. dates and dated give each
// document's publication date and whether it is known.
func datesAgree(dates []time.Time, dated []bool, x, y []int) bool {
	for _, a := range x {
		for _, b := range y {
			if dated[a] && dated[b] && math.Abs(dates[a].Sub(dates[b]).Hours()) > occasionDays*24 {
				return false
			}
		}
	}
	return true
}

// docDates returns each document's publication date and whether it is known.
func docDates(docs []Document) ([]time.Time, []bool) {
	dates, dated := make([]time.Time, len(docs)), make([]bool, len(docs))
	for d, doc := range docs {
		dates[d], dated[d] = parseDate(doc.Date)
	}
	return dates, dated
}

func parseDate(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

// deflateShortArticles scales down the centrality of the sentences of short articles
// (fewer than centralRef sentences) when the articles are not briefs.
//
// Centrality is a sentence's cosine with its own article, so in a short text every
// sentence looks central: in five-sentence excerpts each gets about 0.45, and the
// context bonus (contextWeight × the product, about 0.3) alone passes the grouping
// threshold, so a teacher's excerpts of three outlets came out as one or two claims
// holding every sentence. Scaled by √(n/centralRef), a typical sentence of a short
// article weighs what it would in a full-length one, and only its most central
// sentences (the lead) keep a bonus. Briefs are different: when most articles are one
// to three sentences (wire briefs, lists of headlines, the ECB+ benchmark), each sentence
// is about the article's one event, and the full bonus is what links them.
func (c *corpus) deflateShortArticles() {
	var lens []int
	for _, ss := range c.byDoc {
		if len(ss) > 0 {
			lens = append(lens, len(ss))
		}
	}
	slices.Sort(lens)
	if len(lens) == 0 || lens[len(lens)/2] <= briefLen {
		return
	}
	for _, ss := range c.byDoc {
		if n := len(ss); float64(n) < centralRef {
			f := math.Sqrt(float64(n) / centralRef)
			for _, si := range ss {
				c.sents[si].central *= f
			}
		}
	}
}

// readerOccasions turns the reader's grouping of documents by occasion (document IDs,
// see Options.Occasions) into document → occasion, giving each document it leaves out
// an occasion of its own. An ID that names no document, or one listed twice, is an
// error: the grouping was made for other articles.
func readerOccasions(docs []Document, groups [][]string) ([]int, error) {
	index := make(map[string]int, len(docs))
	for d, doc := range docs {
		index[doc.ID] = d
	}
	occasion := make([]int, len(docs))
	for d := range occasion {
		occasion[d] = -1
	}
	for o, ids := range groups {
		for _, id := range ids {
			d, ok := index[id]
			switch {
			case !ok:
				return nil, fmt.Errorf("the occasions name %q, which is none of the articles: group the articles' own IDs", id)
			case occasion[d] >= 0:
				return nil, fmt.Errorf("the occasions list %q twice: put each article in one occasion", id)
			}
			occasion[d] = o
		}
	}
	next := len(groups)
	for d := range occasion {
		if occasion[d] < 0 {
			occasion[d] = next
			next++
		}
	}
	return occasion, nil
}
