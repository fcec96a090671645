package compare

import (
	"fmt"
	"slices"
)

// Article is one input text and what is known about it.
type Article struct {
	ID     string // stable identifier, e.g. the file name without extension
	Outlet string // publisher, e.g. "The New York Times"
	Title  string // headline if known; Parse fills it from the text when empty
	Date   string // publication date as YYYY-MM-DD when known
	Text   string // the article as given; offsets refer to it
	// Keep lists the start offsets of pieces Clean set aside that the reader restored:
	// Parse treats them as body text.
	Keep []int
}

// Role says what part of an article a sentence belongs to.
type Role string

// Sentence roles.
const (
	RoleBody     Role = "body"
	RoleHeadline Role = "headline"
	RoleSubhead  Role = "subhead"
	RoleCaption  Role = "caption"
)

// Sentence is one sentence of an article. Start and End are byte offsets into
// Article.Text, and Text == Article.Text[Start:End].
type Sentence struct {
	Index int    `json:"index"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Role  Role   `json:"role"`
}

// DebrisKind names a kind of page debris that Clean sets aside.
type DebrisKind string

// Kinds of debris.
const (
	DebrisCredit       DebrisKind = "credit"       // photo credit such as "(Kobi Gideon/GPO)"
	DebrisDuplicate    DebrisKind = "duplicate"    // a repeated line, e.g. a caption shown twice
	DebrisByline       DebrisKind = "byline"       // "By Jennifer Hansler, CNN", author bios
	DebrisDateline     DebrisKind = "dateline"     // "CNN  —"
	DebrisSection      DebrisKind = "section"      // section labels such as "Middle East"
	DebrisNavigation   DebrisKind = "navigation"   // "Most Popular", "Related Articles", "read more:", "Back to top button"
	DebrisContributors DebrisKind = "contributors" // "X and Y contributed to this report."
	DebrisFooter       DebrisKind = "footer"       // "Copyright 2024 The Associated Press. All rights reserved.", "This article was originally published on …"
	DebrisNote         DebrisKind = "note"         // "Editor's note: This story has been updated.", "Correction: …"
	DebrisTimestamp    DebrisKind = "timestamp"    // "Updated 2 hours ago", "Wed 7 Feb 2024 18.45 CET"
)

// Debris is a piece of text Clean set aside as not part of the article body. It is
// reported, never silently dropped, so a reader can see and restore it.
type Debris struct {
	Kind  DebrisKind `json:"kind"`
	Text  string     `json:"text"`
	Start int        `json:"start"`
	End   int        `json:"end"`
}

// Document is an article after cleaning and splitting.
type Document struct {
	ID        string     `json:"id"`
	Outlet    string     `json:"outlet"`
	Title     string     `json:"title"`
	Date      string     `json:"date,omitempty"`
	Headline  string     `json:"headline,omitempty"`
	Subhead   string     `json:"subhead,omitempty"`
	Sentences []Sentence `json:"sentences"`
	Debris    []Debris   `json:"debris"`
}

// Ref points at one sentence of one document.
type Ref struct {
	Doc      string `json:"doc"`      // Document.ID
	Sentence int    `json:"sentence"` // Sentence.Index
}

// Evidence is why the members of a claim were grouped: what they share.
type Evidence struct {
	Names   []string `json:"names,omitempty"`   // shared names of people, places, organisations
	Numbers []string `json:"numbers,omitempty"` // shared numbers and dates
	Terms   []string `json:"terms,omitempty"`   // shared content words (stems shown as the first surface form)
}

// Claim is a group of sentences from different articles that report the same fact,
// event or statement.
type Claim struct {
	ID       string   `json:"id"`
	Score    float64  `json:"score"` // 0..1, how confidently the members report the same thing
	Members  []Ref    `json:"members"`
	Evidence Evidence `json:"evidence"`
	Diffs    []Diff   `json:"diffs"` // each other article's members against the first member
}

// Op is a diff operation.
type Op int

// Diff operations.
const (
	Equal Op = iota
	Insert
	Delete
)

var opNames = [...]string{Equal: "equal", Insert: "insert", Delete: "delete"}

// String returns "equal", "insert" or "delete".
func (o Op) String() string {
	if o >= 0 && int(o) < len(opNames) {
		return opNames[o]
	}
	return fmt.Sprintf("Op(%d)", int(o))
}

// MarshalText writes the operation by name, so JSON reads "op": "insert".
func (o Op) MarshalText() ([]byte, error) {
	if o < 0 || int(o) >= len(opNames) {
		return nil, fmt.Errorf("compare: unknown diff operation %d", int(o))
	}
	return []byte(opNames[o]), nil
}

// UnmarshalText reads an operation written by MarshalText.
func (o *Op) UnmarshalText(b []byte) error {
	for i, n := range opNames {
		if string(b) == n {
			*o = Op(i)
			return nil
		}
	}
	return fmt.Errorf("compare: unknown diff operation %q (want equal, insert or delete)", b)
}

// Chunk is a run of text with one diff operation.
type Chunk struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// NumberChange is a number that one wording gives and another gives differently.
type NumberChange struct {
	From string `json:"from"` // as written in the reference sentence ("" if absent)
	To   string `json:"to"`   // as written in the other sentence ("" if absent)
}

// Diff is the word-level difference between two members of a claim.
type Diff struct {
	From    Ref            `json:"from"`
	To      Ref            `json:"to"`
	Chunks  []Chunk        `json:"chunks"`
	Numbers []NumberChange `json:"numbers,omitempty"` // numbers that differ between the two
}

// Result is the outcome of aligning several documents.
type Result struct {
	Documents []Document `json:"documents"`
	Claims    []Claim    `json:"claims"`
	Unique    []Ref      `json:"unique"` // sentences no other article reports
	// Occasions groups the documents by the occasion they report (which trip, which
	// earthquake) as the aligner found it: sentences of two occasions are aligned only
	// when they give a number or a date in common, or both voice a position about a
	// name they share. Each group lists document IDs in input order, and the groups
	// are ordered by their first document.
	Occasions [][]string `json:"occasions"`
	// OccasionsGiven says Occasions is the reader's grouping (Options.Occasions), not
	// the engine's.
	OccasionsGiven bool `json:"occasions_given,omitempty"`
}

// ClaimOccasions returns how many occasions (see Occasions) the documents of the claim
// belong to: more than one means a position or a running figure voiced again on
// different occasions, not one event. Documents in no occasion count as one together.
func (r *Result) ClaimOccasions(c *Claim) int {
	seen := map[int]bool{}
	for _, m := range c.Members {
		o := -1
		for i, ids := range r.Occasions {
			if slices.Contains(ids, m.Doc) {
				o = i
				break
			}
		}
		seen[o] = true
	}
	return len(seen)
}
