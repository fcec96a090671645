package workspace

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"parallax/compare"
	"parallax/compare/framing"
)

// WriteText writes the comparison for a terminal: each claim with every outlet's
// wording, the diff against the first wording marked [-deleted-] and {+inserted+} and
// its framing notes, then each outlet's unique sentences, then the framing by article
// (fr may be nil).
func WriteText(w io.Writer, r *compare.Result, fr *framing.Comparison) error {
	b := bufio.NewWriter(w)
	docs := docs(r)
	fmt.Fprintf(b, "%s, %s, %s reported by one article only\n\n", Count(len(r.Documents), "article", "articles"),
		Count(len(r.Claims), "shared claim", "shared claims"), Count(len(r.Unique), "sentence", "sentences"))
	if len(r.Claims) > 0 {
		b.WriteString(legend(textMarks) + "\n\n")
	}
	if note := OccasionsNote(r); note != "" {
		b.WriteString(note + "\n")
		for i, o := range listed(r.Occasions) {
			fmt.Fprintf(b, "  %d. %s\n", i+1, occasionLabels(docs, o))
		}
		b.WriteString("\n")
	}
	for i, c := range r.Claims {
		fmt.Fprintf(b, "Claim %d (score %.2f, %s%s)", i+1, c.Score, outletCount(c.Members), OnOccasions(r.ClaimOccasions(&r.Claims[i])))
		if ev := evidence(c.Evidence); ev != "" {
			fmt.Fprintf(b, "  shared: %s", ev)
		}
		b.WriteString("\n")
		for j, m := range c.Members {
			d := docs[m.Doc]
			fmt.Fprintf(b, "  %-28s ", clip(Label(d), 28))
			df := memberDiff(&c, j, docs)
			b.WriteString(wording(c, j, d, df, textMarks))
			b.WriteString("\n")
			if df != nil && len(df.Numbers) > 0 {
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
		if len(uniq) == 0 {
			fmt.Fprintf(b, "Only in %s: nothing, every sentence has a counterpart elsewhere.\n\n", Label(d))
			continue
		}
		fmt.Fprintf(b, "Only in %s (%s):\n", Label(d), Count(len(uniq), "sentence", "sentences"))
		for _, u := range uniq {
			fmt.Fprintf(b, "  - %s%s\n", text(d, u.Sentence), placeNote(d, u.Sentence, fr != nil))
		}
		b.WriteString("\n")
	}
	if fr != nil {
		writeFramingText(b, docs, fr)
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

// WriteMarkdown writes the comparison as a Markdown report: the articles, each shared
// claim with every outlet's wording (the diff against the first marked <ins> and ~~ ~~),
// the numbers that differ and, when fr is not nil, its framing notes; then what only
// one outlet reports and the framing by article. Text from the articles is escaped, so
// it renders literally and carries no HTML.
func WriteMarkdown(w io.Writer, r *compare.Result, fr *framing.Comparison) error {
	b := bufio.NewWriter(w)
	docs := docs(r)
	b.WriteString("# Parallax comparison\n\n| Article | Outlet | Date | Sentences |\n| --- | --- | --- | --- |\n")
	for _, d := range r.Documents {
		fmt.Fprintf(b, "| %s | %s | %s | %d |\n", mdCell(d.Title), mdCell(d.Outlet), mdCell(d.Date), len(d.Sentences))
	}
	if note := OccasionsNote(r); note != "" {
		fmt.Fprintf(b, "\n%s\n\n", mdText(note))
		for i, o := range listed(r.Occasions) {
			fmt.Fprintf(b, "%d. %s\n", i+1, mdText(occasionLabels(docs, o)))
		}
	}
	fmt.Fprintf(b, "\n## Shared claims (%d)\n\n", len(r.Claims))
	if len(r.Claims) > 0 {
		b.WriteString(legend(mdMarks) + "\n\n")
	}
	for i, c := range r.Claims {
		fmt.Fprintf(b, "### Claim %d%s\n\nScore %.2f", i+1, OnOccasions(r.ClaimOccasions(&r.Claims[i])), c.Score)
		if ev := evidence(c.Evidence); ev != "" {
			fmt.Fprintf(b, "; shared: %s", mdText(ev))
		}
		b.WriteString("\n\n")
		for j, m := range c.Members {
			d := docs[m.Doc]
			fmt.Fprintf(b, "- **%s**: ", mdText(Label(d)))
			df := memberDiff(&c, j, docs)
			b.WriteString(wording(c, j, d, df, mdMarks))
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
		fmt.Fprintf(b, "### %s\n\n", mdText(Label(d)))
		n := 0
		for _, u := range r.Unique {
			if u.Doc == d.ID {
				fmt.Fprintf(b, "- %s%s\n", mdText(text(d, u.Sentence)), placeNote(d, u.Sentence, fr != nil))
				n++
			}
		}
		if n == 0 {
			b.WriteString("Nothing: every sentence has a counterpart elsewhere.\n")
		}
		b.WriteString("\n")
	}
	if fr != nil {
		writeFramingMarkdown(b, docs, fr)
	}
	return b.Flush()
}

// memberDiff returns how the j-th member of claim c words what its first member does:
// the claim's stored diff, or one made from the two sentences when the result stores
// none, as the app's results (aligned with compare.Options.NoWordDiffs) do not. It is
// nil for the first member and its article's other sentences, its own wording.
func memberDiff(c *compare.Claim, j int, docs map[string]*compare.Document) *compare.Diff {
	first, m := c.Members[0], c.Members[j]
	if m.Doc == first.Doc {
		return nil // the first member's article: its own wording, not another outlet's
	}
	df := pairDiff(c, first, m, text(docs[first.Doc], first.Sentence), text(docs[m.Doc], m.Sentence))
	return &df
}

// OnOccasions is what a claim's heading adds when its outlets report it on n occasions,
// more than one: " on 2 occasions", which the list of occasions above explains.
func OnOccasions(n int) string {
	if n < 2 {
		return ""
	}
	return fmt.Sprintf(" on %d occasions", n)
}

// OccasionsNote says how the articles were read as occasions (compare.Result.Occasions):
// what it means that the engine read more than one, or that the reader grouped them
// (compare.Options.Occasions). It is "" when the engine read one occasion; the app
// shows it too.
func OccasionsNote(r *compare.Result) string {
	const across = "matches sentences across occasions only when they give a number or a date in common, or voice a position about a name they share:"
	switch n := len(r.Occasions); {
	case r.OccasionsGiven && n < 2:
		return "Read as one story, as you asked: Parallax aligns the articles as reports of one occasion."
	case r.OccasionsGiven:
		return fmt.Sprintf("As you grouped them, these articles report %d different occasions. Parallax %s", n, across)
	case n > 1:
		return fmt.Sprintf("Parallax reads these articles as reports of %d different occasions, not one event, and %s", n, across)
	}
	return ""
}

// listed returns the occasions worth listing under OccasionsNote: all of them when
// there are several, none when there is one.
func listed(occasions [][]string) [][]string {
	if len(occasions) < 2 {
		return nil
	}
	return occasions
}

// occasionLabels lists the articles of one occasion: "CNN · 2024-02-07; …".
func occasionLabels(docs map[string]*compare.Document, ids []string) string {
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = Label(docs[id])
	}
	return strings.Join(labels, "; ")
}

// outletCount says how many articles a claim's members come from: "3 outlets".
func outletCount(members []compare.Ref) string {
	seen := map[string]bool{}
	for _, m := range members {
		seen[m.Doc] = true
	}
	return fmt.Sprintf("%d %s", len(seen), plural(len(seen), "outlet", "outlets"))
}

// marks are how one output format marks up a diff, and escapes text.
type marks struct {
	ins, endIns, del, endDel string
	esc                      func(string) string
}

var (
	textMarks = marks{"{+", "+}", "[-", "-]", func(s string) string { return s }}
	mdMarks   = marks{"<ins>", "</ins>", "~~", "~~", mdText}
)

// wording is how the j-th member of claim c reads, on one line: marked by df, its diff
// against the claim's first member (memberDiff), when the two share words, plain
// otherwise (a diff that deletes one sentence and inserts another is noise to a
// reader); see legend. d is the member's document.
func wording(c compare.Claim, j int, d *compare.Document, df *compare.Diff, mk marks) string {
	m := c.Members[j]
	if j == 0 || df == nil || !sharesWords(df) {
		return mk.esc(text(d, m.Sentence))
	}
	// As in the HTML export and the app: when the sentence keeps less than MinShared of
	// its words from the first, the first's words it leaves out are not shown.
	loose := SharedShare(df.Chunks) < MinShared
	var b strings.Builder
	for _, ch := range df.Chunks {
		t := chunkText(ch)
		core := strings.TrimSpace(t)
		open, end := "", ""
		switch {
		case ch.Op == compare.Delete && (core == "" || loose):
			continue
		case core == "" || ch.Op == compare.Equal:
			b.WriteString(mk.esc(t))
			continue
		case ch.Op == compare.Insert:
			open, end = mk.ins, mk.endIns
		default:
			open, end = mk.del, mk.endDel
		}
		// Spaces at the edges stay outside the marks: "~~ word~~" is not struck through.
		i := strings.Index(t, core)
		b.WriteString(t[:i] + open + mk.esc(core) + end + t[i+len(core):])
	}
	return b.String()
}

// chunkText is a diff chunk's text on one line, keeping the spaces at its edges that
// separate it from its neighbours ("in" · " the " · "region").
func chunkText(ch compare.Chunk) string { return spaceRE.ReplaceAllString(ch.Text, " ") }

// legend says how the reports mark each wording, with mk's marks.
func legend(mk marks) string {
	return "Marks compare each outlet with the claim's first wording: " + mk.ins + "words it adds" + mk.endIns + ", " +
		mk.del + "first wording's words it leaves out" + mk.endDel + ". " + looseNote("the first") +
		" A wording with no word in common with the first is printed without marks."
}

// sharesWords reports whether a diff keeps any words: a diff that deletes one sentence
// and inserts another is noise to a reader, so the sentence is printed plainly instead.
func sharesWords(df *compare.Diff) bool {
	for _, ch := range df.Chunks {
		if ch.Op == compare.Equal && strings.IndexFunc(ch.Text, isWordChar) >= 0 {
			return true
		}
	}
	return false
}

func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// MatchScore says a claim's score with the line it is measured against: scores run
// from 0 to 1, but sentences are grouped from the engine's threshold (0.09) up and the
// demo's claims score 0.10 to 0.28, so "0.23 of 1" read as a weak match.
func MatchScore(score float64) string {
	return fmt.Sprintf("Match score %.2f (sentences are grouped from %.2f up)", score, compare.DefaultThreshold)
}
