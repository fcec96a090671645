package workspace

import (
	"bytes"
	"reflect"
	"testing"

	"parallax/compare"
)

// FuzzDecode: Decode never panics, and what it accepts encodes, and decodes again to
// the same workspace; the same holds through a link.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"parallax": 1, "articles": [{"id": "a", "outlet": "A", "text": "One. Two."}], "view": {"mode": "aligned", "reference": "a", "claim": "c1", "sort": "outlets"}}`))
	f.Add([]byte(`{"parallax": 2}`))
	f.Add([]byte(`{"parallax": 1, "articles": [{"id": "a", "outlet": "A", "text": "x", "keep": [0, -1]}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, err := Unmarshal(data)
		if err != nil {
			if err.Error() == "" {
				t.Error("an error without words")
			}
			return
		}
		var b bytes.Buffer
		if err := Encode(&b, ws); err != nil {
			t.Fatalf("Encode of a decoded workspace: %v", err)
		}
		again, err := Decode(&b)
		if err != nil {
			t.Fatalf("Decode(Encode(ws)): %v\n%s", err, b.String())
		}
		if !equal(ws, again) {
			t.Fatalf("Decode(Encode(ws)) = %+v, want %+v", again, ws)
		}
		frag, err := Fragment(ws)
		if err != nil {
			t.Fatalf("Fragment: %v", err)
		}
		viaLink, _, err := ParseFragment(frag, nil)
		if err != nil || !equal(ws, viaLink) {
			t.Fatalf("ParseFragment(Fragment(ws)) = %+v, %v; want %+v", viaLink, err, ws)
		}
	})
}

// equal compares workspaces, taking a nil list and an empty one as the same.
func equal(a, b File) bool {
	norm := func(f File) File {
		if len(f.Articles) == 0 {
			f.Articles = nil
		}
		for i := range f.Articles {
			if len(f.Articles[i].Keep) == 0 {
				f.Articles[i].Keep = nil
			}
		}
		return f
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

// FuzzParseFragment: a link's fragment is anyone's text. ParseFragment never panics,
// says what is wrong in words, and a workspace it opens is one Check accepts, which a
// link made of it opens again the same.
func FuzzParseFragment(f *testing.F) {
	demo := []compare.Article{{ID: "d1", Outlet: "Demo", Text: "One. Two."}, {ID: "d2", Outlet: "Demo 2", Text: "Three. Four."}}
	ws := New([]compare.Article{{ID: "a", Outlet: "A", Text: "One. Two."}, {ID: "b", Outlet: "B", Text: "Three."}}, View{Mode: "aligned", Reference: "a"})
	frag, err := Fragment(ws)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{frag, "#" + frag, frag[:len(frag)/2], frag + "==", DemoFragment(View{Mode: "coverage", Reference: "d2", Claim: "c4"}), "demo&mode=%zz", "demo&mode=nope", "w=", "w=AAAA", "views", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		got, isDemo, err := ParseFragment(frag, demo)
		if err != nil {
			if err.Error() == "" {
				t.Error("an error without words")
			}
			return
		}
		if err := got.Check(); err != nil {
			t.Fatalf("opened a workspace Check refuses (%v): %+v", err, got)
		}
		if isDemo {
			return
		}
		again, err := Fragment(got)
		if err != nil {
			t.Fatalf("Fragment of an opened link: %v", err)
		}
		back, _, err := ParseFragment(again, demo)
		if err != nil || !equal(got, back) {
			t.Fatalf("a link made of an opened link opens as %+v, %v; want %+v", back, err, got)
		}
	})
}
