package proxy

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"

	"github.com/andybalholm/brotli"

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
	rc := io.NopCloser(r)
	// Codings are listed in the order they were applied; undo them in reverse.
	for i := len(codings) - 1; i >= 0; i-- {
		d, err := decoder(codings[i], rc)
		if err != nil {
			return nil, err
		}
		rc = d
	}
	defer rc.Close()
	buf := bytes.NewBuffer(dst[:0])
	if len(codings) == 0 && sizeHint > 0 && sizeHint <= limit {
		buf.Grow(int(sizeHint) + 1) // one allocation instead of doubling up to the size
	}
	n, err := buf.ReadFrom(io.LimitReader(rc, limit+1))
	if err != nil {
		if len(codings) > 0 && !errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, &errEncoding{fmt.Sprintf("cannot decode %s body: corrupt data", strings.Join(codings, ", "))}
		}
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if n > limit {
		return nil, &errTooLarge{limit}
	}
	return buf.Bytes(), nil
}

func parseCodings(h string) []string {
	var out []string
	for _, c := range strings.Split(h, ",") {
		c = strings.ToLower(strings.TrimSpace(c))
		if c != "" && c != "identity" {
			out = append(out, c)
		}
	}
	return out
}

func decoder(coding string, r io.ReadCloser) (io.ReadCloser, error) {
	switch coding {
	case "gzip", "x-gzip":
		z, err := gzip.NewReader(r)
		if err != nil {
			return nil, &errEncoding{"cannot decode gzip body: bad header"}
		}
		return z, nil
	case "deflate":
		return flate.NewReader(r), nil
	case "br":
		return io.NopCloser(brotli.NewReader(r)), nil
	}
	return nil, &errEncoding{fmt.Sprintf("unsupported Content-Encoding %q", coding)}
}

// encodeBody applies the codings again, so a client that sent (or accepts) gzip gets gzip.
func encodeBody(body []byte, codings []string) ([]byte, error) {
	for _, c := range codings {
		var buf bytes.Buffer
		var w io.WriteCloser
		switch c {
		case "gzip", "x-gzip":
			w = gzip.NewWriter(&buf)
		case "deflate":
			fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
			if err != nil {
				return nil, err
			}
			w = fw
		case "br":
			w = brotli.NewWriter(&buf)
		default:
			return nil, &errEncoding{fmt.Sprintf("unsupported Content-Encoding %q", c)}
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		body = buf.Bytes()
	}
	return body, nil
}

// bodyKind classifies a Content-Type for inspection. ok is false for types the engine
// cannot read (files, images).
func bodyKind(contentType string) (rewrite.Kind, string, bool) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
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
