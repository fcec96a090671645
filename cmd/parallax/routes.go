package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "parallax/app"
)

// routes registers the app's pages with go-app; the browser and the server must agree.
// Inside the engine's Web Worker it runs the engine instead and never returns.
func routes() {
	ui.ServeWorker()
	// Let the browser have its turn between starting the program (Go's start-up and
	// package initialisation) and starting the app, so that neither holds the page
	// long: together they took over 300 ms in Chromium.
	ui.NextTurn()
	app.Route("/", func() app.Composer { return ui.NewPage() })
}
