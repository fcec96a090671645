package compare

// Parse cleans and splits an article into a Document. Sentence offsets refer to a.Text.
// A text with no body (empty, only debris) gives a Document without sentences; use
// CheckText first to tell the user why.
func Parse(a Article) Document {
	c := Clean(a.Text)
	d := Document{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date,
		Headline: c.Headline, Subhead: c.Subhead, Debris: c.Debris}
	if d.Title == "" {
		d.Title = c.Headline
	}
	d.Sentences = []Sentence{}
	if d.Debris == nil {
		d.Debris = []Debris{}
	}
	for _, b := range c.Blocks {
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
