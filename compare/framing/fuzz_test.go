package framing

import (
	"strings"
	"testing"
	"unicode/utf8"

	"parallax/compare"
)

// lines makes a document of text with one sentence a line, so that the fuzz targets
// test this package and not the sentence splitter.
func lines(text string) compare.Document {
	d := compare.Document{ID: "fuzz"}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				d.Sentences = append(d.Sentences, compare.Sentence{Index: len(d.Sentences), Start: start, End: i, Text: text[start:i], Role: compare.RoleBody})
			}
			start = i + 1
		}
	}
	return d
}

// checkSpans fails unless every finding of r points at its own words in text.
func checkSpans(t *testing.T, text string, r Report) {
	t.Helper()
	in := func(what string, s, e int) {
		if s < 0 || e > len(text) || s > e {
			t.Fatalf("%s span [%d,%d) outside text of %d bytes", what, s, e, len(text))
		}
	}
	for _, l := range r.Labels {
		in("label", l.Start, l.End)
		if text[l.Start:l.End] != l.Text {
			t.Fatalf("label %q at [%d,%d) reads %q", l.Text, l.Start, l.End, text[l.Start:l.End])
		}
	}
	for _, q := range r.Quotes {
		in("quote", q.Start, q.End)
		if !strings.Contains(text[q.Start:q.End], q.Text) || q.Words <= 0 || len(q.Sentences) == 0 {
			t.Fatalf("quote %+v does not hold its words", q)
		}
	}
	for _, n := range r.Numbers {
		in("number", n.Start, n.End)
		if text[n.Start:n.End] != n.Text {
			t.Fatalf("number %q at [%d,%d) reads %q", n.Text, n.Start, n.End, text[n.Start:n.End])
		}
		if strings.Contains(n.Suspect, "after a comma") && len(n.Readings) == 0 || n.Suspect == "" && len(n.Readings) > 0 {
			t.Fatalf("number %q: suspect %q with readings %v", n.Text, n.Suspect, n.Readings)
		}
	}
	for _, at := range r.Attributions {
		in("attribution", at.Start, at.End)
	}
	if s := r.Sourcing; s.Share < 0 || s.Share > 1 || s.Attributed > r.Sentences {
		t.Fatalf("sourcing %+v for %d sentences", s, r.Sentences)
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"“We don’t expect every conversation to be easy,” the State Department spokesman, Matthew Miller, told reporters.\n“There are tough issues.”",
		"“‘I told him, ‘We swore and I swore to eliminate Hamas,’” Mr. Netanyahu said. “Nothing will stop us.”",
		"Netanyahu took aim, calling it “delusional” and vowing “absolute victory.”",
		"“Unclosed quotation\nruns to the end of the paragraph",
		"\"Straight quotes,\" he said. \"Again.\"",
		"”“”“",
		"Mr. Blinken said, “",
		"the top US diplomat said “x” and “y”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		checkSpans(t, text, Analyze(lines(text), text, nil))
	})
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{
		"has killed more than 22,0000 Palestinians, according to the Gaza health ministry.",
		"some 1,200 people and over 240 hostages; another 35 to 40 people; $147.5 million",
		"tens of thousands dead, a dozen employees, his fifth visit, 1,2,3, 1,,2, 12,34567,8",
		"At 11 p.m. on Dec. 8 in 2023 the 155-millimeter shells",
		"9,999,9999,99 0,0 00000,0 1.5.5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		r := Analyze(lines(text), text, nil)
		checkSpans(t, text, r)
		for _, n := range r.Numbers {
			f := strings.Fields(strings.TrimPrefix(n.Text, "$"))
			if len(f) == 0 || f[0][0] < '0' || f[0][0] > '9' {
				continue
			}
			if msg, readings := suspect(f[0]); msg != n.Suspect || len(readings) != len(n.Readings) {
				t.Fatalf("suspect(%q) = %q, %v; the number %q says %q, %v", f[0], msg, readings, n.Text, n.Suspect, n.Readings)
			}
		}
	})
}

// FuzzCompare checks that Compare never panics and that every claim gets a full view,
// whatever a Result holds, also refs to unknown documents or sentences.
func FuzzCompare(f *testing.F) {
	f.Add("Officials said 1,200 people were killed.\n“It was a massacre,” Mr. Blinken said.", "Hamas, the militant group, said 1200 died.\nBlinken left.", 0, 1, 3)
	f.Fuzz(func(t *testing.T, a, b string, s1, s2, bogus int) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		da, db := lines(a), lines(b)
		da.ID, db.ID = "a", "b"
		res := &compare.Result{Documents: []compare.Document{da, db},
			Claims: []compare.Claim{{ID: "c1", Members: []compare.Ref{{Doc: "a", Sentence: s1}, {Doc: "b", Sentence: s2}, {Doc: "zz", Sentence: bogus}}}},
			Unique: []compare.Ref{{Doc: "a", Sentence: bogus}}}
		arts := []compare.Article{{ID: "a", Text: a}} // b is rebuilt from its sentences
		c := Compare(res, arts, nil)
		if len(c.Articles) != 2 || len(c.Claims) != 1 || len(c.Claims[0].Coverage) != 2 || len(c.Coverage) != 2 {
			t.Fatalf("Compare gave %d articles, %d claims", len(c.Articles), len(c.Claims))
		}
		checkSpans(t, a, c.Articles[0])
	})
}
