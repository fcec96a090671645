package compare

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// result turns groups of sentences into claims with evidence and diffs.
func (c *corpus) result(groups [][]int, wordDiffs bool) *Result {
	r := &Result{Documents: c.docs, Claims: []Claim{}, Unique: []Ref{}}
	inClaim := make([]bool, len(c.sents))
	seen := map[int]seenIn{}
	var words *differ
	var cuts []*cutText // sentence → its tokens, once it is diffed
	if wordDiffs {
		words, cuts = newDiffer(), make([]*cutText, len(c.sents))
	}
	cut := func(si int) *cutText {
		if cuts[si] == nil {
			cuts[si] = words.cut(c.text(si))
		}
		return cuts[si]
	}
	for _, g := range groups {
		slices.SortFunc(g, func(a, b int) int {
			return cmp.Or(cmp.Compare(c.sents[a].doc, c.sents[b].doc), cmp.Compare(c.sents[a].idx, c.sents[b].idx))
		})
		cl := Claim{Score: c.groupScore(g)}
		for _, si := range g {
			inClaim[si] = true
			cl.Members = append(cl.Members, c.ref(si))
		}
		cl.Evidence = c.evidence(g, seen)
		for _, si := range g[1:] {
			if c.sents[si].doc == c.sents[g[0]].doc {
				continue // the first member's own article: its wording, not another outlet's
			}
			d := Diff{From: c.ref(g[0]), To: c.ref(si), Numbers: numberChanges(c.sents[g[0]].terms, c.sents[si].terms)}
			if wordDiffs {
				d.Chunks = words.diff(cut(g[0]), cut(si))
			}
			cl.Diffs = append(cl.Diffs, d)
		}
		r.Claims = append(r.Claims, cl)
	}
	// Order claims by how many documents report them, then by first appearance.
	outlets := make([]int, len(r.Claims))
	for i := range r.Claims {
		outlets[i] = distinctDocs(r.Claims[i].Members)
	}
	order := make([]int, len(r.Claims))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		return cmp.Or(cmp.Compare(outlets[j], outlets[i]), cmp.Compare(r.Claims[j].Score, r.Claims[i].Score))
	})
	claims := make([]Claim, len(order))
	for k, i := range order {
		claims[k] = r.Claims[i]
	}
	r.Claims = claims
	for i := range r.Claims {
		r.Claims[i].ID = "c" + strconv.Itoa(i+1)
	}
	for si := range c.sents {
		if !inClaim[si] {
			r.Unique = append(r.Unique, c.ref(si))
		}
	}
	r.Occasions = c.occasions()
	return r
}

// occasions lists the documents' IDs by occasion, in the order of Result.Occasions.
func (c *corpus) occasions() [][]string {
	var out [][]string
	group := map[int]int{} // occasion → its position in out
	for d, o := range c.occasion {
		k, ok := group[o]
		if !ok {
			k = len(out)
			group[o] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], c.docs[d].ID)
	}
	return out
}

func (c *corpus) ref(si int) Ref {
	return Ref{Doc: c.docs[c.sents[si].doc].ID, Sentence: c.sents[si].idx}
}

func (c *corpus) text(si int) string {
	s := c.sents[si]
	return c.docs[s.doc].Sentences[s.idx].Text
}

// groupScore is the average pair score over the cross-document pairs of a group,
// capped at 1.
func (c *corpus) groupScore(g []int) float64 {
	sum, n := 0.0, 0
	for i, a := range g {
		for _, b := range g[i+1:] {
			if c.sents[a].doc != c.sents[b].doc {
				sum += c.pairScore(a, b)
				n++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return math.Round(math.Min(1, sum/float64(n))*1000) / 1000
}

// maxEvidence caps the names and the terms listed as a claim's evidence.
const maxEvidence = 8

// seenIn is what evidence knows of one term of a claim.
type seenIn struct {
	doc, docs int    // the last document seen using it and how many did
	surface   string // how the claim's first sentence using it writes it
	other     string // how another document writes it, if otherwise: "Istanbul" for "Ankara" (both Turkey)
}

// evidence lists what the members of g, sorted by document, share: features found in
// at least two of its documents. Those held by more of its documents come first, as they
// say what the claim is about (in a claim of 21 reports of a rehab check-in, "Lohan" and
// "Betty Ford", not a judge's name two reports give); among equals, the rarest in the
// articles first. seen is scratch space, emptied first.
func (c *corpus) evidence(g []int, seen map[int]seenIn) Evidence {
	clear(seen)
	for _, si := range g {
		s := &c.sents[si]
		for k, id := range s.ids {
			e, ok := seen[id]
			if !ok {
				e = seenIn{doc: s.doc, docs: 1, surface: s.terms[k].surface}
			} else if e.doc != s.doc {
				e.doc, e.docs = s.doc, e.docs+1
				if w := s.terms[k].surface; e.other == "" && !variants(w, e.surface) {
					e.other = w
				}
			}
			seen[id] = e
		}
	}
	var shared []int
	for id, e := range seen {
		if e.docs >= 2 {
			shared = append(shared, id)
		}
	}
	slices.SortFunc(shared, func(a, b int) int {
		return cmp.Or(cmp.Compare(seen[b].docs, seen[a].docs), cmp.Compare(c.df[a], c.df[b]), cmp.Compare(c.keys[a], c.keys[b]))
	})
	var e Evidence
	for _, id := range shared {
		s := stripPossessive(cmp.Or(seen[id].surface, c.surface[id]))
		if o := seen[id].other; o != "" && c.kind[id] != kindWord {
			// What two outlets write differently and the engine reads as one ("Ankara",
			// "Istanbul": Turkey; "Oct. 7", "October 7") is shown both ways: one of
			// them alone reads as a word both use.
			s += " / " + stripPossessive(o)
		}
		if listed(e, s) {
			continue // one word read as several terms: "first-degree", "Athens" (also Greece)
		}
		switch c.kind[id] {
		case kindName:
			if len(e.Names) < maxEvidence {
				e.Names = append(e.Names, s)
			}
		case kindNumber, kindDate:
			e.Numbers = append(e.Numbers, s)
		default:
			if len(e.Terms) < maxEvidence {
				e.Terms = append(e.Terms, strings.ToLower(s))
			}
		}
	}
	return e
}

// variants reports whether two surfaces of one term are spellings of one word, one
// the other's beginning once lower-cased, without dots or possessive: "U.S." and "US",
// "Israel" and "Israeli", "Gaza" and "Gaza Strip"; not "Ankara" and "Istanbul".
func variants(a, b string) bool {
	norm := func(s string) string { return strings.ReplaceAll(strings.ToLower(stripPossessive(s)), ".", "") }
	a, b = norm(a), norm(b)
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// listed reports whether e already lists s, in any case.
func listed(e Evidence, s string) bool {
	for _, l := range [][]string{e.Names, e.Numbers, e.Terms} {
		for _, x := range l {
			if strings.EqualFold(x, s) {
				return true
			}
		}
	}
	return false
}

// NumberChanges lists the numbers sentences a and b give differently, as a claim's diffs
// do (see numberChanges).
func NumberChanges(a, b string) []NumberChange {
	return NumbersOf(a).Changes(NumbersOf(b))
}

// Numbers are the numbers of a sentence as the engine compares them. Reading them takes
// the sentence's terms; a caller comparing one sentence with many reads it once.
type Numbers struct{ list []number }

// NumbersOf reads the numbers of sentence s.
func NumbersOf(s string) Numbers {
	if !mayHoldNumber(s) {
		return Numbers{} // most sentences: no need to read their terms
	}
	return Numbers{numbersIn(terms(s))}
}

// mayHoldNumber reports whether s has a digit or an ordinal written as a word ("fifth"):
// what a number term needs.
func mayHoldNumber(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	for i := 0; i < len(s); {
		j := tokenEnd(s, i)
		if j-i >= 5 && j-i <= 11 { // "third" to "seventeenth"
			if _, ok := ordinals[strings.ToLower(s[i:j])]; ok {
				return true
			}
		}
		i = j
	}
	return false
}

// Changes lists the numbers n and other give differently (see numberChanges).
func (n Numbers) Changes(other Numbers) []NumberChange { return pairNumbers(n.list, other.list) }

// numberChanges lists the numbers of the sentences of terms a and b that differ.
func numberChanges(a, b []term) []NumberChange {
	return pairNumbers(numbersIn(a), numbersIn(b))
}

// pairNumbers pairs the numbers a gives and b does not with those b gives and a does
// not, when the two likely count the same thing: the same word follows both ("22,0000
// Palestinians", "23,000 Palestinians"), or each sentence has one such number left and
// they are of one order of magnitude ("more than 22,0000 Palestinians", "more than 20,000
// people"). A number only one side gives is an omission or an addition, not a
// disagreement; and numbers that count different things ("more than 22,0000
// Palestinians", "some 3,000 terrorists … some 1,200 people") are not set against each
// other. Changes are in the order of a.
func pairNumbers(a, b []number) []NumberChange {
	onlyA, onlyB := minus(a, b), minus(b, a)
	pairedB := make([]bool, len(onlyB))
	at := make([]int, 0, len(onlyA)) // for each change, the position of its number in onlyA
	var out []NumberChange
	var restA, restB []int // positions in onlyA and onlyB left unpaired
	for i, x := range onlyA {
		j := -1 // the first unpaired number of b that counts what x counts
		for k, y := range onlyB {
			if !pairedB[k] && x.unit != "" && y.unit == x.unit {
				j = k
				break
			}
		}
		if j < 0 {
			restA = append(restA, i)
			continue
		}
		pairedB[j] = true
		out, at = append(out, NumberChange{From: x.surface, To: onlyB[j].surface}), append(at, i)
	}
	for k := range onlyB {
		if !pairedB[k] {
			restB = append(restB, k)
		}
	}
	if len(restA) == 1 && len(restB) == 1 && sameOrder(onlyA[restA[0]], onlyB[restB[0]]) {
		k, _ := slices.BinarySearch(at, restA[0])
		out = slices.Insert(out, k, NumberChange{From: onlyA[restA[0]].surface, To: onlyB[restB[0]].surface})
	}
	return out
}

// number is a number a sentence gives, with the key of the word after it: what it
// counts ("23,000 Palestinians" → "palestinian"), or "".
type number struct {
	key, surface, unit string
}

// numbersIn lists the numbers of a sentence's terms that are compared: not years.
func numbersIn(ts []term) []number {
	var out []number
	for i, t := range ts {
		if t.kind != kindNumber || IsYear(t.surface) {
			continue
		}
		n := number{key: t.key, surface: t.surface}
		if i+1 < len(ts) && ts[i+1].kind != kindNumber && ts[i+1].kind != kindDate {
			n.unit = ts[i+1].key
		}
		out = append(out, n)
	}
	return out
}

func minus(a, b []number) []number {
	var out []number
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y number) bool { return y.key == x.key }) {
			out = append(out, x)
		}
	}
	return out
}

// sameOrder reports whether two numbers are within a factor of ten of each other. A
// malformed grouping counts as either reading (see Misgrouped): "22,0000" may be 22,000.
func sameOrder(a, b number) bool {
	for _, x := range numberValues(a) {
		for _, y := range numberValues(b) {
			if x > 0 && y > 0 && max(x, y) < 10*min(x, y) {
				return true
			}
		}
	}
	return false
}

// numberValues returns the value of n, and for a malformed grouping the value of its
// other reading too.
func numberValues(n number) []float64 {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(n.key, "#"), "th"), 64)
	if err != nil {
		return nil
	}
	out := []float64{v}
	if alt, _, _, ok := Misgrouped(strings.TrimRight(n.surface, ".,")); ok {
		if w, err := strconv.ParseFloat(strings.ReplaceAll(alt, ",", ""), 64); err == nil {
			out = append(out, w)
		}
	}
	return out
}

func distinctDocs(m []Ref) int {
	seen := map[string]bool{}
	for _, r := range m {
		seen[r.Doc] = true
	}
	return len(seen)
}
