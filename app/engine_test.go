//go:build !js

package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
	"parallax/seeds"
)

// The worker aligns the seed demo before the page asks, and knows the page's request
// for it by its JSON alone: a request for other articles, or one it cannot read, is
// compared as any other.
func TestWarmReply(t *testing.T) {
	var w warmReply
	request := func(id int, arts []compare.Article) string {
		b, err := json.Marshal(EngineRequest{ID: id, Articles: arts})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if _, ok := w.match(request(1, seeds.Articles())); ok {
		t.Fatal("a request matches before the demo is aligned")
	}
	w.demo()
	want := alignNow(EngineRequest{Articles: seeds.Articles()})
	// The word diffs demo runs ahead (warmDiffs) leave the kept result, which the
	// framing is later found from, as the reply gave it.
	var sent EngineReply
	if err := json.Unmarshal([]byte(w.encoded(1)), &sent); err != nil || sent.Packed == nil {
		t.Fatalf("the kept reply does not decode (%v) or has no packed result", err)
	}
	kept, err1 := json.Marshal(w.res)
	got, err2 := json.Marshal(sent.Packed.unpack(seeds.Articles()))
	if err1 != nil || err2 != nil || string(kept) != string(got) {
		t.Error("the kept result no longer matches the kept reply after the demo's diffs ran ahead")
	}
	for _, id := range []int{1, 7, 12345} {
		got, ok := w.match(request(id, seeds.Articles()))
		if !ok || got != id {
			t.Errorf("the demo's request with ID %d: match gives %d, %v", id, got, ok)
			continue
		}
		var rep EngineReply
		if err := json.Unmarshal([]byte(w.encoded(id)), &rep); err != nil {
			t.Fatalf("the kept reply does not decode: %v", err)
		}
		if rep.Packed != nil {
			rep.Result = rep.Packed.unpack(seeds.Articles())
		}
		if rep.ID != id || !rep.FramingLater || rep.Result == nil || len(rep.Result.Claims) != len(want.Result.Claims) || rep.Error != "" {
			t.Errorf("the kept reply for ID %d: ID %d, framing later %v, error %q", id, rep.ID, rep.FramingLater, rep.Error)
		} else if rep.Result.Claims[0].Diffs != nil {
			t.Error("the kept reply carries the engine's diffs, which the page does not use")
		}
	}
	// The request the page sends for the demo, as the page builds it, is the one kept.
	h, _ := load(t, nil)
	page := EngineRequest{ID: h.page.reqID, Articles: cloneArticles(h.page.shown())}
	if id, ok := w.match(request(page.ID, page.Articles)); !ok || id != page.ID {
		t.Error("the page's request for the demo does not match the alignment kept for it: the worker would align the demo twice on a first visit")
	}

	edited := seeds.Articles()
	edited[2].Text += " One more sentence."
	masked := seeds.Articles()
	masked[0].Outlet = "Outlet A"
	for name, raw := range map[string]string{
		"four of the five":   request(1, seeds.Articles()[:4]),
		"an edited article":  request(1, edited),
		"a renamed outlet":   request(1, masked),
		"not JSON":           "{",
		"empty":              "",
		"the ID not a count": strings.Replace(request(1, seeds.Articles()), `{"id":1`, `{"id":"1"`, 1),
		"no opening brace":   strings.TrimPrefix(request(1, seeds.Articles()), `{"id":`),
	} {
		if id, ok := w.match(raw); ok {
			t.Errorf("%s: matches the demo (ID %d)", name, id)
		}
	}
}

// The page's side of the two replies: the alignment keeps its request waiting until
// its framing comes, which gets the alignment's result back.
func TestPendingJobs(t *testing.T) {
	res := &compare.Result{}
	p := pendingJobs{1: {req: EngineRequest{ID: 1}}, 2: {req: EngineRequest{ID: 2}}, 3: {req: EngineRequest{ID: 3}}}
	steps := []struct {
		name    string
		rep     EngineReply
		ok      bool
		waiting []int // the IDs still waiting after the reply
	}{
		{"alignment, framing later", EngineReply{ID: 1, Result: res, FramingLater: true}, true, []int{1, 2, 3}},
		{"its framing", EngineReply{ID: 1, Part: partFraming}, true, []int{2, 3}},
		{"the framing again", EngineReply{ID: 1, Part: partFraming}, false, []int{2, 3}},
		{"a whole reply", EngineReply{ID: 2, Result: res}, true, []int{3}},
		{"a framing without its alignment", EngineReply{ID: 3, Part: partFraming}, false, nil},
		{"an error", EngineReply{ID: 4, Error: "no"}, false, nil},
	}
	for _, s := range steps {
		rep := s.rep
		_, ok := p.take(&rep)
		if ok != s.ok {
			t.Errorf("%s: taken %v, want %v", s.name, ok, s.ok)
		}
		if ok && rep.Part == partFraming && rep.Result != res {
			t.Errorf("%s: the framing did not get its alignment's result", s.name)
		}
		if len(p) != len(s.waiting) {
			t.Errorf("%s: %d requests waiting, want %v", s.name, len(p), s.waiting)
		}
		for _, id := range s.waiting {
			if _, ok := p[id]; !ok {
				t.Errorf("%s: request %d no longer waits", s.name, id)
			}
		}
	}
}

// In the browser the worker sends the alignment first and its framing after it. The
// page shows the claims at once and says that the framing is due (data-framing, which
// the browser tests wait for); views keep the framing button's place and say the
// signals are being found; when they come, the page tells the views (framingState).
// Until then an export says it has no framing notes.
func TestPageFramingLater(t *testing.T) {
	got := downloads(t)
	h, e := load(t, nil)
	p := h.page
	whole := compareNow(EngineRequest{ID: p.reqID, Articles: p.shown()})
	if whole.Framing == nil {
		t.Fatalf("no framing for the seeds: %q", whole.FramingError)
	}
	res := whole.Result
	first := EngineReply{ID: p.reqID, Result: res, Millis: whole.Millis, FramingLater: true}
	holdFraming(&first, nil)
	h.ctx.Dispatch(func(ctx app.Context) { p.onReply(ctx, first) })
	e.ConsumeAll()
	if p.st != statusDone || p.res != res || !p.due {
		t.Fatalf("after the alignment: status %q, due %v", p.st, p.due)
	}
	if html := app.HTMLString(p.Render()); !strings.Contains(html, `data-framing="due"`) {
		t.Errorf("the page does not say that the framing is due: %.300s", html)
	}
	f := framingOf(res)
	if f == nil || !f.due || f.fc != nil || f.err != "" {
		t.Fatalf("the held framing of the alignment is not due: %+v", f)
	}
	if html := app.HTMLString((&framingView{IResult: res}).Render()); !strings.Contains(html, findingFraming) {
		t.Errorf("the framing view while due: %s", html)
	}
	if html := app.HTMLString(framingForClaim(res, &res.Claims[0], res.Documents[0].ID)); !strings.Contains(html, "disabled") || !strings.Contains(html, "framing") {
		t.Errorf("the claim's framing button while due: %s", html)
	}
	h.ctx.NewActionWithValue(actionExport, exportMarkdown)
	e.ConsumeAll()
	if len(*got) != 1 || strings.Contains(string((*got)[0].data), "## Framing") || !strings.Contains(p.tools.note, "no framing notes yet") {
		t.Errorf("an export while the framing is due: %q", p.tools.note)
	}

	// An older request's framing changes nothing.
	old := EngineReply{ID: p.reqID - 1, Result: res, Part: partFraming, Framing: whole.Framing}
	h.ctx.Dispatch(func(ctx app.Context) { p.onReply(ctx, old) })
	e.ConsumeAll()
	if !p.due {
		t.Error("an older request's framing ended the wait")
	}

	second := EngineReply{ID: p.reqID, Result: res, Part: partFraming, Framing: whole.Framing, FramingMillis: whole.FramingMillis}
	holdFraming(&second, nil)
	h.ctx.Dispatch(func(ctx app.Context) { p.onReply(ctx, second) })
	e.ConsumeAll()
	if p.due || p.res != res {
		t.Errorf("after the framing: due %v, same result %v", p.due, p.res == res)
	}
	if html := app.HTMLString(p.Render()); !strings.Contains(html, `data-framing="ready"`) {
		t.Errorf("the page does not say that the framing came: %.300s", html)
	}
	if f := framingOf(res); f == nil || f.due || f.fc != whole.Framing {
		t.Error("the framing that came is not held for the result")
	}
	var n int
	h.ctx.GetState(framingState, &n)
	if n != 1 {
		t.Errorf("framingState %d after one framing came, want 1", n)
	}
	if _, ok := framingForClaim(res, &res.Claims[0], res.Documents[0].ID).(*claimFraming); !ok {
		t.Error("the first claim has no framing button once the framing came")
	}
	h.ctx.NewActionWithValue(actionExport, exportMarkdown)
	e.ConsumeAll()
	if len(*got) != 2 || !strings.Contains(string((*got)[1].data), "## Framing") || strings.Contains(p.tools.note, "no framing notes yet") {
		t.Errorf("an export once the framing came: %q", p.tools.note)
	}

	// A change of articles ends the wait, even one that leaves nothing to compare.
	h.ctx.Dispatch(func(ctx app.Context) { p.onReply(ctx, first) })
	e.ConsumeAll()
	h.ctx.NewActionWithValue(actionSetArticles, articleChange{Articles: p.articles[:1], Message: "Removed."})
	e.ConsumeAll()
	if p.st != statusIdle || p.due {
		t.Errorf("one article left: status %q, framing due %v", p.st, p.due)
	}
}

// The worker's messages are read one at a time and in the order they came, even when
// reading one pauses (receive gives the browser turns while it reads a long reply)
// and more come meanwhile: the pieces of a framing must be joined in order.
func TestInboxKeepsOrder(t *testing.T) {
	const n = 200
	var got []string
	done := make(chan struct{})
	reading := 0
	q := &inboxQueue{read: func(msg string, _ *pacer) {
		reading++
		if reading > 1 {
			t.Errorf("two messages read at once (%s)", msg)
		}
		if len(msg)%3 == 0 {
			time.Sleep(time.Millisecond) // a long reply: others come meanwhile
		}
		got = append(got, msg)
		reading--
		if len(got) == n {
			close(done)
		}
	}}
	var want []string
	for i := range n {
		msg := fmt.Sprint(i)
		want = append(want, msg)
		q.put(msg)
		if i%7 == 0 {
			time.Sleep(100 * time.Microsecond)
		}
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%d of %d messages read", len(got), n)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("messages read out of order: %v", got)
	}
}
