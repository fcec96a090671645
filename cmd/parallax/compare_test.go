//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app/workspace"
	"parallax/cmd/parallax/fetch"
	"parallax/seeds"
)

// runCLI runs the command line in-process and returns exit status, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCompareBadInput(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte("Blinken met Netanyahu in Tel Aviv on Tuesday. They discussed the hostages."))
	empty := writeFile(t, dir, "empty.txt", nil)
	blank := writeFile(t, dir, "blank.txt", []byte(" \n\t \n"))
	binary := writeFile(t, dir, "image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	unreadable := writeFile(t, dir, "secret.txt", []byte("text"))
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stderrIs []string // all must appear in the one stderr line
	}{
		{"missing file", []string{"compare", good, filepath.Join(dir, "nope.txt")}, exitInput, []string{"nope.txt", "no such file"}},
		{"empty file", []string{"compare", good, empty}, exitInput, []string{"empty.txt", "empty"}},
		{"whitespace only", []string{"compare", good, blank}, exitInput, []string{"blank.txt", "empty"}},
		{"binary file", []string{"compare", good, binary}, exitInput, []string{"image.txt", "binary"}},
		{"directory", []string{"compare", good, dir}, exitInput, []string{"directory"}},
		{"one article", []string{"compare", good}, exitUsage, []string{"at least two"}},
		{"unknown format", []string{"compare", "--format", "xml"}, exitUsage, []string{"unknown format", "xml"}},
		{"unknown format htm", []string{"compare", "--format", "htm"}, exitUsage, []string{"unknown format", "htm", "html"}},
		{"unknown flag", []string{"compare", "--colour"}, exitUsage, []string{"colour"}},
		{"unknown command", []string{"frobnicate"}, exitUsage, []string{"unknown command"}},
		{"occasions: unknown article", []string{"compare", "--occasions", "000;bbc"}, exitUsage, []string{"--occasions", `"bbc" is none of the articles`, "000_"}},
		{"occasions: ambiguous", []string{"compare", "--occasions", "00"}, exitUsage, []string{"--occasions", `"00" could be any of`}},
		{"occasions: twice", []string{"compare", "--occasions", "000;000"}, exitUsage, []string{"--occasions", "in two occasions"}},
		{"occasions: none", []string{"compare", "--occasions", ";,"}, exitUsage, []string{"--occasions", "names no article"}},
	}
	if os.Geteuid() != 0 { // root reads anything
		tests = append(tests, struct {
			name     string
			args     []string
			code     int
			stderrIs []string
		}{"unreadable file", []string{"compare", good, unreadable}, exitInput, []string{"secret.txt", "permission"}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("parallax %v exited %d, want %d (stderr %q)", tt.args, code, tt.code, errs)
			}
			if out != "" {
				t.Errorf("parallax %v printed %q on stdout, want nothing", tt.args, out)
			}
			if n := strings.Count(strings.TrimSpace(errs), "\n"); n != 0 || errs == "" {
				t.Errorf("stderr = %q, want exactly one line", errs)
			}
			for _, w := range tt.stderrIs {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr = %q, want it to mention %q", errs, w)
				}
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
				t.Errorf("stderr shows a panic: %q", errs)
			}
		})
	}
}

func TestCompareJSONSeeds(t *testing.T) {
	code, out, errs := runCLI(t, "compare", "--format", "json")
	if code != exitOK {
		t.Fatalf("compare --format json exited %d: %s", code, errs)
	}
	var res struct {
		Documents []struct {
			ID, Outlet, Title string
			Sentences         []struct {
				Index, Start, End int
				Text              string
			}
		}
		Claims []struct {
			ID      string
			Score   float64
			Members []struct {
				Doc      string
				Sentence int
			}
			Diffs []json.RawMessage
		}
		Unique []struct {
			Doc      string
			Sentence int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(res.Documents) != 5 || len(res.Claims) == 0 || len(res.Unique) == 0 {
		t.Fatalf("got %d documents, %d claims, %d unique; want 5 and some of each", len(res.Documents), len(res.Claims), len(res.Unique))
	}
	texts := map[string]string{}
	for _, d := range res.Documents {
		raw, err := os.ReadFile(filepath.Join("../../seeds", d.ID+".txt"))
		if err != nil {
			t.Fatalf("document id %q is not a seed file name: %v", d.ID, err)
		}
		texts[d.ID] = string(raw)
		for i, s := range d.Sentences {
			if s.Index != i || texts[d.ID][s.Start:s.End] != s.Text {
				t.Fatalf("%s sentence %d: offsets [%d,%d) do not give its text %q", d.ID, i, s.Start, s.End, s.Text)
			}
		}
	}
	if res.Documents[0].Outlet != "The New York Times" {
		t.Errorf("first outlet = %q, want the manifest's", res.Documents[0].Outlet)
	}
	for _, c := range res.Claims {
		others := 0 // members of another article than the first member's: one diff each
		for _, m := range c.Members {
			if m.Doc != c.Members[0].Doc {
				others++
			}
		}
		if len(c.Members) < 2 || len(c.Diffs) != others || c.Score <= 0 || c.Score > 1 {
			t.Errorf("claim %s: %d members (%d of other articles than the first's), %d diffs, score %v", c.ID, len(c.Members), others, len(c.Diffs), c.Score)
		}
	}
}

func TestCompareFormats(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "alpha.txt", []byte("Officials said 1,200 people were killed on Oct. 7. <script>alert(1)</script> The talks resumed in Doha."))
	b := writeFile(t, dir, "beta.txt", []byte("Some 1200 people were killed on October 7, officials said. Negotiators met again in Doha."))
	tests := []struct {
		format string
		want   []string // besides both file names
		not    []string // in any case
	}{
		{"text", nil, nil},
		{"markdown", nil, []string{"<script>"}},
		{"json", nil, nil},
		{"html", []string{"<!DOCTYPE html>", "<title>Parallax comparison</title>", "Shared claims (", "Claim 1", "1,200", "&lt;script&gt;alert(1)&lt;/script&gt;"}, []string{"<script"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			code, out, errs := runCLI(t, "compare", "--format", tt.format, a, b)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for _, w := range append([]string{"alpha", "beta"}, tt.want...) {
				if !strings.Contains(out, w) {
					t.Errorf("%s output does not contain %q:\n%s", tt.format, w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(strings.ToLower(out), w) {
					t.Errorf("%s output lets %q through:\n%s", tt.format, w, out)
				}
			}
		})
	}
}

// Flags may come after the files, as people type them ("parallax compare a.txt b.txt
// --format json"); after "--" everything is a file, even a name that starts with "-".
func TestCompareFlagsAfterFiles(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "alpha.txt", []byte("Officials said 1,200 people were killed on Oct. 7. The talks resumed in Doha."))
	b := writeFile(t, dir, "beta.txt", []byte("Some 1200 people were killed on October 7, officials said. Negotiators met again in Doha."))
	writeFile(t, dir, "-dash.txt", []byte("Some 1200 people were killed on October 7, officials said."))
	t.Chdir(dir) // for a relative name that starts with "-"
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a prefix of stdout, or of stderr on failure
	}{
		{"flag first", []string{"compare", "--format", "json", a, b}, exitOK, "{"},
		{"flag last", []string{"compare", a, b, "--format", "json"}, exitOK, "{"},
		{"flag between", []string{"compare", a, "--format=json", b}, exitOK, "{"},
		{"bad flag last", []string{"compare", a, b, "--format", "xml"}, exitUsage, `parallax compare: unknown format "xml"`},
		{"after --", []string{"compare", "--format", "json", a, "--", "-dash.txt"}, exitOK, "{"},
		{"-- keeps a flag-like name", []string{"compare", a, "--", "--format"}, exitInput, "parallax compare: --format: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("parallax %v exited %d, want %d (stderr %q)", tt.args, code, tt.code, errs)
			}
			if got := out + errs; !strings.HasPrefix(got, tt.stdout) {
				t.Errorf("parallax %v printed %.80q, want it to start with %q", tt.args, got, tt.stdout)
			}
		})
	}
}

func TestCompareLexicon(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "alpha.txt", []byte("Hamas raiders crossed the fence on Oct. 7, officials said. Talks resumed in Doha."))
	b := writeFile(t, dir, "beta.txt", []byte("Hamas gunmen crossed the fence on Oct. 7. Negotiators met again in Doha."))
	good := writeFile(t, dir, "good.json", []byte(`{"categories":[{"id":"armed-group","terms":[{"term":"raider","note":"Stresses a sudden strike."}]}]}`))
	bad := []struct {
		name, file, content, want string
	}{
		{"not JSON", "broken.json", `{"categories": [`, "broken.json"},
		{"term without note", "nonote.json", `{"categories":[{"id":"armed-group","terms":[{"term":"raider"}]}]}`, "needs a note"},
		{"unknown field", "typo.json", `{"categorys": []}`, "unknown field"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.file, []byte(tt.content))
			code, out, errs := runCLI(t, "compare", "--lexicon", p, a, b)
			if code != exitInput || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1, one line on stderr", code, out, errs)
			}
			if !strings.Contains(errs, "lexicon") || !strings.Contains(errs, tt.want) {
				t.Errorf("stderr = %q, want it to name the lexicon and %q", errs, tt.want)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		code, _, errs := runCLI(t, "compare", "--lexicon", filepath.Join(dir, "none.json"), a, b)
		if code != exitInput || !strings.Contains(errs, "none.json") || !strings.Contains(errs, "no such file") {
			t.Errorf("exit %d, stderr %q; want 1 naming none.json", code, errs)
		}
	})
	t.Run("extends", func(t *testing.T) {
		code, out, errs := runCLI(t, "compare", "--format", "json", "--lexicon", good, a, b)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var res struct {
			Framing struct {
				Articles []struct {
					Doc    string
					Labels []struct{ Term, Actor string }
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		terms := map[string]bool{}
		for _, r := range res.Framing.Articles {
			for _, l := range r.Labels {
				terms[r.Doc+" "+l.Term+" "+l.Actor] = true
			}
		}
		if !terms["alpha raider Hamas"] || !terms["beta gunman Hamas"] {
			t.Errorf("labels = %v; want the user's raider (alpha) and the built-in gunman (beta), both for Hamas", terms)
		}
	})
}

func TestCompareFramingSeeds(t *testing.T) {
	code, out, errs := runCLI(t, "compare", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Claims  []json.RawMessage
		Framing struct {
			Articles []struct {
				Doc     string
				Numbers []struct{ Text, Suspect string }
				Voices  []struct{ Key string }
			}
			Claims   []struct{ Claim string }
			Coverage []struct{ Doc string }
			Voices   []struct{ Key, Only string }
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	f := res.Framing
	if len(f.Articles) != 5 || len(f.Coverage) != 5 || len(f.Claims) != len(res.Claims) || len(f.Voices) == 0 {
		t.Fatalf("framing has %d articles, %d coverage rows, %d claims (of %d), %d voices", len(f.Articles), len(f.Coverage), len(f.Claims), len(res.Claims), len(f.Voices))
	}
	flagged := false
	for _, n := range f.Articles[0].Numbers {
		flagged = flagged || n.Text == "22,0000" && n.Suspect != ""
	}
	if !flagged {
		t.Errorf("000's 22,0000 is not flagged in JSON: %+v", f.Articles[0].Numbers)
	}
	if v := f.Articles[1].Voices; len(v) == 0 || v[0].Key != "antony blinken" {
		t.Errorf("001 voices = %+v, want Blinken first", v)
	}
	for _, format := range []string{"text", "markdown"} {
		code, out, errs := runCLI(t, "compare", "--format", format)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		for _, want := range []string{"22,0000", "Khaled Elgindy", "militant group", "terrorist group", "cannot be independently verified"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output does not mention %q", format, want)
			}
		}
	}
}

// allowLoopback lets parallax compare fetch from local test servers for the rest of
// the test: the test-only allowance, which the command itself never sets.
func allowLoopback(t *testing.T) {
	t.Helper()
	old := linkFetcher
	linkFetcher = &fetch.Fetcher{AllowForTests: loopbackForTests}
	t.Cleanup(func() { linkFetcher = old })
}

func TestCompareLinks(t *testing.T) {
	site := articleSite(t)
	allowLoopback(t)
	dir := t.TempDir()
	file := writeFile(t, dir, "notes.txt", []byte("The River Lane peaked at 4.2 metres in Lanford early on Tuesday, the Environment Agency said. About 1,200 homes stayed dry."))
	code, out, errs := runCLI(t, "compare", "--format", "json", site.URL+"/news", site.URL+"/regional", file, site.URL+"/news?utm=x#top")
	if code != exitOK {
		t.Fatalf("compare of links exited %d: %s", code, errs)
	}
	var res struct {
		Documents []struct{ ID, Outlet, Title string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	want := []struct{ ID, Outlet, Title string }{
		{"127.0.0.1/news", "The Daily Ledger", "Flood defences hold as river peaks in Lanford"},
		{"127.0.0.1/regional", "Northgate Courier", "Council approves new bus lanes on Harbour Road"},
		{"notes", "notes", ""},
		{"127.0.0.1/news-2", "The Daily Ledger", "Flood defences hold as river peaks in Lanford"},
	}
	if len(res.Documents) != len(want) {
		t.Fatalf("got %d documents, want %d", len(res.Documents), len(want))
	}
	for i, w := range want {
		d := res.Documents[i]
		if d.ID != w.ID || d.Outlet != w.Outlet || (w.Title != "" && d.Title != w.Title) {
			t.Errorf("document %d = %+v, want %+v", i, d, w)
		}
	}
}

func TestCompareLinkErrors(t *testing.T) {
	site := articleSite(t)
	good := site.URL + "/news"
	tests := []struct {
		name, link string
		allow      bool // the test-only allowance for loopback
		msg        string
	}{
		{"loopback refused by default", good, false, "that address is not allowed"},
		{"metadata address", "http://169.254.169.254/latest/meta-data/", true, "that address is not allowed"},
		{"home page", site.URL + "/index", true, "that page is not an article"},
		{"image", site.URL + "/image", true, "that link is not a web page"},
		{"missing page", site.URL + "/gone", true, "the site says that page does not exist"},
		{"bad link", "http://exa mple.com/", true, "that link is not valid"},
		{"control characters", "http://a\n\x1b[31mb/", true, "not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.allow {
				allowLoopback(t)
			}
			code, out, errs := runCLI(t, "compare", good, tt.link)
			if code != exitInput || out != "" {
				t.Errorf("compare %s exited %d with stdout %q, want %d and nothing", tt.link, code, out, exitInput)
			}
			if strings.Count(errs, "\n") != 1 || !strings.HasSuffix(errs, "\n") || strings.ContainsAny(strings.TrimSuffix(errs, "\n"), "\n\x1b") {
				t.Errorf("stderr = %q, want exactly one clean line", errs)
			}
			if !strings.HasPrefix(errs, "parallax compare: ") || !strings.Contains(errs, tt.msg) {
				t.Errorf("stderr = %q, want it to say %q", errs, tt.msg)
			}
		})
	}
}

func TestLinkID(t *testing.T) {
	tests := []struct{ link, want string }{
		{"https://www.BBC.co.uk/news/world-123/", "bbc.co.uk/news/world-123"},
		{"http://example.org:8080/a/b?x=1#frag", "example.org/a/b"},
		{"https://example.org", "example.org"},
		{"https://[2001:db8::1]/story", "2001:db8::1/story"},
	}
	for _, tt := range tests {
		if got := linkID(tt.link); got != tt.want {
			t.Errorf("linkID(%q) = %q, want %q", tt.link, got, tt.want)
		}
	}
}

// TestUsage checks that parallax help names every command and the flags of compare
// and serve.
func TestUsage(t *testing.T) {
	code, out, _ := runCLI(t, "help")
	if code != exitOK {
		t.Fatalf("parallax help exited %d", code)
	}
	for name := range commands {
		if !strings.Contains(out, "parallax "+name+" ") && !strings.Contains(out, "parallax "+name+"\n") {
			t.Errorf("parallax help does not name the command %q", name)
		}
	}
	for _, flag := range []string{"--format", "--lexicon FILE", "LINK", ".parallax.json", "--occasions", "--addr", "--root DIR", "--no-import", "OUTDIR", "--shared"} {
		if !strings.Contains(out, flag) {
			t.Errorf("parallax help does not mention %s", flag)
		}
	}
}

// A workspace file saved by the app: compared as its articles, alone or with .txt
// files; a bad one is refused in one line that names the file and the problem.
func TestCompareWorkspace(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	ws := workspace.New(seeds.Articles()[:3], workspace.View{Mode: "aligned"})
	ws.Articles[0].Outlet = "Daily Planet"
	if err := workspace.Encode(&b, ws); err != nil {
		t.Fatal(err)
	}
	good := writeFile(t, dir, "class.parallax.json", b.Bytes())
	txt := writeFile(t, dir, "extra.txt", []byte("Blinken met Netanyahu in Tel Aviv on Tuesday. They discussed the hostages."))

	code, out, errs := runCLI(t, "compare", "--format", "json", good, txt)
	if code != exitOK {
		t.Fatalf("compare %s %s exited %d: %s", good, txt, code, errs)
	}
	var res struct{ Documents []struct{ ID, Outlet string } }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Documents) != 4 || res.Documents[0].Outlet != "Daily Planet" || res.Documents[3].ID != "extra" {
		t.Errorf("compared %+v, want the workspace's 3 articles (Daily Planet first), then extra", res.Documents)
	}

	// The same workspace twice: the ids are made unique.
	if code, out, errs := runCLI(t, "compare", "--format", "json", good, good); code != exitOK || !strings.Contains(out, `"id": "`+ws.Articles[0].ID+`-2"`) {
		t.Errorf("the same workspace twice: exit %d, stderr %q; want the second copy's ids suffixed", code, errs)
	}

	tests := []struct {
		name, file, data string
		want             []string
	}{
		{"not a workspace", "notes.json", `{"hello": 1}`, []string{"notes.json", "not a Parallax workspace"}},
		{"newer", "new.parallax.json", `{"parallax": 2}`, []string{"new.parallax.json", "needs a newer Parallax"}},
		{"no text", "empty.parallax.json", `{"parallax": 1, "articles": [{"id": "a", "outlet": "A", "text": "x"}, {"id": "b", "outlet": "B", "text": ""}]}`, []string{"empty.parallax.json", "article 2 has no text"}},
		{"damaged", "cut.parallax.json", b.String()[:200], []string{"cut.parallax.json", "damaged"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.file, []byte(tt.data))
			code, out, errs := runCLI(t, "compare", p, txt)
			if code != exitInput || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and one line on stderr", code, out, errs, exitInput)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
		})
	}
	if code, _, errs := runCLI(t, "compare", filepath.Join(dir, "missing.parallax.json")); code != exitInput || !strings.Contains(errs, "no such file") {
		t.Errorf("a missing workspace: exit %d, stderr %q", code, errs)
	}
}

// TestCompareOccasions: --occasions replaces the engine's occasions with the reader's,
// by IDs or their beginnings, and the output says so.
func TestCompareOccasions(t *testing.T) {
	tests := []struct {
		spec string
		n    int    // occasions in the JSON
		note string // in the text output
	}{
		{"one", 1, "Read as one story, as you asked"},
		{"000,002,003;001,004", 2, "As you grouped them, these articles report 2 different occasions"},
		{"000,001", 4, "As you grouped them, these articles report 4 different occasions"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			code, out, errs := runCLI(t, "compare", "--format", "json", "--occasions", tt.spec)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var res struct {
				Occasions [][]string `json:"occasions"`
				Given     bool       `json:"occasions_given"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Occasions) != tt.n || !res.Given {
				t.Errorf("%d occasions (given %v), want %d given", len(res.Occasions), res.Given, tt.n)
			}
			if _, text, _ := runCLI(t, "compare", "--occasions", tt.spec); !strings.Contains(text, tt.note) {
				t.Errorf("the text output does not say %q", tt.note)
			}
		})
	}
}
