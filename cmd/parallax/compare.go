//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	res, err := compare.Compare(arts, nil)
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
