package framing

import (
	"strings"
)

// Titles that precede a person's name. They are how names are told from places; the
// list is about English news style, not about framing, so it is not in the lexicon.
var titles = func() *matcher {
	m := newMatcher()
	for _, t := range []string{"mr", "mrs", "ms", "dr", "president", "vice president", "prime minister",
		"secretary of state", "secretary", "minister", "foreign minister", "defense minister", "war cabinet minister",
		"strategic affairs minister", "sen", "senator", "rep", "representative", "gen", "lt gen", "general",
		"king", "queen", "crown prince", "prince", "sheikh", "ambassador", "opposition leader", "special envoy",
		"envoy", "pope", "chancellor", "national security adviser", "spokesman", "spokesperson", "spokeswoman",
		"director", "commander", "defense secretary", "idf spokesperson", "army spokesman", "governor", "mayor",
		"emir", "sultan", "justice", "judge", "professor", "prof",
		// abbreviated and civic titles: "Gov. Ron Smith", "Lt. Gov. Ann Lee", "the Rev. Mark Hill"
		"gov", "lt", "lieutenant", "lieutenant governor", "col", "colonel", "lt col", "maj", "capt", "sgt",
		"adm", "admiral", "rev", "reverend", "attorney general", "sheriff", "police chief", "fire chief",
		"army chief", "speaker", "house speaker", "rabbi", "bishop", "archbishop", "cardinal", "congressman",
		"congresswoman", "councilman", "councilwoman", "assemblyman", "assemblywoman", "state senator",
		"chief justice", "detective", "superintendent", "coach", "head coach", "ceo", "chief executive",
		"chairman", "chairwoman"} {
		m.add(t, false, 0, 0)
	}
	return m
}()

// titleNames spell out abbreviated titles, so that "the governor" is "Gov. Ron Smith".
var titleNames = map[string]string{"gov": "governor", "lt gov": "lieutenant governor", "lt": "lieutenant",
	"sen": "senator", "rep": "representative", "gen": "general", "lt gen": "lieutenant general",
	"prof": "professor", "col": "colonel", "lt col": "lieutenant colonel", "maj": "major", "capt": "captain",
	"sgt": "sergeant", "adm": "admiral", "rev": "reverend"}

// titleName returns the title words as spelled out: "lt gov" is "lieutenant governor".
func titleName(words []string) string {
	t := strings.Join(words, " ")
	if n, ok := titleNames[t]; ok {
		return n
	}
	return t
}

// orgWords end the names of institutions and places, which are not people.
var orgWords = set("department", "house", "ministry", "institute", "office", "council", "agency", "agencies",
	"forces", "force", "court", "committee", "news", "times", "journal", "post", "press", "command", "authority",
	"administration", "government", "university", "center", "centre", "foundation", "network", "party", "media",
	"corps", "strip", "bank", "east", "west", "north", "south", "nations", "union", "states", "emirates",
	"republic", "kingdom", "assembly", "parliament", "senate", "congress", "army", "navy", "cabinet", "group",
	"organization", "organisation", "brigades", "jihad", "airport", "one", "street", "city", "county", "hague")

// suffixes follow a name without being part of its key: "Lloyd J. Austin III".
var suffixes = set("jr", "sr", "ii", "iii", "iv")

// particles may stand inside a name: "Mohammed bin Salman".
var particles = set("bin", "ibn", "al", "el", "van", "von", "de", "der", "da", "abu", "la", "le")

// nameRun is a run of capitalized words, maybe after a title.
type nameRun struct {
	i, j       int      // name tokens [i, j)
	titled     bool     // preceded by a title
	title      string   // the title spelled out: "lieutenant governor" for "Lt. Gov."
	possessive bool     // ends in 's
	inOrg      bool     // begins an institution's name: "UN Relief" of "UN Relief and Works Agency"
	words      []string // normalized name words
	text       string   // as written, without a possessive ending
}

// nameRuns finds runs of name words in toks.
func (a *analysis) nameRuns(toks []token) []nameRun {
	var runs []nameRun
	i := 0
	for i < len(toks) {
		j := i
		for j < len(toks) {
			if j > i && toks[j].gap != gapSpace && toks[j].gap != gapPunct {
				break
			}
			_, n := titles.at(toks, j, false)
			if n == 0 {
				break
			}
			j += n
		}
		titled := j > i
		var title []string
		for _, t := range toks[i:j] {
			title = append(title, t.norm)
		}
		k := j
		for k < len(toks) {
			t := toks[k]
			if k > j && t.gap != gapSpace && t.gap != gapHyphen {
				break
			}
			if _, n := titles.at(toks, k, false); n > 0 && k > j {
				break
			}
			name := t.upper && !functionWords[t.norm] && !isDigitWord(t.norm)
			part := !t.upper && particles[t.norm] && k > j && k+1 < len(toks) && toks[k+1].upper
			if !name && !part {
				break
			}
			k++
			if isPossessive(t) {
				break
			}
		}
		for k > j && particles[toks[k-1].norm] && !toks[k-1].upper {
			k--
		}
		if k > j {
			r := nameRun{i: j, j: k, titled: titled, title: titleName(title), possessive: isPossessive(toks[k-1])}
			for _, t := range toks[j:k] {
				r.words = append(r.words, t.norm)
			}
			r.text = a.text[toks[j].start:toks[k-1].end]
			if toks[j].start < 0 || toks[k-1].end > len(a.text) { // tokens of a snippet, not of the text
				r.text = ""
			}
			if r.possessive {
				r.text = strings.TrimSuffix(strings.TrimSuffix(r.text, "\u2019s"), "'s")
				r.text = strings.TrimRight(r.text, "'\u2019")
			}
			runs = append(runs, r)
			i = k
			continue
		}
		if j > i {
			i = j
		} else {
			i++
		}
	}
	markOrgs(toks, runs)
	return runs
}

// orgJoiners join the parts of an institution's name: "UN Relief and Works Agency".
var orgJoiners = set("and", "of", "for")

// markOrgs marks the runs that a joiner ties to a following run ending in an
// institution word.
func markOrgs(toks []token, runs []nameRun) {
	for k := len(runs) - 2; k >= 0; k-- {
		r, next := &runs[k], runs[k+1]
		if r.possessive || next.titled || next.i != r.j+1 || !orgJoiners[toks[r.j].norm] ||
			toks[r.j].gap != gapSpace || toks[next.i].gap != gapSpace {
			continue
		}
		r.inOrg = next.inOrg || orgWords[next.words[len(next.words)-1]]
	}
}

// isOrg reports whether r is, or begins, the name of an institution and names no
// known person.
func (a *analysis) isOrg(r nameRun) bool {
	return orgWords[r.words[len(r.words)-1]] || r.inOrg && !a.people.known(r.words)
}

func isDigitWord(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// people indexes the persons an article names.
type people struct {
	full    map[string]map[string]bool // surname -> full keys ("antony blinken")
	cand    map[string]map[string]bool // surname -> full names seen without a title ("Jon Finer, his deputy")
	display map[string]string          // key -> fullest name as written
	single  map[string]bool            // surnames seen alone as people ("Blinken said")
	titled  map[string]map[string]bool // title -> keys of the people named with it ("governor" -> "ron smith")
	gender  map[string]gender          // surname -> what its titles say: "Mr. Adams", "Ms. Rivera"
}

// gender is what an article's titles say of the people of one surname: men, women or
// both ("Mr. and Mrs. Lee"); zero when no title says.
type gender uint8

const (
	male gender = 1 << iota
	female
)

// titleGenders are the titles that say whether a person is a man or a woman. Only
// titles used for one sex alone are listed: not "spokesman" or "chairman".
var titleGenders = map[string]gender{"mr": male, "king": male, "prince": male, "crown prince": male,
	"congressman": male, "mrs": female, "ms": female, "queen": female, "congresswoman": female,
	"councilwoman": female, "assemblywoman": female, "chairwoman": female, "spokeswoman": female}

// pronounGenders are the pronouns that refer to a man or to a woman.
var pronounGenders = map[string]gender{"he": male, "she": female}

// agrees reports whether the person with key can be referred to by the pronoun: a
// title that says otherwise ("she said" after "Mr. Adams") rules them out.
func (p *people) agrees(key, pronoun string) bool {
	want := pronounGenders[pronoun]
	if want == 0 || key == "" {
		return true
	}
	g := p.gender[key[strings.LastIndexByte(key, ' ')+1:]]
	return g == 0 || g&want != 0
}

func newPeople() *people {
	return &people{full: map[string]map[string]bool{}, cand: map[string]map[string]bool{},
		display: map[string]string{}, single: map[string]bool{}, titled: map[string]map[string]bool{},
		gender: map[string]gender{}}
}

// byTitle returns the key of the one person the article names with title ("governor"
// for "Gov. Ron Smith"), or "" when it names none or several.
func (p *people) byTitle(title string) string {
	if len(p.titled[title]) != 1 {
		return ""
	}
	for k := range p.titled[title] {
		return k
	}
	return ""
}

// nameWords drops initials ("J.") and suffixes ("III") from normalized name words.
func nameWords(words []string) []string {
	var out []string
	for _, w := range words {
		if len([]rune(w)) > 1 && !suffixes[w] {
			out = append(out, w)
		}
	}
	return out
}

// keyOf returns the key of a full name: first and last name words, lower case.
func keyOf(name string) string {
	w := nameWords(tokenNorms(name))
	switch len(w) {
	case 0:
		return ""
	case 1:
		return w[0]
	}
	return w[0] + " " + w[len(w)-1]
}

func (p *people) add(words []string, text string) {
	w := nameWords(words)
	if len(w) == 0 {
		return
	}
	last := w[len(w)-1]
	key := last
	if len(w) > 1 {
		key = w[0] + " " + last
		if p.full[last] == nil {
			p.full[last] = map[string]bool{}
		}
		p.full[last][key] = true
	} else {
		p.single[last] = true
	}
	if text != "" && len(text) > len(p.display[key]) {
		p.display[key] = text
	}
}

func (p *people) known(words []string) bool {
	w := nameWords(words)
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	return len(p.full[last]) > 0 || p.single[last]
}

// resolve returns the key and display name for name words.
func (p *people) resolve(words []string, text string) (key, name string) {
	w := nameWords(words)
	if len(w) == 0 {
		return "", text
	}
	last := w[len(w)-1]
	key = last
	if len(w) > 1 {
		key = w[0] + " " + last
	} else if fulls := p.full[last]; len(fulls) == 1 {
		for k := range fulls {
			key = k
		}
	} else if cands := p.cand[last]; len(fulls) == 0 && len(cands) == 1 {
		for k := range cands {
			key = k
		}
	}
	name = p.display[key]
	if name == "" {
		name = text
	}
	return key, name
}

// findTitledPeople indexes every name that follows a title, and keeps other full names
// as candidates for a surname used alone ("Jon Finer, his deputy …" then "Mr. Finer").
func (a *analysis) findTitledPeople() {
	for _, st := range a.sents {
		for _, r := range a.nameRuns(st.toks) {
			if a.isActor(st.toks[r.i:r.j]) || orgWords[r.words[len(r.words)-1]] {
				continue
			}
			if r.titled {
				a.people.add(r.words, r.text)
				if key, _ := a.people.resolve(r.words, r.text); key != "" && r.title != "" {
					if a.people.titled[r.title] == nil {
						a.people.titled[r.title] = map[string]bool{}
					}
					a.people.titled[r.title][key] = true
				}
				if g := titleGenders[r.title]; g != 0 {
					if w := nameWords(r.words); len(w) > 0 {
						a.people.gender[w[len(w)-1]] |= g
					}
				}
				continue
			}
			if w := nameWords(r.words); len(w) >= 2 && len(w) <= 4 && !r.possessive {
				last := w[len(w)-1]
				key := w[0] + " " + last
				if a.people.cand[last] == nil {
					a.people.cand[last] = map[string]bool{}
				}
				a.people.cand[last][key] = true
				if len(r.text) > len(a.people.display[key]) {
					a.people.display[key] = r.text
				}
			}
		}
	}
}

// addSpeaker indexes the names in a named source.
func (a *analysis) addSpeaker(toks []token) {
	for _, r := range a.nameRuns(toks) {
		if r.possessive || a.isActor(toks[r.i:r.j]) || a.lex.anon[r.words[len(r.words)-1]] || r.inOrg && !a.people.known(r.words) {
			continue
		}
		// a single word counts only when it is clearly a person: a title or a known surname
		if len(r.words) == 1 && !r.titled && !a.people.known(r.words) {
			if len(toks) == 1 && !pronouns[r.words[0]] {
				a.people.single[r.words[0]] = true // "Blinken said"
			}
			continue
		}
		a.people.add(r.words, r.text)
	}
}

// isActor reports whether toks are wholly the name of a lexicon actor ("Israel", "IDF").
func (a *analysis) isActor(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	_, n := a.lex.actors.at(toks, 0, false)
	return n == len(toks)
}

// isPerson reports whether a source phrase names a person, by name or by a lexicon
// alias.
func (a *analysis) isPerson(toks []token) bool {
	if a.lex.alias(toks) >= 0 {
		return true
	}
	if a.kindOf(toks) == Anonymous {
		return false
	}
	if a.titledAs(toks) != "" {
		return true
	}
	for _, r := range a.nameRuns(toks) {
		if !r.possessive && !a.isActor(toks[r.i:r.j]) && !a.isOrg(r) {
			return true
		}
	}
	return false
}

// person returns the person a source phrase names: its key and display name. Anonymous
// sources and institutions get a key made of the phrase without its article.
func (a *analysis) person(toks []token) (key, name string, anon bool) {
	if i := a.lex.alias(toks); i >= 0 {
		name := a.lex.People[i].Name
		return keyOf(name), name, false
	}
	anonymous := a.kindOf(toks) == Anonymous
	for _, r := range a.nameRuns(toks) {
		if anonymous {
			break
		}
		if r.possessive || a.isActor(toks[r.i:r.j]) || a.isOrg(r) {
			continue
		}
		if r.titled || a.people.known(r.words) || len(r.words) > 1 {
			k, n := a.people.resolve(r.words, r.text)
			return k, n, false
		}
	}
	if len(toks) == 0 {
		return "", "", false
	}
	if key := a.titledAs(toks); key != "" && !anonymous {
		return key, a.people.display[key], false // "the governor": "Gov. Ron Smith"
	}
	// an institution or unnamed source: the phrase itself
	i := 0
	for i < len(toks)-1 && (toks[i].norm == "the" || toks[i].norm == "a" || toks[i].norm == "an") {
		i++
	}
	var words []string
	for _, t := range toks[i:] {
		words = append(words, t.norm)
	}
	text := a.text[toks[i].start:toks[len(toks)-1].end]
	return strings.Join(words, " "), text, anonymous
}

// titledAs returns the key of the person a source phrase names by title alone: "the
// governor" is the one person named "Gov. Ron Smith", "Governor Ron Smith", in the
// article. It returns "" when the article names no one, or several, with that title.
func (a *analysis) titledAs(toks []token) string {
	if len(toks) < 2 || toks[0].norm != "the" {
		return ""
	}
	var words []string
	for _, t := range toks[1:] {
		if t.gap != gapSpace && t.gap != gapHyphen {
			return ""
		}
		words = append(words, t.norm)
	}
	return a.people.byTitle(titleName(words))
}
