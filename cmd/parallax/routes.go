package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "parallax/app"
)

// routes registers the app's pages with go-app; the browser and the server must agree.
// Inside the engine's Web Worker it runs the engine instead and never returns.
func routes() {
	ui.ServeWorker()
	app.Route("/", func() app.Composer { return ui.NewPage() })
}
