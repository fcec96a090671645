//go:build !js

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// startCompare compares the articles and calls done on the UI goroutine. Natively
// (server-side prerendering and component tests) it runs in a goroutine; in the
// browser it runs in a Web Worker (engine_worker.go).
func startCompare(ctx app.Context, req EngineRequest, done func(app.Context, EngineReply)) {
	ctx.Async(func() {
		rep := compareNow(req)
		holdFraming(&rep, nil)
		ctx.Dispatch(func(ctx app.Context) { done(ctx, rep) })
	})
}

// ServeWorker does nothing outside the browser; see engine_worker.go.
func ServeWorker() {}

// engineKind says where comparisons run.
func engineKind() string { return "native" }
