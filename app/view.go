package app

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	wsfile "parallax/app/workspace"
	"parallax/compare"
)

// Sort orders of the aligned view.
const (
	sortOutlets  = "outlets"  // most outlets first, then the engine's order
	sortPosition = "position" // order of the reference article
)

// index gives quick access to a result's documents and claims.
type index struct {
	res     *compare.Result
	docs    map[string]int                  // document ID → position in res.Documents
	claimOf map[compare.Ref]int             // sentence → claim position in res.Claims
	unique  map[compare.Ref]bool            // sentences no other article reports
	byClaim map[string]int                  // claim ID → position
	nums    map[compare.Ref]compare.Numbers // sentence → its numbers, read when first needed
}

// indexOf returns the index of res, made once for the last result asked about: the
// views of one result (the aligned view's rows, the Articles tab, the coverage matrix,
// "Only in one outlet", the page) read the same one, where each made its own, some on
// every render, and a 2 MB article's index has tens of thousands of sentences.
func indexOf(res *compare.Result) *index {
	lastIndex.Lock()
	defer lastIndex.Unlock()
	if lastIndex.x == nil || lastIndex.x.res != res {
		lastIndex.x = newIndex(res)
	}
	return lastIndex.x
}

var lastIndex struct {
	sync.Mutex
	x *index
}

func newIndex(res *compare.Result) *index {
	x := &index{res: res, docs: map[string]int{}, claimOf: map[compare.Ref]int{}, unique: map[compare.Ref]bool{}, byClaim: map[string]int{}, nums: map[compare.Ref]compare.Numbers{}}
	if res == nil {
		return x
	}
	for i, d := range res.Documents {
		x.docs[d.ID] = i
	}
	for i, c := range res.Claims {
		x.byClaim[c.ID] = i
		for _, m := range c.Members {
			x.claimOf[m] = i
		}
	}
	for _, u := range res.Unique {
		x.unique[u] = true
	}
	return x
}

func (x *index) doc(id string) *compare.Document {
	i, ok := x.docs[id]
	if !ok {
		return nil
	}
	return &x.res.Documents[i]
}

// sent returns the sentence r points to, or nil if there is none.
func (x *index) sent(r compare.Ref) *compare.Sentence {
	d := x.doc(r.Doc)
	if d == nil || r.Sentence < 0 || r.Sentence >= len(d.Sentences) {
		return nil
	}
	return &d.Sentences[r.Sentence]
}

// numbers returns the numbers of sentence r, read once.
func (x *index) numbers(r compare.Ref) compare.Numbers {
	n, ok := x.nums[r]
	if !ok {
		n = compare.NumbersOf(x.sentence(r))
		x.nums[r] = n
	}
	return n
}

func (x *index) sentence(r compare.Ref) string {
	if s := x.sent(r); s != nil {
		return s.Text
	}
	return ""
}

// span is one sentence in a cell of the aligned view.
type span struct {
	Ref    compare.Ref
	Text   string
	Chunks []compare.Chunk // diff against the row's base; nil until diffRows, and for the base's article
	Base   bool            // this is the sentence the others are compared with
	Nums   map[string]bool // numbers this sentence gives differently from the base
	Folded bool            // shown behind "more sentences" (see foldCell)
	Plain  bool            // one of too many in its cell: folded, unmarked (prepareRow)
}

// row is one claim of the aligned view: one cell per column.
type row struct {
	ID      string // claim ID
	N       int    // claim number as the engine ranks it (1-based)
	Outlets int
	// Occasions counts the occasions its outlets report it on: more than one means a
	// position or a running figure voiced again, not one event (Result.ClaimOccasions).
	Occasions int
	Score     float64
	Cells     [][]span // per column; empty when the outlet does not report the claim
	RefPos    int      // first sentence index in the reference article, -1 if absent
	BaseDoc   string   // document the marks compare with (the reference when it reports the claim)
	Base      string   // text of the sentence the marks compare with
	Numbers   bool     // some outlet gives a number differently
	Ev        compare.Evidence
	Diffed    bool // the spans' Chunks are computed

	baseRef  compare.Ref // the sentence the marks compare with
	prepared bool        // prepareRow has read the numbers and folded the cells
}

// columnOrder puts the reference document first, then the others in their order.
func columnOrder(res *compare.Result, ref string) []string {
	var cols []string
	for _, d := range res.Documents {
		if d.ID == ref {
			cols = append(cols, d.ID)
		}
	}
	for _, d := range res.Documents {
		if d.ID != ref {
			cols = append(cols, d.ID)
		}
	}
	return cols
}

// buildRows lays out the claims against the reference document, each row prepared
// (prepareRow): ready to show but for its word diffs (diffRows).
func buildRows(x *index, cols []string, ref, order string) []row {
	rows := layRows(x, cols, ref, order)
	for i := range rows {
		prepareRow(x, &rows[i])
	}
	return rows
}

// layRows lays out the claims against the reference document: which sentences each
// row gathers, in which order, reading no sentence's numbers or words yet
// (prepareRow): a long article can give a claim hundreds of sentences, and the
// aligned view prepares only the rows it shows.
func layRows(x *index, cols []string, ref, order string) []row {
	if x.res == nil {
		return nil
	}
	col := map[string]int{}
	for i, c := range cols {
		col[c] = i
	}
	rows := make([]row, 0, len(x.res.Claims))
	for ci := range x.res.Claims {
		c := &x.res.Claims[ci]
		r := row{ID: c.ID, N: ci + 1, Score: c.Score, Cells: make([][]span, len(cols)), RefPos: -1, Ev: c.Evidence}
		base := c.Members[0]
		for _, m := range c.Members {
			if m.Doc == ref {
				base = m
				break
			}
		}
		r.BaseDoc, r.baseRef = base.Doc, base
		r.Base = x.sentence(base)
		seen := map[string]bool{}
		for _, m := range c.Members {
			if !seen[m.Doc] {
				seen[m.Doc] = true
				r.Outlets++
			}
			if m.Doc == ref && (r.RefPos < 0 || m.Sentence < r.RefPos) {
				r.RefPos = m.Sentence
			}
			k, ok := col[m.Doc]
			if !ok {
				continue
			}
			r.Cells[k] = append(r.Cells[k], span{Ref: m, Text: x.sentence(m), Base: m == base})
		}
		r.Occasions = x.res.ClaimOccasions(c)
		rows = append(rows, r)
	}
	switch order {
	case sortOutlets:
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.Outlets, a.Outlets) })
	case sortPosition:
		slices.SortStableFunc(rows, func(a, b row) int {
			switch {
			case a.RefPos < 0 && b.RefPos < 0:
				return 0
			case a.RefPos < 0:
				return 1
			case b.RefPos < 0:
				return -1
			}
			return cmp.Compare(a.RefPos, b.RefPos)
		})
	}
	return rows
}

// prepareRow reads the numbers of a row's sentences and folds its cells (foldCell),
// once. In a cell of more than cellMax sentences, those after the first cellMax (but
// the base) are plain: folded, their numbers not read, shown without marks.
func prepareRow(x *index, r *row) {
	if r.prepared {
		return
	}
	r.prepared = true
	for _, cell := range r.Cells {
		n := 0
		for j := range cell {
			s := &cell[j]
			if !s.Base {
				n++
				s.Plain = n > cellMax
			}
			// The base's article's other sentences are its own wording, shown unmarked as
			// the base is: a number it gives twice differently is no difference between
			// outlets.
			if s.Plain || s.Ref.Doc == r.BaseDoc {
				continue
			}
			for _, ch := range x.numbers(r.baseRef).Changes(x.numbers(s.Ref)) {
				if s.Nums == nil {
					s.Nums = map[string]bool{}
				}
				s.Nums[ch.To] = true
				r.Numbers = true
			}
		}
		foldCell(x, cell, r.Base)
	}
}

// diffRows computes the word diffs of rows[from:to] that are not computed yet. Diffs
// are computed only for the rows on screen: a large comparison has thousands.
func diffRows(rows []row, from, to int) {
	for i := max(0, from); i < min(to, len(rows)); i++ {
		r := &rows[i]
		if r.Diffed {
			continue
		}
		r.Diffed = true
		for _, cell := range r.Cells {
			for j := range cell {
				if cell[j].Ref.Doc != r.BaseDoc && !cell[j].Plain {
					cell[j].Chunks = compare.Words(r.Base, cell[j].Text)
				}
			}
		}
	}
}

// cellShown is how many of one outlet's sentences a claim's cell shows before the
// rest are folded away: a claim can gather many sentences of one long article (eight
// in the demo), which made its row several screens tall.
const cellShown = 4

// cellMax is how many sentences of one outlet, besides the base, a claim's cell ranks
// and marks: a 2 MB article of repeated sentences gave one claim 553, and reading and
// diffing them all held the page for seconds. The demo's cells have up to eight.
const cellMax = 12

// foldCell folds all but cellShown sentences of a cell, if that folds two or more
// (a summary line in place of one sentence saves little): it shows the base and the
// sentences closest to the base (cosine of their sets of matching terms, as the engine
// normalises them), photo captions last: a caption shares the names of the people
// in the photo with many sentences and says little more. The sentences shown and
// folded each stay in article order.
func foldCell(x *index, cell []span, base string) {
	if len(cell) < cellShown+2 {
		return
	}
	baseTerms := termSet(base)
	weight := make([]float64, len(cell))
	rank := make([]int, len(cell))
	for i := range cell {
		rank[i] = i
		if cell[i].Base {
			weight[i] = 3 // above any other: a cosine is at most 1, plus 1 if not a caption
			continue
		}
		if cell[i].Plain {
			weight[i] = -1 // below any other
			continue
		}
		weight[i] = cosine(baseTerms, termSet(cell[i].Text))
		if s := x.sent(cell[i].Ref); s == nil || s.Role != compare.RoleCaption {
			weight[i]++
		}
	}
	slices.SortStableFunc(rank, func(a, b int) int { return cmp.Compare(weight[b], weight[a]) })
	for k, i := range rank {
		cell[i].Folded = k >= cellShown
	}
}

// unfolded returns the sentences of a cell that are shown, and how many are folded.
func unfolded(cell []span) (shown []span, folded int) {
	for _, s := range cell {
		if s.Folded {
			folded++
		} else {
			shown = append(shown, s)
		}
	}
	return shown, folded
}

// moreFromOutlet names n folded sentences: "4 more sentences from this outlet".
func moreFromOutlet(n int) string { return plural(n, "more sentence") + " from this outlet" }

// termSet is the set of a sentence's matching terms (compare.Terms).
func termSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range compare.Terms(s) {
		set[t] = true
	}
	return set
}

// cosine is the cosine similarity of two sets: shared / √(|a|·|b|).
func cosine(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return float64(n) / math.Sqrt(float64(len(a)*len(b)))
}

// piece is a run of text in a diffed sentence with how to show it.
type piece struct {
	Text string
	Op   compare.Op
	Num  bool // a number given differently from the base
}

// pieces splits diff chunks so that differing numbers inside inserted text stand out.
// When the two sentences share little wording (less than wsfile.MinShared of the words), the
// reference's words are not shown struck out: a whole struck-out sentence next to a
// whole underlined one says nothing a reader cannot see.
func pieces(chunks []compare.Chunk, nums map[string]bool) []piece {
	var out []piece
	hideDeleted := wsfile.SharedShare(chunks) < wsfile.MinShared
	for _, ch := range chunks {
		if ch.Op == compare.Delete && hideDeleted {
			continue
		}
		if ch.Op != compare.Insert || len(nums) == 0 {
			out = append(out, piece{Text: ch.Text, Op: ch.Op})
			continue
		}
		rest := ch.Text
		for rest != "" {
			at, num := -1, ""
			for n := range nums {
				if i := strings.Index(rest, n); i >= 0 && (at < 0 || i < at || (i == at && len(n) > len(num))) {
					at, num = i, n
				}
			}
			if at < 0 {
				out = append(out, piece{Text: rest, Op: compare.Insert})
				break
			}
			if at > 0 {
				out = append(out, piece{Text: rest[:at], Op: compare.Insert})
			}
			out = append(out, piece{Text: num, Op: compare.Insert, Num: true})
			rest = rest[at+len(num):]
		}
	}
	return out
}

// uniqueOf lists the sentences of doc that no other article reports, skipping
// headlines (shown with the article) and very short fragments (listed).
func uniqueOf(x *index, doc string) []compare.Sentence {
	d := x.doc(doc)
	if d == nil {
		return nil
	}
	var out []compare.Sentence
	for _, s := range d.Sentences {
		if x.unique[compare.Ref{Doc: doc, Sentence: s.Index}] && listed(s) {
			out = append(out, s)
		}
	}
	return out
}

// listed reports whether a sentence no other article reports is listed as such:
// headlines and fragments of fewer than four words are counted, never listed.
func listed(s compare.Sentence) bool {
	return s.Role != compare.RoleHeadline && hasWords(s.Text, 4)
}

// hasWords reports whether s has at least n words (as strings.Fields counts them),
// reading no further than the nth: the framing view asks it of every sentence.
func hasWords(s string, n int) bool {
	in := false // in a word
	for _, r := range s {
		sp := r == ' ' || '\t' <= r && r <= '\r' || r > 0x7f && unicode.IsSpace(r)
		if !sp && !in {
			if n--; n <= 0 {
				return true
			}
		}
		in = !sp
	}
	return n <= 0
}

// uniqueCount counts the sentences of doc that no other article reports, as the
// status line and the Articles tab count them (all of Result.Unique).
func uniqueCount(x *index, doc string) int {
	n := 0
	for r := range x.unique {
		if r.Doc == doc {
			n++
		}
	}
	return n
}

// notListed says why a list of an outlet's sentences found nowhere else is shorter
// than their count: "" when it is not. The counts everywhere are of all of them;
// the lists leave out headlines and short fragments, which say little alone.
func notListed(count, shown int) string {
	if count == shown {
		return ""
	}
	return fmt.Sprintf(" (%d listed, leaving out %s: headlines and fragments of fewer than four words)", shown, plural(count-shown, "sentence"))
}

// plural writes n with a noun made plural with an s: "1 claim", "3 claims".
func plural(n int, word string) string { return wsfile.Count(n, word, word+"s") }

// people writes n people: "1 person", "3 people".
func people(n int) string { return wsfile.Count(n, "person", "people") }
