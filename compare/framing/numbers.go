package framing

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"parallax/compare"
)

var (
	months = set("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
		"july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december")
	wordNumbers = map[string]float64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20, "thirty": 30,
		"forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "dozen": 12}
	vagueNumbers = map[string]float64{"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6,
		"scores": 40, "tens": 10}
	ordinals = map[string]float64{"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10}
	multipliers = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9}
	qualifiers  = []string{"more than", "fewer than", "less than", "at least", "at most", "as many as", "up to",
		"close to", "an estimated", "just over", "just under", "over", "some", "about", "around", "nearly",
		"almost", "roughly", "approximately", "another", "estimated"}
	countStop = set("of", "in", "on", "at", "to", "from", "by", "for", "with", "as", "and", "or", "but", "who",
		"that", "which", "have", "has", "had", "were", "was", "is", "are", "be", "been", "will", "would", "the",
		"a", "an", "its", "their", "his", "her", "out", "since", "after", "before", "into", "over", "more", "most",
		"mostly", "than", "per", "each", "a", "ago", "later", "earlier", "this", "that", "these", "those", "it",
		"they", "he", "she", "when", "where", "while", "including", "under", "among", "between", "about")
	// units are what a measurement is in: a number followed by one counts it alone ("a
	// 6.1 magnitude earthquake hit Indonesia" is a magnitude, not "magnitude earthquake
	// hit Indonesia"), and "magnitude 6.1" is one too.
	units = set("magnitude", "percent", "degrees", "km", "kilometers", "kilometres", "miles", "mph", "feet",
		"meters", "metres", "points")
	// ordinalNouns are what an ordinal may count: "his fifth visit", not "the second floor"
	ordinalNouns = set("visit", "visits", "trip", "trips", "time", "times", "phase", "stage", "round", "term",
		"day", "week", "month", "year", "attempt", "meeting", "call", "war", "try")
	plurals = set("people", "men", "women", "children", "dead", "police", "personnel", "staff", "wounded", "injured")
)

// namedBy are the nouns that, capitalised before a number, make it part of a name:
// "Highway 9", "Flight 370", "Resolution 2334", "Game 7".
var namedBy = set("highway", "route", "interstate", "road", "street", "avenue", "flight", "article", "resolution",
	"chapter", "section", "paragraph", "amendment", "room", "gate", "terminal", "platform", "building", "block",
	"sector", "level", "phase", "stage", "category", "grade", "game", "round", "season", "episode", "week",
	"channel", "unit", "ward", "district", "precinct", "camp", "bus", "train", "line", "pier", "runway")

// numbers finds statistics in every sentence.
func (a *analysis) numbers() {
	a.quotesAt = newSpanIndex(len(a.rep.Quotes), func(i int) (int, int) { return a.rep.Quotes[i].Start, a.rep.Quotes[i].End })
	a.sources = map[int][]int{}
	for i, at := range a.rep.Attributions {
		a.sources[at.Sentence] = append(a.sources[at.Sentence], i)
	}
	for pos, st := range a.sents {
		toks := st.toks
		for i := 0; i < len(toks); i++ {
			n, end, ok := a.number(toks, i)
			if !ok {
				continue
			}
			n.Sentence = st.s.Index
			a.qualify(&n, toks, i)
			skipOf := n.Vague || toks[end].norm == "dozen" || toks[end].norm == "million"
			n.Counts = a.counts(toks, end+1, skipOf)
			n.Of = skipOf && n.Counts != "" && end+1 < len(toks) && toks[end+1].norm == "of"
			if u := unitOf(toks, i, end); u != "" {
				n.Counts, n.Of = u, false
			}
			if n.Counts == "" && strings.HasPrefix(n.Text, "$") {
				n.Counts = "dollars"
			}
			i = end
			if n.Counts == "" && !n.Vague && !n.Ordinal && !isDigitWord(n.Text) && !strings.HasPrefix(n.Text, "$") {
				continue // "the two also discussed": a pronoun, not a statistic
			}
			if n.Ordinal && n.Counts != "" && !ordinalNouns[lastWord(n.Counts)] {
				continue // "the second floor"
			}
			a.source(&n, pos, toks, i)
			a.rep.Numbers = append(a.rep.Numbers, n)
		}
	}
}

// number reads a number starting at toks[i]; end is its last token.
func (a *analysis) number(toks []token, i int) (n Number, end int, ok bool) {
	t := toks[i]
	glued := t.gap == gapHyphen || (i+1 < len(toks) && toks[i+1].gap == gapHyphen)
	prevMonth := i > 0 && months[toks[i-1].norm]
	end = i
	switch {
	case isDigitWord(t.norm):
		digits := strings.ReplaceAll(t.raw, ",", "")
		v, err := strconv.ParseFloat(digits, 64)
		if err != nil || glued || prevMonth {
			return n, i, false // 1990s, 7th, 155-millimeter, Oct. 7
		}
		if !strings.ContainsAny(t.raw, ",.") && len(t.raw) == 4 && v >= 1800 && v <= 2100 {
			return n, i, false // a year
		}
		if i > 0 && toks[i-1].upper && t.gap == gapSpace && namedBy[toks[i-1].norm] {
			return n, i, false // Highway 9, Flight 370, Resolution 2334: a name, not a count
		}
		if i+2 < len(toks) && (toks[i+1].norm == "p" || toks[i+1].norm == "a") && toks[i+2].norm == "m" {
			return n, i, false // 11 p.m.
		}
		if a.clock(toks, i-1, i) {
			return n, i, false // the minutes of 07:37
		}
		if a.clock(toks, i, i+1) {
			return n, i + 1, false // 07:37 a.m.
		}
		n.Value = v
		n.Suspect, n.Readings = suspect(t.raw)
		start := t.start
		if t.start > 0 && a.text[t.start-1] == '$' {
			start--
		}
		// 147.5 million
		if i+1 < len(toks) && toks[i+1].gap == gapSpace && multipliers[toks[i+1].norm] > 0 {
			end = i + 1
			n.Value *= multipliers[toks[i+1].norm]
		}
		// 35 to 40
		// (not "35, to 40": a comma or other mark ends the number)
		if end+2 < len(toks) && toks[end+1].norm == "to" && toks[end+1].gap == gapSpace && isDigitWord(toks[end+2].norm) && toks[end+2].gap == gapSpace {
			if hi, err := strconv.ParseFloat(strings.ReplaceAll(toks[end+2].raw, ",", ""), 64); err == nil && hi > v {
				n.Max = hi
				end += 2
			}
		}
		n.Start, n.End = start, toks[end].end
	case wordNumbers[t.norm] > 0 && !t.upper || wordNumbers[t.norm] > 0 && t.gap == gapStart:
		if glued {
			return n, i, false // four-nation, two-state
		}
		n.Value = wordNumbers[t.norm]
		n.Start, n.End = t.start, t.end
		if t.norm == "million" || t.norm == "billion" || t.norm == "dozen" || t.norm == "hundred" || t.norm == "thousand" {
			if i > 0 && toks[i-1].norm == "a" && t.gap == gapSpace {
				n.Start = toks[i-1].start
			}
		}
	case vagueNumbers[t.norm] > 0:
		if glued {
			return n, i, false
		}
		n.Value, n.Vague = vagueNumbers[t.norm], true
		n.Start, n.End = t.start, t.end
		// tens of thousands
		if i+2 < len(toks) && toks[i+1].norm == "of" && vagueNumbers[toks[i+2].norm] > 0 {
			n.Value *= vagueNumbers[toks[i+2].norm] / 2
			end = i + 2
			n.End = toks[end].end
		}
		if t.norm == "tens" && end == i {
			return n, i, false
		}
	case ordinals[t.norm] > 0:
		if glued {
			return n, i, false
		}
		n.Value, n.Ordinal = ordinals[t.norm], true
		n.Start, n.End = t.start, t.end
	default:
		return n, i, false
	}
	n.Text = a.text[n.Start:n.End]
	return n, end, true
}

// unitOf returns the unit of the number toks[i:end+1] ("6.1 magnitude", "magnitude
// 6.1", "40 percent"), or "".
func unitOf(toks []token, i, end int) string {
	if end+1 < len(toks) && toks[end+1].gap == gapSpace && units[toks[end+1].norm] {
		return toks[end+1].norm
	}
	if i > 0 && toks[i].gap == gapSpace && toks[i-1].norm == "magnitude" {
		return "magnitude"
	}
	return ""
}

// clock reports whether toks[i] and toks[j] are the hours and minutes of a time of day,
// digits on either side of one colon: "07:37".
func (a *analysis) clock(toks []token, i, j int) bool {
	return i >= 0 && j < len(toks) && toks[j].start == toks[i].end+1 && a.text[toks[i].end] == ':' &&
		isDigitWord(toks[i].norm) && isDigitWord(toks[j].norm)
}

// suspect says why a written number looks malformed, or "", and the values it may
// stand for.
func suspect(raw string) (string, []float64) {
	if !strings.Contains(raw, ",") {
		return "", nil
	}
	intPart, _, _ := strings.Cut(raw, ".")
	if first, _, _ := strings.Cut(intPart, ","); len(first) > 3 || len(first) == 0 {
		return fmt.Sprintf("%q has %d digits before its first comma; groups have at most three", raw, len(first)), nil
	}
	alt, whole, n, ok := compare.Misgrouped(raw)
	if !ok {
		return "", nil
	}
	readings := []float64{}
	for _, s := range []string{alt, whole} {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil && !containsFloat(readings, v) {
			readings = append(readings, v)
		}
	}
	return fmt.Sprintf("%q has a group of %d digits after a comma, not 3: a typo for %s or %s?", raw, n, alt, whole), readings
}

func containsFloat(list []float64, v float64) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// qualify finds "more than", "some", "about" before the number.
func (a *analysis) qualify(n *Number, toks []token, i int) {
	if i > 0 && toks[i-1].start == n.Start {
		i-- // "a million"
	}
	if toks[i].gap != gapSpace {
		return
	}
	for _, q := range qualifiers {
		words := strings.Fields(q)
		k := i - len(words)
		if k < 0 {
			continue
		}
		match := true
		for w, word := range words {
			if toks[k+w].norm != word || (w > 0 && toks[k+w].gap != gapSpace) {
				match = false
				break
			}
		}
		if match {
			n.Qualifier = a.text[toks[k].start:toks[i-1].end]
			return
		}
	}
}

// counts returns the noun phrase after a number: what it counts.
func (a *analysis) counts(toks []token, i int, skipOf bool) string {
	if skipOf && i < len(toks) && toks[i].norm == "of" && toks[i].gap == gapSpace {
		i++
		for i < len(toks) && (toks[i].norm == "the" || toks[i].norm == "its" || toks[i].norm == "their" || toks[i].norm == "his" || toks[i].norm == "her") {
			i++
		}
	}
	if i >= len(toks) || toks[i].gap != gapSpace || adverbs[toks[i].norm] {
		return ""
	}
	k := i
	for k < len(toks) && k-i < 4 {
		t := toks[k]
		if k > i && t.gap != gapSpace && t.gap != gapHyphen {
			break
		}
		glued := k > i && t.gap == gapHyphen || k+1 < len(toks) && toks[k+1].gap == gapHyphen
		if countStop[t.norm] && !glued || isDigitWord(t.norm) && !glued {
			break
		}
		k++
		next := gapStart
		if k < len(toks) {
			next = toks[k].gap
		}
		if next != gapHyphen && (plurals[t.norm] || strings.HasSuffix(t.norm, "s") && !strings.HasSuffix(t.norm, "ss") && len(t.norm) > 3) {
			break
		}
	}
	if k == i {
		return ""
	}
	return a.text[toks[i].start:toks[k-1].end]
}

// source attaches the attribution of the number: the speaker when it is quoted; else
// "according to" anywhere in its sentence; else a source whose verb comes before the
// number in the sentence ("officials said 1,200 …"), or after it by a few words
// ("… 129 hostages, who Israel says …"). Caveats and hedges of the sentence, and
// caveats of the next one, are listed.
func (a *analysis) source(n *Number, pos int, toks []token, end int) {
	idx := a.sents[pos].s.Index
	next := -1
	if pos+1 < len(a.sents) {
		next = a.sents[pos+1].s.Index
	}
	qi := a.quotesAt.last(n.Start, n.End, func(i int) bool { return a.rep.Quotes[i].Speaker != "" })
	quoted := qi >= 0
	if quoted {
		q := a.rep.Quotes[qi]
		n.Source, n.Kind = q.Speaker, Named
		if q.Name != "" {
			n.Source = q.Name
		}
		if q.Anonymous {
			n.Kind = Anonymous
		}
	}
	after := end + 1 // tokens after the number, for "who Israel says"
	best := math.MaxInt
	var near []int // the attributions of this sentence and the next, in their order
	if next >= 0 {
		near = mergeSorted(a.sources[idx], a.sources[next])
	} else {
		near = a.sources[idx]
	}
	for _, ai := range near {
		at := a.rep.Attributions[ai]
		switch {
		case quoted && (at.Kind == Named || at.Kind == Anonymous):
		case at.Sentence == idx && (at.Kind == Named || at.Kind == Anonymous) && at.Source != "":
			marker := !a.lex.verbs[lastWord(strings.Fields(at.Cue + " x")[0])]
			d := -1
			switch {
			case marker, at.End <= n.Start:
				d = abs(at.Start - n.Start)
			case a.closesSentence(toks, at):
				d = at.Start - n.End // "…, officials said."
			default:
				k := after
				for k < len(toks) && toks[k].end <= at.Start {
					k++
				}
				// the relative pronoun right before the source, after a comma
				rel := k > after && k-1 < len(toks) && toks[k-1].gap == gapPunct &&
					(toks[k-1].norm == "who" || toks[k-1].norm == "which" || toks[k-1].norm == "that")
				if k-1 >= 0 && k-1 < len(toks) && toks[k-1].end > at.Start {
					rel = false
				}
				if rel && k-after <= 8 {
					d = at.Start - n.End // "129 hostages, …, who Israel says"
				}
			}
			if d >= 0 && d < best {
				best = d
				n.Source, n.Kind = at.Source, at.Kind
				if at.Key != "" {
					if name := a.people.display[at.Key]; name != "" {
						n.Source = name
					}
				}
			}
		case at.Sentence == idx && (at.Kind == Hedge || at.Kind == Caveat) && a.nearNumber(toks, n, at),
			at.Sentence == next && at.Kind == Caveat:
			n.Caveats = append(n.Caveats, at.Cue)
		}
	}
}

// maxCueWords is how many words may stand between a number and a hedge or caveat of its
// sentence that qualifies it.
const maxCueWords = 12

// nearNumber reports whether the hedge or caveat at qualifies the number n of the same
// sentence (toks): at most maxCueWords words apart, with no dash, bracket, colon or
// semicolon between them. "had reportedly killed or wounded hundreds" and "allegations
// that a dozen of its employees" qualify their numbers; in "— his fifth to the region
// since the conflict erupted — Blinken was returning … after Netanyahu … appeared to
// reject" the hedge is about Netanyahu, not the count of trips.
func (a *analysis) nearNumber(toks []token, n *Number, at Attribution) bool {
	lo, hi := min(n.End, at.End), max(n.Start, at.Start)
	if lo >= hi {
		return true // they overlap
	}
	if strings.ContainsAny(a.text[lo:hi], "—–;:()[]") || strings.Contains(a.text[lo:hi], " - ") {
		return false
	}
	words := 0
	for _, t := range toks {
		if t.start >= lo && t.end <= hi {
			words++
		}
	}
	return words <= maxCueWords
}

// closesSentence reports whether at stands after a comma at the end of its sentence:
// "…, officials said." / "…, said the official."
func (a *analysis) closesSentence(toks []token, at Attribution) bool {
	first := -1
	for k, t := range toks {
		if t.start >= at.Start && first < 0 {
			first = k
		}
		if t.start >= at.End && t.gap == gapPunct {
			return false
		}
	}
	if first <= 0 || strings.TrimSpace(a.gapText(toks, first)) != "," {
		return false
	}
	n := 0
	for _, t := range toks[first:] {
		if t.start >= at.End {
			n++
		}
	}
	return n <= 4
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return normWord(f[len(f)-1])
}

// mergeSorted merges two ascending lists into a new one.
func mergeSorted(x, y []int) []int {
	out := make([]int, 0, len(x)+len(y))
	for len(x) > 0 && len(y) > 0 {
		if x[0] <= y[0] {
			out, x = append(out, x[0]), x[1:]
		} else {
			out, y = append(out, y[0]), y[1:]
		}
	}
	return append(append(out, x...), y...)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
