package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// appStatus tells the reader about the installed, offline-capable app: whether a new
// version is ready and whether the page works without the network.
type appStatus struct {
	app.Compo
}

func (s *appStatus) Render() app.UI {
	return app.Div().ID("app-status").Class("app-status")
}
