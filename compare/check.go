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
