package proxy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"

	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
)

// errTooLarge is returned when a body (after decoding) exceeds the route's limit. A
// compression bomb hits the same limit, since the limit counts decoded bytes.
type errTooLarge struct{ limit int64 }

func (e *errTooLarge) Error() string {
	return fmt.Sprintf("body larger than the limit of %d bytes (after decoding)", e.limit)
}

// errEncoding is an unsupported or corrupt Content-Encoding.
type errEncoding struct{ msg string }

func (e *errEncoding) Error() string { return e.msg }

// readBody reads a body, undoing its Content-Encoding (gzip, deflate, br; several in order),
// and never holds more than limit decoded bytes.
func readBody(dst []byte, r io.Reader, encoding string, limit, sizeHint int64) ([]byte, error) {
	codings := parseCodings(encoding)
	rc := r
	// Codings are listed in the order they were applied; undo them in reverse. Closing a
	// decoder hands it back to its pool, so every one is closed.
	for i := len(codings) - 1; i >= 0; i-- {
		d, err := decoder(codings[i], rc)
		if err != nil {
			return nil, err
		}
		defer d.Close()
		rc = d
	}
	// A read loop of its own rather than bytes.Buffer.ReadFrom over an io.LimitReader: the
	// same bytes and limit, without the reader's allocation and the buffer's bookkeeping.
	buf := dst[:0]
	if len(codings) == 0 && sizeHint > 0 && sizeHint <= limit {
		buf = slices.Grow(buf, int(sizeHint)+1) // one allocation instead of doubling up to the size
	}
	for int64(len(buf)) <= limit {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, bytes.MinRead)
		}
		room := buf[len(buf):cap(buf)]
		if left := limit + 1 - int64(len(buf)); int64(len(room)) > left {
			room = room[:left]
		}
		n, err := rc.Read(room)
		if n < 0 || n > len(room) {
			return nil, fmt.Errorf("reading body: %w", errInvalidRead)
		}
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(codings) > 0 && !errors.Is(err, os.ErrDeadlineExceeded) {
				return nil, &errEncoding{fmt.Sprintf("cannot decode %s body: corrupt data", strings.Join(codings, ", "))}
			}
			return nil, fmt.Errorf("reading body: %w", err)
		}
	}
	if int64(len(buf)) > limit {
		return nil, &errTooLarge{limit}
	}
	return buf, nil
}

// errInvalidRead is bytes.Buffer's errNegativeRead: a reader that claims more than it could.
var errInvalidRead = errors.New("reader returned an invalid count")

func parseCodings(h string) []string {
	if h == "" {
		return nil // the usual case: strings.Split would still allocate
	}
	var out []string
	for _, c := range strings.Split(h, ",") {
		c = strings.ToLower(strings.TrimSpace(c))
		if c != "" && c != "identity" {
			out = append(out, c)
		}
	}
	return out
}

// Compressed traffic is the usual case (DingTalk gzips whenever asked, and most HTTP clients
// ask), so the codecs are pooled: a new gzip or deflate writer allocates ~800 KB of
// compressor state and a reader tens of KB, which at one each per call made the collector
// the proxy's main work. Bodies are compressed at BestSpeed: a 64 KiB user/list page takes
// 0.16 ms instead of 1.3 ms at the standard library's default level, for ~19% more bytes on
// the link to an in-house client.
var (
	gzipReaders  sync.Pool // *gzip.Reader
	flateReaders sync.Pool // flate readers (io.ReadCloser and flate.Resetter)
	gzipWriters  = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
		return w
	}}
	flateWriters = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
		return w
	}}
)

// pooledReader is a decoder that goes back to its pool when closed.
type pooledReader struct {
	io.Reader
	pool *sync.Pool
}

func (p *pooledReader) Close() error {
	if p.pool != nil {
		p.pool.Put(p.Reader)
		p.pool = nil
	}
	return nil
}

func decoder(coding string, r io.Reader) (io.ReadCloser, error) {
	switch coding {
	case "gzip", "x-gzip":
		z, _ := gzipReaders.Get().(*gzip.Reader)
		var err error
		if z == nil {
			z, err = gzip.NewReader(r)
		} else if err = z.Reset(r); err != nil {
			gzipReaders.Put(z)
		}
		if err != nil {
			return nil, &errEncoding{"cannot decode gzip body: bad header"}
		}
		return &pooledReader{z, &gzipReaders}, nil
	case "deflate":
		if f, ok := flateReaders.Get().(io.ReadCloser); ok {
			if f.(flate.Resetter).Reset(r, nil) == nil {
				return &pooledReader{f, &flateReaders}, nil
			}
		}
		return &pooledReader{flate.NewReader(r), &flateReaders}, nil
	case "br":
		return io.NopCloser(brotli.NewReader(r)), nil
	}
	return nil, &errEncoding{fmt.Sprintf("unsupported Content-Encoding %q", coding)}
}

// encodeBody applies the codings again, so a client that sent (or accepts) gzip gets gzip.
// The last coding's output is appended to dst.
func encodeBody(dst, body []byte, codings []string) ([]byte, error) {
	for i, c := range codings {
		var out []byte // an earlier coding's output is only an intermediate
		if i == len(codings)-1 {
			out = dst[:0]
		}
		buf := bytes.NewBuffer(out)
		var err error
		switch c {
		case "gzip", "x-gzip":
			w := gzipWriters.Get().(*gzip.Writer)
			w.Reset(buf)
			err = writeAll(w, body)
			gzipWriters.Put(w)
		case "deflate":
			w := flateWriters.Get().(*flate.Writer)
			w.Reset(buf)
			err = writeAll(w, body)
			flateWriters.Put(w)
		case "br":
			err = writeAll(brotli.NewWriter(buf), body)
		default:
			return nil, &errEncoding{fmt.Sprintf("unsupported Content-Encoding %q", c)}
		}
		if err != nil {
			return nil, err
		}
		body = buf.Bytes()
	}
	return body, nil
}

func writeAll(w io.WriteCloser, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Close()
}

// bodyKind classifies a Content-Type for inspection. ok is false for types the engine
// cannot read (files, images).
func bodyKind(contentType string) (rewrite.Kind, string, bool) {
	// The media type alone, as mime.ParseMediaType would return it (and as this fell back
	// to when it failed): the parameters are never used, and parsing them cost a map and
	// its strings on every body.
	base, _, _ := strings.Cut(contentType, ";")
	mt := strings.ToLower(strings.TrimSpace(base))
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json") || mt == "text/json":
		return rewrite.JSON, mt, true
	case mt == "application/x-www-form-urlencoded":
		return rewrite.Form, mt, true
	case strings.HasPrefix(mt, "text/"):
		return rewrite.Text, mt, true
	}
	return 0, mt, false
}

// mediaMatch reports whether media type mt matches one of the ranges ("image/*", "*/*",
// "application/json").
func mediaMatch(mt string, ranges []string) bool {
	for _, r := range ranges {
		r = strings.ToLower(r)
		if r == "*/*" || r == mt {
			return true
		}
		if strings.HasSuffix(r, "/*") && strings.HasPrefix(mt, strings.TrimSuffix(r, "*")) {
			return true
		}
	}
	return false
}

// sniffJSON reports whether a body without a content type looks like JSON.
func sniffJSON(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && (b[0] == '{' || b[0] == '[')
}

// removeHopHeaders deletes hop-by-hop headers (RFC 9110 §7.6.1), including those named in
// Connection. ReverseProxy does this on its own path; responses written by the proxy
// itself go through here.
func removeHopHeaders(h http.Header) {
	for _, f := range h.Values("Connection") {
		for _, name := range strings.Split(f, ",") {
			if name = strings.TrimSpace(name); name != "" {
				h.Del(name)
			}
		}
	}
	for _, name := range []string{"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"} {
		h.Del(name)
	}
}
