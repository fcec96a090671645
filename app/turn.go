package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// afterTurn runs f on the UI goroutine once the browser has had a turn of its event
// loop (NextTurn), so that the work before and f do not hold the page in one task.
func afterTurn(ctx app.Context, f func(app.Context)) {
	ctx.Async(func() {
		NextTurn()
		ctx.Dispatch(f)
	})
}

// afterDrawn runs f on the UI goroutine once go-app has drawn what the current
// dispatch changed (its next frame, which ctx.Defer waits for) and the browser has then
// had a turn. The aligned view schedules each of its steps with it: scheduled with
// afterTurn alone, a step could run before go-app's frame had drawn the one before,
// and the frame drew both in one task (TestBrowserAlignedSteps).
func afterDrawn(ctx app.Context, f func(app.Context)) {
	ctx.Defer(func(ctx app.Context) { afterTurn(ctx, f) })
}

// pacer gives the browser a turn (NextTurn) whenever the work since the last one has
// run for stepTime, so that a long job on a goroutine of its own (reading the engine's
// reply about a 2 MB article) holds the page for about that long at a time, not for
// the whole job. A nil pacer never pauses. Only a goroutine that may block uses one:
// never the UI goroutine.
type pacer struct{ since time.Time }

func newPacer() *pacer { return &pacer{since: time.Now()} }

// pace gives the browser a turn if the work since the last one has run for stepTime.
func (p *pacer) pace() {
	if p != nil && time.Since(p.since) >= stepTime {
		NextTurn()
		p.since = time.Now()
	}
}
