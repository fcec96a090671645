package workspace

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"parallax/compare"
)

// HTMLOptions says how WriteHTML lays out a comparison.
type HTMLOptions struct {
	// Title is the page's title and heading; "" gives "Parallax comparison".
	Title string
	// Reference is the ID of the document the word marks compare the others with; ""
	// or an ID that is not in the result gives the first document.
	Reference string
}

// DefaultHTMLTitle is the page title WriteHTML uses when HTMLOptions gives none.
const DefaultHTMLTitle = "Parallax comparison"

// WriteHTML writes the comparison as one self-contained HTML page, a handout that
// opens offline: the outlets, each shared claim with every outlet's sentence marked
// against the reference outlet's, and what only one outlet reports. Article text is
// always escaped and shown as text. The page has an inline style sheet and nothing
// else: no scripts, images, fonts or links, and a Content-Security-Policy that
// forbids them. The output depends only on the result and the options.
func WriteHTML(w io.Writer, r *compare.Result, opt HTMLOptions) error {
	if r == nil || len(r.Documents) < 2 {
		n := 0
		if r != nil {
			n = len(r.Documents)
		}
		return fmt.Errorf("nothing to export: the comparison has %d %s and needs at least two", n, plural(n, "article", "articles"))
	}
	b := bufio.NewWriter(w)
	writePage(b, newHTMLView(r, opt))
	if err := b.Flush(); err != nil {
		return fmt.Errorf("writing the HTML page: %w", err)
	}
	return nil
}

// htmlView is what the page template shows.
type htmlView struct {
	Title   string
	Summary string
	RefName string
	Docs    []htmlDoc
	// OccasionsNote says how the articles were read as occasions (OccasionsNote), and
	// Occasions lists each occasion's articles when there is more than one.
	OccasionsNote string
	Occasions     []string
	Claims        []htmlClaim
	Unique        []htmlOnly
}

type htmlDoc struct {
	Outlet, Date, Title string
	Sentences           int
	Ref                 bool
}

type htmlClaim struct {
	ID, Evidence string
	Score        float64 // how confidently the members report the same thing, 0 to 1
	N, Outlets   int
	Occasions    int  // the occasions its outlets report it on (Result.ClaimOccasions)
	Numbers      bool // some outlet gives a number differently from the reference
	Unmarked     bool // the reference does not report the claim: no marks
	Rows         []htmlRow
}

// htmlRow is one outlet's sentences in a claim.
type htmlRow struct {
	Name  string
	Ref   bool
	Sents []htmlSent
}

type htmlSent struct {
	Pieces  []piece
	Numbers string // "22,0000 → 23,000" when numbers differ from the reference
}

// htmlOnly is one outlet's sentences that no other outlet reports.
type htmlOnly struct {
	Name  string
	Sents []string
}

// piece is a run of a sentence and how to mark it.
type piece struct {
	Op   compare.Op
	Runs []run
}

// run is text within a piece; Num marks a number the reference sentence gives differently.
type run struct {
	Text string
	Num  bool
}

// MinShared is the share of common words (see SharedShare) under which the reference's
// words that a sentence leaves out are not shown, here and in the app's aligned view.
const MinShared = 0.25

func newHTMLView(r *compare.Result, opt HTMLOptions) htmlView {
	docs := docs(r)
	ref := opt.Reference
	if docs[ref] == nil {
		ref = r.Documents[0].ID
	}
	v := htmlView{Title: clean(opt.Title), RefName: clean(Label(docs[ref]))}
	if strings.TrimSpace(v.Title) == "" {
		v.Title = DefaultHTMLTitle
	}
	v.Summary = fmt.Sprintf("%s, %s, %s reported by one outlet only.", Count(len(r.Documents), "article", "articles"),
		Count(len(r.Claims), "shared claim", "shared claims"), Count(len(r.Unique), "sentence", "sentences"))
	order := []string{ref}
	for _, d := range r.Documents {
		if d.ID != ref {
			order = append(order, d.ID)
		}
		v.Docs = append(v.Docs, htmlDoc{Outlet: clean(d.Outlet), Date: clean(d.Date), Title: clean(oneLine(d.Title)), Sentences: len(d.Sentences), Ref: d.ID == ref})
	}
	v.OccasionsNote = OccasionsNote(r)
	if len(r.Occasions) > 1 {
		for _, o := range r.Occasions {
			v.Occasions = append(v.Occasions, clean(occasionLabels(docs, o)))
		}
	}
	for i := range r.Claims {
		hc := newHTMLClaim(docs, &r.Claims[i], i+1, ref, order)
		hc.Occasions = r.ClaimOccasions(&r.Claims[i])
		v.Claims = append(v.Claims, hc)
	}
	for _, id := range order {
		d := docs[id]
		o := htmlOnly{Name: clean(Label(d))}
		for _, u := range r.Unique {
			if u.Doc == id {
				o.Sents = append(o.Sents, clean(text(d, u.Sentence)))
			}
		}
		v.Unique = append(v.Unique, o)
	}
	return v
}

// newHTMLClaim lays out claim c: the reference outlet's row first, then the others in
// order, each sentence marked against the reference's first sentence in the claim.
func newHTMLClaim(docs map[string]*compare.Document, c *compare.Claim, n int, ref string, order []string) htmlClaim {
	hc := htmlClaim{ID: clean(c.ID), N: n, Evidence: clean(evidence(c.Evidence)), Score: c.Score, Unmarked: true}
	var base compare.Ref
	for _, m := range c.Members {
		if m.Doc == ref {
			base, hc.Unmarked = m, false
			break
		}
	}
	baseText := text(docs[base.Doc], base.Sentence)
	for _, id := range order {
		row := htmlRow{Name: clean(Label(docs[id])), Ref: id == ref}
		for _, m := range c.Members {
			if m.Doc != id {
				continue
			}
			s := text(docs[id], m.Sentence)
			if hc.Unmarked || m.Doc == base.Doc {
				// The base, and its article's other sentences: its own wording.
				row.Sents = append(row.Sents, htmlSent{Pieces: []piece{{Runs: []run{{Text: clean(s)}}}}})
				continue
			}
			d := pairDiff(c, base, m, baseText, s)
			row.Sents = append(row.Sents, htmlSent{Pieces: pieces(d), Numbers: clean(numberLine(d.Numbers))})
			hc.Numbers = hc.Numbers || len(d.Numbers) > 0
		}
		if len(row.Sents) > 0 {
			hc.Rows = append(hc.Rows, row)
			hc.Outlets++
		}
	}
	return hc
}

// pairDiff returns how sentence m words what base words. The word chunks are the
// claim's stored diff when it has one from base to m, else compare.Words(baseText,
// text): results aligned with compare.Options.NoWordDiffs, as the app's are, store no
// chunks, and a claim stores diffs from its first member only. The numbers that
// differ come from the stored diff in either direction, else from the two texts.
func pairDiff(c *compare.Claim, base, m compare.Ref, baseText, text string) compare.Diff {
	d := compare.Diff{From: base, To: m}
	found := false
	for _, s := range c.Diffs {
		switch {
		case s.From == base && s.To == m:
			d.Chunks, d.Numbers, found = s.Chunks, s.Numbers, true
		case s.From == m && s.To == base:
			for _, n := range s.Numbers {
				d.Numbers = append(d.Numbers, compare.NumberChange{From: n.To, To: n.From})
			}
			found = true
		}
	}
	if len(d.Chunks) == 0 {
		d.Chunks = compare.Words(baseText, text)
	}
	if !found {
		d.Numbers = compare.NumberChanges(baseText, text)
	}
	return d
}

// numberLine writes number changes as "22,0000 → 23,000; — → 240".
func numberLine(ns []compare.NumberChange) string {
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	var parts []string
	for _, n := range ns {
		parts = append(parts, dash(n.From)+" → "+dash(n.To))
	}
	return strings.Join(parts, "; ")
}

// SharedShare is the share of a sentence's words that it has in common with the
// sentence it was diffed against: Equal words over Equal and Insert words.
func SharedShare(chunks []compare.Chunk) float64 {
	same, all := 0, 0
	for _, ch := range chunks {
		n := len(strings.Fields(ch.Text))
		switch ch.Op {
		case compare.Equal:
			same += n
			all += n
		case compare.Insert:
			all += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(same) / float64(all)
}

// pieces splits a diff into marked runs, with the numbers the sentence gives
// differently standing out in the words it adds. When the sentence shares less than
// MinShared of its words with the reference, the reference's words it leaves out are
// not shown: a whole struck-out sentence next to a whole underlined one tells a
// reader nothing (the app's aligned view does the same).
func pieces(d compare.Diff) []piece {
	nums := map[string]bool{}
	for _, n := range d.Numbers {
		if n.To != "" {
			nums[n.To] = true
		}
	}
	loose := SharedShare(d.Chunks) < MinShared
	var out []piece
	for _, ch := range d.Chunks {
		t := clean(chunkText(ch))
		switch {
		case ch.Op == compare.Delete && (loose || strings.TrimSpace(t) == ""):
			continue // a struck-out space is noise
		case strings.TrimSpace(t) == "":
			out = append(out, piece{Runs: []run{{Text: t}}})
			continue
		case ch.Op != compare.Insert:
			out = append(out, piece{Op: ch.Op, Runs: []run{{Text: t}}})
			continue
		}
		p, at := piece{Op: ch.Op}, 0
		for _, loc := range numberRE.FindAllStringIndex(t, -1) {
			if !nums[t[loc[0]:loc[1]]] {
				continue
			}
			if loc[0] > at {
				p.Runs = append(p.Runs, run{Text: t[at:loc[0]]})
			}
			p.Runs = append(p.Runs, run{Text: t[loc[0]:loc[1]], Num: true})
			at = loc[1]
		}
		if at < len(t) {
			p.Runs = append(p.Runs, run{Text: t[at:]})
		}
		out = append(out, p)
	}
	return out
}

// spaceRE finds runs of white space (as unicode.IsSpace has it: no-break spaces too),
// which become one space, as oneLine makes them.
var spaceRE = regexp.MustCompile(`[\s\v\p{Z}\x{85}]+`)

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clean makes text valid UTF-8, so the page is.
func clean(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// looseNote says what a wording keeping less than MinShared of base's words shows.
func looseNote(base string) string {
	return "Where a sentence has less than a quarter of its words in common with " + base + ", the words it leaves out are not shown."
}

// Count writes n with its noun: "1 claim", "3 claims". Every count a reader sees, in
// the app and in the reports, is written with it.
func Count(n int, one, many string) string { return strconv.Itoa(n) + " " + plural(n, one, many) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// writePage writes the page. Every value from the articles goes through esc, so
// article text can only ever be text. The page is written by hand, not with
// html/template: the templates' reflection keeps every exported method in the
// binary and nearly doubled app.wasm (10.9 MB to 18.2 MB).
func writePage(b *bufio.Writer, v htmlView) {
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	w(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Parallax">
<title>`, esc(v.Title), `</title>
<style>
`, pageStyle, `</style>
</head>
<body>
<header>
<h1>`, esc(v.Title), `</h1>
<p class="summary">`, esc(v.Summary), `</p>
</header>
<main>
<section id="outlets">
<h2>Outlets</h2>
<ol class="outlets">`)
	for _, d := range v.Docs {
		w("\n<li><strong>", esc(d.Outlet), "</strong>")
		if d.Date != "" {
			w(" · <time>", esc(d.Date), "</time>")
		}
		if d.Title != "" {
			w(": <cite>", esc(d.Title), "</cite>")
		}
		w(` <span class="count">(`, strconv.Itoa(d.Sentences), " sentences)</span>")
		if d.Ref {
			w(` <span class="badge">reference</span>`)
		}
		w("</li>")
	}
	w("\n</ol>")
	if v.OccasionsNote != "" {
		w("\n<p class=\"occasions\">", esc(v.OccasionsNote), "</p>")
	}
	if len(v.Occasions) > 0 {
		w("\n<ol class=\"occasions\">")
		for _, o := range v.Occasions {
			w("\n<li>", esc(o), "</li>")
		}
		w("\n</ol>")
	}
	w("\n</section>\n<section id=\"claims\">\n<h2>Shared claims (", strconv.Itoa(len(v.Claims)), ")</h2>")
	if len(v.Claims) > 0 {
		w("\n<p class=\"legend\">Marks compare each outlet with the reference, ", esc(v.RefName), `: <ins>words it adds</ins> · <del>reference words it leaves out</del> · <strong class="num">123</strong> a number the reference gives differently. `, looseNote("the reference"), `</p>`)
	} else {
		w("\n<p class=\"note\">These articles share no claims that Parallax could find: they may be about different events. See “Only in one outlet” for what each reports.</p>")
	}
	for _, c := range v.Claims {
		w("\n<section class=\"claim\" id=\"claim-", esc(c.ID), "\">\n<h3>Claim ", strconv.Itoa(c.N), ` <span class="count">(`, strconv.Itoa(c.Outlets), " outlets", OnOccasions(c.Occasions), ")</span>")
		if c.Numbers {
			w(` <span class="flag">numbers differ</span>`)
		}
		w("</h3>\n<p class=\"ev\">")
		if c.Evidence != "" {
			w("Shared: ", esc(c.Evidence), " · ")
		}
		w(esc(MatchScore(c.Score)), "</p>")
		if c.Unmarked {
			w("\n<p class=\"note\">", esc(v.RefName), " does not report this claim: the sentences are shown without marks.</p>")
		}
		w("\n<table>\n<thead><tr><th scope=\"col\">Outlet</th><th scope=\"col\">What it says</th></tr></thead>\n<tbody>")
		for _, r := range c.Rows {
			w("\n<tr")
			if r.Ref {
				w(` class="ref"`)
			}
			w(`><th scope="row">`, esc(r.Name))
			if r.Ref {
				w(` <span class="badge">reference</span>`)
			}
			w("</th><td>")
			for _, s := range r.Sents {
				w("\n<p>")
				for _, p := range s.Pieces {
					open, close := "", ""
					switch p.Op {
					case compare.Insert:
						open, close = "<ins>", "</ins>"
					case compare.Delete:
						open, close = "<del>", "</del>"
					}
					w(open)
					for _, r := range p.Runs {
						if r.Num {
							w(`<strong class="num">`, esc(r.Text), "</strong>")
						} else {
							w(esc(r.Text))
						}
					}
					w(close)
				}
				w("</p>")
				if s.Numbers != "" {
					w("\n<p class=\"nums\">Numbers differ from the reference: ", esc(s.Numbers), "</p>")
				}
			}
			w("\n</td></tr>")
		}
		w("\n</tbody>\n</table>\n</section>")
	}
	w("\n</section>\n<section id=\"unique\">\n<h2>Only in one outlet</h2>")
	for _, o := range v.Unique {
		w("\n<section class=\"only\">\n<h3>", esc(o.Name), ` <span class="count">(`, strconv.Itoa(len(o.Sents)), ")</span></h3>")
		if len(o.Sents) > 0 {
			w("\n<ul>")
			for _, s := range o.Sents {
				w("\n<li>", esc(s), "</li>")
			}
			w("\n</ul>")
		} else {
			w("\n<p class=\"note\">Nothing: every sentence has a counterpart elsewhere.</p>")
		}
		w("\n</section>")
	}
	w(`
</section>
</main>
<footer>
<p>Made with Parallax, which compares the articles on the reader’s own computer. This page is self-contained: it runs no scripts and loads nothing.</p>
</footer>
</body>
</html>
`)
}

// esc escapes text for HTML, in element content and in quoted attributes alike, as
// html/template does: the five markup characters, "+" and NUL.
var esc = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;").Replace

// pageStyle is the page's style sheet.
const pageStyle = `:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c6bd; --ins-bg: #dcf5e3; --ins-ink: #0b5d25; --del-bg: #fde2e1; --del-ink: #8f1d1a; --num-bg: #fff1b8; --num-ink: #5c3d00; }
html { background: #fbfaf7; color: var(--ink); }
body { margin: 0 auto; max-width: 70rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif; }
h1 { margin: 0 0 0.25rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 0.75rem; font-size: 1.3rem; border-bottom: 2px solid var(--ink); }
h3 { margin: 0 0 0.4rem; font-size: 1.05rem; }
.summary, .ev, .note, .nums, footer { color: var(--muted); }
.outlets li { margin: 0.2rem 0; }
.badge { display: inline-block; padding: 0 0.4rem; border: 1px solid var(--ink); border-radius: 3px; font-size: 0.8em; }
.legend { padding: 0.5rem 0.75rem; border: 1px solid var(--line); background: #fff; }
.claim { margin: 0 0 1.25rem; padding: 0.75rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.flag { padding: 0 0.4rem; border: 1px solid var(--num-ink); color: var(--num-ink); background: var(--num-bg); font-size: 0.8em; font-weight: 600; }
.count { color: var(--muted); font-weight: normal; font-size: 0.9em; }
.ev, .note, .nums { margin: 0 0 0.4rem; font-size: 0.9em; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 0.4rem 0.5rem; border-top: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-top: 0; font-size: 0.85em; color: var(--muted); }
tbody th { width: 14rem; font-weight: 600; }
tr.ref th, tr.ref td { background: #f3f1ea; }
td p { margin: 0 0 0.3rem; }
ins { text-decoration: underline 2px; text-underline-offset: 2px; background: var(--ins-bg); color: var(--ins-ink); }
del { text-decoration: line-through 2px; background: var(--del-bg); color: var(--del-ink); }
.num { background: var(--num-bg); color: var(--num-ink); font-weight: 700; outline: 1px solid var(--num-ink); padding: 0 2px; border-radius: 2px; }
.legend ins, .legend del, .legend .num { padding: 0 3px; }
.only ul { margin: 0 0 1rem; padding-left: 1.25rem; }
.only li { margin: 0.2rem 0; }
footer { margin-top: 2rem; font-size: 0.85em; }
@media print {
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .claim, .legend { break-inside: avoid; page-break-inside: avoid; }
  .claim { border-color: #999; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .only li, tr { break-inside: avoid; page-break-inside: avoid; }
  ins, del, .num, .flag, tr.ref th, tr.ref td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
