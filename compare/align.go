package compare

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// MaxArticles is the largest number of articles Align accepts.
const MaxArticles = 60

// Options tune Align. A nil *Options means the defaults.
type Options struct {
	// Threshold is the lowest average link score at which sentences are grouped into a
	// claim; 0 means DefaultThreshold. Lower finds more, looser claims.
	Threshold float64
	// NoWordDiffs leaves Diff.Chunks empty (numbers that differ are still listed), for
	// callers that diff against a reference of their own: word diffs are more than half
	// the cost of aligning the seeds. See Words.
	NoWordDiffs bool
	// Occasions, when not nil, is the reader's own grouping of the articles by the
	// occasion they report (each group lists document IDs), used instead of the one the
	// engine finds: the reader may know that a dozen briefs report one bombing, or that
	// two press conferences were a month apart. Articles it does not list are each an
	// occasion of their own; one group of every ID reads them all as one story.
	Occasions [][]string
}

// DefaultThreshold is the grouping threshold used when Options leave it unset.
var DefaultThreshold = 0.09

// ErrTooFew is returned when fewer than two documents with sentences are given.
var ErrTooFew = errors.New("need at least two articles with text to compare")

// Tuning constants, measured on ../shared/gold and ../shared/bench (see README).
var (
	bigramWeight   = 0.8  // weight of a shared adjacent-term pair relative to its idf
	nameWeight     = 1.3  // names of people, places and organisations
	numberWeight   = 1.4  // numbers: "240 hostages", "1,200 people"
	dateWeight     = 1.2  // "Oct. 7"
	contextWeight  = 1.5  // how much "both articles cover the same occasion" adds
	leadWeight     = 0.1  // how much more when both sentences open their articles (see sent.lead)
	otherOccasion  = 0.80 // score factor for sentences from articles about different occasions
	occasionLink   = 0.04 // document similarity at which two articles cover the same occasion
	profileDocs    = 6    // articles from which occasions also compare neighbourhoods (see profiles)
	profileLink    = 0.35 // likeness of neighbourhoods at which two articles cover the same occasion
	profileFloor   = 0.03 // document similarity that, with alike neighbourhoods, is enough
	nameLink       = 0.78 // likeness of the names two occasions' articles hold at which they are one
	docNameBoost   = 3.0  // extra weight of names, numbers and dates when comparing whole articles
	docBigram      = 1.0  // weight of adjacent-term pairs when comparing whole articles
	occasionDays   = 10.0 // articles published further apart than this cover different occasions
	briefLen       = 3    // articles of at most this many sentences are briefs (see deflateShortArticles)
	centralRef     = 30.0 // articles shorter than this have their centralities scaled down, unless briefs
	edgeFloor      = 0.06 // pairs scoring less are not kept: they cannot move an average much
	maxCandidateDF = 0.02 // features in more than this share of sentences do not generate candidates
	copySim        = 0.9  // similarity of near-copies ("It's not 'yes' or 'no.'" in two prints of one wire story), which need no more shared terms
)

// Shared terms a pair of sentences needs (names, numbers and dates count 1.5, words 1):
// few when context says they likely report the same thing, more when it does not.
var (
	minSharedCentral = 1.0  // both state the main subject of their articles, on one occasion
	minSharedOther   = 2.5  // no such context: peripheral sentences, different occasions
	centralFull      = 0.12 // product of centralities from which minSharedCentral applies
)

// Align groups sentences of different documents that report the same fact, event or
// statement into claims, and lists the sentences no other document reports.
//
// Sentences are compared by weighted shared terms (stems, names, numbers, dates and
// adjacent pairs of them, rarer terms counting more). Articles are first grouped into
// occasions (which trip, which earthquake): sentences from articles about the same
// occasion are more likely to report the same event, and those from different occasions
// less. Claims are built by average-link clustering, so a claim's members must agree
// with each other on average and unrelated sentences are not chained together.
func Align(docs []Document, opts *Options) (*Result, error) {
	n := 0
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			n++
		}
	}
	if n < 2 {
		return nil, ErrTooFew
	}
	if len(docs) > MaxArticles {
		return nil, fmt.Errorf("%d articles is more than the %d Parallax compares at once: remove some", len(docs), MaxArticles)
	}
	seen := map[string]bool{}
	for _, d := range docs {
		if seen[d.ID] {
			return nil, fmt.Errorf("two articles have the same id %q: give each a different name", d.ID)
		}
		seen[d.ID] = true
	}
	threshold := DefaultThreshold
	if opts != nil && opts.Threshold > 0 {
		threshold = opts.Threshold
	}

	var given []int
	if opts != nil && opts.Occasions != nil {
		var err error
		if given, err = readerOccasions(docs, opts.Occasions); err != nil {
			return nil, err
		}
	}

	c := newCorpus(docs)
	if given != nil {
		c.occasion = given
	}
	edges := append(c.candidatePairs(), c.chronology()...)
	groups := averageLink(c, edges, threshold)
	res := c.result(groups, opts == nil || !opts.NoWordDiffs)
	res.OccasionsGiven = given != nil
	return res, nil
}

// Compare parses the articles and aligns them.
func Compare(articles []Article, opts *Options) (*Result, error) {
	docs := make([]Document, len(articles))
	for i, a := range articles {
		docs[i] = Parse(a)
	}
	return Align(docs, opts)
}

// feature is one weighted matching feature of a sentence.
type feature struct {
	id int
	w  float64
}

// sent is a sentence prepared for matching.
type sent struct {
	doc, idx int // document and sentence index
	terms    []term
	ids      []int     // feature id of each term
	vec      []feature // sorted by id, L2-normalised
	central  float64   // cosine with its own document: how much it states the article's main subject (0 for photo captions)
	lead     bool      // the headline, a subhead above the body, or the first body sentence, in an article of four sentences or more
	day      time.Time // the date it gives its event (see latestDay), if its article is dated; zero if none
}

type corpus struct {
	docs     []Document
	sents    []sent
	byDoc    [][]int        // document → its sentences (indices into sents)
	vocab    map[string]int // term key → feature id
	pairs    map[uint64]int // feature ids of two adjacent terms (a<<32 | b) → the pair's feature id
	keys     []string       // feature id → key ("" for pairs)
	surface  []string       // feature id → first surface form seen ("" for pairs)
	kind     []termKind     // feature id → kind (kindPair for pairs)
	share    []float64      // feature id → how much it counts towards the shared terms a pair needs
	specific []float64      // feature id → 1 for names, numbers and dates, 0 for words and pairs
	df       []int          // feature id → number of sentences holding it
	docSim   [][]float64
	occasion []int // document → occasion cluster

	// Chronology (chronology.go).
	pub   []time.Time // document → its publication date, if dated
	dated []bool      // document → whether it gives a publication date
	told  []bool      // sentence → whether it is told in the past (toldInPast)

	voices []bool // sentence → whether it voices a position (position.go)
}

func newCorpus(docs []Document) *corpus {
	c := &corpus{docs: docs, byDoc: make([][]int, len(docs))}
	var all [][]term // sentence → its terms
	var words []rawWord
	var ts, pool []term // the current sentence's terms; room for the next sentences' terms
	n := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			ts, words = termsBuf(s.Text, ts[:0], words)
			c.voices = append(c.voices, voicesPositionWords(words))
			c.told = append(c.told, toldInPastWords(words))
			if cap(pool)-len(pool) < len(ts) {
				pool = make([]term, 0, max(len(ts), 4096))
			}
			k := len(pool)
			pool = append(pool, ts...)
			all = append(all, pool[k:len(pool):len(pool)])
			n += len(ts)
		}
	}
	resolveKinds(all)
	// About as many distinct features as features: most pairs of terms occur once.
	c.keys = make([]string, 0, 2*n)
	c.surface = make([]string, 0, 2*n)
	c.kind = make([]termKind, 0, 2*n)
	c.share = make([]float64, 0, 2*n)
	c.specific = make([]float64, 0, 2*n)
	c.vocab, c.pairs = make(map[string]int, n/2), make(map[uint64]int, n)
	c.sents = make([]sent, 0, len(all))
	raw := make([][]int, 0, len(all)) // sentence → its feature ids, sorted, repeated as often as they occur
	for di, d := range docs {
		body := 0 // body sentences so far
		for _, s := range d.Sentences {
			if s.Role == RoleBody {
				body++
			}
			lead := len(d.Sentences) > briefLen && (s.Role == RoleHeadline || s.Role == RoleSubhead && body == 0 || s.Role == RoleBody && body == 1)
			ts := all[len(c.sents)]
			tids := make([]int, len(ts))
			ids := make([]int, 0, 2*len(ts))
			for i, t := range ts {
				tids[i] = c.intern(t.key, t.surface, t.kind)
				ids = append(ids, tids[i])
				if i > 0 {
					ids = append(ids, c.internPair(tids[i-1], tids[i]))
				}
			}
			slices.Sort(ids)
			c.byDoc[di] = append(c.byDoc[di], len(c.sents))
			c.sents = append(c.sents, sent{doc: di, idx: s.Index, terms: ts, ids: tids, lead: lead})
			raw = append(raw, ids)
		}
	}
	c.df = make([]int, len(c.keys))
	for _, ids := range raw {
		for i, id := range ids {
			if i == 0 || ids[i-1] != id {
				c.df[id]++
			}
		}
	}
	N := float64(len(c.sents))
	for i, ids := range raw {
		vec := make([]feature, 0, len(ids))
		for j := 0; j < len(ids); {
			id, k := ids[j], j+1
			for k < len(ids) && ids[k] == id {
				k++
			}
			f := float64(k - j)
			j = k
			w := (1 + math.Log(f)) * math.Log(1+N/float64(c.df[id]))
			switch c.kind[id] {
			case kindName:
				w *= nameWeight
			case kindNumber:
				w *= numberWeight
			case kindDate:
				w *= dateWeight
			case kindPair:
				w *= bigramWeight
			}
			vec = append(vec, feature{id, w})
		}
		c.sents[i].vec = normalise(vec)
	}
	c.documentContext()
	c.dateEvents()
	return c
}

// resolveKinds gives every term of one key the same kind, whatever order the articles
// come in: a name where the key is written capitalised inside sentences at least a third
// as often as in lower case ("Sudan", "State" of "Secretary of State"), else a word
// ("refugee"). A capitalised first word of a sentence, or any word of a Title Case
// headline, says nothing either way (kindOpening). The corpus interns its features by
// key, and the kind used to be the key's first occurrence's, so the comparison depended
// on which article came first: eleven reports of one bombing made one occasion in one
// order and three in another; the seeds' event F1 ranged 0.351–0.384 over orders.
func resolveKinds(sents [][]term) {
	names, words := map[string]int{}, map[string]int{}
	for _, ts := range sents {
		for _, t := range ts {
			switch t.kind {
			case kindName:
				names[t.key]++
			case kindWord:
				words[t.key]++
			}
		}
	}
	for _, ts := range sents {
		for i := range ts {
			if k := ts[i].kind; k == kindName || k == kindWord || k == kindOpening {
				ts[i].kind = kindWord
				if n := names[ts[i].key]; n > 0 && 3*n >= words[ts[i].key] {
					ts[i].kind = kindName
				}
			}
		}
	}
}

func (c *corpus) intern(key, surface string, k termKind) int {
	if id, ok := c.vocab[key]; ok {
		return id
	}
	id := c.add(key, surface, k)
	c.vocab[key] = id
	return id
}

// internPair returns the feature id of the term with id a followed by the one with id b.
func (c *corpus) internPair(a, b int) int {
	k := uint64(a)<<32 | uint64(b)
	if id, ok := c.pairs[k]; ok {
		return id
	}
	id := c.add("", "", kindPair)
	c.pairs[k] = id
	return id
}

func (c *corpus) add(key, surface string, k termKind) int {
	c.keys = append(c.keys, key)
	c.surface = append(c.surface, surface)
	c.kind = append(c.kind, k)
	share, specific := 0.0, 0.0 // names, numbers and dates count one and a half, pairs nothing
	switch k {
	case kindWord:
		share = 1
	case kindName, kindNumber, kindDate:
		share, specific = 1.5, 1
	}
	c.share = append(c.share, share)
	c.specific = append(c.specific, specific)
	return len(c.keys) - 1
}

// edge is a scored pair of sentences from different documents.
type edge struct {
	a, b  int
	score float64
}

// candidatePairs scores every pair of sentences from different documents that share at
// least one feature rare enough to be informative, using an inverted index so the cost
// grows with the number of such pairs rather than with all pairs.
func (c *corpus) candidatePairs() []edge {
	maxDF := max(64, int(maxCandidateDF*float64(len(c.sents))))
	// postings[from[id]:from[id+1]] are the sentences holding feature id, in order.
	from := make([]int, len(c.keys)+1)
	for id, n := range c.df {
		if n > maxDF {
			n = 0
		}
		from[id+1] = from[id] + n
	}
	postings := make([]int, from[len(c.keys)])
	fill := slices.Clone(from[:len(c.keys)])
	for si, s := range c.sents {
		for _, f := range s.vec {
			if c.df[f.id] <= maxDF {
				postings[fill[f.id]] = si
				fill[f.id]++
			}
		}
	}
	var edges []edge
	mark := make([]int, len(c.sents))
	for i := range mark {
		mark[i] = -1
	}
	// The features of sentence a, spread out by id for quick overlaps with each candidate.
	weight := make([]float64, len(c.keys))
	holds := fill // (fill's memory, no longer needed) feature id → 1 + the last sentence spread out
	clear(holds)
	var cand []int
	for a, s := range c.sents {
		cand = cand[:0]
		for _, f := range s.vec {
			weight[f.id], holds[f.id] = f.w, a+1
			if c.df[f.id] > maxDF {
				continue
			}
			for _, b := range postings[from[f.id]:from[f.id+1]] {
				if b <= a || mark[b] == a || c.sents[b].doc == s.doc {
					continue
				}
				mark[b] = a
				cand = append(cand, b)
			}
		}
		for _, b := range cand {
			// intersect(a, b), summed in the same order.
			sim, shared := 0.0, 0.0
			for _, f := range c.sents[b].vec {
				if holds[f.id] == a+1 {
					sim += weight[f.id] * f.w
					shared += c.share[f.id]
				}
			}
			if sc := c.linkScore(a, b, sim, shared); sc >= edgeFloor {
				edges = append(edges, edge{a, b, sc})
			}
		}
	}
	return edges
}

// pairScore is the evidence that sentences a and b report the same thing: their cosine
// similarity plus a bonus when both articles cover the same occasion and both sentences
// state what their article is mainly about (the product of their centralities, so the
// many sentences of a long article, each less central, get little of it). It is zero
// unless they share enough terms, and how many is enough depends on the same context:
// two short reports of one occasion that share one word ("patch", "rehab") likely report
// the same event; two sentences deep inside long articles need several shared terms,
// since any two long articles on one story share a word or two in many sentences.
func (c *corpus) pairScore(a, b int) float64 {
	sim, shared := intersect(c.sents[a].vec, c.sents[b].vec, c.share)
	return c.linkScore(a, b, sim, shared)
}

// linkScore is pairScore for sentences a and b of the given overlap.
func (c *corpus) linkScore(a, b int, sim, shared float64) float64 {
	sa, sb := &c.sents[a], &c.sents[b]
	if sim == 0 {
		return 0
	}
	if c.occasion[sa.doc] != c.occasion[sb.doc] {
		if shared < minSharedOther {
			return 0 // a word or a name in common is a coincidence, not a fact
		}
		// What two occasions have in common is a standing position, held by someone
		// about something, or a running figure or a date both recall. That takes a
		// shared name, number or date: alike words ("the conversations will not be
		// easy") are two different events. Unless a number or date is shared, both
		// sentences must voice a position (voicesPosition): a press conference in
		// Doha in January and another in February share names and words, not one.
		if specific, dated := c.shareSpecific(a, b); !specific || !dated && !(c.voicesPosition(a) && c.voicesPosition(b)) {
			return 0
		}
		return sim * otherOccasion // no context evidence
	}
	central := math.Max(sa.central, 0) * math.Max(sb.central, 0)
	if shared < neededShared(central) && sim < copySim {
		return 0
	}
	score := sim + contextWeight*central
	if sa.lead && sb.lead {
		// Headlines and leads state the story's main event (the inverted pyramid):
		// "Blinken meets Israel's war leadership" and "Blinken is returning to the
		// Middle East this week…" report the same trip.
		score += leadWeight
	}
	return score
}

// shareSpecific reports whether sentences a and b have a name, number or date in
// common, and whether a number or a date is among them.
func (c *corpus) shareSpecific(a, b int) (specific, numberOrDate bool) {
	x, y := c.sents[a].vec, c.sents[b].vec
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].id < y[j].id:
			i++
		case x[i].id > y[j].id:
			j++
		default:
			switch c.kind[x[i].id] {
			case kindNumber, kindDate:
				return true, true
			case kindName:
				specific = true
			}
			i, j = i+1, j+1
		}
	}
	return specific, false
}

// neededShared is how many shared terms two sentences of articles on one occasion need,
// given the product of their centralities: from minSharedOther down to minSharedCentral.
func neededShared(central float64) float64 {
	return minSharedOther - (minSharedOther-minSharedCentral)*math.Min(1, central/centralFull)
}

func normalise(v []feature) []feature {
	slices.SortFunc(v, func(a, b feature) int { return cmp.Compare(a.id, b.id) })
	n := 0.0
	for _, f := range v {
		n += f.w * f.w
	}
	if n == 0 {
		return v
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i].w /= n
	}
	return v
}

func dot(a, b []feature) float64 {
	s, _ := intersect(a, b, nil)
	return s
}

// intersect returns the dot product of a and b and, if share is not nil, the sum of
// share over the features they have in common.
func intersect(a, b []feature, share []float64) (dot, shared float64) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch x, y := a[i].id, b[j].id; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			dot += a[i].w * b[j].w
			if share != nil {
				shared += share[x]
			}
			i++
			j++
		}
	}
	return dot, shared
}
