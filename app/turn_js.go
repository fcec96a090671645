//go:build js

package app

import "syscall/js"

// NextTurn blocks the calling goroutine until the browser has had a turn of its
// event loop (drawn the page, handled input). time.Sleep does not promise that: if
// its timer is due by the time Go looks, Go goes on without returning to the
// browser. A setTimeout callback only runs once the browser has had its turn.
func NextTurn() {
	done := make(chan struct{})
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		f.Release()
		close(done)
		return nil
	})
	js.Global().Call("setTimeout", f, 0)
	<-done
}
