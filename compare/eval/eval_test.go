package eval_test

import (
	"os"
	"path/filepath"
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

// TestSeedGold holds the aligner to the bar set for the hand-checked seed gold:
// event F1 ≥ 0.60 and all-pairs precision ≥ 0.70 (plain TF-IDF scores event F1 0.27).
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
	if sc.Event.F1 < 0.60 {
		t.Errorf("event F1 = %.3f, want ≥ 0.60", sc.Event.F1)
	}
	if sc.All.P < 0.70 {
		t.Errorf("all-pairs precision = %.3f, want ≥ 0.70", sc.All.P)
	}
}

// TestECB holds the aligner to pooled pair F1 ≥ 0.80 on the ECB+ development objects
// (TF-IDF anchor 0.627; same-sub-topic oracle 0.851).
func TestECB(t *testing.T) {
	objs, err := eval.ParseECB(readShared(t, "bench/ecbplus/ecbplus-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) < 20 {
		t.Fatalf("ParseECB found %d _all objects, want the 21 of the dev split", len(objs))
	}
	s, err := eval.ECB(objs, func(a []compare.Article) (*compare.Result, error) { return compare.Compare(a, nil) })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ECB+ pairs: %v", s)
	if s.F1 < 0.80 {
		t.Errorf("ECB+ pooled pair F1 = %.3f, want ≥ 0.80", s.F1)
	}
}

// TestECBArticles checks that the articles built for ECB+ have one annotated sentence
// per line, as the benchmark's score.py writes them.
func TestECBArticles(t *testing.T) {
	objs, err := eval.ParseECB(readShared(t, "bench/ecbplus/ecbplus-dev.jsonl"))
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
