package compare

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// rebuild returns the two texts a diff turns into each other.
func rebuild(chunks []Chunk) (a, b string) {
	var sa, sb strings.Builder
	for _, c := range chunks {
		if c.Op != Insert {
			sa.WriteString(c.Text)
		}
		if c.Op != Delete {
			sb.WriteString(c.Text)
		}
	}
	return sa.String(), sb.String()
}

func TestWords(t *testing.T) {
	tests := []struct {
		name    string
		a, b    string
		deleted []string // whole words that must appear in a Delete chunk
		added   []string // whole words that must appear in an Insert chunk
		kept    []string // words that must stay Equal
	}{
		{
			name:    "gaza health ministry attribution",
			a:       "according to the Gaza health ministry",
			b:       "According to the Hamas-run Gaza Health Ministry",
			deleted: []string{"according", "health ministry"},
			added:   []string{"According", "Hamas-run", "Health Ministry"},
			kept:    []string{"to the", "Gaza"},
		},
		{
			name:    "numbers are whole words",
			a:       "has killed more than 22,0000 Palestinians",
			b:       "23,000 Palestinians have been killed",
			deleted: []string{"22,0000"},
			added:   []string{"23,000"},
		},
		{name: "identical", a: "Blinken met Herzog.", b: "Blinken met Herzog.", kept: []string{"Blinken met Herzog."}},
		{name: "empty to text", a: "", b: "Nothing will stop us.", added: []string{"Nothing will stop us."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.a, tt.b)
			ra, rb := rebuild(got)
			if ra != tt.a || rb != tt.b {
				t.Fatalf("Words(%q, %q) rebuilds %q and %q", tt.a, tt.b, ra, rb)
			}
			has := func(op Op, w string) bool {
				for _, c := range got {
					if c.Op == op && strings.Contains(c.Text, w) {
						return true
					}
				}
				return false
			}
			for _, w := range tt.deleted {
				if !has(Delete, w) {
					t.Errorf("Words(%q, %q) = %v; want %q deleted", tt.a, tt.b, got, w)
				}
			}
			for _, w := range tt.added {
				if !has(Insert, w) {
					t.Errorf("Words(%q, %q) = %v; want %q inserted", tt.a, tt.b, got, w)
				}
			}
			for _, w := range tt.kept {
				if !has(Equal, w) {
					t.Errorf("Words(%q, %q) = %v; want %q kept", tt.a, tt.b, got, w)
				}
			}
		})
	}
}

// FuzzWords checks that a word diff always rebuilds both texts, whatever the bytes.
func FuzzWords(f *testing.F) {
	f.Add("according to the Gaza health ministry", "According to the Hamas-run Gaza Health Ministry")
	f.Add("22,0000 Palestinians", "23,000 Palestinians")
	f.Add("\xff\xfe bad", "bad \xff")
	f.Add("“Nothing will stop us.”", "Nothing’ll stop us")
	f.Add("at 07:37 a.m. (3:37 a.m. EDT) 1,2345,678 fifth", "at 7:37, 20,000 people; the fourth")
	f.Fuzz(func(t *testing.T, a, b string) {
		// Numbers that differ are numbers each sentence writes, and none is the same on both sides.
		for _, ch := range NumberChanges(a, b) {
			if ch.From == "" || ch.To == "" || !strings.Contains(a, ch.From) || !strings.Contains(b, ch.To) {
				t.Fatalf("NumberChanges(%q, %q) gives %+v", a, b, ch)
			}
		}
		got := Words(a, b)
		ra, rb := rebuild(got)
		if ra != a || rb != b {
			t.Fatalf("Words(%q, %q) rebuilds %q and %q", a, b, ra, rb)
		}
		for i, c := range got {
			if c.Text == "" {
				t.Fatalf("chunk %d is empty", i)
			}
			if i > 0 && got[i-1].Op == c.Op {
				t.Fatalf("chunks %d and %d have the same op", i-1, i)
			}
			if utf8.ValidString(a) && utf8.ValidString(b) && !utf8.ValidString(c.Text) {
				t.Fatalf("chunk %q is not valid UTF-8", c.Text)
			}
		}
	})
}

// TestNumberChanges checks which numbers of two real sentences are set against each
// other: those that count the same thing, not every number one side gives.
func TestNumberChanges(t *testing.T) {
	const nyt = "Since the Hamas terrorist attacks in Israel on Oct. 7, Mr. Biden has strongly supported Israel’s war in Gaza, in which the Israeli military, armed with American weapons, has killed more than 22,0000 Palestinians, most of them civilians, according to the Gaza health ministry."
	tests := []struct {
		name, a, b string
		want       []NumberChange
	}{
		{"the same count, the same word after it", nyt,
			"According to the Hamas-run Gaza Health Ministry, 23,000 Palestinians have been killed.",
			[]NumberChange{{From: "22,0000", To: "23,000"}}},
		{"one number each, of one order of magnitude (22,0000 read as 22,000)", nyt,
			"The Biden team recognizes that its challenge is not just Prime Minister Benjamin Netanyahu, since Israelis across the board support the military operation that according to the Gaza Health Ministry has killed more than 20,000 people.",
			[]NumberChange{{From: "22,0000", To: "20,000"}}},
		{"other counts: attackers, the dead of Oct. 7, hostages", nyt,
			"War erupted in Gaza after Hamas’s October 7 massacres, which saw some 3,000 terrorists burst across the border into Israel, killing some 1,200 people and seizing over 240 hostages of all ages amid horrific atrocities.",
			nil},
		{"one number each, far apart: another count", nyt,
			"The complicated diplomacy between Washington and Jerusalem since Hamas terrorists killed 1,200 people has played out across both governments.",
			nil},
		{"a magnitude against a toll (ECB+ 37_ecbplus)",
			"6.1-magnitude quake strikes Indonesia's Aceh province in region hit by 2004 tsunami",
			"Officials say at least 24 people were killed and more than 200 injured by the quake, which struck the western tip of Sumatra island on Tuesday.",
			nil},
		{"ordinals written as words: one trip counted as the fourth and the fifth",
			"But as Mr. Blinken flies into the Middle East for the fourth time since October, Mr. Biden and his aides are increasingly struggling with their Israeli counterparts.",
			"In Israel for his fifth visit since the October 7 Hamas attacks, Blinken met in Tel Aviv with President Isaac Herzog, Foreign Minister Israel Katz, and Prime Minister Benjamin Netanyahu.",
			[]NumberChange{{From: "fourth", To: "fifth"}}},
		{"in the first sentence's order: a pair by its counted word, then the one left of each",
			"Hamas killed about 1,139 people in Israel on Oct. 7 and took some 250 hostages.",
			"Hamas killed some 1,200 Israelis on Oct. 7 and took 240 hostages back to Gaza.",
			[]NumberChange{{From: "1,139", To: "1,200"}, {From: "250", To: "240"}}},
		{"numbers only one side gives are no disagreement",
			"A magnitude-6.1 earthquake struck Indonesia's Aceh province on Tuesday.",
			"Soldiers and police are leading rescue operations in Indonesia after a 6.1 magnitude earthquake hit Aceh province leaving 24 dead and over 200 injured.",
			nil},
		{"a percent sign is a percent: a share against a share, a price against a price",
			"Acme's shares fell 8% on Wednesday to $45.20.",
			"Shares in Acme dropped 9 percent to $44.80 on Wednesday.",
			[]NumberChange{{From: "8", To: "9"}, {From: "45.20", To: "44.80"}}},
		{"billions written on and written out are one figure",
			"The government will spend $1.2bn on schools and $300m on roads.",
			"The government will spend $1.5 billion on schools.",
			[]NumberChange{{From: "1.2", To: "1.5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NumberChanges(tt.a, tt.b); !slices.Equal(got, tt.want) {
				t.Errorf("NumberChanges = %+v, want %+v", got, tt.want)
			}
		})
	}
}
