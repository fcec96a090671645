package compare

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// termKind says what a matching term stands for.
type termKind uint8

const (
	kindWord    termKind = iota // a content word, stemmed
	kindName                    // a capitalised word inside a sentence: a person, place or organisation
	kindNumber                  // a number, canonical digits ("1,200" → "1200")
	kindDate                    // a month and day ("Oct. 7" = "October 7")
	kindOpening                 // a capitalised first word of a sentence: a name or a word, as the corpus has it (see resolveKinds)
	kindPair                    // two adjacent terms: a matching feature, never a term's kind
)

// term is one normalised unit of a sentence used for matching.
type term struct {
	key     string // what is compared: a stem, "#1200", "@oct-7", or an alias such as "usa"
	surface string // the word as written, for evidence
	kind    termKind
}

// Terms returns the normalised matching keys of a sentence, in order: lower case,
// stemmed, stopwords removed, numbers and dates canonical, aliases resolved
// ("U.S." = "US" = "United States" → "usa"; "Oct. 7" = "October 7" → "@oct-7").
// It is exported for tests and for the evidence shown in the UI.
func Terms(sentence string) []string {
	ts := terms(sentence)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.key
	}
	return out
}

// rawWord is a word with its position in the sentence.
type rawWord struct {
	text  string
	lower string // text in lower case
	first bool   // the first word of the sentence (capitalised whatever it is)
}

func terms(s string) []term {
	ts, _ := termsBuf(s, nil, nil)
	return ts
}

// termsBuf appends the terms of s to out, using words as scratch space for the words
// of s, which it returns for the next call.
func termsBuf(s string, out []term, words []rawWord) ([]term, []rawWord) {
	words = splitWords(s, words[:0])
	title := titleCase(words)
	for i := 0; i < len(words); i++ {
		w := words[i]
		w.first = w.first || title // capitals in a Title Case Headline say nothing of names
		lower := w.lower
		// Multi-word aliases ("United States", "United Nations").
		if i+2 < len(words) && lower == "united" && words[i+1].lower == "arab" {
			if c, ok := placePairs["united arab "+strings.ToLower(stripPossessive(words[i+2].text))]; ok {
				out = append(out, term{key: c, surface: w.text + " " + words[i+1].text + " " + words[i+2].text, kind: kindName})
				i += 2
				continue
			}
		}
		if i+1 < len(words) && pairStarts[lower] {
			two := lower + " " + words[i+1].lower
			if c, ok := placePairs[lower+" "+strings.ToLower(stripPossessive(words[i+1].text))]; ok {
				surface := w.text + " " + words[i+1].text
				if _, ok := phraseAlias[two]; !ok {
					out = append(out, term{key: strings.ReplaceAll(two, " ", ""), surface: surface, kind: kindName})
				}
				if c != strings.ReplaceAll(two, " ", "") {
					out = append(out, term{key: c, surface: surface, kind: kindName})
				}
				i++
				continue
			}
			if a, ok := phraseAlias[two]; ok {
				out = append(out, term{key: a, surface: w.text + " " + words[i+1].text, kind: kindName})
				i++
				continue
			}
		}
		// Dates: month + day. Only capitalised month names count ("may" is a verb).
		if m, ok := months[strings.TrimSuffix(lower, ".")]; ok && isCap(w.text) {
			if t, used := monthDate(m, w.text, words[i+1:]); used == 2 || lower != "may" {
				out = append(out, t)
				i += used - 1
			}
			continue
		}
		// Day before month, as British and most non-US outlets write: "7 October", "7th of Oct.".
		if key, used := dayMonth(words[i:]); used > 0 {
			out = append(out, term{key: key, surface: w.text + " " + words[i+used-1].text, kind: kindDate})
			i += used - 1
			continue
		}
		// Ordinals ("11th", "eleventh") are numbers of their own: "the 11th Doctor".
		if n, ok := ordinal(w.lower); ok {
			out = append(out, term{key: "#" + n + "th", surface: w.text, kind: kindNumber})
			continue
		}
		// A time of day is no count: "07:37" is one word, neither 7 nor 37.
		if t, ok := clockTime(w.text); ok {
			out = append(out, term{key: t, surface: w.text, kind: kindWord})
			continue
		}
		// Numbers.
		if n, ok := canonicalNumber(w.text); ok {
			out = append(out, term{key: "#" + n, surface: w.text, kind: kindNumber})
			continue
		}
		// Aliases written with capitals ("U.S.", "US", "UN").
		if a, ok := capsAlias[strings.TrimSuffix(w.text, ".")]; ok {
			out = append(out, term{key: a, surface: w.text, kind: kindName})
			continue
		}
		if a, ok := capsAlias[w.text]; ok {
			out = append(out, term{key: a, surface: w.text, kind: kindName})
			continue
		}
		base := stripPossessive(lower)
		if strings.ContainsRune(base, '-') {
			if a, ok := wordAlias[strings.ReplaceAll(base, "-", "")]; ok {
				out = append(out, term{key: a, surface: w.text, kind: kindWord})
				continue
			}
			parts := strings.Split(base, "-")
			// "post-October 7", "mid-January": a month after a prefix is still a date.
			last := parts[len(parts)-1]
			if m, ok := months[strings.TrimSuffix(last, ".")]; ok && len(parts) > 1 && isCap(w.text[strings.LastIndexByte(w.text, '-')+1:]) {
				for _, part := range parts[:len(parts)-1] {
					out = appendWord(out, part, w.text, w.first, false)
				}
				t, used := monthDate(m, w.text, words[i+1:])
				out = append(out, t)
				i += used - 1
				continue
			}
			for _, part := range parts {
				// "36-year-old", "2,000-foot": the number is a number, as in "Rait, 36,".
				if n, ok := canonicalNumber(part); ok {
					out = append(out, term{key: "#" + n, surface: w.text, kind: kindNumber})
					continue
				}
				out = appendWord(out, part, w.text, w.first, isCap(part) || isCap(w.text))
			}
			continue
		}
		out = appendWord(out, base, w.text, w.first, isCap(w.text))
	}
	return out, words
}

// titleCase reports whether words are a line in Title Case: at least three words of
// four letters or more, nearly all capitalised ("Sudan Bombs Yida Refugee Camp").
func titleCase(words []rawWord) bool {
	long, caps := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w.text) >= 4 {
			long++
			if isCap(w.text) {
				caps++
			}
		}
	}
	return long >= 3 && 4*caps >= 3*long
}

func appendWord(out []term, lower, surface string, first, capital bool) []term {
	lower = strings.Trim(lower, ".,'’-")
	if lower == "" || stopwords[lower] {
		return out
	}
	if utf8.RuneCountInString(lower) < 2 && !unicode.IsDigit(rune(lower[0])) {
		return out // initials like "J."
	}
	if a, ok := wordAlias[lower]; ok {
		return append(out, term{key: a, surface: surface, kind: kindWord})
	}
	if c, ok := placeOf[lower]; ok {
		// "Doha" stays "doha" and also counts as "qatar"; "Qatari" simply is "qatar".
		if capital && !demonym(lower, c) {
			out = append(out, term{key: lower, surface: surface, kind: kindName})
		}
		return append(out, term{key: c, surface: surface, kind: kindName})
	}
	if l, ok := irregular[lower]; ok {
		lower = l
	}
	key := stem(lower)
	if c, ok := paraphrase[key]; ok {
		key = c
	}
	kind := kindWord
	switch {
	case capital && first:
		kind = kindOpening
	case capital:
		kind = kindName
	}
	return append(out, term{key: key, surface: surface, kind: kind})
}

// splitWords appends the word tokens of s to out (see tokenEnd in words.go).
func splitWords(s string, out []rawWord) []rawWord {
	n := len(out)
	for i := 0; i < len(s); {
		j := tokenEnd(s, i)
		t := s[i:j]
		i = j
		r, _ := utf8.DecodeRuneInString(t)
		if !isWordRune(r) {
			// "8%" is 8 percent: the sign becomes the word, so both compare as one.
			if t == "%" && len(out) > n && isDigit(rune(out[len(out)-1].text[len(out[len(out)-1].text)-1])) {
				out = append(out, rawWord{text: "percent", lower: "percent"})
			}
			continue
		}
		if strings.ContainsAny(t, invisible) {
			if t = strings.Map(dropInvisible, t); t == "" {
				continue
			}
		}
		w := rawWord{text: strings.TrimRight(t, ".,"), first: len(out) == n}
		if strings.HasSuffix(t, ".") && len(t) > 2 && strings.Count(t, ".") > 1 {
			w.text = t // keep "U.S." whole
		}
		w.lower = Fold(strings.ToLower(w.text))
		// A number with its unit written on ("$1.2bn", "60m", "2,000ft") is the number
		// and the unit, as when written apart. The unit is written out ("billion",
		// "feet"), as evidence lists it.
		if num, unit, ok := numberUnit(w.text); ok {
			word := unitWords[strings.ToLower(unit)]
			out = append(out, rawWord{text: num, lower: num, first: w.first}, rawWord{text: word, lower: word})
			continue
		}
		out = append(out, w)
	}
	return out
}

// numberUnit splits a number with a unit written on ("1.2bn", "60m", "10km") into the
// two. Ordinals ("11th"), decades ("1990s") and names such as "5G" or "F16" are not
// split: the unit must be one news writes that way (unitWords).
func numberUnit(s string) (num, unit string, ok bool) {
	i := strings.IndexFunc(s, func(r rune) bool { return !isDigit(r) && r != '.' && r != ',' })
	if i <= 0 || !isDigit(rune(s[0])) {
		return "", "", false
	}
	if _, known := unitWords[strings.ToLower(s[i:])]; !known {
		return "", "", false
	}
	if _, isNumber := canonicalNumber(s[:i]); !isNumber {
		return "", "", false
	}
	return s[:i], s[i:], true
}

// unitWords maps the units news writes on to a number to the word for them, where
// the word is written out too: "$1.2bn" is "$1.2 billion".
var unitWords = map[string]string{
	"bn": "billion", "mn": "million", "m": "m", "tn": "trillion", "trn": "trillion", "k": "thousand",
	"km": "km", "kg": "kg", "ft": "feet", "mph": "mph", "kph": "kph", "cm": "cm", "mm": "mm", "mi": "miles", "lb": "lb", "lbs": "lb",
}

// Fold returns a lower-case word without its diacritics, so that "Erdoğan" and
// "Erdogan", "Doğanşehir" and "Dogansehir", "café" and "cafe" match: outlets differ in
// whether they keep them. Letters outside Latin are kept as they are.
func Fold(lower string) string {
	ascii := true
	for i := 0; i < len(lower); i++ {
		if lower[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return lower
	}
	var b strings.Builder
	for _, r := range lower {
		if f, ok := folded[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// folded maps lower-case Latin letters with diacritics to their plain letters.
var folded = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ð': "d", 'þ': "th", 'ł': "l", 'đ': "d", 'ħ': "h", 'ı': "i", 'ø': "o", 'ŧ': "t"}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥ",
		"i": "ìíîïĩīĭį", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// pairStarts holds the first words of the two-word names in placePairs and phraseAlias,
// so that terms looks a word and the next up together only when they may be one.
var pairStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, names := range []map[string]string{placePairs, phraseAlias} {
		for k := range names {
			m[k[:strings.IndexByte(k, ' ')]] = true
		}
	}
	return m
}()

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+1 {
			if suf[0] == 's' {
				return strings.TrimSuffix(s, suf[1:])
			}
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

// IsYear reports whether a number as written is a year: four digits from 1900 to 2099,
// without a separator. A year dates something; it is not a figure, so no one compares
// it as a number: "129 hostages" and "January 9, 2024" give no numbers that differ.
// (It still matches as a number: two reports of 2024 share it.)
func IsYear(s string) bool {
	return len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && strings.Trim(s, "0123456789") == ""
}

// canonicalNumber returns digits without separators ("1,200" → "1200", "3.5" → "3.5").
// Malformed groupings such as "22,0000" are kept as their digits and never fail.
func canonicalNumber(s string) (string, bool) {
	if s == "" || !unicode.IsDigit(rune(s[0])) {
		return "", false
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ',':
		case r == '.':
			b.WriteRune(r)
		default:
			return "", false // "12-gauge", "9am", "2nd": not a plain number
		}
	}
	n := strings.TrimRight(b.String(), ".")
	n = strings.TrimLeft(n, "0")
	if n == "" {
		n = "0"
	}
	return n, true
}

// Misgrouped reads a number written with thousands separators whose grouping is wrong:
// a group after a comma not of three digits ("22,0000"). alt keeps the groups before the
// bad one and its first three digits, then ",000" for each group after it ("22,000");
// whole is the integer part's digits grouped by three ("220,000"); group is the bad
// group's length. ok is false for a well-formed number, for one whose first group is
// wrong, and for anything but digits, commas and a decimal point. The engine reads such a
// number as either value when it compares numbers; framing flags it as a likely typo.
func Misgrouped(written string) (alt, whole string, group int, ok bool) {
	if strings.Trim(written, "0123456789,.") != "" || !strings.Contains(written, ",") {
		return "", "", 0, false
	}
	intPart, _, _ := strings.Cut(written, ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "", "", 0, false
	}
	for gi, g := range groups[1:] {
		if len(g) != 3 {
			alt = strings.Join(groups[:gi+1], ",") + "," + g[:min(3, len(g))] + strings.Repeat(",000", len(groups)-gi-2)
			return alt, groupThousands(strings.Join(groups, "")), len(g), true
		}
	}
	return "", "", 0, false
}

// groupThousands writes digits with thousands separators: "220000" → "220,000".
func groupThousands(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// clockTime returns the key of a time of day written with a colon ("07:37" and "7:37"
// → "7:37"), or false.
func clockTime(s string) (string, bool) {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) == 0 || len(h) > 2 || len(m) != 2 {
		return "", false
	}
	for _, r := range h + m {
		if !isDigit(r) {
			return "", false
		}
	}
	if len(h) == 2 && h[0] == '0' {
		h = h[1:]
	}
	return h + ":" + m, true
}

// ordinal returns the number of an ordinal written in lower case: "11th" → "11",
// "fifth" → "5".
func ordinal(lower string) (string, bool) {
	if n, ok := ordinals[lower]; ok {
		return n, true
	}
	if len(lower) < 3 || lower[0] < '1' || lower[0] > '9' {
		return "", false
	}
	num, suf := lower[:len(lower)-2], lower[len(lower)-2:]
	if len(num) > 4 || suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return "", false
	}
	for _, r := range num {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return num, true
}

// monthDate is the date term for month m, written as surface, and how many words it
// takes: two when the next word is a day ("Oct. 7"), else one ("in October").
func monthDate(m, surface string, next []rawWord) (term, int) {
	if len(next) > 0 {
		if d, ok := dayNumber(next[0].text); ok {
			return term{key: "@" + m + "-" + d, surface: surface + " " + next[0].text, kind: kindDate}, 2
		}
	}
	return term{key: "@" + m, surface: surface, kind: kindDate}, 1
}

// dayMonth reads a date written day first at the start of words ("7 October", "7th of
// October") and returns its key and how many words it takes, or 0.
func dayMonth(words []rawWord) (key string, used int) {
	if len(words) < 2 {
		return "", 0
	}
	d, ok := dayNumber(words[0].text)
	if !ok {
		return "", 0
	}
	used = 2
	if words[1].lower == "of" && len(words) > 2 {
		used = 3
	}
	mw := words[used-1]
	if m, ok := months[strings.TrimSuffix(mw.lower, ".")]; ok && isCap(mw.text) {
		return "@" + m + "-" + d, used
	}
	return "", 0
}

func dayNumber(s string) (string, bool) {
	s = strings.TrimRight(strings.ToLower(s), ".,")
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		s = strings.TrimSuffix(s, suf)
	}
	if len(s) == 0 || len(s) > 2 {
		return "", false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	if s == "0" || s == "00" || len(s) == 2 && s > "31" {
		return "", false
	}
	return strings.TrimLeft(s, "0"), true
}

// demonym reports whether word names the people or adjective of country c rather than
// a city: "qatari" for "qatar", but not "doha".
func demonym(word, c string) bool {
	if len(word) >= 4 && len(c) >= 4 && word[:4] == c[:4] {
		return true
	}
	switch word {
	case "american", "americans", "british", "britain", "french", "dutch", "saudi", "saudis",
		"emirati", "emiratis", "european", "turk", "turks", "palestinians", "greek", "greeks",
		"german", "germans", "spanish", "polish", "afghan", "swiss":
		return true
	}
	return false
}

// stemCache remembers stems: stemming is the costliest step of matching,
// and news prose repeats its words. It is bounded so that hostile input cannot grow it
// without limit, and guarded because Terms may be called concurrently.
var stemCache = struct {
	sync.Mutex
	m map[string]string
}{m: make(map[string]string)}

const maxStemCache = 50000

func stem(word string) string {
	stemCache.Lock()
	s, ok := stemCache.m[word]
	stemCache.Unlock()
	if ok {
		return s
	}
	s = porter2(word)
	stemCache.Lock()
	if len(stemCache.m) >= maxStemCache {
		clear(stemCache.m)
	}
	stemCache.m[word] = s
	stemCache.Unlock()
	return s
}

// porter2 stems a lower-case word with the Snowball English (Porter2) stemmer. Words of
// one or two letters are kept as they are, and a curly apostrophe reads as a straight one.
func porter2(word string) string {
	if len(word) <= 2 {
		return word
	}
	env := snowballstem.NewEnv(strings.ReplaceAll(word, "’", "'"))
	english.Stem(env)
	return env.Current()
}

// dropInvisible is a strings.Map function that removes invisible characters.
func dropInvisible(r rune) rune {
	if isInvisible(r) {
		return -1
	}
	return r
}
