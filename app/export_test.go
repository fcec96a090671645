//go:build !js

package app

import (
	"bytes"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	wsfile "parallax/app/workspace"
	"parallax/seeds"
)

// exportBar shows the export buttons alone.
type exportBar struct{ app.Compo }

func (b *exportBar) Render() app.UI {
	return app.Div().Body(exportButtons(post)...)
}

func TestExportButtons(t *testing.T) {
	b := &exportBar{}
	e := app.NewTestEngine()
	if err := e.Load(b); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	nop := func(app.Context, app.Event) {}
	for i, want := range []struct{ id, text string }{
		{"export-md", "Export Markdown"},
		{"export-csv", "Export CSV"},
		{"export-html", "Export HTML"},
	} {
		if err := app.Match(app.Button().ID(want.id).OnClick(nop), b, 0, i); err != nil {
			t.Errorf("button %d: %v", i, err)
		}
		if err := app.Match(app.Text(want.text), b, 0, i, 0); err != nil {
			t.Errorf("button %d: %v", i, err)
		}
	}
}

// Export HTML saves the comparison the page shows, marked against the reference the
// reader picked, with article text (and outlets' names) as text.
func TestExportHTML(t *testing.T) {
	got := downloads(t)
	h, e := load(t, nil)
	p := h.page
	ref := seeds.Articles()[2].ID
	p.ref = ref
	h.ctx.NewActionWithValue(actionExport, exportHTML)
	e.ConsumeAll()
	if len(*got) != 1 {
		t.Fatalf("%d downloads, want 1", len(*got))
	}
	f := (*got)[0]
	if f.name != "parallax-comparison.html" || f.mime != "text/html;charset=utf-8" {
		t.Errorf("download %q (%s), want parallax-comparison.html (text/html;charset=utf-8)", f.name, f.mime)
	}
	var want bytes.Buffer
	if err := wsfile.WriteHTML(&want, p.res, wsfile.HTMLOptions{Title: "Parallax comparison of 5 articles", Reference: ref}); err != nil {
		t.Fatal(err)
	}
	if f.data != want.String() {
		t.Errorf("the download is not WriteHTML of the page's result with its reference %s and the title “Parallax comparison of 5 articles”:\n%.400s", ref, f.data)
	}
	for _, w := range []string{"<title>Parallax comparison of 5 articles</title>", "Marks compare each outlet with the reference, The Times of Israel (2024-01-09)"} {
		if !strings.Contains(f.data, w) {
			t.Errorf("the export does not contain %q", w)
		}
	}
	if !strings.Contains(p.tools.note, "Saved parallax-comparison.html") || p.tools.failed {
		t.Errorf("note = %q, want that the file was saved", p.tools.note)
	}

	// An outlet's name with markup stays text.
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: myArticles(), Message: "Added."})
	e.ConsumeAll()
	p.ref = "planet"
	h.ctx.NewActionWithValue(actionExport, exportHTML)
	e.ConsumeAll()
	if len(*got) != 2 {
		t.Fatalf("%d downloads, want 2", len(*got))
	}
	f = (*got)[1]
	if strings.Contains(f.data, "<img") || strings.Contains(strings.ToLower(f.data), "<script") || !strings.Contains(f.data, "&lt;img src=x onerror=alert(1)&gt; Planet (2024-01-09)") {
		t.Errorf("the outlet's name is not escaped in the export:\n%.2000s", f.data)
	}

	// One article: nothing to export, nothing saved.
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: p.articles[:1]})
	h.ctx.NewActionWithValue(actionExport, exportHTML)
	e.ConsumeAll()
	if len(*got) != 2 || !strings.Contains(p.tools.note, "Nothing to export") {
		t.Errorf("exporting one article: %d downloads, note %q", len(*got), p.tools.note)
	}
}
