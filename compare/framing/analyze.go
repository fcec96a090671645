package framing

import (
	"slices"
	"sort"
	"strings"

	"parallax/compare"
)

// sent is one sentence with its words.
type sent struct {
	s    compare.Sentence
	toks []token
	para int // paragraph number: sentences separated by a line break differ
}

type analysis struct {
	lex    *Lexicon
	text   string
	sents  []sent
	spans  []quoteSpan // quotation marks, paired
	quoted spanIndex   // spans, to look up
	// for numbers: the quotations (rep.Quotes) to look up, and the attributions of
	// each sentence (by Index), as positions in rep.Attributions
	quotesAt spanIndex
	sources  map[int][]int
	people   *people
	rep      Report
	// the kind of the last named or anonymous source, for "he said"
	lastKind Kind
	lastPos  int
	lastOne  bool // the last source was one person ("an official"), not a group
	// names: words the article writes capitalised inside a sentence (not in a Title
	// Case line) and never in lower case: "Kurdish", so that "Kurdish militants…"
	// opening a sentence is a name too
	names map[string]bool
}

// inQuote reports whether byte offset p lies inside a quotation.
func (a *analysis) inQuote(p int) bool {
	return a.quoted.holds(p)
}

// Analyze finds the framing signals of one article. doc must come from compare.Parse
// of text (its sentence offsets index text); sentences whose offsets do not fit text
// are skipped. A nil lex means Default().
func Analyze(doc compare.Document, text string, lex *Lexicon) Report {
	if lex == nil {
		lex = Default()
	}
	a := &analysis{lex: lex, text: text, people: newPeople()}
	a.rep = Report{Doc: doc.ID, Outlet: doc.Outlet, Date: doc.Date,
		Labels: []Label{}, Attributions: []Attribution{}, Quotes: []Quote{}, Voices: []Voice{}, Numbers: []Number{}}
	for _, s := range doc.Sentences {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			continue
		}
		a.sents = append(a.sents, sent{s: s, toks: tokenize(text[s.Start:s.End], s.Start)})
	}
	sort.SliceStable(a.sents, func(i, j int) bool { return a.sents[i].s.Start < a.sents[j].s.Start })
	para := 0
	for i := range a.sents {
		if i > 0 {
			prev := a.sents[i-1].s
			if prev.End > a.sents[i].s.Start || strings.Contains(text[prev.End:a.sents[i].s.Start], "\n") {
				para++
			}
		}
		a.sents[i].para = para
	}
	a.rep.Sentences = len(a.sents)
	a.names = namesInside(a.sents)
	a.spans = a.findQuotes()
	a.quoted = newSpanIndex(len(a.spans), func(i int) (int, int) { return a.spans[i].start, a.spans[i].end })
	a.findTitledPeople()
	a.labels()
	a.attributions()
	a.quotes()
	a.rep.Voices = voicesOf(a.rep.Quotes)
	a.numbers()
	return a.rep
}

// labels finds lexicon terms and the actor each characterizes.
func (a *analysis) labels() {
	for pos, st := range a.sents {
		toks := st.toks
		for i := 0; i < len(toks); {
			e, n := a.lex.labels.at(toks, i, true)
			if e == nil {
				i++
				continue
			}
			cat := a.lex.Categories[e.cat]
			term := cat.Terms[e.term]
			if i+n < len(toks) && toks[i+n].gap == gapSpace && slices.Contains(term.NotBefore, toks[i+n].norm) {
				i += n // another sense: "claimed responsibility", "offensive line"
				continue
			}
			l := Label{Term: term.Term, Text: a.text[toks[i].start:toks[i+n-1].end], Category: cat.ID,
				Sentence: st.s.Index, Start: toks[i].start, End: toks[i+n-1].end}
			l.Quoted = a.inQuote(l.Start)
			if len(cat.Kinds) > 0 { // labels of categories without kinds describe events, not parties
				l.Actor = a.actorFor(pos, i, i+n, cat.Kinds)
				if l.Actor == "" && definite(toks, i) && !a.unknownBefore(toks, i) {
					l.Actor = a.lastActorOf(term.Term) // "the offensive": the one named before
				}
			}
			if l.Actor == "" {
				l.Actor = term.Actor
			}
			a.rep.Labels = append(a.rep.Labels, l)
			i += n
		}
	}
}

// actorFor returns the key of the actor a label at tokens [i, j) of sentence pos
// characterizes, among actors of the given kinds, or "" when there is none:
//   - the actor whose name holds the label ("the Biden administration");
//   - else the one named nearest within six words (before preferred: "Hamas
//     terrorists", "Israel’s offensive"), unless a name right before the label that is
//     no actor claims it ("Russia’s invasion of Ukraine" is not the United States',
//     though "the U.S. withdrawal" comes first);
//   - else, for a definite description of an armed group ("the militant group"), the
//     group named last before it in the sentence or the one before.
func (a *analysis) actorFor(pos, i, j int, kinds []string) string {
	toks := a.sents[pos].toks
	ok := func(act Actor) bool {
		for _, kd := range kinds {
			if kd == act.Kind {
				return true
			}
		}
		return false
	}
	best, bestD := "", 7
	for k := 0; k < len(toks); {
		e, n := a.lex.actors.at(toks, k, false)
		if e == nil {
			k++
			continue
		}
		if act := a.lex.Actors[e.cat]; ok(act) && k <= i && k+n >= j {
			return act.Key // the label is part of the actor's name: "the Biden administration"
		}
		if act := a.lex.Actors[e.cat]; ok(act) && (k+n <= i || k >= j) {
			d := i - (k + n) // words between
			if k >= j {
				d = 2 * (k - j + 1) // after: only in the same clause
				for m := j; m <= k; m++ {
					if toks[m].gap == gapPunct {
						d = bestD
					}
				}
			}
			if d < bestD {
				best, bestD = act.Key, d
			}
		}
		k += n
	}
	if bestD > 0 && a.unknownBefore(toks, i) {
		// Someone the lexicon does not know: "PKK militants", "Houthi attacks" are
		// theirs, named as written; an owner is not always the one characterized
		// ("South Africa’s genocide allegations"), so "Russia’s invasion" stays no one's.
		if possessive(toks[i-1].raw) || titleCase(toks) {
			return "" // in a Title Case headline every word is capitalised
		}
		return a.nameBefore(toks, i)
	}
	if best != "" {
		return best
	}
	if !definite(toks, i) || !slices.Equal(kinds, []string{"armed group"}) {
		// "The offensive sparked…" is not the armed group named last: only a label
		// that names a group ("the militant group") stands for one named before. (The
		// caller looks for the same label earlier: "the Israeli offensive".)
		return ""
	}
	for p := pos; p >= 0 && p >= pos-1; p-- {
		toks := a.sents[p].toks
		last := ""
		for k := 0; k < len(toks) && (p < pos || k < i); {
			e, n := a.lex.actors.at(toks, k, false)
			if e == nil {
				k++
				continue
			}
			if act := a.lex.Actors[e.cat]; ok(act) && act.Kind == "armed group" {
				last = act.Key
			}
			k += n
		}
		if last != "" {
			return last
		}
	}
	return ""
}

var (
	// determiners are capitalised words before a label that name no one: "The offensive".
	determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some", "any", "no", "every", "each", "such")
	adverbs     = set("also", "again", "then", "has", "have", "had", "nonetheless", "later", "publicly", "privately",
		"repeatedly", "would", "will", "did", "does", "do", "not", "previously", "earlier", "often", "recently",
		"first", "once", "already", "still", "never", "always", "separately", "similarly", "further", "however",
		"too", "last", "reportedly", "pointedly", "flatly")
	pronouns   = set("he", "she", "they", "we", "i", "it")
	determiner = set("the", "a", "an", "other", "some", "several", "senior", "top", "key", "former", "current",
		"two", "three", "four", "many", "most", "both", "its", "his", "her", "their", "internal", "israeli",
		"american", "palestinian", "arab", "qatari", "saudi", "egyptian", "iranian", "western", "military", "government",
		"administration", "intelligence", "security", "defense", "health", "state", "foreign", "white", "house", "local",
		"unnamed", "anonymous", "high-ranking", "ranking", "u.s", "us")
	roleNoun = set("spokesman", "spokeswoman", "spokesperson", "minister", "ministry", "secretary", "president", "leader",
		"leaders", "director", "ambassador", "envoy", "chief", "commander", "fellow", "coordinator", "department",
		"agency", "statement", "report", "office", "council", "palace", "counterpart", "counterparts", "spokesmen",
		"diplomat", "prince", "king", "military", "government", "administration", "estimates", "figures", "data",
		"company", "firm", "police", "authorities", "pastor", "priest", "lawyer", "attorney", "prosecutor",
		"prosecutors", "coroner", "sheriff")
	// upper-case function words that start sentences, not names
	// days say when a source spoke, not who: "X on Tuesday said", "X yesterday said".
	days = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"yesterday", "tonight")
	functionWords = set("the", "a", "an", "yet", "but", "and", "in", "on", "at", "as", "when", "while", "since", "after", "before",
		"during", "within", "for", "with", "shortly", "standing", "some", "this", "that", "those", "these", "there",
		"it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "my", "what", "who", "if", "however",
		"still", "nevertheless", "meanwhile", "instead", "specifically", "so", "or", "nor", "not", "no", "all",
		"every", "compounding", "wrapping", "given", "despite", "although", "though", "because", "until", "where",
		"even", "then", "now", "also", "here", "one", "to", "of", "from", "by", "into", "over", "under", "among",
		"throughout", "facing", "with", "without", "against", "nor", "either", "neither", "both", "each", "many",
		"most", "few", "several", "such", "other", "another", "only", "just", "finally", "first", "during")
	forwardStop = set("has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "said",
		"says", "that", "which", "who", "whom", "in", "on", "at", "from", "for", "to", "with", "by", "as", "since",
		"after", "before", "during", "but", "when", "while", "where", "on", "late", "earlier", "this", "last",
		"told", "about", "of")
	titleStart   = set("prime", "foreign", "defense", "top", "chief", "deputy", "national", "former")
	notVerbAfter = set("a", "an", "the", "his", "their", "her", "its", "no", "final", "our", "my", "your")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// npWord reports whether t may be part of a noun phrase naming a source.
func (a *analysis) npWord(t token) bool {
	if t.upper {
		return !functionWords[t.norm] || determiner[t.norm]
	}
	return determiner[t.norm] || a.lex.anon[t.norm] || roleNoun[t.norm] || t.norm == "of"
}

func isPossessive(t token) bool {
	r := strings.ReplaceAll(t.raw, "\u2019", "'")
	return strings.HasSuffix(r, "'s") || strings.HasSuffix(r, "s'")
}

// trimNP drops leading and trailing joiners ("of", "and") from toks[i:j+1].
func trimNP(toks []token, i, j int) (int, int) {
	for i <= j && (toks[i].norm == "of" || toks[i].norm == "and") {
		i++
	}
	for j >= i && (toks[j].norm == "of" || toks[j].norm == "and") {
		j--
	}
	return i, j
}

// npBack collects a source noun phrase ending at token j, going back; it allows "and"
// between names. It returns i > j if there is none.
func (a *analysis) npBack(toks []token, j int) (int, int) {
	k := j
	for k >= 0 && j-k < 9 {
		t := toks[k]
		// "the church’s minister": an owner before a role noun is part of the phrase
		owner := k < j && isPossessive(t) && !t.upper && roleNoun[toks[k+1].norm]
		ok := a.npWord(t) || owner || (t.norm == "and" && k > 0 && k < j)
		if !ok {
			break
		}
		if k < j && toks[k+1].gap != gapSpace && toks[k+1].gap != gapHyphen {
			break
		}
		if k < j && isPossessive(t) && !roleNoun[toks[k+1].norm] && !titleStart[toks[k+1].norm] {
			break // "Israel’s war", but "Qatar’s prime minister"
		}
		k--
	}
	return trimNP(toks, k+1, j)
}

// npForward collects a source noun phrase starting at token i.
func (a *analysis) npForward(toks []token, i int, loose bool) (int, int) {
	k := i
	for k < len(toks) && k-i < 10 {
		t := toks[k]
		if k > i && t.gap != gapSpace && t.gap != gapHyphen {
			break
		}
		if loose {
			if forwardStop[t.norm] && !(t.norm == "of" && k+1 < len(toks) && toks[k+1].upper) {
				break
			}
		} else if !a.npWord(t) && !(t.norm == "and" && k > i) {
			break
		}
		k++
	}
	return trimNP(toks, i, k-1)
}

// gapText returns the text between token j-1 and token j.
func (a *analysis) gapText(toks []token, j int) string {
	if j <= 0 || j >= len(toks) {
		return ""
	}
	return a.text[toks[j-1].end:toks[j].start]
}

// subject finds the source of the speech verb at toks[v]: the phrase before it, or after
// it when the order is inverted (“…,” said the official) or passive (confirmed by U.S.
// officials). It returns token bounds; ok is false when there is none.
func (a *analysis) subject(toks []token, v int) (i, j int, ok bool) {
	// inverted: ", said the official" / "” responded Blinken"
	if toks[v].gap == gapPunct || toks[v].gap == gapStart {
		if v+1 < len(toks) && toks[v+1].gap == gapSpace && !pronouns[toks[v+1].norm] {
			i, j := 0, -1
			if toks[v+1].upper || determiner[toks[v+1].norm] {
				i, j = a.npForward(toks, v+1, false)
			}
			if k, ok := a.describedAfter(toks, v); ok && (i > j || k > j || bare(toks[i:j+1])) {
				return v + 1, k, true // "“…,” said the governor", "“…,” said Reid's rep"
			}
			if i <= j && !bare(toks[i:j+1]) {
				return i, j, true
			}
		}
		if toks[v].gap == gapStart {
			return 0, -1, false
		}
	}
	// passive: "confirmed in recent days by U.S. officials"
	for k := v + 1; k < len(toks) && k <= v+5 && toks[k].gap == gapSpace; k++ {
		if toks[k].norm == "by" {
			if k+1 < len(toks) && toks[k+1].gap == gapSpace {
				if i, j := a.npForward(toks, k+1, false); i <= j && (toks[j].upper || a.lex.anon[toks[j].norm]) {
					return i, j, true
				}
			}
			break
		}
	}
	j = v - 1
	for j >= 0 && toks[j+1].gap == gapSpace && (adverbs[toks[j].norm] || days[toks[j].norm]) {
		if days[toks[j].norm] && j > 0 && toks[j-1].norm == "on" && toks[j].gap == gapSpace {
			j-- // "Shondell McAllister on Tuesday recalled": when, not who
		}
		j--
	}
	if j < 0 {
		return 0, -1, false
	}
	g := toks[j+1].gap
	switch {
	case g == gapSpace && pronouns[toks[j].norm]:
		return j, j, true
	case g == gapSpace && (toks[j].norm == "and" || toks[j].norm == "but"):
		// "Netanyahu is opposed … and has said": the subject of the sentence
		return a.sentenceSubject(toks, j)
	case g == gapSpace && toks[j].norm == "who" && j > 0 && toks[j].gap == gapPunct:
		if i, k := a.npBack(toks, j-1); i <= k {
			return i, k, true
		}
		if i, ok := a.describedBack(toks, j-1); ok {
			return i, j - 1, true // "the mayor, who said"
		}
	case g == gapSpace:
		if i, k := a.npBack(toks, j); i <= k && !bare(toks[i:k+1]) {
			return a.headBefore(toks, i), k, true
		}
		if i, ok := a.describedBack(toks, j); ok && !participles[toks[v].norm] {
			// "the governor said", "her father said", "Reid's rep told"; "Some in the
			// room urged", not "the room"
			if h := a.headBefore(toks, i); h < i || !afterPlacePrep(toks, i) {
				return h, j, true
			}
		}
	case g == gapPunct && a.commaAfter(toks, j):
		// appositive: "the State Department spokesman, Matthew Miller, told", "The
		// owner, Acme Corp., estimated"
		if i, k := a.npBack(toks, j); i <= k && i > 0 && strings.TrimSpace(a.gapText(toks, i)) == "," && allUpper(toks[i:k+1]) {
			return i, k, true
		}
		// an aside between commas: "Blinken, in the region for a week, told" / "The top
		// US diplomat, who met …, said"
		for w := j; w > 0 && j-w < 16; w-- {
			if toks[w].gap != gapPunct {
				continue
			}
			if strings.TrimSpace(a.gapText(toks, w)) != "," {
				break
			}
			if i, k := a.npBack(toks, w-1); i <= k && (toks[k].upper || a.lex.anon[toks[k].norm] || a.lex.alias(toks[i:k+1]) >= 0) {
				return i, k, true
			}
			if i, ok := a.describedBack(toks, w-1); ok && !participles[toks[v].norm] {
				return i, w - 1, true // "one resident, who asked not to be named, said"
			}
			break
		}
	}
	// a person named a few words before, with a time phrase between: "Mr. Austin the
	// same day warned"
	for k := j; k >= 0 && j-k < 6; k-- {
		if toks[k].gap == gapPunct && k < j || toks[k].gap == gapStart && k < j {
			break
		}
		if !toks[k].upper || functionWords[toks[k].norm] || isPossessive(toks[k]) {
			continue
		}
		for _, r := range a.nameRuns(toks[:k+1]) {
			if r.j == k+1 && (r.titled || a.people.known(r.words)) && !a.isActor(toks[r.i:r.j]) {
				return r.i, k, true
			}
		}
		break
	}
	return 0, -1, false
}

// subordinators open a clause that does not frame what follows it ("Shortly before
// Blinken spoke, Netanyahu …").
var subordinators = set("before", "after", "when", "while", "as", "since", "until", "because", "if", "though", "although", "once", "whenever")

// sentenceSubject returns the noun phrase that opens the sentence of toks, before
// token end: "However, Netanyahu …".
func (a *analysis) sentenceSubject(toks []token, end int) (int, int, bool) {
	k := 0
	for k < end && k < 3 && (functionWords[toks[k].norm] && !pronouns[toks[k].norm] || toks[k].gap == gapPunct && k > 0) {
		k++
	}
	if k >= end {
		return 0, -1, false
	}
	if pronouns[toks[k].norm] {
		return k, k, true
	}
	if i, j := a.npForward(toks, k, false); i <= j && j < end && toks[j].upper {
		return i, j, true
	}
	return 0, -1, false
}

func allUpper(toks []token) bool {
	for _, t := range toks {
		if !t.upper && !particles[t.norm] {
			return false
		}
	}
	return len(toks) > 0
}

// kindOf classifies a source phrase as named or anonymous: a source is anonymous when
// its head is an unnamed-source noun ("officials", "a senior State Department
// official"), named otherwise (a person, an institution, a document). It returns "" for
// a pronoun.
func (a *analysis) kindOf(toks []token) Kind {
	if len(toks) == 1 && pronouns[toks[0].norm] {
		return ""
	}
	if a.lex.alias(toks) >= 0 {
		return Named
	}
	end := len(toks)
	for k, t := range toks {
		if t.norm == "and" || placePreps[t.norm] && k > 0 { // "officials in Washington"
			end = k
			break
		}
	}
	if end == 0 {
		end = len(toks)
	}
	if a.lex.anon[toks[end-1].norm] {
		return Anonymous
	}
	return Named
}

func (a *analysis) span(toks []token, i, j int) string { return a.text[toks[i].start:toks[j].end] }

// pronounKind is the kind of a pronoun source: the kind of the last source for he, she
// and they when it is recent, named otherwise ("it" is an institution or a state).
func (a *analysis) pronounKind(pron string, pos int) Kind {
	recent := a.lastKind != "" && pos-a.lastPos <= 3
	switch {
	case pron == "they" && recent:
		return a.lastKind
	case pron != "it" && pron != "they" && recent && (a.lastKind == Named || a.lastOne):
		return a.lastKind // "an official said … He added": still the official
	}
	if pron == "they" {
		return Anonymous
	}
	return Named
}

// attributions finds sources, hedges and caveats in every sentence. Speech verbs and
// markers inside quotations are the speaker's words and are skipped.
func (a *analysis) attributions() {
	cues := map[int][]int{} // sentence → its hedges and caveats, in a.rep.Labels
	for i, l := range a.rep.Labels {
		if l.Category == "hedge" || l.Category == "caveat" {
			cues[l.Sentence] = append(cues[l.Sentence], i)
		}
	}
	for pos, st := range a.sents {
		toks := st.toks
		var found []Attribution
		add := func(at Attribution, si, sj int) {
			at.Sentence = st.s.Index
			if si <= sj {
				src := toks[si : sj+1]
				at.Source = a.span(toks, si, sj)
				at.Start = min(at.Start, toks[si].start)
				at.End = max(at.End, toks[sj].end)
				if k := a.kindOf(src); k != "" {
					at.Kind = k
				} else {
					at.Kind = a.pronounKind(src[0].norm, pos)
				}
				if at.Kind == Named {
					a.addSpeaker(src)
					if len(src) > 1 || !pronouns[src[0].norm] {
						if key, _, anon := a.person(src); !anon && a.isPerson(src) {
							at.Key = key
						}
					}
				}
			}
			found = append(found, at)
		}
		for i := 0; i < len(toks); i++ {
			if a.inQuote(toks[i].start) {
				continue
			}
			if e, n := a.lex.marks.at(toks, i, true); e != nil {
				at := Attribution{Cue: a.span(toks, i, i+n-1), Start: toks[i].start, End: toks[i+n-1].end, Kind: Named}
				si, sj := 0, -1
				if i+n < len(toks) && toks[i+n].gap == gapSpace {
					si, sj = a.npForward(toks, i+n, true)
				}
				add(at, si, sj)
				i += n - 1
				continue
			}
			t := toks[i]
			if !a.lex.verbs[t.norm] || t.upper || (i > 0 && notVerbAfter[toks[i-1].norm] && t.gap == gapSpace) {
				continue
			}
			si, sj, ok := a.subject(toks, i)
			if !ok {
				continue
			}
			at := Attribution{Cue: t.raw, Start: t.start, End: t.end}
			if (t.norm == "told" || t.norm == "tell" || t.norm == "tells") && i+1 < len(toks) && toks[i+1].norm == "reporters" && toks[i+1].gap == gapSpace {
				at.Cue = a.span(toks, i, i+1)
				at.End = toks[i+1].end
			}
			add(at, si, sj)
		}
		for i := 0; i < len(toks); i++ {
			e, n := a.lex.anonym.at(toks, i, false)
			if e == nil {
				continue
			}
			cond := a.span(toks, i, i+n-1)
			applied := false
			for k := range found {
				if found[k].Kind == Anonymous || found[k].Kind == Named && found[k].Key == "" {
					found[k].Kind = Anonymous
					found[k].Condition = cond
					applied = true
				}
			}
			if !applied {
				at := Attribution{Sentence: st.s.Index, Kind: Anonymous, Cue: cond, Condition: cond, Start: toks[i].start, End: toks[i+n-1].end}
				// the unnamed source is usually the nearest "officials" before the marker
				for k := i - 1; k >= 0; k-- {
					if a.lex.anon[toks[k].norm] {
						if si, sj := a.npBack(toks, k); si <= sj {
							at.Source = a.span(toks, si, sj)
							at.Start = toks[si].start
						}
						break
					}
				}
				found = append(found, at)
			}
			i += n - 1
		}
		for _, f := range found {
			if f.Kind == Named || f.Kind == Anonymous {
				a.lastKind, a.lastPos = f.Kind, pos
				w := strings.Fields(f.Source)
				a.lastOne = len(w) > 0 && !strings.HasSuffix(strings.ToLower(w[len(w)-1]), "s")
			}
		}
		// hedges and caveats come from the lexicon
		for _, li := range cues[st.s.Index] {
			l := a.rep.Labels[li]
			k := Hedge
			if l.Category == "caveat" {
				k = Caveat
			}
			found = append(found, Attribution{Sentence: st.s.Index, Kind: k, Cue: l.Text, Start: l.Start, End: l.End})
		}
		sort.SliceStable(found, func(i, j int) bool { return found[i].Start < found[j].Start })
		attributed := false
		for _, f := range found {
			switch f.Kind {
			case Named:
				a.rep.Sourcing.Named++
				attributed = true
			case Anonymous:
				a.rep.Sourcing.Anonymous++
				attributed = true
			case Hedge:
				a.rep.Sourcing.Hedges++
			case Caveat:
				a.rep.Sourcing.Caveats++
			}
		}
		if attributed {
			a.rep.Sourcing.Attributed++
		}
		a.rep.Attributions = append(a.rep.Attributions, found...)
	}
	if n := len(a.sents); n > 0 {
		a.rep.Sourcing.Share = float64(a.rep.Sourcing.Attributed) / float64(n)
	}
}

// definite reports whether the label at toks[i] is a definite description: "the
// offensive", "the militant group".
// nameBefore returns the capitalised words right before toks[i], joined as written
// ("PKK", "Al-Shabaab", "Islamic Jihad"), without a determiner, an owner ("Lebanese" of
// "Iran’s Lebanese proxy") or the sentence's plain first word (see unknownBefore).
func (a *analysis) nameBefore(toks []token, i int) string {
	k := i - 1
	for k > 0 && i-k < 3 && (toks[k].gap == gapSpace || toks[k].gap == gapHyphen) && toks[k-1].upper && !determiners[toks[k-1].norm] &&
		!possessive(toks[k-1].raw) && (toks[k-1].gap != gapStart || toks[k].gap == gapHyphen || a.names[toks[k-1].norm]) {
		k--
	}
	return a.text[toks[k].start:toks[i-1].end]
}

// titleCase reports whether toks are a line in Title Case: at least three words of four
// letters or more, nearly all capitalised ("Microsoft Rushes Emergency Fix To Address
// Internet Explorer Attacks").
func titleCase(toks []token) bool {
	long, caps := 0, 0
	for _, t := range toks {
		if len(t.norm) >= 4 {
			long++
			if t.upper {
				caps++
			}
		}
	}
	return long >= 3 && 4*caps >= 3*long
}

// unknownBefore reports whether a capitalised word stands right before the label at
// toks[i], other than a determiner or a sentence's plain first word (one the article
// does not write as a name elsewhere): unless the lexicon knows it as an actor, the
// label is someone else's ("Russia’s invasion", "Houthi attacks", "The PKK militants",
// "Kurdish militants fled…").
func (a *analysis) unknownBefore(toks []token, i int) bool {
	return i > 0 && toks[i].gap == gapSpace && toks[i-1].upper && !determiners[toks[i-1].norm] &&
		(toks[i-1].gap != gapStart || possessive(toks[i-1].raw) || a.names[toks[i-1].norm])
}

// namesInside returns the words that open a sentence capitalised and that the
// sentences also write capitalised after their first word, outside Title Case lines,
// and never in lower case. Only opening words are looked up: they are the ones in
// doubt.
func namesInside(sents []sent) map[string]bool {
	names := map[string]bool{}
	for _, st := range sents {
		if len(st.toks) > 0 && st.toks[0].upper && !determiners[st.toks[0].norm] {
			names[st.toks[0].norm] = false
		}
	}
	lower := map[string]bool{}
	for _, st := range sents {
		title := titleCase(st.toks)
		for _, t := range st.toks {
			if _, ok := names[t.norm]; !ok {
				continue
			}
			switch {
			case !t.upper:
				lower[t.norm] = true
			case t.gap != gapStart && !title:
				names[t.norm] = true
			}
		}
	}
	for w, inside := range names {
		if !inside || lower[w] {
			delete(names, w)
		}
	}
	return names
}

func definite(toks []token, i int) bool {
	return i > 0 && toks[i-1].norm == "the" || i > 1 && toks[i-2].norm == "the"
}

// lastActorOf returns the actor of the article's last label of the same term that has
// one: "the offensive" after "the Israeli offensive" is Israel's.
func (a *analysis) lastActorOf(term string) string {
	for k := len(a.rep.Labels) - 1; k >= 0; k-- {
		if l := a.rep.Labels[k]; l.Term == term && l.Actor != "" {
			return l.Actor
		}
	}
	return ""
}

// possessive reports whether a word as written ends in a possessive: "Russia’s", "allies'".
func possessive(raw string) bool {
	r := []rune(raw)
	n := len(r)
	return n > 1 && (isApostrophe(r[n-1]) || r[n-1] == 's' && isApostrophe(r[n-2]))
}
