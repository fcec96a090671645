package compare

import (
	"regexp"
	"strings"
	"sync"
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
// ("Most Popular", "read more:", "Related Articles", "Back to top button"), section
// labels above the headline ("Middle East"), bylines and author notes ("By Jennifer
// Hansler, CNN", "Lazar Berman is The Times of Israel's diplomatic reporter"), datelines
// ("CNN —", "WASHINGTON (AP) —"), photo credits ("(Kobi Gideon/GPO)"), lines repeated
// word for word (a caption shown twice) and contributor notes. Everything set aside is
// reported in Debris with its offsets, so nothing the reader pasted disappears unseen.
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
	top := true       // still above the first body paragraph
	afterNav := false // below a "Most Popular" or "Related Articles" marker
	for i, l := range lines {
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
		case isByline(s, n) || isAuthorNote(s, n, top):
			c.debris(DebrisByline, text, l.start, l.end)
			continue
		case isDatelineLine(s, n):
			c.debris(DebrisDateline, text, l.start, l.end)
			continue
		case isCreditLine(s, n):
			c.debris(DebrisCredit, text, l.start, l.end)
			continue
		}
		afterNav = false
		if m := creditIndex(s); m != nil && m[0] > 0 {
			// A photo caption: the caption is text, the credit is debris.
			c.Blocks = append(c.Blocks, Block{Role: RoleCaption, Start: l.start, End: l.start + m[0]})
			c.debris(DebrisCredit, text, l.start+m[0], l.end)
			continue
		}
		if top && titleLike {
			switch {
			case c.Headline == "" && len(c.Blocks) == 0 && n <= 3 && i+1 < len(lines) &&
				isTitleLike(text[lines[i+1].start:lines[i+1].end], -1):
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
	return c
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
// the two are joined into one span.
func splitLines(text string) []span {
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
			if n := len(out); n > 0 && softWrap(text, out[n-1], s) {
				out[n-1].end = e
			} else {
				out = append(out, span{s, e})
			}
		}
		start = end + 1
	}
	return out
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
	"more stories", "what to read next", "don't miss", "follow us", "watch")

// navMarkers are navigation lines after which the following headline-like lines are
// other stories' links, not this article.
var navMarkers = setOf("most popular", "most read", "most viewed", "related articles", "related",
	"related stories", "related content", "related coverage", "read more", "read next",
	"more on this story", "more from", "trending", "trending now", "recommended",
	"recommended stories", "you may also like", "top stories", "latest news", "editor's picks",
	"editors' picks", "more stories", "what to read next", "don't miss")

func navKey(s string) string {
	return strings.ToLower(strings.TrimRight(strings.ReplaceAll(s, "’", "'"), " :.»›>|-–—"))
}

func isNavigation(s string, n int) bool {
	if navLines[navKey(s)] {
		return true
	}
	// "read more: Another story's headline", "Sign up for our newsletter"
	return n <= 20 && strings.ContainsAny(s[:min(len(s), 20)], ":SsFfCcDd") && patterns().navPrefix.MatchString(s)
}

func navMarker(s string) bool { return navMarkers[navKey(s)] }

// cleanPatterns are the regular expressions that recognise debris. They are compiled
// on first use: compiling their Unicode classes costs tens of milliseconds under
// WebAssembly, and the browser's page starts this package without cleaning anything.
type cleanPatterns struct {
	navPrefix, byline, authorNote, datelineLine, datelinePrefix, creditTail, creditLine, contributors *regexp.Regexp
}

var patterns = sync.OnceValue(func() *cleanPatterns {
	return &cleanPatterns{
		navPrefix: regexp.MustCompile(`(?i)^(read more|read also|also read|see also|related|watch|listen|more)\s*:|^(sign up|subscribe) (for|to|now)\b|^(follow us|click here|download the)\b`),

		// "By Jennifer Hansler, CNN", "By Antony J. Blinken and Lazar Berman | Reuters"
		byline: regexp.MustCompile(`^(?i:by|written by|words by)\s+\p{Lu}[\p{L}'’.\-]*(\s+(\p{Lu}[\p{L}'’.\-]*|and|&|de|van|von|al|bin|,|\|))*(\s*[,|]\s*\p{Lu}[\p{L}.&'’]*(\s+[\p{L}.&'’]+){0,4})?$`),

		// "Lazar Berman is The Times of Israel's diplomatic reporter"
		authorNote: regexp.MustCompile(`^(\p{Lu}[\p{L}'’.\-]*\s+){1,3}(is|was|writes|covers|reports)\b.*\b(reporter|correspondent|editor|writer|columnist|journalist|contributor|producer|analyst|bureau chief|author)s?\b`),

		// "CNN —", "WASHINGTON (AP) —" on a line of its own.
		datelineLine: regexp.MustCompile(`^[\p{Lu}][\p{L}.,'’\s\x{00a0}]{0,40}(\([\p{L} .]{1,30}\))?[\s\x{00a0}]*(—|–|--)[\s\x{00a0}]*$`),

		// "WASHINGTON (AP) — " or "JERUSALEM — " opening the first paragraph.
		datelinePrefix: regexp.MustCompile(`^\p{Lu}[\p{Lu}.,'’ ]{1,40}([\s\x{00a0}]*\([\p{L} .]{1,30}\))?[\s\x{00a0}]*(—|–|--)[\s\x{00a0}]+`),

		// A photo credit closing a caption: "(Kobi Gideon/GPO)", "(MAHMUD HAMS / AFP)",
		// "(Hezbollah Military Media, via AP)", "(AP Photo/Ohad Zwigenberg)".
		creditTail: regexp.MustCompile(`\s*\(([^()]{1,60}/[^()]{1,60}|[^()]{0,60}\bvia\s+[^()]{1,40}|(?i:(ap|afp|reuters|getty images|epa|gpo|flash90|shutterstock|pool|file photo|courtesy)\b[^()]{0,40}))\)\s*$`),

		// A credit on a line of its own: "(Kobi Gideon/GPO)", "Photo: Miriam Alster/Flash90".
		creditLine: regexp.MustCompile(`^(\(\s*[^()]{1,80}\)|(?i:photo|image|credit|photograph)s?\s*(credit)?\s*:\s*.{1,80})$`),

		// "Jacob Magid contributed to this report."
		contributors: regexp.MustCompile(`(?i)(contributed (to this report|reporting|to this article|to this story)|^reporting was contributed by|^additional reporting by|^(writing|reporting) by .{1,80}editing by)`),
	}
})

// The checks below run a cheap test before their expression: most lines are body text.

func isByline(s string, n int) bool {
	return len(s) > 3 && (s[0] == 'B' || s[0] == 'b' || s[0] == 'W' || s[0] == 'w') &&
		n <= 14 && !strings.HasSuffix(s, ".") && patterns().byline.MatchString(s)
}

func creditIndex(s string) []int {
	if !strings.HasSuffix(s, ")") {
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

// isAuthorNote accepts a one-line author biography at the top of the article or, further
// down, one that is not written as a sentence.
func isAuthorNote(s string, n int, top bool) bool {
	if n > 25 || !strings.Contains(s, " is ") && !strings.Contains(s, " was ") &&
		!strings.Contains(s, " writes ") && !strings.Contains(s, " covers ") && !strings.Contains(s, " reports ") ||
		!patterns().authorNote.MatchString(s) {
		return false
	}
	return top || !strings.HasSuffix(s, ".")
}

func isDatelineLine(s string, n int) bool {
	return n <= 6 && strings.ContainsAny(s, "—–-") && patterns().datelineLine.MatchString(s)
}

func isCreditLine(s string, n int) bool {
	if n > 12 || s[0] != '(' && !strings.Contains(s, ":") || !patterns().creditLine.MatchString(s) {
		return false
	}
	if s[0] == '(' {
		return creditIndex(s) != nil // a bracketed line counts only if it reads as a credit
	}
	return true
}

func isContributors(s string, n int) bool {
	return n <= 40 && strings.Contains(strings.ToLower(s), "report") && patterns().contributors.MatchString(s)
}
