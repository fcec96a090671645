package compare

import (
	"errors"
	"fmt"
)

// MaxArticles is the largest number of articles Align accepts.
const MaxArticles = 60

// Options tune Align. The zero value (or nil) means the defaults.
type Options struct {
	// Threshold is the lowest score at which two sentences are grouped; 0 means the default.
	Threshold float64
}

// ErrTooFew is returned when fewer than two documents with sentences are given.
var ErrTooFew = errors.New("need at least two articles with text to compare")

// Align groups sentences of different documents that report the same fact into claims.
// TEMPORARY STUB: every sentence is unique.
func Align(docs []Document, opts *Options) (*Result, error) {
	if len(docs) < 2 {
		return nil, ErrTooFew
	}
	if len(docs) > MaxArticles {
		return nil, fmt.Errorf("%d articles is more than the %d Parallax compares at once: remove some", len(docs), MaxArticles)
	}
	r := &Result{Documents: docs, Claims: []Claim{}, Unique: []Ref{}}
	for _, d := range docs {
		for _, s := range d.Sentences {
			r.Unique = append(r.Unique, Ref{Doc: d.ID, Sentence: s.Index})
		}
	}
	return r, nil
}

// Compare parses the articles and aligns them.
func Compare(articles []Article, opts *Options) (*Result, error) {
	docs := make([]Document, len(articles))
	for i, a := range articles {
		docs[i] = Parse(a)
	}
	return Align(docs, opts)
}
