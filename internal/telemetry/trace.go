package telemetry

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// Span attribute keys. Counts by type and action are one attribute per type or action,
// e.g. pii_proxy.detected.hkid = 2, pii_proxy.action.mask = 2.
const (
	AttrRoute       = "pii_proxy.route"
	AttrRoles       = "pii_proxy.roles"
	AttrCaller      = "pii_proxy.caller"
	AttrUpstream    = "pii_proxy.upstream"
	AttrRegion      = "pii_proxy.region"
	AttrDecision    = "pii_proxy.decision"
	AttrReason      = "pii_proxy.reason"
	AttrCrossBorder = "pii_proxy.cross_border"
	AttrRequestID   = "pii_proxy.request_id"
	AttrDetected    = "pii_proxy.detected_total"
	PrefixDetected  = "pii_proxy.detected."
	PrefixAction    = "pii_proxy.action."
)

// StartCall starts the server span of a proxied call. Pass the returned context down to the
// upstream request (Transport or Inject put its traceparent on the request to DingTalk) and
// end the span with EndCall. ctx may carry a parent from Extract.
func (t *T) StartCall(ctx context.Context, method string) (context.Context, trace.Span) {
	if t == nil {
		return ctx, trace.SpanFromContext(ctx)
	}
	return t.tracer.Start(ctx, methodLabel(method), trace.WithSpanKind(trace.SpanKindServer),
		trace.WithAttributes(attribute.String("http.request.method", methodLabel(method))))
}

// EndCall records a call's metrics, sets its span's attributes and ends the span. span may
// be nil (metrics only).
func (t *T) EndCall(ctx context.Context, span trace.Span, ev CallEvent) {
	if t == nil {
		return
	}
	t.in.record(ctx, &ev)
	if span == nil {
		return
	}
	annotate(span, &ev)
	span.End()
}

// Record is EndCall for a caller that learns of the call only when it is over (the proxy's
// Options.Observe): it records the metrics and, when tracing is on, a span back-dated to
// ev.Start. That span has no upstream child; StartCall/EndCall give the linked trace.
func (t *T) Record(ev CallEvent) {
	if t == nil {
		return
	}
	ctx := context.Background()
	t.in.record(ctx, &ev)
	if t.tp == nil {
		return
	}
	start := ev.Start
	if start.IsZero() {
		start = time.Now().Add(-ev.Duration)
	}
	_, span := t.tracer.Start(ctx, methodLabel(ev.Method), trace.WithSpanKind(trace.SpanKindServer),
		trace.WithTimestamp(start),
		trace.WithAttributes(attribute.String("http.request.method", methodLabel(ev.Method))))
	annotate(span, &ev)
	span.End(trace.WithTimestamp(start.Add(ev.Duration)))
}

// annotate puts a call's outcome on its span: names and counts only.
func annotate(span trace.Span, ev *CallEvent) {
	if !span.IsRecording() {
		return
	}
	if ev.Route != "" {
		// OTel's HTTP server span name is "{method} {route}"; the policy's route name is
		// the low-cardinality route.
		span.SetName(methodLabel(ev.Method) + " " + LabelValue(ev.Route))
	}
	attrs := make([]attribute.KeyValue, 0, 16+len(ev.Types)+len(ev.Actions))
	attrs = append(attrs,
		attribute.String(AttrRoute, LabelValue(ev.Route)),
		attribute.StringSlice(AttrRoles, labelValues(ev.Roles)),
		attribute.String(AttrCaller, LabelValue(ev.Caller)),
		attribute.String(AttrUpstream, LabelValue(ev.Upstream)),
		attribute.String(AttrRegion, LabelValue(ev.Region)),
		attribute.Int("http.response.status_code", ev.Status),
		attribute.String(AttrDecision, LabelValue(ev.Decision)),
		attribute.Bool(AttrCrossBorder, ev.CrossBorder),
		attribute.Int(AttrDetected, ev.Detections()),
		attribute.Int64("http.request.body.size", ev.BytesIn),
		attribute.Int64("http.response.body.size", ev.BytesOut),
	)
	if ev.Method != "" {
		attrs = append(attrs, attribute.String("http.request.method", methodLabel(ev.Method)))
	}
	if ev.Reason != "" {
		attrs = append(attrs, attribute.String(AttrReason, LabelValue(ev.Reason)))
	}
	if ev.RequestID != "" {
		attrs = append(attrs, attribute.String(AttrRequestID, LabelValue(ev.RequestID)))
	}
	for typ, n := range ev.Types {
		attrs = append(attrs, attribute.Int(PrefixDetected+LabelValue(typ), n))
	}
	for act, n := range ev.Actions {
		attrs = append(attrs, attribute.Int(PrefixAction+LabelValue(act), n))
	}
	span.SetAttributes(attrs...)
	if ev.Status >= 500 || ev.Decision == DecisionError {
		span.SetStatus(codes.Error, LabelValue(ev.Reason))
	}
}

func labelValues(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = LabelValue(s)
	}
	return out
}

// Extract returns ctx with the W3C trace context of an incoming request's headers as the
// parent, so a caller that traces its own calls sees the proxy's span inside its trace.
func (t *T) Extract(ctx context.Context, h http.Header) context.Context {
	if t == nil {
		return ctx
	}
	return t.prop.Extract(ctx, propagation.HeaderCarrier(h))
}

// Inject writes the W3C traceparent (and tracestate) of ctx's span into h, replacing any
// the client sent. Nothing is written when ctx has no valid span (tracing off).
func (t *T) Inject(ctx context.Context, h http.Header) {
	if t == nil {
		return
	}
	h.Del("Traceparent")
	h.Del("Tracestate")
	t.prop.Inject(ctx, propagation.HeaderCarrier(h))
}

// Transport wraps the proxy's upstream transport: each attempt to reach DingTalk becomes a
// client span under the call's span, and its traceparent goes on the request, so the
// upstream call is linked to the proxied one. Requests whose context has no span pass
// through untouched. The URL is not recorded (legacy calls carry ?access_token=).
func (t *T) Transport(next http.RoundTripper) http.RoundTripper {
	if t == nil {
		return next
	}
	return &transport{t: t, next: next}
}

type transport struct {
	t    *T
	next http.RoundTripper
}

func (tr *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	parent := trace.SpanFromContext(req.Context())
	if !parent.SpanContext().IsValid() {
		return tr.next.RoundTrip(req)
	}
	ctx, span := tr.t.tracer.Start(req.Context(), methodLabel(req.Method), trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(
			attribute.String("http.request.method", methodLabel(req.Method)),
			attribute.String("server.address", req.URL.Hostname()),
		))
	defer span.End()
	// A RoundTripper must not modify the request it was given.
	out := req.Clone(ctx)
	tr.t.Inject(ctx, out.Header)
	resp, err := tr.next.RoundTrip(out)
	if err != nil {
		span.SetStatus(codes.Error, "upstream unreachable")
		return nil, err
	}
	span.SetAttributes(attribute.Int("http.response.status_code", resp.StatusCode))
	if resp.StatusCode >= 500 {
		span.SetStatus(codes.Error, "")
	}
	return resp, nil
}

// CloseIdleConnections passes through to the wrapped transport.
func (tr *transport) CloseIdleConnections() {
	if c, ok := tr.next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}
