package eval_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/compare/eval"
	"parallax/seeds"
)

// shared is the folder beside the checkout that holds the gold files.
const shared = "../../../shared"

func readShared(t *testing.T, rel string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(shared, rel))
	if err != nil {
		t.Fatalf("reading %s: %v (the shared folder must sit beside the checkout)", rel, err)
	}
	return raw
}

// Quality floors. The targets are seed event F1 ≥ 0.60 with all-pairs precision
// ≥ 0.70, and ECB+ pooled F1 ≥ 0.80; the aligner does not reach them yet (README,
// "Quality"). These floors sit just under what it measures today, so any change that
// makes alignment worse fails here; raise them as the aligner improves.
const (
	seedEventF1Floor = 0.39 // measured 0.394 (target 0.60)
	seedAllPFloor    = 0.67 // measured 0.680 (target 0.70)
	ecbF1Floor       = 0.79 // measured 0.795 (target 0.80)
	ecbSingleF1Floor = 0.76 // measured 0.772 (no target)

	// With the reader's occasions (compare.Options.Occasions): the two events of each
	// topic told apart, or each single story read as one.
	ecbGivenF1Floor       = 0.82 // measured 0.830
	ecbSingleGivenF1Floor = 0.83 // measured 0.840
)

// TestSeedGold scores the aligner on the hand-checked seed gold (plain TF-IDF scores
// event F1 0.27 there).
func TestSeedGold(t *testing.T) {
	g, err := eval.ParseGold(readShared(t, "gold/seeds-dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	arts := seeds.Articles()
	texts := map[string]string{}
	for _, a := range arts {
		texts[a.ID[:3]] = a.Text
	}
	res, err := compare.Compare(arts, nil)
	if err != nil {
		t.Fatalf("Compare(seeds) = %v", err)
	}
	sc := eval.Seeds(res, g, texts, []string{"000", "001", "002"}, nil)
	t.Logf("seed gold event: %v", sc.Event)
	t.Logf("seed gold all:   %v", sc.All)
	if sc.Unplaced > 0 {
		t.Errorf("%d gold quotes fall in no sentence (set aside as debris?)", sc.Unplaced)
	}
	if sc.Event.F1 < seedEventF1Floor {
		t.Errorf("event F1 = %.3f, want ≥ %.2f", sc.Event.F1, seedEventF1Floor)
	}
	if sc.All.P < seedAllPFloor {
		t.Errorf("all-pairs precision = %.3f, want ≥ %.2f", sc.All.P, seedAllPFloor)
	}
}

// TestECB scores pooled pair F1 on the ECB+ development file: the benchmark's "_all"
// objects (two similar events per topic; TF-IDF anchor 0.627, same-sub-topic oracle
// 0.851), and its one-sub-topic objects, where every article reports one event, as when
// a reader loads several reports of a single story (all in one occasion: 0.834).
func TestECB(t *testing.T) {
	all, single, err := eval.ParseECB(readShared(t, "bench/ecbplus/ecbplus-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	oneStory := func(arts []compare.Article) [][]string {
		ids := make([]string, len(arts))
		for i, a := range arts {
			ids[i] = a.ID
		}
		return [][]string{ids}
	}
	tests := []struct {
		name      string
		objs      []eval.ECBObject
		n         int                                // objects in the development file
		occasions func([]compare.Article) [][]string // the reader's, if any
		floor     float64
	}{
		{"two events per topic", all, 21, nil, ecbF1Floor},
		{"single stories", single, 42, nil, ecbSingleF1Floor},
		{"two events per topic, the reader's occasions", all, 21, eval.ECBSubTopics, ecbGivenF1Floor},
		{"single stories read as one", single, 42, oneStory, ecbSingleGivenF1Floor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.objs) != tt.n {
				t.Fatalf("found %d objects, want the %d of the dev split", len(tt.objs), tt.n)
			}
			s, err := eval.ECB(tt.objs, func(a []compare.Article) (*compare.Result, error) {
				var opts compare.Options
				if tt.occasions != nil {
					opts.Occasions = tt.occasions(a)
				}
				return compare.Compare(a, &opts)
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("ECB+ pairs: %v", s)
			if s.F1 < tt.floor {
				t.Errorf("pooled pair F1 = %.3f, want ≥ %.2f", s.F1, tt.floor)
			}
		})
	}
}

// TestECBArticles checks that the articles built for ECB+ have one annotated sentence
// per line, as the benchmark's score.py writes them.
func TestECBArticles(t *testing.T) {
	objs, _, err := eval.ParseECB(readShared(t, "bench/ecbplus/ecbplus-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	arts, spans := eval.ECBArticles(objs[0])
	for _, a := range arts {
		lines := strings.Split(strings.TrimSuffix(a.Text, "\n"), "\n")
		if len(lines) != len(spans[a.ID]) {
			t.Errorf("article %s has %d lines, want %d", a.ID, len(lines), len(spans[a.ID]))
		}
		for i, sp := range spans[a.ID] {
			if got := a.Text[sp[1]:sp[2]]; got != lines[i] {
				t.Errorf("span %d of %s = %q, want line %q", i, a.ID, got, lines[i])
			}
		}
	}
}

// TestGoldQuotesInOneSentence checks Clean and Split against the gold: every annotated
// quote lies inside exactly one sentence (not split across two, not set aside as debris).
func TestGoldQuotesInOneSentence(t *testing.T) {
	g, err := eval.ParseGold(readShared(t, "gold/seeds-dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]compare.Document{}
	texts := map[string]string{}
	for _, a := range seeds.Articles() {
		docs[a.ID[:3]] = compare.Parse(a)
		texts[a.ID[:3]] = a.Text
	}
	n := 0
	for _, c := range g.Clusters {
		for _, m := range c.Members {
			i := strings.Index(texts[m.Doc], m.Quote)
			if i < 0 {
				t.Errorf("%s: quote %q not in seed %s", c.ID, m.Quote, m.Doc)
				continue
			}
			n++
			inside := false
			for _, s := range docs[m.Doc].Sentences {
				if s.Start <= i && i+len(m.Quote) <= s.End {
					inside = true
				}
			}
			if !inside {
				t.Errorf("%s: quote %q of seed %s is not inside one sentence", c.ID, m.Quote, m.Doc)
			}
		}
	}
	if n == 0 {
		t.Fatal("no gold quotes checked")
	}
}

// TestEvidenceLeadsWithWhatMostShare checks, on ECB+'s one-story objects (up to 21
// reports of one event), that a claim's evidence lists first the names and words most of
// its articles share: a reader asking why 21 reports of Lindsay Lohan's check-in are one
// claim should read "Lohan" before the name of a judge only two of them give.
func TestEvidenceLeadsWithWhatMostShare(t *testing.T) {
	_, single, err := eval.ParseECB(readShared(t, "bench/ecbplus/ecbplus-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, o := range single {
		arts, _ := eval.ECBArticles(o)
		res, err := compare.Compare(arts, nil)
		if err != nil {
			t.Fatalf("%s: %v", o.ID, err)
		}
		text := map[string][]string{} // document → its sentences
		for _, d := range res.Documents {
			for _, s := range d.Sentences {
				text[d.ID] = append(text[d.ID], s.Text)
			}
		}
		for _, cl := range res.Claims {
			keys := map[string]map[string]bool{} // term key → the member documents holding it
			for _, m := range cl.Members {
				for _, k := range compare.Terms(text[m.Doc][m.Sentence]) {
					if keys[k] == nil {
						keys[k] = map[string]bool{}
					}
					keys[k][m.Doc] = true
				}
			}
			if len(keys) == 0 {
				continue
			}
			seen := map[string]bool{}
			for _, list := range [][]string{cl.Evidence.Names, cl.Evidence.Numbers, cl.Evidence.Terms} {
				for _, shown := range list {
					if k := strings.ToLower(shown); seen[k] {
						t.Errorf("%s %s: evidence lists %q twice", o.ID, cl.ID, shown)
					} else {
						seen[k] = true
					}
				}
			}
			for _, list := range [][]string{cl.Evidence.Names, cl.Evidence.Terms} {
				prev := len(res.Documents) + 1
				for _, shown := range list {
					// A word read as several terms ("first-degree", "Athens" as
					// Athens and Greece) is listed by one of them: skip it.
					if ks := compare.Terms(shown); len(ks) == 1 {
						n := len(keys[ks[0]])
						if n > prev {
							t.Errorf("%s %s: evidence %v lists %q (in %d of the claim's articles) after one in %d", o.ID, cl.ID, list, shown, n, prev)
						}
						prev = n
					}
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked %d evidence lists, want at least 100", checked)
	}
}

// TestOrderIndependent checks that what Parallax finds does not depend on the order the
// articles are given in: the same claims and the same occasions for the seeds and for
// ECB+ stories whose articles' order used to decide it (25_ecb: one lone article drew
// half the others into its occasion or none; 41_ecbplus: one occasion or three).
func TestOrderIndependent(t *testing.T) {
	raw := readShared(t, "bench/ecbplus/ecbplus-dev.jsonl")
	stories := map[string][]compare.Article{"seeds": seeds.Articles()}
	for _, id := range []string{"25_ecb", "41_ecbplus", "1_all", "27_all"} {
		arts, err := eval.ECBStory(raw, id)
		if err != nil {
			t.Fatal(err)
		}
		stories[id] = arts
	}
	for name, arts := range stories {
		want := readout(t, arts)
		for k := 1; k < 4; k++ {
			// A different order each time: reversed, then rotated by a third and by two.
			order := slices.Clone(arts)
			if k == 1 {
				slices.Reverse(order)
			} else {
				n := len(order) * (k - 1) / 3
				order = append(order[n:], order[:n]...)
			}
			if got := readout(t, order); got != want {
				t.Errorf("%s, order %d: the comparison differs from the given order's", name, k)
			}
		}
	}
}

// readout aligns arts and writes its claims and occasions in an order of their own.
func readout(t *testing.T, arts []compare.Article) string {
	t.Helper()
	res, err := compare.Compare(arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	var claims []string
	for _, c := range res.Claims {
		var ms []string
		for _, m := range c.Members {
			ms = append(ms, fmt.Sprintf("%s/%d", m.Doc, m.Sentence))
		}
		slices.Sort(ms)
		claims = append(claims, strings.Join(ms, " "))
	}
	slices.Sort(claims)
	var occasions []string
	for _, o := range res.Occasions {
		o = slices.Clone(o)
		slices.Sort(o)
		occasions = append(occasions, strings.Join(o, " "))
	}
	slices.Sort(occasions)
	return strings.Join(claims, "\n") + "\n--\n" + strings.Join(occasions, "\n")
}
