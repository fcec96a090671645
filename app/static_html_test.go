package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzTagWriter holds tagWriter's promise, on which the Labels tables, the claim
// buttons and the coverage matrix rest: whatever texts and attribute values it is
// given, a browser's parser reads back exactly the elements written, with exactly
// those texts and values, in HTML and in SVG. Nothing an article or a reader writes
// opens, closes or adds an element or an attribute.
func FuzzTagWriter(f *testing.F) {
	for _, s := range []string{
		"plain words", `<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`,
		"</svg><style>*{}</style>", "&amp; &lt;escaped&gt; already", "<!-- a comment -->",
		"<![CDATA[x]]>", "'single' and \u201ccurly\u201d", "</td></tr></table><b>", "",
	} {
		f.Add(s, s)
		f.Add(s, "an outlet")
	}
	f.Fuzz(func(t *testing.T, text, value string) {
		// The parser drops or replaces NUL and folds carriage returns into line feeds, in
		// any input; that is not what is being tested.
		clean := strings.NewReplacer("\x00", "", "\r", "")
		text, value = clean.Replace(strings.ToValidUTF8(text, "?")), clean.Replace(strings.ToValidUTF8(value, "?"))

		var w tagWriter
		w.openScrollBox(value)
		w.open("table", "class", "frtable")
		w.open("tbody")
		w.open("tr", "data-actor", value)
		w.elem("th", text, "scope", "row")
		w.open("td")
		w.elem("button", text, "type", "button", "data-claim", value)
		w.close("td")
		w.close("tr")
		w.close("tbody")
		w.close("table")
		w.close("div")
		w.open("svg", "role", "img", "aria-label", value)
		w.elem("text", text, "data-claim", value)
		w.close("svg")

		var got strings.Builder
		for _, n := range readHTML(t, w.String(), atom.Div) {
			dump(&got, n)
		}
		q := func(s string) string {
			if s == "" {
				return ""
			}
			return fmt.Sprintf("%q", s)
		}
		want := fmt.Sprintf(`<div aria-label=%q class="scroll" role="region" tabindex="0"><table class="frtable"><tbody><tr data-actor=%q><th scope="row">%s</th><td><button data-claim=%q type="button">%s</button></td></tr></tbody></table></div>`+
			`<svg aria-label=%q role="img"><text data-claim=%q>%s</text></svg>`, value, value, q(text), value, q(text), value, value, q(text))
		if got.String() != want {
			t.Errorf("text %q, value %q: read back as\n%s\nwant\n%s\nfrom\n%s", text, value, got.String(), want, w.String())
		}
	})
}

// readHTML parses s as a browser reads HTML set inside an element of kind in (app.Raw
// inside a div or a section), and fails t if it cannot.
func readHTML(t testing.TB, s string, in atom.Atom) []*xhtml.Node {
	t.Helper()
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), &xhtml.Node{Type: xhtml.ElementNode, Data: in.String(), DataAtom: in})
	if err != nil {
		t.Fatalf("parsing %.200q: %v", s, err)
	}
	return nodes
}

// dump writes n as a browser has it: elements with their attributes in name order,
// texts quoted, comments and other nodes by their kind.
func dump(b *strings.Builder, n *xhtml.Node) {
	switch n.Type {
	case xhtml.TextNode:
		fmt.Fprintf(b, "%q", n.Data)
	case xhtml.ElementNode:
		attrs := slices.Clone(n.Attr)
		slices.SortFunc(attrs, func(a, b xhtml.Attribute) int { return strings.Compare(a.Key, b.Key) })
		b.WriteString("<" + n.Data)
		for _, a := range attrs {
			fmt.Fprintf(b, " %s=%q", a.Key, a.Val)
		}
		b.WriteString(">")
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			dump(b, c)
		}
		b.WriteString("</" + n.Data + ">")
	default:
		fmt.Fprintf(b, "<!node %d %q>", n.Type, n.Data)
	}
}
