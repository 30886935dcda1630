package proxy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/auth"
	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// ServeHTTP handles one call from an integration.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.inflight.enter() {
		c := s.earlyCall(r, http.StatusServiceUnavailable, audit.DecisionError, ReasonShuttingDown)
		sw := &statusWriter{ResponseWriter: w}
		writeError(sw, http.StatusServiceUnavailable, ReasonShuttingDown, "the proxy is shutting down; retry", c.ID)
		s.finish(c, sw)
		return
	}
	defer s.inflight.leave()

	rt := s.rt.Load()
	c := &Call{ID: newRequestID(), Start: time.Now(), Runtime: rt, Method: r.Method}
	if s.opts.Trace != nil {
		ctx, done := s.opts.Trace(r.Context(), r.Method, r.Header)
		r, c.traceDone = r.WithContext(ctx), done
	}
	c.sw = statusWriter{ResponseWriter: w}
	sw := &c.sw
	defer s.finish(c, sw)
	c.ClientHome = rt.Plan.Residency.ClientInHome(clientAddr(r))

	caller, err := auth.Authenticate(rt.Plan, r)
	if err != nil {
		ae, _ := auth.IsAuthError(err)
		c.Decision, c.Reason, c.Status = audit.DecisionUnauthenticated, ae.Reason, http.StatusUnauthorized
		sw.Header().Set("WWW-Authenticate", `Bearer realm="pii-proxy"`)
		writeError(sw, http.StatusUnauthorized, ae.Reason, ae.Msg, c.ID)
		return
	}
	c.Caller = caller

	route, upstream, ok := MatchRoute(rt.Plan, r.Method, r.URL.Path)
	c.Upstream = upstream
	if !ok {
		s.refuse(c, sw, http.StatusForbidden, ReasonRouteNotAllowed,
			fmt.Sprintf("%s %s is not a route of the policy", r.Method, sanitizePath(r.URL.Path)))
		return
	}
	c.Route = route
	if route.Upstream != nil {
		c.Region = route.Upstream.Region
		c.Cross = rt.Plan.Residency.CrossBorder(route.Upstream)
	}
	if !route.AllowsRoles(caller.Roles) {
		s.refuse(c, sw, http.StatusForbidden, ReasonRoleNotAllowed, "this caller's roles may not call route "+route.Name)
		return
	}
	// DESIGN.md §7: a call the audit trail cannot record is not forwarded. The record itself
	// is written after the answer (it holds the status and the bytes sent); a write failing
	// there makes the log refuse appends, and this check refuses every call after it.
	if a := s.opts.Audit; a != nil {
		if err := a.Healthy(); err != nil {
			s.refuse(c, sw, http.StatusServiceUnavailable, ReasonAuditUnavailable,
				"the audit trail cannot record calls; the call was not forwarded")
			return
		}
	}
	if lim := rt.limiters[route]; lim != nil && !lim.Allow() {
		sw.Header().Set("Retry-After", retryAfter(lim))
		s.refuse(c, sw, http.StatusTooManyRequests, ReasonRateLimited,
			"route "+route.Name+" is over its rate limit toward DingTalk; retry later")
		return
	}

	ctx := r.Context()
	if route.Limits.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, route.Limits.Timeout)
		defer cancel()
	}
	c.ctx = callCtx{ctx, c} // context.WithValue's work, without an allocation of its own
	// out shares the client's header map: nothing here writes to it (the ReverseProxy
	// clones it for the upstream request, and rewriteRequest edits that clone), so a copy
	// of our own would be a second one per call.
	out := r.WithContext(&c.ctx)
	c.acceptEncoding = headerGet(r.Header, hdrAcceptEncoding)

	if !s.processRequest(c, sw, out) {
		return
	}
	s.rp.ServeHTTP(sw, out)
	c.releaseBufs()
	// The answer is complete: send it now, so the client is not kept waiting while the
	// deferred finish writes the audit record and the log line.
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// MatchRoute finds the route of a call. The path decides the DingTalk upstream (UpstreamFor);
// a path no DingTalk route takes may still belong to another upstream of the policy (a bot
// application's callback endpoint, say), tried in name order.
func MatchRoute(p *policy.Plan, method, path string) (*policy.Route, string, bool) {
	up := UpstreamFor(path)
	if r, _, ok := p.Match(up, method, path); ok {
		return r, up, true
	}
	for _, name := range p.UpstreamNames() {
		if name == "api" || name == "oapi" {
			continue
		}
		if r, _, ok := p.Match(name, method, path); ok {
			return r, name, true
		}
	}
	return nil, up, false
}

// routeKind classifies a body for a route: only the media types the route inspects are
// read; anything else is either passed through (Route.Passthrough) or refused.
func routeKind(route *policy.Route, contentType string) (rewrite.Kind, string, bool) {
	kind, mt, ok := bodyKind(contentType)
	if ok && contentType != "" && !mediaMatch(mt, route.Inspect) {
		return kind, mt, false
	}
	return kind, mt, ok
}

// earlyCall is a call answered before it enters the pipeline (the proxy shutting down,
// forward mode's refusals): it gets a request id, a span and, through finish, the audit
// record, log line and metrics of every other answer, so the client has an id to quote and
// the trail shows the attempt.
func (s *Server) earlyCall(r *http.Request, status int, decision, reason string) *Call {
	c := &Call{ID: newRequestID(), Start: time.Now(), Method: r.Method, Status: status, Decision: decision, Reason: reason}
	if rt := s.rt.Load(); rt != nil {
		c.ClientHome = rt.Plan.Residency.ClientInHome(clientAddr(r))
	}
	if s.opts.Trace != nil {
		_, c.traceDone = s.opts.Trace(r.Context(), r.Method, r.Header)
	}
	return c
}

// refuse answers a call the proxy will not forward.
func (s *Server) refuse(c *Call, w http.ResponseWriter, status int, reason, msg string, extra ...string) {
	c.Status, c.Reason = status, reason
	if c.Decision == "" {
		c.Decision = audit.DecisionDenied
	}
	writeError(w, status, reason, msg, c.ID, extra...)
}

// processRequest rewrites the query string and the body of an outgoing call. It returns
// false after answering the client itself (refusal or error): nothing is forwarded.
func (s *Server) processRequest(c *Call, w http.ResponseWriter, r *http.Request) bool {
	rt, route := c.Runtime, c.Route
	side := route.Request
	dec := side.For(c.Caller.Roles)
	c.in = rewrite.Input{Direction: rewrite.Request, Side: side, Decisions: dec,
		CrossBorder: c.Cross, ForbidClear: rt.Plan.Residency.ForbidClear, MaxDepth: route.Limits.MaxDepth,
		TTL: route.Retention}
	in := &c.in

	if r.URL.RawQuery != "" && (dec.Scan || len(dec.Query) > 0) {
		q, o, err := rt.Engine.RewriteQuery(r.Context(), in, r.URL.RawQuery)
		if err != nil {
			s.failRequest(c, w, err, "query string")
			return false
		}
		if o.Refusal != nil {
			s.policyRefusal(c, w, o.Refusal, "request")
			return false
		}
		c.Stats.Merge(o.Stats)
		r.URL.RawQuery = q
	}

	if r.Body == nil || r.Body == http.NoBody || r.Method == http.MethodGet || r.Method == http.MethodHead {
		if r.Body != nil {
			r.Body.Close()
		}
		r.Body, r.ContentLength = http.NoBody, 0
		return true
	}
	ct := headerGet(r.Header, hdrContentType)
	kind, mt, inspectable := routeKind(route, ct)
	if !inspectable {
		if ct != "" && mediaMatch(mt, route.Passthrough) {
			FenceBody(r) // streamed as is: the route says this type carries no inspected data
			return true
		}
		if ct == "" {
			// Sniff: a body without a type is inspected as JSON or text, never waved through.
			kind, inspectable = rewrite.Text, true
		} else {
			s.refuse(c, w, http.StatusUnsupportedMediaType, ReasonUninspectable,
				"content type "+mt+" cannot be inspected and is not allowed to pass through on route "+route.Name)
			return false
		}
	}
	enc := headerGet(r.Header, hdrContentEncoding)
	codings := parseCodings(enc)
	// The route's time limit covers the whole call, reading the body included: a client that
	// sends its body slowly must not hold the call and its buffer past it. Forward mode's
	// tunnels cannot set a deadline (they have their idle timeout).
	rc := http.NewResponseController(w)
	deadline, hasDeadline := r.Context().Deadline()
	if hasDeadline {
		rc.SetReadDeadline(deadline)
	}
	// A compressed body is kept as it came while it is decoded: unchanged, it goes on as
	// it is, not compressed again.
	src := io.Reader(r.Body)
	var raw *bytes.Buffer
	if len(codings) > 0 {
		raw = new(bytes.Buffer)
		src = io.TeeReader(r.Body, raw)
	}
	body, err := readBody(nil, src, enc, route.Limits.MaxBody, r.ContentLength)
	r.Body.Close() // under the deadline too: closing drains what is left of a body
	if hasDeadline {
		rc.SetReadDeadline(time.Time{})
	}
	if err != nil {
		s.failRequest(c, w, err, "request body")
		return false
	}
	c.BytesIn = int64(len(body))
	if ct == "" && sniffJSON(body) {
		kind = rewrite.JSON
	}
	in.Body, in.Kind = body, kind
	changed := false
	if len(body) > 0 && (dec.Scan || len(dec.Fields) > 0) {
		o, err := rt.Engine.Rewrite(r.Context(), in)
		if err != nil {
			s.failRequest(c, w, err, "request body")
			return false
		}
		if o.Refusal != nil {
			s.policyRefusal(c, w, o.Refusal, "request")
			return false
		}
		c.Stats.Merge(o.Stats)
		body, changed = o.Body, o.Changed
	}
	switch {
	case len(codings) > 0 && !changed:
		body = raw.Bytes()
	case len(codings) > 0:
		if body, err = encodeBody(nil, body, codings); err != nil {
			s.failRequest(c, w, err, "request body")
			return false
		}
	}
	// Still an io.NopCloser over a *bytes.Reader: the transport recognises that pair as a
	// body in memory and sends headers and body in one write.
	c.reqBody.Reset(body)
	r.Body = io.NopCloser(&c.reqBody)
	r.ContentLength = int64(len(body))
	r.TransferEncoding = nil
	c.bodyRead = true // rewriteRequest sets the headers on the upstream request's copy
	return true
}

// policyRefusal answers a call the policy refuses (deny, block_types, forbid_clear).
func (s *Server) policyRefusal(c *Call, w http.ResponseWriter, ref *rewrite.Refusal, dir string) {
	c.Decision, c.RefusedAt = audit.DecisionBlocked, dir
	s.refuse(c, w, http.StatusForbidden, ReasonPolicyRefused, "refused by policy: "+ref.Error(), string(ref.Type), ref.Path)
	c.Reason = ref.Reason
}

// failRequest answers a request whose body could not be inspected: never forwarded.
func (s *Server) failRequest(c *Call, w http.ResponseWriter, err error, what string) {
	c.Decision = audit.DecisionError
	status, reason, msg := classify(err, what)
	s.refuse(c, w, status, reason, msg)
	c.Decision = audit.DecisionError
}

// classify maps an inspection or upstream error to a status, reason and message that are
// safe to show (they never quote a body).
func classify(err error, what string) (int, string, string) {
	var tooLarge *errTooLarge
	var badEnc *errEncoding
	var syn *jsonlex.SyntaxError
	var depth *jsonlex.DepthError
	var ref *rewrite.Refusal
	switch {
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, ReasonBodyTooLarge, what + ": " + tooLarge.Error()
	case errors.As(err, &badEnc):
		return http.StatusUnsupportedMediaType, ReasonBadEncoding, what + ": " + badEnc.Error()
	case errors.As(err, &syn), errors.As(err, &depth):
		return http.StatusBadRequest, ReasonBadBody, what + ": " + err.Error()
	case errors.As(err, &ref):
		return http.StatusForbidden, ReasonPolicyRefused, "refused by policy: " + ref.Error()
	case errors.Is(err, vault.ErrUnavailable), errors.Is(err, rewrite.ErrNoVault):
		return http.StatusServiceUnavailable, ReasonVaultUnavailable, "the token vault is unavailable; nothing was forwarded"
	case errors.Is(err, rewrite.ErrNoHashKey):
		return http.StatusServiceUnavailable, ReasonInternal, err.Error()
	case errors.Is(err, os.ErrDeadlineExceeded):
		return http.StatusRequestTimeout, ReasonBodyTimeout, what + ": not received within the route's time limit"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, ReasonUpstreamTimeout, "the call ran out of time"
	}
	var formErr *detect.FormError
	if errors.As(err, &formErr) {
		return http.StatusBadRequest, ReasonBadBody, what + ": " + formErr.Error()
	}
	return http.StatusBadRequest, ReasonBadBody, what + " could not be inspected"
}

// rewriteRequest points the outgoing request at the route's upstream (ReverseProxy.Rewrite).
func (s *Server) rewriteRequest(pr *httputil.ProxyRequest) {
	c := callFrom(pr.In)
	target := c.Runtime.upstreams[c.Upstream]
	if c.Route.Upstream != nil {
		target = c.Runtime.upstreams[c.Route.Upstream.Name]
	}
	pr.SetURL(target)
	pr.Out.URL.RawQuery = pr.In.URL.RawQuery
	// The values of the headers set here share one array: one allocation, not one each.
	vals := new([6]string)
	setXForwarded(pr, (*[3]string)(vals[:3]))
	for _, h := range credentialHeaders {
		delete(pr.Out.Header, h)
	}
	// The proxy asks DingTalk for gzip whatever the client accepts (the link to DingTalk is
	// the slow one) and decodes it itself, with pooled decoders (modifyResponse).
	vals[3], vals[4] = "gzip", c.ID
	pr.Out.Header[hdrAcceptEncoding] = vals[3:4:4]
	pr.Out.Header[hdrRequestID] = vals[4:5:5]
	if c.bodyRead {
		vals[5] = strconv.FormatInt(pr.Out.ContentLength, 10)
		pr.Out.Header[hdrContentLength] = vals[5:6:6]
		delete(pr.Out.Header, hdrTransferEncoding)
	}
}

// credentialHeaders are removed before forwarding: the proxy's own API key, and role
// headers a client may have set (roles come from the policy only). Canonical names (see
// headers.go).
var credentialHeaders = append(append([]string{}, auth.CredentialHeaders...), "X-Role", "X-Roles", "X-Pii-Role", "X-Proxy-Role")

// modifyResponse inspects and rewrites the upstream response (ReverseProxy.ModifyResponse).
// An error here makes ErrorHandler answer instead: nothing unmasked reaches the client.
func (s *Server) modifyResponse(resp *http.Response) error {
	c := callFrom(resp.Request)
	route := c.Route
	side := route.Response
	dec := side.For(c.Caller.Roles)
	if resp.Body == nil || resp.Body == http.NoBody || resp.Request.Method == http.MethodHead ||
		resp.StatusCode == http.StatusNoContent || resp.StatusCode == http.StatusNotModified {
		return nil
	}
	ct := headerGet(resp.Header, hdrContentType)
	kind, mt, inspectable := routeKind(route, ct)
	if !inspectable {
		if ct != "" && mediaMatch(mt, route.Passthrough) {
			return passThrough(resp, c.acceptEncoding)
		}
		if ct != "" {
			return &responseError{ReasonUninspectable, "the response's content type " + mt + " cannot be inspected"}
		}
		kind = rewrite.Text
	}
	// Re-encode for the client only what came compressed: compressing a body DingTalk sent
	// plain would cost more than the rewrite itself.
	encoding := headerGet(resp.Header, hdrContentEncoding)
	compressed := encoding != ""
	// A gzip body for a gzip client is kept as it came while it is decoded: if the rewrite
	// changes nothing (a role that sees everything, a body without personal data), those
	// bytes go out and nothing is compressed again.
	clientGzip := acceptsGzip(c.acceptEncoding)
	src := io.Reader(resp.Body)
	var raw *bodyBuf
	if clientGzip && isGzip(encoding) {
		raw = c.takeBuf()
		src = io.TeeReader(resp.Body, raw)
	}
	in := c.takeBuf()
	body, err := readBody(in.b, src, encoding, route.Limits.MaxBody, resp.ContentLength)
	resp.Body.Close()
	if err != nil {
		return err
	}
	in.b = body
	changed := false
	if ct == "" && sniffJSON(body) {
		kind = rewrite.JSON
	}
	if len(body) > 0 && (dec.Scan || len(dec.Fields) > 0) {
		out := c.takeBuf()
		c.in = rewrite.Input{
			Body: body, Kind: kind, Direction: rewrite.Response, Side: side, Decisions: dec,
			MaxDepth: route.Limits.MaxDepth, TTL: route.Retention, Dst: out.b,
		}
		o, err := c.Runtime.Engine.Rewrite(resp.Request.Context(), &c.in)
		if err != nil {
			return err
		}
		if o.Refusal != nil {
			c.RefusedAt = "response"
			return o.Refusal
		}
		c.Stats.Merge(o.Stats)
		if o.Changed && cap(o.Body) > 0 {
			out.b = o.Body[:0] // the rewrite's buffer, grown if Dst was too small
		}
		body, changed = o.Body, o.Changed
	}
	delete(resp.Header, hdrContentEncoding)
	switch {
	case raw != nil && !changed:
		body = raw.b
		headerSet(resp.Header, hdrContentEncoding, "gzip")
	case compressed && clientGzip && len(body) >= 1024:
		buf := c.takeBuf()
		if enc, err := encodeBody(buf.b, body, gzipCoding); err == nil {
			body, buf.b = enc, enc[:0]
			headerSet(resp.Header, hdrContentEncoding, "gzip")
		}
	}
	resp.Header[hdrVary] = append(resp.Header[hdrVary], "Accept-Encoding")
	c.respBody.Reset(body)
	resp.Body = &c.respBody
	resp.ContentLength = int64(len(body))
	headerSet(resp.Header, hdrContentLength, strconv.Itoa(len(body)))
	delete(resp.Header, hdrTransferEncoding)
	resp.TransferEncoding = nil
	return nil
}

var gzipCoding = []string{"gzip"}

// isGzip reports a Content-Encoding of gzip alone.
func isGzip(encoding string) bool {
	codings := parseCodings(encoding)
	return len(codings) == 1 && (codings[0] == "gzip" || codings[0] == "x-gzip")
}

// passThrough streams a body the route lets through uninspected. It came gzipped when
// DingTalk honoured the proxy's Accept-Encoding; a client that did not ask for gzip gets
// it decoded on the fly, as Go's transport would have done.
func passThrough(resp *http.Response, acceptEncoding string) error {
	if !isGzip(resp.Header.Get("Content-Encoding")) || acceptsGzip(acceptEncoding) {
		return nil
	}
	d, err := decoder("gzip", resp.Body)
	if err != nil {
		return err
	}
	resp.Body = &decodedBody{d, resp.Body}
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	return nil
}

// decodedBody is a decoder over a response body; closing it closes both.
type decodedBody struct {
	io.ReadCloser
	src io.Closer
}

func (d *decodedBody) Close() error {
	d.ReadCloser.Close()
	return d.src.Close()
}

// acceptsGzip reports whether an Accept-Encoding header admits gzip (q > 0).
func acceptsGzip(h string) bool {
	// strings.Cut rather than strings.Split: this runs on every call, and the slices Split
	// makes were garbage.
	for rest, more := h, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "*" {
			continue
		}
		q := 1.0
		for prest, pmore := params, true; pmore; {
			var p string
			p, prest, pmore = strings.Cut(prest, ";")
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(k, "q") {
				q, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
			}
		}
		if q > 0 {
			return true
		}
	}
	return false
}

// responseError is an upstream response the proxy will not pass on.
type responseError struct{ reason, msg string }

func (e *responseError) Error() string { return e.msg }

// errorHandler answers when forwarding failed or the response could not be inspected.
func (s *Server) errorHandler(w http.ResponseWriter, r *http.Request, err error) {
	c := callFrom(r)
	var ref *rewrite.Refusal
	var re *responseError
	switch {
	case errors.As(err, &ref):
		c.Decision = audit.DecisionBlocked
		s.refuse(c, w, http.StatusForbidden, ReasonPolicyRefused, "response refused by policy: "+ref.Error(), string(ref.Type), ref.Path)
		c.Reason = ref.Reason
		return
	case errors.As(err, &re):
		c.Decision = audit.DecisionError
		s.refuse(c, w, http.StatusBadGateway, re.reason, re.msg+"; nothing was passed on")
		c.Decision = audit.DecisionError
		return
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		c.Decision = audit.DecisionError
		s.refuse(c, w, http.StatusGatewayTimeout, ReasonUpstreamTimeout, "DingTalk did not answer in time")
		c.Decision = audit.DecisionError
		return
	case errors.Is(err, context.Canceled):
		c.Decision, c.Reason, c.Status = audit.DecisionError, "client_gone", 499
		return
	}
	if c.Status == 0 && isInspectionError(err) {
		status, reason, msg := classify(err, "response body")
		if status < 500 {
			status, reason = http.StatusBadGateway, ReasonResponseRefused
		}
		c.Decision = audit.DecisionError
		s.refuse(c, w, status, reason, msg+"; nothing was passed on")
		c.Decision = audit.DecisionError
		return
	}
	c.Decision = audit.DecisionError
	s.refuse(c, w, http.StatusBadGateway, ReasonUpstreamDown, "DingTalk could not be reached")
	c.Decision = audit.DecisionError
	s.log.Warn("upstream error", "request_id", c.ID, "route", c.Route.Name, "error", redactError(err))
}

func isInspectionError(err error) bool {
	var tooLarge *errTooLarge
	var badEnc *errEncoding
	var syn *jsonlex.SyntaxError
	var depth *jsonlex.DepthError
	return errors.As(err, &tooLarge) || errors.As(err, &badEnc) || errors.As(err, &syn) || errors.As(err, &depth) ||
		errors.Is(err, vault.ErrUnavailable) || errors.Is(err, rewrite.ErrNoVault) || errors.Is(err, rewrite.ErrNoHashKey)
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// finish writes the audit record, the log line and the metrics of a call.
func (s *Server) finish(c *Call, sw *statusWriter) {
	c.Duration = time.Since(c.Start)
	if c.Status == 0 {
		c.Status = sw.status
	}
	if c.Decision == "" {
		c.Decision = audit.DecisionForwarded
	}
	c.BytesOut = sw.n
	if s.opts.Audit != nil {
		if err := s.opts.Audit.Append(s.record(c)); err != nil {
			s.log.Error("audit append failed", "request_id", c.ID, "error", err)
		}
	}
	if h := s.log.Handler(); h.Enabled(context.Background(), slog.LevelInfo) {
		now := time.Now()
		if jh, ok := h.(*jsonLogHandler); !ok || !jh.fast || !jh.writeCallLine(now, c) {
			logCall(h, now, c)
		}
	}
	if c.traceDone != nil {
		c.traceDone(c)
	}
	if s.opts.Observe != nil {
		s.opts.Observe(c)
	}
}

// logCall writes c's call line through any handler.
func logCall(h slog.Handler, t time.Time, c *Call) {
	// Typed attributes in a fixed array: one log line per call, so no boxing per field.
	var buf [10]slog.Attr
	attrs := append(buf[:0], slog.String("request_id", c.ID), slog.String("method", c.Method),
		slog.Int("status", c.Status), slog.String("decision", c.Decision),
		slog.Float64("duration_ms", float64(c.Duration.Microseconds())/1000))
	if c.Caller != nil {
		attrs = append(attrs, slog.String("caller", c.Caller.ID))
	}
	if c.Route != nil {
		attrs = append(attrs, slog.String("route", c.Route.Name))
	}
	if c.Reason != "" {
		attrs = append(attrs, slog.String("reason", c.Reason))
	}
	if n := c.Stats.Total(); n > 0 {
		pii, actions := countsValues(c.Stats.Types, c.Stats.Actions)
		attrs = append(attrs, slog.Attr{Key: "pii", Value: pii}, slog.Attr{Key: "actions", Value: actions})
	}
	// A record without a program counter: Logger.LogAttrs walks the stack for one
	// (runtime.Callers) on every call, and the call line shows no source.
	r := slog.NewRecord(t, slog.LevelInfo, "call", 0)
	r.AddAttrs(attrs...)
	_ = h.Handle(context.Background(), r)
}

// countsValue renders counts by name as a log group with sorted keys: the same JSON object
// the map gives, without encoding/json's reflection on every call.
func countsValue(m map[string]int) slog.Value {
	return appendCounts(make([]slog.Attr, 0, len(m)), m)
}

// countsValues is countsValue of a and of b, the two groups sharing one array.
func countsValues(a, b map[string]int) (slog.Value, slog.Value) {
	attrs := make([]slog.Attr, 0, len(a)+len(b))
	return appendCounts(attrs, a), appendCounts(attrs[len(a):len(a)], b)
}

// appendCounts is countsValue with the group appended to attrs, which must have room for it
// (the value keeps the array).
func appendCounts(attrs []slog.Attr, m map[string]int) slog.Value {
	for k, n := range m {
		attrs = append(attrs, slog.Int(k, n))
	}
	slices.SortFunc(attrs, func(a, b slog.Attr) int { return strings.Compare(a.Key, b.Key) })
	return slog.GroupValue(attrs...)
}

// record builds the audit record of a call.
func (s *Server) record(c *Call) *audit.Record {
	c.rec = audit.Record{
		Kind: audit.KindCall, RequestID: c.ID, Method: c.Method, Upstream: c.Upstream, Region: c.Region,
		Status: c.Status, Decision: c.Decision, Reason: c.Reason, Counts: c.Stats.Types, Actions: c.Stats.Actions,
		Paths: c.Stats.Paths, Tokens: c.Stats.Tokens, LatencyMS: float64(c.Duration.Microseconds()) / 1000,
		BytesIn: c.BytesIn, BytesOut: c.BytesOut, Direction: "both", ClientNet: "other",
	}
	r := &c.rec
	if c.ClientHome {
		r.ClientNet = "hk"
	}
	if c.RefusedAt != "" {
		r.Direction = c.RefusedAt
	}
	r.CrossBorder = c.CrossedBorder()
	if c.Caller != nil {
		r.Caller, r.Roles = c.Caller.ID, c.Caller.Roles
	}
	if c.Route != nil {
		r.Route = c.Route.Name
	}
	return r
}
