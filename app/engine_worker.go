//go:build js

package app

import (
	"encoding/json"
	"sync"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
)

// The engine runs in a Web Worker (web/worker.js, which runs this same app.wasm):
// go-app's ctx.Async shares the page's only JavaScript thread, so comparing there
// would freeze the page.
var engine struct {
	sync.Mutex
	worker  js.Value
	failed  bool // no worker could be started: compare on the page
	pending pendingJobs
}

// startCompare sends the articles to the engine worker and calls done on the UI
// goroutine with its reply. If no worker can be started it compares on the page.
func startCompare(ctx app.Context, req EngineRequest, done func(app.Context, EngineReply)) {
	deliver := func(rep EngineReply, pace *pacer) {
		holdFraming(&rep, pace)
		pace.pace()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, rep) })
	}
	b, err := json.Marshal(req)
	if err != nil {
		deliver(EngineReply{ID: req.ID, Error: "preparing the articles failed: " + err.Error()}, nil)
		return
	}
	engine.Lock()
	defer engine.Unlock()
	if !engine.failed && engine.worker.IsUndefined() {
		engine.failed = !startWorker()
	}
	if engine.failed {
		go func() { deliver(compareNow(req), nil) }()
		return
	}
	engine.pending[req.ID] = job{req: req, deliver: deliver}
	engine.worker.Call("postMessage", string(b))
}

func startWorker() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	engine.pending = pendingJobs{}
	// web/boot.js started the worker early, beside the page's start-up, and kept
	// what it said before we listen.
	early := js.Undefined()
	if pre := js.Global().Get("parallaxEngine"); pre.Truthy() {
		engine.worker, early = pre.Get("worker"), pre.Get("early")
		js.Global().Set("parallaxEngine", js.Null())
	} else {
		ctor := js.Global().Get("Worker")
		if ctor.IsUndefined() {
			return false
		}
		engine.worker = ctor.New("/web/worker.js")
	}
	engine.worker.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		inbox.put(args[0].Get("data").String())
		return nil
	}))
	engine.worker.Set("onerror", js.FuncOf(func(this js.Value, args []js.Value) any {
		workerFailed(args[0].Get("message"))
		return nil
	}))
	for i := 0; early.Truthy() && i < early.Length(); i++ {
		if e := early.Index(i); e.Get("data").Type() == js.TypeString {
			inbox.put(e.Get("data").String())
		} else {
			workerFailed(e.Get("error"))
		}
	}
	return true
}

// workerFailed gives up on a worker that stopped with an error (its message, if
// any, in msg).
func workerFailed(msg js.Value) {
	text := "the comparison engine stopped"
	if msg.Type() == js.TypeString && msg.String() != "" {
		text += ": " + msg.String()
	}
	js.Global().Get("console").Call("warn", "parallax: "+text+"; comparing on the page instead")
	go fallBack()
}

// inbox holds the worker's messages until receive has read those before them.
var inbox = &inboxQueue{read: receive}

func receive(data string, pace *pacer) {
	var rep EngineReply
	if err := json.Unmarshal([]byte(data), &rep); err != nil {
		rep = EngineReply{ID: -1, Error: "the engine's answer could not be read: " + err.Error()}
	}
	pace.pace()
	if rep.ID < 0 {
		// The worker could not start the engine.
		js.Global().Get("console").Call("warn", "parallax: "+rep.Error+"; comparing on the page instead")
		fallBack()
		return
	}
	engine.Lock()
	j, ok := engine.pending.take(&rep)
	engine.Unlock()
	if ok {
		j.deliver(rep, pace)
	}
}

// fallBack gives up on the worker and compares the waiting requests on the page, or
// finds the framing of those whose alignment came: slower for the page, but the
// reader gets a result.
func fallBack() {
	engine.Lock()
	pending := engine.pending
	engine.pending = pendingJobs{}
	engine.failed = true
	if !engine.worker.IsUndefined() {
		engine.worker.Call("terminate")
	}
	engine.Unlock()
	for _, j := range pending {
		if j.res == nil {
			j.deliver(compareNow(j.req), nil)
			continue
		}
		j.deliver(framingReply(j.req.ID, j.res, j.req.Articles), nil)
	}
}

// ServeWorker runs the comparison engine when this program was started inside a Web
// Worker by web/worker.js: the same app.wasm serves as the page's app and as its
// engine, so the browser downloads it once. It never returns in a worker and returns
// at once on the page. Call it before app.RunWhenOnBrowser.
//
// Each request is answered in two messages: the alignment as soon as it is found
// (FramingLater set), so the page can show it, then its framing signals (Part
// partFraming), which take about half as long again.
func ServeWorker() {
	g := js.Global()
	if !g.Get("document").IsUndefined() || g.Get("WorkerGlobalScope").IsUndefined() {
		return
	}
	g.Set("parallaxCompare", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) > 0 && args[0].Type() == js.TypeString {
			answer(args[0].String())
		}
		return nil
	}))
	g.Set("parallaxWarmDemo", js.FuncOf(func(this js.Value, args []js.Value) any {
		warm.demo()
		return nil
	}))
	g.Call("parallaxReady")
	select {}
}

// answer compares the articles of one request and posts the replies to the page.
func answer(raw string) {
	post := func(s string) { js.Global().Call("postMessage", s) }
	var req EngineRequest
	var res *compare.Result
	if id, ok := warm.match(raw); ok {
		// The alignment, encoded ahead: no need to read the request.
		req, res = EngineRequest{ID: id, Articles: warm.arts}, warm.res
		post(warm.encoded(id))
	} else {
		if err := json.Unmarshal([]byte(raw), &req); err != nil {
			post(encodeReply(EngineReply{Error: "the request to the engine was malformed: " + err.Error()}))
			return
		}
		rep := alignNow(req)
		if rep.Result == nil {
			post(encodeReply(rep))
			return
		}
		res = rep.Result
		packAligned(&rep, req.Articles)
		post(encodeReply(rep))
	}
	for _, fr := range framingReplies(req.ID, res, req.Articles) {
		post(encodeReply(fr))
	}
}

// engineKind says where comparisons run: "worker", or "page" after a fallback.
func engineKind() string {
	engine.Lock()
	defer engine.Unlock()
	switch {
	case engine.failed:
		return "page"
	case engine.worker.IsUndefined():
		return ""
	}
	return "worker"
}
