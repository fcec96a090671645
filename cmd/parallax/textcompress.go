//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// minCompress is the smallest response worth compressing: below it, the encoding's
// own header eats most of the gain.
const minCompress = 512

// compressible reports whether a Content-Type is text the server compresses: the
// page, scripts, styles, the manifest and SVG icons (app.wasm has its own
// precompressed copies; PNG is compressed already).
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch mt {
	case "application/javascript", "text/javascript", "application/json", "application/manifest+json", "image/svg+xml":
		return true
	}
	return strings.HasPrefix(mt, "text/")
}

// textEncoding returns the encoding for a text response, brotli before gzip, or ""
// when the browser accepts neither.
func textEncoding(acceptEncoding string) string {
	for _, enc := range []string{"br", "gzip"} {
		if acceptsEncoding(acceptEncoding, enc) {
			return enc
		}
	}
	return ""
}

// compressCache keeps compressed bodies by encoding and content: the app's files
// are the same for every reader, so each is compressed once per version. Pages are
// not kept (go-app writes their attributes in a new order on every request). Bounded:
// when full it starts again, so odd requests cannot grow it without end.
type compressCache struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte][]byte
}

const compressCacheSize = 128

// get returns body compressed with enc, from the cache when keep is set.
func (c *compressCache) get(enc string, body []byte, keep bool) []byte {
	if !keep {
		return compress(enc, body)
	}
	h := sha256.New()
	h.Write([]byte(enc + "\x00"))
	h.Write(body)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	c.mu.Lock()
	out, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return out
	}
	out = compress(enc, body)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= compressCacheSize {
		c.m = make(map[[sha256.Size]byte][]byte)
	}
	c.m[key] = out
	c.mu.Unlock()
	return out
}

// compress returns body compressed with enc ("br" or "gzip"). Brotli at quality
// 6 is about as small as at its best for files of this size, in a fraction of the
// time: pages are compressed on every request. The writers are reused: a new
// brotli writer allocates its tables, 2.2 MB at quality 6, which made compressing
// a 4.6 KB page take 0.75 ms instead of 0.13 ms (BenchmarkCompressPage).
func compress(enc string, body []byte) []byte {
	pool := &gzipWriters
	if enc == "br" {
		pool = &brotliWriters
	}
	var out bytes.Buffer
	w := pool.Get().(resetWriter)
	w.Reset(&out)
	w.Write(body) // writing to a bytes.Buffer does not fail
	w.Close()
	pool.Put(w)
	return out.Bytes()
}

// resetWriter is a compressing writer that can start over on another destination,
// as *brotli.Writer and *gzip.Writer can.
type resetWriter interface {
	io.WriteCloser
	Reset(io.Writer)
}

var (
	brotliWriters = sync.Pool{New: func() any { return brotli.NewWriterOptions(nil, brotli.WriterOptions{Quality: 6}) }}
	gzipWriters   = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(nil, gzip.BestCompression) // a valid level
		return w
	}}
)

// serveCompressed runs h and sends its text responses compressed when the browser
// accepts it. Each compressed response has its own ETag (the ETag h sets plus
// "-br" or "-gzip"); a revalidation with it reaches h with h's own ETag, so that
// h still answers 304 Not Modified, with that ETag. Every response says it varies by
// Accept-Encoding, so no cache hands one encoding to a browser that asked for another.
// HEAD requests are passed through (h writes no body for them, so their compressed
// length is unknown); partial (206) responses are never compressed.
func serveCompressed(h http.Handler, cache *compressCache, w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Encoding")
	enc := textEncoding(r.Header.Get("Accept-Encoding"))
	if enc == "" || r.Method != http.MethodGet {
		h.ServeHTTP(w, r)
		return
	}
	cw := &compressWriter{ResponseWriter: w, enc: enc, cache: cache}
	suffix := "-" + enc + `"`
	if inm := r.Header.Get("If-None-Match"); strings.HasSuffix(inm, suffix) {
		r = r.Clone(r.Context())
		r.Header.Set("If-None-Match", strings.TrimSuffix(inm, suffix)+`"`)
		cw.revalidated = true
	}
	h.ServeHTTP(cw, r)
	cw.finish()
}

// compressWriter holds back a 200 text response until it is complete, then sends it
// compressed; other responses go through unchanged.
type compressWriter struct {
	http.ResponseWriter
	enc         string
	cache       *compressCache
	started     bool // WriteHeader was called
	hold        bool // the response is being held back to be compressed
	revalidated bool // the browser revalidated a compressed copy (its ETag)
	body        bytes.Buffer
}

func (cw *compressWriter) WriteHeader(status int) {
	if cw.started {
		return
	}
	cw.started = true
	hd := cw.Header()
	switch {
	case status == http.StatusOK && compressible(hd.Get("Content-Type")) && hd.Get("Content-Encoding") == "":
		cw.hold = true
		return
	case status == http.StatusNotModified && cw.revalidated:
		cw.tagETag() // the ETag the browser revalidated with
	}
	cw.ResponseWriter.WriteHeader(status)
}

func (cw *compressWriter) Write(p []byte) (int, error) {
	if !cw.started {
		if cw.Header().Get("Content-Type") == "" {
			cw.Header().Set("Content-Type", http.DetectContentType(p))
		}
		cw.WriteHeader(http.StatusOK)
	}
	if cw.hold {
		return cw.body.Write(p)
	}
	return cw.ResponseWriter.Write(p)
}

// tagETag marks the response's ETag as the compressed variant's.
func (cw *compressWriter) tagETag() {
	hd := cw.Header()
	if tag := hd.Get("ETag"); strings.HasPrefix(tag, `"`) && strings.HasSuffix(tag, `"`) && len(tag) > 1 {
		hd.Set("ETag", strings.TrimSuffix(tag, `"`)+"-"+cw.enc+`"`)
	}
}

// finish sends a held-back response, compressed if it is large enough.
func (cw *compressWriter) finish() {
	if !cw.hold {
		return
	}
	hd := cw.Header()
	body := cw.body.Bytes()
	if len(body) >= minCompress {
		page := strings.HasPrefix(hd.Get("Content-Type"), "text/html")
		body = cw.cache.get(cw.enc, body, !page)
		hd.Set("Content-Encoding", cw.enc)
		hd.Del("Accept-Ranges") // ranges are served from the uncompressed file
		cw.tagETag()
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	cw.ResponseWriter.WriteHeader(http.StatusOK)
	cw.ResponseWriter.Write(body)
}
