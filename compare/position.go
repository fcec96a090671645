package compare

import "strings"

// positionWords are the words that voice a position: what someone wants, demands,
// opposes, vows or refuses ("Washington opposes the forcible displacement", "Saudi
// Arabia still has a strong interest", "we have pressed Israel"). Reports of an event
// ("Blinken said at a press conference in Doha", "He also plans to visit the West
// Bank") rarely use them. Only forms that are seldom anything else: not "press"
// (a press conference) nor "call" (a phone call).
var positionWords = setOf(strings.Fields(`want wants wanted wanting must should need needs needed
demand demands demanded demanding urge urges urged urging insist insists insisted insisting
oppose opposes opposed opposing opposition reject rejects rejected rejecting
support supports supported supporting presses pressed pressing push pushes pushed pushing
vow vows vowed vowing swear swore sworn pledge pledges pledged promise promises promised
committed commitment interest interested imperative stress stresses stressed
warn warns warned warning refuse refuses refused resist resists resisted
dismiss dismisses dismissed eager determined seek seeks sought aim aims goal goals
hope hopes hoped condemn condemns condemned criticize criticized criticise criticised criticism
rebuke rebuked welcome welcomed endorse endorsed priority cannot won't won’t`)...)

// voicesPosition reports whether sentence si voices a position (see voicesPosition).
func (c *corpus) voicesPosition(si int) bool { return c.voices[si] }

// voicesPosition reports whether a sentence voices a position: holds one of
// positionWords.
func voicesPosition(text string) bool { return voicesPositionWords(splitWords(text, nil)) }

// voicesPositionWords is voicesPosition for a sentence's words, as terms reads them.
func voicesPositionWords(words []rawWord) bool {
	for _, w := range words {
		if positionWords[w.lower] {
			return true
		}
	}
	return false
}
