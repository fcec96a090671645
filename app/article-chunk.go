package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// articleChunk is the paragraphs one step of the Articles tab draws (articleView):
// their sentences, shaded as shared or unique, the shared ones to pick (the article
// view handles the clicks and keys). A component of its own, so that drawing the next
// step, or picking a sentence, draws no other step's paragraphs again: their fields
// are the same. The style sheet lays out its paragraphs as the article's own.
type articleChunk struct {
	app.Compo

	IX     *index
	IDoc   *compare.Document
	IParas [][]compare.Sentence
	ISel   compare.Ref // the picked sentence, when it is in this chunk
}

// Render draws the chunk as HTML the browser reads in one call (app.Raw), where
// go-app made each element, attribute and text with calls of their own, each a Go
// value for the garbage collector to track: with a 2 MB article, a step of 100
// sentences held the page for 200–340 ms and taking the article down as long.
func (c *articleChunk) Render() app.UI { return app.Raw(c.html()) }

// html is the chunk as HTML: a paragraph per paragraph, each shared sentence an
// element of its own with its ID to pick it by, and each run of sentences only this
// article gives (up to a headline) one element. tagWriter escapes every text in it:
// article text is shown as text and never read as HTML (FuzzChunkHTML).
func (c *articleChunk) html() string {
	var w tagWriter
	w.open("div", "class", "paras")
	for _, p := range c.IParas {
		w.open("p")
		run := false // a run of unique sentences is open
		for _, s := range p {
			ref := compare.Ref{Doc: c.IDoc.ID, Sentence: s.Index}
			_, shared := c.IX.claimOf[ref]
			head := s.Role == compare.RoleHeadline || s.Role == compare.RoleSubhead
			if !shared && !head {
				if !run {
					w.open("span", "class", "sent unique")
					run = true
				}
				w.text(s.Text + " ")
				continue
			}
			if run {
				w.close("span")
				run = false
			}
			cls := "sent unique"
			if shared {
				cls = "sent shared"
			}
			if head {
				cls += " head"
			}
			if ref == c.ISel {
				cls += " picked"
			}
			attrs := []string{"id", fmt.Sprintf("s-%d", s.Index), "class", cls}
			if shared {
				attrs = append(attrs, "tabindex", "0", "role", "button", "aria-pressed", strconv.FormatBool(ref == c.ISel))
			}
			w.elem("span", s.Text+" ", attrs...)
		}
		if run {
			w.close("span")
		}
		w.close("p")
	}
	w.close("div")
	return w.String()
}
