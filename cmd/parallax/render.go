//go:build !js

package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/framing"
)

// writeText prints the comparison for a terminal: each claim with every outlet's
// wording, the diff against the first wording marked [-deleted-] and {+inserted+} and
// its framing notes, then each outlet's unique sentences, then the framing by article
// (fr may be nil).
func writeText(w io.Writer, r *compare.Result, fr *framing.Comparison) error {
	b := bufio.NewWriter(w)
	docs := docIndex(r)
	fmt.Fprintf(b, "%d articles, %d shared claims, %d sentences reported by one article only\n\n", len(r.Documents), len(r.Claims), len(r.Unique))
	for i, c := range r.Claims {
		fmt.Fprintf(b, "Claim %d (score %.2f, %s)", i+1, c.Score, outletCount(c.Members))
		if ev := evidenceLine(c.Evidence); ev != "" {
			fmt.Fprintf(b, "  shared: %s", ev)
		}
		b.WriteString("\n")
		for j, m := range c.Members {
			d := docs[m.Doc]
			fmt.Fprintf(b, "  %-28s ", clip(label(d), 28))
			if j == 0 {
				b.WriteString(oneLine(sentence(d, m.Sentence).Text))
			} else if df := diffFor(c, m); df != nil && sharesWords(df) {
				for _, ch := range df.Chunks {
					t := oneLine(ch.Text)
					switch ch.Op {
					case compare.Insert:
						fmt.Fprintf(b, "{+%s+}", t)
					case compare.Delete:
						fmt.Fprintf(b, "[-%s-]", t)
					default:
						b.WriteString(t)
					}
				}
			} else {
				b.WriteString(oneLine(sentence(d, m.Sentence).Text))
			}
			b.WriteString("\n")
			if df := diffFor(c, m); df != nil && len(df.Numbers) > 0 {
				fmt.Fprintf(b, "  %-28s numbers differ: %s\n", "", numberLine(df.Numbers))
			}
		}
		for _, n := range claimNotes(docs, claimFraming(fr, i)) {
			fmt.Fprintf(b, "  · %s\n", n)
		}
		b.WriteString("\n")
	}
	for i := range r.Documents {
		d := &r.Documents[i]
		var uniq []compare.Ref
		for _, u := range r.Unique {
			if u.Doc == d.ID {
				uniq = append(uniq, u)
			}
		}
		fmt.Fprintf(b, "Only in %s (%d sentences):\n", label(d), len(uniq))
		for _, u := range uniq {
			fmt.Fprintf(b, "  - %s%s\n", oneLine(sentence(d, u.Sentence).Text), placeNote(d, u.Sentence, fr != nil))
		}
		b.WriteString("\n")
	}
	if fr != nil {
		writeFramingText(b, r, fr)
	}
	return b.Flush()
}

// claimFraming returns the framing of the i-th claim, or nil.
func claimFraming(fr *framing.Comparison, i int) *framing.ClaimFraming {
	if fr == nil || i >= len(fr.Claims) {
		return nil
	}
	return &fr.Claims[i]
}

// placeNote says where a sentence stands in its article when it is prominent.
func placeNote(d *compare.Document, sentence int, on bool) string {
	if !on || d == nil {
		return ""
	}
	switch p := framing.Place(*d, sentence); p {
	case framing.Lead, framing.FirstThird:
		return " (" + string(p) + ")"
	}
	return ""
}

// writeMarkdown prints the comparison as a Markdown report; fr may be nil.
func writeMarkdown(w io.Writer, r *compare.Result, fr *framing.Comparison) error {
	b := bufio.NewWriter(w)
	docs := docIndex(r)
	b.WriteString("# Parallax comparison\n\n| Article | Outlet | Date | Sentences |\n| --- | --- | --- | --- |\n")
	for _, d := range r.Documents {
		fmt.Fprintf(b, "| %s | %s | %s | %d |\n", mdCell(d.Title), mdCell(d.Outlet), d.Date, len(d.Sentences))
	}
	fmt.Fprintf(b, "\n## Shared claims (%d)\n\n", len(r.Claims))
	for i, c := range r.Claims {
		fmt.Fprintf(b, "### Claim %d\n\nScore %.2f", i+1, c.Score)
		if ev := evidenceLine(c.Evidence); ev != "" {
			fmt.Fprintf(b, "; shared: %s", mdText(ev))
		}
		b.WriteString("\n\n")
		for j, m := range c.Members {
			d := docs[m.Doc]
			fmt.Fprintf(b, "- **%s**: ", mdText(label(d)))
			df := diffFor(c, m)
			if j == 0 || df == nil || !sharesWords(df) {
				b.WriteString(mdText(oneLine(sentence(d, m.Sentence).Text)))
			} else {
				for _, ch := range df.Chunks {
					t := mdText(oneLine(ch.Text))
					switch {
					case strings.TrimSpace(t) == "":
						if ch.Op != compare.Delete {
							b.WriteString(t)
						}
					case ch.Op == compare.Insert:
						fmt.Fprintf(b, "<ins>%s</ins>", t)
					case ch.Op == compare.Delete:
						fmt.Fprintf(b, "~~%s~~", t)
					default:
						b.WriteString(t)
					}
				}
			}
			if df != nil && len(df.Numbers) > 0 {
				fmt.Fprintf(b, " *(numbers differ: %s)*", mdText(numberLine(df.Numbers)))
			}
			b.WriteString("\n")
		}
		if notes := claimNotes(docs, claimFraming(fr, i)); len(notes) > 0 {
			b.WriteString("\n")
			for _, n := range notes {
				fmt.Fprintf(b, "> %s  \n", mdText(n))
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("## Reported by one outlet only\n\n")
	for i := range r.Documents {
		d := &r.Documents[i]
		fmt.Fprintf(b, "### %s\n\n", mdText(label(d)))
		n := 0
		for _, u := range r.Unique {
			if u.Doc == d.ID {
				fmt.Fprintf(b, "- %s%s\n", mdText(oneLine(sentence(d, u.Sentence).Text)), placeNote(d, u.Sentence, fr != nil))
				n++
			}
		}
		if n == 0 {
			b.WriteString("Nothing: every sentence has a counterpart elsewhere.\n")
		}
		b.WriteString("\n")
	}
	if fr != nil {
		writeFramingMarkdown(b, r, fr)
	}
	return b.Flush()
}

func docIndex(r *compare.Result) map[string]*compare.Document {
	m := make(map[string]*compare.Document, len(r.Documents))
	for i := range r.Documents {
		m[r.Documents[i].ID] = &r.Documents[i]
	}
	return m
}

func sentence(d *compare.Document, i int) compare.Sentence {
	if d == nil || i < 0 || i >= len(d.Sentences) {
		return compare.Sentence{}
	}
	return d.Sentences[i]
}

func diffFor(c compare.Claim, m compare.Ref) *compare.Diff {
	for i := range c.Diffs {
		if c.Diffs[i].To == m {
			return &c.Diffs[i]
		}
	}
	return nil
}

// label names a document as the exports do.
var label = workspace.Label

func evidenceLine(e compare.Evidence) string {
	var parts []string
	parts = append(parts, e.Names...)
	parts = append(parts, e.Numbers...)
	parts = append(parts, e.Terms...)
	if len(parts) > 8 {
		parts = parts[:8]
	}
	return strings.Join(parts, ", ")
}

func numberLine(ns []compare.NumberChange) string {
	var parts []string
	for _, n := range ns {
		from, to := n.From, n.To
		if from == "" {
			from = "—"
		}
		if to == "" {
			to = "—"
		}
		parts = append(parts, from+" → "+to)
	}
	return strings.Join(parts, "; ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// mdText escapes text so Markdown renders it literally (and no HTML gets through).
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '<', '>':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func mdCell(s string) string { return mdText(oneLine(s)) }

// outletCount says how many articles a claim's members come from: "3 outlets".
func outletCount(members []compare.Ref) string {
	seen := map[string]bool{}
	for _, m := range members {
		seen[m.Doc] = true
	}
	if len(seen) == 1 {
		return "1 outlet"
	}
	return fmt.Sprintf("%d outlets", len(seen))
}

// sharesWords reports whether a diff keeps any words: a diff that deletes one sentence
// and inserts another is noise to a reader, so the sentence is printed plainly instead.
func sharesWords(df *compare.Diff) bool {
	for _, ch := range df.Chunks {
		if ch.Op == compare.Equal && strings.TrimSpace(ch.Text) != "" {
			return true
		}
	}
	return false
}
