package main

// routes registers the app's pages with go-app; the browser and the server must agree.
func routes() {}
