package workspace

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parallax/compare"
	"parallax/compare/framing"
	"parallax/seeds"
)

const textA = "Blinken met Netanyahu in Tel Aviv on Tuesday. They discussed the 136 hostages."

func sample() File {
	return File{Parallax: 1, Articles: []Article{
		{ID: "a", Outlet: "Daily <b>Planet</b>", Title: "Talks", Date: "2024-01-09", Text: textA, Keep: []int{3}},
		{ID: "b", Outlet: "Gazette", Text: "Blinken and Netanyahu talked in Tel Aviv. More than 23,000 have died."},
	}, View: View{Mode: "aligned", Reference: "b", Claim: "c1", Sort: SortPosition}}
}

func TestRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := Encode(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "{\n  \"parallax\": 1,") {
		t.Errorf("Encode starts with %.40q, want the version first", b.String())
	}
	if strings.Contains(b.String(), `\u003c`) {
		t.Error("Encode escaped < as \\u003c: files should stay readable")
	}
	got, err := Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sample()) {
		t.Errorf("Decode(Encode(f)) = %+v, want %+v", got, sample())
	}
	arts := got.CompareArticles()
	if back := New(arts, got.View); !reflect.DeepEqual(back, sample()) {
		t.Errorf("New(CompareArticles()) = %+v, want %+v", back, sample())
	}
}

func TestDecodeErrors(t *testing.T) {
	withArticle := func(i int, edit func(*Article)) string {
		f := sample()
		f.Articles = append(f.Articles, Article{ID: "c", Outlet: "Third", Text: "A third article."})
		edit(&f.Articles[i])
		b, err := json.Marshal(f) // unchecked, as a hand-edited file would be
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	big := strings.Repeat("word ", MaxArticleBytes/5+1)
	many := `{"parallax":1,"articles":[` + strings.Repeat(`{"id":"x","outlet":"o","text":"t"},`, MaxArticles) + `{"id":"x","outlet":"o","text":"t"}]}`
	tests := []struct {
		name, in string
		want     string // in the error
	}{
		{"empty", "", "not a Parallax workspace"},
		{"not json", "hello", "not a Parallax workspace"},
		{"array", "[1,2]", "not a Parallax workspace"},
		{"other json", `{"articles": []}`, "not a Parallax workspace"},
		{"version text", `{"parallax": "one"}`, "not a Parallax workspace"},
		{"version 0", `{"parallax": 0}`, "not a Parallax workspace"},
		{"newer", `{"parallax": 2, "articles": "a new shape"}`, "version 2, which needs a newer Parallax"},
		{"articles not a list", `{"parallax": 1, "articles": {}}`, "articles should be a list"},
		{"cut short", `{"parallax": 1, "articles": [{"id": "a"`, "damaged"},
		{"cut short after the version", `{"parallax": 1`, "damaged"},
		{"trailing", `{"parallax": 1} {"parallax": 1}`, "more after its end"},
		{"no text", withArticle(2, func(a *Article) { a.Text = "  \n" }), "article 3 has no text"},
		{"no outlet", withArticle(1, func(a *Article) { a.Outlet = "" }), "article 2 has no outlet"},
		{"no id", withArticle(0, func(a *Article) { a.ID = "" }), "article 1 has no id"},
		{"same id", withArticle(2, func(a *Article) { a.ID = "a" }), `article 3 has the same id "a" as article 1`},
		{"bad date", withArticle(0, func(a *Article) { a.Date = "9 Jan 2024" }), "article 1 has the date"},
		{"binary", withArticle(0, func(a *Article) { a.Text = "PNG\x00\x01" }), "article 1 cannot be compared"},
		{"keep outside", withArticle(0, func(a *Article) { a.Keep = []int{9999} }), "article 1 restores a piece at offset 9999"},
		{"too big", withArticle(0, func(a *Article) { a.Text = big }), "article 1 is 8.0 MB"},
		{"too many", many, "61 articles: Parallax takes up to 60"},
		{"bad reference", `{"parallax":1,"articles":[],"view":{"reference":"zz"}}`, "reference \"zz\" is not one of the articles"},
		{"markup claim", `{"parallax":1,"articles":[],"view":{"claim":"<img src=x onerror=alert(1)>"}}`, "is not a claim id"},
		{"bad sort", `{"parallax":1,"articles":[],"view":{"sort":"random"}}`, "sort \"random\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Unmarshal([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Unmarshal(%.60q) error = %v, want one containing %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestDecodeAccepts(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty workspace", `{"parallax": 1}`},
		{"byte-order mark", "\xef\xbb\xbf" + `{"parallax": 1, "articles": []}`},
		{"unknown fields", `{"parallax": 1, "note": "from a later 1.x", "articles": [{"id":"a","outlet":"A","text":"t","colour":"red"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Unmarshal([]byte(tt.in)); err != nil {
				t.Errorf("Unmarshal(%q) = %v, want no error", tt.in, err)
			}
		})
	}
	if _, err := Decode(strings.NewReader(strings.Repeat(" ", MaxBytes+1))); err == nil || !strings.Contains(err.Error(), "32 MB") {
		t.Errorf("Decode of 32 MB + 1 = %v, want the size limit", err)
	}
}

func TestFragment(t *testing.T) {
	frag, err := Fragment(sample())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(frag, "w=") || strings.ContainsAny(frag[2:], "+/=#&?% ") {
		t.Errorf("Fragment = %q, want w= and base64url only", frag)
	}
	for _, in := range []string{frag, "#" + frag} {
		got, demo, err := ParseFragment(in, nil)
		if err != nil || demo || !reflect.DeepEqual(got, sample()) {
			t.Errorf("ParseFragment(%.20q) = %+v, %v, %v; want the sample", in, got, demo, err)
		}
	}

	// The seeds, in full: the length a reader meets when sharing the demo's texts.
	all, err := Fragment(New(seeds.Articles(), View{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("the five seed articles as a link: %d characters (JSON %d bytes)", len(all), jsonLen(t, New(seeds.Articles(), View{})))
	if len(all) < WarnLinkChars {
		t.Errorf("the seeds take %d characters, under the warning (%d): the warning would never show", len(all), WarnLinkChars)
	}
}

func jsonLen(t *testing.T, f File) int {
	b, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return len(b)
}

func TestDemoFragment(t *testing.T) {
	arts := seeds.Articles()
	v := View{Mode: "aligned", Reference: arts[2].ID, Claim: "c4", Sort: SortPosition}
	frag := DemoFragment(v)
	if want := "demo&mode=aligned&ref=" + arts[2].ID + "&claim=c4&sort=position"; frag != want {
		t.Errorf("DemoFragment = %q, want %q", frag, want)
	}
	f, demo, err := ParseFragment("#"+frag, arts)
	if err != nil || !demo || f.View != v || len(f.Articles) != len(arts) {
		t.Errorf("ParseFragment(%q) = view %+v, %d articles, demo %v, %v", frag, f.View, len(f.Articles), demo, err)
	}
}

func TestParseFragmentRefuses(t *testing.T) {
	arts := seeds.Articles()
	notWS, _ := deflated(`{"hello": "world"}`)
	newer, _ := deflated(`{"parallax": 7}`)
	bomb, _ := deflated(`{"parallax":1,"articles":[{"id":"a","outlet":"A","text":"` + strings.Repeat("a", MaxBytes) + `"}]}`)
	tests := []struct {
		name, frag string
		want       error  // errors.Is
		msg        string // in the error
	}{
		{"other fragment", "#views", ErrNotLink, ""},
		{"empty", "", ErrNotLink, ""},
		{"markup", "#w=<img src=x onerror=alert(1)>", nil, "damaged or cut short"},
		{"cut short", "#w=" + must(Fragment(sample()))[3:40], nil, "damaged or cut short"},
		{"not a workspace", "#w=" + notWS, nil, "no Parallax workspace"},
		{"newer", "#w=" + newer, nil, "needs a newer Parallax"},
		{"bomb", "#w=" + bomb, nil, "more than 32 MB"},
		{"too long", "#w=" + strings.Repeat("A", MaxLinkChars+1), nil, "more than the 2000000"},
		{"demo markup ref", `#demo&ref=<script>alert(1)</script>`, nil, "is not one of the articles"},
		{"demo markup claim", `#demo&claim="><svg/onload=alert(1)>`, nil, "is not a claim id"},
		{"demo bad escape", `#demo&ref=%zz`, nil, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseFragment(tt.frag, arts)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("ParseFragment(%.40q) error = %v, want %v / %q", tt.frag, err, tt.want, tt.msg)
			}
		})
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

// deflated packs any JSON as Fragment would, without checking it.
func deflated(js string) (string, error) {
	return pack([]byte(js))
}

func result(t *testing.T) *compare.Result {
	t.Helper()
	res, err := compare.Compare(sample().CompareArticles(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Claims) == 0 {
		t.Fatal("the sample has no shared claim")
	}
	return res
}

func TestWriteMarkdown(t *testing.T) {
	res := result(t)
	fr := framing.Compare(res, sample().CompareArticles(), framing.Default())
	tests := []struct {
		name       string
		fr         *framing.Comparison
		want, lack []string
	}{
		{"with framing", fr,
			[]string{"# Parallax comparison", "Daily \\<b\\>Planet\\</b\\>", "## Shared claims (", "### Claim 1", "- **Gazette", "## Reported by one outlet only", "> where: ", "## Framing"},
			nil},
		{"without framing", nil,
			[]string{"## Shared claims (", "## Reported by one outlet only"},
			[]string{"> where: ", "## Framing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteMarkdown(&b, res, tt.fr); err != nil {
				t.Fatal(err)
			}
			md := b.String()
			for _, want := range tt.want {
				if !strings.Contains(md, want) {
					t.Errorf("Markdown lacks %q:\n%s", want, md)
				}
			}
			for _, lack := range tt.lack {
				if strings.Contains(md, lack) {
					t.Errorf("Markdown has %q", lack)
				}
			}
			if strings.Contains(md, "<b>") {
				t.Error("Markdown lets HTML through")
			}
		})
	}
}

func TestWriteCSV(t *testing.T) {
	res := result(t)
	res.Documents[0].Outlet = "=HYPERLINK(\"http://x\")"
	var b bytes.Buffer
	if err := WriteCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], CSVHeader) {
		t.Errorf("header = %v, want %v", rows[0], CSVHeader)
	}
	want := 0
	for _, c := range res.Claims {
		seen := map[string]bool{}
		for _, m := range c.Members {
			seen[m.Doc] = true
		}
		want += len(seen)
	}
	if len(rows)-1 != want {
		t.Errorf("%d rows, want %d (one per claim and outlet)", len(rows)-1, want)
	}
	for _, r := range rows[1:] {
		if r[0] == "" || r[3] == "" || r[4] == "" {
			t.Errorf("row %q lacks the claim, sentence or position", r)
		}
		// The position in the words the app and the README use, not the JSON's.
		if !slices.Contains([]string{"lead", "first third", "middle", "last third"}, r[4]) {
			t.Errorf("row %q: position %q, want lead, first third, middle or last third", r, r[4])
		}
		if strings.HasPrefix(r[1], "=") {
			t.Errorf("outlet cell %q would run as a formula", r[1])
		}
	}
}
