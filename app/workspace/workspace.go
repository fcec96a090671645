// Package workspace reads and writes Parallax workspaces: the articles a reader
// compares and the view they were looking at, as a .parallax.json file or packed into
// a link's fragment. It is plain Go (no go-app), so the browser app and the
// command line share it.
//
// A workspace file is JSON:
//
//	{
//	  "parallax": 1,
//	  "articles": [
//	    {"id": "bbc", "outlet": "BBC News", "title": "…", "date": "2024-01-09", "text": "…", "keep": [812]}
//	  ],
//	  "view": {"mode": "aligned", "reference": "bbc", "claim": "c4", "sort": "outlets"}
//	}
//
// "parallax" is the format version and must come first in spirit: a file without it is
// not a workspace. Version 1 readers ignore fields they do not know, so later
// versions can add optional fields without breaking them; a change that old readers
// would misread raises the version.
package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"parallax/compare"
)

// Version is the format version this package writes and the newest it reads.
const Version = 1

// Extension is the file name ending of a workspace file.
const Extension = ".parallax.json"

// Limits a workspace must keep.
const (
	MaxArticles     = 60                   // articles in one workspace
	MaxArticleBytes = compare.MaxTextBytes // text of one article (8 MB)
	MaxBytes        = 32 << 20             // a whole encoded file (32 MB)
	maxField        = 500                  // id, outlet and title, in bytes
	maxToken        = 64                   // view mode and claim
	maxKeep         = 10000                // restored pieces per article
)

// ErrNotWorkspace is returned by Decode for data that is not a Parallax workspace.
var ErrNotWorkspace = errors.New("this file is not a Parallax workspace")

// File is a workspace.
type File struct {
	Parallax int       `json:"parallax"` // format version
	Articles []Article `json:"articles"`
	View     View      `json:"view"`
}

// Article is one article of a workspace.
type Article struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD
	Text   string `json:"text"`
	Keep   []int  `json:"keep,omitempty"` // start offsets of set-aside pieces the reader put back
}

// View is what the reader was looking at. Every field may be empty.
type View struct {
	Mode      string `json:"mode,omitempty"`      // the tab: aligned, coverage, articles, unique, framing…
	Reference string `json:"reference,omitempty"` // the article ID the aligned view compares with
	Claim     string `json:"claim,omitempty"`     // the claim ID highlighted, e.g. "c4"
	Sort      string `json:"sort,omitempty"`      // outlets or position
}

// Sort orders a view may name.
const (
	SortOutlets  = "outlets"
	SortPosition = "position"
)

// New returns a workspace of the articles and view, at the current version.
func New(arts []compare.Article, v View) File {
	f := File{Parallax: Version, Articles: make([]Article, len(arts)), View: v}
	for i, a := range arts {
		f.Articles[i] = Article{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date, Text: a.Text, Keep: a.Keep}
	}
	return f
}

// CompareArticles returns the workspace's articles for the engine.
func (f File) CompareArticles() []compare.Article {
	out := make([]compare.Article, len(f.Articles))
	for i, a := range f.Articles {
		out[i] = compare.Article{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Date: a.Date, Text: a.Text, Keep: a.Keep}
	}
	return out
}

// Encode writes f as indented JSON, after checking it as Decode would.
func Encode(w io.Writer, f File) error {
	if f.Parallax == 0 {
		f.Parallax = Version
	}
	if err := f.Check(); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// Marshal returns f encoded compactly, after checking it; links use it.
func Marshal(f File) ([]byte, error) {
	if f.Parallax == 0 {
		f.Parallax = Version
	}
	if err := f.Check(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Decode reads a workspace and checks it: its version, its limits and every article.
// Its errors are plain sentences for the reader, such as "article 3 has no text".
func Decode(r io.Reader) (File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return File{}, fmt.Errorf("reading the workspace: %w", err)
	}
	return Unmarshal(data)
}

// Unmarshal is Decode on bytes.
func Unmarshal(data []byte) (File, error) {
	if len(data) > MaxBytes {
		return File{}, fmt.Errorf("the workspace is more than %d MB: Parallax opens workspaces up to %d MB", MaxBytes>>20, MaxBytes>>20)
	}
	// First only the version: a newer file must say "needs a newer Parallax", not
	// fail on a field whose shape changed.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark from an editor
	version, err := readVersion(data)
	if err != nil {
		return File{}, err
	}
	if version > Version {
		return File{}, fmt.Errorf("this workspace is version %d, which needs a newer Parallax (this one reads version %d)", version, Version)
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		return File{}, fmt.Errorf("the workspace is damaged: %s", plainJSON(err))
	}
	if dec.More() {
		return File{}, errors.New("the workspace is damaged: there is more after its end")
	}
	if err := f.Check(); err != nil {
		return File{}, err
	}
	return f, nil
}

// readVersion finds the "parallax" member of the top-level object without decoding
// the rest, so that a newer file says "needs a newer Parallax" rather than failing on
// a field whose shape changed, and a file cut short after its version says
// "damaged".
func readVersion(data []byte) (int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0, ErrNotWorkspace
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return 0, ErrNotWorkspace
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return 0, ErrNotWorkspace
		}
		if key != "parallax" {
			continue
		}
		var version int
		if err := json.Unmarshal(v, &version); err != nil || version < 1 {
			return 0, fmt.Errorf("%w: its version %s is not a number from 1 up", ErrNotWorkspace, clip(string(v), 20))
		}
		return version, nil
	}
	return 0, ErrNotWorkspace
}

// Check tells whether f is a valid workspace. Articles are numbered from 1 in its
// messages, as a reader counts them.
func (f File) Check() error {
	if f.Parallax < 1 || f.Parallax > Version {
		return fmt.Errorf("the workspace's version is %d: this Parallax writes and reads version %d", f.Parallax, Version)
	}
	if len(f.Articles) > MaxArticles {
		return fmt.Errorf("the workspace has %d articles: Parallax takes up to %d", len(f.Articles), MaxArticles)
	}
	ids := make(map[string]int, len(f.Articles))
	for i, a := range f.Articles {
		n := i + 1
		if err := checkArticle(a); err != nil {
			return fmt.Errorf("article %d %s", n, err)
		}
		if j, ok := ids[a.ID]; ok {
			return fmt.Errorf("article %d has the same id %q as article %d", n, a.ID, j)
		}
		ids[a.ID] = n
	}
	return f.View.check(ids)
}

func checkArticle(a Article) error {
	switch {
	case a.ID == "":
		return errors.New("has no id")
	case len(a.ID) > maxField || strings.IndexFunc(a.ID, unicode.IsControl) >= 0:
		return fmt.Errorf("has an id longer than %d bytes or with control characters", maxField)
	case strings.TrimSpace(a.Outlet) == "":
		return errors.New("has no outlet")
	case len(a.Outlet) > maxField || len(a.Title) > maxField:
		return fmt.Errorf("has an outlet or title longer than %d bytes", maxField)
	case a.Date != "" && !date(a.Date):
		return fmt.Errorf("has the date %q, not YYYY-MM-DD", clip(a.Date, 20))
	case strings.TrimSpace(a.Text) == "":
		return errors.New("has no text")
	case len(a.Text) > MaxArticleBytes:
		return fmt.Errorf("is %.1f MB, more than the %d MB limit for one article", float64(len(a.Text))/(1<<20), MaxArticleBytes>>20)
	case len(a.Keep) > maxKeep:
		return fmt.Errorf("lists %d restored pieces, more than %d", len(a.Keep), maxKeep)
	}
	if err := compare.CheckText(a.Text); err != nil {
		return fmt.Errorf("cannot be compared: %v", err)
	}
	for _, k := range a.Keep {
		if k < 0 || k >= len(a.Text) {
			return fmt.Errorf("restores a piece at offset %d, outside its text", k)
		}
	}
	return nil
}

func (v View) check(ids map[string]int) error {
	switch {
	case v.Mode != "" && !token(v.Mode):
		return fmt.Errorf("the view's mode %q is not a view's name", clip(v.Mode, 40))
	case v.Reference != "" && ids[v.Reference] == 0:
		return fmt.Errorf("the view's reference %q is not one of the articles", clip(v.Reference, 40))
	case v.Claim != "" && !token(v.Claim):
		return fmt.Errorf("the view's claim %q is not a claim id", clip(v.Claim, 40))
	case v.Sort != "" && v.Sort != SortOutlets && v.Sort != SortPosition:
		return fmt.Errorf("the view's sort %q is not %q or %q", clip(v.Sort, 40), SortOutlets, SortPosition)
	}
	return nil
}

// token reports whether s is a short name safe anywhere: in an element id, a CSS
// selector, a URL: letters, digits, '-', '_' and '.'.
func token(s string) bool {
	if s == "" || len(s) > maxToken {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !(r == '-' || r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

func date(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:] >= "01" && s[8:] <= "31"
}

// plainJSON says what is wrong with the JSON in words.
func plainJSON(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("%s should be %s, not %s", te.Field, kind(te.Type.Kind().String()), te.Value)
		}
		return fmt.Sprintf("a value should be %s, not %s", kind(te.Type.Kind().String()), te.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("it is not valid JSON (byte %d: %v)", se.Offset, se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "it ends too early (the file may be cut short)"
	}
	return err.Error()
}

func kind(k string) string {
	switch k {
	case "string":
		return "text"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	case "int":
		return "a whole number"
	}
	return k
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
