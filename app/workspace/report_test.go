package workspace

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parallax/compare"
	"parallax/compare/eval"
	"parallax/compare/framing"
	"parallax/seeds"
)

// TestWordingReadsBack checks every marked-up wording of the seeds: leaving out what is
// marked deleted and the marks gives the member's own sentence, word for word and space
// for space, and nothing deleted or inserted is only white space. A deletion before
// punctuation keeps the space that set it off in the reference ("officials ~~in
// Doha~~."): that space goes with it.
func TestWordingReadsBack(t *testing.T) {
	res := align(t, seeds.Articles(), nil)
	docs := docs(res)
	mk := marks{"\x01", "\x02", "\x03", "\x04", func(s string) string { return s }}
	marked := 0
	for _, c := range res.Claims {
		for j, m := range c.Members {
			d := docs[m.Doc]
			got := wording(c, j, d, memberDiff(&c, j, docs), mk)
			if strings.ContainsAny(got, "\x01\x03") {
				marked++
			}
			var kept strings.Builder
			for rest := got; rest != ""; {
				i := strings.IndexAny(rest, "\x01\x02\x03")
				if i < 0 {
					kept.WriteString(rest)
					break
				}
				kept.WriteString(rest[:i])
				switch rest[i] {
				case '\x03':
					end := strings.IndexByte(rest[i:], '\x04')
					if end < 0 {
						t.Fatalf("claim %s member %d: a deletion is not closed: %q", c.ID, j, got)
					}
					if strings.TrimSpace(rest[i+1:i+end]) == "" {
						t.Errorf("claim %s member %d: a deletion of white space is marked: %q", c.ID, j, got)
					}
					rest = rest[i+end+1:]
					if r, _ := utf8.DecodeRuneInString(rest); rest != "" && unicode.IsPunct(r) {
						k := kept.String()
						kept.Reset()
						kept.WriteString(strings.TrimSuffix(k, " "))
					}
				default:
					rest = rest[i+1:]
				}
			}
			if got, want := oneLine(kept.String()), oneLine(d.Sentences[m.Sentence].Text); got != want {
				t.Errorf("claim %s member %d reads\n  %q\nwant\n  %q", c.ID, j, got, want)
			}
		}
	}
	if marked == 0 {
		t.Error("no wording of the seeds is marked against its claim's first member")
	}
}

// TestWordingMarkdown checks that Markdown marks keep spaces outside them, so
// strike-through renders, and that article text is escaped inside them.
func TestWordingMarkdown(t *testing.T) {
	c := compare.Claim{
		Members: []compare.Ref{{Doc: "a", Sentence: 0}, {Doc: "b", Sentence: 0}},
		Diffs: []compare.Diff{{From: compare.Ref{Doc: "a"}, To: compare.Ref{Doc: "b"}, Chunks: []compare.Chunk{
			{Op: compare.Equal, Text: "Officials said "},
			{Op: compare.Delete, Text: "22,000 "},
			{Op: compare.Insert, Text: "<b>23,000</b> "},
			{Op: compare.Equal, Text: "people died."},
		}}},
	}
	d := &compare.Document{ID: "b", Sentences: []compare.Sentence{{Text: "Officials said <b>23,000</b> people died."}}}
	got := wording(c, 1, d, memberDiff(&c, 1, map[string]*compare.Document{"b": d}), mdMarks)
	want := `Officials said ~~22,000~~ <ins>\<b\>23,000\</b\></ins> people died.`
	if got != want {
		t.Errorf("wording = %q, want %q", got, want)
	}
}

// TestMarkdownFromAppResult checks the app's Markdown export: the app's results carry
// no stored diffs (its engine drops them), yet the report marks each wording against
// the claim's first and says which numbers differ, exactly as the command's report of
// the same articles does.
func TestMarkdownFromAppResult(t *testing.T) {
	arts := seeds.Articles()
	var want strings.Builder
	if err := WriteMarkdown(&want, align(t, arts, nil), nil); err != nil {
		t.Fatal(err)
	}
	res := align(t, arts, &compare.Options{NoWordDiffs: true})
	for i := range res.Claims {
		res.Claims[i].Diffs = nil // as app/engine.go's pack leaves them
	}
	var got strings.Builder
	if err := WriteMarkdown(&got, res, nil); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(got.String(), "<ins>"); n == 0 || !strings.Contains(got.String(), "numbers differ") {
		t.Errorf("the app's Markdown has %d <ins> marks and numbers differ: %v", n, strings.Contains(got.String(), "numbers differ"))
	}
	if got.String() != want.String() {
		t.Errorf("the app's Markdown differs from the command's for the same articles:\n%.600s\nwant\n%.600s", got.String(), want.String())
	}
}

// TestOccasionsNote: the text and Markdown reports say which articles the engine read
// as different occasions (the seeds' January and February trips), and which claims
// span them, and say nothing when all the articles report one.
func TestOccasionsNote(t *testing.T) {
	arts := seeds.Articles()
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	tests := []struct {
		name string
		arts []compare.Article
		opts *compare.Options
		want []string // lines; none when one occasion
	}{
		{"two trips", arts, nil, []string{"2 different occasions",
			"The New York Times (2024-01-04); The Times of Israel (2024-01-09)",
			"Associated Press (as republished) (2024-02-08); CNN (2024-02-07)",
			"Claim 1 (score 0.23, 3 outlets on 2 occasions)|### Claim 1 on 2 occasions"}}, // text|markdown: Saudi normalisation, January and February
		{"the January trip only", []compare.Article{arts[0], arts[2]}, nil, nil},
		{"one story, as the reader says", arts, &compare.Options{Occasions: [][]string{ids}}, []string{"Read as one story, as you asked: Parallax aligns the articles as reports of one occasion."}},
		{"the reader's two trips", arts, &compare.Options{Occasions: [][]string{{ids[1], ids[4]}, {ids[0], ids[2], ids[3]}}}, []string{"As you grouped them, these articles report 2 different occasions.",
			"Associated Press (as republished) (2024-02-08); CNN (2024-02-07)"}},
	}
	for _, tt := range tests {
		res := align(t, tt.arts, tt.opts)
		if html := writeHTML(t, res, HTMLOptions{}); tt.want != nil && !strings.Contains(html, tt.want[0]) {
			t.Errorf("%s, html: lacks %q", tt.name, tt.want[0])
		}
		for format, write := range map[string]func(io.Writer, *compare.Result, *framing.Comparison) error{"text": WriteText, "markdown": WriteMarkdown} {
			var b strings.Builder
			if err := write(&b, res, nil); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if tt.want == nil && strings.Contains(out, "occasions") {
				t.Errorf("%s, %s: mentions occasions for one occasion", tt.name, format)
			}
			for _, w := range tt.want {
				if text, md, two := strings.Cut(w, "|"); two {
					w = map[string]string{"text": text, "markdown": md}[format]
				} else if format == "markdown" {
					w = mdText(w)
				}
				if !strings.Contains(out, w) {
					t.Errorf("%s, %s: lacks %q", tt.name, format, w)
				}
			}
		}
	}
}

// TestReportCounts checks the text report's counts on ECB+'s reports of one shooting
// in Athens (fourteen articles of one or a few sentences, so counts of one occur): one
// claim and one sentence are written as such, and an outlet with nothing of its own
// says so on one line.
func TestReportCounts(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/bench/ecbplus/ecbplus-dev.jsonl")
	if err != nil {
		t.Fatalf("reading the ECB+ file: %v (the shared folder must sit beside the checkout)", err)
	}
	arts, err := eval.ECBStory(raw, "19_ecb")
	if err != nil {
		t.Fatal(err)
	}
	res := align(t, arts, nil)
	var b strings.Builder
	if err := WriteText(&b, res, framing.Compare(res, arts, nil)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	n := func(k int, one, many string) string {
		if k == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", k, many)
	}
	ones := 0
	want := []string{fmt.Sprintf("%d articles, %s, %s reported by one article only", len(arts), n(len(res.Claims), "shared claim", "shared claims"), n(len(res.Unique), "sentence", "sentences"))}
	for _, d := range res.Documents {
		k := 0
		for _, u := range res.Unique {
			if u.Doc == d.ID {
				k++
			}
		}
		if k == 0 {
			want = append(want, "Only in "+Label(&d)+": nothing, every sentence has a counterpart elsewhere.")
		} else {
			want = append(want, fmt.Sprintf("Only in %s (%s):", Label(&d), n(k, "sentence", "sentences")))
		}
		want = append(want, fmt.Sprintf(" of %s attributed", n(len(d.Sentences), "sentence", "sentences")))
		for _, c := range []int{k, len(d.Sentences)} {
			if c == 1 {
				ones++
			}
		}
	}
	if len(res.Claims) == 1 || len(res.Unique) == 1 {
		ones++
	}
	if ones == 0 {
		t.Fatal("no count of one to check: pick another ECB+ object")
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("the report lacks %q:\n%s", w, out)
		}
	}
}

// TestMemberDiffOwnArticle checks, on the seeds, that a claim's first article's other
// sentences are not marked against its first: they are its own wording, and a number
// it gives twice differently is no difference between outlets. Every other outlet's
// sentence is.
func TestMemberDiffOwnArticle(t *testing.T) {
	res := align(t, seeds.Articles(), nil)
	docs := docs(res)
	own := 0
	for i := range res.Claims {
		c := &res.Claims[i]
		for j, m := range c.Members {
			df := memberDiff(c, j, docs)
			switch {
			case m.Doc == c.Members[0].Doc:
				if j > 0 {
					own++
				}
				if df != nil {
					t.Errorf("claim %s: %s's sentence %d is marked against its own article's sentence %d", c.ID, m.Doc, m.Sentence, c.Members[0].Sentence)
				}
			case df == nil:
				t.Errorf("claim %s: %s's sentence %d is not compared with the first member", c.ID, m.Doc, m.Sentence)
			}
		}
	}
	if own == 0 {
		t.Error("no claim of the seeds holds two sentences of its first article: the test checks nothing")
	}
}

// TestWordingLoose checks, on the seeds, that the text report marks a wording as the
// HTML export and the app do: when it keeps less than MinShared of its words from the
// claim's first, the first's words it leaves out are not shown (striking a whole
// sentence is noise), and otherwise they are.
func TestWordingLoose(t *testing.T) {
	res := align(t, seeds.Articles(), nil)
	docs := docs(res)
	loose, near := 0, 0
	for i := range res.Claims {
		c := &res.Claims[i]
		for j, m := range c.Members {
			df := memberDiff(c, j, docs)
			if df == nil || !sharesWords(df) {
				continue
			}
			w := wording(*c, j, docs[m.Doc], df, textMarks)
			struck := strings.Contains(w, "[-")
			deletes := slices.ContainsFunc(df.Chunks, func(ch compare.Chunk) bool {
				return ch.Op == compare.Delete && strings.TrimSpace(ch.Text) != ""
			})
			if SharedShare(df.Chunks) < MinShared {
				loose++
				if struck {
					t.Errorf("claim %s: %q keeps less than a quarter of the words, yet shows those it leaves out", c.ID, w)
				}
			} else if deletes {
				near++
				if !struck {
					t.Errorf("claim %s: %q does not show the words it leaves out", c.ID, w)
				}
			}
		}
	}
	if loose == 0 || near == 0 {
		t.Errorf("%d loose and %d close wordings with deletions: the seeds should give both", loose, near)
	}
	var b strings.Builder
	if err := WriteText(&b, res, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "the words it leaves out are not shown") {
		t.Error("the text report does not say how it marks the wordings")
	}
}

// TestReportWhere checks the "where" line of every claim of the seeds in the text and
// Markdown reports: the outlets grouped by where they place the claim, most prominent
// first, in the words every view uses ("last third", not the JSON's "buried"), each
// outlet once and in the group of its own position.
func TestReportWhere(t *testing.T) {
	arts := seeds.Articles()
	res := align(t, arts, nil)
	fr := framing.Compare(res, arts, nil)
	docs := map[string]*compare.Document{}
	for i := range res.Documents {
		docs[res.Documents[i].ID] = &res.Documents[i]
	}
	for _, f := range []struct {
		name   string
		write  func(io.Writer, *compare.Result, *framing.Comparison) error
		prefix string
		label  func(string) string // an outlet's label as the report writes it
	}{{"text", WriteText, "  · where: ", func(s string) string { return s }}, {"markdown", WriteMarkdown, "> where: ", mdText}} {
		var b strings.Builder
		if err := f.write(&b, res, fr); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(b.String(), "\n") {
			if s, ok := strings.CutPrefix(l, f.prefix); ok {
				lines = append(lines, strings.TrimRight(s, " ")) // Markdown's line break
			}
		}
		if len(lines) != len(fr.Claims) {
			t.Fatalf("%s: %d where lines for %d claims", f.name, len(lines), len(fr.Claims))
		}
		for i, line := range lines {
			group := map[string]string{} // outlet → the words of its group
			last := -1
			for _, part := range strings.Split(line, "; ") {
				words, outlets, ok := strings.Cut(part, ": ")
				k := slices.IndexFunc(framing.Positions, func(p framing.Position) bool { return p.Words() == words })
				if !ok || k <= last {
					t.Errorf("%s, claim %d: group %q out of order or unknown in %q", f.name, i+1, part, line)
					continue
				}
				last = k
				for _, o := range strings.Split(outlets, ", ") {
					if _, dup := group[o]; dup {
						t.Errorf("%s, claim %d: %s twice in %q", f.name, i+1, o, line)
					}
					group[o] = words
				}
			}
			cov := fr.Claims[i].Coverage
			if len(group) != len(cov) {
				t.Errorf("%s, claim %d: %d outlets in %q, want %d", f.name, i+1, len(group), line, len(cov))
			}
			for _, c := range cov {
				o := f.label(Label(docs[c.Doc]))
				if got, want := group[o], c.Position.Words(); got != want {
					t.Errorf("%s, claim %d: %s under %q, want %q", f.name, i+1, o, got, want)
				}
			}
		}
	}
}

// TestOnlyQuotedUnnamed: the text report names the unnamed sources only one outlet
// quotes, as the app and the Voices list do: CNN's "senior State Department official"
// was left out, so the report and the app disagreed.
func TestOnlyQuotedUnnamed(t *testing.T) {
	arts := seeds.Articles()
	res := align(t, arts, nil)
	var b strings.Builder
	if err := WriteText(&b, res, framing.Compare(res, arts, nil)); err != nil {
		t.Fatal(err)
	}
	if want := "quoted by this outlet only: senior State Department official (unnamed)"; !strings.Contains(b.String(), want) {
		t.Errorf("the text report lacks %q", want)
	}
}
