package app

import (
	"html"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// tagWriter writes HTML for the browser to read in one call (app.Raw), for the large
// parts of a view that have no handlers of their own: go-app mounts an element, an
// attribute and a text at a time, each a call into JavaScript and a Go value with a
// finalizer, and a few thousand held the page for hundreds of milliseconds. Every text
// and attribute value is escaped: what articles and readers write is only ever text.
type tagWriter struct{ b strings.Builder }

// open writes a start tag with its attributes, given as name, value pairs.
func (w *tagWriter) open(tag string, attrs ...string) {
	w.b.WriteString("<" + tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteString(" " + attrs[i] + `="` + html.EscapeString(attrs[i+1]) + `"`)
	}
	w.b.WriteString(">")
}

func (w *tagWriter) close(tag string) { w.b.WriteString("</" + tag + ">") }

// openScrollBox opens a wide table's scrolling box, as scrollBox draws it; close it
// with close("div").
func (w *tagWriter) openScrollBox(name string) {
	w.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", name)
}

func (w *tagWriter) text(s string) { w.b.WriteString(html.EscapeString(s)) }

// elem writes an element holding only text.
func (w *tagWriter) elem(tag, text string, attrs ...string) {
	w.open(tag, attrs...)
	w.text(text)
	w.close(tag)
}

func (w *tagWriter) String() string { return w.b.String() }

// pressedOn returns the element, matching the CSS selector sel, that a click or a press
// of Enter or Space is on, or a null value: a block of HTML read in one call (app.Raw:
// the coverage matrix, the Articles tab's steps) has one handler for all its buttons,
// which have none of their own.
func pressedOn(e app.Event, sel string) app.Value {
	if k := e.Get("key").String(); e.Get("type").String() == "keydown" && k != "Enter" && k != " " {
		return app.Null()
	}
	return e.Get("target").Call("closest", sel)
}
