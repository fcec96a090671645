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
