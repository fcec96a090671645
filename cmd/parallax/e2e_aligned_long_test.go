//go:build browser && !js

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"parallax/compare"
	"parallax/seeds"
)

// distinctArticle returns about n bytes of distinct news sentences, as a real long
// report has: ECB+ sentences of ../shared (0.15 MB of them), spliced (the first half
// of one with the second half of another) to make more, with the sentences of seeds
// 1–4 (reports of seed 000's story) spread among them, in paragraphs of five.
func distinctArticle(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "..", "shared", "bench", "ecbplus", "ecbplus-dev.jsonl"))
	if err != nil {
		t.Fatalf("no ECB+ sentences: %v (the shared folder must sit beside the checkout)", err)
	}
	defer f.Close()
	var ecb []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var topic struct {
			Docs []struct {
				Sentences []struct{ Text string }
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &topic); err != nil {
			t.Fatal(err)
		}
		for _, d := range topic.Docs {
			for _, s := range d.Sentences {
				if txt := strings.TrimSpace(s.Text); len(strings.Fields(txt)) >= 6 && !seen[txt] {
					seen[txt] = true
					ecb = append(ecb, txt)
				}
			}
		}
	}
	var own []string
	for _, a := range seeds.Articles()[1:] {
		for _, s := range compare.Split(a.Text) {
			if txt := strings.TrimSpace(s.Text); len(strings.Fields(txt)) >= 6 && !seen[txt] {
				seen[txt] = true
				own = append(own, txt)
			}
		}
	}
	var b strings.Builder
	every := max(1, n/150/max(1, len(own)))
	for i := 0; b.Len() < n; i++ {
		a, c := strings.Fields(ecb[i%len(ecb)]), strings.Fields(ecb[(i*31+i/len(ecb)+1)%len(ecb)])
		b.WriteString(strings.Join(append(a[:len(a)/2:len(a)/2], c[len(c)/2:]...), " ") + " ")
		if i%every == 0 && i/every < len(own) {
			b.WriteString(own[i/every] + " ")
		}
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// The aligned view of a long article next to a seed keeps the page responsive while
// the page loads it, while it draws its rows anew (the reference changed) and
// whenever it is opened again: medians of three of 91–140 ms in the runs so far, held
// to longArticleBudget. It read every sentence of every claim when made, and diffed
// all of a claim's sentences when drawing it: with a 2 MB article of repeated seed
// sentences (29 claims, one of 553 sentences) opening it again took 1.4–1.7 s.
// Loading took tasks of up to 3.4 s (the page decoding the engine's replies), then
// 250–640 ms (the last framing reply read, rebuilt and drawn in one task; see app/PERFORMANCE.md).
func TestBrowserAlignedLongArticle(t *testing.T) {
	budget := longArticleBudget(t)
	withLongArticle(t, "aligned", func(t *testing.T, s *session, text string) {
		rows := `document.querySelectorAll("#aligned tr.claim").length`
		t.Logf("a %.2f MB article: %d rows", float64(len(text))/(1<<20), jsEval[int](s, rows))
		s.heldFor("loading", budget, nil, func() {
			s.do("reloading", chromedp.Reload())
			s.waitDone()
		})
		ref := jsEval[string](s, `document.querySelector("#ref").value`)
		drawn := func() { s.waitFor("the aligned view", rows+` > 0 && `+rowsDrawn) }
		s.heldFor("drawing the view anew", budget, nil, func() {
			for _, r := range []string{"long", ref} {
				s.do("picking the reference", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const r = document.querySelector("#ref"); r.value = %q; r.dispatchEvent(new Event("change", {bubbles: true})); })()`, r)))
				s.waitFor("the new reference", fmt.Sprintf(`(document.querySelector("#aligned td[data-doc]") || {dataset: {}}).dataset.doc === %q`, r))
			}
			drawn()
		})
		s.heldFor("opening the view again", budget, nil, func() {
			s.click("#tab-coverage")
			s.waitFor("the coverage matrix", `!!document.querySelector("#coverage")`)
			time.Sleep(time.Second)
			s.click("#tab-aligned")
			drawn()
		})
		if n := jsEval[int](s, rows); n == 0 {
			t.Error("the aligned view shows no rows")
		}
	})
}
