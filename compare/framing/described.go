package framing

import "strings"

// A source named by what it is rather than by name, "the governor said", "her father
// said", "Reid's rep told Us", "“…,” said a neighbor", is a speaker of its own: it
// never continues the quotation of the person named before it.

var (
	// describers open a source named by what it is: "the governor", "her father".
	describers = set("the", "a", "an", "her", "his", "their", "its", "our", "my", "your", "one", "another",
		"this", "that")
	// participles are speech verbs that also follow a noun they describe: "the damage
	// estimated at", "the cases reported on Monday". Only a name or a role noun is their
	// subject.
	participles = set("estimated", "estimates", "reported")
	// notDescribing are lower-case words that do not describe a source.
	notDescribing = set("be", "been", "being", "who", "which", "that", "whom", "whose", "and", "or", "but")
	// placePreps tie a source to its place: "doctors in Gaza".
	placePreps = set("in", "from", "at")
	// inverting are the verbs that stand before their subject after a paraphrase, not
	// only after a quotation: "…, said the governor."
	inverting = set("said", "says", "added", "adds", "wrote", "writes")
	// corporate ends company names with a dot of its own: "Acme Corp., estimated".
	corporate = set("corp", "inc", "ltd", "co", "llc", "plc")
)

// bare reports whether toks are only determiners, which alone name no one: "the",
// "her", "an" of "an estimated $1 million".
func bare(toks []token) bool {
	for _, t := range toks {
		if !determiners[t.norm] {
			return false
		}
	}
	return true
}

// describing reports whether t may describe a source after a determiner: a lower-case
// word that is no function word, verb, adverb, day or number.
func (a *analysis) describing(t token) bool {
	n := t.norm
	return !t.upper && !functionWords[n] && !forwardStop[n] && !adverbs[n] && !days[n] && !pronouns[n] &&
		!a.lex.verbs[n] && !notDescribing[n] && !subordinators[n] && !isDigitWord(n)
}

// joined reports whether toks[k] follows the token before it with only a space or a
// hyphen between them.
func joined(toks []token, k int) bool {
	return k > 0 && (toks[k].gap == gapSpace || toks[k].gap == gapHyphen)
}

// describedBack finds a source named by what it is that ends at toks[j]: a determiner
// or an owner, then one to four describing words ("the software giant", "her father",
// "Reid's rep"). The phrase must open its clause: in "Mr. Austin the same day warned"
// it is a time, not a speaker. It returns the first token of the phrase.
func (a *analysis) describedBack(toks []token, j int) (int, bool) {
	n := 0
	for k := j; k >= 0; k-- {
		t := toks[k]
		switch {
		case n > 0 && describers[t.norm]:
			return k, opensClause(toks, k)
		case n > 0 && t.upper && isPossessive(t):
			k = ownerStart(toks, k)
			return k, opensClause(toks, k)
		case n < 4 && a.describing(t):
			n++
		default:
			return 0, false
		}
		if !joined(toks, k) {
			break
		}
	}
	return 0, false
}

// opensClause reports whether toks[k] opens a clause: it starts the sentence, follows
// punctuation or follows a function word ("and the governor said").
func opensClause(toks []token, k int) bool {
	if k == 0 || toks[k].gap != gapSpace {
		return true
	}
	p := toks[k-1].norm
	return functionWords[p] || subordinators[p] || days[p]
}

// ownerStart returns the first word of the name that ends in the possessive toks[k]:
// "Tara Reid's" starts at "Tara".
func ownerStart(toks []token, k int) int {
	i := k
	for ; i > 0 && k-i < 3; i-- {
		p := toks[i-1]
		if toks[i].gap != gapSpace || !p.upper || functionWords[p.norm] || isPossessive(p) {
			break
		}
	}
	return i
}

// describedAfter finds a source named by what it is after the speech verb toks[v] in
// an inverted order: "“…,” said the governor", "“…,” said Reid's rep in a statement".
// The phrase must end the clause or stand before a preposition, and after anything but
// a quotation the verb must be one that inverts ("said", not "estimated the damage").
// It returns the last token of the phrase.
func (a *analysis) describedAfter(toks []token, v int) (int, bool) {
	quoted := v > 0 && strings.ContainsAny(a.gapText(toks, v), "\"\u201d")
	if !quoted && !inverting[toks[v].norm] {
		return 0, false
	}
	k := v + 1
	switch {
	case k < len(toks) && describers[toks[k].norm]:
		k++
	case k < len(toks) && toks[k].upper:
		for k < len(toks) && k-v <= 3 && toks[k].upper && !isPossessive(toks[k]) && (k == v+1 || toks[k].gap == gapSpace) {
			k++
		}
		if k >= len(toks) || !toks[k].upper || !isPossessive(toks[k]) || toks[k].gap != gapSpace {
			return 0, false
		}
		k++
	default:
		return a.roleAfter(toks, k)
	}
	n := 0
	for k < len(toks) && joined(toks, k) && n < 4 && a.describing(toks[k]) && !strings.HasSuffix(toks[k].norm, "ed") {
		k++
		n++
	}
	if n == 0 {
		return 0, false
	}
	if k < len(toks) && toks[k].gap == gapSpace && !placePreps[toks[k].norm] && toks[k].norm != "of" && toks[k].norm != "on" && toks[k].norm != "who" {
		return 0, false
	}
	return k - 1, true
}

// headBefore extends a source that is only the place of its head back to the head:
// "Doctors in Gaza said" is said by doctors, not by Gaza. i is the first token of the
// place; it returns the first token of the whole source.
func (a *analysis) headBefore(toks []token, i int) int {
	if !afterPlacePrep(toks, i) || i < 2 || toks[i-1].gap != gapSpace {
		return i
	}
	h := toks[i-2]
	if functionWords[h.norm] && !a.lex.anon[h.norm] || a.lex.verbs[h.norm] || adverbs[h.norm] || pronouns[h.norm] || isDigitWord(h.norm) ||
		strings.HasSuffix(h.norm, "ed") || isPossessive(h) {
		return i
	}
	if k, m := a.npBack(toks, i-2); k <= m && !bare(toks[k:m+1]) {
		return k
	}
	if k, ok := a.describedBack(toks, i-2); ok {
		return k
	}
	if !h.upper && !a.describing(h) {
		return i
	}
	return i - 2
}

// afterPlacePrep reports whether toks[i] follows "in", "from" or "at": "the room" in
// "Some in the room urged" is a place.
func afterPlacePrep(toks []token, i int) bool {
	return i > 0 && toks[i].gap == gapSpace && placePreps[toks[i-1].norm]
}

// commaAfter reports whether a comma alone stands between toks[j] and the next token,
// counting the dot of a company's name as part of the name: "Acme Corp., estimated".
func (a *analysis) commaAfter(toks []token, j int) bool {
	g := strings.TrimSpace(a.gapText(toks, j+1))
	if corporate[toks[j].norm] && toks[j].upper {
		g = strings.TrimPrefix(g, ".")
	}
	return g == ","
}

// roleAfter finds a titled name after a few lower-case words from toks[k] on: "said
// council president Maria Gomez". It returns the last token of the name.
func (a *analysis) roleAfter(toks []token, k int) (int, bool) {
	for i := k; i < len(toks) && i-k < 3 && joined(toks, i) && !toks[i].upper; i++ {
		if _, n := titles.at(toks, i, false); n > 0 {
			if j := i + n; j < len(toks) && toks[j].upper && toks[j].gap == gapSpace {
				_, e := a.npForward(toks, j, false)
				return e, e >= j
			}
			return 0, false
		}
		if !a.describing(toks[i]) {
			return 0, false
		}
	}
	return 0, false
}
