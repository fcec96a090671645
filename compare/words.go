package compare

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Words returns a word-level diff that turns a into b. Concatenating the Equal and Delete
// chunks gives a back; Equal and Insert chunks give b. Words and the spaces and
// punctuation between them are separate tokens, so a change never splits a word.
func Words(a, b string) []Chunk {
	ta, tb := tokens(a), tokens(b)
	index := map[string]rune{}
	var table []string
	encode := func(toks []string) []rune {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := index[t]
			if !ok {
				r = tokenRune(len(table))
				index[t] = r
				table = append(table, t)
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := encode(ta), encode(tb)
	if len(table) >= maxTokens {
		return coarse(a, b) // more distinct words than runes to stand for them
	}
	if sharedWordShare(ta, tb) < minSharedWords {
		// Sentences that share almost no words have no useful word diff: after semantic
		// cleanup it would be one deletion and one insertion anyway, at a high cost.
		return coarse(a, b)
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	diffs := dmp.DiffMainRunes(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var out []Chunk
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(table[runeToken(r)])
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = Insert
		case diffmatchpatch.DiffDelete:
			op = Delete
		}
		if sb.Len() == 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += sb.String()
			continue
		}
		out = append(out, Chunk{Op: op, Text: sb.String()})
	}
	return out
}

// maxTokens is how many distinct tokens fit in the runes tokenRune hands out.
const maxTokens = 0x10FFFF - 0x800 - 1

// diffTimeout bounds the diff of two very long, very different sentences; past it the
// diff is still correct, only coarser.
const diffTimeout = 2 * time.Second

// coarse is the diff that deletes all of a and inserts all of b.
func coarse(a, b string) []Chunk {
	var out []Chunk
	if a != "" {
		out = append(out, Chunk{Op: Delete, Text: a})
	}
	if b != "" {
		out = append(out, Chunk{Op: Insert, Text: b})
	}
	return out
}

// tokenRune maps a token number to a rune, skipping the surrogate range, which
// cannot be held in a Go string.
func tokenRune(i int) rune {
	r := rune(i) + 1
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func runeToken(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r) - 1
}

// tokens cuts s into words (letters, digits and inner apostrophes, periods and commas
// as in "U.S." or "1,200"), runs of spaces, and single other characters.
func tokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case isWordRune(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if isJoiner(r2) && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if isWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '.', ',', '-':
		return true
	}
	return false
}

// minSharedWords is the share of words two sentences must have in common for a word
// diff to be computed.
const minSharedWords = 0.15

func isContentWord(lower string) bool {
	r, _ := utf8.DecodeRuneInString(lower)
	return isWordRune(r) && !stopwords[lower]
}

// sharedWordShare is the share of the shorter sentence's content words (not spaces,
// punctuation or stopwords) that the other sentence also has.
func sharedWordShare(a, b []string) float64 {
	count := map[string]int{}
	na, nb := 0, 0
	for _, t := range a {
		if k := strings.ToLower(t); isContentWord(k) {
			count[k]++
			na++
		}
	}
	shared := 0
	for _, t := range b {
		if k := strings.ToLower(t); isContentWord(k) {
			nb++
			if count[k] > 0 {
				count[k]--
				shared++
			}
		}
	}
	if n := min(na, nb); n > 0 {
		return float64(shared) / float64(n)
	}
	return 0
}
