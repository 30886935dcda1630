package proxy

import (
	"bytes"
	"context"
	"net/http"
	"net/netip"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

// Call is what the proxy knows about one call as it goes; the audit record, the log line
// and the metrics are made from it. It holds no values.
type Call struct {
	ID         string
	Start      time.Time
	Runtime    *Runtime
	Caller     *policy.Caller
	Route      *policy.Route
	Method     string
	Upstream   string
	Region     string
	Cross      bool // the call crosses the border (upstream outside the home region)
	ClientHome bool
	Status     int
	Decision   string // forwarded, blocked, denied, unauthenticated, error
	Reason     string
	RefusedAt  string // "request" or "response" when the policy refused
	Stats      rewrite.Stats
	BytesIn    int64
	BytesOut   int64
	Duration   time.Duration

	// bodyRead: the request body was read whole (and perhaps rewritten); the upstream
	// request gets its length as a header.
	bodyRead bool
	// What the call needs one of, held here rather than allocated apart from the call: the
	// writer to the client, the upstream request's context, the rewrite's input (the
	// request's, then the response's), the bodies handed on and the audit record.
	sw       statusWriter
	ctx      callCtx
	in       rewrite.Input
	reqBody  bytes.Reader
	respBody bodyReader
	rec      audit.Record

	// response-side state
	acceptEncoding string
	traceDone      func(*Call)
	bufs           []*bodyBuf // body buffers to hand back once the answer is written
	bufArr         [3]*bodyBuf
}

// CrossedBorder reports whether personal data crossed the border on this call: a forwarded
// call that carried (or brought back) personal data to or from an upstream outside the
// home region.
func (c *Call) CrossedBorder() bool {
	return c.Cross && c.Decision == audit.DecisionForwarded && c.Stats.Total() > 0
}

// Event is the call as metrics, traces and the dashboard see it: counts and names, no values.
func (c *Call) Event() telemetry.CallEvent {
	ev := telemetry.CallEvent{
		Start: c.Start, RequestID: c.ID, Method: c.Method, Upstream: c.Upstream, Region: c.Region,
		Status: c.Status, Decision: c.Decision, Reason: c.Reason, Types: c.Stats.Types, Actions: c.Stats.Actions,
		Duration: c.Duration, BytesIn: c.BytesIn, BytesOut: c.BytesOut, CrossBorder: c.CrossedBorder(),
	}
	if c.Route != nil {
		ev.Route = c.Route.Name
	}
	if c.Caller != nil {
		ev.Caller, ev.Roles = c.Caller.ID, c.Caller.Roles
	}
	return ev
}

// bodyReader is a rewritten response body: the ReverseProxy reads it and closes it.
type bodyReader struct{ bytes.Reader }

func (*bodyReader) Close() error { return nil }

type callKey struct{}

// callCtx is context.WithValue(Context, callKey{}, c).
type callCtx struct {
	context.Context
	c *Call
}

func (x *callCtx) Value(key any) any {
	if key == (callKey{}) {
		return x.c
	}
	return x.Context.Value(key)
}

func callFrom(r *http.Request) *Call {
	c, _ := r.Context().Value(callKey{}).(*Call)
	return c
}

// clientAddr parses the client IP of a request.
func clientAddr(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr()
}

// statusWriter remembers the status and byte count written to the client.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
