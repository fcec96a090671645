package compare

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"titles", "Mr. Blinken met Mrs. Clinton and Dr. Fauci. Gen. Halevi and Lt. Col. Lerner left.",
			[]string{"Mr. Blinken met Mrs. Clinton and Dr. Fauci.", "Gen. Halevi and Lt. Col. Lerner left."}},
		{"senator", "Sen. Chris Coons spoke. He left.", []string{"Sen. Chris Coons spoke.", "He left."}},
		{"dotted acronyms continue", "U.S. officials and U.N. staff met in Washington, D.C. on Monday. The S.U.V. was black.",
			[]string{"U.S. officials and U.N. staff met in Washington, D.C. on Monday.", "The S.U.V. was black."}},
		{"acronym before a name", "U.S. Secretary of State Antony Blinken left.", []string{"U.S. Secretary of State Antony Blinken left."}},
		{"acronym ends a sentence", "Aid came from the U.S. The talks went on.", []string{"Aid came from the U.S.", "The talks went on."}},
		{"months before a day", "On Oct. 7, Hamas attacked. By Dec. 12 and Jan. 9 talks had resumed.",
			[]string{"On Oct. 7, Hamas attacked.", "By Dec. 12 and Jan. 9 talks had resumed."}},
		{"initials", "Antony J. Blinken met William J. Burns. Michael B. Oren agreed.",
			[]string{"Antony J. Blinken met William J. Burns.", "Michael B. Oren agreed."}},
		{"quote with attribution", "“We don’t expect every conversation to be easy,” the spokesman said. Talks began.",
			[]string{"“We don’t expect every conversation to be easy,” the spokesman said.", "Talks began."}},
		{"quotation of several sentences", "Finally, Mr. Biden weighed in. “I’ve got to go,” he said. “I’ve got to see these guys face to face.”",
			[]string{"Finally, Mr. Biden weighed in.", "“I’ve got to go,” he said.", "“I’ve got to see these guys face to face.”"}},
		{"question then speech tag", "“Is it over?” Blinken asked. Nobody answered.",
			[]string{"“Is it over?” Blinken asked.", "Nobody answered."}},
		{"question then new sentence", "Is it over? The talks resumed.", []string{"Is it over?", "The talks resumed."}},
		{"headline without period", "Blinken meets Israel’s war leadership as US concerns grow",
			[]string{"Blinken meets Israel’s war leadership as US concerns grow"}},
		{"ellipsis mid-sentence", "The meetings “focused on ensuring … that we can use any pause.”",
			[]string{"The meetings “focused on ensuring … that we can use any pause.”"}},
		{"decimals and no-space dots", "Growth was 3.5 percent.See above. Next one.", []string{"Growth was 3.5 percent.See above.", "Next one."}},
		{"no-break spaces", "Blinken left.\u00a0He flew home.\u00a0", []string{"Blinken left.", "He flew home."}},
		{"empty", "", nil},
		{"only space", " \n\t\u00a0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			var texts []string
			for i, s := range got {
				texts = append(texts, s.Text)
				if s.Index != i || s.Role != RoleBody || tt.text[s.Start:s.End] != s.Text {
					t.Errorf("sentence %d = %+v: wrong index, role or offsets", i, s)
				}
			}
			if !slices.Equal(texts, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, texts, tt.want)
			}
		})
	}
}

// checkSpans verifies the offsets of a parsed document: every sentence and piece of
// debris is the text at its offsets, nothing overlaps, and every non-space byte of the
// text is in a sentence or in debris (Clean never silently drops text).
func checkSpans(t *testing.T, text string, d Document) {
	t.Helper()
	type span struct{ start, end int }
	var spans []span
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d has bad offsets [%d,%d) for %q", s.Index, s.Start, s.End, s.Text)
		}
		spans = append(spans, span{s.Start, s.End})
	}
	for _, db := range d.Debris {
		if db.Start < 0 || db.End > len(text) || db.Start >= db.End || text[db.Start:db.End] != db.Text {
			t.Fatalf("debris %s has bad offsets [%d,%d) for %q", db.Kind, db.Start, db.End, db.Text)
		}
		spans = append(spans, span{db.Start, db.End})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	pos := 0
	for _, s := range spans {
		if s.start < pos {
			t.Fatalf("spans overlap at byte %d", s.start)
		}
		if gap := text[pos:s.start]; strings.TrimFunc(gap, isSpace) != "" {
			t.Fatalf("text %q at bytes %d-%d is in no sentence and no debris", gap, pos, s.start)
		}
		pos = s.end
	}
	if gap := text[pos:]; strings.TrimFunc(gap, isSpace) != "" {
		t.Fatalf("trailing text %q is in no sentence and no debris", gap)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Mr. Blinken met U.S. officials on Oct. 7. “Yes,” he said.", "a. B. c? “D!” e…", "U.S.", "...", "\u00a0.\u00a0"} {
		f.Add(s)
	}
	for _, a := range seedArticles(f) {
		f.Add(a.Text[:min(len(a.Text), 2000)])
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for i, s := range Split(text) {
			if s.Index != i || s.Start < prev || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d %+v: bad offsets", i, s)
			}
			r, _ := utf8.DecodeRuneInString(s.Text)
			l, _ := utf8.DecodeLastRuneInString(s.Text)
			if isSpace(r) || isSpace(l) {
				t.Fatalf("sentence %q is not trimmed", s.Text)
			}
			if gap := text[prev:s.Start]; strings.TrimFunc(gap, isSpace) != "" {
				t.Fatalf("text %q lost between sentences", gap)
			}
			prev = s.End
		}
		if strings.TrimFunc(text[prev:], isSpace) != "" {
			t.Fatalf("trailing text %q lost", text[prev:])
		}
	})
}

// TestSplitLinear guards the splitter against quadratic behaviour on long paragraphs
// without sentence ends (pasted tables, minified text).
func TestSplitLinear(t *testing.T) {
	long := strings.Repeat("word U.S. and Mr. Smith on Oct. 7, ", 50000)
	if n := len(Split(long)); n != 1 {
		t.Fatalf("Split(long run-on) = %d sentences, want 1", n)
	}
	many := strings.Repeat("A short one. ", 50000)
	if n := len(Split(many)); n != 50000 {
		t.Fatalf("Split(many) = %d sentences, want 50000", n)
	}
}
