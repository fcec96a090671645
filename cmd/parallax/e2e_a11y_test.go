//go:build browser && !js

package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeScript returns axe-core, the accessibility checker (Deque's, MPL-2.0), which
// `make test-browser` fetches from npm into .cache/ and names in PARALLAX_AXE. Without
// it the test fails on CI and is skipped elsewhere, as without Chromium.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("PARALLAX_AXE")
	src, err := os.ReadFile(path)
	if err == nil {
		return string(src)
	}
	missing(t, fmt.Sprintf("axe-core is missing (PARALLAX_AXE=%q: %v): run 'make test-browser', which fetches it from npm", path, err))
	return ""
}

// axeViolation is what the test keeps of an axe-core result.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string // the elements, as CSS selectors with axe's summary
}

// audit runs axe-core's WCAG 2.1 A and AA rules on the page as it is and returns what
// fails. One finding is axe's own mistake and left out: it reads an SVG <title> (the
// coverage matrix cells' tooltip) as text on screen, so no name can hold the cell's
// "visible" text; TestBrowserAccessibility checks those names itself.
func (s *session) audit() []axeViolation {
	s.t.Helper()
	v, err := chromedp.Run(s.ctx, chromedp.Evaluate[[]axeViolation](`(async () => {
		const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]});
		const svgTitled = (n) => { const e = document.querySelector(n.target.join(" ")); return !!e && !!e.closest("svg") && !!e.querySelector("title"); };
		return r.violations.map(v => ({...v, nodes: v.id === "label-content-name-mismatch" ? v.nodes.filter(n => !svgTitled(n)) : v.nodes}))
			.filter(v => v.nodes.length > 0)
			.map(v => ({ID: v.id, Impact: v.impact || "", Help: v.help,
				Nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 240))}));
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		s.t.Fatalf("running axe-core: %v", err)
	}
	return v
}

// Every view of the demo, the presenter view, blind mode and the article form pass
// axe-core's WCAG 2.1 A and AA rules: the ones a machine can check (names, roles,
// contrast, labels, landmarks). Before this test the brand icon had no text
// alternative (go-app leaves out an empty alt) and the coverage matrix's cells were
// named in other words than the ones they show ("first third" for "first ⅓").
func TestBrowserAccessibility(t *testing.T) {
	axe := axeScript(t)
	s := newSession(t)
	s.open()
	s.do("loading axe-core", chromedp.Evaluate[chromedp.Void](axe))
	check := func(what string) {
		t.Helper()
		time.Sleep(300 * time.Millisecond) // steps and folds drawn a turn later
		for _, v := range s.audit() {
			t.Errorf("%s: %s (%s, %s):\n  %s", what, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, "\n  "))
		}
	}
	for _, tab := range []string{"aligned", "coverage", "articles", "unique", "worksheet", "framing"} {
		s.click("#tab-" + tab)
		s.waitFor("the "+tab+" view", fmt.Sprintf(`document.querySelector("#tab-%s").getAttribute("aria-selected") === "true" && `+rowsDrawn, tab))
		check("the " + tab + " view")
		if tab == "coverage" {
			// A cell's name starts with the words it shows ("first ⅓: claim 3 in …"),
			// so that a reader who speaks to the page can name it by what they see.
			if bad := jsEval[[]string](s, `[...document.querySelectorAll("#coverage .hit")].filter(g => !g.getAttribute("aria-label").startsWith(g.querySelector(".celltext").textContent + ": ")).map(g => g.getAttribute("aria-label"))`); len(bad) > 0 {
				t.Errorf("%d coverage cells are named in other words than they show, as %q", len(bad), bad[0])
			}
		}
	}
	// The aligned view with a claim's "why?" and framing opened.
	s.click("#tab-aligned")
	s.waitFor("the aligned view", `document.querySelectorAll("#aligned tr.claim").length > 0 && `+rowsDrawn)
	s.do("opening a claim's evidence and framing", chromedp.Evaluate[chromedp.Void](`(() => {
		document.querySelector("#aligned tr.claim details") && (document.querySelector("#aligned tr.claim details").open = true);
		const b = document.querySelector("#aligned .frbtn:not([disabled])"); if (b) b.click();
	})()`))
	check("the aligned view with a claim's evidence and framing open")
	// A picked sentence in the Articles tab.
	s.click("#tab-articles")
	s.waitFor("the Articles tab", `!!document.querySelector("#articles .body .sent.shared")`)
	s.click("#articles .body .sent.shared")
	s.waitFor("the counterparts", `document.querySelectorAll("#articles .counter li").length > 0`)
	check("the Articles tab with a sentence picked")
	// The presenter view.
	s.click("#present")
	s.waitFor("the presenter view", `!!document.querySelector("#presenter .pres-text .sent")`)
	check("the presenter view")
	s.do("leaving the presenter view", chromedp.KeyEvent(kb.Escape))
	s.waitFor("the page", `!document.querySelector("#presenter")`)
	// The form to paste an article.
	s.click("#add")
	s.waitFor("the form", `!!document.querySelector("#f-outlet")`)
	check("the form to paste an article")
	s.do("closing the form", chromedp.KeyEvent(kb.Escape))
	// Blind mode.
	s.click("#blind")
	s.waitFor("blind mode", `document.title === "Parallax: blind comparison"`)
	check("blind mode")
	s.noConsoleErrors()
}
