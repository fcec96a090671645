package framing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/compare"
)

// gap says what separates a token from the one before it.
type gap uint8

const (
	gapStart  gap = iota // first token of the scanned text
	gapSpace             // whitespace only
	gapHyphen            // one hyphen, no spaces: "Hamas-run"
	gapPunct             // anything else: commas, quotes, dashes, full stops
)

// token is one word of a text. Start and End are byte offsets into the full article.
type token struct {
	start, end int
	raw        string // as written
	norm       string // lower case, straight apostrophes, no dots, no possessive
	gap        gap    // what lies between the previous token and this one
	upper      bool   // first letter is upper case
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits s into words; base is added to every offset.
func tokenize(s string, base int) []token {
	var toks []token
	prevEnd := -1
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += w
			continue
		}
		start := i
		i += w
		for i < len(s) {
			r, w = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += w
				continue
			}
			next, nw := utf8.DecodeRuneInString(s[i+w:])
			_ = nw
			switch {
			case isApostrophe(r) && i+w < len(s) && unicode.IsLetter(next):
				// internal apostrophe: don't, Hamas’s
				i += w
				continue
			case (r == ',' || r == '.') && i+w < len(s) && unicode.IsDigit(next) && unicode.IsDigit(lastRune(s[start:i])):
				// 1,200 or 147.5
				i += w
				continue
			case r == '.' && isInitialism(s[start:i]):
				// U.S. / S.U.V.: a dot after a single capital letter
				i += w
				continue
			case r == '.' && abbreviations[strings.ToLower(s[start:i])] && unicode.IsUpper(firstRune(s[start:i])):
				// Mr. / Gen.: the dot belongs to the word, not to the sentence
				i += w
			}
			break
		}
		raw := s[start:i]
		t := token{start: base + start, end: base + i, raw: raw, norm: normWord(raw)}
		first, _ := utf8.DecodeRuneInString(raw)
		t.upper = unicode.IsUpper(first)
		switch {
		case prevEnd < 0:
			t.gap = gapStart
		default:
			t.gap = classifyGap(s[prevEnd:start])
		}
		prevEnd = i
		toks = append(toks, t)
	}
	return toks
}

// isInitialism reports whether w so far looks like "U" or "U.S": single capital letters
// separated by dots.
func isInitialism(w string) bool {
	parts := strings.Split(w, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// abbreviations are the titles written with a dot that stand before names.
var abbreviations = set("mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
	"gov", "prof", "rev", "jr", "sr", "st")

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func classifyGap(g string) gap {
	if g == "" {
		return gapPunct
	}
	space := true
	for _, r := range g {
		if !unicode.IsSpace(r) {
			space = false
			break
		}
	}
	if space {
		return gapSpace
	}
	if r, w := utf8.DecodeRuneInString(g); w == len(g) && isHyphen(r) {
		return gapHyphen
	}
	return gapPunct
}

// normWord folds a word for matching: lower case without diacritics (compare.Fold),
// straight apostrophes, no dots, no possessive "'s".
func normWord(w string) string {
	plain := true // lower-case ASCII letters and digits only: nothing to fold
	for i := 0; i < len(w) && plain; i++ {
		c := w[i]
		plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	if plain {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		switch {
		case r == '.':
			continue
		case isApostrophe(r):
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	n := compare.Fold(b.String())
	n = strings.TrimSuffix(n, "'s")
	n = strings.TrimSuffix(n, "'")
	return n
}

// inflections returns w with the plural and verb endings a lexicon term may take.
func inflections(w string) []string {
	out := []string{w}
	add := func(s string) { out = append(out, s) }
	n := len(w)
	if n < 3 {
		return append(out, w+"s")
	}
	switch {
	case strings.HasSuffix(w, "man"):
		add(w[:n-3] + "men")
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[n-2])):
		add(w[:n-1] + "ies")
		add(w[:n-1] + "ied")
	case strings.HasSuffix(w, "e"):
		add(w + "s")
		add(w + "d")
		add(w[:n-1] + "ing")
		return out
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		add(w + "es")
	}
	add(w + "s")
	add(w + "ed")
	add(w + "ing")
	return out
}
