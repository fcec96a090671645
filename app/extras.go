package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// A claimExtra renders more about one claim under its number in the aligned view,
// or returns nil for nothing. ref is the reference document the reader picked.
//
// This is where other analyses plug into the aligned view without touching it: the
// framing signals (compare/framing, issue 4) register theirs from app/framing*.go,
//
//	func init() { claimExtras = append(claimExtras, framingForClaim) }
//
// An extra's Render must be cheap: it runs for every claim on screen.
type claimExtra func(res *compare.Result, c *compare.Claim, ref string) app.UI

// claimExtras are the registered claim extras, in order.
var claimExtras []claimExtra

// An extraView is one more tab of the workspace next to the aligned view, coverage,
// articles and unique views, e.g. a framing overview. Render gets the current result.
type extraView struct {
	ID, Name string
	Render   func(res *compare.Result) app.UI
}

// extraViews are the registered extra tabs, in order.
var extraViews []extraView

// A textMark is a run of a sentence's text to highlight in the aligned view, in bytes
// from the start of the sentence's text, with a class for the style and a title that
// says why on hover.
type textMark struct {
	Start, End   int
	Class, Title string
}

// A sentenceMarker returns the runs of a sentence to highlight, in order and not
// overlapping, or nil. Like a claimExtra it must be cheap.
type sentenceMarker func(res *compare.Result, r compare.Ref, text string) []textMark

// sentenceMarkers are the registered sentence markers; the first that returns marks
// for a sentence wins.
var sentenceMarkers []sentenceMarker

// marksOf returns the marks of the sentence r, whose text is text.
func marksOf(res *compare.Result, r compare.Ref, text string) []textMark {
	for _, m := range sentenceMarkers {
		if ms := m(res, r, text); len(ms) > 0 {
			return ms
		}
	}
	return nil
}

// markPieces splits the pieces of a sentence at its marks, and returns for each piece
// the mark it falls in, or nil. Offsets count the text the sentence shows: its
// unchanged and inserted pieces, not the reference's deleted words.
func markPieces(ps []piece, marks []textMark) ([]piece, []*textMark) {
	if len(marks) == 0 {
		return ps, make([]*textMark, len(ps))
	}
	var out []piece
	var in []*textMark
	at, k := 0, 0 // offset in the sentence, next mark
	for _, p := range ps {
		if p.Op == compare.Delete {
			out, in = append(out, p), append(in, nil)
			continue
		}
		text := p.Text
		for text != "" {
			for k < len(marks) && marks[k].End <= at {
				k++
			}
			cut, mark := len(text), (*textMark)(nil)
			if k < len(marks) {
				switch m := &marks[k]; {
				case m.Start <= at:
					cut, mark = min(len(text), m.End-at), m
				case m.Start < at+len(text):
					cut = m.Start - at
				}
			}
			q := p
			q.Text = text[:cut]
			out, in = append(out, q), append(in, mark)
			text, at = text[cut:], at+cut
		}
	}
	return out, in
}
