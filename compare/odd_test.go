package compare

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestOddInput runs the whole engine on input readers really paste: nothing may panic,
// every offset must be valid, and what can be compared is compared.
func TestOddInput(t *testing.T) {
	seeds := seedArticles(t)
	// Five megabytes of distinct paragraphs (repeated ones would be set aside as
	// duplicates): the seeds' paragraphs, numbered.
	var b strings.Builder
	for i := 0; b.Len() < 5<<20; i++ {
		for _, p := range strings.Split(seeds[i%len(seeds)].Text, "\n") {
			if strings.TrimSpace(p) != "" {
				fmt.Fprintf(&b, "Update %d. %s\n\n", i, p)
			}
		}
	}
	big := b.String()
	long := strings.Repeat("Blinken met Netanyahu in Tel Aviv and ", 10000/7) + "left."
	tests := []struct {
		name  string
		text  string
		check error // what CheckText says
	}{
		{"five megabytes", big, nil},
		{"one 10,000-word sentence", long, nil},
		{"invalid UTF-8 here and there", "Blinken met \xff Netanyahu in Tel Aviv on Tuesday for talks on the war.\n\xfe\xfdThe talks ended late that evening, officials said.", nil},
		{"mostly invalid UTF-8", strings.Repeat("\xff\xfe", 200) + "Blinken.", ErrBinary},
		{"right to left", "التقى بلينكن نتنياهو في تل أبيب. وقال إن المحادثات صعبة.\n\nבלינקן נפגש עם נתניהו בתל אביב.", nil},
		{"emoji", "Blinken 🇺🇸 met Netanyahu 🇮🇱 in Tel Aviv 🤝. Talks were “hard” 😬.", nil},
		{"markup", "<script>alert(1)</script><img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">Blinken</a> met Netanyahu.", nil},
		{"only punctuation", "... !!! ??? — – “”", nil},
		{"empty", " \n\t ", ErrEmpty},
		{"binary", "PK\x03\x04\x00\x00garbage", ErrBinary},
		{"UTF-16, little-endian with its mark", utf16le("\ufeffBlinken met Netanyahu in Tel Aviv on Tuesday."), ErrUTF16},
		{"UTF-16, big-endian without a mark", utf16be("Blinken met Netanyahu in Tel Aviv."), ErrUTF16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckText(tt.text); err != tt.check {
				t.Fatalf("CheckText = %v, want %v", err, tt.check)
			}
			if tt.check != nil {
				return
			}
			d := Parse(Article{ID: "odd", Text: tt.text})
			checkSpans(t, tt.text, d)
			start := time.Now()
			res, err := Compare([]Article{{ID: "odd", Text: tt.text}, seeds[1]}, nil)
			if err != nil {
				if len(d.Sentences) == 0 && err == ErrTooFew {
					return // nothing to compare is a fine answer for punctuation only
				}
				t.Fatalf("Compare = %v", err)
			}
			if len(res.Documents) != 2 {
				t.Fatalf("%d documents", len(res.Documents))
			}
			t.Logf("%d sentences, %d claims in %v", len(res.Documents[0].Sentences), len(res.Claims), time.Since(start).Round(time.Millisecond))
		})
	}
}

// utf16le and utf16be encode s (Basic Multilingual Plane only) as UTF-16.
func utf16le(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func utf16be(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return string(b)
}
