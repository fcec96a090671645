// Package eval scores alignments against the project's two gold standards with the
// rules their READMEs give: the hand-checked seed clusters (../shared/gold) and the
// ECB+ cross-document event benchmark (../shared/bench/ecbplus). It does no I/O: the
// caller passes the files' contents.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"parallax/compare"
)

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	P, R, F1       float64
	TP, Pred, Gold int
}

func prf(tp, pred, gold int) PRF {
	s := PRF{TP: tp, Pred: pred, Gold: gold}
	if pred > 0 {
		s.P = float64(tp) / float64(pred)
	}
	if gold > 0 {
		s.R = float64(tp) / float64(gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

func (s PRF) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)", s.P, s.R, s.F1, s.TP, s.Pred, s.Gold)
}

// Gold is a seed gold file (../shared/gold/seeds-dev.json).
type Gold struct {
	Clusters []struct {
		ID       string `json:"id"`
		Strength string `json:"strength"`
		Members  []struct {
			Doc   string `json:"doc"`
			Quote string `json:"quote"`
		} `json:"members"`
	} `json:"clusters"`
}

// ParseGold reads a seed gold file.
func ParseGold(raw []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("reading seed gold: %w", err)
	}
	return &g, nil
}

// SeedScore is the seed gold's two figures.
type SeedScore struct {
	Event    PRF // gold: same-event pairs; predicted same-position pairs are ignored
	All      PRF // gold: every pair
	Unplaced int // gold quotes that fall in no predicted sentence (debris or missing)
}

// key names a sentence as (three-digit seed prefix, sentence index).
type key struct {
	doc string
	idx int
}

type pair struct{ a, b key }

func orderedPair(a, b key) pair {
	if b.doc < a.doc || b.doc == a.doc && b.idx < a.idx {
		a, b = b, a
	}
	return pair{a, b}
}

// Seeds scores r against the gold. texts maps a seed's three-digit prefix to the article
// text the result was computed from. only, if non-empty, restricts to those prefixes;
// touching, if non-empty, counts only pairs with a side in those prefixes.
func Seeds(r *compare.Result, g *Gold, texts map[string]string, only, touching []string) SeedScore {
	in := func(set []string, k string) bool {
		for _, s := range set {
			if s == k {
				return true
			}
		}
		return false
	}
	docs := map[string]*compare.Document{}
	for i := range r.Documents {
		for k := range texts {
			if strings.HasPrefix(r.Documents[i].ID, k) {
				docs[k] = &r.Documents[i]
			}
		}
	}
	var sc SeedScore
	locate := func(doc, quote string) (key, bool) {
		d, ok := docs[doc]
		if !ok {
			return key{}, false
		}
		i := strings.Index(texts[doc], quote)
		if i < 0 {
			return key{}, false
		}
		mid := i + len(quote)/2
		for _, s := range d.Sentences {
			if s.Start <= mid && mid < s.End {
				return key{doc, s.Index}, true
			}
		}
		return key{}, false
	}
	counted := func(p pair) bool {
		return p.a.doc != p.b.doc && (len(touching) == 0 || in(touching, p.a.doc) || in(touching, p.b.doc))
	}
	gold := map[pair]string{}
	for _, c := range g.Clusters {
		var mem []key
		for _, m := range c.Members {
			if len(only) > 0 && !in(only, m.Doc) {
				continue
			}
			k, ok := locate(m.Doc, m.Quote)
			if !ok {
				sc.Unplaced++
				continue
			}
			mem = append(mem, k)
		}
		for i := range mem {
			for j := i + 1; j < len(mem); j++ {
				p := orderedPair(mem[i], mem[j])
				if !counted(p) {
					continue
				}
				if c.Strength == "same-event" || gold[p] == "" {
					if gold[p] != "same-event" {
						gold[p] = c.Strength
					}
				}
			}
		}
	}
	pred := map[pair]bool{}
	for _, c := range r.Claims {
		var mem []key
		for _, m := range c.Members {
			k := m.Doc
			if len(k) >= 3 {
				k = k[:3]
			}
			if len(only) > 0 && !in(only, k) {
				continue
			}
			mem = append(mem, key{k, m.Sentence})
		}
		for i := range mem {
			for j := i + 1; j < len(mem); j++ {
				if p := orderedPair(mem[i], mem[j]); counted(p) {
					pred[p] = true
				}
			}
		}
	}
	score := func(event bool) PRF {
		tp, np, ng := 0, 0, 0
		for _, s := range gold {
			if !event || s == "same-event" {
				ng++
			}
		}
		for p := range pred {
			s, ok := gold[p]
			if event && ok && s != "same-event" {
				continue // same-position pairs neither count for nor against the event score
			}
			np++
			if ok {
				tp++
			}
		}
		return prf(tp, np, ng)
	}
	sc.Event, sc.All = score(true), score(false)
	return sc
}

// ECBObject is one line of the ECB+ benchmark file.
type ECBObject struct {
	ID       string `json:"id"`
	Subtopic string `json:"subtopic"`
	Docs     []struct {
		ID        string `json:"id"`
		Sentences []struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		} `json:"sentences"`
	} `json:"docs"`
	Pairs [][2]string `json:"pairs"`
}

// ParseECB reads the ECB+ JSON-lines file. It returns the "_all" objects, the scored
// ones, each holding the articles of both sub-topics of a topic (two similar events),
// and the one-sub-topic objects: the articles of one event only, as a reader comparing
// reports of a single story loads them, which are not the benchmark's score.
func ParseECB(raw []byte) (all, single []ECBObject, err error) {
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var o ECBObject
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			return nil, nil, fmt.Errorf("reading ECB+ line %d: %w", n, err)
		}
		if o.Subtopic == "all" {
			all = append(all, o)
		} else {
			single = append(single, o)
		}
	}
	return all, single, sc.Err()
}

// ECBStory returns the articles of the ECB+ object id ("19_ecb", "37_ecbplus", "1_all")
// of the JSON-lines file raw, as ECBArticles builds them.
func ECBStory(raw []byte, id string) ([]compare.Article, error) {
	all, single, err := ParseECB(raw)
	if err != nil {
		return nil, err
	}
	for _, o := range append(all, single...) {
		if o.ID == id {
			arts, _ := ECBArticles(o)
			return arts, nil
		}
	}
	return nil, fmt.Errorf("ECB+ object %s not found", id)
}

// ECBArticles builds the articles the ECB+ scorer feeds to parallax: one per document,
// one annotated sentence per line. It also returns, per article, the byte span of
// each gold sentence.
func ECBArticles(o ECBObject) ([]compare.Article, map[string][][3]int) {
	var arts []compare.Article
	spans := map[string][][3]int{} // doc id → (sentence number in o, start, end)
	ids := map[string]int{}
	n := 0
	for _, d := range o.Docs {
		var b strings.Builder
		for _, s := range d.Sentences {
			ids[s.ID] = n
			spans[d.ID] = append(spans[d.ID], [3]int{n, b.Len(), b.Len() + len(s.Text)})
			b.WriteString(s.Text)
			b.WriteString("\n")
			n++
		}
		arts = append(arts, compare.Article{ID: d.ID, Outlet: d.ID, Text: b.String()})
	}
	return arts, spans
}

// ECBSubTopics groups ECB+ articles by their sub-topic, as a reader who knows which of
// the two events each reports would (compare.Options.Occasions): documents "1_4ecb"
// and "1_9ecbplus" report two different events.
func ECBSubTopics(arts []compare.Article) [][]string {
	var ecb, plus []string
	for _, a := range arts {
		if strings.HasSuffix(a.ID, "ecbplus") {
			plus = append(plus, a.ID)
		} else {
			ecb = append(ecb, a.ID)
		}
	}
	return slices.DeleteFunc([][]string{ecb, plus}, func(g []string) bool { return len(g) == 0 })
}

// ECB scores the alignment of every object pooled (micro-averaged), as score.py does.
// align is called once per object.
func ECB(objs []ECBObject, align func([]compare.Article) (*compare.Result, error)) (PRF, error) {
	tp, np, ng := 0, 0, 0
	for _, o := range objs {
		arts, spans := ECBArticles(o)
		r, err := align(arts)
		if err != nil {
			return PRF{}, fmt.Errorf("%s: %w", o.ID, err)
		}
		var sentIDs []string
		for _, d := range o.Docs {
			for _, s := range d.Sentences {
				sentIDs = append(sentIDs, s.ID)
			}
		}
		goldOf := map[key][]string{}
		for _, d := range r.Documents {
			for _, sp := range spans[d.ID] {
				mid := (sp[1] + sp[2]) / 2
				for _, s := range d.Sentences {
					if s.Start <= mid && mid < s.End {
						k := key{d.ID, s.Index}
						goldOf[k] = append(goldOf[k], sentIDs[sp[0]])
					}
				}
			}
		}
		pred := map[[2]string]bool{}
		for _, c := range r.Claims {
			var ids []string
			for _, m := range c.Members {
				ids = append(ids, goldOf[key{m.Doc, m.Sentence}]...)
			}
			for i := range ids {
				for j := i + 1; j < len(ids); j++ {
					a, b := ids[i], ids[j]
					if docOf(a) == docOf(b) {
						continue
					}
					if b < a {
						a, b = b, a
					}
					pred[[2]string{a, b}] = true
				}
			}
		}
		gold := map[[2]string]bool{}
		for _, p := range o.Pairs {
			a, b := p[0], p[1]
			if b < a {
				a, b = b, a
			}
			gold[[2]string{a, b}] = true
		}
		for p := range pred {
			if gold[p] {
				tp++
			}
		}
		np += len(pred)
		ng += len(gold)
	}
	return prf(tp, np, ng), nil
}

func docOf(sentenceID string) string {
	if i := strings.LastIndexByte(sentenceID, '/'); i >= 0 {
		return sentenceID[:i]
	}
	return sentenceID
}
