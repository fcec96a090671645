package app

import (
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"parallax/compare"
	"parallax/seeds"
)

// The coverage matrix is SVG the browser reads in one call (matrixSVG). Read back as a
// browser reads it: one svg element; a button per outlet reporting a claim, holding
// that claim's ID and named (for screen readers and on hover) starting with the words
// it shows; an empty cell for every other; and outlet names, whatever they say, only
// as text: no element or attribute of theirs.
func TestMatrixSVG(t *testing.T) {
	for _, outlets := range [][]string{
		nil, // the demo's own
		{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `Fish & "Chips" <b>`, `</svg><style>*{}</style>`, `</title></text></g>x`},
	} {
		arts := seeds.Articles()
		for i := range outlets {
			arts[i].Outlet = outlets[i]
		}
		res, err := compare.Compare(arts, nil)
		if err != nil {
			t.Fatal(err)
		}
		nodes := readHTML(t, matrixSVG(res), atom.Div)
		if len(nodes) != 1 || nodes[0].Data != "svg" || nodes[0].Namespace != "svg" {
			t.Fatalf("the matrix is %d nodes, not one svg element", len(nodes))
		}
		hits, empty := map[string]int{}, 0
		var titles []string
		var walk func(n *xhtml.Node)
		walk = func(n *xhtml.Node) {
			if n.Type == xhtml.ElementNode {
				if n.Namespace != "svg" {
					t.Errorf("an element <%s> outside SVG", n.Data)
				}
				switch {
				case n.Data == "g" && attr(n, "class") == "hit":
					name := attr(n, "aria-label")
					word := text(n.LastChild)
					if title := text(n.FirstChild); title != name || !strings.HasPrefix(name, word+": claim ") {
						t.Errorf("cell %q: title %q, showing %q", name, title, word)
					}
					hits[attr(n, "data-claim")]++
				case n.Data == "rect" && attr(n, "class") == "cell empty":
					empty++
				case n.Data == "text" && attr(n, "class") == "collabel":
					titles = append(titles, text(n.FirstChild))
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") || a.Key == "src" || a.Key == "style" {
						t.Errorf("<%s> has an attribute %s=%q", n.Data, a.Key, a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(nodes[0])
		cells := 0
		for _, c := range res.Claims {
			outlets := map[string]bool{}
			for _, m := range c.Members {
				outlets[m.Doc] = true
			}
			if hits[c.ID] != len(outlets) {
				t.Errorf("claim %s: %d buttons, want one per outlet reporting it (%d)", c.ID, hits[c.ID], len(outlets))
			}
			cells += len(outlets)
		}
		if want := len(res.Claims)*len(res.Documents) - cells; empty != want {
			t.Errorf("%d empty cells, want %d", empty, want)
		}
		for i := range res.Documents {
			if i >= len(titles) || titles[i] != label(&res.Documents[i]) {
				t.Errorf("column %d is named %q, want %q", i, titles[min(i, len(titles)-1)], label(&res.Documents[i]))
			}
		}
	}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the text inside n.
func text(n *xhtml.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == xhtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}
