package app

import (
	"strings"

	"parallax/compare"
)

func init() { sentenceMarkers = append(sentenceMarkers, labelMarks) }

// labelMarks highlights the lexicon's labels in a sentence of the aligned view
// ("terrorist group", "Hamas-run", "cannot be independently verified"), with the
// lexicon's note as the title. A label whose offsets do not fit the sentence's text
// is looked for by its words, and left out if not found.
func labelMarks(res *compare.Result, r compare.Ref, text string) []textMark {
	f := framingOf(res)
	if f == nil {
		return nil
	}
	ls := f.labels[r]
	d := f.doc(r.Doc)
	if len(ls) == 0 || d == nil || r.Sentence < 0 || r.Sentence >= len(d.Sentences) {
		return nil
	}
	s := d.Sentences[r.Sentence]
	var out []textMark
	end := 0 // marks are in order and do not overlap
	for _, l := range ls {
		start := l.Start - s.Start
		if start < end || l.End-s.Start > len(text) || text[start:l.End-s.Start] != l.Text {
			i := strings.Index(text[end:], l.Text)
			if i < 0 || l.Text == "" {
				continue
			}
			start = end + i
		}
		cls := "lbl"
		title := f.names[l.Category]
		if title == "" {
			title = l.Category
		}
		title += ": “" + l.Term + "”"
		if n := f.note(l.Category, l.Term); n != "" {
			title += ". " + n
		}
		switch {
		case l.Category == "hedge" || l.Category == "caveat":
			cls += " lbl-" + l.Category
		case l.Quoted:
			cls += " quoted"
			title += " (inside a quotation: the speaker's word, not the outlet's)"
		}
		out = append(out, textMark{Start: start, End: start + len(l.Text), Class: cls, Title: title})
		end = start + len(l.Text)
	}
	return out
}
