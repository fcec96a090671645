// Package blind masks who wrote what, for a blind comparison in class: each outlet
// becomes "Outlet A", "Outlet B"…, the outlet's own name inside the articles
// ("told CNN", "The Times of Israel has learned", "according to AP News") becomes
// its pseudonym, and reporters named in bylines and author notes become "Reporter
// One", "Reporter Two"…
//
// Masking works on the articles before they are compared, so everything computed
// from them (sentences, claims, framing, exports) shows only the pseudonyms. Each
// masked article keeps the way back to the original's byte offsets, so a piece of
// debris the reader puts back in blind mode is put back in the original.
//
// Masking hides names, not style: a house style ("Mr. Netanyahu") can still give an
// outlet away, which is part of what students learn to notice.
package blind

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/compare"
)

// Key is the answer key of a blind comparison: Outlets[i] is the real outlet behind
// the pseudonym Name(i). Outlets are compared as written, after trimming spaces.
type Key struct {
	Outlets []string `json:"outlets"`
}

// NewKey returns a key that gives each distinct outlet of arts a letter, in an order
// shuffled by seed, so that the order of the articles does not give the letters
// away. The same articles and seed give the same key.
func NewKey(arts []compare.Article, seed uint64) Key {
	var k Key
	k = k.Extend(arts)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(k.Outlets), func(i, j int) { k.Outlets[i], k.Outlets[j] = k.Outlets[j], k.Outlets[i] })
	return k
}

// Extend returns k with a letter for each outlet of arts that has none yet, after the
// letters already given, so that adding an article does not change the others.
func (k Key) Extend(arts []compare.Article) Key {
	out := Key{Outlets: slices.Clone(k.Outlets)}
	for _, a := range arts {
		o := outletKey(a.Outlet)
		if !slices.Contains(out.Outlets, o) {
			out.Outlets = append(out.Outlets, o)
		}
	}
	return out
}

// Covers reports whether every outlet of arts has a letter.
func (k Key) Covers(arts []compare.Article) bool {
	for _, a := range arts {
		if !slices.Contains(k.Outlets, outletKey(a.Outlet)) {
			return false
		}
	}
	return true
}

// Name returns the pseudonym of the i-th letter: "Outlet A" … "Outlet Z",
// "Outlet AA"…
func Name(i int) string { return "Outlet " + letters(i) }

func letters(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

// NameOf returns the pseudonym of an outlet, or "" for an outlet the key does not
// know.
func (k Key) NameOf(outlet string) string {
	if i := slices.Index(k.Outlets, outletKey(outlet)); i >= 0 {
		return Name(i)
	}
	return ""
}

func outletKey(outlet string) string { return strings.Join(strings.Fields(outlet), " ") }

// Article is an article as students see it: its outlet, ID, title and text masked.
type Article struct {
	compare.Article
	// OriginalID is the ID of the article it masks.
	OriginalID string
	edits      []edit // replacements, in order of their place in the original text
}

// edit is one replacement: Original[From:To] became Masked[At:At+len(With)].
type edit struct {
	From, To, At int
	With         string
}

// Original returns the offset in the original text of an offset in the masked
// text. An offset inside a replacement maps to the replacement's start.
func (a *Article) Original(off int) int {
	shift := 0
	for _, e := range a.edits {
		if off < e.At {
			break
		}
		if off < e.At+len(e.With) {
			return e.From
		}
		shift = e.To - (e.At + len(e.With))
	}
	return off + shift
}

// Masked returns the offset in the masked text of an offset in the original text.
// An offset inside a replaced name maps to the replacement's start.
func (a *Article) Masked(off int) int {
	shift := 0
	for _, e := range a.edits {
		if off < e.From {
			break
		}
		if off < e.To {
			return e.At
		}
		shift = e.At + len(e.With) - e.To
	}
	return off + shift
}

// Mask returns the articles as students see them, in the order of their letters
// (articles of one outlet in their original order). Outlets the key lacks get
// letters after its own (Extend). Articles of one outlet get IDs "outlet-a",
// "outlet-a-2"…
func Mask(arts []compare.Article, k Key) []Article {
	k = k.Extend(arts)
	names := newMatcher(k)
	reporters := reporterNames(arts, k)
	out := make([]Article, 0, len(arts))
	seen := map[string]int{}
	for _, a := range arts {
		i := slices.Index(k.Outlets, outletKey(a.Outlet))
		name := Name(i)
		id := strings.ToLower(strings.ReplaceAll(name, " ", "-"))
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		m := Article{OriginalID: a.ID}
		text, edits := names.replace(a.Text, reporters)
		m.Article = compare.Article{ID: id, Outlet: name, Date: a.Date, Text: text}
		m.edits = edits
		m.Title, _ = names.replace(a.Title, reporters)
		for _, off := range a.Keep {
			m.Keep = append(m.Keep, m.Masked(off))
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return slices.Index(k.Outlets, outletKey(arts[indexOf(arts, out[i].OriginalID)].Outlet)) <
			slices.Index(k.Outlets, outletKey(arts[indexOf(arts, out[j].OriginalID)].Outlet))
	})
	return out
}

func indexOf(arts []compare.Article, id string) int {
	return slices.IndexFunc(arts, func(a compare.Article) bool { return a.ID == id })
}

// Articles returns the masked articles for the engine.
func Articles(ms []Article) []compare.Article {
	out := make([]compare.Article, len(ms))
	for i, m := range ms {
		out[i] = m.Article
	}
	return out
}

// matcher finds the names to mask in a text: every outlet of the key by each way of
// writing it, longest first.
type matcher struct {
	forms []form // longest first
}

type form struct {
	text string
	with string // the pseudonym
	fold bool   // match without regard to case (names of several words)
}

func newMatcher(k Key) *matcher {
	m := &matcher{}
	seen := map[string]bool{}
	for i, o := range k.Outlets {
		for _, v := range variants(o) {
			if !seen[v] {
				seen[v] = true
				m.forms = append(m.forms, form{text: v, with: Name(i), fold: strings.Contains(v, " ") || strings.Contains(v, ".")})
			}
		}
	}
	sort.SliceStable(m.forms, func(i, j int) bool { return len(m.forms[i].text) > len(m.forms[j].text) })
	return m
}

// replace masks the outlets' names and the reporters' names in s and returns the
// masked text with its edits.
func (m *matcher) replace(s string, reporters []form) (string, []edit) {
	forms := m.forms
	if len(reporters) > 0 {
		forms = append(slices.Clone(reporters), forms...)
		sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	}
	var b strings.Builder
	var edits []edit
	last := 0
	for i := 0; i < len(s); {
		if !wordStart(s, i) {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		matched := false
		for _, f := range forms {
			if end := i + len(f.text); end <= len(s) && wordEnd(s, end) && sameText(s[i:end], f) {
				b.WriteString(s[last:i])
				edits = append(edits, edit{From: i, To: end, At: b.Len(), With: f.with})
				b.WriteString(f.with)
				i, last, matched = end, end, true
				break
			}
		}
		if !matched {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	if edits == nil {
		return s, nil
	}
	b.WriteString(s[last:])
	return b.String(), edits
}

func sameText(s string, f form) bool {
	if f.fold {
		return strings.EqualFold(s, f.text)
	}
	return s == f.text
}

// wordStart reports whether a word can start at s[i]: the rune before is not a
// letter or digit.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

// wordEnd reports whether a word can end at s[i]: the rune from there is not a
// letter or digit.
func wordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
