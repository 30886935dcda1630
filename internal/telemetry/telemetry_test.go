package telemetry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
	colmetricpb "go.opentelemetry.io/proto/otlp/collector/metrics/v1"
	"google.golang.org/protobuf/proto"
)

func supportGet(types, actions map[string]int) CallEvent {
	return CallEvent{
		Method: "POST", Route: "user-get", Caller: "demo-support", Roles: []string{"support"},
		Upstream: "oapi", Region: "cn", Status: 200, Decision: DecisionForwarded,
		CrossBorder: len(types) > 0, Types: types, Actions: actions,
		Duration: 3 * time.Millisecond, BytesIn: 20, BytesOut: 900,
	}
}

func TestCallsYieldCounters(t *testing.T) {
	tel, _ := newTest(t)
	ctx := context.Background()
	for range 3 {
		tel.EndCall(ctx, nil, supportGet(map[string]int{"hk_phone": 1, "email": 2}, map[string]int{"redact": 3}))
	}
	payroll := supportGet(map[string]int{"hkid": 1}, map[string]int{"mask": 1})
	payroll.Roles, payroll.Caller = []string{"payroll"}, "demo-payroll"
	tel.Record(payroll)
	tel.Record(CallEvent{Method: "POST", Status: 401, Decision: DecisionUnauthenticated, Reason: "missing_api_key", Duration: time.Millisecond})
	tel.Record(CallEvent{Method: "POST", Roles: []string{"support"}, Status: 403, Decision: DecisionDenied, Reason: "route_not_allowed", Duration: time.Millisecond})
	tel.Record(CallEvent{Method: "POST", Route: "user-get", Roles: []string{"support"}, Upstream: "oapi", Region: "cn",
		Status: 502, Decision: DecisionError, Reason: "upstream_unavailable", Duration: time.Second})
	multi := supportGet(nil, nil)
	multi.Roles = []string{"payroll", "hr_admin"}
	tel.Record(multi)

	_, fams := scrape(t, tel)
	tests := []struct {
		metric string
		labels map[string]string
		want   float64
	}{
		{MetricRequests, map[string]string{"route": "user-get", "role": "support", "status_class": "2xx", "decision": "forwarded"}, 3},
		{MetricRequests, map[string]string{"route": "user-get", "role": "payroll", "decision": "forwarded"}, 1},
		{MetricRequests, map[string]string{"route": "user-get", "role": "hr_admin+payroll"}, 1},
		{MetricRequests, map[string]string{"route": "none", "role": "none", "status_class": "4xx", "decision": "unauthenticated"}, 1},
		{MetricRequests, map[string]string{"route": "none", "role": "support", "decision": "denied"}, 1},
		{MetricRequests, map[string]string{"status_class": "5xx", "decision": "error"}, 1},
		{MetricRequests, map[string]string{}, 8},
		{MetricDuration, map[string]string{"route": "user-get", "decision": "forwarded"}, 5},
		{MetricDuration, map[string]string{}, 8},
		{MetricDetections, map[string]string{"type": "hk_phone", "route": "user-get"}, 3},
		{MetricDetections, map[string]string{"type": "email", "route": "user-get"}, 6},
		{MetricDetections, map[string]string{"type": "hkid"}, 1},
		{MetricActions, map[string]string{"action": "redact", "route": "user-get"}, 9},
		{MetricActions, map[string]string{"action": "mask"}, 1},
		{MetricBlocked, map[string]string{"reason": "missing_api_key", "route": "none"}, 1},
		{MetricBlocked, map[string]string{"reason": "route_not_allowed"}, 1},
		{MetricBlocked, map[string]string{}, 2}, // errors are not refusals
		{MetricCrossBorder, map[string]string{"route": "user-get", "region": "cn"}, 4},
		{MetricBytes, map[string]string{"direction": "out", "route": "user-get"}, 5 * 900},
	}
	for _, tc := range tests {
		got, ok := sample(fams, tc.metric, tc.labels)
		if !ok || got != tc.want {
			t.Errorf("%s%v = %v (found %v), want %v", tc.metric, tc.labels, got, ok, tc.want)
		}
	}
	if _, ok := sample(fams, MetricDetections, map[string]string{"type": "hk_phone", "route": "none"}); ok {
		t.Error("detections recorded for a call without detections")
	}
}

func TestHistogramBuckets(t *testing.T) {
	tel, _ := newTest(t)
	ev := supportGet(nil, nil)
	ev.Duration = 700 * time.Microsecond
	tel.Record(ev)
	_, fams := scrape(t, tel)
	h := fams[MetricDuration].GetMetric()[0].GetHistogram()
	for _, b := range h.GetBucket() {
		want := uint64(0)
		if b.GetUpperBound() >= 0.0007 {
			want = 1
		}
		if b.GetCumulativeCount() != want {
			t.Errorf("bucket le=%v: %d, want %d", b.GetUpperBound(), b.GetCumulativeCount(), want)
		}
	}
	if s := h.GetSampleSum(); s < 0.0006999 || s > 0.0007001 {
		t.Errorf("sum %v, want 0.0007", s)
	}
}

// planted holds values that must never reach /metrics or a span, even when a caller of the
// package makes a mistake and passes one where a name belongs.
var planted = []string{"A123456(3)", "9123 4567", "chan.tai.man@example.com", "/topapi/v2/user/get?userid=manager4712", "陳大文", "demo-support-key"}

func TestNoValuesLeak(t *testing.T) {
	tel, exp := newTest(t)
	ev := supportGet(map[string]int{"hkid": 1, planted[0]: 1}, map[string]int{planted[2]: 1, "mask": 1})
	ev.Route = planted[3]
	ev.Reason = "value " + planted[1]
	ev.Caller = planted[4]
	ev.Roles = []string{planted[5] + " x", "support"}
	ev.RequestID = planted[1]
	ev.Region = planted[4]
	ctx, span := tel.StartCall(context.Background(), "POST")
	tel.EndCall(ctx, span, ev)
	ev.Decision = DecisionBlocked
	tel.Record(ev)

	body, fams := scrape(t, tel)
	spans := exp.GetSpans()
	if len(spans) != 2 {
		t.Fatalf("%d spans, want 2", len(spans))
	}
	var attrs strings.Builder
	for _, s := range spans {
		attrs.WriteString(s.Name + "\n")
		for _, kv := range s.Attributes {
			fmt.Fprintf(&attrs, "%s=%s\n", kv.Key, kv.Value.Emit())
		}
	}
	for _, v := range planted {
		if strings.Contains(body, v) {
			t.Errorf("/metrics contains the planted value %q", v)
		}
		if strings.Contains(attrs.String(), v) {
			t.Errorf("span attributes contain the planted value %q", v)
		}
	}
	// The counts still arrive, under "invalid" names.
	if got, _ := sample(fams, MetricDetections, map[string]string{"type": "invalid"}); got != 2 {
		t.Errorf("detections{type=invalid} = %v, want 2", got)
	}
	if got, _ := sample(fams, MetricDetections, map[string]string{"type": "hkid", "route": "invalid"}); got != 2 {
		t.Errorf("detections{type=hkid,route=invalid} = %v, want 2", got)
	}
}

func TestSpanAttributes(t *testing.T) {
	tel, exp := newTest(t)
	ev := supportGet(map[string]int{"hk_phone": 1, "email": 2}, map[string]int{"redact": 3})
	ev.RequestID = "0123456789abcdef01234567"
	ctx, span := tel.StartCall(context.Background(), "POST")
	if !span.IsRecording() {
		t.Fatal("span not recording")
	}
	tel.EndCall(ctx, span, ev)
	spans := exp.GetSpans()
	if len(spans) != 1 {
		t.Fatalf("%d spans", len(spans))
	}
	s := spans[0]
	if s.Name != "POST user-get" || s.SpanKind != trace.SpanKindServer {
		t.Errorf("span %q kind %v", s.Name, s.SpanKind)
	}
	got := map[attribute.Key]string{}
	for _, kv := range s.Attributes {
		got[kv.Key] = kv.Value.Emit()
	}
	want := map[attribute.Key]string{
		AttrRoute: "user-get", AttrRoles: `["support"]`, AttrCaller: "demo-support", AttrUpstream: "oapi",
		AttrRegion: "cn", AttrDecision: "forwarded", AttrCrossBorder: "true", AttrDetected: "3",
		AttrRequestID: ev.RequestID, "http.response.status_code": "200", "http.request.method": "POST",
		PrefixDetected + "hk_phone": "1", PrefixDetected + "email": "2", PrefixAction + "redact": "3",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("attribute %s = %q, want %q", k, got[k], v)
		}
	}
	if _, ok := got[AttrReason]; ok {
		t.Error("reason set on a forwarded call")
	}
}

func TestRecordBackdatesSpan(t *testing.T) {
	tel, exp := newTest(t)
	start := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	ev := CallEvent{Start: start, Method: "GET", Route: "contact-me", Status: 504, Decision: DecisionError,
		Reason: "upstream_timeout", Duration: 1500 * time.Millisecond}
	tel.Record(ev)
	s := exp.GetSpans()[0]
	if !s.StartTime.Equal(start) || !s.EndTime.Equal(start.Add(ev.Duration)) {
		t.Errorf("span %v..%v, want %v..%v", s.StartTime, s.EndTime, start, start.Add(ev.Duration))
	}
	if s.Status.Code.String() != "Error" || s.Status.Description != "upstream_timeout" {
		t.Errorf("status %v %q", s.Status.Code, s.Status.Description)
	}
}

// The upstream request carries the traceparent of a client span that is a child of the
// call's span: the DingTalk call is linked to the proxied one.
func TestTransportLinksUpstream(t *testing.T) {
	tel, exp := newTest(t)
	var got http.Header
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.WriteHeader(204)
	}))
	defer up.Close()
	client := &http.Client{Transport: tel.Transport(http.DefaultTransport)}

	// The caller's own trace context is continued (Extract), and a traceparent it put on
	// the request is replaced by the proxy's.
	incoming := http.Header{"Traceparent": {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}}
	ctx := tel.Extract(context.Background(), incoming)
	ctx, span := tel.StartCall(ctx, "POST")
	req, _ := http.NewRequestWithContext(ctx, "POST", up.URL+"/topapi/v2/user/get?access_token=secret-token", nil)
	req.Header.Set("Traceparent", incoming.Get("Traceparent"))
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	tel.EndCall(ctx, span, supportGet(nil, nil))

	spans := exp.GetSpans()
	if len(spans) != 2 {
		t.Fatalf("%d spans, want client + server", len(spans))
	}
	clientSpan, serverSpan := spans[0], spans[1]
	if clientSpan.SpanKind != trace.SpanKindClient || serverSpan.SpanKind != trace.SpanKindServer {
		t.Fatalf("kinds %v, %v", clientSpan.SpanKind, serverSpan.SpanKind)
	}
	if clientSpan.Parent.SpanID() != serverSpan.SpanContext.SpanID() {
		t.Error("client span is not a child of the call's span")
	}
	if serverSpan.SpanContext.TraceID().String() != "4bf92f3577b34da6a3ce929d0e0e4736" {
		t.Errorf("call span trace %s does not continue the caller's trace", serverSpan.SpanContext.TraceID())
	}
	want := fmt.Sprintf("00-%s-%s-01", clientSpan.SpanContext.TraceID(), clientSpan.SpanContext.SpanID())
	if tp := got.Values("Traceparent"); len(tp) != 1 || tp[0] != want {
		t.Errorf("upstream traceparent %q, want %q", tp, want)
	}
	if req.Header.Get("Traceparent") != incoming.Get("Traceparent") {
		t.Error("Transport modified the caller's request")
	}
	for _, kv := range clientSpan.Attributes {
		if strings.Contains(kv.Value.Emit(), "secret-token") {
			t.Errorf("client span attribute %s holds the URL's access token", kv.Key)
		}
	}
}

func TestDisabledExportsNothing(t *testing.T) {
	tel, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	tel.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("/metrics without Prometheus: %d, want 404", rec.Code)
	}
	ctx, span := tel.StartCall(context.Background(), "POST")
	if span.IsRecording() {
		t.Error("span recording without an exporter")
	}
	h := http.Header{}
	tel.Inject(ctx, h)
	if len(h) != 0 {
		t.Errorf("headers injected with tracing off: %v", h)
	}
	tel.EndCall(ctx, span, supportGet(nil, nil))
	tel.Record(supportGet(nil, nil))

	var nilT *T // a nil *T is valid and inert
	nilT.Record(supportGet(nil, nil))
	_, s := nilT.StartCall(context.Background(), "GET")
	nilT.EndCall(context.Background(), s, CallEvent{})
	if nilT.Transport(http.DefaultTransport) != http.DefaultTransport {
		t.Error("nil T wrapped the transport")
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		cfg  Config
		want []string // substrings of the error; none = valid
	}{
		{Config{}, nil},
		{Config{OTLPEndpoint: "http://127.0.0.1:4318/"}, nil},
		{Config{OTLPEndpoint: "ftp://collector"}, []string{"otlp_endpoint: scheme"}},
		{Config{OTLPEndpoint: "http://127.0.0.1:4318", MetricInterval: -time.Second}, []string{"metric_interval: negative"}},
		{Config{OTLPEndpoint: "http://"}, []string{"otlp_endpoint: no host"}},
		{Config{OTLPEndpoint: "http://u:p@127.0.0.1:4318"}, []string{"user:password"}},
		{Config{OTLPEndpoint: "http://127.0.0.1:4318?x=1"}, []string{"query"}},
		{Config{OTLPEndpoint: "http://[::1", SampleRatio: 2}, []string{"not a URL", "sample_ratio"}},
		{Config{ServiceName: strings.Repeat("s", 129)}, []string{"service_name"}},
	}
	for _, tc := range tests {
		_, err := New(tc.cfg)
		if len(tc.want) == 0 {
			if err != nil {
				t.Errorf("%+v: %v", tc.cfg, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%+v: no error", tc.cfg)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%+v: error %q lacks %q", tc.cfg, err, w)
			}
		}
	}
}

func TestHealthAndGauges(t *testing.T) {
	tel, _ := newTest(t)
	down := errors.New("vault: unavailable")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(tel.RegisterHealth("audit", func(context.Context) error { return nil }))
	must(tel.RegisterHealth("vault", func(context.Context) error { return down }))
	must(tel.RegisterHealth("sink", func(context.Context) error { panic("boom") }))
	must(tel.RegisterHealth("slow", func(ctx context.Context) error { time.Sleep(3 * time.Second); return nil }))
	must(tel.RegisterGauge("pii_proxy_vault_entries", "Live vault entries.", func(context.Context) (float64, error) { return 42, nil }))
	must(tel.RegisterGauge("pii_proxy_audit_last_seq", "Last audit sequence number.", func(context.Context) (float64, error) { return 0, down }))
	if tel.RegisterHealth("Bad Name", func(context.Context) error { return nil }) == nil {
		t.Error("bad component name accepted")
	}
	if tel.RegisterGauge("vault_entries", "", func(context.Context) (float64, error) { return 0, nil }) == nil {
		t.Error("gauge without the pii_proxy_ prefix accepted")
	}

	start := time.Now()
	_, fams := scrape(t, tel)
	if d := time.Since(start); d > 2900*time.Millisecond {
		t.Errorf("scrape took %v: a slow check was not cut off", d)
	}
	for comp, want := range map[string]float64{"audit": 1, "vault": 0, "sink": 0, "slow": 0} {
		if got, ok := sample(fams, MetricComponentUp, map[string]string{"component": comp}); !ok || got != want {
			t.Errorf("component_up{%s} = %v (%v), want %v", comp, got, ok, want)
		}
	}
	if got, _ := sample(fams, "pii_proxy_vault_entries", nil); got != 42 {
		t.Errorf("vault_entries = %v", got)
	}
	if _, ok := sample(fams, "pii_proxy_audit_last_seq", nil); ok {
		t.Error("a failing gauge produced a sample")
	}
	hs := tel.CheckHealth(context.Background())
	if len(hs) != 4 || hs[0].Name != "audit" || !hs[0].Up || hs[3].Name != "vault" || !errors.Is(hs[3].Err, down) {
		t.Errorf("CheckHealth = %+v", hs)
	}
}

func BenchmarkEndCall(b *testing.B) {
	tel, err := New(Config{Prometheus: true, SpanExporter: tracetest.NewNoopExporter()})
	if err != nil {
		b.Fatal(err)
	}
	ev := supportGet(map[string]int{"hk_phone": 1, "email": 2}, map[string]int{"redact": 3})
	ctx := context.Background()
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		c, span := tel.StartCall(ctx, "POST")
		tel.EndCall(c, span, ev)
	}
	cpu.report(b)
}

func BenchmarkEndCallMetricsOnly(b *testing.B) {
	tel, err := New(Config{Prometheus: true})
	if err != nil {
		b.Fatal(err)
	}
	ev := supportGet(map[string]int{"hk_phone": 1, "email": 2}, map[string]int{"redact": 3})
	b.ReportAllocs()
	cpu := startCPU()
	for b.Loop() {
		tel.Record(ev)
	}
	cpu.report(b)
}

// cpuClock measures the process's CPU time (user + system, GC included) over a benchmark:
// on a shared machine ns/op is wall time and grows with other tenants' load; CPU time per
// operation is the cost the proxy pays.
type cpuClock time.Duration

func startCPU() cpuClock { return cpuClock(processCPU()) }

func (c cpuClock) report(b *testing.B) {
	b.ReportMetric(float64(processCPU()-time.Duration(c))/float64(b.N), "cpu-ns/op")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Spans go to an OTLP/HTTP collector when an endpoint is configured.
func TestOTLPExport(t *testing.T) {
	got := make(chan string, 4)
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.Method + " " + r.URL.Path + " " + r.Header.Get("Content-Type")
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(200)
	}))
	defer collector.Close()
	tel, err := New(Config{OTLPEndpoint: collector.URL + "/"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, span := tel.StartCall(context.Background(), "POST")
	if !span.IsRecording() {
		t.Fatal("span not recording with OTLP configured")
	}
	tel.EndCall(ctx, span, supportGet(nil, nil))
	if err := tel.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case req := <-got:
		if req != "POST /v1/traces application/x-protobuf" {
			t.Errorf("collector got %q", req)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no spans reached the collector")
	}
}

// Metrics go to the same OTLP/HTTP collector as spans, at /v1/metrics, as protobuf the
// collector can decode: the call counters with their counts by type, and no scrape needed.
func TestOTLPMetricsExport(t *testing.T) {
	bodies := make(chan *colmetricpb.ExportMetricsServiceRequest, 4)
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/metrics" {
			w.WriteHeader(200) // spans: not this test's business
			return
		}
		raw, _ := io.ReadAll(r.Body)
		var req colmetricpb.ExportMetricsServiceRequest
		if err := proto.Unmarshal(raw, &req); err != nil {
			t.Errorf("collector: undecodable metrics (%s): %v", r.Header.Get("Content-Type"), err)
		}
		bodies <- &req
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(200)
	}))
	defer collector.Close()
	tel, err := New(Config{OTLPEndpoint: collector.URL, MetricInterval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 3 {
		tel.EndCall(ctx, nil, supportGet(map[string]int{"hkid": 2}, map[string]int{"redact": 2}))
	}
	if err := tel.Shutdown(ctx); err != nil { // pushes what the hour-long interval has not
		t.Fatal(err)
	}
	var req *colmetricpb.ExportMetricsServiceRequest
	select {
	case req = <-bodies:
	case <-time.After(5 * time.Second):
		t.Fatal("no metrics reached the collector")
	}
	sums := map[string]int64{} // metric name → sum of its int data points
	for _, rm := range req.ResourceMetrics {
		for _, sm := range rm.ScopeMetrics {
			for _, m := range sm.Metrics {
				for _, dp := range m.GetSum().GetDataPoints() {
					sums[m.Name] += dp.GetAsInt()
				}
				if h := m.GetHistogram(); h != nil {
					for _, dp := range h.DataPoints {
						sums[m.Name] += int64(dp.Count)
					}
				}
			}
		}
	}
	for name, want := range map[string]int64{"pii_proxy_requests": 3, "pii_proxy_detections": 6, "pii_proxy_actions": 6, "pii_proxy_request_duration": 3} {
		if sums[name] != want {
			t.Errorf("%s = %d over OTLP, want %d (all: %v)", name, sums[name], want, sums)
		}
	}
}
