package framing

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

//go:embed lexicon.json
var defaultJSON []byte

// Lexicon is the word list Analyze looks for: categories of labels, the actors labels
// characterize, and the cues of attribution. Build one with Default or Load; a Lexicon
// is read-only afterwards and safe for concurrent use.
type Lexicon struct {
	About       string     `json:"about,omitempty"`
	Categories  []Category `json:"categories"`
	Actors      []Actor    `json:"actors"`
	People      []Person   `json:"people,omitempty"`
	Attribution Cues       `json:"attribution"`

	labels *matcher // terms of all categories
	actors *matcher // actor names
	verbs  map[string]bool
	anon   map[string]bool
	marks  *matcher // attribution markers ("according to")
	anonym *matcher // anonymity markers
	people *matcher // role aliases and nicknames of People, to a People index
}

// Category is a group of terms that do the same framing work, such as armed-group
// labels or hedges. The categories "hedge" and "caveat" also feed attribution.
type Category struct {
	ID    string   `json:"id"`              // e.g. "armed-group"; lower case, digits and dashes
	Name  string   `json:"name"`            // short heading for the UI
	Note  string   `json:"note"`            // why a teacher would point at these words
	Kinds []string `json:"kinds,omitempty"` // kinds of actor these terms characterize, e.g. "armed group"
	Terms []Term   `json:"terms"`
}

// Term is one word or phrase of the lexicon.
type Term struct {
	Term  string   `json:"term"`            // as shown, e.g. "Hamas-run"; hyphens also match spaces
	Note  string   `json:"note"`            // why it matters
	Actor string   `json:"actor,omitempty"` // the actor it always refers to, if any (Actor.Key)
	Forms []string `json:"forms,omitempty"` // extra spellings matched as written: "gunmen"
	Exact bool     `json:"exact,omitempty"` // do not add plural and -ed/-ing endings
	// NotBefore are words that, right after the term, give it another sense: "claimed
	// responsibility" is no hedge, "offensive line" no military campaign.
	NotBefore []string `json:"not_before,omitempty"`
}

// Actor is a party that labels characterize, with the names that refer to it.
type Actor struct {
	Key   string   `json:"key"`   // e.g. "Hamas"
	Kind  string   `json:"kind"`  // e.g. "armed group", "state", "institution"
	Names []string `json:"names"` // e.g. "Israel", "Israeli military", "IDF"
}

// Person is someone outlets refer to by a role or a nickname as well as by name, so
// that "the top US diplomat said" counts as Antony Blinken speaking.
type Person struct {
	Name    string   `json:"name"`    // full name as usually written: "Antony Blinken"
	Aliases []string `json:"aliases"` // whole source phrases, without "the": "top US diplomat", "Bibi"
}

// Cues are the words that mark attribution.
type Cues struct {
	Verbs          []string `json:"verbs"`           // speech verbs as written: "said", "told"
	Markers        []string `json:"markers"`         // phrases before a source: "according to"
	Anonymity      []string `json:"anonymity"`       // "on condition of anonymity"
	AnonymousNouns []string `json:"anonymous_nouns"` // heads of unnamed sources: "officials"
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// Default returns the embedded lexicon. It must not be modified.
func Default() *Lexicon {
	defaultOnce.Do(func() {
		l, err := decode(defaultJSON)
		if err == nil {
			err = l.validate()
		}
		if err != nil {
			panic("framing: embedded lexicon.json is invalid: " + err.Error())
		}
		l.compile()
		defaultLex = l
	})
	return defaultLex
}

// Load returns the default lexicon extended with userJSON, which has the same shape as
// the embedded lexicon.json. A category with a known ID adds terms to it (a term already
// there is replaced); a new category needs a name and a note. Every term needs a note.
// Actors with a known key gain names; attribution lists are extended. Empty userJSON
// gives the default.
func Load(userJSON []byte) (*Lexicon, error) {
	if len(bytes.TrimSpace(userJSON)) == 0 {
		return Default(), nil
	}
	user, err := decode(userJSON)
	if err != nil {
		return nil, err
	}
	if err := user.validateUser(); err != nil {
		return nil, err
	}
	l := Default().clone()
	l.merge(user)
	if err := l.validate(); err != nil {
		return nil, err
	}
	l.compile()
	return l, nil
}

// Note returns the note of a term in a category, or "" if there is none.
func (l *Lexicon) Note(category, term string) string {
	for _, c := range l.Categories {
		if c.ID != category {
			continue
		}
		for _, t := range c.Terms {
			if strings.EqualFold(t.Term, term) {
				return t.Note
			}
		}
	}
	return ""
}

func decode(data []byte) (*Lexicon, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var l Lexicon
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("reading lexicon: %w", err)
	}
	if dec.More() {
		return nil, errors.New("reading lexicon: more than one JSON value")
	}
	return &l, nil
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func hasWord(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

// validateUser checks what only user additions must satisfy: no duplicates inside the
// file and a note on every new term.
func (l *Lexicon) validateUser() error {
	seen := map[string]bool{}
	def := Default()
	for i, c := range l.Categories {
		if !validID(c.ID) {
			return fmt.Errorf("lexicon: category %d: id %q must be lower case letters, digits and dashes", i+1, c.ID)
		}
		if seen[c.ID] {
			return fmt.Errorf("lexicon: category %q is given twice", c.ID)
		}
		seen[c.ID] = true
		known := false
		for _, d := range def.Categories {
			known = known || d.ID == c.ID
		}
		if !known && (strings.TrimSpace(c.Name) == "" || strings.TrimSpace(c.Note) == "") {
			return fmt.Errorf("lexicon: new category %q needs a name and a note", c.ID)
		}
		terms := map[string]bool{}
		for j, t := range c.Terms {
			k := strings.ToLower(strings.TrimSpace(t.Term))
			if terms[k] {
				return fmt.Errorf("lexicon: category %q: term %q is given twice", c.ID, t.Term)
			}
			terms[k] = true
			if strings.TrimSpace(t.Note) == "" {
				return fmt.Errorf("lexicon: category %q: term %d (%q) needs a note saying why it matters", c.ID, j+1, t.Term)
			}
		}
	}
	return nil
}

// validate checks a whole lexicon.
func (l *Lexicon) validate() error {
	actors := map[string]bool{}
	for i, a := range l.Actors {
		if strings.TrimSpace(a.Key) == "" {
			return fmt.Errorf("lexicon: actor %d has no key", i+1)
		}
		if strings.TrimSpace(a.Kind) == "" {
			return fmt.Errorf("lexicon: actor %q has no kind", a.Key)
		}
		if len(a.Names) == 0 {
			return fmt.Errorf("lexicon: actor %q has no names", a.Key)
		}
		for _, n := range a.Names {
			if !hasWord(n) {
				return fmt.Errorf("lexicon: actor %q: name %q has no letters", a.Key, n)
			}
		}
		actors[a.Key] = true
	}
	for i, c := range l.Categories {
		if !validID(c.ID) {
			return fmt.Errorf("lexicon: category %d: id %q must be lower case letters, digits and dashes", i+1, c.ID)
		}
		for j, t := range c.Terms {
			if !hasWord(t.Term) {
				return fmt.Errorf("lexicon: category %q: term %d (%q) has no letters", c.ID, j+1, t.Term)
			}
			for _, f := range t.Forms {
				if !hasWord(f) {
					return fmt.Errorf("lexicon: category %q: term %q: form %q has no letters", c.ID, t.Term, f)
				}
			}
			if t.Actor != "" && !actors[t.Actor] {
				return fmt.Errorf("lexicon: category %q: term %q names actor %q, which is not among the actors", c.ID, t.Term, t.Actor)
			}
		}
	}
	for _, p := range l.People {
		if len(nameWords(tokenNorms(p.Name))) < 2 {
			return fmt.Errorf("lexicon: person %q needs a first name and a surname", p.Name)
		}
		for _, al := range p.Aliases {
			if !hasWord(al) {
				return fmt.Errorf("lexicon: person %q: alias %q has no letters", p.Name, al)
			}
		}
	}
	for _, list := range [][]string{l.Attribution.Verbs, l.Attribution.Markers, l.Attribution.Anonymity, l.Attribution.AnonymousNouns} {
		for _, w := range list {
			if !hasWord(w) {
				return fmt.Errorf("lexicon: attribution cue %q has no letters", w)
			}
		}
	}
	return nil
}

func (l *Lexicon) clone() *Lexicon {
	c := &Lexicon{About: l.About}
	for _, cat := range l.Categories {
		cat.Kinds = append([]string(nil), cat.Kinds...)
		terms := make([]Term, len(cat.Terms))
		for i, t := range cat.Terms {
			t.Forms = append([]string(nil), t.Forms...)
			terms[i] = t
		}
		cat.Terms = terms
		c.Categories = append(c.Categories, cat)
	}
	for _, a := range l.Actors {
		a.Names = append([]string(nil), a.Names...)
		c.Actors = append(c.Actors, a)
	}
	for _, p := range l.People {
		p.Aliases = append([]string(nil), p.Aliases...)
		c.People = append(c.People, p)
	}
	c.Attribution = Cues{
		Verbs:          append([]string(nil), l.Attribution.Verbs...),
		Markers:        append([]string(nil), l.Attribution.Markers...),
		Anonymity:      append([]string(nil), l.Attribution.Anonymity...),
		AnonymousNouns: append([]string(nil), l.Attribution.AnonymousNouns...),
	}
	return c
}

func (l *Lexicon) merge(u *Lexicon) {
	for _, uc := range u.Categories {
		i := -1
		for j := range l.Categories {
			if l.Categories[j].ID == uc.ID {
				i = j
			}
		}
		if i < 0 {
			l.Categories = append(l.Categories, uc)
			continue
		}
		c := &l.Categories[i]
		if uc.Name != "" {
			c.Name = uc.Name
		}
		if uc.Note != "" {
			c.Note = uc.Note
		}
		c.Kinds = appendNew(c.Kinds, uc.Kinds...)
	terms:
		for _, t := range uc.Terms {
			for k := range c.Terms {
				if strings.EqualFold(c.Terms[k].Term, t.Term) {
					c.Terms[k] = t
					continue terms
				}
			}
			c.Terms = append(c.Terms, t)
		}
	}
actors:
	for _, ua := range u.Actors {
		for k := range l.Actors {
			if l.Actors[k].Key == ua.Key {
				l.Actors[k].Names = appendNew(l.Actors[k].Names, ua.Names...)
				if ua.Kind != "" {
					l.Actors[k].Kind = ua.Kind
				}
				continue actors
			}
		}
		l.Actors = append(l.Actors, ua)
	}
people:
	for _, up := range u.People {
		for k := range l.People {
			if strings.EqualFold(l.People[k].Name, up.Name) {
				l.People[k].Aliases = appendNew(l.People[k].Aliases, up.Aliases...)
				continue people
			}
		}
		l.People = append(l.People, up)
	}
	l.Attribution.Verbs = appendNew(l.Attribution.Verbs, u.Attribution.Verbs...)
	l.Attribution.Markers = appendNew(l.Attribution.Markers, u.Attribution.Markers...)
	l.Attribution.Anonymity = appendNew(l.Attribution.Anonymity, u.Attribution.Anonymity...)
	l.Attribution.AnonymousNouns = appendNew(l.Attribution.AnonymousNouns, u.Attribution.AnonymousNouns...)
}

func appendNew(list []string, add ...string) []string {
next:
	for _, a := range add {
		for _, x := range list {
			if strings.EqualFold(x, a) {
				continue next
			}
		}
		list = append(list, a)
	}
	return list
}

// entry is one compiled phrase: a term, a form of it, an actor name or a cue.
type entry struct {
	words   []string        // normalized words
	last    map[string]bool // accepted forms of the last word
	acronym bool            // all capitals: match only capitals ("US", not "us")
	cat     int             // category index, or actor index
	term    int             // term index within the category
}

type matcher struct {
	byFirst map[string][]*entry
}

func newMatcher() *matcher { return &matcher{byFirst: map[string][]*entry{}} }

// add compiles phrase; inflect allows plural and verb endings on the last word.
func (m *matcher) add(phrase string, inflect bool, cat, term int) {
	toks := tokenize(phrase, 0)
	if len(toks) == 0 {
		return
	}
	e := &entry{cat: cat, term: term, last: map[string]bool{}}
	for _, t := range toks {
		e.words = append(e.words, t.norm)
	}
	e.acronym = isAcronym(phrase)
	lastWord := e.words[len(e.words)-1]
	if inflect && !e.acronym {
		for _, f := range inflections(lastWord) {
			e.last[f] = true
		}
	} else {
		e.last[lastWord] = true
	}
	if len(e.words) == 1 {
		for f := range e.last {
			m.byFirst[f] = append(m.byFirst[f], e)
		}
		return
	}
	m.byFirst[e.words[0]] = append(m.byFirst[e.words[0]], e)
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// at returns the longest entry matching toks from i and the number of tokens it
// covers. With whole set, a match may not be glued by a hyphen to the word before or
// after it ("post-conflict" does not contain "conflict").
func (m *matcher) at(toks []token, i int, whole bool) (*entry, int) {
	if whole && toks[i].gap == gapHyphen {
		return nil, 0
	}
	var best *entry
	bestN := 0
	for _, e := range m.byFirst[toks[i].norm] {
		n := len(e.words)
		if n <= bestN || i+n > len(toks) {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			t := toks[i+k]
			if k > 0 && t.gap != gapSpace && t.gap != gapHyphen {
				ok = false
				break
			}
			if k == n-1 {
				ok = e.last[t.norm]
			} else {
				ok = t.norm == e.words[k]
			}
			if ok && e.acronym && strings.ToUpper(t.raw) != t.raw {
				ok = false
			}
		}
		if !ok {
			continue
		}
		if whole && i+n < len(toks) && toks[i+n].gap == gapHyphen {
			continue
		}
		best, bestN = e, n
	}
	return best, bestN
}

func (l *Lexicon) compile() {
	l.labels = newMatcher()
	for ci, c := range l.Categories {
		for ti, t := range c.Terms {
			l.labels.add(t.Term, !t.Exact, ci, ti)
			for _, f := range t.Forms {
				l.labels.add(f, false, ci, ti)
			}
		}
	}
	l.actors = newMatcher()
	for ai, a := range l.Actors {
		for _, n := range a.Names {
			l.actors.add(n, true, ai, 0)
		}
	}
	l.verbs = map[string]bool{}
	for _, v := range l.Attribution.Verbs {
		l.verbs[normWord(v)] = true
	}
	l.anon = map[string]bool{}
	for _, v := range l.Attribution.AnonymousNouns {
		l.anon[normWord(v)] = true
	}
	l.marks = newMatcher()
	for i, v := range l.Attribution.Markers {
		l.marks.add(v, false, i, 0)
	}
	l.anonym = newMatcher()
	for i, v := range l.Attribution.Anonymity {
		l.anonym.add(v, false, i, 0)
	}
	l.people = newMatcher()
	for i, p := range l.People {
		for _, al := range p.Aliases {
			low := strings.ToLower(al)
			for _, art := range []string{"the ", "a ", "an "} {
				if strings.HasPrefix(low, art) {
					al = al[len(art):]
				}
			}
			l.people.add(al, false, i, 0)
		}
	}
}

// alias returns the index in People of the person toks name by role or nickname, with
// a leading article allowed ("the top US diplomat"), or -1.
func (l *Lexicon) alias(toks []token) int {
	i := 0
	if len(toks) > 1 && (toks[0].norm == "the" || toks[0].norm == "a") {
		i = 1
	}
	if e, n := l.people.at(toks, i, false); e != nil && i+n == len(toks) {
		return e.cat
	}
	return -1
}

func tokenNorms(s string) []string {
	var out []string
	for _, t := range tokenize(s, 0) {
		out = append(out, t.norm)
	}
	return out
}
