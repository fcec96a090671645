//go:build js

package main

import "io"

// run is never reached in the browser: app.RunWhenOnBrowser does not return there.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 0 }
