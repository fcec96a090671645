//go:build browser && !js

package main

import (
	"context"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var framingShotPath = flag.String("screenshot-framing", "", "write a screenshot of the seed demo's framing of the Gaza death-toll claim to this PNG file")

// The framing signals of the seed demo in Chromium: labels highlighted in the aligned
// view, the Gaza death-toll claim's framing (000's malformed 22,0000 next to 002's
// caveated 23,000), the Framing tab's findings, placement words in the coverage
// matrix, keyboard access and print.
func TestBrowserFraming(t *testing.T) {
	s := newSession(t)
	s.open()
	if got := s.status(); got != "done" {
		t.Fatalf("status = %q, want done; page says %q", got, s.text("#status"))
	}
	t.Logf("first aligned view %.0f ms after navigation (framing included); longest main-thread task %.0f ms",
		jsEval[float64](s, `(performance.getEntriesByName("parallax-aligned")[0] || {startTime: -1}).startTime`), maxOf(s.longTasks()))

	// Labels are highlighted in the sentences, as text.
	marks := jsEval[map[string]any](s, `(() => {
		const ms = [...document.querySelectorAll("#aligned mark.lbl")];
		const find = (doc, text) => ms.some(m => m.closest("td") && m.closest("td").dataset.doc.startsWith(doc) && m.innerText === text && m.title.length > 20 && m.children.length === 0);
		return {n: ms.length, hamasRun: find("002_", "Hamas-run"), caveat: ms.some(m => m.classList.contains("lbl-caveat") && m.innerText === "cannot be independently verified")};
	})()`)
	if marks["n"].(float64) == 0 || marks["hamasRun"] != true || marks["caveat"] != true {
		t.Errorf("labels in the aligned view: %v; want 002's “Hamas-run” and the caveat “cannot be independently verified” marked, with notes", marks)
	}

	// The claim with 000's 22,0000: open its framing.
	id := jsEval[string](s, `(() => {
		for (const tr of document.querySelectorAll("tr.claim")) {
			const a = tr.querySelector('td[data-doc^="000_"]');
			if (a && a.innerText.includes("22,0000") && tr.querySelector(".frbtn")) return tr.id;
		}
		return "";
	})()`)
	if id == "" {
		t.Fatal("no claim with 000's “22,0000” has a framing button")
	}
	if flags := s.text("#" + id + " .frflags"); !strings.Contains(flags, "check a number") {
		t.Errorf("claim %s flags %q, want “check a number”", id, flags)
	}
	s.click("#" + id + " .frbtn")
	s.waitFor("the claim's framing", `!!document.querySelector("#`+id+` .frpanel")`)
	panel := s.text("#" + id + " .frpanel")
	for _, want := range []string{"How each outlet frames claim", "22,0000", "check", "23,000", "Hamas-run Gaza Health Ministry", "cannot be independently verified", "2024-01-04", "2024-01-09", "named source", "does not report this claim"} {
		if !strings.Contains(panel, want) {
			t.Errorf("the framing of claim %s lacks %q:\n%s", id, want, panel)
		}
	}
	if n := jsEval[int](s, `document.querySelectorAll("#`+id+` .frpanel .place").length`); n == 0 {
		t.Errorf("the framing of claim %s does not say where each outlet puts it", id)
	}
	// At 1400 px the panel's tables fit it: no column cut off behind a sideways scroll.
	if cut := s.cutTables("#" + id + " .frpanel"); len(cut) > 0 {
		t.Errorf("the framing of claim %s does not fit its panel: %v", id, cut)
	}
	if *framingShotPath != "" {
		s.do("scrolling", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); window.scrollTo(0, document.querySelector("#`+id+` .frpanel").getBoundingClientRect().top + window.scrollY - 330)`))
		buf, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*framingShotPath, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", *framingShotPath)
	}
	// On a phone each outlet's row is a card, each cell a line: nothing to scroll
	// sideways either.
	s.cdp("a phone's width", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 1, Mobile: true})
		return err
	})
	if cut := s.cutTables("#" + id + " .frpanel"); len(cut) > 0 {
		t.Errorf("at 390 px, the framing of claim %s does not fit its panel: %v", id, cut)
	}
	if got := jsEval[string](s, `(() => { const td = document.querySelector("#`+id+` .frbyoutlet td"); return getComputedStyle(td).display + " " + getComputedStyle(td, "::before").content; })()`); got != `block "Where: "` {
		t.Errorf("at 390 px, an outlet's cell in the framing of claim %s is %q, want a block named “Where: ”", id, got)
	}
	s.cdp("the desktop's width again", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
		return err
	})
	// Escape closes it and gives the focus back to its button.
	s.do("pressing Escape", chromedp.Focus(chromedp.CSS("#"+id+" .frpanel button")), chromedp.KeyEvent(kb.Escape))
	s.waitFor("the closed framing", `!document.querySelector("#`+id+` .frpanel") && document.activeElement === document.querySelector("#`+id+` .frbtn")`)

	// The Framing tab.
	s.click("#tab-framing")
	s.waitFor("the framing view", `!!document.querySelector("#framing #fr-labels")`)
	got := jsEval[map[string]string](s, `(() => {
		const cell = (sel, doc) => { const e = document.querySelector(sel + ' [data-doc^="' + doc + '_"]'); return e ? e.innerText : ""; };
		const sec = (id) => { const h = document.getElementById(id); return h ? h.closest("section").innerText : ""; };
		const hamas = document.querySelector('#framing tr[data-actor="Hamas"]');
		const first = document.querySelector('section[aria-labelledby="fr-voices"] tr[data-doc^="001_"] li');
		return {
			labels002: cell('section[aria-labelledby="fr-labels"] tbody', "002"),
			hamas001: hamas ? hamas.querySelector('[data-doc^="001_"]').innerText : "",
			hamas004: hamas ? hamas.querySelector('[data-doc^="004_"]').innerText : "",
			hamas: hamas ? hamas.querySelector("th").innerText : "",
			voice001: first ? first.innerText : "",
			sourcing: sec("fr-sourcing"), checks: sec("fr-checks"), voices: sec("fr-voices"), omissions: sec("fr-omissions"),
			howto: (document.querySelector("#howto") || {}).innerText || "",
		};
	})()`)
	for _, tc := range []struct{ key, want string }{
		{"labels002", "Hamas-run"},
		{"labels002", "cannot be independently verified"},
		{"hamas001", "militant group"},
		{"hamas004", "terrorist group"},
		{"hamas", "words differ"},
		{"voice001", "Antony J. Blinken: 172 words"},
		{"sourcing", "caveat"},
		{"checks", "more than 22,0000 Palestinians"},
		{"checks", "a typo for 22,000 or 220,000?"},
		{"voices", "Quoted by one outlet only"},
		{"omissions", "leaves out"},
		{"howto", "not at bias"},
	} {
		if !strings.Contains(got[tc.key], tc.want) {
			t.Errorf("framing view, %s: %q lacks %q", tc.key, got[tc.key], tc.want)
		}
	}
	// A label's note shows on keyboard focus.
	s.do("focusing a label", chromedp.Focus(chromedp.CSS(`#framing .tip .term`)))
	if vis := jsEval[bool](s, `getComputedStyle(document.activeElement.parentElement.querySelector(".tippop")).display !== "none"`); !vis {
		t.Error("a label's note does not show on focus")
	}
	// The words in the closed folds are on the page, for the browser's find in page
	// (which opens a fold where it finds them): here, what only one outlet reports.
	s.waitFor("the closed folds' bodies", `!!document.querySelector("#framing details.only-fr:not([open]) .frlist li")`)
	if found := jsEval[string](s, `(() => {
		const li = document.querySelector("#framing details.only-fr:not([open]) .frlist li");
		const words = li.lastChild.textContent.trim().split(/\s+/).slice(0, 6).join(" ");
		return window.find(words) ? "" : words;
	})()`); found != "" {
		t.Errorf("find does not reach %q, in a closed fold of the framing view", found)
	}
	// A claim an outlet leaves out is one click from the aligned view.
	s.do("opening an outlet's omissions", chromedp.Evaluate[chromedp.Void](`document.querySelector("#framing details.only-fr").open = true`))
	s.click("#framing details.only-fr .claimlinks button")
	s.waitFor("the left-out claim", `!!document.querySelector("tr.claim.focus") && document.activeElement === document.querySelector("tr.claim.focus")`) // focused once scrolled to

	// The coverage matrix says where, in the framing view's words.
	s.click("#tab-coverage")
	s.waitFor("the coverage matrix", `document.querySelectorAll("#coverage svg .hit").length > 0`)
	cov := jsEval[map[string]any](s, `(() => {
		const texts = [...document.querySelectorAll("#coverage .celltext")].map(e => e.textContent);
		return {lead: texts.includes("lead"), words: texts.every(t => ["lead", "first ⅓", "middle", "last ⅓"].includes(t)),
			label: document.querySelector("#coverage .hit").getAttribute("aria-label"), scale: document.querySelector("#coverage .scale").innerText};
	})()`)
	if cov["lead"] != true || cov["words"] != true || !strings.Contains(cov["scale"].(string), "first third") {
		t.Errorf("coverage cells and legend do not use the placement words: %v", cov)
	}
	if l := cov["label"].(string); !strings.Contains(l, "sentence ") || !(strings.Contains(l, "lead") || strings.Contains(l, "third") || strings.Contains(l, "middle")) {
		t.Errorf("coverage cell label %q does not say where", l)
	}

	// Print: the framing tab is a handout.
	s.click("#tab-framing")
	s.waitFor("the framing view", `!!document.querySelector("#framing")`)
	s.media("print")
	if ok := jsEval[bool](s, `getComputedStyle(document.querySelector(".tabs")).display === "none" && getComputedStyle(document.querySelector("#framing")).display !== "none" && getComputedStyle(document.querySelector("#framing .frtable")).display !== "none"`); !ok {
		t.Error("printing hides the framing view or shows the tabs")
	}
	s.noConsoleErrors()
}

// cutTables returns, for each scrolling table box inside sel that is wider than its
// box (so that a column is cut off until one scrolls sideways), its name and widths.
func (s *session) cutTables(sel string) []string {
	s.t.Helper()
	return jsEval[[]string](s, `[...document.querySelectorAll(`+jsString(sel+" .scroll")+`)].filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.getAttribute("aria-label") + ": " + b.scrollWidth + " px in " + b.clientWidth)`)
}
