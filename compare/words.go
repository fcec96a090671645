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
	d := newDiffer()
	return d.diff(d.cut(a), d.cut(b))
}

// differ computes word diffs with go-diff: each distinct token stands for one rune, the
// runes are diffed and the diff is mapped back to text. A differ numbers every token it
// sees once, so a sentence diffed against several others (a claim's first member) is
// cut into tokens only once. It is not safe for concurrent use.
type differ struct {
	dmp   *diffmatchpatch.DiffMatchPatch
	ids   map[string]int32 // token → number
	folds map[string]int32 // lower-case content word → number
	fold  []int32          // token number → number of its lower-case form, -1 if not a content word
	// Scratch for one pair.
	runes []rune  // token number → its rune in the pair being diffed, 0 if none yet
	given []int32 // token numbers given a rune in the pair being diffed
	count []int32 // lower-case content word number → count
}

func newDiffer() *differ {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = diffTimeout
	return &differ{dmp: dmp, ids: map[string]int32{}, folds: map[string]int32{}}
}

// cutText is a text cut into tokens and numbered by a differ.
type cutText struct {
	text  string
	ids   []int32 // token numbers
	start []int   // byte offset of each token, then len(text)
}

// cut cuts s into tokens (see tokenEnd) and numbers them.
func (d *differ) cut(s string) *cutText {
	t := &cutText{text: s}
	for i := 0; i < len(s); {
		j := tokenEnd(s, i)
		t.ids = append(t.ids, d.number(s[i:j]))
		t.start = append(t.start, i)
		i = j
	}
	t.start = append(t.start, len(s))
	return t
}

func (d *differ) number(tok string) int32 {
	if id, ok := d.ids[tok]; ok {
		return id
	}
	id := int32(len(d.fold))
	d.ids[tok] = id
	f := int32(-1)
	if k := strings.ToLower(tok); isContentWord(k) {
		var ok bool
		if f, ok = d.folds[k]; !ok {
			f = int32(len(d.folds))
			d.folds[k] = f
			d.count = append(d.count, 0)
		}
	}
	d.fold = append(d.fold, f)
	d.runes = append(d.runes, 0)
	return id
}

// diff is Words for two texts cut by d.
func (d *differ) diff(a, b *cutText) []Chunk {
	ra, rb := d.encode(a.ids), d.encode(b.ids)
	distinct := len(d.given)
	for _, id := range d.given {
		d.runes[id] = 0
	}
	d.given = d.given[:0]
	if distinct >= maxTokens {
		return coarse(a.text, b.text) // more distinct words than runes to stand for them
	}
	if d.sharedWordShare(a.ids, b.ids) < minSharedWords {
		// Sentences that share almost no words have no useful word diff: after semantic
		// cleanup it would be one deletion and one insertion anyway, at a high cost.
		return coarse(a.text, b.text)
	}
	diffs := d.dmp.DiffMainRunes(ra, rb, false)
	diffs = d.dmp.DiffCleanupSemantic(diffs)
	// Each rune of a diff is one token, and the Equal and Delete diffs run through a in
	// order (Equal and Insert through b), so every chunk is a piece of a or of b.
	var out []Chunk
	ia, ib, from := 0, 0, 0 // tokens of a and b passed; where the last chunk starts
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		if n == 0 {
			continue
		}
		op, src, i := Equal, a, ia
		switch df.Type {
		case diffmatchpatch.DiffInsert:
			op, src, i = Insert, b, ib
			ib += n
		case diffmatchpatch.DiffDelete:
			op = Delete
			ia += n
		default:
			ia += n
			ib += n
		}
		if ia >= len(a.start) || ib >= len(b.start) {
			return coarse(a.text, b.text) // cannot happen: go-diff's diffs rebuild both texts
		}
		end := src.start[i+n]
		if k := len(out); k > 0 && out[k-1].Op == op {
			out[k-1].Text = src.text[from:end]
			continue
		}
		from = src.start[i]
		out = append(out, Chunk{Op: op, Text: src.text[from:end]})
	}
	return out
}

// encode gives each token of ids the rune of its number in the pair being diffed, in
// order of first appearance.
func (d *differ) encode(ids []int32) []rune {
	rs := make([]rune, len(ids))
	for i, id := range ids {
		r := d.runes[id]
		if r == 0 {
			r = tokenRune(len(d.given))
			d.runes[id] = r
			d.given = append(d.given, id)
		}
		rs[i] = r
	}
	return rs
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

// tokenEnd returns where the token of s that starts at i ends. Tokens are words
// (letters, digits and inner apostrophes, periods and commas as in "U.S." or "1,200"),
// times of day ("07:37"), runs of spaces, and single other characters.
func tokenEnd(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	switch {
	case isWordRune(r):
		prev := r
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += n2
				prev = r2
				continue
			}
			if j+n2 < len(s) {
				r3, n3 := utf8.DecodeRuneInString(s[j+n2:])
				if isJoiner(r2) && isWordRune(r3) || r2 == ':' && isDigit(prev) && isDigit(r3) {
					j += n2 + n3
					prev = r3
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
	return j
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // the common case, without unicode's table lookups
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || isInvisible(r)
}

// invisible are characters web pages put inside words that show nothing: soft hyphens,
// zero-width spaces and joiners, the byte order mark. Copied with the text, they must
// not cut "Netan\u00adyahu" in two.
const invisible = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

func isInvisible(r rune) bool {
	return r >= '\u00ad' && strings.ContainsRune(invisible, r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

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
func (d *differ) sharedWordShare(a, b []int32) float64 {
	na, nb, shared := 0, 0, 0
	for _, id := range a {
		if f := d.fold[id]; f >= 0 {
			d.count[f]++
			na++
		}
	}
	for _, id := range b {
		if f := d.fold[id]; f >= 0 {
			nb++
			if d.count[f] > 0 {
				d.count[f]--
				shared++
			}
		}
	}
	for _, id := range a {
		if f := d.fold[id]; f >= 0 {
			d.count[f] = 0
		}
	}
	if n := min(na, nb); n > 0 {
		return float64(shared) / float64(n)
	}
	return 0
}
