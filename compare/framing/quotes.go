package framing

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// quoteSpan is a pair of quotation marks before speakers are looked for.
type quoteSpan struct {
	start, end        int // including the marks
	inner, innerEnd   int // the words inside
	firstPos, lastPos int // positions in a.sents
	closed            bool
}

// findQuotes pairs double quotation marks inside the sentences. A quote left open at
// the end of a paragraph ends there.
func (a *analysis) findQuotes() []quoteSpan {
	var out []quoteSpan
	open, openPos, openLen := -1, 0, 0
	closeAt := func(end, innerEnd, pos int, closed bool) {
		if innerEnd < open+openLen {
			innerEnd = open + openLen
		}
		out = append(out, quoteSpan{start: open, end: end, inner: open + openLen, innerEnd: innerEnd,
			firstPos: openPos, lastPos: pos, closed: closed})
		open = -1
	}
	for pos, st := range a.sents {
		if open >= 0 && pos > 0 && st.para != a.sents[pos-1].para {
			e := a.sents[pos-1].s.End
			closeAt(e, e, pos-1, false)
		}
		seg := a.text[st.s.Start:st.s.End]
		for i := 0; i < len(seg); {
			r, w := utf8.DecodeRuneInString(seg[i:])
			p := st.s.Start + i
			switch {
			case r == '\u201c' || (r == '"' && open < 0):
				if open >= 0 {
					closeAt(p, p, pos, false)
				}
				open, openPos, openLen = p, pos, w
			case (r == '\u201d' || r == '"') && open >= 0:
				closeAt(p+w, p, pos, true)
			}
			i += w
		}
	}
	if open >= 0 && len(a.sents) > 0 {
		last := len(a.sents) - 1
		e := a.sents[last].s.End
		closeAt(e, e, last, false)
	}
	return out
}

// fragmentCues are words that tie a short quoted phrase to the person named before
// them: "Netanyahu …, calling it “delusional”".
var fragmentCues = set("calling", "called", "calls", "vowing", "vowed", "dismissing", "describing", "described",
	"saying", "insisting", "branding", "dubbing", "terming", "spoke", "speaking", "promising", "pledging")

// titleCues name a work right before its title in quotation marks, or with a
// preposition between: the series "Doctor Who", her role in "American Pie".
var titleCues = set("series", "show", "film", "movie", "book", "novel", "song", "album", "play", "programme",
	"program", "documentary", "titled", "entitled", "magazine", "newspaper", "column", "episode", "sitcom", "drama",
	"musical", "opera", "poem", "podcast", "report", "memoir", "single", "track", "game", "role", "starred",
	"sequel", "franchise")

// workTitle reports whether the quotation marks of qs hold the title of a work, not a
// quotation: a few words, each capitalised or a short function word, right after a
// word that names a work (BBC's series "Doctor Who." was BBC's quotation).
func (a *analysis) workTitle(qs quoteSpan, inner string) bool {
	words := tokenize(inner, 0)
	if len(words) > 6 || !words[0].upper {
		return false
	}
	for _, t := range words {
		if !t.upper && !functionWords[t.norm] && !isDigitWord(t.norm) {
			return false
		}
	}
	toks := a.sents[qs.firstPos].toks
	prev := -1
	for k, t := range toks {
		if t.end <= qs.start {
			prev = k
		}
	}
	if prev > 0 && functionWords[toks[prev].norm] {
		prev-- // her role in "American Pie"
	}
	return prev >= 0 && titleCues[toks[prev].norm]
}

// quotes finds quotations and their speakers.
func (a *analysis) quotes() {
	spans := a.spans
	var of []int // quotation → its span in spans
	defer func() { a.openParagraphs(of) }()
	for qi, qs := range spans {
		inner := a.text[qs.inner:qs.innerEnd]
		q := Quote{Text: strings.TrimSpace(inner), Start: qs.start, End: qs.end, Sentences: []int{}}
		q.Words = len(tokenize(inner, 0))
		if q.Words == 0 || a.workTitle(qs, inner) {
			continue
		}
		for p := qs.firstPos; p <= qs.lastPos; p++ {
			q.Sentences = append(q.Sentences, a.sents[p].s.Index)
		}
		first := a.sents[qs.firstPos]
		atStart := true // the quote opens its sentence
		for _, t := range first.toks {
			if t.end <= qs.start {
				atStart = false
				break
			}
		}
		q.Fragment = q.Words <= 5 && !atStart && qs.firstPos == qs.lastPos

		toks, si, sj, via, tagged := a.speakerAfter(qs, qi)
		if toks == nil {
			toks, si, sj, via = a.speakerBefore(qs)
		}
		if toks != nil {
			src := toks[si : sj+1]
			if len(src) == 1 && pronouns[src[0].norm] {
				q.Speaker = src[0].raw
				q.Key, q.Name, q.Anonymous = a.pronoun(qs, src[0].norm)
				if q.Key != "" {
					via = "pronoun"
				}
			} else {
				q.Speaker = a.span(toks, si, sj)
				q.Key, q.Name, q.Anonymous = a.person(src)
			}
			q.Via = via
		}
		if q.Key == "" {
			// "… a “tangible” discussion …, said the official": a source named after the
			// quote in its sentence
			last := a.sents[qs.lastPos].s.Index
			for _, at := range a.rep.Attributions {
				if at.Sentence == last && at.Start >= qs.end && (at.Kind == Named || at.Kind == Anonymous) && at.Source != "" && a.lex.verbs[normWord(at.Cue)] {
					src := tokenize(at.Source, 0)
					if len(src) == 1 && pronouns[src[0].norm] {
						break
					}
					q.Speaker, q.Via = at.Source, "sentence"
					q.Key, q.Name, q.Anonymous = a.personText(at)
					break
				}
			}
		}
		if q.Key == "" && !q.Fragment && atStart && !tagged && len(a.rep.Quotes) > 0 {
			// a quote that opens the sentence after another quote's, with no speaker of
			// its own, continues it; one followed by a speech verb has a speaker of its
			// own, found or not ("“…,” one of the neighbors said")
			prev := a.rep.Quotes[len(a.rep.Quotes)-1]
			pq := spans[qi-1]
			if prev.Key != "" && !prev.Fragment && (qs.firstPos == pq.lastPos+1 || qs.firstPos == pq.lastPos && a.wordsBetween(pq.end, qs.start) == 0) {
				q.Key, q.Name, q.Anonymous, q.Via = prev.Key, prev.Name, prev.Anonymous, "continued"
				if q.Speaker == "" {
					q.Speaker = prev.Speaker
				}
			}
		}
		if q.Key == "" && q.Fragment {
			if r, ok := a.mentionBefore(first.toks, qs.start); ok {
				q.Key, q.Name = a.people.resolve(r.words, r.text)
				q.Speaker, q.Via = r.text, "context"
			}
		}
		a.rep.Quotes = append(a.rep.Quotes, q)
		of = append(of, qi)
	}
}

// openParagraphs gives a quotation left open at the end of its paragraph, with no
// speaker of its own, the speaker of the quotation that opens the next paragraph: news
// style opens each paragraph of a long quotation and closes only the last, where the
// speaker is named (“We lost everything. … ¶ “Nobody came,” said Maria Lopez). of
// maps each quotation to its span.
func (a *analysis) openParagraphs(of []int) {
	for k := len(a.rep.Quotes) - 2; k >= 0; k-- {
		q, next := &a.rep.Quotes[k], a.rep.Quotes[k+1]
		qs, ns := a.spans[of[k]], a.spans[of[k+1]]
		if q.Key != "" || qs.closed || next.Key == "" || ns.firstPos != qs.lastPos+1 ||
			a.sents[ns.firstPos].para == a.sents[qs.lastPos].para || a.sents[ns.firstPos].s.Start != ns.start {
			continue
		}
		q.Speaker, q.Key, q.Name, q.Anonymous, q.Via = next.Speaker, next.Key, next.Name, next.Anonymous, "paragraph"
	}
}

// personText resolves the source of an attribution.
func (a *analysis) personText(at Attribution) (key, name string, anon bool) {
	off := strings.Index(a.text[at.Start:at.End], at.Source)
	if off < 0 {
		return "", at.Source, at.Kind == Anonymous
	}
	return a.person(tokenize(at.Source, at.Start+off))
}

func (a *analysis) wordsBetween(from, to int) int {
	if from >= to {
		return 0
	}
	return len(tokenize(a.text[from:to], 0))
}

// speakerAfter looks for “…,” X said / “…,” said X right after the quote. tagged
// reports a speech verb right after the quote, whether its subject was found or not.
func (a *analysis) speakerAfter(qs quoteSpan, qi int) ([]token, int, int, string, bool) {
	limit := len(a.text)
	if qi+1 < len(a.spans) {
		limit = a.spans[qi+1].start
	}
	for pos := qs.lastPos; pos <= qs.lastPos+1 && pos < len(a.sents); pos++ {
		st := a.sents[pos]
		if st.para != a.sents[qs.lastPos].para {
			break
		}
		k := -1
		for i, t := range st.toks {
			if t.start >= qs.end {
				k = i
				break
			}
		}
		if k < 0 {
			continue
		}
		between := a.text[qs.end:st.toks[k].start]
		if strings.TrimLeft(between, " ,\u00a0\n") != "" && strings.Trim(between, " ,.\u00a0") != "" {
			return nil, 0, -1, "", false
		}
		if pos > qs.lastPos && st.toks[k].upper {
			return nil, 0, -1, "", false // a new sentence with a subject of its own
		}
		for v := k; v < len(st.toks) && v < k+8; v++ {
			t := st.toks[v]
			if t.start >= limit {
				break
			}
			if v > k && t.gap == gapPunct && strings.TrimSpace(a.gapText(st.toks, v)) != "," {
				break
			}
			if !a.lex.verbs[t.norm] || t.upper {
				continue
			}
			i, j, ok := a.subject(st.toks, v)
			if ok && i >= k {
				return st.toks, i, j, "after", true
			}
			return nil, 0, -1, "", !ok
		}
		return nil, 0, -1, "", false
	}
	return nil, 0, -1, "", false
}

// speakerBefore looks for X said (that) “…” in the sentence where the quote opens. A
// verb in a clause of its own ("Shortly before Blinken spoke, Netanyahu …", "X said
// …, but Y made clear …") does not frame the quote.
func (a *analysis) speakerBefore(qs quoteSpan) ([]token, int, int, string) {
	toks := a.sents[qs.firstPos].toks
	for v := len(toks) - 1; v >= 0; v-- {
		t := toks[v]
		if t.end > qs.start || a.inQuote(t.start) {
			continue
		}
		if !a.lex.verbs[t.norm] || t.upper || (v > 0 && notVerbAfter[toks[v-1].norm]) {
			continue
		}
		between := a.text[t.end:qs.start]
		if strings.Contains(between, ", but ") || strings.Contains(between, ";") {
			return nil, 0, -1, ""
		}
		i, j, ok := a.subject(toks, v)
		if !ok || a.inQuote(toks[i].start) || toks[j].end > qs.start {
			return nil, 0, -1, ""
		}
		if i > 0 && subordinators[toks[i-1].norm] && strings.Contains(between, ",") {
			return nil, 0, -1, ""
		}
		return toks, i, j, "before"
	}
	return nil, 0, -1, ""
}

// pronoun resolves "he said": the most recent of the last full quotation's speaker and
// the last person named as a source, within four sentences; else the person last named
// in the sentence or the four before it. A person the article's titles rule out ("she
// said" after "Mr. Adams") is passed over for the one before.
func (a *analysis) pronoun(qs quoteSpan, pron string) (key, name string, anon bool) {
	bestAt := -1
	for k := len(a.rep.Quotes) - 1; k >= 0; k-- {
		p := a.rep.Quotes[k]
		if p.Fragment || p.Key == "" {
			continue
		}
		if a.posOf(p.Sentences[len(p.Sentences)-1]) < qs.firstPos-4 {
			break
		}
		if a.people.agrees(p.Key, pron) {
			key, name, anon, bestAt = p.Key, p.Name, p.Anonymous, p.End
			break
		}
	}
	for k := len(a.rep.Attributions) - 1; k >= 0; k-- {
		at := a.rep.Attributions[k]
		if at.Key == "" || at.End > qs.start || a.inQuote(at.Start) || !a.people.agrees(at.Key, pron) {
			continue
		}
		if at.Start > bestAt && a.posOf(at.Sentence) >= qs.firstPos-4 {
			key, name, anon = at.Key, a.people.display[at.Key], false
			if name == "" {
				name = at.Source
			}
		}
		break
	}
	if key != "" {
		return key, name, anon
	}
	for pos := qs.firstPos; pos >= 0 && pos >= qs.firstPos-4; pos-- {
		toks := a.sents[pos].toks
		runs := a.nameRuns(toks)
		for i := len(runs) - 1; i >= 0; i-- { // the last person named before the quote
			r := runs[i]
			if toks[r.i].start >= qs.start || r.possessive || !(r.titled || a.people.known(r.words)) || a.isActor(toks[r.i:r.j]) {
				continue
			}
			if k, n := a.people.resolve(r.words, r.text); a.people.agrees(k, pron) {
				return k, n, false
			}
		}
	}
	return "", "", false
}

func (a *analysis) posOf(index int) int {
	for p, st := range a.sents {
		if st.s.Index == index {
			return p
		}
	}
	return -1
}

// mentionBefore returns the person named nearest before offset p in toks when a cue
// word ("calling", "vowing", a speech verb) stands between the name and p.
func (a *analysis) mentionBefore(toks []token, p int) (nameRun, bool) {
	var best nameRun
	ok := false
	for _, r := range a.nameRuns(toks) {
		if toks[r.j-1].end > p {
			break
		}
		if !r.possessive && (r.titled || a.people.known(r.words)) && !a.isActor(toks[r.i:r.j]) {
			best, ok = r, true
		}
	}
	if !ok {
		return best, false
	}
	for _, t := range toks[best.j:] {
		if t.start >= p {
			break
		}
		if fragmentCues[t.norm] || a.lex.verbs[t.norm] {
			return best, true
		}
	}
	return best, false
}

func sortVoices(vs []Voice) {
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].Words != vs[j].Words {
			return vs[i].Words > vs[j].Words
		}
		if vs[i].Quotes != vs[j].Quotes {
			return vs[i].Quotes > vs[j].Quotes
		}
		return vs[i].Key < vs[j].Key
	})
}
