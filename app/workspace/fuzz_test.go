package workspace

import (
	"bytes"
	"reflect"
	"testing"
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
