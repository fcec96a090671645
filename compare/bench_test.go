package compare

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedArticles reads the demo corpus from ../seeds (package seeds imports compare, so
// the engine's tests read the files rather than import it).
func seedArticles(tb testing.TB) []Article {
	tb.Helper()
	paths, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(paths) != 5 {
		tb.Fatalf("want the 5 seed articles in ../seeds, found %d (%v)", len(paths), err)
	}
	dates := map[string]string{"000": "2024-01-04", "001": "2024-02-08", "002": "2024-01-09", "003": "2023-12-30", "004": "2024-02-07"}
	var arts []Article
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		arts = append(arts, Article{ID: id, Outlet: id[:3], Date: dates[id[:3]], Text: string(raw)})
	}
	return arts
}

// BenchmarkAlignSeeds aligns the five parsed seed articles.
func BenchmarkAlignSeeds(b *testing.B) { benchAlignSeeds(b, nil) }

// benchAlignSeeds aligns the five parsed seed articles with opts.
func benchAlignSeeds(b *testing.B, opts *Options) {
	arts := seedArticles(b)
	docs := make([]Document, len(arts))
	for i, a := range arts {
		docs[i] = Parse(a)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Align(docs, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareSeeds parses and aligns the five seed articles.
func BenchmarkCompareSeeds(b *testing.B) {
	arts := seedArticles(b)
	for b.Loop() {
		if _, err := Compare(arts, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticCorpus builds n articles of about 80 sentences each by sampling and
// perturbing sentences of the seeds: every article shares facts with several others,
// as a real story's coverage does, and the words differ slightly between copies.
func syntheticCorpus(tb testing.TB, n int) []Document {
	var pool []string
	for _, a := range seedArticles(tb) {
		for _, s := range Parse(a).Sentences {
			pool = append(pool, s.Text)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	docs := make([]Document, n)
	for i := range docs {
		var b strings.Builder
		for range 80 {
			words := strings.Fields(pool[rng.IntN(len(pool))])
			if len(words) > 4 {
				j := rng.IntN(len(words))
				words = append(words[:j], words[j+1:]...) // drop a word
			}
			b.WriteString(strings.Join(words, " "))
			if !strings.HasSuffix(b.String(), ".") {
				b.WriteString(".")
			}
			b.WriteString("\n")
		}
		docs[i] = Parse(Article{ID: fmt.Sprintf("a%02d", i), Text: b.String()})
	}
	return docs
}

// BenchmarkAlignScale shows how alignment cost grows with the number of articles.
func BenchmarkAlignScale(b *testing.B) {
	for _, n := range []int{5, 10, 20, 40, 60} {
		docs := syntheticCorpus(b, n)
		sents := 0
		for _, d := range docs {
			sents += len(d.Sentences)
		}
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Align(docs, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(sents), "sentences")
		})
	}
}

// BenchmarkParseSeeds measures cleaning and splitting the five seeds.
func BenchmarkParseSeeds(b *testing.B) {
	arts := seedArticles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			Parse(a)
		}
	}
}

// BenchmarkAlignSeedsNoWordDiffs is the seed alignment for callers that diff against a
// reference of their own (the web app).
func BenchmarkAlignSeedsNoWordDiffs(b *testing.B) {
	benchAlignSeeds(b, &Options{NoWordDiffs: true})
}
