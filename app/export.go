package app

import (
	"bytes"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/framing"
)

// Export formats.
const (
	exportMarkdown = "markdown"
	exportCSV      = "csv"
	exportHTML     = "html"
)

// exportButtons are the article panel's export buttons; on makes their handlers
// (articlePanel.onTool).
func exportButtons(on func(action string, value any) app.EventHandler) []app.UI {
	return []app.UI{
		app.Button().ID("export-md").OnClick(on(actionExport, exportMarkdown)).Text("Export Markdown"),
		app.Button().ID("export-csv").OnClick(on(actionExport, exportCSV)).Text("Export CSV"),
		app.Button().ID("export-html").OnClick(on(actionExport, exportHTML)).Text("Export HTML"),
	}
}

// handleExport downloads the comparison as Markdown (with its framing notes) or as a
// standalone HTML page (marked against the reference outlet the page shows), or the
// claims as CSV.
func (p *workspacePage) handleExport(ctx app.Context, a app.Action) {
	format, _ := a.Value.(string)
	if p.res == nil || p.st != statusDone {
		p.notify(ctx, "Nothing to export yet: add at least two articles about the same story and wait for the comparison.", true)
		return
	}
	var b bytes.Buffer
	var name, mime, note string
	var err error
	switch format {
	case exportMarkdown:
		name, mime = "parallax-comparison.md", "text/markdown;charset=utf-8"
		var fc *framing.Comparison // the framing notes, when they came with the result
		if f := framingOf(p.res); f != nil {
			fc = f.fc
			if f.due {
				note = " It has no framing notes yet: they were still being found. Export again in a moment to include them."
			}
		}
		err = wsfile.WriteMarkdown(&b, p.res, fc)
	case exportCSV:
		// A byte-order mark, so that spreadsheets read the file as UTF-8.
		b.WriteString("\ufeff")
		name, mime = "parallax-claims.csv", "text/csv;charset=utf-8"
		err = wsfile.WriteCSV(&b, p.res)
	case exportHTML:
		name, mime = "parallax-comparison.html", "text/html;charset=utf-8"
		err = wsfile.WriteHTML(&b, p.res, wsfile.HTMLOptions{Title: htmlTitle(p.res), Reference: p.ref})
	default:
		return
	}
	if err != nil {
		p.notify(ctx, "Not exported: "+err.Error()+".", true)
		return
	}
	download(name, mime, b.Bytes())
	p.notify(ctx, "Saved "+name+" ("+sizeText(b.Len())+") to your downloads."+note, false)
}

// htmlTitle is the title of an HTML export: "Parallax comparison of 5 articles".
func htmlTitle(res *compare.Result) string {
	return fmt.Sprintf("%s of %d articles", wsfile.DefaultHTMLTitle, len(res.Documents))
}

// download hands data to the browser as a file to save, through a Blob URL: nothing
// leaves the machine. Tests replace it.
var download = func(name, mime string, data []byte) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	buf := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(buf, data)
	parts := w.Get("Array").New()
	parts.Call("push", buf)
	blob := w.Get("Blob").New(parts, map[string]any{"type": mime})
	url := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("hidden", true)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 10000)
}
