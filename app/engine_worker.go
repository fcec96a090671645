//go:build js

package app

import (
	"bytes"
	"encoding/json"
	"sync"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/seeds"
)

// The engine runs in a Web Worker (web/worker.js, which runs this same app.wasm):
// go-app's ctx.Async shares the page's only JavaScript thread, so comparing there
// would freeze the page.
var engine struct {
	sync.Mutex
	worker  js.Value
	failed  bool // no worker could be started: compare on the page
	pending map[int]job
}

// job is a request sent to the worker and what to do with its reply.
type job struct {
	req     EngineRequest
	deliver func(EngineReply)
}

// startCompare sends the articles to the engine worker and calls done on the UI
// goroutine with its reply. If no worker can be started it compares on the page.
func startCompare(ctx app.Context, req EngineRequest, done func(app.Context, EngineReply)) {
	deliver := func(rep EngineReply) {
		holdFraming(&rep)
		ctx.Dispatch(func(ctx app.Context) { done(ctx, rep) })
	}
	b, err := json.Marshal(req)
	if err != nil {
		deliver(EngineReply{ID: req.ID, Error: "preparing the articles failed: " + err.Error()})
		return
	}
	engine.Lock()
	defer engine.Unlock()
	if !engine.failed && engine.worker.IsUndefined() {
		engine.failed = !startWorker()
	}
	if engine.failed {
		go func() { deliver(compareNow(req)) }()
		return
	}
	engine.pending[req.ID] = job{req, deliver}
	engine.worker.Call("postMessage", string(b))
}

func startWorker() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	engine.pending = map[int]job{}
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
		go receive(args[0].Get("data").String())
		return nil
	}))
	engine.worker.Set("onerror", js.FuncOf(func(this js.Value, args []js.Value) any {
		workerFailed(args[0].Get("message"))
		return nil
	}))
	for i := 0; early.Truthy() && i < early.Length(); i++ {
		if e := early.Index(i); e.Get("data").Type() == js.TypeString {
			go receive(e.Get("data").String())
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

func receive(data string) {
	var rep EngineReply
	if err := json.Unmarshal([]byte(data), &rep); err != nil {
		rep = EngineReply{ID: -1, Error: "the engine's answer could not be read: " + err.Error()}
	}
	if rep.ID < 0 {
		// The worker could not start the engine.
		js.Global().Get("console").Call("warn", "parallax: "+rep.Error+"; comparing on the page instead")
		fallBack()
		return
	}
	engine.Lock()
	j, ok := engine.pending[rep.ID]
	delete(engine.pending, rep.ID)
	engine.Unlock()
	if ok {
		j.deliver(rep)
	}
}

// fallBack gives up on the worker and compares the waiting requests on the page:
// slower for the page, but the reader gets a result.
func fallBack() {
	engine.Lock()
	pending := engine.pending
	engine.pending = map[int]job{}
	engine.failed = true
	if !engine.worker.IsUndefined() {
		engine.worker.Call("terminate")
	}
	engine.Unlock()
	for _, j := range pending {
		j.deliver(compareNow(j.req))
	}
}

// ServeWorker runs the comparison engine when this program was started inside a Web
// Worker by web/worker.js: the same app.wasm serves as the page's app and as its
// engine, so the browser downloads it once. It never returns in a worker and returns
// at once on the page. Call it before app.RunWhenOnBrowser.
func ServeWorker() {
	g := js.Global()
	if !g.Get("document").IsUndefined() || g.Get("WorkerGlobalScope").IsUndefined() {
		return
	}
	g.Set("parallaxCompare", js.FuncOf(func(this js.Value, args []js.Value) any {
		var req EngineRequest
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return encodeReply(EngineReply{Error: "the request to the engine was empty"})
		}
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			return encodeReply(EngineReply{Error: "the request to the engine was malformed: " + err.Error()})
		}
		rep, ok := warm.answer(req)
		if !ok {
			rep = compareNow(req)
			pack(&rep)
		}
		return encodeReply(rep)
	}))
	g.Set("parallaxWarmDemo", js.FuncOf(func(this js.Value, args []js.Value) any {
		warm.demo()
		return nil
	}))
	g.Call("parallaxReady")
	select {}
}

// warm is the seed demo, compared in the worker before the page asks for it (web/boot.js
// asks the worker to on a first visit, while the page is still starting): the
// first comparison a new reader waits for.
var warm warmReply

// warmReply is a comparison made ahead of its request.
type warmReply struct {
	n        int    // how many articles were compared
	articles []byte // the articles compared, as JSON; nil if none
	reply    EngineReply
}

// demo compares the seed demo and keeps the reply.
func (w *warmReply) demo() {
	arts := seeds.Articles()
	b, err := json.Marshal(arts)
	if err != nil {
		return
	}
	rep := compareNow(EngineRequest{Articles: arts})
	pack(&rep)
	w.n, w.articles, w.reply = len(arts), b, rep
}

// answer returns the kept reply if req asks to compare the same articles. Only a
// request with as many articles is encoded to compare it with them.
func (w *warmReply) answer(req EngineRequest) (EngineReply, bool) {
	if w.articles == nil || len(req.Articles) != w.n {
		return EngineReply{}, false
	}
	b, err := json.Marshal(req.Articles)
	if err != nil || !bytes.Equal(b, w.articles) {
		return EngineReply{}, false
	}
	rep := w.reply
	rep.ID = req.ID
	return rep, true
}

func encodeReply(r EngineReply) string {
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(EngineReply{ID: r.ID, Error: "encoding the result failed: " + err.Error()})
	}
	return string(b)
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
