// Package compare lines up what several news articles say about the same events.
//
// The pipeline is:
//
//	Clean   set aside page debris (captions' credits, bylines, "Most Popular", …)
//	Split   cut the remaining text into sentences with byte offsets
//	Align   group sentences of different articles that report the same fact into claims
//	Words   word-level diff between two wordings of a claim
//
// Everything here is pure Go with no I/O, so the same code runs natively (the parallax
// command) and in the browser (GOOS=js GOARCH=wasm).
package compare
