package app

import (
	"fmt"
	"time"

	"parallax/compare"
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
	res, err := compare.Compare(req.Articles, nil)
	rep = EngineReply{ID: req.ID, Result: res, Millis: time.Since(start).Milliseconds()}
	if err != nil {
		rep.Error = err.Error()
		rep.Result = nil
	}
	return rep
}
