package framing

import (
	"strings"
	"testing"

	"parallax/compare"
)

func TestDefaultLexicon(t *testing.T) {
	l := Default()
	if len(l.Categories) < 8 || len(l.Actors) == 0 || len(l.Attribution.Verbs) == 0 {
		t.Fatalf("Default() has %d categories, %d actors, %d verbs", len(l.Categories), len(l.Actors), len(l.Attribution.Verbs))
	}
	for _, c := range l.Categories {
		for _, term := range c.Terms {
			if strings.TrimSpace(term.Note) == "" {
				t.Errorf("%s: term %q has no note", c.ID, term.Term)
			}
		}
	}
	if n := l.Note("armed-group", "Militant"); n == "" {
		t.Error(`Note("armed-group", "Militant") = "", want the note of "militant"`)
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name, json string
		err        string // part of the error; "" for none
	}{
		{"empty", "  ", ""},
		{"add a term", `{"categories":[{"id":"armed-group","terms":[{"term":"commando","note":"Military word for raiders."}]}]}`, ""},
		{"replace a note", `{"categories":[{"id":"armed-group","terms":[{"term":"militant","note":"Changed."}]}]}`, ""},
		{"new category", `{"categories":[{"id":"weather","name":"Weather","note":"Storm words.","terms":[{"term":"deluge","note":"Biblical."}]}]}`, ""},
		{"new actor and person", `{"actors":[{"key":"Hezbollah","kind":"armed group","names":["Hizballah"]}],"people":[{"name":"Antony Blinken","aliases":["the secretary"]}]}`, ""},
		{"not JSON", `{"categories": [`, "reading lexicon"},
		{"unknown field", `{"categorys": []}`, "unknown field"},
		{"two values", `{} {}`, "more than one"},
		{"term without note", `{"categories":[{"id":"armed-group","terms":[{"term":"raider"}]}]}`, "needs a note"},
		{"new category without note", `{"categories":[{"id":"x","name":"X","terms":[]}]}`, "needs a name and a note"},
		{"bad id", `{"categories":[{"id":"Armed Group","terms":[]}]}`, "lower case"},
		{"duplicate term", `{"categories":[{"id":"armed-group","terms":[{"term":"a","note":"n"},{"term":"A","note":"n"}]}]}`, "given twice"},
		{"unknown actor", `{"categories":[{"id":"armed-group","terms":[{"term":"raider","note":"n","actor":"Nobody"}]}]}`, "not among the actors"},
		{"punctuation term", `{"categories":[{"id":"armed-group","terms":[{"term":"--","note":"n"}]}]}`, "no letters"},
		{"person without surname", `{"people":[{"name":"Bibi","aliases":["PM"]}]}`, "surname"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Load([]byte(tt.json))
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("Load(%s) = %v", tt.json, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("Load(%s) error = %v, want one containing %q", tt.json, err, tt.err)
			case tt.err == "" && l == nil:
				t.Fatalf("Load(%s) = nil", tt.json)
			}
		})
	}
	if Default().Note("armed-group", "militant") == "Changed." {
		t.Error("Load changed the default lexicon")
	}
}

func TestLoadUsed(t *testing.T) {
	l, err := Load([]byte(`{"categories":[
		{"id":"armed-group","terms":[{"term":"commando","note":"Military word for raiders."}]},
		{"id":"weather","name":"Weather","note":"Storm words.","terms":[{"term":"deluge","note":"Biblical."}]}],
	 "people":[{"name":"Antony Blinken","aliases":["the chief envoy"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	text := "Hamas commandos crossed the fence in a deluge of rockets. “We will respond,” the chief envoy said."
	doc := compare.Document{ID: "x", Sentences: []compare.Sentence{{Index: 0, Start: 0, End: strings.Index(text, " “")}, {Index: 1, Start: strings.Index(text, "“"), End: len(text)}}}
	r := Analyze(doc, text, l)
	got := map[string]string{}
	for _, lb := range r.Labels {
		got[lb.Term] = lb.Category + "/" + lb.Actor
	}
	if got["commando"] != "armed-group/Hamas" || got["deluge"] != "weather/" {
		t.Errorf("labels with a user lexicon = %v; want commando (Hamas) and deluge", got)
	}
	if len(r.Quotes) != 1 || r.Quotes[0].Key != "antony blinken" {
		t.Errorf("quotes = %+v; want the chief envoy resolved to Antony Blinken", r.Quotes)
	}
	if d := Analyze(doc, text, nil); len(d.Labels) == len(r.Labels) {
		t.Errorf("the default lexicon finds the user's terms too: %+v", d.Labels)
	}
}
