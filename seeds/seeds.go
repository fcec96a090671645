// Package seeds embeds the demo corpus: five articles from four outlets about US
// diplomacy with Israel during the Israel-Hamas war (December 2023 to February 2024).
package seeds

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"

	"parallax/compare"
)

//go:embed *.txt manifest.json
var files embed.FS

type manifest struct {
	About    string `json:"about"`
	Articles []struct {
		File       string  `json:"file"`
		Outlet     string  `json:"outlet"`
		Date       string  `json:"date"`
		DateApprox bool    `json:"date_approx"`
		Headline   *string `json:"headline"`
		Byline     *string `json:"byline"`
		Summary    string  `json:"summary"`
	} `json:"articles"`
}

// Articles returns the demo articles in manifest order. The ID is the file name without
// ".txt"; outlet, date and headline come from the manifest.
func Articles() []compare.Article {
	m := load()
	out := make([]compare.Article, 0, len(m.Articles))
	for _, a := range m.Articles {
		text, err := files.ReadFile(a.File)
		if err != nil {
			panic(fmt.Sprintf("seeds: manifest names %s, which is not embedded: %v", a.File, err))
		}
		art := compare.Article{ID: strings.TrimSuffix(a.File, ".txt"), Outlet: a.Outlet, Date: a.Date, Text: string(text)}
		if a.Headline != nil {
			art.Title = *a.Headline
		}
		out = append(out, art)
	}
	return out
}

// About describes the demo corpus in one paragraph.
func About() string { return load().About }

func load() manifest {
	raw, err := files.ReadFile("manifest.json")
	if err != nil {
		panic("seeds: manifest.json is not embedded: " + err.Error())
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		panic("seeds: manifest.json is malformed: " + err.Error())
	}
	return m
}

// Repeated returns about n bytes of news sentences for tests of long articles: the
// seeds' sentences, each followed by one that varies, in paragraphs of ten, so that no
// two paragraphs are the same.
func Repeated(n int) string {
	var sents []string
	for _, a := range Articles() {
		for _, s := range compare.Split(a.Text) {
			if len(strings.Fields(s.Text)) >= 6 {
				sents = append(sents, strings.TrimSpace(s.Text))
			}
		}
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s On day %d, officials in district %d said %d more people had been counted. ", sents[(i*7)%len(sents)], i%365+1, i%40+1, 10+i%90)
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}
