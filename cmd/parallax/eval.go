//go:build !js

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parallax/compare"
	"parallax/compare/eval"
	"parallax/seeds"
)

func init() { commands["eval"] = cmdEval }

// cmdEval reproduces the README's quality figures from the gold files in ../shared.
func cmdEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("eval", stderr)
	shared := fs.String("shared", "../shared", "folder holding gold/ and bench/")
	if !parseFlags(fs, args, stderr) {
		return exitUsage
	}
	goldRaw, err := os.ReadFile(filepath.Join(*shared, "gold", "seeds-dev.json"))
	if err != nil {
		fmt.Fprintf(stderr, "parallax eval: %v (use --shared to point at the shared folder)\n", err)
		return exitInput
	}
	g, err := eval.ParseGold(goldRaw)
	if err != nil {
		fmt.Fprintf(stderr, "parallax eval: %v\n", err)
		return exitInput
	}
	arts := seeds.Articles()
	texts := map[string]string{}
	for _, a := range arts {
		texts[a.ID[:3]] = a.Text
	}
	start := time.Now()
	res, err := compare.Compare(arts, nil)
	if err != nil {
		fmt.Fprintf(stderr, "parallax eval: aligning the seeds: %v\n", err)
		return exitInput
	}
	took := time.Since(start)
	sc := eval.Seeds(res, g, texts, []string{"000", "001", "002"}, nil)
	fmt.Fprintf(stdout, "Seed gold (seeds-dev.json, docs 000-002, all five seeds aligned in %v)\n", took.Round(time.Microsecond))
	fmt.Fprintf(stdout, "  event  %v\n  all    %v\n", sc.Event, sc.All)
	if sc.Unplaced > 0 {
		fmt.Fprintf(stdout, "  %d gold quotes fall in no sentence\n", sc.Unplaced)
	}

	fail := func(err error) int {
		fmt.Fprintf(stderr, "parallax eval: %v\n", err)
		return exitInput
	}
	ecbRaw, err := os.ReadFile(filepath.Join(*shared, "bench", "ecbplus", "ecbplus-dev.jsonl"))
	if err != nil {
		return fail(err)
	}
	objs, single, err := eval.ParseECB(ecbRaw)
	if err != nil {
		return fail(err)
	}
	align := func(a []compare.Article) (*compare.Result, error) { return compare.Compare(a, nil) }
	e, err := eval.ECB(objs, align)
	if err != nil {
		return fail(err)
	}
	s, err := eval.ECB(single, align)
	if err != nil {
		return fail(err)
	}
	// The reader's occasions (compare.Options.Occasions): each topic's two events told
	// apart, each single story read as one.
	given := func(occasions func([]compare.Article) [][]string) func([]compare.Article) (*compare.Result, error) {
		return func(a []compare.Article) (*compare.Result, error) {
			return compare.Compare(a, &compare.Options{Occasions: occasions(a)})
		}
	}
	eg, err := eval.ECB(objs, given(eval.ECBSubTopics))
	if err != nil {
		return fail(err)
	}
	sg, err := eval.ECB(single, given(func(a []compare.Article) [][]string {
		ids := make([]string, len(a))
		for i := range a {
			ids[i] = a[i].ID
		}
		return [][]string{ids}
	}))
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "ECB+ (%s, %d _all objects, pooled pairs)\n  pairs  %v\n", strings.TrimPrefix(filepath.Join(*shared, "bench/ecbplus/ecbplus-dev.jsonl"), "./"), len(objs), e)
	fmt.Fprintf(stdout, "ECB+ single stories (%d one-sub-topic objects, not the benchmark's score)\n  pairs  %v\n", len(single), s)
	fmt.Fprintf(stdout, "With the reader's occasions (--occasions), not the benchmark's score:\n  ECB+ _all, the two events told apart  %v\n  single stories, each read as one      %v\n", eg, sg)
	return exitOK
}
