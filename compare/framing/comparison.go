package framing

import (
	"slices"
	"sort"
	"strings"

	"parallax/compare"
)

// Comparison sets the framing of several articles side by side: one Report per
// article, and for every shared claim of a compare.Result what each outlet's sentence
// does with it.
type Comparison struct {
	Articles []Report       `json:"articles"` // in the order of Result.Documents
	Claims   []ClaimFraming `json:"claims"`   // in the order of Result.Claims
	Actors   []ActorLabels  `json:"actors"`   // per actor, the labels each article gives it
	Voices   []Speaker      `json:"voices"`   // everyone quoted, names resolved across articles
	Coverage []Coverage     `json:"coverage"` // per article: what it shares, what only it reports
	Glossary []Entry        `json:"glossary"` // notes on the categories and terms found
}

// ClaimFraming is the framing of one shared claim.
type ClaimFraming struct {
	Claim    string        `json:"claim"`    // compare.Claim.ID
	Members  []Member      `json:"members"`  // one per member sentence, in claim order
	Coverage []Cell        `json:"coverage"` // one per document, in document order: where it reports the claim
	Labels   []ActorLabels `json:"labels"`   // per actor, the labels the members use
	Numbers  []NumberGroup `json:"numbers"`  // the members' numbers side by side
}

// Member is what one sentence of a claim does: its place in its article, its labels,
// sources, quotations and numbers.
type Member struct {
	Doc          string        `json:"doc"`
	Outlet       string        `json:"outlet"`
	Date         string        `json:"date,omitempty"`
	Sentence     int           `json:"sentence"`
	Position     Position      `json:"position"`
	Labels       []Label       `json:"labels"`
	Attributions []Attribution `json:"attributions"`
	Speakers     []string      `json:"speakers"` // Speaker.Key of the quotations in the sentence
	Numbers      []Number      `json:"numbers"`
}

// Cell is one document's entry in a claim's row of the coverage matrix.
type Cell struct {
	Doc      string   `json:"doc"`
	Position Position `json:"position"` // the most prominent place of the claim, or Absent
}

// Absent is the Position of a claim a document does not report.
const Absent Position = "absent"

// ActorLabels lists the labels articles give one actor ("Hamas": "militant group" in one
// article, "terrorist group" in another).
type ActorLabels struct {
	Actor  string     `json:"actor"` // Actor.Key
	Uses   []LabelUse `json:"uses"`
	Differ bool       `json:"differ"` // articles use different terms of one category for it
}

// LabelUse is one term one article uses for an actor.
type LabelUse struct {
	Doc       string `json:"doc"`
	Category  string `json:"category"`
	Term      string `json:"term"`
	Count     int    `json:"count"`
	Quoted    int    `json:"quoted"` // how many of Count stand inside quotations
	Sentences []int  `json:"sentences"`
}

// NumberGroup is the numbers that count the same thing, side by side.
type NumberGroup struct {
	Counts string      `json:"counts"` // what they count, folded: "people", "hostages"
	Values []NumberUse `json:"values"`
	Differ bool        `json:"differ"` // the articles give different figures
}

// NumberUse is a number as one article gives it, with the article's date so that a
// reader can tell a running count from a contradiction.
type NumberUse struct {
	Doc  string `json:"doc"`
	Date string `json:"date,omitempty"`
	Number
}

// Speaker is one person (or unnamed source) quoted in the articles.
type Speaker struct {
	Key       string     `json:"key"`
	Name      string     `json:"name"` // fullest name any article gives
	Anonymous bool       `json:"anonymous,omitempty"`
	Quotes    int        `json:"quotes"`
	Words     int        `json:"words"`
	By        []VoiceUse `json:"by"`             // per article that quotes them, most words first
	Only      string     `json:"only,omitempty"` // the one article that quotes them, if only one does
}

// VoiceUse is how much one article quotes a speaker.
type VoiceUse struct {
	Doc    string `json:"doc"`
	Quotes int    `json:"quotes"`
	Words  int    `json:"words"`
}

// Coverage sums up what one article shares with the others and what only it reports.
type Coverage struct {
	Doc        string   `json:"doc"`
	Claims     int      `json:"claims"`      // shared claims it reports
	Lead       int      `json:"lead"`        // of which in its lead
	FirstThird int      `json:"first_third"` // in the rest of its first third
	Middle     int      `json:"middle"`
	Buried     int      `json:"buried"`   // in its last third
	Only       []Placed `json:"only"`     // sentences no other article reports
	Missing    []string `json:"missing"`  // claims of the others it does not report (Claim.ID)
	Speakers   []string `json:"speakers"` // people and unnamed sources only it quotes (Speaker.Key)
	Numbers    []Number `json:"numbers"`  // numbers in sentences only it reports
}

// Placed is a sentence and where it stands in its article.
type Placed struct {
	Sentence int      `json:"sentence"`
	Position Position `json:"position"`
}

// Entry is a glossary line: a category, or a term of it, with the lexicon's note.
type Entry struct {
	Category string `json:"category"`
	Name     string `json:"name"`           // the category's name
	Term     string `json:"term,omitempty"` // "" for the category itself
	Note     string `json:"note"`
}

// Compare analyses every document of res and sets the findings side by side per claim.
// articles supply the texts the sentence offsets refer to, matched by ID; a document
// without its article is rebuilt from its sentences (quotations that run over a
// paragraph break are then harder to close). A nil lex means Default().
func Compare(res *compare.Result, articles []compare.Article, lex *Lexicon) *Comparison {
	if lex == nil {
		lex = Default()
	}
	c := &Comparison{Articles: []Report{}, Claims: []ClaimFraming{}, Actors: []ActorLabels{},
		Voices: []Speaker{}, Coverage: []Coverage{}, Glossary: []Entry{}}
	if res == nil {
		return c
	}
	texts := make(map[string]string, len(articles))
	for _, a := range articles {
		texts[a.ID] = a.Text
	}
	for _, d := range res.Documents {
		text, ok := texts[d.ID]
		if !ok {
			text = rebuild(d)
		}
		c.Articles = append(c.Articles, Analyze(d, text, lex))
	}
	resolveSpeakers(c.Articles, lex)
	c.Voices = speakers(c.Articles)
	c.Actors = actorLabels(c.Articles, func(Label) bool { return true })
	finders := make([]*Members, len(res.Documents))
	for _, cl := range res.Claims {
		c.Claims = append(c.Claims, claimFraming(res, c.Articles, finders, cl))
	}
	c.Coverage = CoverageOf(res, c)
	c.Glossary = glossary(c.Articles, lex)
	return c
}

// rebuild lays a document's sentences and debris at their offsets, with spaces between.
func rebuild(d compare.Document) string {
	n := 0
	for _, s := range d.Sentences {
		n = max(n, s.End)
	}
	for _, db := range d.Debris {
		n = max(n, db.End)
	}
	b := []byte(strings.Repeat(" ", n))
	for _, db := range d.Debris {
		if db.Start >= 0 && db.End <= n && len(db.Text) == db.End-db.Start {
			copy(b[db.Start:], db.Text)
		}
	}
	for _, s := range d.Sentences {
		if s.Start >= 0 && s.End <= n && len(s.Text) == s.End-s.Start {
			copy(b[s.Start:], s.Text)
		}
	}
	return string(b)
}

// resolveSpeakers gives one key to one person across articles: a surname alone
// ("biden" where an article only says "Mr. Biden") takes the full name another article
// gives, when only one full name has that surname. Names become the fullest written.
func resolveSpeakers(reps []Report, lex *Lexicon) {
	full := map[string]map[string]bool{} // surname -> full keys
	names := map[string]string{}         // key -> fullest name
	note := func(key, name string, anon bool) {
		if key == "" || anon {
			return
		}
		if f := strings.Fields(key); len(f) > 1 {
			last := f[len(f)-1]
			if full[last] == nil {
				full[last] = map[string]bool{}
			}
			full[last][key] = true
		}
		if len(name) > len(names[key]) {
			names[key] = name
		}
	}
	for _, p := range lex.People {
		note(keyOf(p.Name), p.Name, false)
	}
	for _, r := range reps {
		for _, q := range r.Quotes {
			note(q.Key, q.Name, q.Anonymous)
		}
	}
	canon := func(key string, anon bool) string {
		if anon || strings.Contains(key, " ") {
			return key
		}
		if f := full[key]; len(f) == 1 {
			for k := range f {
				return k
			}
		}
		return key
	}
	for i := range reps {
		r := &reps[i]
		for k := range r.Quotes {
			q := &r.Quotes[k]
			if q.Key == "" {
				continue
			}
			q.Key = canon(q.Key, q.Anonymous)
			if !q.Anonymous && names[q.Key] != "" {
				q.Name = names[q.Key]
			}
		}
		for k := range r.Attributions {
			if at := &r.Attributions[k]; at.Key != "" {
				at.Key = canon(at.Key, false)
			}
		}
		r.Voices = voicesOf(r.Quotes)
	}
}

// voicesOf sums quotations per speaker.
func voicesOf(quotes []Quote) []Voice {
	byKey := map[string]*Voice{}
	var order []string
	for _, q := range quotes {
		if q.Key == "" {
			continue
		}
		v := byKey[q.Key]
		if v == nil {
			v = &Voice{Key: q.Key, Name: q.Name, Anonymous: q.Anonymous}
			byKey[q.Key] = v
			order = append(order, q.Key)
		}
		v.Quotes++
		v.Words += q.Words
	}
	out := make([]Voice, 0, len(order))
	for _, k := range order {
		out = append(out, *byKey[k])
	}
	sortVoices(out)
	return out
}

// speakers lists everyone quoted across the articles. Unnamed sources are never merged
// across articles: "a senior official" in one is not the one in another.
func speakers(reps []Report) []Speaker {
	byKey := map[string]*Speaker{}
	var order []string
	for _, r := range reps {
		for _, v := range r.Voices {
			key := v.Key
			if v.Anonymous {
				key = r.Doc + ": " + v.Key
			}
			s := byKey[key]
			if s == nil {
				s = &Speaker{Key: key, Name: v.Name, Anonymous: v.Anonymous}
				byKey[key] = s
				order = append(order, key)
			}
			s.Quotes += v.Quotes
			s.Words += v.Words
			s.By = append(s.By, VoiceUse{Doc: r.Doc, Quotes: v.Quotes, Words: v.Words})
		}
	}
	out := make([]Speaker, 0, len(order))
	for _, k := range order {
		s := byKey[k]
		sort.SliceStable(s.By, func(i, j int) bool { return s.By[i].Words > s.By[j].Words })
		if len(s.By) == 1 && len(reps) > 1 {
			s.Only = s.By[0].Doc
		}
		out = append(out, *s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Words != out[j].Words {
			return out[i].Words > out[j].Words
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// actorLabels groups the labels of reps that keep passes by actor.
func actorLabels(reps []Report, keep func(Label) bool) []ActorLabels {
	byActor := map[string]*ActorLabels{}
	var order []string
	for _, r := range reps {
		uses := map[string]int{} // actor|category|term -> index in Uses
		for _, l := range r.Labels {
			if l.Actor == "" || l.Category == "hedge" || l.Category == "caveat" || !keep(l) {
				continue
			}
			al := byActor[l.Actor]
			if al == nil {
				al = &ActorLabels{Actor: l.Actor}
				byActor[l.Actor] = al
				order = append(order, l.Actor)
			}
			k := l.Actor + "|" + l.Category + "|" + l.Term
			i, ok := uses[k]
			if !ok {
				i = len(al.Uses)
				uses[k] = i
				al.Uses = append(al.Uses, LabelUse{Doc: r.Doc, Category: l.Category, Term: l.Term, Sentences: []int{}})
			}
			u := &al.Uses[i]
			u.Count++
			if l.Quoted {
				u.Quoted++
			}
			if n := len(u.Sentences); n == 0 || u.Sentences[n-1] != l.Sentence {
				u.Sentences = append(u.Sentences, l.Sentence)
			}
		}
	}
	out := make([]ActorLabels, 0, len(order))
	for _, k := range order {
		al := byActor[k]
		al.Differ = differ(al.Uses)
		out = append(out, *al)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Uses) > len(out[j].Uses) })
	return out
}

// differ reports whether two articles use different terms of one category, or one
// article uses a term in its own voice that another uses only in quotations.
func differ(uses []LabelUse) bool {
	for i, u := range uses {
		for _, v := range uses[i+1:] {
			if u.Doc != v.Doc && u.Category == v.Category && u.Term != v.Term {
				return true
			}
		}
	}
	return false
}

func claimFraming(res *compare.Result, reps []Report, finders []*Members, cl compare.Claim) ClaimFraming {
	cf := ClaimFraming{Claim: cl.ID, Members: []Member{}, Coverage: []Cell{}, Labels: []ActorLabels{}, Numbers: []NumberGroup{}}
	var parts []Report // each member's findings, as a report, for actorLabels
	for _, m := range cl.Members {
		di := docIndex(res, m.Doc)
		if di < 0 {
			continue
		}
		d, r := res.Documents[di], reps[di]
		if finders[di] == nil {
			finders[di] = NewMembers(d, r)
		}
		mem := finders[di].At(m.Sentence)
		for _, q := range r.Quotes {
			for _, s := range q.Sentences {
				if s == m.Sentence && q.Key != "" && !contains(mem.Speakers, speakerKey(r.Doc, q)) {
					mem.Speakers = append(mem.Speakers, speakerKey(r.Doc, q))
				}
			}
		}
		parts = append(parts, Report{Doc: d.ID, Labels: mem.Labels})
		cf.Members = append(cf.Members, mem)
	}
	cf.Coverage = CoverageCells(res, cf.Members)
	cf.Labels = actorLabels(parts, func(Label) bool { return true })
	cf.Numbers = numberGroups(cf.Members)
	return cf
}

// MemberAt is one sentence of an aligned article as a claim member: its place in the
// article and the labels, attributions and numbers its article's report finds in it.
// Speakers are left empty: they come from the report's quotations.
func MemberAt(d compare.Document, r Report, sentence int) Member {
	return NewMembers(d, r).At(sentence)
}

// Members gives MemberAt for many sentences of one article, reading the article and
// its report once (for a claim of 553 sentences of a 2 MB article, MemberAt read the
// whole report 553 times).
type Members struct {
	doc     compare.Document
	place   func(int) Position
	labels  map[int][]Label
	attrs   map[int][]Attribution
	numbers map[int][]Number
}

// NewMembers readies MemberAt for the sentences of d, whose report is r.
func NewMembers(d compare.Document, r Report) *Members {
	ms := &Members{doc: d, place: placer(d), labels: map[int][]Label{}, attrs: map[int][]Attribution{}, numbers: map[int][]Number{}}
	for _, l := range r.Labels {
		ms.labels[l.Sentence] = append(ms.labels[l.Sentence], l)
	}
	for _, a := range r.Attributions {
		ms.attrs[a.Sentence] = append(ms.attrs[a.Sentence], a)
	}
	for _, n := range r.Numbers {
		ms.numbers[n.Sentence] = append(ms.numbers[n.Sentence], n)
	}
	return ms
}

// At is MemberAt(d, r, sentence) for the d and r of NewMembers.
func (ms *Members) At(sentence int) Member {
	d := ms.doc
	return Member{Doc: d.ID, Outlet: d.Outlet, Date: d.Date, Sentence: sentence, Position: ms.place(sentence),
		Labels: append([]Label{}, ms.labels[sentence]...), Attributions: append([]Attribution{}, ms.attrs[sentence]...),
		Speakers: []string{}, Numbers: append([]Number{}, ms.numbers[sentence]...)}
}

// CoverageCells is a claim's row of the coverage matrix: one cell per document of res,
// holding the most prominent position of the claim's members there, or Absent.
func CoverageCells(res *compare.Result, members []Member) []Cell {
	best := map[string]Position{}
	for _, m := range members {
		if p, ok := best[m.Doc]; !ok || rank(m.Position) < rank(p) {
			best[m.Doc] = m.Position
		}
	}
	cells := make([]Cell, 0, len(res.Documents))
	for _, d := range res.Documents {
		p, ok := best[d.ID]
		if !ok {
			p = Absent
		}
		cells = append(cells, Cell{Doc: d.ID, Position: p})
	}
	return cells
}

// speakerKey is the Speaker.Key of a quotation in the article doc.
func speakerKey(doc string, q Quote) string {
	if q.Anonymous {
		return doc + ": " + q.Key
	}
	return q.Key
}

func docIndex(res *compare.Result, id string) int {
	for i, d := range res.Documents {
		if d.ID == id {
			return i
		}
	}
	return -1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// people-like nouns that count the same thing in a toll: "22,000 Palestinians", "more
// than 20,000 people".
var peopleNouns = set("people", "palestinians", "israelis", "civilians", "persons", "person", "dead", "gazans",
	"lives", "victims", "men", "women", "children")

// countKey folds what a number counts so that tolls can be set side by side.
func countKey(n Number) string {
	w := lastWord(n.Counts)
	if w == "" {
		return ""
	}
	if peopleNouns[w] {
		w = "people"
	} else {
		w = singular(w)
	}
	if n.Ordinal {
		return "ordinal " + w
	}
	return w
}

// singular folds a plural noun: "hostages" → "hostage", "parties" → "party", "boxes"
// → "box"; "plainclothes" and words in -ss stay as they are.
func singular(w string) string {
	switch {
	case len(w) <= 3 || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "clothes") || !strings.HasSuffix(w, "s"):
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes"):
		return strings.TrimSuffix(w, "es")
	}
	return strings.TrimSuffix(w, "s")
}

// numberGroups sets the numbers of a claim's members side by side by what they count; a
// number without a counted noun joins a group of the same value.
func numberGroups(members []Member) []NumberGroup {
	var groups []NumberGroup
	find := func(key string) int {
		for i, g := range groups {
			if g.Counts == key {
				return i
			}
		}
		return -1
	}
	var loose []NumberUse
	for _, m := range members {
		for _, n := range m.Numbers {
			u := NumberUse{Doc: m.Doc, Date: m.Date, Number: n}
			key := countKey(n)
			if key == "" {
				loose = append(loose, u)
				continue
			}
			if i := find(key); i >= 0 {
				groups[i].Values = append(groups[i].Values, u)
			} else {
				groups = append(groups, NumberGroup{Counts: key, Values: []NumberUse{u}})
			}
		}
	}
next:
	for _, u := range loose {
		for i := range groups {
			for _, v := range groups[i].Values {
				if v.Value == u.Value && v.Doc != u.Doc {
					groups[i].Values = append(groups[i].Values, u)
					continue next
				}
			}
		}
		groups = append(groups, NumberGroup{Counts: "", Values: []NumberUse{u}})
	}
	var split []NumberGroup
	for _, g := range groups {
		split = append(split, byMagnitude(g)...)
	}
	groups = split
	for i := range groups {
		groups[i].Differ = differs(groups[i].Values)
	}
	sort.SliceStable(groups, func(i, j int) bool { return docsIn(groups[i]) > docsIn(groups[j]) })
	if groups == nil {
		groups = []NumberGroup{}
	}
	return groups
}

// differs reports whether two articles give different figures among uses: each gives
// a figure the other does not. One that gives a figure more (the injured as well as the
// dead, both counting people) does not differ, nor does one that gives the same figures
// in another order. Vague figures ("dozens") are left out.
func differs(uses []NumberUse) bool {
	own := func(a, b string) bool { // a gives a figure b does not
		for _, u := range uses {
			if u.Doc != a || u.Vague {
				continue
			}
			if !slices.ContainsFunc(uses, func(v NumberUse) bool {
				return v.Doc == b && !v.Vague && v.Value == u.Value && v.Max == u.Max
			}) {
				return true
			}
		}
		return false
	}
	var docs []string
	for _, u := range uses {
		if !u.Vague && !slices.Contains(docs, u.Doc) {
			docs = append(docs, u.Doc)
		}
	}
	for i, a := range docs {
		for _, b := range docs[i+1:] {
			if own(a, b) && own(b, a) {
				return true
			}
		}
	}
	return false
}

// byMagnitude splits a group into numbers of the same order: a toll of 1,200 and one of
// 23,000 count people but not the same people. A malformed number joins the group one
// of its readings fits.
func byMagnitude(g NumberGroup) []NumberGroup {
	near := func(a, b float64) bool {
		if a <= 0 || b <= 0 {
			return a == b
		}
		return max(a, b)/min(a, b) <= 3
	}
	var out []NumberGroup
	var refs []float64
	add := func(u NumberUse, readings []float64) bool {
		for i, r := range refs {
			for _, x := range readings {
				if near(r, x) {
					out[i].Values = append(out[i].Values, u)
					return true
				}
			}
		}
		return false
	}
	var suspects []NumberUse
	for _, u := range g.Values {
		if u.Ordinal || len(refs) > 0 && strings.HasPrefix(g.Counts, "ordinal") {
			if len(out) == 0 {
				out, refs = append(out, NumberGroup{Counts: g.Counts}), append(refs, u.Value)
			}
			out[0].Values = append(out[0].Values, u)
			continue
		}
		if len(u.Readings) > 0 {
			suspects = append(suspects, u)
			continue
		}
		if !add(u, []float64{u.Value}) {
			out = append(out, NumberGroup{Counts: g.Counts, Values: []NumberUse{u}})
			refs = append(refs, u.Value)
		}
	}
	for _, u := range suspects {
		if !add(u, u.Readings) {
			out = append(out, NumberGroup{Counts: g.Counts, Values: []NumberUse{u}})
			refs = append(refs, u.Value)
		}
	}
	// keep the order in which the members give them
	for i := range out {
		vs := out[i].Values
		sort.SliceStable(vs, func(a, b int) bool { return indexOf(g.Values, vs[a]) < indexOf(g.Values, vs[b]) })
	}
	return out
}

func indexOf(list []NumberUse, u NumberUse) int {
	for i, x := range list {
		if x.Doc == u.Doc && x.Start == u.Start {
			return i
		}
	}
	return -1
}

func docsIn(g NumberGroup) int {
	seen := map[string]bool{}
	for _, v := range g.Values {
		seen[v.Doc] = true
	}
	return len(seen)
}

// CoverageOf sums up, per document of res, what c's claims say it shares and what
// only it reports: the Coverage of c, which it reads from c's Articles, Claims and
// Voices.
func CoverageOf(res *compare.Result, c *Comparison) []Coverage {
	out := make([]Coverage, 0, len(res.Documents))
	for di, d := range res.Documents {
		place := placer(d)
		cv := Coverage{Doc: d.ID, Only: []Placed{}, Missing: []string{}, Speakers: []string{}, Numbers: []Number{}}
		for _, cf := range c.Claims {
			p := cf.Coverage[di].Position
			switch p {
			case Absent:
				cv.Missing = append(cv.Missing, cf.Claim)
				continue
			case Lead:
				cv.Lead++
			case FirstThird:
				cv.FirstThird++
			case Middle:
				cv.Middle++
			default:
				cv.Buried++
			}
			cv.Claims++
		}
		// Sized first: a long article has thousands of sentences and numbers only it
		// gives, and growing the lists one append at a time copied megabytes.
		only := map[int]bool{}
		for _, u := range res.Unique {
			if u.Doc == d.ID {
				only[u.Sentence] = true
			}
		}
		cv.Only = make([]Placed, 0, len(only))
		for _, u := range res.Unique {
			if u.Doc == d.ID {
				cv.Only = append(cv.Only, Placed{Sentence: u.Sentence, Position: place(u.Sentence)})
			}
		}
		nums := 0
		for _, n := range c.Articles[di].Numbers {
			if only[n.Sentence] {
				nums++
			}
		}
		cv.Numbers = make([]Number, 0, nums)
		for _, n := range c.Articles[di].Numbers {
			if only[n.Sentence] {
				cv.Numbers = append(cv.Numbers, n)
			}
		}
		for _, s := range c.Voices {
			if s.Only == d.ID {
				cv.Speakers = append(cv.Speakers, s.Key)
			}
		}
		out = append(out, cv)
	}
	return out
}

// glossary lists the categories and terms found, with the lexicon's notes.
func glossary(reps []Report, lex *Lexicon) []Entry {
	used := map[string]map[string]bool{}
	for _, r := range reps {
		for _, l := range r.Labels {
			if used[l.Category] == nil {
				used[l.Category] = map[string]bool{}
			}
			used[l.Category][l.Term] = true
		}
	}
	out := []Entry{}
	for _, cat := range lex.Categories {
		if used[cat.ID] == nil {
			continue
		}
		out = append(out, Entry{Category: cat.ID, Name: cat.Name, Note: cat.Note})
		for _, t := range cat.Terms {
			if used[cat.ID][t.Term] {
				out = append(out, Entry{Category: cat.ID, Name: cat.Name, Term: t.Term, Note: t.Note})
			}
		}
	}
	return out
}
