//go:build browser && !js

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var (
	blindShotPath   = flag.String("screenshot-blind", "", "write a screenshot of blind mode to this PNG file")
	presentShotPath = flag.String("screenshot-presenter", "", "write a screenshot of the presenter view to this PNG file")
)

// giveawaysJS is a JavaScript regular expression of the ways the seeds name their
// outlets and reporters.
const giveawaysJS = `/\b(cnn|times of israel|new york times|associated press|ap news|republished|lazar berman|jennifer hansler)\b|\bAP\b/i`

// shot writes a PNG screenshot of the viewport if path is set.
func (s *session) shot(path string) {
	s.t.Helper()
	if path == "" {
		return
	}
	buf, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// cdp runs a DevTools call on the tab and fails the test on error.
func (s *session) cdp(what string, call func(ctx context.Context) error) {
	s.t.Helper()
	s.do(what, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error { return call(ctx) }))
}

// media makes the tab render for a CSS media type: "print", or "" for the screen again.
func (s *session) media(m string) {
	s.t.Helper()
	s.cdp("emulating media "+m, func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	})
}

// giveaway returns the first outlet name in the page's text and title, or "".
func (s *session) giveaway() string {
	return jsEval[string](s, `(() => {
		const g = document.querySelector("#guesses");
		if (g) g.hidden = true; // the choices for a guess list the outlets, in alphabetical order
		const m = (document.title + "\n" + document.body.innerText).match(`+giveawaysJS+`);
		if (g) g.hidden = false;
		return m ? m[0] + " (in “" + m.input.slice(Math.max(0, m.index - 60), m.index + 60) + "”)" : "";
	})()`)
}

// TestBrowserBlindMode hides the outlets of the demo in every tab, the title and
// the article list, takes the class's guesses and reveals them.
func TestBrowserBlindMode(t *testing.T) {
	s := newSession(t)
	s.open()
	if got := s.giveaway(); got == "" {
		t.Fatal("the demo names no outlet before blind mode: the check cannot fail")
	}
	s.click("#blind")
	s.waitFor("masked columns", `(() => { const th = document.querySelector(".grid thead th.refcol .outlet"); return !!th && th.innerText.startsWith("Outlet ") && document.querySelector(".px").dataset.status === "done"; })()`)
	if title := jsEval[string](s, `document.title`); title != "Parallax: blind comparison" {
		t.Errorf("title %q", title)
	}
	tabs := jsEval[[]string](s, `[...document.querySelectorAll(".tab")].map(b => b.id)`)
	if len(tabs) < 6 {
		t.Fatalf("tabs %v", tabs)
	}
	s.watchNoClaims()
	for _, id := range tabs {
		s.click("#" + id)
		s.waitFor("tab "+id, fmt.Sprintf(`document.querySelector("#%s").getAttribute("aria-selected") === "true"`, id))
		if id == "tab-articles" { // open the set-aside pieces, where bylines are
			jsEval[bool](s, `(document.querySelectorAll("details").forEach(d => d.open = true), true)`)
			s.waitFor("the page debris", `!document.querySelector("#articles details.debris") || !!document.querySelector("#articles details.debris li")`)
		}
		if got := s.giveaway(); got != "" {
			t.Errorf("%s names %q in blind mode", id, got)
		}
	}
	s.click("#tab-aligned")
	s.waitFor("the aligned view's rows", `document.querySelector("#aligned tr.claim") && `+rowsDrawn)
	if n := s.noClaimsSeen(); n != 0 {
		t.Errorf("going through the tabs, the page said the demo's articles share no claims (%d times)", n)
	}
	if n := jsEval[int](s, `document.querySelectorAll("#workspace .cardbtns, #add").length`); n != 0 {
		t.Errorf("%d edit controls in blind mode", n)
	}

	// The class guesses Outlet A, then the teacher reveals.
	choices := jsEval[[]string](s, `[...document.querySelectorAll("#guess-a option")].slice(1).map(o => o.value)`)
	if len(choices) != 4 {
		t.Fatalf("guess choices %v, want the 4 outlets", choices)
	}
	s.do("guessing", chromedp.SetValue(chromedp.CSS("#guess-a"), choices[0]))
	jsEval[bool](s, `(document.querySelector("#guess-a").dispatchEvent(new Event("change", {bubbles: true})), true)`)
	jsEval[bool](s, `(document.querySelector("#classroom").scrollIntoView(), true)`)
	s.shot(*blindShotPath)
	s.click("#reveal")
	s.waitFor("the answers", `!!document.querySelector("#answers") && document.querySelector(".px").dataset.status === "done"`)
	answers := s.text("#answers")
	if !strings.Contains(answers, choices[0]) || !(strings.Contains(answers, "✓") || strings.Contains(answers, "✗")) || !strings.Contains(answers, "no guess") {
		t.Errorf("answers:\n%s", answers)
	}
	if s.giveaway() == "" {
		t.Error("revealed, the page still names no outlet")
	}
	// Blind mode lasts through a reload; leaving it shows the outlets.
	s.click("#hide")
	s.waitFor("hidden again", `!document.querySelector("#answers") && !!document.querySelector("#guesses")`)
	s.do("reloading", chromedp.Reload())
	s.waitDone()
	s.waitFor("blind after reload", `!!document.querySelector("#guesses")`)
	if got := s.giveaway(); got != "" {
		t.Errorf("after a reload the page names %q", got)
	}
	if v := jsEval[string](s, `document.querySelector("#guess-a").value`); v != choices[0] {
		t.Errorf("after a reload the guess for Outlet A is %q, want %q", v, choices[0])
	}
	s.click("#blind")
	s.waitFor("outlets shown", `!document.querySelector("#guesses") && document.title.startsWith("Parallax: how")`)
	s.noConsoleErrors()
}

// TestBrowserPresenter steps through claims in the presenter view at 1920×1080 with
// the keys a clicker sends.
func TestBrowserPresenter(t *testing.T) {
	s := newSession(t)
	s.cdp("1920×1080", func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1920, Height: 1080, DeviceScaleFactor: 1})
		return err
	})
	s.open()
	s.watchNoClaims()
	s.click("#present")
	s.waitFor("the presenter view", `!!document.querySelector("#presenter .pres-text .sent")`)
	if n := s.noClaimsSeen(); n != 0 {
		t.Errorf("opening, the presenter said the demo's articles share no claims (%d times)", n)
	}
	size := jsEval[float64](s, `Math.min(...[...document.querySelectorAll("#presenter .pres-text .sent")].map(e => parseFloat(getComputedStyle(e).fontSize)))`)
	if size < 28 {
		t.Errorf("claim text is %.0f px at 1920×1080, want at least 28", size)
	}
	step := func() string { return s.text("#pres-step") + " | " + s.text("#pres-progress") }
	if got := step(); !strings.HasPrefix(got, "Step 1 of 3") || !strings.Contains(got, "Claim 1 of") {
		t.Errorf("start: %q", got)
	}
	if n := jsEval[int](s, `document.querySelectorAll("#presenter ins, #presenter del").length`); n != 0 {
		t.Errorf("the wording step shows %d marks", n)
	}
	press := func(key string, want string) {
		t.Helper()
		s.do("pressing "+key, chromedp.KeyEvent(key))
		s.waitFor(want, fmt.Sprintf(`(document.querySelector("#pres-step")||{}).innerText + " | " + (document.querySelector("#pres-progress")||{}).innerText === %q`, want))
	}
	total := strings.TrimPrefix(strings.SplitN(s.text("#pres-progress"), " of ", 2)[1], "")
	press(kb.ArrowRight, "Step 2 of 3: what differs | Claim 1 of "+total)
	if n := jsEval[int](s, `document.querySelectorAll("#presenter ins, #presenter del").length`); n == 0 {
		t.Error("the differences step shows no marks")
	}
	press(" ", "Step 3 of 3: the framing | Claim 1 of "+total)
	if n := jsEval[int](s, `document.querySelectorAll("#pres-framing .scroll").length`); n == 0 {
		t.Error("the framing step of claim 1 shows no framing table")
	} else if cut := s.cutTables("#pres-framing"); len(cut) > 0 {
		t.Errorf("the presenter's framing does not fit the screen: %v", cut)
	}
	press(kb.PageDown, "Step 1 of 3: the wording | Claim 2 of "+total)
	// Claim 2's framing starts below the screen: the framing step scrolls it into
	// view, and a new claim starts at the top again.
	framingShown := `(() => { const r = document.querySelector("#pres-framing").getBoundingClientRect(); return r.top > -2 && r.top < innerHeight - 100; })()`
	atTop := `document.querySelector("#presenter").scrollTop === 0`
	press(kb.ArrowRight, "Step 2 of 3: what differs | Claim 2 of "+total)
	press(kb.ArrowDown, "Step 3 of 3: the framing | Claim 2 of "+total)
	s.waitFor("claim 2's framing in view", framingShown)
	press(kb.ArrowLeft, "Step 2 of 3: what differs | Claim 2 of "+total)
	s.waitFor("claim 2's sentences in view", atTop)
	press(kb.PageUp, "Step 1 of 3: the wording | Claim 2 of "+total)
	press(kb.PageUp, "Step 3 of 3: the framing | Claim 1 of "+total)
	s.waitFor("claim 1's framing in view", framingShown)
	press(kb.ArrowLeft, "Step 2 of 3: what differs | Claim 1 of "+total)
	press(kb.End, "Step 1 of 3: the wording | Claim "+total+" of "+total)
	press(kb.Home, "Step 1 of 3: the wording | Claim 1 of "+total)
	press(kb.ArrowRight, "Step 2 of 3: what differs | Claim 1 of "+total)
	if v := jsEval[string](s, `String(document.querySelector("#pres-bar").value)`); v == "0" || v == "" {
		t.Errorf("progress %q", v)
	}
	s.shot(*presentShotPath)
	s.do("pressing Escape", chromedp.KeyEvent(kb.Escape))
	s.waitFor("leaving", `!document.querySelector("#presenter") && document.activeElement && document.activeElement.id === "present"`)
	s.noConsoleErrors()
}

// TestBrowserWorksheet prints the worksheet: the print button opens the print
// dialog on the worksheet, and the print stylesheet prints the worksheet alone.
func TestBrowserWorksheet(t *testing.T) {
	s := newSession(t)
	s.open()
	jsEval[bool](s, `(window.print = () => { window.__printed = (window.__printed || 0) + 1; }, true)`)
	s.click("#worksheet")
	s.waitFor("the print dialog", `window.__printed === 1 && !!document.querySelector("#worksheet-sheet")`)
	if n := jsEval[int](s, `document.querySelectorAll("#worksheet-sheet .ws-claim").length`); n < 5 {
		t.Errorf("%d claims on the worksheet", n)
	}
	s.media("print")
	hiddenInPrint := jsEval[[]string](s, `[".px-head", "#workspace", ".tabs", "#classroom", "#status", ".ws-noprint"].filter(sel => { const e = document.querySelector(sel); return e && getComputedStyle(e).display !== "none"; })`)
	if len(hiddenInPrint) > 0 {
		t.Errorf("printed with the worksheet: %v", hiddenInPrint)
	}
	if jsEval[string](s, `getComputedStyle(document.querySelector("#worksheet-sheet")).display`) == "none" {
		t.Error("the worksheet does not print")
	}
	var pdf []byte
	s.cdp("printing to PDF", func(ctx context.Context) error {
		r, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{})
		pdf = r.Data
		return err
	})
	pages := bytes.Count(pdf, []byte("/Type /Page")) - bytes.Count(pdf, []byte("/Type /Pages"))
	t.Logf("worksheet: %d pages, %d KB of PDF", pages, len(pdf)>>10)
	if pages < 1 || pages > 12 {
		t.Errorf("the worksheet prints on %d pages", pages)
	}
	s.media("")
	s.click("#blind")
	s.waitFor("the blind worksheet", `document.querySelector(".px").dataset.status === "done" && (document.querySelector("#worksheet-sheet")||{innerText:""}).innerText.includes("Who wrote what?")`)
	if got := s.giveaway(); got != "" {
		t.Errorf("the blind worksheet names %q", got)
	}
	s.noConsoleErrors()
}
