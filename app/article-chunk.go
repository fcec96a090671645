package app

import (
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

func (c *articleChunk) Render() app.UI {
	paras := make([]app.UI, len(c.IParas))
	for k, p := range c.IParas {
		sents := make([]app.UI, len(p))
		for i, s := range p {
			ref := compare.Ref{Doc: c.IDoc.ID, Sentence: s.Index}
			_, shared := c.IX.claimOf[ref]
			cls := "sent unique"
			if shared {
				cls = "sent shared"
			}
			if s.Role == compare.RoleHeadline || s.Role == compare.RoleSubhead {
				cls += " head"
			}
			if ref == c.ISel {
				cls += " picked"
			}
			el := app.Span().ID("s-" + strconv.Itoa(s.Index)).Class(cls).Text(s.Text + " ")
			if shared {
				el = el.TabIndex(0).Role("button").Aria("pressed", strconv.FormatBool(ref == c.ISel))
			}
			sents[i] = el
		}
		paras[k] = app.P().Body(sents...)
	}
	return app.Div().Class("paras").Body(paras...)
}
