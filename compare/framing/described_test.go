package framing

import (
	"strings"
	"testing"

	"parallax/compare"
)

// analyzeText finds the framing signals of one article of text.
func analyzeText(tb testing.TB, text string) Report {
	tb.Helper()
	a := compare.Article{ID: "t", Text: text}
	return Analyze(compare.Parse(a), text, nil)
}

// quoteOf returns the quotation of r that begins with prefix.
func quoteOf(tb testing.TB, r Report, prefix string) Quote {
	tb.Helper()
	for _, q := range r.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q
		}
	}
	tb.Fatalf("no quotation begins with %q among %v", prefix, r.Quotes)
	return Quote{}
}

// flood is the auditor's report: an activist named and quoted, then quotations tagged
// with sources named by what they are.
const flood = `Flood news

Mayor Jane Alvarez toured the damage on Monday. Gov. Ron Smith flew over the town.

"The warnings were ignored for years," said Tom Reyes, a local activist.

"We lost everything," a neighbor said.

"They worked around the clock," the governor said.

"Nobody came to help us," her father said.

"The water rose in minutes," the witness said.

"It's a disaster," one resident, who asked not to be named, said.

"It was a giveaway," one of the neighbors said.
`

// TestDescribedSpeakers checks that a quotation tagged with a source named by what it
// is ("a neighbor said", "her father said", "Reid's rep told Us") is that source's,
// not a continuation of the speaker quoted before, and that "the governor" is the one
// governor the article names.
func TestDescribedSpeakers(t *testing.T) {
	tests := []struct {
		name, text, quote string
		want, via         string
	}{
		{"a neighbor", flood, "We lost everything", "neighbor", "after"},
		{"the governor named before", flood, "They worked around the clock", "Ron Smith", "after"},
		{"her father", flood, "Nobody came to help us", "her father", "after"},
		{"the witness", flood, "The water rose in minutes", "witness", "after"},
		{"an aside between commas", flood, "It's a disaster", "one resident", "sentence"},
		{"one of the neighbors", flood, "It was a giveaway", "neighbors", "after"},
		{"no governor named", "Storm\n\n\"They worked around the clock,\" the governor said.\n", "They worked", "governor", "after"},
		{"inverted", "Storm\n\n\"We lost everything,\" said Tom Reyes. \"Nothing is left,\" said a neighbor.\n", "Nothing is left", "neighbor", "after"},
		{"a role before a title", "Stadium\n\n\"This is a historic day for our city.\n\n\"Now the real work begins,\" said council president Maria Gomez.\n", "Now the real work", "Maria Gomez", "after"},
		{"1_9ecbplus", "Lohan had checked into Morningside Recovery Center Thursday morning, but then left because \u201cshe was not happy with the place,\u201d her father said.", "she was not happy", "her father", "after"},
		{"27_9ecb", "The security update for IE, dubbed MS08-078, resolves a publicly disclosed vulnerability that \"could allow remote code execution if a user views a specially crafted Web page using Internet Explorer,\" the software giant said in a statement.", "could allow", "software giant", "after"},
		{"1_11ecb", "\"Tara Reid has checked herself into Promises Treatment Center,\" Reid's rep told Us.", "Tara Reid", "Reid's rep", "after"},
		{"still continued", "Flood\n\n\"We did everything we could,\" said Mayor Jane Alvarez. \"Nobody could have predicted this.\"\n", "Nobody could", "Jane Alvarez", "continued"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteOf(t, analyzeText(t, tt.text), tt.quote)
			if q.Name != tt.want || q.Via != tt.via {
				t.Errorf("quote %q: speaker %q via %q, want %q via %q", tt.quote, q.Name, q.Via, tt.want, tt.via)
			}
		})
	}
}

// TestDescribedSourcing checks that sources named by what they are count as sourcing.
func TestDescribedSourcing(t *testing.T) {
	r := analyzeText(t, flood)
	// every sentence from the activist's quotation on, and the governor's flight
	// ("flew" is no speech verb) is not
	if got, want := r.Sourcing.Attributed, 7; got != want {
		t.Errorf("Analyze(flood): %d of %d sentences attributed, want %d: %v", got, r.Sentences, want, r.Attributions)
	}
}

// TestSourcesOfNumbers checks the source given to numbers: never an article or a
// determiner alone, and the whole source, not a word of it.
func TestSourcesOfNumbers(t *testing.T) {
	tests := []struct {
		name, text, number, want string
	}{
		{"13_14ecb an estimated", "Wasilla Bible Church, the home church of Alaska Gov. Sarah Palin and her family, received an estimated $1 million in damage from a fire that was deliberately set Friday night.", "$1 million", ""},
		{"13_19ecb an estimated", "An overnight fire Friday at Alaska Gov. Sarah Palin's home church caused an estimated $1 million in damage, and investigators say it could be the work of an arsonist.", "$1 million", ""},
		{"a company in apposition", "The owner, Acme Corp., estimated the damage at $1.2 billion, or about 3% of the county's economic output.", "$1.2 billion", "Acme Corp"},
		{"an agency's spokesman", "At least 40 people were killed, according to UN Relief and Works Agency spokesman Christopher Gunness.", "40", "Christopher Gunness"},
		{"doctors in a place", "Doctors in Gaza said 12 people died in the strike.", "12", "Doctors in Gaza"},
		{"a subject before an aside", "The mayor, who toured the site, said the storm killed three people.", "three", "The mayor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := analyzeText(t, tt.text)
			for _, n := range r.Numbers {
				if n.Text == tt.number {
					if n.Source != tt.want {
						t.Errorf("%q: source %q, want %q", tt.number, n.Source, tt.want)
					}
					return
				}
			}
			t.Errorf("no number %q among %v", tt.number, r.Numbers)
		})
	}
}

// TestTitledVoices checks that a person named with an abbreviated title and with the
// title spelled out, or with none, is one voice.
func TestTitledVoices(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"Gov.", "Flood\n\n\"We will rebuild,\" said Gov. Ron Smith.\n\n\"We will rebuild stronger,\" Governor Ron Smith said.\n", "Ron Smith"},
		{"Lt. Gov.", "Flood\n\n\"Help is coming,\" said Lt. Gov. Ann Lee.\n\n\"Help is here,\" Lieutenant Governor Ann Lee said.\n", "Ann Lee"},
		{"the Rev.", "Flood\n\n\"We're not going anywhere,\" said the Rev. Mark Hill, pastor of First Baptist Church.\n\nMark Hill said: \"We will stay.\"\n", "Mark Hill"},
		{"Mayor", "Flood\n\n\"The city is safe,\" said Mayor Jane Alvarez.\n\n\"The city is open,\" Jane Alvarez said.\n", "Jane Alvarez"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs := analyzeText(t, tt.text).Voices
			if len(vs) != 1 || vs[0].Name != tt.want || vs[0].Quotes != 2 {
				t.Errorf("voices %v, want %q quoted twice", vs, tt.want)
			}
		})
	}
}

// TestWorkTitles: the title of a work in quotation marks is no quotation (ECB+ 39_1ecb:
// the series "Doctor Who." was the BBC's quotation); a short quote elsewhere still is.
func TestWorkTitles(t *testing.T) {
	tests := []struct {
		text   string
		quotes int
	}{
		{`The BBC says little-known actor Matt Smith will take over the title role in the long-running sci-fi series "Doctor Who."`, 0},
		{`Reid became famous from her 1999 role in "American Pie" and had her own reality show "Taradise" in 2005.`, 0},
		{`Netanyahu called the plan "Delusional" on Wednesday.`, 1},
		{`"We Will Rebuild," the governor said.`, 1},
	}
	for _, tt := range tests {
		if got := len(analyzeText(t, tt.text).Quotes); got != tt.quotes {
			t.Errorf("%q: %d quotations, want %d", tt.text, got, tt.quotes)
		}
	}
}
