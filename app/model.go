// Package app is Parallax's browser app: go-app components that let a reader load
// several articles about one story and see, side by side, how each outlet reports it.
// All analysis runs in the browser; article text never leaves the reader's machine.
package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	wsfile "parallax/app/workspace"
	"parallax/compare"
)

// Limits of the workspace.
const (
	MinArticles = 2
	MaxArticles = 20
)

// storageKey is where the workspace is kept in localStorage.
const storageKey = "parallax/workspace/v1"

// Action names: children talk to the page through go-app actions.
const (
	actionSetArticles = "/articles/set"    // value: articleChange
	actionFocusClaim  = "/claim/focus"     // value: claim ID
	actionEngineReply = "/engine/reply"    // value: EngineReply
	actionSelectSent  = "/sentence/select" // value: compare.Ref
	actionRestore     = "/debris/restore"  // value: compare.Ref{Doc, Sentence: the debris's start offset}
)

// status of the comparison.
type status string

const (
	statusIdle    status = "idle"    // nothing to compare yet
	statusWorking status = "working" // the engine is comparing
	statusFailed  status = "failed"  // the engine reported an error
	statusDone    status = "done"    // a result is shown
)

// workspace is what persists in localStorage.
type workspace struct {
	Articles []compare.Article `json:"articles"`
	Demo     bool              `json:"demo,omitempty"` // the seed demo, kept for its classroom state
	View     string            `json:"view,omitempty"` // the reference and views name articles by real ID
	Ref      string            `json:"ref,omitempty"`
	Order    string            `json:"order,omitempty"`
	Class    *classroom        `json:"classroom,omitempty"`
	OneStory bool              `json:"one_story,omitempty"` // the reader says the articles report one story (oneStory)
}

// sanitize makes a saved list of articles safe to compare: it drops entries whose text
// cannot be compared, beyond MaxArticles, and gives every article a unique ID. It
// returns how many it dropped.
func sanitize(arts []compare.Article) ([]compare.Article, int) {
	out := make([]compare.Article, 0, len(arts))
	dropped := 0
	for _, a := range arts {
		if len(out) >= MaxArticles || compare.CheckText(a.Text) != nil {
			dropped++
			continue
		}
		if strings.TrimSpace(a.Outlet) == "" {
			a.Outlet = "Unnamed outlet"
		}
		id := a.ID
		if id == "" || slices.ContainsFunc(out, func(b compare.Article) bool { return b.ID == id }) {
			a.ID = newID(out, a.Outlet)
		}
		out = append(out, a)
	}
	return out, dropped
}

// articleChange is a new list of articles and a message saying what changed.
type articleChange struct {
	Articles []compare.Article
	Message  string
	Demo     bool // the list is the seed demo
}

// checkArticle tells whether an article can be added, in words for the reader.
func checkArticle(a compare.Article) error {
	if strings.TrimSpace(a.Outlet) == "" {
		return fmt.Errorf("give the outlet's name (for example “BBC News”)")
	}
	if err := compare.CheckText(a.Text); err != nil {
		if err == compare.ErrEmpty {
			return fmt.Errorf("paste the article's text: the text box is empty")
		}
		return err
	}
	if a.Date != "" && !validDate(a.Date) {
		return fmt.Errorf("write the date as YYYY-MM-DD (for example 2024-01-09), or leave it empty")
	}
	return nil
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// newID returns an article ID based on hint that no article in arts uses.
func newID(arts []compare.Article, hint string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(hint) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '_' || r == '.':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
		if b.Len() >= 24 {
			break
		}
	}
	base := strings.Trim(b.String(), "-")
	if base == "" {
		base = "article"
	}
	used := map[string]bool{}
	for _, a := range arts {
		used[a.ID] = true
	}
	id := base
	for i := 2; used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	return id
}

// label names a document for column headers: outlet and date.
func label(d *compare.Document) string {
	l := wsfile.Name(d)
	if d != nil && d.Date != "" {
		l += " · " + d.Date
	}
	return l
}

// wordCount counts words the way a reader would.
func wordCount(s string) int { return len(strings.Fields(s)) }

// cloneArticles copies a slice of articles.
func cloneArticles(a []compare.Article) []compare.Article {
	return append([]compare.Article(nil), a...)
}
