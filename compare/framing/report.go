package framing

import "parallax/compare"

// Report is what Analyze finds in one article. Every Start and End is a byte offset
// into the article text given to Analyze; every Sentence is a compare.Sentence.Index.
type Report struct {
	Doc    string `json:"doc"`            // Document.ID
	Outlet string `json:"outlet"`         // Document.Outlet
	Date   string `json:"date,omitempty"` // Document.Date

	Sentences    int           `json:"sentences"` // sentences analysed
	Labels       []Label       `json:"labels"`
	Attributions []Attribution `json:"attributions"`
	Sourcing     Sourcing      `json:"sourcing"`
	Quotes       []Quote       `json:"quotes"`
	Voices       []Voice       `json:"voices"` // speakers by words quoted, most first
	Numbers      []Number      `json:"numbers"`
}

// Label is one occurrence of a lexicon term.
type Label struct {
	Term     string `json:"term"`             // the lexicon term, e.g. "terrorist"
	Text     string `json:"text"`             // as written, e.g. "terrorists"
	Category string `json:"category"`         // Category.ID
	Actor    string `json:"actor,omitempty"`  // Actor.Key of what it characterizes, when found
	Quoted   bool   `json:"quoted,omitempty"` // inside a quotation: the speaker's word, not the outlet's
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Kind says how a statement is sourced.
type Kind string

// Kinds of attribution.
const (
	Named     Kind = "named"     // a named person or institution: "Mr. Netanyahu said", "according to the Gaza health ministry"
	Anonymous Kind = "anonymous" // an unnamed source: "U.S. officials said", "a senior State Department official"
	Hedge     Kind = "hedge"     // the outlet keeps its distance: "alleged", "claimed", "reportedly"
	Caveat    Kind = "caveat"    // an explicit warning: "cannot be independently verified"
)

// Attribution is one place where a sentence says where its content comes from.
type Attribution struct {
	Sentence  int    `json:"sentence"`
	Kind      Kind   `json:"kind"`
	Cue       string `json:"cue"`                 // as written: "said", "told reporters", "according to", "alleged"
	Source    string `json:"source,omitempty"`    // as written: "U.S. officials", "the Hamas-run Gaza Health Ministry"
	Key       string `json:"key,omitempty"`       // the person the source names, resolved: "antony blinken"
	Condition string `json:"condition,omitempty"` // as written: "on condition of anonymity"
	Start     int    `json:"start"`               // span of the cue and its source
	End       int    `json:"end"`
}

// Sourcing sums up the attributions of an article.
type Sourcing struct {
	Attributed int     `json:"attributed"` // sentences with a named or anonymous source
	Share      float64 `json:"share"`      // Attributed / sentences analysed, 0..1
	Named      int     `json:"named"`      // named attributions
	Anonymous  int     `json:"anonymous"`  // anonymous attributions
	Hedges     int     `json:"hedges"`
	Caveats    int     `json:"caveats"`
}

// Quote is a direct quotation: the words between a pair of double quotation marks,
// one quote even when it runs over several sentences.
type Quote struct {
	Text      string `json:"text"`               // the words inside the marks
	Start     int    `json:"start"`              // span including the marks
	End       int    `json:"end"`                //
	Sentences []int  `json:"sentences"`          // sentences the quote overlaps
	Words     int    `json:"words"`              // words inside the marks
	Fragment  bool   `json:"fragment,omitempty"` // a few words inside a sentence ("proud", “war criminal”), not a full statement
	Speaker   string `json:"speaker,omitempty"`  // as written: "Mr. Blinken", "he", "a senior State Department official"
	Key       string `json:"key,omitempty"`      // resolved speaker, e.g. "antony blinken"; "" if unknown
	Name      string `json:"name,omitempty"`     // fullest name the article gives, e.g. "Antony J. Blinken"
	Anonymous bool   `json:"anonymous,omitempty"`
	Via       string `json:"via,omitempty"` // how the speaker was found: "after", "before", "continued", "pronoun", "context", "sentence", "paragraph" (the next paragraph's)
}

// Voice is one speaker's share of an article's quotations.
type Voice struct {
	Key       string `json:"key"`
	Name      string `json:"name"`
	Anonymous bool   `json:"anonymous,omitempty"`
	Quotes    int    `json:"quotes"`
	Words     int    `json:"words"`
}

// Number is a statistic: a count or amount with what it counts.
type Number struct {
	Text      string    `json:"text"`                // as written, e.g. "22,0000", "tens of thousands", "35 to 40"
	Value     float64   `json:"value"`               // the value as written; for ranges the low end
	Max       float64   `json:"max,omitempty"`       // the high end of a range
	Vague     bool      `json:"vague,omitempty"`     // an order of magnitude, like "thousands"
	Ordinal   bool      `json:"ordinal,omitempty"`   // "fifth" (visit)
	Qualifier string    `json:"qualifier,omitempty"` // "more than", "some", "about", "over"
	Counts    string    `json:"counts,omitempty"`    // what it counts: "Palestinians", "hostages", "people"
	Of        bool      `json:"of,omitempty"`        // Counts follows "of" in the text: "thousands of terrorists"
	Source    string    `json:"source,omitempty"`    // attribution in the sentence, as written
	Kind      Kind      `json:"kind,omitempty"`      // kind of that attribution
	Caveats   []string  `json:"caveats,omitempty"`   // caveats and hedges in the sentence or the next one
	Suspect   string    `json:"suspect,omitempty"`   // why the number looks malformed, e.g. a four-digit group
	Readings  []float64 `json:"readings,omitempty"`  // what a malformed number may stand for: 22000, 220000
	Sentence  int       `json:"sentence"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
}

// Position says where in an article a sentence appears.
type Position string

// Positions, from most to least prominent.
const (
	Lead       Position = "lead"        // the first two sentences
	FirstThird Position = "first-third" // the rest of the first third
	Middle     Position = "middle"
	Buried     Position = "buried" // the last third
)

// Place returns the position of sentence (a Sentence.Index) in doc. Photo captions are
// not counted; a caption is placed where it stands among the other sentences.
func Place(doc compare.Document, sentence int) Position {
	n, rank := 0, -1
	for _, s := range doc.Sentences {
		if s.Index == sentence && rank < 0 {
			rank = n
		}
		if s.Role != compare.RoleCaption {
			n++
		}
	}
	if rank < 0 {
		rank = n
	}
	return positionAt(rank, n)
}

// placer is Place for many sentences of doc: it reads doc once.
func placer(doc compare.Document) func(sentence int) Position {
	n, ranks := 0, make(map[int]int, len(doc.Sentences))
	for _, s := range doc.Sentences {
		if _, ok := ranks[s.Index]; !ok {
			ranks[s.Index] = n
		}
		if s.Role != compare.RoleCaption {
			n++
		}
	}
	return func(sentence int) Position {
		rank, ok := ranks[sentence]
		if !ok {
			rank = n
		}
		return positionAt(rank, n)
	}
}

// positionAt is the position of the sentence that comes rank-th of n.
func positionAt(rank, n int) Position {
	switch {
	case rank < 2:
		return Lead
	case rank*3 < n:
		return FirstThird
	case rank*3 >= 2*n:
		return Buried
	}
	return Middle
}

// Positions lists the positions from most to least prominent, Absent last.
var Positions = []Position{Lead, FirstThird, Middle, Buried, Absent}

// Words says p in plain words, as every view and report shows it: "lead", "first third",
// "middle", "last third", "not reported".
func (p Position) Words() string {
	switch p {
	case FirstThird:
		return "first third"
	case Buried:
		return "last third"
	case Absent:
		return "not reported"
	}
	return string(p)
}

func rank(p Position) int {
	switch p {
	case Lead:
		return 0
	case FirstThird:
		return 1
	case Middle:
		return 2
	}
	return 3
}
