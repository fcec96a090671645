package app

import (
	"sync"

	"parallax/compare"
	"parallax/compare/framing"
)

// framingWire is a framing.Comparison as the engine worker sends it to the page:
// without what the page rebuilds from the per-article reports and the result (each
// claim member's outlet, date, position, labels, attributions and numbers, each
// claim's coverage cells, and the articles' Coverage), and without the articles' quotations, which no view shows
// (they show Voices, and the Speakers of each member). On the seeds it is half the size
// of the Comparison, for 20 articles a third.
type framingWire struct {
	Articles []framing.Report      `json:"articles"`
	Claims   []wireClaim           `json:"claims"`
	Actors   []framing.ActorLabels `json:"actors"`
	Voices   []framing.Speaker     `json:"voices"`
	Glossary []framing.Entry       `json:"glossary"`
}

// wireClaim is a framing.ClaimFraming without what expand rebuilds.
type wireClaim struct {
	Claim   string                `json:"c"`
	Members []wireMember          `json:"m"`
	Labels  []framing.ActorLabels `json:"l,omitempty"`
	Numbers []framing.NumberGroup `json:"n,omitempty"`
}

// wireMember is a framing.Member: its document as an index into Result.Documents.
type wireMember struct {
	Doc      int      `json:"d"`
	Sentence int      `json:"s"`
	Speakers []string `json:"q,omitempty"`
}

// toWire shrinks a comparison of res for the trip from the worker to the page.
func toWire(fc *framing.Comparison, res *compare.Result) *framingWire {
	if fc == nil || res == nil {
		return nil
	}
	docs := docPositions(res)
	w := &framingWire{Articles: make([]framing.Report, len(fc.Articles)), Actors: fc.Actors, Voices: fc.Voices,
		Glossary: fc.Glossary, Claims: make([]wireClaim, len(fc.Claims))}
	for i, r := range fc.Articles {
		r.Quotes = nil
		w.Articles[i] = r
	}
	for i, cf := range fc.Claims {
		wc := wireClaim{Claim: cf.Claim, Labels: cf.Labels, Numbers: cf.Numbers, Members: make([]wireMember, len(cf.Members))}
		for j, m := range cf.Members {
			wc.Members[j] = wireMember{Doc: docs[m.Doc], Sentence: m.Sentence, Speakers: m.Speakers}
		}
		w.Claims[i] = wc
	}
	return w
}

// expand rebuilds the comparison toWire shrank with framing's own NewMembers,
// CoverageCells and CoverageOf, as framing.Compare builds it (one Members per article,
// so each report is read once), giving the browser turns as it goes (pace). The
// articles' Quotes stay empty. It returns nil if the wire does not fit res.
func (w *framingWire) expand(res *compare.Result, pace *pacer) *framing.Comparison {
	if w == nil || res == nil || len(w.Articles) != len(res.Documents) {
		return nil
	}
	for i := range w.Articles {
		w.Articles[i].Quotes = []framing.Quote{}
	}
	fc := &framing.Comparison{Articles: w.Articles, Actors: nonNil(w.Actors), Voices: nonNil(w.Voices),
		Glossary: nonNil(w.Glossary), Claims: make([]framing.ClaimFraming, len(w.Claims))}
	finders := make([]*framing.Members, len(res.Documents))
	for i, wc := range w.Claims {
		cf := framing.ClaimFraming{Claim: wc.Claim, Members: make([]framing.Member, 0, len(wc.Members)),
			Labels: nonNil(wc.Labels), Numbers: nonNil(wc.Numbers)}
		for _, wm := range wc.Members {
			if wm.Doc < 0 || wm.Doc >= len(res.Documents) {
				return nil
			}
			if finders[wm.Doc] == nil {
				finders[wm.Doc] = framing.NewMembers(res.Documents[wm.Doc], w.Articles[wm.Doc])
			}
			m := finders[wm.Doc].At(wm.Sentence)
			m.Speakers = nonNil(wm.Speakers)
			cf.Members = append(cf.Members, m)
		}
		cf.Coverage = framing.CoverageCells(res, cf.Members)
		fc.Claims[i] = cf
		pace.pace()
	}
	fc.Coverage = framing.CoverageOf(res, fc)
	return fc
}

// split takes the reports' labels, attributions and numbers from w, n at a time, into
// pieces that go to the page before w, until n or fewer are left in w: the page reads
// each piece in a task of its own, and join puts them back.
func (w *framingWire) split(n int) []*framingWire {
	var pieces []*framingWire
	for w.items() > n {
		p := &framingWire{Articles: make([]framing.Report, len(w.Articles))}
		room := n
		for i := range w.Articles {
			r, q := &w.Articles[i], &p.Articles[i]
			room -= cut(&r.Labels, &q.Labels, room)
			room -= cut(&r.Attributions, &q.Attributions, room)
			room -= cut(&r.Numbers, &q.Numbers, room)
		}
		pieces = append(pieces, p)
	}
	return pieces
}

func (w *framingWire) items() int {
	n := 0
	for _, r := range w.Articles {
		n += len(r.Labels) + len(r.Attributions) + len(r.Numbers)
	}
	return n
}

// cut moves up to room items from the front of *from to *to, which is empty, and
// returns how many it moved.
func cut[T any](from, to *[]T, room int) int {
	k := min(room, len(*from))
	*to, *from = (*from)[:k:k], (*from)[k:]
	return k
}

// join puts the findings of w, the pieces (split) that came first, back in front of
// next's, and returns next; nil if they do not fit together.
func (w *framingWire) join(next *framingWire) *framingWire {
	if w == nil {
		return next
	}
	if next == nil || len(next.Articles) != len(w.Articles) {
		return nil
	}
	for i := range next.Articles {
		r, q := &next.Articles[i], &w.Articles[i]
		r.Labels = append(q.Labels, r.Labels...)
		r.Attributions = append(q.Attributions, r.Attributions...)
		r.Numbers = append(q.Numbers, r.Numbers...)
	}
	return next
}

// nonNil returns s, or an empty slice for nil, as framing.Compare gives them.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func docPositions(res *compare.Result) map[string]int {
	m := make(map[string]int, len(res.Documents))
	for i, d := range res.Documents {
		m[d.ID] = i
	}
	return m
}

// framed is the framing of one result with the look-ups the views need.
type framed struct {
	res    *compare.Result
	fc     *framing.Comparison // nil while due or if it could not be computed
	due    bool                // the worker is still finding it (see EngineReply.FramingLater)
	err    string              // why there is none
	docs   map[string]int      // document ID → index in res.Documents and fc.Articles
	claims map[string]int      // claim ID → index in fc.Claims
	labels map[compare.Ref][]framing.Label
	notes  map[string]string // category + "|" + term (or "") → the lexicon's note
	names  map[string]string // Category.ID → Category.Name
	voices map[string]int    // Speaker.Key → index in fc.Voices
}

// framings keeps the framing of the last few results, the newest last: the page
// shows one result at a time, and the previous one (dimmed) while a new one runs.
var framings struct {
	sync.Mutex
	list []*framed
}

// holdFraming keeps the framing that came with a reply for the views to find with
// framingOf, or notes that it is due (FramingLater), or puts the framing that came
// after its alignment (Part partFraming) in the place of that note. The engine's
// startCompare calls it before the reply reaches the page, with a pacer where it runs
// on a goroutine of its own (nil for none).
func holdFraming(rep *EngineReply, pace *pacer) {
	if rep.Result == nil {
		return
	}
	if rep.Framing == nil && rep.Wire != nil {
		rep.Framing = rep.Wire.expand(rep.Result, pace)
		pace.pace()
		if rep.Framing == nil && rep.FramingError == "" {
			rep.FramingError = "the framing signals did not match the comparison: please report this with the articles you used"
		}
	}
	rep.Wire = nil
	f := newFramed(rep.Result, rep.Framing, rep.FramingError)
	if rep.FramingLater && rep.Part != partFraming {
		f.due, f.err = true, ""
	}
	framings.Lock()
	defer framings.Unlock()
	for i, g := range framings.list {
		if g.res == rep.Result {
			framings.list[i] = f // a framed is never changed: a view may be reading it
			return
		}
	}
	framings.list = append(framings.list, f)
	if n := len(framings.list); n > 3 {
		framings.list = append(framings.list[:0], framings.list[n-3:]...)
	}
}

// framingState is the go-app state the workspace page sets when the framing of a
// result comes after its alignment: views that show framing signals observe it, so
// they draw them when they come (their result, and so their fields, stay the same).
const framingState = "parallax/framing"

// framingOf returns the framing of res, or nil if none was kept.
func framingOf(res *compare.Result) *framed {
	if res == nil {
		return nil
	}
	framings.Lock()
	defer framings.Unlock()
	for i := len(framings.list) - 1; i >= 0; i-- {
		if framings.list[i].res == res {
			return framings.list[i]
		}
	}
	return nil
}

func newFramed(res *compare.Result, fc *framing.Comparison, err string) *framed {
	f := &framed{res: res, fc: fc, err: err, docs: docPositions(res), claims: map[string]int{},
		labels: map[compare.Ref][]framing.Label{}, notes: map[string]string{}, names: map[string]string{}, voices: map[string]int{}}
	if fc == nil {
		if f.err == "" {
			f.err = "no framing signals came with this comparison"
		}
		return f
	}
	for i, c := range fc.Claims {
		f.claims[c.Claim] = i
	}
	for _, r := range fc.Articles {
		for _, l := range r.Labels {
			ref := compare.Ref{Doc: r.Doc, Sentence: l.Sentence}
			f.labels[ref] = append(f.labels[ref], l)
		}
	}
	for _, e := range fc.Glossary {
		f.notes[e.Category+"|"+e.Term] = e.Note
		if e.Term == "" {
			f.names[e.Category] = e.Name
		}
	}
	for i, v := range fc.Voices {
		f.voices[v.Key] = i
	}
	return f
}

// claim returns the framing of the claim with the ID, or nil.
func (f *framed) claim(id string) *framing.ClaimFraming {
	if f == nil || f.fc == nil {
		return nil
	}
	i, ok := f.claims[id]
	if !ok {
		return nil
	}
	return &f.fc.Claims[i]
}

// doc returns the document with the ID, or nil.
func (f *framed) doc(id string) *compare.Document {
	i, ok := f.docs[id]
	if !ok {
		return nil
	}
	return &f.res.Documents[i]
}

// note returns the lexicon's note on a term, or on its category.
func (f *framed) note(category, term string) string {
	if n := f.notes[category+"|"+term]; n != "" {
		return n
	}
	return f.notes[category+"|"]
}

// speaker returns the name of the speaker with the key, or the key.
func (f *framed) speaker(key string) string {
	if i, ok := f.voices[key]; ok {
		return f.fc.Voices[i].Name
	}
	return key
}
