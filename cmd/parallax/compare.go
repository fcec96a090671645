//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"parallax/app/workspace"
	"parallax/compare"
	"parallax/compare/framing"
	"parallax/seeds"
)

func init() { commands["compare"] = cmdCompare }

// errLine is err's message on one line, for stderr: a lexicon's JSON error may quote
// several lines of the file.
func errLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

func cmdCompare(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("compare", stderr)
	format := fs.String("format", "text", "output format: text, json, markdown or html (a self-contained page to print or hand out)")
	lexPath := fs.String("lexicon", "", "JSON file of framing terms that extend or override the built-in lexicon")
	occasions := fs.String("occasions", "", `the articles' occasions, where you know better than Parallax: "one" (they all report one story), or article IDs (file names without extension) joined by commas within an occasion and semicolons between ("000,002,003;001,004")`)
	if !parseFlags(fs, args, stderr) {
		return exitUsage
	}
	switch *format {
	case "text", "json", "markdown", "md", "html":
	default:
		fmt.Fprintf(stderr, "parallax compare: unknown format %q (use text, json, markdown or html)\n", *format)
		return exitUsage
	}
	lex, err := loadLexicon(*lexPath)
	if err != nil {
		fmt.Fprintf(stderr, "parallax compare: %s\n", errLine(err))
		return exitInput
	}
	var arts []compare.Article
	if fs.NArg() == 0 {
		arts = seeds.Articles()
	} else {
		taken := map[string]bool{}
		for _, arg := range fs.Args() {
			if isWorkspace(arg) {
				ws, err := readWorkspace(arg)
				if err != nil {
					fmt.Fprintf(stderr, "parallax compare: %s\n", errLine(err))
					return exitInput
				}
				for _, a := range ws {
					a.ID = uniqueID(a.ID, taken)
					arts = append(arts, a)
				}
				continue
			}
			var a compare.Article
			var err error
			if isLink(arg) {
				a, err = readLink(context.Background(), arg)
				a.ID = uniqueID(a.ID, taken)
			} else {
				a, err = readArticle(arg)
				taken[a.ID] = true
			}
			if err != nil {
				fmt.Fprintf(stderr, "parallax compare: %v\n", err)
				return exitInput
			}
			arts = append(arts, a)
		}
	}
	if len(arts) < 2 {
		fmt.Fprintf(stderr, "parallax compare: %d article given; compare needs at least two\n", len(arts))
		return exitUsage
	}
	var opts compare.Options
	if opts.Occasions, err = parseOccasions(*occasions, arts); err != nil {
		fmt.Fprintf(stderr, "parallax compare: --occasions: %v\n", err)
		return exitUsage
	}
	res, err := compare.Compare(arts, &opts)
	if err != nil {
		fmt.Fprintf(stderr, "parallax compare: %v\n", err)
		return exitInput
	}
	fr := framing.Compare(res, arts, lex)
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		err = enc.Encode(jsonOutput{Result: res, Framing: fr})
	case "markdown", "md":
		err = workspace.WriteMarkdown(stdout, res, fr)
	case "html":
		err = workspace.WriteHTML(stdout, res, workspace.HTMLOptions{})
	default:
		err = workspace.WriteText(stdout, res, fr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "parallax compare: writing output: %v\n", err)
		return exitInput
	}
	return exitOK
}

// parseOccasions reads the --occasions flag: "" (Parallax decides), "one" (one story),
// or groups of article IDs or their beginnings ("a,b;c,d"); articles it leaves out are each an occasion of
// their own. An ID that names no article, or one given twice, is an error.
func parseOccasions(spec string, arts []compare.Article) ([][]string, error) {
	spec = strings.TrimSpace(spec)
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	switch spec {
	case "":
		return nil, nil
	case "one":
		return [][]string{ids}, nil
	}
	var groups [][]string
	seen := map[string]bool{}
	for part := range strings.SplitSeq(spec, ";") {
		var g []string
		for id := range strings.SplitSeq(part, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			id, err := articleID(id, ids)
			switch {
			case err != nil:
				return nil, err
			case seen[id]:
				return nil, fmt.Errorf("%q is in two occasions: put each article in one", id)
			}
			seen[id] = true
			g = append(g, id)
		}
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return nil, fmt.Errorf(`%q names no article: write "one", or IDs such as "000,002;001"`, spec)
	}
	return groups, nil
}

// articleID returns the article ID that id names: itself, or the one ID it begins
// ("000" for the seed "000_633b5222eb3c90dc").
func articleID(id string, ids []string) (string, error) {
	if slices.Contains(ids, id) {
		return id, nil
	}
	var found []string
	for _, x := range ids {
		if strings.HasPrefix(x, id) {
			found = append(found, x)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("%q is none of the articles (%s)", id, strings.Join(ids, ", "))
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%q could be any of %s: give more of the ID", id, strings.Join(found, ", "))
}

// readArticle reads one .txt article; the outlet is the file's base name until the
// user says otherwise.
func readArticle(path string) (compare.Article, error) {
	st, err := os.Stat(path)
	if err != nil {
		return compare.Article{}, fmt.Errorf("%s: %v", path, plainErr(err))
	}
	if st.IsDir() {
		return compare.Article{}, fmt.Errorf("%s: is a directory, not a text file", path)
	}
	if st.Size() > compare.MaxTextBytes {
		return compare.Article{}, fmt.Errorf("%s: %.1f MB is more than the %d MB limit for one article", path, float64(st.Size())/(1<<20), compare.MaxTextBytes>>20)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return compare.Article{}, fmt.Errorf("%s: %v", path, plainErr(err))
	}
	text := string(raw)
	if err := compare.CheckText(text); err != nil {
		return compare.Article{}, fmt.Errorf("%s: %v", path, err)
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return compare.Article{ID: id, Outlet: id, Text: text}, nil
}

// isWorkspace tells whether a command-line argument names a workspace file: any
// .json file (workspace files end in .parallax.json).
func isWorkspace(arg string) bool {
	return !isLink(arg) && strings.EqualFold(filepath.Ext(arg), ".json")
}

// readWorkspace reads the articles of a .parallax.json workspace file, checked as the
// app checks an imported one.
func readWorkspace(path string) ([]compare.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, plainErr(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a workspace file", path)
	}
	ws, err := workspace.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return ws.CompareArticles(), nil
}

// plainErr turns an os error into words without the repeated path.
func plainErr(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file"
	case os.IsPermission(err):
		return "permission denied (cannot read the file)"
	}
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
