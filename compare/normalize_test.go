package compare

import (
	"slices"
	"testing"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []string // keys both must contain
	}{
		{"us aliases", "U.S. officials said", "officials in the United States", []string{"usa", "offici"}},
		{"us short", "the US pressed Israel", "Washington pressed Israelis", []string{"usa", "israel", "press"}},
		{"numbers with commas", "killing some 1,200 people", "killed 1200 people", []string{"#1200", "die", "peopl"}},
		{"dates", "on Oct. 7", "on October 7th", []string{"@oct-7"}},
		{"typo number does not crash", "more than 22,0000 Palestinians", "22,0000 Palestinians", []string{"#220000", "palestinian"}},
		{"names and titles", "Mr. Netanyahu refused", "Netanyahu's refusal", []string{"netanyahu", "refus"}},
		{"irregular verbs", "Blinken met Herzog", "Blinken meets Herzog", []string{"blinken", "meet", "herzog"}},
		{"captivity paraphrase", "kidnapping over 240", "seized 240 hostages", []string{"hostag", "#240"}},
		{"cease-fire", "a cease-fire plan", "the ceasefire", []string{"ceasefir"}},
		{"ordinals", "his fifth visit since October", "the 5th trip", []string{"#5th"}},
		{"hyphenated numbers", "36-year-old Duncan Rait died", "Duncan Rait, 36, died", []string{"#36", "rait"}},
		{"hyphenated measures", "a 2,000-foot fall", "fell 2000 feet", []string{"#2000"}},
		{"averting", "to stave off a wider war", "to avert a regional war", []string{"prevent", "war"}},
		{"widening conflicts", "the war could escalate", "a widening war", []string{"spread", "war"}},
		{"cutting back", "curtail attacks", "a reduction in attacks", []string{"reduc", "attack"}},
		{"day before month", "since 7 October", "since Oct. 7", []string{"@oct-7"}},
		{"ordinal day before month", "on the 7th of October", "on 7th October", []string{"@oct-7"}},
		{"invisible characters inside words", "Netan\u00adyahu met Blinken", "Net\u200banyahu met \ufeffBlinken", []string{"netanyahu", "blinken"}},
		{"date after a prefix", "his first four post-October 7 trips", "since the October 7 attacks", []string{"@oct-7"}},
		{"month after a prefix", "a mid-January visit", "in January", []string{"@jan"}},
		{"ordinals past ten", "unveiled as the 11th Doctor", "the eleventh Doctor", []string{"#11th", "doctor"}},
		{"diacritics kept or dropped", "Erdoğan visited Doğanşehir", "Erdogan visits Dogansehir", []string{"erdogan", "dogansehir", "visit"}},
		{"billions written on", "will spend $1.2bn on schools", "will spend $1.2 billion", []string{"#1.2", "billion", "spend"}},
		{"the percent sign", "shares fell 8%", "shares fell 8 percent", []string{"#8", "percent", "fall"}},
		{"units written on", "a 10km run", "ran 10 km", []string{"#10", "km"}},
		{"promises", "He pledged 10,000 new houses within a year.", "He promised 10,000 new homes; Israel vowed to eliminate Hamas", []string{"promis", "#10000"}},
		{"feet written on", "fell about 2,000ft", "fell 2,000 feet", []string{"#2000", "feet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta, tb := Terms(tt.a), Terms(tt.b)
			for _, k := range tt.want {
				if !slices.Contains(ta, k) || !slices.Contains(tb, k) {
					t.Errorf("Terms(%q) = %v, Terms(%q) = %v; want both to contain %q", tt.a, ta, tt.b, tb, k)
				}
			}
		})
	}
}

func TestOrdinal(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"fifth", "5", true},
		{"twelfth", "12", true},
		{"11th", "11", true},
		{"2nd", "2", true},
		{"23rd", "23", true},
		{"101st", "101", true},
		{"first", "", false},  // as often "first time" as a rank
		{"second", "", false}, // as often a unit of time
		{"th", "", false},
		{"0th", "", false},
		{"4x4th", "", false},
		{"12345th", "", false},
		{"19th-century", "", false},
	}
	for _, tt := range tests {
		got, ok := ordinal(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ordinal(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNeededShared(t *testing.T) {
	// From the most central pair (two short reports of one occasion) to a peripheral one.
	prev := 0.0
	for _, central := range []float64{1, centralFull, centralFull / 2, 0.01, 0} {
		n := neededShared(central)
		if n < minSharedCentral || n > minSharedOther || n < prev {
			t.Errorf("neededShared(%v) = %v; want within [%v, %v] and no less than for more central pairs (%v)", central, n, minSharedCentral, minSharedOther, prev)
		}
		prev = n
	}
	if neededShared(1) != minSharedCentral || neededShared(0) != minSharedOther {
		t.Errorf("neededShared(1), neededShared(0) = %v, %v; want %v, %v", neededShared(1), neededShared(0), minSharedCentral, minSharedOther)
	}
}

func TestIsYear(t *testing.T) {
	for s, want := range map[string]bool{"2024": true, "1999": true, "129": false, "2,024": false, "3000": false, "1899": false, "20245": false, "": false} {
		if got := IsYear(s); got != want {
			t.Errorf("IsYear(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestStem holds the stemmer to the Snowball English (Porter2) algorithm's own examples
// and to what matching needs of it: curly and straight apostrophes alike, short words kept.
func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"consign", "consign"},
		{"consigned", "consign"},
		{"consignment", "consign"},
		{"generously", "generous"},
		{"knightly", "knight"},
		{"hostages", "hostag"},
		{"negotiations", "negoti"},
		{"dying", "die"},    // an exceptional form
		{"skies", "sky"},    // an exceptional form
		{"news", "news"},    // an invariant form
		{"gently", "gentl"}, // an exceptional form
		{"don’t", "don't"},
		{"don't", "don't"},
		{"us", "us"},
		{"is", "is"},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestClockTimes checks that a time of day is one word to match and to diff, never two
// numbers: AP's "at 07:37 a.m. UTC (3:37 a.m. EDT)" (ECB+ 37_12ecbplus) used to flag
// "numbers differ: — → 07; — → 37; — → 3; — → 37" against every other report.
func TestClockTimes(t *testing.T) {
	s := "A magnitude-6.1 earthquake struck Indonesia's Aceh province on Tuesday at 07:37 a.m. UTC (3:37 a.m. EDT), killing at least one and leaving two others missing."
	ts := Terms(s)
	for _, k := range []string{"7:37", "3:37"} {
		if !slices.Contains(ts, k) {
			t.Errorf("Terms = %v, want %q", ts, k)
		}
	}
	for _, k := range ts {
		if k == "#7" || k == "#37" || k == "#3" {
			t.Errorf("Terms = %v: %q is a time of day, not a number", ts, k)
		}
	}
	if got := Terms("at 7:37 a.m."); !slices.Contains(got, "7:37") {
		t.Errorf(`Terms("at 7:37 a.m.") = %v: 07:37 and 7:37 must match`, got)
	}
	for _, tt := range []struct{ in, first string }{
		{"07:37 a.m.", "07:37"},
		{"Note: the", "Note"},
		{"2:53 p.m.", "2:53"},
		{"8: 00", "8"},
	} {
		if got := tt.in[:tokenEnd(tt.in, 0)]; got != tt.first {
			t.Errorf("first token of %q = %q, want %q", tt.in, got, tt.first)
		}
	}
}

// TestTitleCase checks which lines read as Title Case headlines, whose capitals say
// nothing of which words are names.
func TestTitleCase(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"Breaking News: Sudan Bombs Yida Refugee Camp in South Sudan", true},
		{"Obama Administration Restores Endangered Species Act Protections!", true},
		{"Blinken meets Israel’s war leadership as US concerns grow", false},
		{"Lindsay Lohan has left the Betty Ford Center and is moving to a rehab facility in Malibu, Calif.", false},
		{"Obama Wins", false}, // too short to tell
	} {
		if got := titleCase(splitWords(tt.line, nil)); got != tt.want {
			t.Errorf("titleCase(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestMisgrouped checks the readings of a malformed thousands grouping, which the
// engine compares numbers by and framing flags ("22,0000" in seed 000).
func TestMisgrouped(t *testing.T) {
	for _, tt := range []struct {
		in, alt, whole string
		group          int
		ok             bool
	}{
		{"22,0000", "22,000", "220,000", 4, true},
		{"1,2345,678", "1,234,000", "12,345,678", 4, true},
		{"1,20", "1,20", "120", 2, true},
		{"1,200", "", "", 0, false},
		{"1,200.5", "", "", 0, false},
		{"2,000-foot", "", "", 0, false},
		{"1234,567", "", "", 0, false}, // the first group is what is wrong
	} {
		alt, whole, group, ok := Misgrouped(tt.in)
		if alt != tt.alt || whole != tt.whole || group != tt.group || ok != tt.ok {
			t.Errorf("Misgrouped(%q) = %q, %q, %d, %v; want %q, %q, %d, %v", tt.in, alt, whole, group, ok, tt.alt, tt.whole, tt.group, tt.ok)
		}
	}
}
