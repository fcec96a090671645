package app

import (
	"fmt"
	"time"

	"parallax/compare"
	"parallax/compare/framing"
)

// EngineRequest is what the page sends the engine running in a Web Worker.
type EngineRequest struct {
	ID       int               `json:"id"`
	Articles []compare.Article `json:"articles"`
}

// EngineReply is the engine's answer to an EngineRequest. An ID of -1 means the
// engine could not start.
type EngineReply struct {
	ID     int             `json:"id"`
	Result *compare.Result `json:"result,omitempty"`
	Error  string          `json:"error,omitempty"`
	Millis int64           `json:"ms"`

	// Framing is what compare/framing finds in the result; nil with FramingError set
	// if that failed (the alignment is still shown). From the worker to the page it
	// travels as Wire, a smaller form of the same findings (framing-wire.go).
	Framing       *framing.Comparison `json:"-"`
	Wire          *framingWire        `json:"framing,omitempty"`
	FramingMillis int64               `json:"framing_ms,omitempty"`
	FramingError  string              `json:"framing_error,omitempty"`
}

// compareNow runs the engine in the calling goroutine. A panic in the engine becomes
// an error for the reader, not a dead page.
func compareNow(req EngineRequest) (rep EngineReply) {
	defer func() {
		if r := recover(); r != nil {
			rep = EngineReply{ID: req.ID, Error: fmt.Sprintf("the comparison engine failed (%v): please report this with the articles you used", r)}
		}
	}()
	start := time.Now()
	// The page diffs the words against the reference the reader picks (diffRows).
	res, err := compare.Compare(req.Articles, &compare.Options{NoWordDiffs: true})
	rep = EngineReply{ID: req.ID, Result: res, Millis: time.Since(start).Milliseconds()}
	if err != nil {
		rep.Error = err.Error()
		rep.Result = nil
		return rep
	}
	start = time.Now()
	rep.Framing, rep.FramingError = frame(res, req.Articles)
	rep.FramingMillis = time.Since(start).Milliseconds()
	return rep
}

// frame finds the framing signals of a result. A panic there costs the reader the
// framing, not the comparison.
func frame(res *compare.Result, arts []compare.Article) (fc *framing.Comparison, msg string) {
	defer func() {
		if r := recover(); r != nil {
			fc, msg = nil, fmt.Sprintf("finding the framing signals failed (%v): please report this with the articles you used", r)
		}
	}()
	return framing.Compare(res, arts, nil), ""
}

// pack makes a reply smaller for the trip from the worker to the page.
func pack(rep *EngineReply) {
	if rep.Result == nil {
		return
	}
	// The page computes the word diffs it shows against the reference the reader
	// picks; the engine's diffs would double the reply.
	for i := range rep.Result.Claims {
		rep.Result.Claims[i].Diffs = nil
	}
	rep.Wire = toWire(rep.Framing, rep.Result)
	rep.Framing = nil
}
