package compare

import (
	"strconv"
	"strings"
	"time"
)

// Chronology: an article cannot tell, in the past tense, an event that happened after it
// was published. The New York Times of December 30 telling how Netanyahu "sent his
// right-hand adviser, Ron Dermer, to Washington" for a meeting with Blinken shares the
// cast and the words of The Times of Israel's "Herzog … meets … Blinken in Tel Aviv on
// January 9, 2024", and without this check the two, and everything said of the January
// trip, made one claim. A preview is different ("Blinken will meet…", "is returning to
// the Middle East this week"): what it announces may be the very event a later report
// dates.

// vetoScore is the link between two sentences that cannot report the same event. No
// sum of real scores outweighs it, so the average link between any two groups that
// hold them stays below the threshold: no claim holds both.
const vetoScore = -1e6

// pastWords are forms that tell a sentence narrates what has happened. Only irregular
// forms and a few adverbs: "-ed" is as often an adjective or a name ("United States",
// "armed with", "a hundred").
var pastWords = setOf(strings.Fields("was were had did met sent said told took went came gave made held left saw began spoke flew wrote ago yesterday")...)

// aheadWords are forms that tell a sentence looks ahead, even when it is told in the
// past ("officials said he will", "the visit was scheduled for"). "Would" is not one:
// narration uses it for what someone promised ("sent his adviser, … who assured … that
// Israel would soon shift"); only after a bare "said" or "told" does it announce (see
// toldInPast).
var aheadWords = setOf(strings.Fields("will shall plans planned planning expected expects scheduled slated upcoming next intends tomorrow due")...)

// dateEvents reads the publication dates of the articles and the date each sentence of
// a dated article gives its event.
func (c *corpus) dateEvents() {
	c.pub, c.dated = docDates(c.docs)
	for i := range c.sents {
		if s := &c.sents[i]; c.dated[s.doc] {
			s.day, _ = latestDay(s.terms, c.pub[s.doc])
		}
	}
}

// chronology returns vetoes (edges scored vetoScore) between each sentence that dates
// its event and the sentences told in the past by articles of the same occasion
// published before that date. Across occasions there is nothing to veto: sentences of
// two occasions are linked only as one standing position voiced on different days,
// which a later date does not rule out (see linkScore).
func (c *corpus) chronology() []edge {
	var out []edge
	for b, sb := range c.sents {
		if sb.day.IsZero() {
			continue
		}
		for d, ss := range c.byDoc {
			if d == sb.doc || c.occasion[d] != c.occasion[sb.doc] || !c.dated[d] || !c.pub[d].Before(sb.day) {
				continue
			}
			for _, a := range ss {
				if c.toldInPast(a) {
					out = append(out, edge{min(a, b), max(a, b), vetoScore})
				}
			}
		}
	}
	return out
}

// toldInPast reports whether sentence si is told in the past (see toldInPast).
func (c *corpus) toldInPast(si int) bool { return c.told[si] }

// oneDay is 24 hours.
const oneDay = 24 * time.Hour

// latestDay returns the latest month-and-day date among the terms ("@jan-9") that is
// not after pub, the article's publication date: the day of the event the sentence
// reports. A date is read in the year that puts it between ten months before and two
// months after pub; one after pub is a plan, not an event that happened.
func latestDay(ts []term, pub time.Time) (time.Time, bool) {
	var latest time.Time
	found := false
	for _, t := range ts {
		if t.kind != kindDate {
			continue
		}
		mon, dd, ok := strings.Cut(strings.TrimPrefix(t.key, "@"), "-")
		m := monthNumber[mon] // (clean.go)
		n, err := strconv.Atoi(dd)
		if !ok || m == 0 || err != nil {
			continue
		}
		at := time.Date(pub.Year(), time.Month(m), n, 0, 0, 0, 0, time.UTC)
		switch {
		case at.Sub(pub) > 60*oneDay:
			at = at.AddDate(-1, 0, 0) // a January article's "Dec. 26"
		case pub.Sub(at) > 305*oneDay:
			at = at.AddDate(1, 0, 0) // a December article's "Jan. 9"
		}
		if at.After(pub) {
			continue // a plan ("the truce expires on Jan. 15"), not an event that happened
		}
		if !found || at.After(latest) {
			latest, found = at, true
		}
	}
	return latest, found
}

// toldInPast reports whether a sentence narrates what has happened and does not look
// ahead: it has a past form and no look-ahead word, and if its only past forms are
// "said" or "told", no "would" ("he said he would press Israel" announces).
func toldInPast(text string) bool { return toldInPastWords(splitWords(text, nil)) }

// toldInPastWords is toldInPast for a sentence's words, as terms reads them.
func toldInPastWords(words []rawWord) bool {
	narrated, reported, would := false, false, false
	for _, rw := range words {
		w := strings.ReplaceAll(rw.lower, "’", "'")
		if aheadWords[w] || strings.HasSuffix(w, "'ll") {
			return false
		}
		switch {
		case w == "said" || w == "told":
			reported = true
		case pastWords[w]:
			narrated = true
		case w == "would":
			would = true
		}
	}
	return narrated || reported && !would
}
