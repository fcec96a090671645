package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"parallax/compare"
)

// The Articles tab writes a step's sentences as HTML (articleChunk.html): whatever
// the article says, the browser reads back exactly its sentences as text, in order,
// in paragraphs of sentence elements and nothing else: no element, attribute or
// comment the article's text opens.
func FuzzChunkHTML(f *testing.F) {
	for _, s := range []string{
		"Plain sentence.|Another one.",
		`<script>alert(1)</script>|<img src=x onerror=alert(1)>`,
		`Fish & "chips" 'n' </span></p></div><b>bold|<!-- a comment -->`,
		"&amp; &lt;escaped&gt; already|\u201ccurly\u201d \u2014 dash",
		"Line\nbreak\tand\r\nreturns|<span id=\"s-1\" class=\"sent shared\">fake</span>",
		"<![CDATA[x]]>|<?php echo 1 ?>|<template><style>*{}</style>",
	} {
		f.Add(s, uint16(0b1010), uint16(0b0001))
	}
	f.Fuzz(func(t *testing.T, texts string, sharedBits, headBits uint16) {
		texts = strings.ToValidUTF8(texts, "?")
		parts := strings.Split(texts, "|")
		if len(parts) > 16 {
			parts = parts[:16]
		}
		d := compare.Document{ID: "a"}
		other := compare.Document{ID: "b", Sentences: []compare.Sentence{{Text: "x"}}}
		res := &compare.Result{Documents: []compare.Document{d, other}}
		var paras [][]compare.Sentence
		for i, p := range parts {
			s := compare.Sentence{Index: i, Text: p}
			if headBits&(1<<i) != 0 {
				s.Role = compare.RoleHeadline
			}
			if sharedBits&(1<<i) != 0 {
				res.Claims = append(res.Claims, compare.Claim{ID: "c", Members: []compare.Ref{{Doc: "a", Sentence: i}, {Doc: "b"}}})
			}
			if i%5 == 0 {
				paras = append(paras, nil)
			}
			paras[len(paras)-1] = append(paras[len(paras)-1], s)
		}
		c := &articleChunk{IX: newIndex(res), IDoc: &d, IParas: paras, ISel: compare.Ref{Doc: "a", Sentence: 1}}
		nodes := readHTML(t, c.html(), atom.Div)
		if len(nodes) != 1 || nodes[0].Data != "div" {
			t.Fatalf("the chunk is %d nodes, not one div: %s", len(nodes), c.html())
		}
		var got, want []string
		for _, p := range paras {
			var w strings.Builder
			for _, s := range p {
				w.WriteString(s.Text + " ")
			}
			want = append(want, browserText(w.String()))
		}
		for p := nodes[0].FirstChild; p != nil; p = p.NextSibling {
			if p.Type != xhtml.ElementNode || p.Data != "p" {
				t.Fatalf("the chunk holds a %q node (type %d) beside its paragraphs: %s", p.Data, p.Type, c.html())
			}
			var text strings.Builder
			for sp := p.FirstChild; sp != nil; sp = sp.NextSibling {
				if sp.Type != xhtml.ElementNode || sp.Data != "span" {
					t.Fatalf("a paragraph holds a %q node (type %d): %s", sp.Data, sp.Type, c.html())
				}
				for _, a := range sp.Attr {
					switch a.Key {
					case "id", "class", "tabindex", "role", "aria-pressed":
					default:
						t.Fatalf("a sentence has the attribute %q: %s", a.Key, c.html())
					}
				}
				for tx := sp.FirstChild; tx != nil; tx = tx.NextSibling {
					if tx.Type != xhtml.TextNode {
						t.Fatalf("a sentence holds a %q node (type %d): %s", tx.Data, tx.Type, c.html())
					}
					text.WriteString(tx.Data)
				}
			}
			got = append(got, text.String())
		}
		if strings.Join(got, "\n¶\n") != strings.Join(want, "\n¶\n") {
			t.Fatalf("the browser reads\n%q\nwhere the article has\n%q", got, want)
		}
	})
}

// browserText is text as an HTML parser gives it back: line ends as "\n", and no NUL
// characters.
func browserText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\x00", "")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}
