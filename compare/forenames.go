package compare

import "slices"

// Forenames: "Prime Minister Benjamin Netanyahu" in one sentence and "Benjamin Netanyahu"
// in another share a name, Netanyahu, and a forename that says nothing more: it is how
// a writer names someone in full, in a caption or a first mention, whatever is said of
// him. Being rarer than the surname, the forename weighed more than it in matching, and
// joined "details of a clash between Mr. Blinken and Prime Minister Benjamin Netanyahu"
// to "Blinken met in Tel Aviv with … Prime Minister Benjamin Netanyahu". So a name
// written before another name is left out of a sentence's links when the articles also
// write the second name without it: then it is a forename, and the surname stands for
// the person. A name whose second half never stands alone ("Isaac Herzog" everywhere,
// "Middle East", "Mount Cook") keeps both halves; a place whose second half does (the
// "East" of "East Jerusalem") loses its first in links, and still matches by the second. The articles' own vectors keep
// forenames: there they are one more name two reports share, and without them the
// occasions of two ECB+ topics came apart differently (topic 13: F1 0.84 → 0.67).

// forenames reports, for each sentence's terms, which are forenames: a name marked
// fore whose next term, a name, occurs in some sentence without it. A sentence with no
// forename has a nil row, and the result is nil if no sentence has one.
func forenames(all [][]term) [][]bool {
	holding := map[string][]int{} // name after a possible forename → the sentences holding it, in order
	for _, ts := range all {
		for i, t := range ts[:max(len(ts)-1, 0)] {
			if t.fore && ts[i+1].kind == kindName {
				holding[ts[i+1].key] = nil
			}
		}
	}
	if len(holding) == 0 {
		return nil
	}
	for si, ts := range all {
		for _, t := range ts {
			// Any kind: a name that opens a sentence is read as a word.
			if l, ok := holding[t.key]; ok && t.kind != kindPair && (len(l) == 0 || l[len(l)-1] != si) {
				holding[t.key] = append(l, si)
			}
		}
	}
	// standsAlone reports whether the name after appears in a sentence without fore.
	known := map[string]bool{} // fore + " " + after → standsAlone
	standsAlone := func(fore, after string) bool {
		k := fore + " " + after
		alone, ok := known[k]
		if !ok {
			for _, si := range holding[after] {
				if !holdsKey(all[si], fore) {
					alone = true
					break
				}
			}
			known[k] = alone
		}
		return alone
	}
	out := make([][]bool, len(all))
	for si, ts := range all {
		for i, t := range ts[:max(len(ts)-1, 0)] {
			if next := ts[i+1]; t.fore && next.kind == kindName && next.key != t.key && standsAlone(t.key, next.key) {
				if out[si] == nil {
					out[si] = make([]bool, len(ts))
				}
				out[si][i] = true
			}
		}
	}
	return out
}

// holdsKey reports whether one of ts has the key.
func holdsKey(ts []term, key string) bool {
	for _, t := range ts {
		if t.key == key {
			return true
		}
	}
	return false
}

// isForename reports whether term i of sentence si is a forename, in forenames' result.
func isForename(fore [][]bool, si, i int) bool {
	return si < len(fore) && i < len(fore[si]) && fore[si][i]
}

// unlinkForenames takes each sentence's forenames (sent.unlink) out of the vector its
// links are scored with, once the articles' vectors, which keep them, are made.
func (c *corpus) unlinkForenames() {
	for i := range c.sents {
		s := &c.sents[i]
		if len(s.unlink) == 0 {
			continue
		}
		kept := s.vec[:0]
		for _, f := range s.vec {
			if !slices.Contains(s.unlink, f.id) {
				kept = append(kept, f)
			}
		}
		s.vec = normalise(kept)
	}
}
