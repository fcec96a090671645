//go:build browser && !js

package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"parallax/compare"
	"parallax/seeds"
)

// longArticleBudget is the most, in milliseconds, that the longest main-thread task
// may take (median of three) when a view of a 2 MB article is drawn: the first
// visit's 200 ms on the reference machine, scaled by how much slower this host runs
// the engine (hostSlowdown). The views took 1.4–5.1 s before; on a quiet machine
// they take 91–140 ms, and one clean-clone CI run on a slow host measured a median
// of 205 ms against the unscaled 200.
func longArticleBudget(t *testing.T) float64 {
	t.Helper()
	return 200 * hostSlowdown(t)
}

// longArticle returns about n bytes of news sentences (seeds.Repeated).
func longArticle(n int) string { return seeds.Repeated(n) }

// The Framing tab of a 2 MB article (17,654 sentences, 13,853 of them only it
// reports) next to a seed keeps the page responsive. It drew every sentence only
// that article reports and every unnamed source and caveat, in closed folds: 32,765
// elements in one task of 1.9–5.1 s. Now closed folds draw their bodies when opened
// and lists draw 200 items at a time: 85–202 ms (medians of three 109–125 ms) on a
// quiet machine, but a median of 205 ms in a clean-clone CI run on a slow host. The
// test holds longArticleBudget: 200 ms scaled by the host's speed.
func TestBrowserFramingLongArticle(t *testing.T) {
	s := newSession(t)
	s.open()
	before := len(s.longTasks())
	s.click("#tab-framing")
	s.waitFor("the seeds' framing view", `!!document.querySelector("#framing #fr-labels")`)
	time.Sleep(500 * time.Millisecond)
	t.Logf("the seeds: opening the Framing tab, longest main-thread task %.0f ms; %d elements", maxOf(s.longTasks()[before:]), jsEval[int](s, `document.querySelectorAll("#framing *").length`))

	text := longArticle(2 << 20)
	arts := []compare.Article{seeds.Articles()[0], {ID: "long", Outlet: "The Long Read", Title: "Everything, twice", Text: text}}
	s.loadWorkspace(map[string]any{"articles": arts, "view": "coverage"})
	s.waitStatus("2 articles compared")
	const tries = 3
	var longest []float64
	for i := range tries {
		s.click("#tab-coverage")
		s.waitFor("the coverage matrix", `!!document.querySelector("#coverage")`)
		time.Sleep(time.Second) // the view, and the save after it
		before := len(s.longTasks())
		s.click("#tab-framing")
		s.waitFor("the framing view", `!!document.querySelector('#framing details.only-fr[data-doc="long"]')`)
		time.Sleep(time.Second)
		tasks := s.longTasks()[before:]
		t.Logf("a %.1f MB article: opening the Framing tab (%d), longest main-thread task %.0f ms (%v)", float64(len(text))/(1<<20), i+1, maxOf(tasks), tasks)
		longest = append(longest, maxOf(tasks))
	}
	slices.Sort(longest)
	if m, budget := longest[tries/2], longArticleBudget(t); m > budget {
		t.Errorf("opening the Framing tab of a 2 MB article took the page's thread for %.0f ms (median of %d): over the budget, 200 ms on the reference machine (%.0f ms on this host)", m, tries, budget)
	}

	// The framing is there. Opening the long article's fold draws the first 200 of
	// the sentences only it reports, as text, with a button for 200 more.
	fold := `#framing details.only-fr[data-doc="long"]`
	if sum := s.text(fold + " summary"); !strings.Contains(sum, "The Long Read — alone reports ") {
		t.Errorf("the long article's fold says %q", sum)
	}
	if row := s.text(`section[aria-labelledby="fr-sourcing"] tr[data-doc="long"]`); !strings.Contains(row, "The Long Read") {
		t.Errorf("the long article's sourcing: %q", row)
	}
	before = len(s.longTasks())
	s.do("opening the fold", chromedp.Evaluate[chromedp.Void](`document.querySelector('`+fold+`').open = true`))
	s.waitFor("the long article's sentences", `document.querySelectorAll('`+fold+` ol.frlist > li').length > 0`)
	time.Sleep(500 * time.Millisecond)
	t.Logf("opening the long article's fold: longest main-thread task %.0f ms", maxOf(s.longTasks()[before:]))
	got := jsEval[map[string]any](s, `(() => {
		const d = document.querySelector('`+fold+`'), items = d.querySelectorAll("ol.frlist > li");
		const btn = d.querySelector(".frlist + button");
		return {items: items.length, first: items[0].lastChild.textContent.trim(), elements: items[0].querySelectorAll("*").length, btn: btn ? btn.innerText : ""};
	})()`)
	if got["items"].(float64) != 200 || got["elements"].(float64) != 1 || !strings.Contains(text, got["first"].(string)) {
		t.Errorf("the long article's fold: %v; want the first 200 of its sentences only it reports, as text", got)
	}
	if btn := got["btn"].(string); !strings.HasPrefix(btn, "Show 200 more (") || !strings.HasSuffix(btn, " sentences not shown)") {
		t.Errorf("the button under the long article's sentences says %q, want “Show 200 more (… sentences not shown)”", btn)
	}
	before = len(s.longTasks())
	s.click(fold + " .frlist + button")
	s.waitFor("200 more sentences", `document.querySelectorAll('`+fold+` ol.frlist > li').length === 400`)
	time.Sleep(500 * time.Millisecond)
	t.Logf("200 more: longest main-thread task %.0f ms", maxOf(s.longTasks()[before:]))
	s.noConsoleErrors()
}
