package compare

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Block is a stretch of an article's text with one role, as found by Clean.
// Start and End are byte offsets into the text given to Clean.
type Block struct {
	Role  Role
	Start int
	End   int
}

// Cleaned is what Clean finds in an article: the blocks of text to split into
// sentences, the headline and subhead if the text carries them, and the debris set aside.
type Cleaned struct {
	Headline string
	Subhead  string
	Blocks   []Block
	Debris   []Debris
}

// Clean finds the article body in text and sets page debris aside: navigation
// ("Most Popular", "read more:", "Related Topics", "Share", "4 minute read"), section
// labels above the headline ("Middle East"), bylines and author notes ("By Jennifer
// Hansler, CNN", "David Gritten" above "BBC News", "Lazar Berman is The Times of Israel's
// diplomatic reporter", and at the article's foot "Sarah Lee is a Reuters correspondent
// based in Miami."), datelines ("CNN —", "WASHINGTON (AP) —", "MALATYA, Turkey (AP) —",
// "Gaza City, Oct. 7 (AFP) -"), publication times ("Updated 2 hours ago"), photo credits
// ("(Kobi Gideon/GPO)", "Image source, Getty Images"), lines repeated word for word (a
// caption shown twice), contributor notes, editor's notes and corrections, and footers
// (copyright notices, "This article was originally published on …", "Contact the
// reporter at …").
// Everything set aside is reported in Debris with its offsets, so nothing the reader
// pasted disappears unseen.
//
// The headline and subhead at the top (lines without a closing full stop) are returned
// as metadata and also as blocks with RoleHeadline and RoleSubhead; photo captions stay
// as RoleCaption blocks; short headings inside the body become RoleSubhead blocks. A line
// break always ends a sentence, except where a line is wrapped mid-sentence (the next
// line starts in lower case).
func Clean(text string) Cleaned {
	var c Cleaned
	lines := splitLines(text)
	seen := make(map[string]bool)
	top := true          // still above the first body paragraph
	afterNav := false    // below a "Most Popular" or "Related Articles" marker
	afterByline := false // the line before was set aside as a byline
	for i, l := range lines {
		wasByline := afterByline
		afterByline = false
		s := text[l.start:l.end]
		n := wordCount(s)
		titleLike := isTitleLike(s, n)
		if key := dedupKey(s); len(key) >= 30 {
			if seen[key] {
				c.debris(DebrisDuplicate, text, l.start, l.end)
				continue
			}
			seen[key] = true
		}
		switch {
		case isNavigation(s, n):
			c.debris(DebrisNavigation, text, l.start, l.end)
			afterNav = navMarker(s)
			continue
		case afterNav && titleLike:
			c.debris(DebrisNavigation, text, l.start, l.end) // headlines of other stories
			continue
		case isContributors(s, n):
			c.debris(DebrisContributors, text, l.start, l.end)
			continue
		case isNote(s, n):
			c.debris(DebrisNote, text, l.start, l.end)
			continue
		case isFooter(s, n):
			c.debris(DebrisFooter, text, l.start, l.end)
			continue
		case isByline(s, n) || isAuthorNote(s, n, top) || isSourceLine(s, n) || isOutletLine(s) ||
			wasByline && isRoleLine(s, n) ||
			top && c.Headline != "" && i+1 < len(lines) && isNameLine(s, n) && signsByline(text[lines[i+1].start:lines[i+1].end]):
			// "By …"; or a name on its own line above "BBC News", "Chief international
			// correspondent" or the publication time; or the role under a byline.
			c.debris(DebrisByline, text, l.start, l.end)
			afterByline = true
			continue
		case isDatelineLine(s, n):
			c.debris(DebrisDateline, text, l.start, l.end)
			continue
		case isTimestamp(s, n):
			c.debris(DebrisTimestamp, text, l.start, l.end)
			continue
		case isCreditLine(s, n):
			c.debris(DebrisCredit, text, l.start, l.end)
			continue
		}
		afterNav = false
		if k := captionLabel(s); k > 0 {
			// "Image caption, Mr Blinken met Mr Netanyahu": the label is page furniture.
			c.debris(DebrisCredit, text, l.start, l.start+k)
			c.Blocks = append(c.Blocks, Block{Role: RoleCaption, Start: l.start + k, End: l.end})
			continue
		}
		if m := creditIndex(s); m != nil && m[0] > 0 {
			// A photo caption: the caption is text, the credit is debris.
			c.Blocks = append(c.Blocks, Block{Role: RoleCaption, Start: l.start, End: l.start + m[0]})
			c.debris(DebrisCredit, text, l.start+m[0], l.end)
			continue
		}
		if top && titleLike {
			switch {
			case c.Headline == "" && len(c.Blocks) == 0 && i+1 < len(lines) &&
				(n <= 3 || n <= 8 && strings.ContainsAny(s, "|›»")) && isHeadline(text[lines[i+1].start:lines[i+1].end]):
				// "Middle East", "News|Israel War on Gaza" above the headline
				c.debris(DebrisSection, text, l.start, l.end)
			case c.Headline == "":
				c.Headline = s
				c.Blocks = append(c.Blocks, Block{Role: RoleHeadline, Start: l.start, End: l.end})
			case c.Subhead == "" && !hasRole(c.Blocks, RoleBody):
				c.Subhead = s
				c.Blocks = append(c.Blocks, Block{Role: RoleSubhead, Start: l.start, End: l.end})
			default:
				c.Blocks = append(c.Blocks, Block{Role: RoleSubhead, Start: l.start, End: l.end})
			}
			continue
		}
		start := l.start
		if top {
			// "WASHINGTON (AP) — The first paragraph…": the dateline is set aside.
			if m := datelineIndex(s); m != nil && m[1] < len(s) {
				c.debris(DebrisDateline, text, l.start, l.start+m[1])
				start = l.start + m[1]
			}
		}
		role := RoleBody
		if titleLike && n <= 10 {
			role = RoleSubhead // a heading inside the body: "Fears of a Wider War"
		} else {
			top = false
		}
		c.Blocks = append(c.Blocks, Block{Role: role, Start: start, End: l.end})
	}
	c.footBios(text)
	return c
}

// footBios sets aside the author biographies that close the article ("Sarah Lee is a
// Reuters correspondent based in Miami.", "John Smith covers weather for the Miami
// Herald."): body paragraphs shaped as a bio with no body text after them but some
// before. A sentence of that shape further up ("… is a correspondent who was detained in
// Iran") is the story.
func (c *Cleaned) footBios(text string) {
	found := false
	for i := len(c.Blocks) - 1; i >= 0; i-- {
		b := c.Blocks[i]
		if b.Role != RoleBody {
			continue
		}
		s := text[b.Start:b.End]
		if !isBio(s, wordCount(s)) || !hasRole(c.Blocks[:i], RoleBody) {
			break
		}
		c.Blocks = slices.Delete(c.Blocks, i, i+1)
		c.debris(DebrisByline, text, b.Start, b.End)
		found = true
	}
	if found {
		slices.SortStableFunc(c.Debris, func(a, b Debris) int { return a.Start - b.Start })
	}
}

// debris records text[start:end] as set aside, trimmed of surrounding space.
func (c *Cleaned) debris(kind DebrisKind, text string, start, end int) {
	start, end = trimSpan(text, start, end)
	if end > start {
		c.Debris = append(c.Debris, Debris{Kind: kind, Text: text[start:end], Start: start, End: end})
	}
}

func hasRole(blocks []Block, r Role) bool {
	for _, b := range blocks {
		if b.Role == r {
			return true
		}
	}
	return false
}

// span is a trimmed, non-empty line (or run of soft-wrapped lines) of the text.
type span struct{ start, end int }

// splitLines cuts text at line breaks, trims each line and drops empty ones. A line that
// does not end a sentence and is followed by one starting in lower case is a soft wrap:
// the two are joined into one span. In hard-wrapped text (see wrapWidth), a line that
// is full, so that the next line's first word would not have fitted on it, is joined
// to the next as well: "…after Israeli\nPrime Minister Benjamin Netanyahu…".
func splitLines(text string) []span {
	width := wrapWidth(text)
	var out []span
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpan(text, start, end)
		if e > s {
			if n := len(out); n > 0 && (softWrap(text, out[n-1], s) || fullLine(text, out[n-1], s, width)) {
				out[n-1].end = e
			} else {
				out = append(out, span{s, e})
			}
		}
		start = end + 1
	}
	return out
}

// wrapWidth returns the width, in characters, at which text was hard-wrapped (as
// e-mail, plain-text newsletters and copies from PDFs are), or 0 if it was not. In such
// a text no line is over 100 characters, and at least five lines are "full" (within 15
// of the longest), making up at least half of the lines over 30 characters; most of
// them end mid-sentence and go on, without a blank line, on the next line. A text of
// one sentence or caption per line is not wrapped.
func wrapWidth(text string) int {
	type line struct {
		n         int
		cut, more bool // ends mid-sentence; the next line is not blank
	}
	var lines []line
	width := 0
	prevLong := false
	for l := range strings.Lines(text) {
		l = strings.TrimSpace(l)
		n := utf8.RuneCountInString(l)
		if n > 100 {
			return 0
		}
		if prevLong && n > 0 {
			lines[len(lines)-1].more = true
		}
		prevLong = n > 30
		if n > 30 {
			lines = append(lines, line{n: n, cut: !closesSentence(l) && !strings.HasSuffix(l, ":")})
			width = max(width, n)
		}
	}
	full, cut := 0, 0
	for _, l := range lines {
		if l.n >= width-15 {
			full++
			if l.cut && l.more {
				cut++
			}
		}
	}
	if full < 5 || 2*full < len(lines) || 3*cut < 2*full {
		return 0
	}
	return width
}

// fullLine reports whether, in text hard-wrapped at width, the line prev was cut there:
// the first word of the line at next would not have fitted on it.
func fullLine(text string, prev span, next, width int) bool {
	if width == 0 || strings.Count(text[prev.end:next], "\n") != 1 {
		return false
	}
	word := text[next:]
	if i := strings.IndexFunc(word, isSpace); i >= 0 {
		word = word[:i]
	}
	last := text[prev.start:prev.end]
	if i := strings.LastIndexByte(last, '\n'); i >= 0 {
		last = last[i+1:] // prev may already hold several joined lines
	}
	if utf8.RuneCountInString(last)+1+utf8.RuneCountInString(word) <= width {
		return false
	}
	if !closesSentence(last) {
		return true
	}
	// After a full stop, a short line without one is a heading ("‘Weeks, Not Months’"),
	// not the paragraph going on.
	line := text[next:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	return closesSentence(line) || utf8.RuneCountInString(line) >= width-15
}

// closesSentence reports whether s ends with a full stop, question or exclamation mark,
// maybe inside quotes or brackets.
func closesSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isCloser))
	return last == '.' || last == '!' || last == '?'
}

// softWrap reports whether the line at next continues prev mid-sentence: prev was not
// separated from it by a blank line, is long enough to have been wrapped, does not end like a sentence or heading, and next
// starts in lower case.
func softWrap(text string, prev span, next int) bool {
	if strings.Count(text[prev.end:next], "\n") != 1 || prev.end-prev.start < 40 {
		return false
	}
	line := text[prev.start:prev.end]
	last, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsLetter(last) && last != ',' && last != ';' && last != '-' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[next:])
	lastWord := line[strings.LastIndexFunc(line, isSpace)+1:]
	// "…returning to the\nMiddle East": a line cannot end on "the", "to" or "of".
	return unicode.IsLower(first) || (stopwords[lastWord] && len(lastWord) <= 4)
}

// isTitleLike reports a line shaped like a headline or heading: it starts with a capital,
// digit or quote, has at most 30 words and does not end with a full stop (a question or
// closing quote is fine).
func isTitleLike(s string, n int) bool {
	if n < 0 {
		n = wordCount(s)
	}
	if s == "" || n > 30 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !startsSentence(first) {
		return false
	}
	t := strings.TrimRightFunc(s, isCloser)
	last, _ := utf8.DecodeLastRuneInString(t)
	return last != '.' && last != ':' && last != ';' && last != ','
}

// isHeadline reports whether a line below a possible section label reads as the
// headline: title-like and of four words or more ("Lyse Doucet" under a short headline
// is a byline, and that headline is no section label).
func isHeadline(s string) bool {
	n := wordCount(s)
	return n >= 4 && isTitleLike(s, n)
}

// wordCount counts the space-separated words of s, stopping once it passes 64: callers
// only ask whether a line is short.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if isSpace(r) {
			in = false
		} else if !in {
			in = true
			if n++; n > 64 {
				break
			}
		}
	}
	return n
}

// dedupKey is the line reduced to lower-case letters and digits, for finding repeats.
func dedupKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// navigation lines, compared in lower case with trailing punctuation removed.
var navLines = setOf("most popular", "most read", "most viewed", "related articles", "related",
	"related stories", "related content", "related coverage", "read more", "read next",
	"read also", "also read", "see also", "more on this story", "more from", "back to top",
	"back to top button", "advertisement", "advertisements", "ad", "skip to content",
	"skip to main content", "share", "share this article", "share this", "subscribe",
	"sign up", "newsletter", "click here", "trending", "trending now", "recommended",
	"recommended stories", "you may also like", "comments", "show comments", "listen",
	"listen to this article", "print", "email", "copy link", "show more", "loading",
	"top stories", "latest news", "editor's picks", "editors' picks", "continue reading",
	"more stories", "what to read next", "don't miss", "follow us", "watch", "save", "save article",
	"saved", "gift article", "gift this article", "share full article", "bookmark", "comment",
	"comment on this story", "related topics", "topics", "tags", "more on this topic",
	"explore more on these topics", "see all topics", "related links", "reuse this content",
	"link copied", "link copied!", "facebook", "twitter", "tweet", "whatsapp", "linkedin", "reddit",
	"skip advertisement", "supported by", "democracy dies in darkness", "play video", "video",
	"image", "enlarge", "toggle caption", "hide caption", "close", "menu", "search",
	"story continues below advertisement", "article continues after advertisement",
	"advertisement - scroll to continue", "scroll to continue with content",
	"continue reading the main story", "after newsletter promotion", "ad feedback",
	"video ad feedback", "enlarge this image", "keep reading", "end of list", "key events",
	"show key events only")

// navMarkers are navigation lines after which the following headline-like lines are
// other stories' links, not this article.
var navMarkers = setOf("most popular", "most read", "most viewed", "related articles", "related",
	"related stories", "related content", "related coverage", "read more", "read next",
	"more on this story", "more from", "trending", "trending now", "recommended",
	"recommended stories", "you may also like", "top stories", "latest news", "editor's picks",
	"editors' picks", "more stories", "what to read next", "don't miss", "related topics", "topics",
	"tags", "more on this topic", "explore more on these topics", "see all topics", "related links",
	"keep reading")

func navKey(s string) string {
	return strings.ToLower(strings.TrimRight(strings.ReplaceAll(s, "’", "'"), " :.»›>|-–—"))
}

func isNavigation(s string, n int) bool {
	if navLines[navKey(s)] || !hasAlnum(s) || n <= 6 && moreFrom(navKey(s)) { // "___", "* * *"
		return true
	}
	if n <= 4 && s[0] >= '0' && s[0] <= '9' && patterns().readTime.MatchString(s) {
		return true // "4 minute read"
	}
	// "read more: Another story's headline", "Sign up for our newsletter"
	return n <= 20 && strings.ContainsAny(s[:min(len(s), 20)], ":SsFfCcDdGg") && patterns().navPrefix.MatchString(s)
}

// navMarker reports a line after which headline-like lines are other stories: a marker
// such as "Related Articles", or Al Jazeera's "list of 4 items".
func navMarker(s string) bool {
	k := navKey(s)
	return navMarkers[k] || strings.HasPrefix(k, "list of ") || moreFrom(k)
}

// moreFrom reports a link to more of an outlet's or author's stories, given its navKey:
// "more from reuters", "more from the bbc", "more from this author". "More from the
// hearing" may be a heading in the body.
func moreFrom(k string) bool {
	rest, ok := strings.CutPrefix(k, "more from ")
	if !ok {
		rest, ok = strings.CutPrefix(k, "more stories from ")
	}
	if !ok {
		return false
	}
	return outlets[rest] || outlets[strings.TrimPrefix(rest, "the ")] || moreFromOthers[rest]
}

var moreFromOthers = setOf("this author", "the author", "this writer", "this reporter", "this section",
	"our partners", "around the web", "the web")

// cleanPatterns are the regular expressions that recognise debris. They are compiled
// on first use: compiling their Unicode classes costs tens of milliseconds under
// WebAssembly, and the browser's page starts this package without cleaning anything.
type cleanPatterns struct {
	navPrefix, readTime                                  *regexp.Regexp // navigation
	byline, authorNote, source, role                     *regexp.Regexp // who wrote it
	datelineLine, datelinePrefix                         *regexp.Regexp // where it was filed
	creditTail, creditLine, creditAgency, photographTail *regexp.Regexp // photo credits
	contributors, note, footer                           *regexp.Regexp // the article's foot
}

var patterns = sync.OnceValue(func() *cleanPatterns {
	return &cleanPatterns{
		navPrefix: regexp.MustCompile(`(?i)^(read more|read also|also read|see also|related|watch|listen|more|our standards)\s*:|^(sign up|subscribe) (for|to|now)\b|^(follow us|click here|download the|listen to (this|the) (article|story)|save articles? to)\b|^(find|follow|read|see|get|visit|for more)\b.{0,150}(https?://|www\.)\S+$|^privacy notice\s*:|^list of \d+ items?$`),

		// "4 minute read", "5 min listen"
		readTime: regexp.MustCompile(`(?i)^\d+\s*-?\s*(min|mins|minute|minutes)\.?\s+(read|listen|watch)$`),

		// "By Jennifer Hansler, CNN", "By Antony J. Blinken and Lazar Berman | Reuters"
		byline: regexp.MustCompile(`^(?i:by|written by|words by)\s+\p{Lu}[\p{L}'’.\-]*(\s+(\p{Lu}[\p{L}'’.\-]*|\p{Ll}{1,3}-\p{Lu}[\p{L}'’.\-]*|and|&|de|van|von|al|bin|,|\|))*(\s*[,|]\s*\p{Lu}[\p{L}.&'’]*(\s+[\p{L}.&'’]+){0,4})?$`),

		// "Lazar Berman is The Times of Israel's diplomatic reporter"
		authorNote: regexp.MustCompile(`^(\p{Lu}[\p{L}'’.\-]*\s+){1,3}(is|was|writes|covers|reports)\b.*\b(reporter|correspondent|editor|writer|columnist|journalist|contributor|producer|analyst|bureau chief|author)s?\b`),

		// "CNN —", "WASHINGTON (AP) —" on a line of its own.
		datelineLine: regexp.MustCompile(`^[\p{Lu}][\p{L}.,'’\s\x{00a0}]{0,40}(\([\p{L} .]{1,30}\))?[\s\x{00a0}]*(—|–|--)[\s\x{00a0}]*$`),

		// A dateline opening the first paragraph: a place in capitals, maybe its region or
		// country and the date, maybe the agency ("WASHINGTON (AP) — ", "JERUSALEM — ",
		// "MALATYA, Turkey (AP) — ", "CAIRO/JERUSALEM, Feb 7 (Reuters) - "); or a place
		// in mixed case followed by a news agency in brackets, which body text never is
		// ("Gaza City, Oct. 7 (AFP) - ", "Washington (CNN) — ").
		datelinePrefix: regexp.MustCompile(`^(\p{Lu}[\p{Lu}.,'’ /]{1,40}` + dlRegion + `?` + dlDate + `?([\s\x{00a0}]*\([\p{L} .]{1,30}\))?` +
			`|\p{Lu}\p{Ll}[\p{L}'’.\-]*(\s+(\p{Lu}[\p{L}'’.\-]*|al|el|de|la|le)){0,3}` + dlRegion + `?` + dlDate + `?[\s\x{00a0}]*\((` + dlAgencies + `)\))` +
			`[\s\x{00a0}]*(—|–|--|-)([\s\x{00a0}]+|$)`),

		// A photo credit closing a caption: "(Kobi Gideon/GPO)", "(MAHMUD HAMS / AFP)",
		// "(Hezbollah Military Media, via AP)", "(AP Photo/Ohad Zwigenberg)".
		creditTail: regexp.MustCompile(`\s*\(([^()]{1,60}/[^()]{1,60}|[^()]{0,60}\bvia\s+[^()]{1,40}|(?i:(ap|afp|reuters|getty images|epa|gpo|flash90|shutterstock|pool|file photo|courtesy)\b[^()]{0,40}))\)\s*$`),

		// A credit on a line of its own: "(Kobi Gideon/GPO)", "Photo: Miriam Alster/Flash90".
		creditLine: regexp.MustCompile(`^(\(\s*[^()]{1,80}\)|(?i:photo|image|credit|photograph)s?\s*(credit)?\s*:\s*.{1,80})$`),

		// Photo agencies on a line of their own: "Getty Images", "Image source, EPA-EFE/Shutterstock".
		creditAgency: regexp.MustCompile(`(?i)^(image source\s*[,:]\s*|picture\s*:\s*)?(getty images|afp|reuters|epa|epa-efe|ap|ap photo|associated press|shutterstock|anadolu|anadolu agency|bloomberg|pa media|pa|alamy|xinhua|upi|sipa|nurphoto|dpa|tass|abaca|zuma|sopa images|lightrocket|pool|file|bbc|gpo|flash90)(\s+via\s+(getty images|reuters|ap|shutterstock))?(\s*/\s*[\p{L} .'’\-]{1,40})*$`),

		// A credit closing a caption without brackets: "… on Wednesday. Photograph: Mark Schiefelbein/AP".
		photographTail: regexp.MustCompile(`\s*\b(Photograph|Photo|Photos|Picture|Image|Credit)\s*:\s*([^.:]{1,80})$`),

		// "Jacob Magid contributed to this report.", "Associated Press writers … contributed."
		contributors: regexp.MustCompile(`(?i)(contributed (to this report|reporting|to this article|to this story)|^reporting was contributed by|^additional reporting by|^(writing|reporting) by .{1,80}editing by|\b(writers?|reporters?|correspondents?|staff)\b.{0,200}\bcontributed\.?$)`),

		// "Editor's note: This story has been updated.", "Correction: An earlier version …"
		note: regexp.MustCompile(`(?i)^(editor['’]?s['’]? note|note to (our )?readers|corrections?|clarification)\s*(:|—|–)\s*\S`),

		// A copyright notice ("Copyright 2024 The Associated Press. All rights reserved.",
		// "© 2024 Reuters"), a note on where the article first appeared, or how to
		// reach its author.
		footer: regexp.MustCompile(`(?i)^((copyright\s*(©|\(c\))?|©)\s*\d{4}\b|all rights reserved\b|this material may not be published\b` +
			`|this (article|story|piece|post|column) (was|has been|is|first) (originally |first )?(published|posted|appeared|ran)\b` +
			`|(originally|first) (published|appeared) (on|in|at|by)\b|a version of this (article|story) (appears|appeared|was published)\b` +
			`|(contact|email|e-mail|reach|write to) (the )?(reporter|writer|author|journalist|correspondent|editor)s?\b` +
			`|(contact|email|e-mail|reach) \p{Lu}[\p{L}'’.\-]*( \p{Lu}[\p{L}'’.\-]*){0,3} (at|on|via) \S+@\S+$)`),

		// "Source: Al Jazeera and news agencies", "Reporting from Tel Aviv"
		source: regexp.MustCompile(`(?i)^(source|sources)\s*:\s*\S.{0,80}$|^reporting from\s+\p{Lu}.{0,60}$`),

		// The role under a byline: "Chief international correspondent", "Middle East correspondent, BBC News".
		role: regexp.MustCompile(`^\p{Lu}[\p{L}'’\-]*(\s+[\p{L}'’\-]+){0,4}\s+(correspondent|reporter|editor|writer|journalist|analyst|producer|columnist)s?(\s*(,|\bat\b|\bfor\b|\bin\b)\s*\p{Lu}[\p{L}. ]{0,40})?$`),
	}
})

// Parts of a dateline: a region or country (", Turkey", ", N.C.", ", West Bank"), a
// date (", Oct. 7", ", 7 October") and the agencies whose name in brackets marks a
// dateline in mixed case.
const (
	dlRegion   = `(,\s*\p{Lu}[\p{L}.'’\-]*(\s+\p{Lu}[\p{L}.'’\-]*){0,2})`
	dlDate     = `(,\s*(\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?))`
	dlAgencies = `AP|AFP|Reuters|CNN|UPI|dpa|DPA|Xinhua|TASS|Tass|AA|Anadolu|EFE|ANSA|Kyodo|Yonhap|PTI|IANS|ANI|JTA|Bloomberg|WAFA|IRNA|Interfax|Sputnik|Bernama|Antara|KUNA|MENA|SANA|Al Jazeera|AP/AFP|AFP/AP`
)

// The checks below run a cheap test before their expression: most lines are body text.

func isByline(s string, n int) bool {
	return len(s) > 3 && (s[0] == 'B' || s[0] == 'b' || s[0] == 'W' || s[0] == 'w') &&
		n <= 14 && !strings.HasSuffix(s, ".") && patterns().byline.MatchString(s)
}

func creditIndex(s string) []int {
	if !strings.HasSuffix(s, ")") {
		// "… on Wednesday. Photograph: Mark Schiefelbein/AP"
		off := max(0, len(s)-100)
		if !strings.Contains(s[off:], ":") {
			return nil
		}
		if m := patterns().photographTail.FindStringSubmatchIndex(s[off:]); m != nil {
			if who := s[off+m[4]:]; strings.Contains(who, "/") || patterns().creditAgency.MatchString(who) {
				return []int{off + m[0], len(s)}
			}
		}
		return nil
	}
	// Only the last bracketed group can be a credit.
	i := strings.LastIndexByte(s, '(')
	if i < 0 || len(s)-i > 130 {
		return nil
	}
	if !patterns().creditTail.MatchString(s[i:]) {
		return nil
	}
	return []int{i, len(s)}
}

func datelineIndex(s string) []int {
	i := strings.IndexAny(s, "—–-")
	if i < 0 || i > 60 {
		return nil
	}
	return patterns().datelinePrefix.FindStringIndex(s)
}

// isAuthorNote accepts a one-line author biography not written as a sentence ("Lazar
// Berman is The Times of Israel's diplomatic reporter") or, at the top of the article,
// one shaped as a biography (see isBio): "Jason Smith is a Reuters correspondent who was
// detained in Iran." opening the story is the story.
func isAuthorNote(s string, n int, top bool) bool {
	if n > 25 || !strings.Contains(s, " is ") && !strings.Contains(s, " was ") &&
		!strings.Contains(s, " writes ") && !strings.Contains(s, " covers ") && !strings.Contains(s, " reports ") ||
		!patterns().authorNote.MatchString(s) {
		return false
	}
	return !strings.HasSuffix(s, ".") || top && isBio(s, n)
}

// isDatelineLine accepts a dateline on a line of its own: "CNN —", "MALATYA, Turkey (AP) —".
func isDatelineLine(s string, n int) bool {
	if n > 8 || !strings.ContainsAny(s, "—–-") {
		return false
	}
	if n <= 6 && patterns().datelineLine.MatchString(s) {
		return true
	}
	m := datelineIndex(s)
	return m != nil && m[1] == len(s)
}

// isNote accepts an editor's note or a correction: "Editor's note: This story has been updated."
func isNote(s string, n int) bool {
	if n > 80 {
		return false
	}
	// The pattern is anchored and its longest opening ("note to our readers —") is
	// short: matched on whole paragraphs, it made cleaning the seeds a fifth slower.
	return patterns().note.MatchString(s[:min(len(s), 40)])
}

// isFooter accepts what a page prints under the article: a copyright notice, where the
// article first appeared, how to contact its author.
func isFooter(s string, n int) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return n <= 60 && strings.ContainsRune("©CcTtAaOoFfEeRrWw", first) && patterns().footer.MatchString(s)
}

func isCreditLine(s string, n int) bool {
	if n <= 8 && !strings.HasSuffix(s, ".") && patterns().creditAgency.MatchString(s) {
		return true
	}
	if n > 12 || s[0] != '(' && !strings.Contains(s, ":") || !patterns().creditLine.MatchString(s) {
		return false
	}
	if s[0] == '(' {
		return creditIndex(s) != nil // a bracketed line counts only if it reads as a credit
	}
	return true
}

func isContributors(s string, n int) bool {
	if n > 40 {
		return false
	}
	l := strings.ToLower(s)
	return (strings.Contains(l, "report") || strings.Contains(l, "contribut")) && patterns().contributors.MatchString(s)
}

// isSourceLine accepts "Source: Al Jazeera and news agencies" and "Reporting from Tel Aviv".
func isSourceLine(s string, n int) bool {
	return n <= 12 && (s[0] == 'S' || s[0] == 's' || s[0] == 'R') && patterns().source.MatchString(s)
}

// isRoleLine accepts a journalist's role on a line of its own.
func isRoleLine(s string, n int) bool {
	return n <= 9 && !strings.HasSuffix(s, ".") && patterns().role.MatchString(s)
}

// outlets are names of news outlets and agencies, lower case, as they appear on a line of
// their own under a byline ("BBC News") or at a page's foot.
var outlets = setOf("bbc", "bbc news", "reuters", "associated press", "the associated press", "ap",
	"afp", "agence france-presse", "cnn", "al jazeera", "al jazeera staff", "the guardian", "guardian",
	"the new york times", "new york times", "the washington post", "washington post", "fox news",
	"nbc news", "cbs news", "abc news", "npr", "bloomberg", "the times of israel", "times of israel",
	"haaretz", "the jerusalem post", "jerusalem post", "sky news", "the telegraph", "the independent",
	"financial times", "the wall street journal", "wall street journal", "politico", "axios", "dpa",
	"anadolu agency", "xinhua", "france 24", "deutsche welle", "dw", "euronews", "middle east eye",
	"the times", "the economist", "usa today", "los angeles times", "the atlantic", "vox", "the hill")

// isOutletLine reports a line that is only an outlet's name.
func isOutletLine(s string) bool {
	return len(s) <= 40 && outlets[strings.ToLower(strings.TrimRight(s, " ."))]
}

// isNameLine reports a line shaped like a byline without "By": a person's name, maybe two
// joined by "and", maybe followed by "in" and a place ("Julian Borger in Jerusalem").
// Every word is capitalised but particles (al-, bin, de, van…); there are no digits.
func isNameLine(s string, n int) bool {
	if n < 2 || n > 9 || strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "Jr.") {
		return false
	}
	run := 0 // capitalised words in a row
	for _, w := range strings.Fields(s) {
		w = strings.TrimRight(w, ",")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			if run++; run > 4 {
				return false
			}
			for _, c := range w {
				if !unicode.IsLetter(c) && c != '\'' && c != '’' && c != '-' && c != '.' {
					return false
				}
			}
		case w == "and" || w == "&" || w == "in":
			if run == 0 {
				return false
			}
			run = 0
		case nameParticles[w] || strings.Contains(w, "-") && nameParticles[w[:strings.IndexByte(w, '-')]]:
		default:
			return false
		}
	}
	return run > 0
}

var nameParticles = setOf("al", "el", "bin", "ibn", "abu", "de", "del", "der", "van", "von", "da", "di", "du", "le", "la", "ben")

// signsByline reports whether the line under a name shows the name was a byline: an
// outlet, a journalist's role or the publication time.
func signsByline(next string) bool {
	n := wordCount(next)
	return isOutletLine(next) || isRoleLine(next, n) || isTimestamp(next, n)
}

// weekdays, timestampWords, clockWords (time zones, a.m. and p.m.) and timeWords are
// the words a publication time is made of, besides numbers and month names.
var (
	weekdays = setOf("mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur",
		"thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday")
	timestampWords = setOf("updated", "published", "posted", "modified")
	clockWords     = setOf("am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "cest", "est", "edt",
		"et", "pt", "pst", "pdt", "ct", "cst", "cdt", "mt", "ist", "ast", "eet", "eest", "msk", "aest", "jst")
	timeWords = setOf("at", "on", "last", "first", "date", "hours", "hour", "hrs", "hr", "minutes",
		"minute", "mins", "min", "days", "day", "seconds", "secs", "weeks", "week", "an", "a", "just",
		"h", "m", "d")
)

// isTimestamp reports a line that only gives when the article was published or updated:
// "7 February 2024", "Updated 2 hours ago", "Wed 7 Feb 2024 18.45 CET",
// "February 7, 2024 at 5:34 p.m. EST", "2024-02-07", a live blog's "10:32 GMT". A month or
// weekday needs a year, a clock time or "Published"/"Updated" with it, and a clock time a
// zone or "Updated": "October 7" or "9:11" alone may be a crosshead.
func isTimestamp(s string, n int) bool {
	if n > 14 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	var named, year, clock, said, ago, numeric, zone bool
	for _, l := range timestampWordsOf(s) {
		switch {
		case l == "-" || l == "—" || l == "–":
		case months[l] != "" || weekdays[l]:
			named = true
		case l == "ago":
			ago = true
		case timestampWords[l]:
			said = true
		case clockWords[l]:
			zone = true
		case timeWords[l]:
		case isClockOrNumber(l):
			year = year || len(l) == 4 && (strings.HasPrefix(l, "19") || strings.HasPrefix(l, "20"))
			clock = clock || strings.Contains(l, ":") || strings.Count(l, ".") == 1 && len(l) <= 5
			numeric = numeric || strings.Count(l, "-") == 2 || strings.Count(l, "/") == 2
		default:
			return false
		}
	}
	return named && (year || clock || said) || clock && (said || zone) || ago || numeric
}

// timestampDate reads the date in a timestamp line ("Wed 7 Feb 2024 18.45 CET",
// "Published On 7 Feb 2024", "February 7, 2024 at 5:34 p.m. EST", "2024-02-07") as
// YYYY-MM-DD. A line without a year ("Updated 2 hours ago") has no date.
func timestampDate(s string) (string, bool) {
	month, day, year := 0, 0, 0
	for _, l := range timestampWordsOf(s) {
		if t, err := time.Parse("2006-01-02", l); err == nil && len(l) == 10 {
			return t.Format("2006-01-02"), true
		}
		if m, ok := months[l]; ok && month == 0 {
			month = monthNumber[m]
			continue
		}
		n, err := strconv.Atoi(strings.TrimRight(l, "stndrh"))
		switch {
		case err != nil:
		case n >= 1900 && n <= 2100 && year == 0 && len(l) == 4:
			year = n
		case n >= 1 && n <= 31 && day == 0 && !strings.ContainsAny(l, ":."):
			day = n
		}
	}
	if month == 0 || day == 0 || year == 0 {
		return "", false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 31 February
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// timestampWordsOf cuts a timestamp line into lower-case words without trailing dots
// and colons ("Wed 7 Feb. 2024, 18:45" → wed, 7, feb, 2024, 18:45).
func timestampWordsOf(s string) []string {
	words := strings.FieldsFunc(s, func(r rune) bool { return isSpace(r) || strings.ContainsRune(",|·()", r) })
	for i, w := range words {
		words[i] = strings.ToLower(strings.TrimRight(w, ".:"))
	}
	return words
}

var monthNumber = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// isClockOrNumber accepts "7", "7th", "2024", "14.03", "5:34", "5:34pm", "2024-02-07", "07/02/2024".
func isClockOrNumber(l string) bool {
	l = strings.TrimSuffix(strings.TrimSuffix(l, "pm"), "am")
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		l = strings.TrimSuffix(l, suf)
	}
	if l == "" {
		return false
	}
	for _, r := range l {
		if (r < '0' || r > '9') && r != ':' && r != '.' && r != '/' && r != '-' {
			return false
		}
	}
	return true
}

func hasAlnum(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// captionLabel returns the length of a caption label opening s ("Image caption, "), or 0.
func captionLabel(s string) int {
	for _, p := range []string{"Image caption, ", "Image caption: ", "Caption: ", "Caption, "} {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			return len(p)
		}
	}
	return 0
}

// isBio reports a sentence shaped like an author's biography: a name of two to four
// words, then "is" and a journalist's role ("Sarah Lee is a Reuters correspondent based
// in Miami.", "… is The Times of Israel's diplomatic reporter."), or "covers", "writes"
// or "reports", a beat and the outlet ("John Smith covers weather for the Miami
// Herald."). What may follow the role is where or for whom the author works, or what
// they cover: "… is a correspondent who was detained in Iran." is no biography.
func isBio(s string, n int) bool {
	if n < 4 || n > 35 || !strings.HasSuffix(s, ".") || strings.ContainsAny(s, "\"“”?!;:()") {
		return false
	}
	words := strings.Fields(strings.TrimSuffix(s, "."))
	i := nameLength(words)
	if i < 2 || i >= len(words)-1 {
		return false
	}
	switch words[i] {
	case "is":
		return bioRole(words[i+1:])
	case "covers", "writes", "reports":
		return bioBeat(words[i+1:], words[i] != "covers")
	}
	return false
}

// nameLength returns how many words open words as a person's name: capitalised words
// and particles ("al", "de"), at most four, none a pronoun or title ("He", "The", "Mr.").
func nameLength(words []string) int {
	i := 0
	for ; i < len(words) && i <= 4; i++ {
		w := words[i]
		r, _ := utf8.DecodeRuneInString(w)
		if nameParticles[w] && i > 0 {
			continue
		}
		if !unicode.IsUpper(r) || notNames[strings.ToLower(strings.TrimRight(w, "."))] ||
			strings.IndexFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && !strings.ContainsRune("'’.-", c) }) >= 0 {
			break
		}
	}
	if i > 4 {
		return 0
	}
	return i
}

// notNames are capitalised words that open a sentence but no person's name.
var notNames = setOf("the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
	"his", "her", "its", "their", "our", "my", "a", "an", "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen",
	"president", "minister", "in", "on", "at", "but", "and", "if", "when", "after", "there", "here")

// bioRoles are the roles a biography gives its author ("chief" only as "bureau chief").
var bioRoles = setOf("reporter", "correspondent", "editor", "writer", "columnist", "journalist", "contributor",
	"producer", "analyst", "author", "photographer", "photojournalist", "critic", "commentator", "chief")

// bioRole reads what follows "is" in a biography: an article or the outlet's name, a few
// words of description, the role ("diplomatic reporter", "bureau chief") and a tail.
func bioRole(rest []string) bool {
	first, _ := utf8.DecodeRuneInString(rest[0])
	if rest[0] != "a" && rest[0] != "an" && rest[0] != "the" && !unicode.IsUpper(first) {
		return false
	}
	for j, w := range rest[:min(len(rest), 8)] {
		l := strings.ToLower(strings.TrimRight(w, ","))
		if bioRoles[l] && (l != "chief" || j > 0 && rest[j-1] == "bureau") {
			return j > 0 && bioTail(rest[j+1:])
		}
		if strings.HasSuffix(w, ",") {
			return false // a comma before the role: "is a man, a father"
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && j > 0 && bioFunctionWords[l] &&
			!(l == "of" || l == "and") {
			return false // "is the son of a reporter", "is proud to be a reporter"
		}
		if l == "of" && (j == 0 || j+1 >= len(rest) || !unicode.IsUpper([]rune(rest[j+1])[0]) || !unicode.IsUpper([]rune(rest[j-1])[0])) {
			return false // "of" only inside an outlet's name: "The Times of Israel's"
		}
	}
	return false
}

// bioBeat reads what follows "covers", "writes" or "reports" in a biography: the beat
// ("weather", "about technology"; "covers" needs one) and "for" or "at" the outlet, in
// capitals, then a tail ("John Smith covers weather for the Miami Herald.").
func bioBeat(rest []string, noBeat bool) bool {
	for j, w := range rest[:min(len(rest), 7)] {
		if w == "for" || w == "at" {
			if j == 0 && !noBeat {
				return false
			}
			k := j + 1
			if k < len(rest) && (rest[k] == "the" || rest[k] == "The") {
				k++
			}
			m := k
			for ; m < len(rest); m++ {
				r, _ := utf8.DecodeRuneInString(rest[m])
				if !unicode.IsUpper(r) && rest[m] != "of" && rest[m] != "&" && rest[m] != "and" {
					break
				}
			}
			if m == k || !unicode.IsUpper([]rune(rest[m-1])[0]) {
				return false // no outlet: "covers the cost for the family"
			}
			return bioTail(rest[m:])
		}
		if bioClauseWords[strings.ToLower(strings.Trim(w, ",."))] {
			return false
		}
	}
	return false
}

// bioTail reports whether the words after a biography's role say where or for whom the
// author works or what they cover ("based in Miami", "for Reuters", ", where she covers
// energy", "who covers the White House"), not what happened to them.
func bioTail(tail []string) bool {
	if len(tail) == 0 {
		return true
	}
	if len(tail) > 15 || !bioTailStarts[strings.ToLower(tail[0])] {
		return false
	}
	for j := 0; j < len(tail); j++ {
		l := strings.ToLower(strings.Trim(tail[j], ",."))
		if l == "who" || l == "where" {
			// "who covers the White House", "where she has reported on energy"
			if l == "where" && j+1 < len(tail) && (tail[j+1] == "he" || tail[j+1] == "she" || tail[j+1] == "they") {
				j++
			}
			if j+1 < len(tail) && (tail[j+1] == "has" || tail[j+1] == "have" || tail[j+1] == "previously") {
				j++
			}
			if j+1 >= len(tail) || !bioBeatVerbs[strings.ToLower(tail[j+1])] {
				return false
			}
			j++
			continue
		}
		if bioClauseWords[l] {
			return false
		}
	}
	return true
}

var (
	// bioTailStarts open what may follow a biography's role.
	bioTailStarts = setOf("based", "for", "at", "with", "in", "on", "from", "covering", "who", "and", "where", "focusing")
	// bioBeatVerbs say what an author covers: "who covers the White House".
	bioBeatVerbs = setOf("covers", "covered", "writes", "written", "wrote", "reports", "reported", "focuses",
		"focused", "edits", "edited", "worked", "works", "specializes", "specialises")
	// bioClauseWords open or make a clause that tells a story, not a biography.
	bioClauseWords = setOf("who", "which", "that", "when", "after", "before", "until", "because", "while",
		"whose", "was", "were", "is", "are", "has", "had", "have", "been", "being", "said", "says", "told",
		"but", "if", "will", "would", "could", "did", "not")
	// bioFunctionWords may not come between "is" and the role.
	bioFunctionWords = setOf("of", "and", "to", "for", "in", "at", "with", "by", "on", "from", "who",
		"which", "that", "be", "been", "not", "no", "was", "as", "like")
)
