package compare

import (
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
	f.Fuzz(func(t *testing.T, a, b string) {
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
