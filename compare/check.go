package compare

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxTextBytes is the largest article text accepted, in bytes.
const MaxTextBytes = 8 << 20

// Problems CheckText reports.
var (
	ErrEmpty  = errors.New("the text is empty")
	ErrBinary = errors.New("the text looks like binary data, not an article: use a plain-text (.txt) file")
	ErrUTF16  = errors.New("the text is in UTF-16, not UTF-8: save it again as UTF-8 (in most editors, Save As and choose the encoding UTF-8)")
)

// CheckText tells whether text can be compared: it must not be empty or only spaces,
// binary data (NUL bytes or mostly invalid UTF-8), or larger than MaxTextBytes.
func CheckText(text string) error {
	if len(text) > MaxTextBytes {
		return fmt.Errorf("the text is %.1f MB, more than the %d MB limit: split it or trim it", float64(len(text))/(1<<20), MaxTextBytes>>20)
	}
	if strings.TrimSpace(text) == "" {
		return ErrEmpty
	}
	if strings.IndexByte(text, 0) >= 0 {
		if utf16(text) {
			return ErrUTF16
		}
		return ErrBinary
	}
	bad := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	if bad*20 > len(text) { // more than 5% invalid bytes
		return ErrBinary
	}
	return nil
}

// utf16 tells whether text is most likely UTF-16: in its first bytes, most characters
// are Latin, so every other byte is NUL, on one side of each pair.
func utf16(text string) bool {
	head := text[:min(len(text), 512)]
	var nul [2]int
	for i := 0; i < len(head); i++ {
		if head[i] == 0 {
			nul[i%2]++
		}
	}
	pairs := len(head) / 2
	return pairs >= 4 && max(nul[0], nul[1]) >= pairs*3/5 && min(nul[0], nul[1]) <= pairs/10
}
