package seeds

import (
	"strings"
	"testing"
)

func TestArticles(t *testing.T) {
	arts := Articles()
	if len(arts) != 5 {
		t.Fatalf("Articles() returned %d articles, want the 5 of the manifest", len(arts))
	}
	want := map[string]string{
		"000_633b5222eb3c90dc": "The New York Times",
		"004_de918551c7f30eec": "CNN",
	}
	for _, a := range arts {
		if o, ok := want[a.ID]; ok && a.Outlet != o {
			t.Errorf("article %s outlet = %q, want %q", a.ID, a.Outlet, o)
		}
		if len(strings.TrimSpace(a.Text)) < 1000 {
			t.Errorf("article %s has only %d bytes of text", a.ID, len(a.Text))
		}
	}
	if arts[2].Title != "Blinken meets Israel’s war leadership as US concerns grow" {
		t.Errorf("002 title = %q, want the manifest headline", arts[2].Title)
	}
	if !strings.Contains(About(), "Five news articles") {
		t.Errorf("About() = %q", About())
	}
}
