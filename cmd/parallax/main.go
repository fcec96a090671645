// Command parallax compares how news outlets report the same events.
//
// The same main is built twice: for the browser (GOOS=js GOARCH=wasm), where it runs
// the app, and natively, where it runs the command line (serve, compare, eval, …).
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	routes()
	app.RunWhenOnBrowser() // in the browser this never returns
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
