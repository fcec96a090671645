//go:build !js

package main

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"parallax/cmd/parallax/fetch"
	"parallax/compare"
)

// linkFetcher fetches the links given to parallax compare. Tests replace it with one
// that may reach their local servers; the command itself never allows that.
var linkFetcher = &fetch.Fetcher{}

// isLink reports whether an argument of compare is a web link rather than a file name.
func isLink(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// readLink fetches the article at link: outlet, title and date from the page, the id
// from its host and path. Its error names the link and says what went wrong in plain
// words.
func readLink(ctx context.Context, link string) (compare.Article, error) {
	a, err := linkFetcher.Fetch(ctx, link)
	if err != nil {
		return compare.Article{}, fmt.Errorf("%s: %s", showLink(link), fetch.Message(err))
	}
	if err := compare.CheckText(a.Text); err != nil {
		return compare.Article{}, fmt.Errorf("%s: %v", showLink(link), err)
	}
	where := a.URL
	if where == "" {
		where = link
	}
	return compare.Article{ID: linkID(where), Outlet: a.Outlet, Title: a.Title, Date: a.Date, Text: a.Text}, nil
}

// linkID is an article id made of a link's host and path, such as
// "dailyledger.example/uk/2024/03/12/lanford-flood": without scheme, "www.", query,
// fragment or trailing slash.
func linkID(link string) string {
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return showLink(link)
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") + strings.TrimRight(u.EscapedPath(), "/")
}

// showLink is a link fit to print on one line: quoted, with escapes, if it holds
// control characters (a line break, a terminal escape), else as it is.
func showLink(link string) string {
	if strings.IndexFunc(link, unicode.IsControl) >= 0 {
		return strconv.Quote(link)
	}
	return link
}

// uniqueID returns id, or id with "-2", "-3", … added if taken already holds it, and
// records the result in taken.
func uniqueID(id string, taken map[string]bool) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = fmt.Sprintf("%s-%d", id, n)
	}
	taken[out] = true
	return out
}
