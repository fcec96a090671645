package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split cuts text into sentences in one pass. Offsets are byte offsets into text, with
// surrounding white space left out; Index is the position in the returned slice and Role
// is RoleBody. A line break ends a sentence only when Clean says so: Split treats its
// text as one paragraph, so callers split paragraphs first (Parse does).
//
// A full stop ends a sentence unless it belongs to an abbreviation ("Mr.", "Gen.",
// "Oct. 7", "e.g."), an initial ("Antony J. Blinken") or a dotted acronym that the next
// word continues ("U.S. officials", "the U.S. Secretary of State"). Closing quotes and
// brackets after the mark stay with the sentence, and a quotation made of several
// sentences is split at its sentence ends ("“I’ve got to go,” he said. “I’ve got to…”").
func Split(text string) []Sentence {
	var out []Sentence
	add := func(start, end int) {
		start, end = trimSpan(text, start, end)
		if end > start {
			out = append(out, Sentence{Index: len(out), Text: text[start:end], Start: start, End: end, Role: RoleBody})
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminal(r) {
			i += size
			continue
		}
		// The mark and everything that closes with it: "?!", "…", ".”", ".)".
		end := i + size
		for end < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if !isTerminal(r2) && !isCloser(r2) {
				break
			}
			end += s2
		}
		next := skipSpace(text, end)
		if next == end && next < len(text) {
			i = end // no space after the mark: "3.5", "U.S.", "…that"
			continue
		}
		if next >= len(text) || endsSentence(text, start, i, r, next) {
			add(start, end)
			start = next
		}
		i = end
	}
	add(start, len(text))
	return out
}

// endsSentence decides whether the mark r at byte i, with the next word starting at
// byte next, ends the sentence that began at start.
func endsSentence(text string, start, i int, r rune, next int) bool {
	n, _ := utf8.DecodeRuneInString(text[next:])
	if !startsSentence(n) {
		return false // "…,” he said" or "focused on ensuring … that"
	}
	if r != '.' {
		// "“Is it over?” Blinken asked." goes on; "“Is it over?” The talks…" ends.
		return !(isCloserAt(text, i) && attributionFollows(text, next))
	}
	word := wordBefore(text, start, i)
	if word == "" {
		return true
	}
	lower := strings.ToLower(word)
	switch {
	case titleAbbrev[lower]:
		return false // "Mr. Blinken", "Gen. Halevi"
	case monthAbbrev[lower]:
		return !unicode.IsDigit(n) // "Oct. 7" continues; "in Oct. The…" ends
	case latinAbbrev[lower]:
		return false // "e.g. Gaza"
	case isInitial(word):
		return false // "Antony J. Blinken", "Michael B. Oren"
	case word == "No" || word == "Nos":
		return !unicode.IsDigit(n) // "No. 2"
	case isDottedAcronym(word) || lower == "etc" || lower == "inc" || lower == "corp" || lower == "jr" || lower == "sr":
		// "U.S. officials" continues (lower case, handled above); "U.S. Secretary of
		// State" continues; "…with the U.S. The talks…" ends.
		return sentenceOpener(nextWord(text, next))
	}
	return true
}

// isCloserAt reports whether a closing quote follows the mark at byte i.
func isCloserAt(text string, i int) bool {
	_, size := utf8.DecodeRuneInString(text[i:])
	r, _ := utf8.DecodeRuneInString(text[i+size:])
	return r == '”' || r == '"' || r == '’' || r == '\''
}

// attributionFollows reports whether the words from byte i to the next sentence mark
// are a short speech tag: "Blinken asked.", "said Mr. Miller, the spokesman."
func attributionFollows(text string, i int) bool {
	words := 0
	for _, w := range strings.FieldsFunc(text[i:min(len(text), i+120)], func(r rune) bool { return isSpace(r) || r == ',' }) {
		stop := strings.ContainsAny(w, ".?!…")
		if speechVerbs[strings.ToLower(strings.Trim(w, ".?!…”’\""))] {
			return true
		}
		if words++; stop || words >= 6 {
			return false
		}
	}
	return false
}

var speechVerbs = setOf("said", "says", "asked", "asks", "told", "added", "wrote", "replied",
	"shouted", "insisted", "declared", "tweeted", "posted")

// isTerminal reports whether r can end a sentence.
func isTerminal(r rune) bool { return r == '.' || r == '?' || r == '!' || r == '…' }

// isCloser reports whether r closes a quotation or bracket after a sentence end.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

// startsSentence reports whether a sentence can begin with r.
func startsSentence(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '—', '–':
		return true
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isSpace reports white space, including the no-break space pasted from web pages.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// trimSpan narrows [start, end) to leave out white space at both ends.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// wordBefore returns the word that ends at byte i (the mark's position), dots included:
// "Mr", "U.S", "J". Opening quotes and brackets are left out.
func wordBefore(text string, start, i int) string {
	j := i
	for j > start {
		r, size := utf8.DecodeLastRuneInString(text[start:j])
		if isSpace(r) || r == '(' || r == '“' || r == '"' || r == '‘' || r == '[' || r == '—' || r == '–' {
			break
		}
		j -= size
	}
	return text[j:i]
}

// nextWord returns the letters of the word starting at byte i.
func nextWord(text string, i int) string {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return text[i:j]
}

// isInitial reports a single capital letter: the "J" of "Antony J. Blinken".
func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}

// isDottedAcronym reports words such as "U.S", "D.C", "S.U.V" (the final dot is the mark).
func isDottedAcronym(word string) bool {
	if len(word) < 3 || !strings.Contains(word, ".") {
		return false
	}
	for _, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// sentenceOpener reports capitalised function words that usually begin a sentence, so
// that "…the U.S. The talks…" ends after "U.S." but "U.S. Secretary…" does not.
func sentenceOpener(w string) bool { return openers[strings.ToLower(w)] && w != strings.ToLower(w) }

var openers = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and",
	"or", "so", "yet", "in", "on", "at", "for", "with", "as", "after", "before", "when", "while",
	"this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "mr", "mrs",
	"ms", "if", "since", "though", "although", "still", "however", "meanwhile", "instead", "then",
	"some", "many", "most", "no", "not", "what", "who", "why", "how", "officials", "both")

// Abbreviations that never end a sentence (titles), that end one unless a number
// follows (months), and Latin ones written with inner dots.
var (
	titleAbbrev = setOf("mr", "mrs", "ms", "dr", "gen", "lt", "sen", "rep", "gov", "col", "capt",
		"sgt", "maj", "adm", "prof", "st", "rev", "hon", "pres", "cmdr", "gens", "sens", "reps",
		"messrs", "mt", "ft", "vs", "cf", "fig", "approx", "dept", "brig", "cpl", "pvt", "supt",
		"insp", "atty", "amb")
	monthAbbrev = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec")
	latinAbbrev = setOf("e.g", "i.e", "ca", "al")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
