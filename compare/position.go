package compare

import "strings"

// positionWords are the words that voice a position: what someone wants, demands,
// opposes, vows or refuses ("Washington opposes the forcible displacement", "Saudi
// Arabia still has a strong interest", "we have pressed Israel"). Reports of an event
// ("Blinken said at a press conference in Doha", "He also plans to visit the West
// Bank") rarely use them. Words news uses mostly for something else are left out:
// "press" (a press conference), "call" (a phone call).
var positionWords = setOf(strings.Fields(`want wants wanted wanting must should need needs needed
demand demands demanded demanding urge urges urged urging insist insists insisted insisting
oppose opposes opposed opposing opposition reject rejects rejected rejecting
support supports supported supporting presses pressed pressing push pushes pushed pushing
vow vows vowed vowing swear swears swore sworn pledge pledges pledged pledging
promise promises promised commit commits committed committing commitment
interest interested imperative stress stresses stressed stressing
warn warns warned warning refuse refuses refused refusing resist resists resisted resisting
dismiss dismisses dismissed dismissing eager determined determination
seek seeks sought seeking aim aims aimed aiming goal goals hope hopes hoped hoping
condemn condemns condemned condemning criticize criticizes criticized criticizing
criticise criticises criticised criticising criticism rebuke rebukes rebuked rebuking
welcome welcomes welcomed welcoming endorse endorses endorsed endorsing
priority priorities cannot won't won’t`)...)

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
