package framing

import (
	"testing"

	"parallax/compare"
	"parallax/seeds"
)

// BenchmarkAnalyzeSeeds measures Analyze on the five seed articles (one op: all five).
func BenchmarkAnalyzeSeeds(b *testing.B) {
	arts := seeds.Articles()
	docs := make([]compare.Document, len(arts))
	for i, a := range arts {
		docs[i] = compare.Parse(a)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, a := range arts {
			Analyze(docs[i], a.Text, nil)
		}
	}
}

// BenchmarkCompareSeeds measures Compare on the aligned seeds (alignment not included).
func BenchmarkCompareSeeds(b *testing.B) {
	arts := seeds.Articles()
	res, err := compare.Compare(arts, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		Compare(res, arts, nil)
	}
}

// BenchmarkAnalyzeLong measures Analyze on a 2 MB article of repeated seed sentences
// (seeds.Repeated): what the engine worker reads before a long article's framing
// signals reach the page.
func BenchmarkAnalyzeLong(b *testing.B) {
	a := compare.Article{ID: "long", Outlet: "The Long Read", Text: seeds.Repeated(2 << 20)}
	doc := compare.Parse(a)
	b.ResetTimer()
	for b.Loop() {
		Analyze(doc, a.Text, nil)
	}
}
