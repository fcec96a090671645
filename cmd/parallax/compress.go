//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/andybalholm/brotli"
)

func init() { commands["compress"] = cmdCompress }

// cmdCompress writes FILE.br and FILE.gz next to each FILE, for the server and for
// static hosts to send precompressed, unless they are up to date.
func cmdCompress(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("compress", stderr)
	if !parseFlags(fs, args, stderr) {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "parallax compress: name at least one file, e.g. web/app.wasm")
		return exitUsage
	}
	for _, path := range fs.Args() {
		raw, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "parallax compress: %s: %v\n", path, plainErr(err))
			return exitInput
		}
		if upToDate(path, raw) {
			// Mark them as new as FILE: the server ignores copies older than it.
			now := time.Now()
			if st, err := os.Stat(path); err == nil && st.ModTime().After(now) {
				now = st.ModTime()
			}
			for _, ext := range []string{".br", ".gz"} {
				if err := os.Chtimes(path+ext, now, now); err != nil {
					fmt.Fprintf(stderr, "parallax compress: %v\n", err)
					return exitInput
				}
			}
			fmt.Fprintf(stdout, "%s: %s.br and %s.gz are up to date\n", path, path, path)
			continue
		}
		br, gz := compressBytes(raw)
		for _, out := range []struct {
			path string
			data []byte
		}{{path + ".br", br}, {path + ".gz", gz}} {
			if err := os.WriteFile(out.path, out.data, 0o644); err != nil {
				fmt.Fprintf(stderr, "parallax compress: %v\n", err)
				return exitInput
			}
		}
		fmt.Fprintf(stdout, "%s: %s raw, %s gzip, %s brotli\n", path, mb(len(raw)), mb(len(gz)), mb(len(br)))
	}
	return exitOK
}

// upToDate reports whether path.br and path.gz were written from raw: the .gz is
// written last and decodes to raw (decoding takes milliseconds, brotli takes seconds).
func upToDate(path string, raw []byte) bool {
	if _, err := os.Stat(path + ".br"); err != nil {
		return false
	}
	f, err := os.Open(path + ".gz")
	if err != nil {
		return false
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return false
	}
	got, err := io.ReadAll(io.LimitReader(zr, int64(len(raw))+1))
	return err == nil && bytes.Equal(got, raw)
}

// compressBytes returns b compressed with brotli and with gzip, both at their best.
func compressBytes(b []byte) (br, gz []byte) {
	return brotliBytes(b, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24}), gzipBytes(b, gzip.BestCompression)
}

// brotliBytes returns b compressed with brotli.
func brotliBytes(b []byte, o brotli.WriterOptions) []byte {
	var out bytes.Buffer
	w := brotli.NewWriterOptions(&out, o)
	w.Write(b) // writing to a bytes.Buffer does not fail
	w.Close()
	return out.Bytes()
}

// gzipBytes returns b compressed with gzip at a level of package compress/gzip.
func gzipBytes(b []byte, level int) []byte {
	var out bytes.Buffer
	w, _ := gzip.NewWriterLevel(&out, level) // the levels used are valid
	w.Write(b)
	w.Close()
	return out.Bytes()
}

func mb(n int) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }
