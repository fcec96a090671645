package app

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"parallax/compare"
	"parallax/compare/framing"
)

// EngineRequest is what the page sends the engine running in a Web Worker.
type EngineRequest struct {
	ID       int               `json:"id"`
	Articles []compare.Article `json:"articles"`
	// Occasions is the reader's grouping of the articles by occasion, if any
	// (compare.Options.Occasions).
	Occasions [][]string `json:"occasions,omitempty"`
}

// EngineReply is the engine's answer to an EngineRequest. An ID of -1 means the
// engine could not start.
type EngineReply struct {
	ID     int             `json:"id"`
	Result *compare.Result `json:"result,omitempty"`
	// Packed is Result as the worker sends it, sentences as offsets into the
	// articles' texts (result-wire.go); the page unpacks it (pendingJobs.take).
	Packed *resultWire `json:"packed,omitempty"`
	Error  string      `json:"error,omitempty"`
	Millis int64       `json:"ms"`

	// Framing is what compare/framing finds in the result; nil with FramingError set
	// if that failed (the alignment is still shown). From the worker to the page it
	// travels as Wire, a smaller form of the same findings (framing-wire.go).
	Framing       *framing.Comparison `json:"-"`
	Wire          *framingWire        `json:"framing,omitempty"`
	FramingMillis int64               `json:"framing_ms,omitempty"`
	FramingError  string              `json:"framing_error,omitempty"`

	// The worker sends the alignment as soon as it has it, with FramingLater set, and
	// the framing of the same request after it, in a reply whose Part is partFraming
	// (and whose Result is nil on the wire: the page puts back the one it has).
	FramingLater bool   `json:"framing_later,omitempty"`
	Part         string `json:"part,omitempty"`
	// More says that this framing reply is a piece, with only some of the reports'
	// findings, and more pieces follow (framingReplies).
	More bool `json:"more,omitempty"`
}

// partFraming is the Part of a reply that brings only the framing of an earlier
// reply with the same ID.
const partFraming = "framing"

// compareNow runs the engine in the calling goroutine: the alignment and its framing.
func compareNow(req EngineRequest) EngineReply {
	rep := alignNow(req)
	if rep.Result != nil {
		frameNow(&rep, req.Articles)
	}
	return rep
}

// alignNow aligns the articles in the calling goroutine. A panic in the engine becomes
// an error for the reader, not a dead page.
func alignNow(req EngineRequest) (rep EngineReply) {
	defer func() {
		if r := recover(); r != nil {
			rep = EngineReply{ID: req.ID, Error: fmt.Sprintf("the comparison engine failed (%v): please report this with the articles you used", r)}
		}
	}()
	start := time.Now()
	// The page diffs the words against the reference the reader picks (diffRows).
	res, err := compare.Compare(req.Articles, &compare.Options{NoWordDiffs: true, Occasions: req.Occasions})
	rep = EngineReply{ID: req.ID, Result: res, Millis: time.Since(start).Milliseconds()}
	if err != nil {
		rep.Error = err.Error()
		rep.Result = nil
	}
	return rep
}

// frameNow finds the framing signals of rep's result.
func frameNow(rep *EngineReply, arts []compare.Article) {
	start := time.Now()
	rep.Framing, rep.FramingError = frame(rep.Result, arts)
	rep.FramingMillis = time.Since(start).Milliseconds()
}

// frame finds the framing signals of a result. A panic there costs the reader the
// framing, not the comparison.
func frame(res *compare.Result, arts []compare.Article) (fc *framing.Comparison, msg string) {
	defer func() {
		if r := recover(); r != nil {
			fc, msg = nil, fmt.Sprintf("finding the framing signals failed (%v): please report this with the articles you used", r)
		}
	}()
	return framing.Compare(res, arts, nil), ""
}

// alignedFirst readies an alignment to go to the page ahead of its framing: it says
// the framing follows, and leaves out the engine's diffs, which the framing signals
// do not read. The page computes the word diffs it shows against the reference the
// reader picks, and the engine's would double the reply.
func alignedFirst(rep *EngineReply) {
	for i := range rep.Result.Claims {
		rep.Result.Claims[i].Diffs = nil
	}
	rep.FramingLater = true
}

// packAligned readies an alignment of arts to go to the page ahead of its framing
// (alignedFirst), packed (resultWire) if it can be.
func packAligned(rep *EngineReply, arts []compare.Article) {
	alignedFirst(rep)
	if rep.Packed = packResult(rep.Result, arts); rep.Packed != nil {
		rep.Result = nil
	}
}

// framingReply finds the framing signals of res, an alignment already delivered, and
// returns them in a reply of Part partFraming.
func framingReply(id int, res *compare.Result, arts []compare.Article) EngineReply {
	fr := EngineReply{ID: id, Result: res, Part: partFraming}
	frameNow(&fr, arts)
	return fr
}

// framingAfter is framingReply for an alignment on its way from the worker to the
// page: the framing in its smaller form and without the result (the page puts back
// the one it has: pendingJobs.take).
func framingAfter(id int, res *compare.Result, arts []compare.Article) EngineReply {
	fr := framingReply(id, res, arts)
	fr.Wire, fr.Framing, fr.Result = toWire(fr.Framing, res), nil, nil
	return fr
}

// framingPiece is how many of the reports' labels, attributions and numbers one
// framing reply brings at most, besides the last: the page reads each reply in a task
// of its own, and 1,000 of them are about 100–130 KB of JSON.
const framingPiece = 1000

// framingReplies is framingAfter in replies the page can read in short tasks: pieces
// with More set, each with some of the reports' findings, then the rest.
func framingReplies(id int, res *compare.Result, arts []compare.Article) []EngineReply {
	fr := framingAfter(id, res, arts)
	var out []EngineReply
	if fr.Wire != nil {
		for _, w := range fr.Wire.split(framingPiece) {
			out = append(out, EngineReply{ID: id, Part: partFraming, More: true, Wire: w})
		}
	}
	return append(out, fr)
}

// job is a request sent to the worker and what to do with its replies.
type job struct {
	req     EngineRequest
	deliver func(EngineReply, *pacer)
	res     *compare.Result // the alignment delivered, while its framing is on its way
	pieces  *framingWire    // the framing's pieces come so far (EngineReply.More)
}

// pendingJobs are the requests sent to the worker, by ID, until their last reply.
type pendingJobs map[int]job

// take returns the job a reply from the worker answers, if it is still waiting, and
// keeps the job while its framing is due. The framing, which comes without a result,
// gets the alignment that came before it.
func (p pendingJobs) take(rep *EngineReply) (job, bool) {
	j, ok := p[rep.ID]
	if ok && rep.Packed != nil {
		if rep.Result, rep.Packed = rep.Packed.unpack(j.req.Articles), nil; rep.Result == nil {
			rep.Error, rep.FramingLater = "the engine's answer did not match the articles: please report this with the articles you used", false
		}
	}
	switch {
	case !ok:
	case rep.Part == partFraming && rep.More:
		if j.res == nil {
			delete(p, rep.ID)
		} else {
			j.pieces = j.pieces.join(rep.Wire)
			p[rep.ID] = j
		}
		return job{}, false
	case rep.Part == partFraming:
		delete(p, rep.ID)
		if j.res == nil {
			return job{}, false // no alignment came before it
		}
		rep.Result, rep.Wire = j.res, j.pieces.join(rep.Wire)
	case rep.FramingLater && rep.Result != nil:
		j.res = rep.Result
		p[rep.ID] = j
	default:
		delete(p, rep.ID)
	}
	return j, ok
}

// encodeReply returns the reply as JSON, or an error reply if it cannot be encoded.
func encodeReply(r EngineReply) string {
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(EngineReply{ID: r.ID, Error: "encoding the result failed: " + err.Error()})
	}
	return string(b)
}

// inboxQueue keeps messages until read has read those before them: one at a time, in
// the order they came, on a goroutine of its own. put is called on a browser event,
// which must not wait; and read pauses to give the browser turns while it reads a long
// reply (pacer), so a goroutine per message would let a later message overtake an
// earlier one, where the pieces of a framing must be joined in order.
type inboxQueue struct {
	read func(msg string, pace *pacer)

	mu      sync.Mutex
	queue   []string
	reading bool // a goroutine is reading the queue
}

// put queues a message and starts a goroutine to read it if none is reading.
func (q *inboxQueue) put(msg string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.queue = append(q.queue, msg)
	if !q.reading {
		q.reading = true
		go q.drain()
	}
}

func (q *inboxQueue) drain() {
	pace := newPacer() // one for all the messages read on this turn
	for {
		q.mu.Lock()
		if len(q.queue) == 0 {
			q.reading = false
			q.mu.Unlock()
			return
		}
		msg := q.queue[0]
		q.queue[0] = "" // the queue's array may outlive a 2 MB reply
		q.queue = q.queue[1:]
		q.mu.Unlock()
		q.read(msg, pace)
		pace.pace()
	}
}
