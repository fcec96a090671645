package app

import (
	"slices"
	"strconv"
	"strings"

	"parallax/compare"
)

// resultWire is a compare.Result as the engine worker sends it to the page: the page
// has the articles it asked about, so a sentence travels as its offsets in its
// article's text, and references as numbers. For a 2 MB article the result was
// 3.4–3.9 MB of JSON and took the page about 400 ms to read in one task.
type resultWire struct {
	// Result without the documents' sentences and the claims' members and diffs, and
	// without Unique.
	Result *compare.Result `json:"r"`
	// Spans has, per document, its sentences: for each, in order, the gap from the end
	// of the one before to its start, its length and its role (an index into
	// wireRoles), packed (packInts).
	Spans []string `json:"s"`
	// Members has, per claim, its members, and Unique the unique sentences (packRefs).
	Members []string `json:"m"`
	Unique  string   `json:"u"`
}

var wireRoles = []compare.Role{compare.RoleBody, compare.RoleHeadline, compare.RoleSubhead, compare.RoleCaption}

// packResult readies res, an alignment of arts without diffs (alignedFirst), for the
// trip to the page; nil if its sentences cannot be sliced from the articles' texts.
func packResult(res *compare.Result, arts []compare.Article) *resultWire {
	texts := articleTexts(arts)
	docs := docPositions(res)
	short := *res
	short.Documents, short.Claims, short.Unique = slices.Clone(res.Documents), slices.Clone(res.Claims), nil
	w := &resultWire{Result: &short, Unique: packRefs(res.Unique, docs)}
	for i, d := range res.Documents {
		spans, ok := packSpans(d.Sentences, texts[d.ID])
		if !ok {
			return nil
		}
		w.Spans = append(w.Spans, spans)
		short.Documents[i].Sentences = nil
	}
	for i, c := range res.Claims {
		w.Members = append(w.Members, packRefs(c.Members, docs))
		short.Claims[i].Members = nil
	}
	return w
}

// unpack rebuilds the result packResult packed from the same articles, or returns nil
// if the wire does not fit them.
func (w *resultWire) unpack(arts []compare.Article) *compare.Result {
	res := w.Result
	if res == nil || len(w.Spans) != len(res.Documents) || len(w.Members) != len(res.Claims) {
		return nil
	}
	texts := articleTexts(arts)
	ids := make([]string, len(res.Documents))
	var ok bool
	for i := range res.Documents {
		d := &res.Documents[i]
		if d.Sentences, ok = unpackSpans(w.Spans[i], texts[d.ID]); !ok {
			return nil
		}
		ids[i] = d.ID
	}
	if res.Unique, ok = unpackRefs(w.Unique, ids); !ok {
		return nil
	}
	for i := range res.Claims {
		if res.Claims[i].Members, ok = unpackRefs(w.Members[i], ids); !ok {
			return nil
		}
	}
	return res
}

func articleTexts(arts []compare.Article) map[string]string {
	m := make(map[string]string, len(arts))
	for _, a := range arts {
		m[a.ID] = a.Text
	}
	return m
}

// packSpans writes sentences as gap, length and role, or reports that text cannot
// give them back.
func packSpans(sents []compare.Sentence, text string) (string, bool) {
	ns := make([]int, 0, 3*len(sents))
	end := 0
	for i, s := range sents {
		role := -1
		for r, name := range wireRoles {
			if s.Role == name {
				role = r
			}
		}
		if s.Index != i || role < 0 || s.Start < 0 || s.Start > s.End || s.End > len(text) || text[s.Start:s.End] != s.Text {
			return "", false
		}
		ns = append(ns, s.Start-end, s.End-s.Start, role)
		end = s.End
	}
	return packInts(ns), true
}

func unpackSpans(spans, text string) ([]compare.Sentence, bool) {
	ns, ok := unpackInts(spans)
	if !ok || len(ns)%3 != 0 {
		return nil, false
	}
	sents := make([]compare.Sentence, len(ns)/3)
	end := 0
	for i := range sents {
		start, n, role := end+ns[3*i], ns[3*i+1], ns[3*i+2]
		if start < 0 || n < 0 || start+n > len(text) || role < 0 || role >= len(wireRoles) {
			return nil, false
		}
		end = start + n
		sents[i] = compare.Sentence{Index: i, Text: text[start:end], Start: start, End: end, Role: wireRoles[role]}
	}
	return sents, true
}

// packRefs writes references as pairs of a document's place in the result and a
// sentence index.
func packRefs(refs []compare.Ref, docs map[string]int) string {
	ns := make([]int, 0, 2*len(refs))
	for _, r := range refs {
		d, ok := docs[r.Doc]
		if !ok {
			d = -1
		}
		ns = append(ns, d, r.Sentence)
	}
	return packInts(ns)
}

func unpackRefs(s string, ids []string) ([]compare.Ref, bool) {
	ns, ok := unpackInts(s)
	if !ok || len(ns)%2 != 0 {
		return nil, false
	}
	refs := make([]compare.Ref, len(ns)/2)
	for i := range refs {
		d := ns[2*i]
		if d < 0 || d >= len(ids) {
			return nil, false
		}
		refs[i] = compare.Ref{Doc: ids[d], Sentence: ns[2*i+1]}
	}
	return refs, true
}

// packInts writes numbers separated by commas: one JSON string, which the page reads
// far faster than a JSON array.
func packInts(ns []int) string {
	b := make([]byte, 0, 4*len(ns))
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return string(b)
}

// unpackInts reads what packInts wrote, or reports that s is not that.
func unpackInts(s string) ([]int, bool) {
	ns := make([]int, 0, strings.Count(s, ",")+1)
	n, sign, digits := 0, 1, 0
	for i := 0; i <= len(s); i++ {
		switch {
		case i < len(s) && s[i] >= '0' && s[i] <= '9':
			n, digits = n*10+int(s[i]-'0'), digits+1
		case i < len(s) && s[i] == '-' && digits == 0 && sign > 0:
			sign = -1
		case i < len(s) && s[i] != ',':
			return nil, false
		case digits > 0:
			ns, n, sign, digits = append(ns, sign*n), 0, 1, 0
		case s != "":
			return nil, false
		}
	}
	return ns, true
}
