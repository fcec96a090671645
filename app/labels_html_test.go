package app

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"parallax/seeds"
)

// The Framing tab's labels are HTML the browser reads in one call (labelsHTML,
// actorsHTML). Read back as a browser reads it, with the demo's outlets and with
// hostile ones: one root element each, only the table's own elements, no attribute
// that runs or loads anything, a row per outlet named with the outlet as written,
// every word a button with its note, and the actors table's cells by document.
func TestLabelsHTML(t *testing.T) {
	allowed := map[string]bool{"div": true, "h4": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "span": true, "button": true, "strong": true}
	for _, outlets := range [][]string{
		nil,
		{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `Fish & "Chips" <b>`, `</td></tr></table><style>*{}</style>`, `<!-- x`},
	} {
		arts := seeds.Articles()
		for i := range outlets {
			arts[i].Outlet = outlets[i]
		}
		rep := compareNow(EngineRequest{ID: 1, Articles: arts})
		holdFraming(&rep, nil)
		f := framingOf(rep.Result)
		if f == nil || f.fc == nil || len(f.fc.Actors) == 0 {
			t.Fatalf("no framing or no actors for the seeds: %q", rep.FramingError)
		}
		read := func(name, s string) *xhtml.Node {
			nodes := readHTML(t, s, atom.Section)
			if len(nodes) != 1 || nodes[0].Data != "div" {
				t.Fatalf("%s: %d nodes, not one div", name, len(nodes))
			}
			var walk func(n *xhtml.Node)
			walk = func(n *xhtml.Node) {
				if n.Type == xhtml.ElementNode {
					if !allowed[n.Data] {
						t.Errorf("%s: an element <%s>", name, n.Data)
					}
					for _, a := range n.Attr {
						if strings.HasPrefix(a.Key, "on") || a.Key == "src" || a.Key == "style" || a.Key == "href" {
							t.Errorf("%s: <%s> has %s=%q", name, n.Data, a.Key, a.Val)
						}
					}
					if n.Data == "button" {
						if attr(n, "class") == "" || !strings.HasPrefix(attr(n, "class"), "term") || n.NextSibling == nil || attr(n.NextSibling, "class") != "tippop" || !strings.Contains(text(n.NextSibling), ": ") {
							t.Errorf("%s: the word %q has no note", name, text(n))
						}
					}
				}
				if n.Type == xhtml.CommentNode {
					t.Errorf("%s: a comment %q", name, n.Data)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(nodes[0])
			return nodes[0]
		}
		labels, actors := read("labels", labelsHTML(f)), read("actors", actorsHTML(f))
		var rows []string
		var cells, words int
		var find func(n *xhtml.Node)
		find = func(n *xhtml.Node) {
			if n.Type == xhtml.ElementNode && n.Data == "th" && attr(n, "scope") == "row" {
				rows = append(rows, text(n))
			}
			if n.Type == xhtml.ElementNode && n.Data == "td" && attr(n, "data-doc") != "" {
				cells++
			}
			if n.Type == xhtml.ElementNode && n.Data == "button" {
				words++
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				find(c)
			}
		}
		find(labels)
		if len(rows) != len(f.fc.Articles) {
			t.Fatalf("labels: %d rows, want one per outlet (%d)", len(rows), len(f.fc.Articles))
		}
		for i, r := range f.fc.Articles {
			if want := label(f.doc(r.Doc)); rows[i] != want {
				t.Errorf("labels: row %d is %q, want %q", i, rows[i], want)
			}
		}
		if words == 0 {
			t.Error("labels: no word from the word list, though the seeds use several (Hamas-run, militant group)")
		}
		rows, words = nil, 0
		find(actors)
		if len(rows) != len(f.fc.Actors) || cells != len(f.fc.Actors)*len(rep.Result.Documents) || words == 0 {
			t.Errorf("actors: %d rows, %d cells, %d words; want %d rows of %d cells, and words", len(rows), cells, words, len(f.fc.Actors), len(rep.Result.Documents))
		}
	}
}

// The claims an outlet leaves out are buttons written as HTML (claimLinksHTML): read
// back, one per claim, numbered as the aligned view numbers them, holding the claim's
// ID as written, whatever it says.
func TestClaimLinksHTML(t *testing.T) {
	ids := []string{"c2", "c10", `c"><script>alert(1)</script>`}
	f := &framed{claims: map[string]int{"c2": 1, "c10": 9, ids[2]: 0}}
	nodes := readHTML(t, claimLinksHTML(f, ids), atom.Div)
	if len(nodes) != 1 || nodes[0].Data != "p" {
		t.Fatalf("%d nodes, not one paragraph", len(nodes))
	}
	var got []string
	for b := nodes[0].FirstChild; b != nil; b = b.NextSibling {
		if b.Type != xhtml.ElementNode || b.Data != "button" || b.FirstChild != b.LastChild {
			t.Fatalf("the paragraph holds %v %q, not only buttons of text", b.Type, b.Data)
		}
		got = append(got, attr(b, "data-claim")+" "+text(b))
	}
	want := []string{"c2 #2", "c10 #10", ids[2] + " #1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("buttons %q, want %q", got, want)
	}
}
