package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// afterTurn runs f on the UI goroutine once the browser has had a turn of its event
// loop (NextTurn), so that the work before and f do not hold the page in one task.
func afterTurn(ctx app.Context, f func(app.Context)) {
	ctx.Async(func() {
		NextTurn()
		ctx.Dispatch(f)
	})
}
