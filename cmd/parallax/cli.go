//go:build !js

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1 // a file could not be read or compared
	exitUsage = 2 // the command line is wrong
)

const usage = `parallax shows how news outlets describe the same events.

Usage:
  parallax compare [--format text|json|markdown|html] [--lexicon FILE]
                   [--occasions one|ID,ID;ID...] [FILE|LINK...]
        compare articles: .txt files, workspace files saved by the app
        (NAME.parallax.json, all their articles) or links to news pages (http,
        https), fetched and reduced to the article; none: the demo seeds.
        --occasions: "one" if they all report one story, or which articles
        report which occasion ("000,002;001,004"), where you know better
  parallax serve [--addr 127.0.0.1:8080] [--root DIR] [--no-import]
        serve the web app from DIR/web; --no-import turns off GET /api/import,
        the endpoint behind "Add from link"
  parallax build-static [--root DIR] OUTDIR
        write the app as a static site (no link import there)
  parallax compress FILE...
        write FILE.br and FILE.gz next to each FILE (make build does web/app.wasm)
  parallax eval [--shared DIR]
        score alignment on the gold sets
  parallax help
        this text
`

// command is one subcommand.
type command func(args []string, stdin io.Reader, stdout, stderr io.Writer) int

var commands = map[string]command{}

// run dispatches the command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "parallax: unknown command %q (try: parallax help)\n", args[0])
		return exitUsage
	}
	return cmd(args[1:], stdin, stdout, stderr)
}

// newFlags returns a flag set that reports errors in one line on stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args and, on error, prints one line and returns false. Flags may
// come before, between or after the other arguments ("parallax compare a.txt b.txt
// --format json"), which fs.Args() then returns in order; after "--" every argument is
// taken as it is, even one that starts with "-".
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) bool {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(stderr, "parallax %s: see 'parallax help'\n", fs.Name())
				return false
			}
			fmt.Fprintf(stderr, "parallax %s: %s\n", fs.Name(), strings.TrimSpace(err.Error()))
			return false
		}
		left := fs.Args()
		if len(left) == 0 {
			break
		}
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			rest = append(rest, left...) // the end of the flags
			break
		}
		rest, args = append(rest, left[0]), left[1:]
	}
	_ = fs.Parse(append([]string{"--"}, rest...)) // so that fs.Args() is rest
	return true
}
