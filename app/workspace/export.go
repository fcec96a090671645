package workspace

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"

	"parallax/compare"
	"parallax/compare/framing"
)

// CSVHeader names the columns WriteCSV writes.
var CSVHeader = []string{"claim", "outlet", "date", "sentence", "position", "numbers"}

// WriteCSV writes the claims as CSV, one row per claim and outlet: the claim's id, the
// outlet, its date, the sentence, where in the article it stands in the words every
// view uses (framing.Position.Words: lead, first third, middle, last third) and the numbers the sentence gives, separated by "; ". An outlet
// with several sentences in a claim has them joined by a space. Cells that a
// spreadsheet would run as a formula start with an apostrophe.
func WriteCSV(w io.Writer, r *compare.Result) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	docs := docs(r)
	for _, c := range r.Claims {
		var order []string
		by := map[string][]int{}
		for _, m := range c.Members {
			if _, ok := by[m.Doc]; !ok {
				order = append(order, m.Doc)
			}
			by[m.Doc] = append(by[m.Doc], m.Sentence)
		}
		for _, id := range order {
			d := docs[id]
			var sents []string
			for _, s := range by[id] {
				sents = append(sents, text(d, s))
			}
			sent := strings.Join(sents, " ")
			pos := ""
			if d != nil {
				pos = framing.Place(*d, by[id][0]).Words()
			}
			outlet, date := id, ""
			if d != nil {
				outlet, date = d.Outlet, d.Date
			}
			cw.Write([]string{cell(c.ID), cell(outlet), cell(date), cell(sent), pos, cell(strings.Join(numberRE.FindAllString(sent, -1), "; "))})
		}
	}
	cw.Flush()
	return cw.Error()
}

// numberRE finds numbers as written: "7", "22,000", "3.5".
var numberRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// cell defuses formula injection: a spreadsheet runs a cell that starts with = + - @
// (or a tab or carriage return) as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func docs(r *compare.Result) map[string]*compare.Document {
	m := make(map[string]*compare.Document, len(r.Documents))
	for i := range r.Documents {
		m[r.Documents[i].ID] = &r.Documents[i]
	}
	return m
}

// Name is what a document is called: its outlet or, lacking one, its ID; "?" for
// none.
func Name(d *compare.Document) string {
	switch {
	case d == nil:
		return "?"
	case d.Outlet == "":
		return d.ID
	}
	return d.Outlet
}

// Label names a document for a reader: its outlet (or, lacking one, its ID) and
// date, "CNN (2024-02-07)". Exports and the command line use it.
func Label(d *compare.Document) string {
	l := Name(d)
	if d != nil && d.Date != "" {
		l += " (" + d.Date + ")"
	}
	return l
}

// text is sentence i of d on one line, or "" if d has no such sentence.
func text(d *compare.Document, i int) string {
	if d == nil || i < 0 || i >= len(d.Sentences) {
		return ""
	}
	return oneLine(d.Sentences[i].Text)
}

func evidence(e compare.Evidence) string {
	parts := append(append(append([]string(nil), e.Names...), e.Numbers...), e.Terms...)
	return strings.Join(parts[:min(len(parts), 8)], ", ")
}

// mdEscape puts a backslash before every character Markdown gives a meaning to,
// and before < and > so no HTML gets through.
var mdEscape = func() *strings.Replacer {
	var pairs []string
	for _, c := range "\\`*_[]#|~<>!" {
		pairs = append(pairs, string(c), "\\"+string(c))
	}
	return strings.NewReplacer(pairs...)
}()

// mdText escapes text so Markdown renders it literally (and no HTML gets through).
func mdText(s string) string { return mdEscape.Replace(s) }

// mdCell is mdText on one line, for table cells and list items.
func mdCell(s string) string { return mdText(oneLine(s)) }
