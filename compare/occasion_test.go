package compare

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestReassign(t *testing.T) {
	// Documents 0–2 were merged into occasion 0 early on; document 2 is more like 3 and 4
	// (occasion 1). Document 5 is alone.
	sim := [][]float64{
		{0, .8, .3, 0, 0, .1},
		{.8, 0, .3, 0, 0, .1},
		{.3, .3, 0, .6, .6, .1},
		{0, 0, .6, 0, .9, .1},
		{0, 0, .6, .9, 0, .1},
		{.1, .1, .1, .1, .1, 0},
	}
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name   string
		direct float64 // every direct similarity
		floor  float64
		dates  []time.Time
		dated  []bool
		want   []int
	}{
		{"moves to the occasion it is most like", .1, .03, make([]time.Time, 6), make([]bool, 6), []int{0, 0, 1, 1, 1, 2}},
		{"not below the direct floor", .01, .03, make([]time.Time, 6), make([]bool, 6), []int{0, 0, 0, 1, 1, 2}},
		{"not across dates far apart", .1, .03,
			[]time.Time{day(1), day(1), day(1), day(30), day(30), day(1)},
			[]bool{true, true, true, true, true, true}, []int{0, 0, 0, 1, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			direct := make([][]float64, len(sim))
			for i := range direct {
				direct[i] = slices.Repeat([]float64{tt.direct}, len(sim))
			}
			occ := []int{0, 0, 0, 1, 1, 2}
			reassign(occ, []int{0, 1, 2, 3, 4, 5}, 3, sim, direct, tt.floor, tt.dates, tt.dated)
			if !slices.Equal(occ, tt.want) {
				t.Errorf("occasions %v, want %v", occ, tt.want)
			}
		})
	}
}

func TestMergeNamed(t *testing.T) {
	texts := []string{
		"Actress Tara Reid has entered the Promises Treatment Center in Malibu.",
		"Tara Reid checked into Promises in Malibu, her representative said.",
		"Tara Reid is in rehab at Promises in Malibu.",
		"Lindsay Lohan has left the Betty Ford Center after a three-month stay.",
		"Lohan walked out of Betty Ford on Thursday, her lawyer said.",
		"Lindsay Lohan is out of the Betty Ford clinic.",
	}
	tests := []struct {
		name  string
		dates []string
		want  []int // which documents share an occasion: equal numbers
	}{
		{"one story's articles join, two stories stay apart", nil, []int{0, 0, 0, 1, 1, 1}},
		{"not across dates far apart", []string{"2008-12-01", "2008-12-01", "2009-03-01", "", "", ""}, []int{0, 0, 2, 1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := make([]Document, len(texts))
			for i, s := range texts {
				a := Article{ID: string(rune('a' + i)), Text: s}
				if tt.dates != nil {
					a.Date = tt.dates[i]
				}
				docs[i] = Parse(a)
			}
			c := newCorpus(docs)
			c.occasion = []int{0, 0, 1, 2, 2, 3} // each story split in two
			c.mergeNamed(docDates(docs))
			for i := range docs {
				for j := range docs {
					if same, want := c.occasion[i] == c.occasion[j], tt.want[i] == tt.want[j]; same != want {
						t.Errorf("articles %d and %d in one occasion: %v, want %v (occasions %v)", i, j, same, want, c.occasion)
					}
				}
			}
		})
	}
}

// TestReaderOccasions: the reader's grouping of the articles by occasion replaces the
// engine's; articles it leaves out are occasions of their own, and a grouping made for
// other articles is refused with a message that says why.
func TestReaderOccasions(t *testing.T) {
	arts := seedArticles(t)
	id := func(prefix string) string {
		for _, a := range arts {
			if strings.HasPrefix(a.ID, prefix) {
				return a.ID
			}
		}
		t.Fatalf("no seed %s", prefix)
		return ""
	}
	jan := []string{id("000"), id("002"), id("003")}
	feb := []string{id("001"), id("004")}
	own, err := Compare(arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		occasions [][]string
		want      [][]string // Result.Occasions
		err       string
	}{
		{"the two trips, as the engine reads them", [][]string{feb, jan}, nil, ""}, // want: the engine's own
		{"one story", [][]string{append(slices.Clone(jan), feb...)}, [][]string{{id("000"), id("001"), id("002"), id("003"), id("004")}}, ""},
		{"left out, each alone", [][]string{jan}, [][]string{{id("000"), id("002"), id("003")}, {id("001")}, {id("004")}}, ""},
		{"an unknown article", [][]string{{jan[0], "bbc"}}, nil, `the occasions name "bbc", which is none of the articles`},
		{"an article twice", [][]string{jan, {jan[0]}}, nil, "twice"},
	}
	tests[0].want = own.Occasions
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Compare(arts, &Options{Occasions: tt.occasions})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !res.OccasionsGiven || !slices.EqualFunc(res.Occasions, tt.want, slices.Equal) {
				t.Errorf("occasions %v (given %v), want %v", res.Occasions, res.OccasionsGiven, tt.want)
			}
		})
	}
	// Told the engine's own reading, it aligns as it would alone; told the two trips are
	// one story, it aligns across them as within one.
	same, _ := Compare(arts, &Options{Occasions: [][]string{jan, feb}})
	if len(same.Claims) != len(own.Claims) {
		t.Errorf("the engine's own occasions, given: %d claims, want its %d", len(same.Claims), len(own.Claims))
	}
	across := func(r *Result) (n int) { // claims holding both trips' articles
		for _, c := range r.Claims {
			if spans(c, jan, feb) {
				n++
			}
		}
		return n
	}
	one, _ := Compare(arts, &Options{Occasions: [][]string{append(slices.Clone(jan), feb...)}})
	if a, b := across(own), across(one); b <= a {
		t.Errorf("one story: %d claims hold both trips' articles, as many as the engine's %d", b, a)
	}
}

// spans tells whether a claim holds articles of both groups.
func spans(c Claim, x, y []string) bool {
	in := func(g []string) bool {
		return slices.ContainsFunc(c.Members, func(m Ref) bool { return slices.Contains(g, m.Doc) })
	}
	return in(x) && in(y)
}

// TestCopiesOneArticle: a wire story as two sites run it (retitled, its ending cut,
// straight quotes for curly ones) counts as one article in what decides the occasions.
// A copy of The New York Times's January article used to split the January trip in
// two: the copy doubled how many articles hold its words and became its closest
// neighbour.
func TestCopiesOneArticle(t *testing.T) {
	arts := seedArticles(t)
	own, err := Compare(arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	occasionOf := func(r *Result, id string) int {
		for k, ids := range r.Occasions {
			if slices.Contains(ids, id) {
				return k
			}
		}
		return -1
	}
	// copyOf is seed i as another site runs it.
	copyOf := func(i int) Article {
		a := arts[i]
		lines := strings.Split(a.Text, "\n")
		a.ID, a.Outlet = a.ID+"-copy", "Another site"
		a.Text = "Republished: " + strings.NewReplacer("“", `"`, "”", `"`, "’", "'").Replace(strings.Join(lines[:len(lines)*9/10], "\n"))
		return a
	}
	for _, tt := range []struct {
		name  string
		seeds []int // the seeds copied
	}{
		{"The New York Times, January", []int{0}},
		{"Associated Press, February", []int{1}},
		{"The Times of Israel, January", []int{2}},
		{"two of one article", []int{1, 1}},
		{"one of each trip", []int{0, 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			with := slices.Clone(arts)
			for n, i := range tt.seeds {
				c := copyOf(i)
				c.ID += strings.Repeat("x", n)
				with = append(with, c)
			}
			res, err := Compare(with, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Occasions) != len(own.Occasions) {
				t.Errorf("%d occasions %v, want the seeds' own %d", len(res.Occasions), res.Occasions, len(own.Occasions))
			}
			for _, a := range arts {
				for _, b := range arts {
					if same, was := occasionOf(res, a.ID) == occasionOf(res, b.ID), occasionOf(own, a.ID) == occasionOf(own, b.ID); same != was {
						t.Errorf("%s and %s on one occasion: %v, without the copy %v", a.ID, b.ID, same, was)
					}
				}
			}
			for _, c := range with[len(arts):] {
				orig := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(c.ID, "x"), "-copy"), "x")
				if occasionOf(res, c.ID) != occasionOf(res, orig) {
					t.Errorf("the copy %s is not on its article's occasion: %v", c.ID, res.Occasions)
				}
			}
		})
	}
}

func TestIsCopy(t *testing.T) {
	set := func(keys ...uint64) map[uint64]bool {
		m := map[uint64]bool{}
		for _, k := range keys {
			m[k] = true
		}
		return m
	}
	tests := []struct {
		name string
		a, b map[uint64]bool
		want bool
	}{
		{"the same", set(1, 2, 3), set(1, 2, 3), true},
		{"its ending cut", set(1, 2, 3, 4, 5), set(1, 2, 3, 4), true},
		{"a line of its own", set(1, 2, 3, 4, 5), set(1, 2, 3, 4, 5, 6), true},
		{"sharing a quotation", set(1, 2, 3, 4, 5), set(1, 6, 7, 8, 9), false},
		{"sharing three of five", set(1, 2, 3, 4, 5), set(1, 2, 3, 8, 9), false},
		{"empty", set(), set(1), false},
	}
	for _, tt := range tests {
		if got := isCopy(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: isCopy = %v, want %v", tt.name, got, tt.want)
		}
	}
}
