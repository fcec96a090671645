package framing

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"parallax/compare"
	"parallax/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seedReports analyses the demo corpus once per test binary.
func seedReports(tb testing.TB) ([]compare.Article, []compare.Document, []Report) {
	tb.Helper()
	arts := seeds.Articles()
	docs := make([]compare.Document, len(arts))
	reps := make([]Report, len(arts))
	for i, a := range arts {
		docs[i] = compare.Parse(a)
		reps[i] = Analyze(docs[i], a.Text, nil)
	}
	return arts, docs, reps
}

func TestGoldenSeeds(t *testing.T) {
	_, _, reps := seedReports(t)
	for _, r := range reps {
		t.Run(r.Doc, func(t *testing.T) {
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", r.Doc+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("reading golden file: %v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Analyze(%s) differs from %s; run go test -update and review the diff", r.Doc, path)
			}
		})
	}
}
