package compare

import (
	"slices"
	"sort"
)

// Parse cleans and splits an article into a Document. Sentence offsets refer to a.Text.
// Debris whose start offset is in a.Keep is restored as body text.
// A text with no body (empty, only debris) gives a Document without sentences; use
// CheckText first to tell the user why.
func Parse(a Article) Document {
	c := Clean(a.Text)
	d := Document{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date,
		Headline: c.Headline, Subhead: c.Subhead, Debris: []Debris{}, Sentences: []Sentence{}}
	if d.Title == "" {
		d.Title = c.Headline
	}
	if d.Date == "" {
		d.Date = PageDate(a.Text)
	}
	blocks := c.Blocks
	for _, db := range c.Debris {
		if slices.Contains(a.Keep, db.Start) {
			blocks = append(blocks, Block{Role: RoleBody, Start: db.Start, End: db.End})
		} else {
			d.Debris = append(d.Debris, db)
		}
	}
	if len(blocks) != len(c.Blocks) {
		sort.SliceStable(blocks, func(i, j int) bool { return blocks[i].Start < blocks[j].Start })
	}
	for _, b := range blocks {
		for _, s := range Split(a.Text[b.Start:b.End]) {
			s.Start += b.Start
			s.End += b.Start
			s.Index = len(d.Sentences)
			s.Role = b.Role
			d.Sentences = append(d.Sentences, s)
		}
	}
	return d
}

// PageDate returns the publication date a pasted page gives on a line of its own
// ("Published On 7 Feb 2024", "Wed 7 Feb 2024 18.45 CET") as YYYY-MM-DD, or "" when it
// gives none with a year. Parse uses it for articles that come without a date. It reads
// the lines as Clean does but needs none of Clean's patterns, which take tens of
// milliseconds to compile under WebAssembly: the page calls it when an article is saved.
func PageDate(text string) string {
	for _, l := range splitLines(text) {
		s := text[l.start:l.end]
		if isTimestamp(s, wordCount(s)) {
			if date, ok := timestampDate(s); ok {
				return date
			}
		}
	}
	return ""
}
