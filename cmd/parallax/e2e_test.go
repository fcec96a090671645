//go:build browser && !js

// End-to-end tests of the browser app in headless Chromium, driven by chromedp.
// They need web/app.wasm (make build) and Chromium; run them with make test-browser.
// Without Chromium they skip, unless CI=true, where they fail.

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	ui "parallax/app"
	"parallax/compare"
	"parallax/seeds"
)

var screenshotPath = flag.String("screenshot", "", "write a screenshot of the seed demo's aligned view to this PNG file")

// repoRoot holds web/ with the built app.
const repoRoot = "../.."

// chromium finds the browser: $CHROMIUM, then the usual names on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "Chromium is not installed: install it (Debian: apt-get install chromium) or set CHROMIUM to its path")
	return ""
}

// missing ends a test that needs a tool this machine lacks: a failure on CI
// (CI=true), where .ci/run installs it, and a skip elsewhere.
func missing(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// instrument runs in every page before its own scripts: it records main-thread long
// tasks, so the tests can report the longest, and layout shifts not caused by the
// reader (what moves under the pointer), with the elements that moved.
const instrument = `
window.__longTasks = [];
window.__shifts = [];
try {
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })
    .observe({type: "longtask", buffered: true});
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      const who = (e.sources || []).map((s) => s.node ? (s.node.id ? "#" + s.node.id : (s.node.className || s.node.nodeName)) : "?").join(", ");
      window.__shifts.push({value: e.value, at: e.startTime, who: who});
    }
  }).observe({type: "layout-shift", buffered: true});
} catch (e) {}
`

// session is one headless Chromium with one tab on a fresh server (a fresh origin,
// so a fresh localStorage).
type session struct {
	t     *testing.T
	ctx   context.Context
	url   string
	close func() // ends the browser and the server; also run when the test ends

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

func newSession(t *testing.T) *session {
	t.Helper()
	exe := chromium(t)
	if _, err := os.Stat(filepath.Join(repoRoot, "web", "app.wasm")); err != nil {
		t.Fatal("web/app.wasm is missing: run 'make build' first")
	}
	registerRoutes()
	h, err := newHandler(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.WindowSize(1400, 1000),
		chromedp.Flag("lang", "en-US"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	closeAll := func() { cancelTime(); cancelTab(); cancelAlloc(); srv.Close() }
	t.Cleanup(closeAll)

	s := &session{t: t, ctx: ctx, url: srv.URL + "/", close: closeAll}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: instrument})
		return err
	})); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			s.mu.Lock()
			s.console = append(s.console, m)
			s.mu.Unlock()
		}
	}()
	return s
}

// do runs actions and fails the test on error.
func (s *session) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	if err := chromedp.Do(s.ctx, actions...); err != nil {
		s.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and returns its value.
func jsEval[T any](s *session, expr string) T {
	s.t.Helper()
	v, err := chromedp.Run(s.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		s.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds, for up to a minute.
func (s *session) waitFor(what, cond string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 60*time.Second)
	defer cancel()
	// The context bounds the wait: chromedp's own polling limit (30 s) is off.
	poll := chromedp.Poll[bool](cond, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(0))
	if _, err := chromedp.Run(ctx, poll); err != nil {
		s.mu.Lock()
		var log []string
		for _, m := range s.console {
			log = append(log, string(m.Type)+": "+m.Text)
		}
		s.mu.Unlock()
		s.t.Fatalf("waiting for %s (%s): %v\nstatus: %q\npx: %s\nbody: %.2000s\nconsole:\n%s", what, cond, err, s.text("#status"), jsEval[string](s, `(document.querySelector(".px")||{}).outerHTML.slice(0,200)`), s.text("body"), strings.Join(log, "\n"))
	}
}

// text returns the text of the first element matching a CSS selector, or "".
func (s *session) text(sel string) string {
	s.t.Helper()
	v, err := chromedp.Run(s.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(document.querySelector(%q) || {}).innerText || ""`, sel)))
	if err != nil {
		return ""
	}
	return v
}

// open loads the app and waits until the client has compared the articles: the
// prerendered page says "idle", only the client says "done".
func (s *session) open() {
	s.t.Helper()
	s.do("loading the app", chromedp.Navigate(s.url))
	s.waitDone()
}

// waitDone waits for a finished comparison (or a settled empty workspace), for the
// aligned view, if shown, to have drawn all its rows (it draws them in steps), and for
// the framing signals.
func (s *session) waitDone() {
	s.t.Helper()
	s.waitFor("the comparison", `(() => { const p = document.querySelector(".px"); return !!p && p.dataset.client === "1" && (p.dataset.status === "done" || p.dataset.status === "idle" || p.dataset.status === "failed") && `+rowsDrawn+`; })()`)
}

// rowsDrawn holds when the aligned view, if shown, has drawn all its rows (it draws
// them in steps), and the framing signals, which come after the alignment, have come.
const rowsDrawn = `!document.querySelector('#aligned[data-pending="1"]') && !document.querySelector('.px[data-framing="due"]')`

// watchNoClaims counts, from now on, every time the page holds the message that the
// articles share no claims (the aligned view's or the presenter's); noClaimsSeen
// returns the count. The demo's articles share claims, so any is false: a view drawn
// before its rows said so until go-app ran its OnMount.
func (s *session) watchNoClaims() {
	jsEval[bool](s, `(window.__noClaims = 0, new MutationObserver(() => { if (document.querySelector("#aligned p.empty, .pres-empty")) window.__noClaims++; }).observe(document.body, {childList: true, subtree: true, characterData: true}), true)`)
}

func (s *session) noClaimsSeen() int { return jsEval[int](s, `window.__noClaims`) }

// status returns the app's comparison status.
func (s *session) status() string {
	return jsEval[string](s, `document.querySelector(".px").dataset.status`)
}

// noConsoleErrors fails the test if the page logged errors or threw.
func (s *session) noConsoleErrors() {
	s.t.Helper()
	time.Sleep(100 * time.Millisecond)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.console {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			s.t.Errorf("console %s: %s", m.Type, m.Text)
		}
	}
}

// contains reports whether the page's text contains want.
func (s *session) contains(sel, want string) bool {
	return strings.Contains(s.text(sel), want)
}

// click clicks the first element matching a CSS selector.
func (s *session) click(sel string) {
	s.t.Helper()
	s.do("clicking "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// waitStatus waits until the status line contains want.
func (s *session) waitStatus(want string) {
	s.t.Helper()
	s.waitFor(fmt.Sprintf("status %q", want), fmt.Sprintf(`(() => { const p = document.querySelector(".px"); return !!p && p.dataset.client === "1" && p.dataset.status !== "working" && (document.querySelector("#status") || {innerText: ""}).innerText.includes(%q) && %s; })()`, want, rowsDrawn))
}

// paste adds an article through the form: the outlet typed key by key, the text set
// as the value of the text box (typing thousands of characters would be slow).
func (s *session) paste(outlet, text string) {
	s.t.Helper()
	s.click("#add")
	s.do("filling the form",
		chromedp.WaitVisible(chromedp.CSS("#f-outlet")),
		chromedp.SendKeys(chromedp.CSS("#f-outlet"), outlet),
		chromedp.SetValue(chromedp.CSS("#f-text"), text),
	)
	s.click("#f-save")
}

// loadWorkspace saves the workspace ws (the app's localStorage format: "articles",
// "view"…) as the app keeps it, and reloads the page on it.
func (s *session) loadWorkspace(ws map[string]any) {
	s.t.Helper()
	b, err := json.Marshal(ws)
	if err != nil {
		s.t.Fatal(err)
	}
	s.do("saving the workspace", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`localStorage.setItem("parallax/workspace/v1", %q)`, b)))
	s.do("reloading", chromedp.Reload())
}

// longTasks returns the durations of the main thread's long tasks so far, in ms.
func (s *session) longTasks() []float64 {
	return jsEval[[]float64](s, `window.__longTasks || []`)
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// The first visit keeps the page responsive and still: no main-thread task over the
// 200 ms budget while the app starts, compares the demo and draws it, and a layout
// shift (what moves under the reader) under 0.1. Timings on a shared
// machine vary from one load to the next (single visits of 100 to 190 ms within one
// run when other work loads the machine, 113 to 250 ms in a clean-clone CI run on a
// slow host, for the code of the stop before as for this one), so the budget holds
// for the median of seven first visits (each in a fresh browser profile); each is
// logged. The budget is the reference machine's: on a host that runs the engine
// slower than it does (hostSlowdown), it grows in proportion, at most twice.
func TestBrowserLoadBudget(t *testing.T) {
	const loads = 7
	slow := hostSlowdown(t)
	budget := 200 * slow
	var longest, aligned, shifts []float64
	for i := range loads {
		s := newSession(t)
		s.open()
		tasks := s.longTasks()
		first := jsEval[float64](s, `(performance.getEntriesByName("parallax-aligned")[0] || {startTime: -1}).startTime`)
		shift, moved := s.layoutShift()
		t.Logf("first visit %d: longest main-thread task %.0f ms (%d over 50 ms); first aligned view %.0f ms after navigation; layout shift %.3f (largest moved %s)", i+1, maxOf(tasks), len(tasks), first, shift, moved)
		longest, aligned, shifts = append(longest, maxOf(tasks)), append(aligned, first), append(shifts, shift)
		s.close() // an idle browser left open slows the next visit
	}
	slices.Sort(longest)
	slices.Sort(aligned)
	slices.Sort(shifts)
	t.Logf("median of %d first visits: longest main-thread task %.0f ms, first aligned view %.0f ms, layout shift %.3f", loads, longest[loads/2], aligned[loads/2], shifts[loads/2])
	if longest[loads/2] > budget {
		t.Errorf("the longest main-thread task while loading is %.0f ms (median of %d loads): over the budget, 200 ms on the reference machine (%.0f ms on this host)", longest[loads/2], loads, budget)
	}
	// 0.1 is the web's usual line for "good" (Core Web Vitals' cumulative layout shift).
	if shifts[loads/2] > 0.1 {
		t.Errorf("the page moves under the reader while it loads: layout shift %.3f (median of %d loads), over 0.1", shifts[loads/2], loads)
	}
}

// referenceAlign is how long aligning the seeds takes on the reference machine, the
// 2-core CI-class machine of the README's Speed section (BenchmarkAlignSeeds, one
// core, quiet: 16.9 ms).
const referenceAlign = 17 * time.Millisecond

// hostSlowdown returns how much slower than the reference machine this host runs the
// engine natively right now (the median of 15 alignments of the seeds), at least 1
// and at most 2: the machine is shared, and on one day the same benchmark took 20 to
// 32 ms, with first visits of the same build 50% longer. Timing budgets scale with it.
func hostSlowdown(t *testing.T) float64 {
	t.Helper()
	arts := seeds.Articles()
	docs := make([]compare.Document, len(arts))
	for i, a := range arts {
		docs[i] = compare.Parse(a)
	}
	var took []time.Duration
	for range 15 {
		start := time.Now()
		if _, err := compare.Align(docs, nil); err != nil {
			t.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	f := min(2, max(1, float64(took[len(took)/2])/float64(referenceAlign)))
	t.Logf("aligning the seeds here takes %v (median of %d), %v on the reference machine: timing budgets ×%.2f", took[len(took)/2], len(took), referenceAlign, f)
	return f
}

// layoutShift returns the page's cumulative layout shift so far (shifts the reader
// did not cause) and what moved in the largest one.
func (s *session) layoutShift() (float64, string) {
	total, largest, moved := 0.0, 0.0, ""
	for _, e := range jsEval[[]map[string]any](s, `window.__shifts || []`) {
		v, _ := e["value"].(float64)
		total += v
		if v > largest {
			largest, moved = v, fmt.Sprint(e["who"])
		}
	}
	return total, moved
}

// The seed demo: compared on first visit, the Gaza death-toll claim shows the wording
// of seeds 000 and 002 side by side with marks; the other views work; figures logged.
func TestBrowserDemo(t *testing.T) {
	s := newSession(t)
	s.open()
	if got := s.status(); got != "done" {
		t.Fatalf("status = %q, want done; page says %q", got, s.text("#status"))
	}
	firstAligned := jsEval[float64](s, `(performance.getEntriesByName("parallax-aligned")[0] || {startTime: -1}).startTime`)
	t.Logf("time from navigation to the first aligned view of the seeds: %.0f ms", firstAligned)
	t.Logf("longest main-thread task during load: %.0f ms (%d tasks over 50 ms)", maxOf(s.longTasks()), len(s.longTasks()))
	transferred := jsEval[float64](s, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((n, e) => n + e.transferSize, 0)`)
	t.Logf("bytes transferred for the whole app: %.0f (budget 2,000,000): %s", transferred,
		jsEval[string](s, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).map(e => new URL(e.name).pathname + " " + e.transferSize).join(", ")`))
	if transferred > 2e6 {
		t.Errorf("the app transferred %.2f MB: over its 2 MB budget (see WASM_GCFLAGS in the Makefile)", transferred/1e6)
	}
	wasm := jsEval[map[string]float64](s, `(() => { const e = performance.getEntriesByType("resource").find(e => e.name.endsWith("/web/app.wasm")) || {}; return {encoded: e.encodedBodySize || 0, decoded: e.decodedBodySize || 0}; })()`)
	t.Logf("app.wasm: %.2f MB over the wire, %.2f MB decoded", wasm["encoded"]/1e6, wasm["decoded"]/1e6)
	if wasm["encoded"] <= 0 || wasm["encoded"] > wasm["decoded"]/2 {
		t.Errorf("app.wasm came uncompressed (%v): are web/app.wasm.br and .gz missing or stale? run make build", wasm)
	}
	if firstAligned <= 0 {
		t.Error("the app did not mark its first aligned view (performance mark parallax-aligned)")
	}
	if got := jsEval[string](s, `document.querySelector(".px").dataset.engine`); got != "worker" {
		t.Errorf("the engine ran on %q, want in a Web Worker", got)
	}
	if !s.contains("header", "never leaves your machine") {
		t.Error("the header does not say that article text stays in the browser")
	}
	if !s.contains(".panel-articles", "demo") || jsEval[int](s, `document.querySelectorAll(".card").length`) != 5 {
		t.Errorf("the demo's five articles are not listed: %q", s.text(".panel-articles"))
	}

	// The Gaza death toll: 000 and 002 side by side, with diff marks and the
	// differing number marked.
	row := jsEval[map[string]any](s, `(() => {
		for (const tr of document.querySelectorAll("tr.claim")) {
			const a = tr.querySelector('td[data-doc^="000_"]'), b = tr.querySelector('td[data-doc^="002_"]');
			if (a && b && /according to the Gaza health ministry/i.test(a.innerText) && b.innerText.includes("Hamas-run Gaza Health Ministry")) {
				return {id: tr.id, marks: tr.querySelectorAll("ins, del").length, num: tr.querySelectorAll(".num").length,
					a: a.innerText, b: b.innerText, cols: document.querySelectorAll("thead th").length};
			}
		}
		return {};
	})()`)
	if row["id"] == nil {
		t.Fatalf("no claim shows 000's “according to the Gaza health ministry” next to 002's “Hamas-run Gaza Health Ministry”")
	}
	if row["marks"].(float64) == 0 {
		t.Errorf("claim %v has no diff marks", row["id"])
	}
	if row["num"].(float64) == 0 {
		t.Errorf("claim %v does not mark the differing death toll (22,0000 / 23,000)", row["id"])
	}
	if row["cols"].(float64) != 6 {
		t.Errorf("aligned view has %v header cells, want 6 (claim + 5 outlets)", row["cols"])
	}
	if !strings.Contains(s.text(".legend"), "words it adds") {
		t.Errorf("no legend for the marks: %q", s.text(".legend"))
	}
	// The two trips are two occasions, and the page says which articles are which.
	if n := jsEval[int](s, `document.querySelectorAll("#occasions li").length`); n != 2 || !strings.Contains(s.text("#occasions"), "CNN · 2024-02-07") {
		t.Errorf("the page lists %d occasions: %q; want the January and the February trip", n, s.text("#occasions"))
	}
	// The evidence shows on keyboard focus.
	s.do("focusing the evidence", chromedp.Focus(chromedp.CSS("#"+row["id"].(string)+" .evbtn")))
	if vis := jsEval[bool](s, `getComputedStyle(document.querySelector("#`+row["id"].(string)+` .evpop")).display !== "none"`); !vis {
		t.Error("the evidence of a claim does not show on focus")
	}
	if ev := s.text("#" + row["id"].(string) + " .evpop"); !strings.Contains(ev, "Shared") || !strings.Contains(ev, "(sentences are grouped from 0.09 up)") {
		t.Errorf("the evidence of a claim says %q; want what the sentences share and the match score against the grouping threshold", ev)
	}

	// A claim that gathers many sentences of one outlet shows four of them and folds
	// the rest behind a summary that counts them; a click shows them.
	s.waitFor("every row of the aligned view", `document.querySelector("#aligned").dataset.pending === "0"`)
	fold := jsEval[map[string]any](s, `(() => {
		const d = document.querySelector("#aligned td details.more-sents");
		if (!d) return {};
		const td = d.closest("td"), folded = [...d.querySelectorAll(".sent")];
		return {row: td.closest("tr").id, doc: td.dataset.doc, summary: d.querySelector("summary").innerText,
			folded: folded.length, visible: folded.filter(e => e.checkVisibility()).length,
			shown: [...td.querySelectorAll(".sent")].filter(e => !d.contains(e) && e.checkVisibility()).length};
	})()`)
	if fold["row"] == nil {
		t.Fatal("no cell of the demo folds sentences, though claims gather up to eight of one outlet")
	}
	n := int(fold["folded"].(float64))
	if want := fmt.Sprintf("%d more sentences from this outlet", n); n < 2 || fold["summary"] != want {
		t.Errorf("folded cell %v: summary %q for %d sentences", fold["row"], fold["summary"], n)
	}
	if fold["shown"].(float64) != 4 || fold["visible"].(float64) != 0 {
		t.Errorf("folded cell %v: %v sentences shown and %v of the %d folded ones visible; want 4 and 0", fold["row"], fold["shown"], fold["visible"], n)
	}
	foldedSel := fmt.Sprintf(`#%s td[data-doc=%q] details.more-sents`, fold["row"], fold["doc"])
	s.click(foldedSel + " summary")
	s.waitFor("the folded sentences", fmt.Sprintf(`[...document.querySelectorAll(%q)].every(e => e.checkVisibility())`, foldedSel+" .sent"))
	jsEval[bool](s, fmt.Sprintf(`(document.querySelector(%q).open = false, true)`, foldedSel))

	if *screenshotPath != "" {
		s.do("scrolling", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); document.querySelector("#status").scrollIntoView()`))
		buf, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*screenshotPath, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", *screenshotPath)
	}

	// Coverage: a heat map; clicking a cell jumps to the claim.
	s.click("#tab-coverage")
	s.waitFor("the coverage matrix", `document.querySelectorAll("#coverage svg .hit").length > 0`)
	claim := jsEval[string](s, `(() => { const g = document.querySelector("#coverage svg .hit"); g.dispatchEvent(new MouseEvent("click", {bubbles: true})); return g.getAttribute("aria-label"); })()`)
	// The claim is drawn highlighted at once, then scrolled to and focused: wait for
	// the focus, or the scroll may move the next click's target under it.
	s.waitFor("the claim from the matrix", `!!document.querySelector("tr.claim.focus") && document.activeElement === document.querySelector("tr.claim.focus")`)
	if n := strings.TrimPrefix(s.text("tr.claim.focus .n"), "#"); !strings.Contains(claim, ": claim "+n+" in ") {
		t.Errorf("clicked %q, the aligned view shows claim %s", claim, n)
	}

	// Articles: shaded sentences; picking one shows its counterparts.
	s.click("#tab-articles")
	s.waitFor("the article view", `document.querySelectorAll("#articles .sent.shared").length > 0 && document.querySelectorAll("#articles .sent.unique").length > 0`)
	s.click("#articles .body .sent.shared")
	s.waitFor("counterparts", `document.querySelectorAll(".counter li").length > 0`)

	// Only in one outlet.
	s.click("#tab-unique")
	s.waitFor("the unique view", `document.querySelectorAll("#unique details.only").length === 5 && document.querySelectorAll("#unique li").length > 0`)

	// The print stylesheet leaves out the controls: a clean handout of the view.
	s.media("print")
	if hidden := jsEval[bool](s, `[".panel-articles", ".tabs"].every(sel => getComputedStyle(document.querySelector(sel)).display === "none") && getComputedStyle(document.querySelector("#unique")).display !== "none"`); !hidden {
		t.Error("printing shows the article panel or the tabs, or hides the view")
	}
	// Print shows what the screen folds: every outlet's sentences, and in the aligned
	// view the folded ones.
	if n := jsEval[int](s, `[...document.querySelectorAll("#unique li")].filter(e => !e.checkVisibility()).length`); n > 0 {
		t.Errorf("printed, %d sentences of the collapsed outlets in “Only in one outlet” are hidden", n)
	}
	jsEval[bool](s, `(document.querySelector("#tab-aligned").click(), true)`) // the tabs are not printed
	s.waitFor("the aligned view", `!!document.querySelector("#aligned td details.more-sents:not([open])")`)
	if got := jsEval[[]int](s, `[document.querySelectorAll("#aligned .more-sents .sent").length, [...document.querySelectorAll("#aligned .more-sents .sent")].filter(e => !e.checkVisibility()).length]`); got[0] == 0 || got[1] > 0 {
		t.Errorf("printed, %d of the %d folded sentences of the aligned view are hidden", got[1], got[0])
	}

	s.noConsoleErrors()
}

// Adding a pasted article with HTML in it: shown as text, nothing injected; the
// comparison re-runs; a reload keeps it; removing and undoing re-run it too.
func TestBrowserPasteHostileArticle(t *testing.T) {
	s := newSession(t)
	s.open()
	before := len(s.longTasks())
	hostile := "<b>Evil</b> News"
	text := `<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"><iframe src="/"></iframe>
Secretary of State Antony Blinken met Israeli leaders in Tel Aviv on <em>Tuesday</em> to discuss the war in Gaza.
According to the Gaza Health Ministry, more than 23,000 Palestinians have been killed since October 7.`
	s.paste(hostile, text)
	s.waitStatus("6 articles compared")
	if got := jsEval[bool](s, `window.__pwned !== undefined`); got {
		t.Fatal("script in a pasted article ran")
	}
	if n := jsEval[int](s, `document.querySelectorAll(".px script, .px img[src='x'], .px iframe, .px b, .px em").length`); n != 0 {
		t.Errorf("%d elements injected from the pasted article", n)
	}
	if !s.contains(".cards", hostile) {
		t.Errorf("the outlet's name is not shown as text: %q", s.text(".cards"))
	}
	s.click("#tab-articles")
	s.click(".docpick button:last-child")
	s.waitFor("the pasted article", `document.querySelector("#articles .body").innerText.includes("<script>window.__pwned = 1</script>")`)
	tasks := s.longTasks()[before:]
	t.Logf("longest main-thread task while adding an article and comparing 6: %.0f ms", maxOf(tasks))

	// A reload keeps the article, and the view.
	s.do("reloading", chromedp.Reload())
	s.waitStatus("6 articles compared")
	if !s.contains(".cards", hostile) {
		t.Error("the pasted article is gone after a reload")
	}
	if got := jsEval[string](s, `document.querySelector("[role=tab][aria-selected=true]").id`); got != "tab-articles" {
		t.Errorf("after a reload the selected view is %s, want tab-articles", got)
	}
	if got := jsEval[bool](s, `window.__pwned !== undefined`); got {
		t.Fatal("script in a saved article ran after a reload")
	}

	// Remove it: the comparison runs again; undo puts it back.
	s.click("#rm-5")
	s.waitStatus("5 articles compared")
	s.click("#undo")
	s.waitStatus("6 articles compared")
	s.noConsoleErrors()
}

// Twenty articles (the most the app takes): compared in the worker, the page stays
// responsive; figures logged.
func TestBrowserTwentyArticles(t *testing.T) {
	s := newSession(t)
	s.open()
	var arts []compare.Article
	for i := 0; len(arts) < ui.MaxArticles; i++ {
		for _, a := range seeds.Articles() {
			if len(arts) < ui.MaxArticles {
				a.ID = fmt.Sprintf("%s-%d", a.ID, i)
				a.Outlet = fmt.Sprintf("%s %d", a.Outlet, i+1)
				arts = append(arts, a)
			}
		}
	}
	s.loadWorkspace(map[string]any{"articles": arts})
	s.waitStatus("20 articles compared")
	t.Logf("20 articles: %s", s.text("#status .done"))
	t.Logf("20 articles: longest main-thread task %.0f ms; first aligned view %.0f ms after navigation",
		maxOf(s.longTasks()), jsEval[float64](s, `(performance.getEntriesByName("parallax-aligned")[0] || {startTime: -1}).startTime`))
	if n := jsEval[int](s, `document.querySelectorAll("thead th").length`); n != 21 {
		t.Errorf("aligned view has %d header cells, want 21", n)
	}
	// Reordering re-runs the comparison; the page answers meanwhile.
	before := len(s.longTasks())
	s.click("#mvdown-0")
	// The click is handled a moment later: wait for the new order, then its comparison.
	s.waitFor("the first article moved down", `(document.querySelector(".card .outlet") || {innerText: ""}).innerText.startsWith("Associated Press")`)
	s.waitStatus("20 articles compared")
	t.Logf("20 articles, reordered: longest main-thread task %.0f ms", maxOf(s.longTasks()[before:]))
	// The coverage matrix of twenty articles: 1.5 s in one task when go-app made
	// its thousands of SVG elements one by one, 0.1–0.2 s as SVG read in one call.
	before = len(s.longTasks())
	s.click("#tab-coverage")
	s.waitFor("the coverage matrix", `!!document.querySelector("#coverage svg")`)
	cells, claims := jsEval[int](s, `document.querySelectorAll("#coverage .hit").length`), jsEval[int](s, `document.querySelectorAll("#coverage .rowlabel").length`)
	t.Logf("20 articles, the Coverage tab (%d claims, %d cells reported): longest main-thread task %.0f ms", claims, cells, maxOf(s.longTasks()[before:]))
	if cells < 2*claims || claims == 0 {
		t.Errorf("the coverage matrix shows %d claims and %d reported cells: each claim has at least two", claims, cells)
	}
	s.click("#coverage .hit")
	s.waitFor("the claim in the aligned view", `!!document.querySelector("tr.claim.focus")`)
	s.noConsoleErrors()
}

// Bad input: an empty form, a single article, a binary file: clear messages and a
// page that keeps working.
func TestBrowserBadInput(t *testing.T) {
	s := newSession(t)
	s.open()
	s.click("#add")
	s.do("filling the form", chromedp.SendKeys(chromedp.CSS("#f-outlet"), "Empty Times"))
	s.click("#f-save")
	s.waitFor("the form's error", `!!document.querySelector("#f-error")`)
	if msg := s.text("#f-error"); !strings.Contains(msg, "empty") {
		t.Errorf("saving an empty article says %q, want a message that the text is empty", msg)
	}
	s.click("#f-cancel")

	// Clear asks first.
	s.click("#clear")
	s.waitFor("the confirmation", `!!document.querySelector("#confirm")`)
	s.click("#confirm-no")
	if n := jsEval[int](s, `document.querySelectorAll(".card").length`); n != 5 {
		t.Fatalf("cancelling “clear” left %d articles, want 5", n)
	}
	s.click("#clear")
	s.click("#confirm-yes")
	s.waitStatus("No articles yet")

	s.paste("Lonely Post", "Only one outlet wrote this article about the talks. It has two sentences.")
	s.waitStatus("Only 1 article so far")
	if !s.contains(".panel-articles", "add at least one more") {
		t.Errorf("one article: the panel says %q", s.text(".panel-articles"))
	}

	// A binary file and a file that is not .txt are refused by name.
	dir := t.TempDir()
	bin := filepath.Join(dir, "photo.txt")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644)
	doc := filepath.Join(dir, "story.docx")
	os.WriteFile(doc, []byte("PK\x03\x04"), 0o644)
	s.do("uploading", chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{bin, doc}))
	// "Reading 2 file(s)…" shows while the browser reads them.
	s.waitFor("the upload's message", `(() => { const m = document.querySelector("#file-msg"); return !!m && !m.innerText.startsWith("Reading "); })()`)
	msg := s.text("#file-msg")
	for _, want := range []string{"photo.txt", "binary", "story.docx", ".txt"} {
		if !strings.Contains(msg, want) {
			t.Errorf("upload message %q lacks %q", msg, want)
		}
	}
	s.noConsoleErrors()
}

// Uploading .txt files adds them and compares.
func TestBrowserUpload(t *testing.T) {
	s := newSession(t)
	s.open()
	dir := t.TempDir()
	a := filepath.Join(dir, "Daily Planet.txt")
	os.WriteFile(a, []byte("Blinken arrives in Tel Aviv\n\nSecretary of State Antony Blinken arrived in Tel Aviv on Tuesday for talks with Prime Minister Benjamin Netanyahu about the hostages held in Gaza.\n"), 0o644)
	s.do("uploading", chromedp.SetUploadFiles(chromedp.CSS("#files"), []string{a}))
	s.waitStatus("6 articles compared")
	if !s.contains(".cards", "Daily Planet") {
		t.Errorf("the uploaded file is not listed: %q", s.text(".cards"))
	}
	s.noConsoleErrors()
}

// On a phone, no view is wider than the screen: wide tables scroll inside their own
// box, and the page itself never scrolls sideways.
func TestBrowserPhoneWidth(t *testing.T) {
	s := newSession(t)
	s.do("a phone's screen", chromedp.EmulateViewport(390, 844))
	s.open()
	for _, view := range []string{"aligned", "coverage", "articles", "unique", "worksheet", "framing"} {
		s.do("showing "+view, chromedp.Evaluate[chromedp.Void](`document.querySelector("#tab-`+view+`").click()`))
		s.waitFor("the "+view+" view", `document.querySelector("#tab-`+view+`").getAttribute("aria-selected") === "true" && `+rowsDrawn)
		wide := jsEval[[]string](s, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest(".scroll")).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : ""))`)
		if page := jsEval[float64](s, `document.documentElement.scrollWidth`); page > 390 || len(wide) > 0 {
			t.Errorf("%s view on a 390-pixel screen: the page is %.0f pixels wide; wider than the screen: %v", view, page, wide)
		}
		if view == "coverage" {
			// The outlet names above the columns are on screen whole, without
			// scrolling the matrix sideways: slanted, the last ones ran off it.
			cut := jsEval[[]string](s, `(() => { const box = document.querySelector("#coverage .scroll").getBoundingClientRect(), svg = document.querySelector("#coverage svg").getBoundingClientRect();
				return [...document.querySelectorAll("#coverage .collabel")].filter(e => { const r = e.getBoundingClientRect(); return r.width === 0 || r.left < box.left || r.right > Math.min(box.right, innerWidth) || r.top < svg.top; })
					.map(e => e.textContent + " at " + JSON.stringify(e.getBoundingClientRect())); })()`)
			if len(cut) > 0 || jsEval[bool](s, `(e => e.scrollWidth > e.clientWidth)(document.querySelector("#coverage .scroll"))`) {
				t.Errorf("coverage view on a 390-pixel screen: the matrix scrolls sideways or its column names are cut off: %v", cut)
			}
		}
	}
}

// Everything is reachable by keyboard: the skip link first, tabs with the arrow keys,
// a coverage cell with Enter.
func TestBrowserKeyboard(t *testing.T) {
	s := newSession(t)
	s.open()
	s.do("tabbing", chromedp.KeyEvent(kb.Tab))
	if got := jsEval[string](s, `document.activeElement.className`); got != "skip" {
		t.Errorf("the first Tab stop is %q, want the skip link", got)
	}
	// The skip link moves the focus, not only the scroll: the next Tab goes on from
	// the comparison.
	s.do("following the skip link", chromedp.KeyEvent(kb.Enter))
	s.waitFor("the focus on the comparison", `document.activeElement.id === "views"`)
	s.do("tabbing", chromedp.KeyEvent(kb.Tab))
	if got := jsEval[string](s, `document.activeElement.id + (document.querySelector("#views").contains(document.activeElement) ? "" : " (outside the comparison)")`); strings.HasSuffix(got, "(outside the comparison)") {
		t.Errorf("the Tab after the skip link goes to %s", got)
	}
	s.do("focusing the tabs", chromedp.Focus(chromedp.CSS("#tab-aligned")), chromedp.KeyEvent(kb.ArrowRight))
	s.waitFor("the coverage tab", `document.activeElement.id === "tab-coverage" && !!document.querySelector("#coverage")`)
	s.do("focusing a cell", chromedp.Focus(chromedp.CSS("#coverage .hit")), chromedp.KeyEvent(kb.Enter))
	s.waitFor("the claim", `!!document.querySelector("tr.claim.focus") && document.activeElement === document.querySelector("tr.claim.focus")`)
	// The Tab order reaches the article panel's controls and the view's controls.
	s.do("focusing the skip link", chromedp.Focus(chromedp.CSS(".skip")))
	seen := map[string]bool{}
	for range 40 {
		s.do("tabbing", chromedp.KeyEvent(kb.Tab))
		seen[jsEval[string](s, `document.activeElement.id`)] = true
	}
	for _, id := range []string{"add", "files", "reset", "clear", "edit-0", "mvdown-0", "rm-0", "tab-aligned", "ref", "order"} {
		if !seen[id] {
			t.Errorf("Tab never reaches #%s", id)
		}
	}
	s.noConsoleErrors()
}

// The aligned view draws its rows a step at a time, each step in a frame of its own:
// switching the reference outlet ten times draws the seeds' rows anew each time, and
// no change to the page adds more than one step's rows (five). A step scheduled as
// soon as the one before was laid out could run before go-app drew that one, and both
// were drawn in one task: before the fix, 28–37 tasks over 50 ms (up to 123 ms) in
// twelve switches, 6–14 (up to 67 ms) after. The long tasks are logged, not held.
func TestBrowserAlignedSteps(t *testing.T) {
	s := newSession(t)
	s.open()
	rows := jsEval[int](s, `document.querySelectorAll("tr.claim").length`)
	if rows < 10 {
		t.Fatalf("the demo's aligned view shows %d rows, want at least 10", rows)
	}
	// One task of go-app's (a frame) makes one batch of DOM changes.
	jsEval[bool](s, `(window.__rowBatches = [], window.__rowsAdded = 0, new MutationObserver(ms => {
		let n = 0;
		for (const m of ms) for (const a of m.addedNodes) if (a.nodeType === 1 && a.matches("tr.claim")) n++;
		if (n) { window.__rowBatches.push(n); window.__rowsAdded += n; }
	}).observe(document.querySelector("#views"), {childList: true, subtree: true}), true)`)
	before := len(s.longTasks())
	const switches = 10
	for k := range switches {
		s.do("picking another reference", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
			`(() => { const r = document.querySelector("#ref"); r.selectedIndex = %d; r.dispatchEvent(new Event("change", {bubbles: true})); })()`, (k+1)%5)))
		s.waitFor("the rows drawn anew", fmt.Sprintf(`window.__rowsAdded >= %d && %s`, rows*(k+1), rowsDrawn))
	}
	batches := jsEval[[]int](s, `window.__rowBatches`)
	if added := jsEval[int](s, `window.__rowsAdded`); added != rows*switches {
		t.Errorf("%d rows drawn in %d switches of %d rows each, want %d", added, switches, rows, rows*switches)
	}
	if largest := slices.Max(batches); largest > 5 {
		t.Errorf("a frame drew %d rows at once (batches %v): at most one step's five", largest, batches)
	}
	tasks := s.longTasks()[before:]
	t.Logf("%d switches of the reference, %d rows each, in %d batches: %d tasks over 50 ms, the longest %.0f ms", switches, rows, len(batches), len(tasks), maxOf(tasks))
	s.noConsoleErrors()
}

// A page pasted with its furniture (BBC's layout): the date comes from the page's own
// timestamp and the reader is told so; the byline, time, buttons and topic list are set
// aside as debris, listed with their kinds; the article joins the comparison.
func TestBrowserPastePage(t *testing.T) {
	s := newSession(t)
	s.open()
	page := "Blinken in Israel as Netanyahu rejects Hamas truce terms\n\n7 February 2024\n\nShare\nSave\n\nDavid Gritten\nBBC News\n\n" +
		"Israel's prime minister has rejected Hamas's terms for a ceasefire in Gaza, calling them \"delusional\".\n\n" +
		"US Secretary of State Antony Blinken, who met Mr Netanyahu earlier, said there was still space for an agreement.\n\n" +
		"The Hamas-run health ministry says more than 27,500 people have been killed in Gaza since 7 October.\n\n" +
		"Related Topics\nIsrael-Gaza war\nHamas"
	s.paste("BBC", page)
	s.waitStatus("6 articles compared")
	if !s.contains(".cards", "2024-02-07") {
		t.Errorf("the pasted page's card has no date: %q", s.text(".cards"))
	}
	if msg := s.text(".px"); !strings.Contains(msg, "comes from the page") {
		t.Error("the page does not say where the article's date came from")
	}
	s.click("#tab-articles")
	s.click(".docpick button:last-child")
	s.waitFor("the pasted article", `document.querySelector("#articles .body").innerText.includes("rejected Hamas's terms")`)
	s.waitFor("the fold of page debris", `!!document.querySelector("#articles details.debris li")`) // drawn a turn after the article
	debris := jsEval[string](s, `document.querySelector("#articles details.debris").textContent`)   // folded: not in innerText
	for _, want := range []string{"8 pieces of page debris", "timestamp 7 February 2024", "byline David Gritten", "byline BBC News", "navigation Related Topics"} {
		if !strings.Contains(debris, want) {
			t.Errorf("the debris list lacks %q: %q", want, debris)
		}
	}
	if body := s.text("#articles .body"); strings.Contains(body, "David Gritten") || strings.Contains(body, "Related Topics") {
		t.Errorf("furniture shown as article text: %q", body)
	}
	s.noConsoleErrors()
}

// TestBrowserOneStory: the reader who knows the demo's articles report one story says so
// above the aligned view; the page compares again as one occasion, keeps the reader's
// word across a reload, and the reader can take it back.
func TestBrowserOneStory(t *testing.T) {
	s := newSession(t)
	s.open()
	if !s.contains("#occasions", "2 different occasions") {
		t.Fatalf("the demo's occasions note: %q", s.text("#occasions"))
	}
	// The status line counts the shared claims (the aligned view draws the first rows).
	claims := func() int {
		return jsEval[int](s, `parseInt(document.querySelector("#status .done").innerText.match(/(\d+) shared claim/)[1])`)
	}
	before := claims()
	s.click("#one-story")
	s.waitStatus("Read as one story, as you asked.")
	if !s.contains("#occasions", "Read as one story, as you asked: Parallax aligns the articles as reports of one occasion.") {
		t.Errorf("after saying one story, the note says %q", s.text("#occasions"))
	}
	if n := claims(); n == before {
		t.Errorf("as one story, still %d claims", n)
	}
	s.do("reloading", chromedp.Reload())
	s.waitDone()
	if !s.contains("#occasions", "Read as one story") || !s.contains("#one-story", "Let Parallax tell occasions apart again") {
		t.Errorf("after a reload, the note says %q", s.text("#occasions"))
	}
	s.click("#one-story")
	s.waitStatus("Parallax tells the occasions apart again.")
	if !s.contains("#occasions", "2 different occasions") {
		t.Errorf("taken back, the note says %q", s.text("#occasions"))
	}
	if n := claims(); n != before {
		t.Errorf("taken back: %d claims, want the %d of before", n, before)
	}
	s.noConsoleErrors()
}

// TestBrowserRemoveFocus checks where the keyboard focus goes when an article is
// removed (the Undo button) and put back (the restored card's Remove), where it fell
// to the page's body.
func TestBrowserRemoveFocus(t *testing.T) {
	s := newSession(t)
	s.open()
	s.do("removing the second article", chromedp.Focus(chromedp.CSS("#rm-1")), chromedp.KeyEvent(kb.Enter))
	s.waitFor("the focus on Undo", `document.activeElement.id === "undo"`)
	s.waitDone()
	s.do("undoing", chromedp.KeyEvent(kb.Enter))
	s.waitFor("the focus on the restored card", `document.activeElement.id === "rm-1" && !document.querySelector("#undo") && document.querySelectorAll(".card").length === 5`)
	if got := s.text(".card:nth-child(2) .outlet"); got != seeds.Articles()[1].Outlet {
		t.Errorf("the second card is %q after Undo, want %q", got, seeds.Articles()[1].Outlet)
	}
	s.noConsoleErrors()
}

// TestBrowserLongToken pastes an article with long unbroken tokens (base64, a long
// link): no view may be wider than the window, where the card made the page 1717 px
// wide in a 1400 px window.
func TestBrowserLongToken(t *testing.T) {
	s := newSession(t)
	s.open()
	token := strings.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", 60)
	text := token + "\n\nSecretary of State Antony Blinken met Israeli leaders in Tel Aviv on Tuesday to discuss the war in Gaza, https://example.org/" + token + ".\n\nAccording to the Gaza Health Ministry, more than 23,000 Palestinians have been killed since October 7."
	s.paste("Base64 Daily", text)
	s.waitStatus("6 articles compared")
	s.waitDone()
	wide := `document.documentElement.scrollWidth > innerWidth + 1 ? document.documentElement.scrollWidth : 0`
	for _, tab := range []string{"#tab-aligned", "#tab-articles"} {
		s.click(tab)
		if tab == "#tab-articles" {
			s.click(".docpick button:last-child")
		}
		s.waitDone()
		if w := jsEval[int](s, wide); w != 0 {
			t.Errorf("%s: the page is %d px wide in a %d px window", tab, w, jsEval[int](s, `innerWidth`))
		}
	}
	if w := jsEval[int](s, `Math.max(...[...document.querySelectorAll(".card")].map(c => c.scrollWidth - c.clientWidth))`); w > 1 {
		t.Errorf("a card's text overflows it by %d px", w)
	}
	s.noConsoleErrors()
}
