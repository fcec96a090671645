package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// folds keeps what the reader unfolded in a view: the folds (<details>) opened, whose
// bodies are drawn from then on, and how far each long list goes.
type folds struct {
	shown  map[string]int  // list key → how many items it shows beyond listStep
	opened map[string]bool // the folds the reader opened
	filled bool            // small closed folds draw their bodies (fillLater)
}

// listStep is how many items a long list (the Framing tab's, "Only in one outlet")
// shows at first, and how many more each press of its "Show more" button adds. A 2 MB
// article alone reported 13,853 sentences: drawing them all took the page's thread
// for 1.9–5.1 s in the Framing tab, 0.8–1.3 s in "Only in one outlet".
const listStep = 200

// foldMax is the most items a closed fold draws. A fold that holds more draws its body
// once the reader opens it (closed, it is never seen, and for a long article it was
// most of the view); a smaller one is drawn closed too, so that the browser's find in
// page reaches its words (Chromium opens a fold where it finds them).
const foldMax = listStep

// drawn reports whether the fold key, of items items, draws its body.
func (v *folds) drawn(key string, items int) bool {
	return v.opened[key] || (v.filled && items <= foldMax)
}

// fillLater draws the small closed folds' bodies a turn after the view is drawn
// without them: drawn at once, the seeds' made opening the Framing tab hold the page
// for 221 ms instead of 92–126. A view calls it when mounted and whenever what it
// shows changes.
func (v *folds) fillLater(ctx app.Context) {
	v.filled = false
	afterTurn(ctx, func(app.Context) { v.filled = true })
}

// onOpen draws the body of the fold key once the reader opens it.
func (v *folds) onOpen(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if v.opened == nil {
			v.opened = map[string]bool{}
		}
		v.opened[key] = true
	}
}

// upTo returns how many of a list's n items to show, and the button that shows
// listStep more, or nil when all are shown.
func (v *folds) upTo(key string, n int, what string) (int, app.UI) {
	k := v.shown[key] + listStep
	if n <= k {
		return n, nil
	}
	return k, app.Button().Class("link").OnClick(func(ctx app.Context, e app.Event) {
		if v.shown == nil {
			v.shown = map[string]int{}
		}
		v.shown[key] = k
	}).Textf("Show %d more (%s not shown)", min(listStep, n-k), plural(n-k, what))
}
