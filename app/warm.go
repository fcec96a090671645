package app

import (
	"encoding/json"
	"strconv"
	"strings"

	"parallax/compare"
	"parallax/seeds"
)

// warm is the seed demo, aligned in the worker before the page asks for it (web/boot.js
// asks the worker to on a first visit, while the page is still starting): the
// first comparison a new reader waits for.
var warm warmReply

// warmReply is an alignment made ahead of its request, kept with the request it
// answers and the reply, both as the page encodes them: on a first visit the worker's
// every millisecond counts, and reading and writing JSON is a good part of them.
type warmReply struct {
	arts    []compare.Article
	request string          // the request's JSON after its ID; "" if none is kept
	reply   string          // the reply's JSON after its ID
	res     *compare.Result // the alignment
}

// demo aligns the seed demo and keeps the reply.
func (w *warmReply) demo() {
	arts := seeds.Articles()
	req, err := json.Marshal(EngineRequest{Articles: arts})
	if err != nil {
		return
	}
	rep := alignNow(EngineRequest{Articles: arts})
	if rep.Result == nil {
		return
	}
	w.arts, w.res = arts, rep.Result
	packAligned(&rep, arts)
	w.request, w.reply = afterID(string(req)), afterID(encodeReply(rep))
	warmDiffs(w.res)
}

// warmDiffs diffs the first rows of res as the aligned view will, and forgets them.
// The browser compiles each WebAssembly function the first time it runs, and the
// worker shares the compiled module with the page (web/boot.js): run here, ahead, the
// word-diff code is compiled by the time the page diffs its first rows. On a first
// visit that step's diffing took 33–49 ms, and 14–30 ms after this.
func warmDiffs(res *compare.Result) {
	if len(res.Documents) == 0 {
		return
	}
	ref := res.Documents[0].ID
	rows := buildRows(newIndex(res), columnOrder(res, ref), ref, "")
	diffRows(rows, 0, stepRows)
}

// match reports whether raw, a request as the page encodes it, asks for the kept
// alignment, and returns its ID.
func (w *warmReply) match(raw string) (int, bool) {
	if w.request == "" || len(raw) < len(w.request) || raw[len(raw)-len(w.request):] != w.request {
		return 0, false
	}
	n, ok := strings.CutPrefix(raw[:len(raw)-len(w.request)], idPrefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.Atoi(n)
	return id, err == nil
}

// encoded returns the kept reply, for the request with the ID.
func (w *warmReply) encoded(id int) string { return idPrefix + strconv.Itoa(id) + w.reply }

// idPrefix opens the JSON of an EngineRequest or EngineReply, whose first field is the ID.
const idPrefix = `{"id":`

// afterID returns the JSON of an EngineRequest or EngineReply after its ID: from the
// comma that follows it.
func afterID(s string) string {
	if !strings.HasPrefix(s, idPrefix) {
		return ""
	}
	if i := strings.IndexByte(s, ','); i > 0 {
		return s[i:]
	}
	return ""
}
