//go:build !js

package main

import (
	"fmt"
	"os"

	"parallax/compare"
	"parallax/compare/framing"
)

// loadLexicon returns the default lexicon extended with the file at path ("" for none).
func loadLexicon(path string) (*framing.Lexicon, error) {
	if path == "" {
		return framing.Default(), nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %v", path, plainErr(err))
	}
	lex, err := framing.Load(raw)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %v", path, err)
	}
	return lex, nil
}

// jsonOutput is the JSON shape of parallax compare: the alignment's fields, and the
// framing under "framing".
type jsonOutput struct {
	*compare.Result
	Framing *framing.Comparison `json:"framing"`
}
