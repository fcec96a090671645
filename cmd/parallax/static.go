//go:build !js

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func init() { commands["build-static"] = cmdBuildStatic }

// cmdBuildStatic writes the app as a static website that any static host or CDN can
// serve from the root of a domain.
func cmdBuildStatic(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("build-static", stderr)
	root := fs.String("root", ".", "directory that holds web/ (app.wasm, styles, icons)")
	if !parseFlags(fs, args, stderr) {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "parallax build-static: name the output directory, e.g. parallax build-static dist")
		return exitUsage
	}
	if err := buildStatic(*root, fs.Arg(0)); err != nil {
		fmt.Fprintf(stderr, "parallax build-static: %v\n", err)
		return exitInput
	}
	fmt.Fprintf(stdout, "static site written to %s\n", fs.Arg(0))
	return exitOK
}

// buildStatic generates the pages with go-app, then copies root/web to dir/web, which
// go-app does not do itself.
func buildStatic(root, dir string) error {
	h, err := appHandler(root)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return fmt.Errorf("generating pages: %w", err)
	}
	return copyDir(filepath.Join(root, "web"), filepath.Join(dir, "web"))
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return fmt.Errorf("copying %s: %w", path, err)
		}
		return out.Close()
	})
}
