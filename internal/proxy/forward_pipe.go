package proxy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
)

// errHandlerPanic ends a streamed body whose handler panicked after the status was sent.
var errHandlerPanic = errors.New("proxy: the handler failed while writing the response")

// serveToResponse runs h for req in its own goroutine and returns its answer as an
// *http.Response as soon as the status line is known. The body is a pipe the handler keeps
// writing to, so a large or slow answer streams to the forward-mode client instead of being
// held in memory; the body reaches EOF only once h has returned (its audit record written).
func serveToResponse(h http.Handler, req *http.Request, log *slog.Logger) *http.Response {
	pr, pw := io.Pipe()
	w := &pipeWriter{header: http.Header{}, req: req, pr: pr, pw: pw, ready: make(chan *http.Response, 1)}
	go func() {
		defer func() {
			if p := recover(); p != nil {
				if p != http.ErrAbortHandler {
					log.Error("forward proxy: handler panic", "panic", fmt.Sprint(p))
				}
				if !w.wrote {
					w.header = http.Header{}
					writeError(w, http.StatusInternalServerError, ReasonInternal, "the proxy failed on this call", "")
					pw.Close()
					return
				}
				pw.CloseWithError(errHandlerPanic) // the client must not take a cut body as whole
				return
			}
			if !w.wrote {
				w.WriteHeader(http.StatusOK) // like net/http: a handler that writes nothing sends 200
			}
			pw.Close()
		}()
		h.ServeHTTP(w, req)
	}()
	return <-w.ready
}

// pipeWriter is the http.ResponseWriter of serveToResponse. Only the handler's goroutine
// calls it, as net/http requires of handlers.
type pipeWriter struct {
	header  http.Header
	req     *http.Request
	pr      *io.PipeReader
	pw      *io.PipeWriter
	ready   chan *http.Response
	wrote   bool
	discard bool // the response has no body (HEAD, 204, 304): writes are dropped
}

func (w *pipeWriter) Header() http.Header { return w.header }

func (w *pipeWriter) WriteHeader(code int) {
	if w.wrote || code < 100 || code > 999 {
		return
	}
	if code < 200 && code != http.StatusSwitchingProtocols {
		return // informational: goproxy answers Expect: 100-continue itself
	}
	w.wrote = true
	h := w.header.Clone()
	length := int64(-1)
	if v := h.Get("Content-Length"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
			length = n
		} else {
			h.Del("Content-Length")
		}
	}
	resp := &http.Response{
		Status: strconv.Itoa(code) + " " + http.StatusText(code), StatusCode: code,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: w.pr, ContentLength: length, Request: w.req,
	}
	if w.req.Method == http.MethodHead || code == http.StatusNoContent || code == http.StatusNotModified {
		w.discard = true
		resp.Body = http.NoBody
		if w.req.Method != http.MethodHead {
			resp.ContentLength = 0
		}
	}
	w.ready <- resp
}

func (w *pipeWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if w.discard {
		return len(b), nil
	}
	return w.pw.Write(b)
}

// Flush sends the status line; the pipe itself holds no data back.
func (w *pipeWriter) Flush() {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
}

// bufferedError renders a short answer of the proxy's own (a refusal) as a complete
// *http.Response with a known length.
func bufferedError(req *http.Request, status int, reason, msg, requestID string) *http.Response {
	w := &memWriter{header: http.Header{}}
	writeError(w, status, reason, msg, requestID)
	return &http.Response{
		Status: strconv.Itoa(status) + " " + http.StatusText(status), StatusCode: status,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: w.header, Body: io.NopCloser(bytes.NewReader(w.body.Bytes())),
		ContentLength: int64(w.body.Len()), Request: req,
	}
}

type memWriter struct {
	header http.Header
	body   bytes.Buffer
}

func (w *memWriter) Header() http.Header         { return w.header }
func (w *memWriter) WriteHeader(int)             {}
func (w *memWriter) Write(b []byte) (int, error) { return w.body.Write(b) }
