package sim

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

var errBodyTooLarge = errors.New("request body too large")

// bufPool recycles request and response buffers; 64 KiB pages at concurrency 32 would
// otherwise make the garbage collector the simulator's main occupation.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

func getBuf() *[]byte { return bufPool.Get().(*[]byte) }

func putBuf(b *[]byte) {
	if cap(*b) > 4<<20 {
		return // let outsized buffers go
	}
	*b = (*b)[:0]
	bufPool.Put(b)
}

// readBody reads the whole request body into dst (chunked or not), undoing a gzip, deflate
// or br Content-Encoding. It returns the body, the coding it undid, and an error if the body
// is larger than max or the coding is unknown or corrupt.
func readBody(r *http.Request, dst []byte, max int64) ([]byte, string, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return dst, "", nil
	}
	coding := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding")))
	var src io.Reader = io.LimitReader(r.Body, max+1)
	switch coding {
	case "", "identity":
		coding = ""
	case "gzip", "x-gzip":
		coding = "gzip"
		zr, err := gzip.NewReader(src)
		if err != nil {
			return dst, coding, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		src = zr
	case "deflate":
		zr, err := zlib.NewReader(src)
		if err != nil {
			return dst, coding, fmt.Errorf("deflate body: %w", err)
		}
		defer zr.Close()
		src = zr
	case "br":
		src = brotli.NewReader(src)
	default:
		return dst, coding, fmt.Errorf("unsupported Content-Encoding %q", coding)
	}
	// The decoded size is bounded too: a small compressed bomb must not exhaust memory.
	buf := bytes.NewBuffer(dst)
	n, err := buf.ReadFrom(io.LimitReader(src, max+1))
	if err != nil {
		return buf.Bytes(), coding, fmt.Errorf("reading body: %w", err)
	}
	if n > max {
		return buf.Bytes(), coding, errBodyTooLarge
	}
	return buf.Bytes(), coding, nil
}

// isForm reports whether a Content-Type names an urlencoded form.
func isForm(ct string) bool {
	if ct == "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ct), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "application/x-www-form-urlencoded"
}
