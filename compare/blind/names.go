package blind

import (
	"slices"
	"strings"
	"unicode"

	"parallax/compare"
)

// aliases are other ways of writing well-known outlets, by the outlet's name in
// lower case without a leading "the". An outlet not listed is still masked by its
// name as given, without "The", without a note in brackets, and by its initials.
var aliases = map[string][]string{
	"associated press":      {"AP", "AP News", "apnews.com"},
	"ap":                    {"Associated Press", "AP News", "apnews.com"},
	"ap news":               {"AP", "Associated Press", "apnews.com"},
	"reuters":               {"reuters.com", "Thomson Reuters"},
	"agence france-presse":  {"AFP", "Agence France Presse"},
	"afp":                   {"Agence France-Presse", "Agence France Presse"},
	"new york times":        {"NYT", "NY Times", "nytimes.com", "New York Times"},
	"nyt":                   {"New York Times", "NY Times", "nytimes.com"},
	"washington post":       {"WaPo", "washingtonpost.com"},
	"wall street journal":   {"WSJ", "wsj.com"},
	"times of israel":       {"ToI", "TOI", "timesofisrael.com"},
	"jerusalem post":        {"JPost", "jpost.com"},
	"haaretz":               {"haaretz.com"},
	"cnn":                   {"cnn.com", "CNN International"},
	"bbc":                   {"BBC News", "bbc.co.uk", "bbc.com"},
	"bbc news":              {"BBC", "bbc.co.uk", "bbc.com"},
	"guardian":              {"theguardian.com", "Guardian"},
	"al jazeera":            {"aljazeera.com", "Al Jazeera English"},
	"fox news":              {"foxnews.com", "Fox News Channel"},
	"npr":                   {"National Public Radio", "npr.org"},
	"national public radio": {"NPR", "npr.org"},
	"financial times":       {"FT", "ft.com"},
	"los angeles times":     {"LA Times", "latimes.com"},
	"politico":              {"politico.com"},
	"axios":                 {"axios.com"},
	"bloomberg":             {"Bloomberg News", "bloomberg.com"},
	"nbc news":              {"NBC", "nbcnews.com"},
	"cbs news":              {"CBS", "cbsnews.com"},
	"abc news":              {"ABC", "abcnews.go.com"},
	"sky news":              {"news.sky.com"},
	"deutsche welle":        {"DW", "dw.com"},
	"france 24":             {"france24.com"},
}

// variants returns the ways of writing an outlet that its articles may use: the name
// as given, without a leading "The" and without a note in brackets ("Associated
// Press (as republished)"), its initials when it has three words or more, and the
// known aliases.
func variants(outlet string) []string {
	var out []string
	add := func(v string) {
		v = strings.Join(strings.Fields(v), " ")
		if len([]rune(v)) >= 2 && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	add(outlet)
	base := outlet
	if i := strings.IndexAny(base, "(["); i > 0 {
		base = base[:i]
	}
	base = strings.TrimSpace(base)
	add(base)
	bare := base
	if len(bare) > 4 && strings.EqualFold(bare[:4], "the ") {
		bare = strings.TrimSpace(bare[4:])
	}
	add(bare)
	if strings.ToLower(bare) == bare && !strings.Contains(bare, " ") && len(bare) <= 5 {
		add(strings.ToUpper(bare)) // "cnn" typed in lower case is "CNN" in the text
	}
	if in := initials(bare); len(in) >= 3 {
		add(in)
	}
	for _, a := range aliases[strings.ToLower(bare)] {
		add(a)
	}
	return out
}

// initials returns the initials of a name's capitalised words ("New York Times":
// "NYT"), or "" if a word is not capitalised.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "of", "and", "&", "the", "de", "la", "le":
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// reporterWords name the reporters in letter order.
var reporterWords = []string{"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
	"Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty"}

// reporterNames finds the people named in the articles' bylines, author notes and
// contributor notes, and gives each a pseudonym, "Reporter One"… in the order of
// the outlets' letters. The pseudonym is capitalised like a name so that a masked
// byline ("By Reporter One, Outlet E") is still recognised as a byline.
func reporterNames(arts []compare.Article, k Key) []form {
	order := slices.Clone(arts)
	slices.SortStableFunc(order, func(a, b compare.Article) int {
		return slices.Index(k.Outlets, outletKey(a.Outlet)) - slices.Index(k.Outlets, outletKey(b.Outlet))
	})
	outlets := map[string]bool{}
	for _, o := range k.Outlets {
		for _, v := range variants(o) {
			outlets[strings.ToLower(v)] = true
		}
	}
	var forms []form
	seen := map[string]bool{}
	for _, a := range order {
		for _, d := range compare.Clean(a.Text).Debris {
			if d.Kind != compare.DebrisByline && d.Kind != compare.DebrisContributors {
				continue
			}
			for _, name := range personNames(d.Text) {
				if seen[name] || outlets[strings.ToLower(name)] {
					continue
				}
				seen[name] = true
				with := "Reporter " + reporterWords[min(len(forms), len(reporterWords)-1)]
				if len(forms) >= len(reporterWords) {
					with = "A Reporter"
				}
				forms = append(forms, form{text: name, with: with})
			}
		}
	}
	return forms
}

// notName are capitalised words of bylines and notes that are not part of a name.
var notName = map[string]bool{
	"by": true, "written": true, "words": true, "reporting": true, "reported": true, "and": true,
	"the": true, "is": true, "was": true, "contributed": true, "additional": true, "with": true,
	"from": true, "in": true, "for": true, "staff": true, "writer": true, "correspondent": true,
	"reporter": true, "editor": true, "senior": true, "chief": true, "associated": true, "press": true,
}

// placeWords come before the name of a place, not of a person ("from Tel Aviv").
var placeWords = map[string]bool{"from": true, "in": true, "at": true, "near": true, "outside": true}

// personNames returns the runs of two to four capitalised words in a byline or
// note ("By Jennifer Hansler, CNN": "Jennifer Hansler"), allowing initials ("Antony
// J. Blinken"). Punctuation and possessives end a run; a run after "from" or "in"
// names a place.
func personNames(s string) []string {
	var out, run []string
	place := false // the run follows "from", "in"…: it names a place
	flush := func() {
		if len(run) >= 2 && len(run) <= 4 && !place {
			out = append(out, strings.Join(run, " "))
		}
		run = run[:0]
	}
	prev := ""
	for _, w := range strings.Fields(s) {
		if len(run) == 0 {
			place = placeWords[strings.ToLower(prev)]
		}
		prev = w
		word := strings.TrimRight(w, ",;:|")
		ends := word != w // punctuation after the word ends the run
		possessive := strings.HasSuffix(word, "’s") || strings.HasSuffix(word, "'s")
		r := []rune(word)
		initial := len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
		if !initial {
			word = strings.TrimRight(word, ".")
		}
		if possessive || len(r) == 0 || !unicode.IsUpper(r[0]) || notName[strings.ToLower(word)] {
			flush()
			continue
		}
		run = append(run, word)
		if ends {
			flush()
		}
	}
	flush()
	return out
}
