package topview

import (
	"bytes"
	"context"
	"flag"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func parseFile(t *testing.T, name string, at time.Time) Sample {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := Parse(f, at)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var t0 = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func TestParse(t *testing.T) {
	s := parseFile(t, "before.prom", t0)
	if s.Requests != 105 || s.Blocked != 4 || s.Detections != 300 || s.CrossBorder != 100 {
		t.Errorf("totals %+v", s)
	}
	if s.Decisions["forwarded"] != 100 || s.Decisions["error"] != 1 || s.Types["email"] != 200 || s.Reasons["route_not_allowed"] != 4 {
		t.Errorf("breakdowns %v %v %v", s.Decisions, s.Types, s.Reasons)
	}
	if r := s.Routes["user-get"]; r == nil || r.Requests != 100 || r.Detections != 300 {
		t.Errorf("route user-get %+v", r)
	}
	if s.Latency.Count != 100 || len(s.Latency.Bounds) != 4 || s.Latency.Counts[1] != 90 || !math.IsInf(s.Latency.Bounds[3], 1) {
		t.Errorf("latency %+v", s.Latency)
	}
	if !s.Components["audit"] || len(s.Components) != 2 {
		t.Errorf("components %v", s.Components)
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"pii_proxy_requests_total{", "<html>login</html>\n", "# TYPE x counter\nx{a=\"1\"} not-a-number\n"} {
		_, err := Parse(strings.NewReader(in), t0)
		if err == nil {
			t.Errorf("%q: parsed", in)
			continue
		}
		if strings.Contains(err.Error(), "html") || strings.Contains(err.Error(), "not-a-number") {
			t.Errorf("%q: error quotes the input: %v", in, err)
		}
	}
	if s, err := Parse(strings.NewReader(""), t0); err != nil || s.Requests != 0 {
		t.Errorf("empty body: %v %v", s, err)
	}
}

func TestFrame(t *testing.T) {
	before := parseFile(t, "before.prom", t0)
	after := parseFile(t, "after.prom", t0.Add(10*time.Second))
	f := NewFrame(before, after)
	if f.First || f.Interval != 10*time.Second {
		t.Fatalf("frame %+v", f)
	}
	for name, c := range map[string]struct{ got, want float64 }{
		"requests": {f.Requests, 23.0}, "blocked": {f.Blocked, 1}, "detections": {f.Detections, 64},
		"cross": {f.CrossBorder, 22}, "errors": {f.Errors, 0},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s/s = %v, want %v", name, c.got, c.want)
		}
	}
	if len(f.Routes) != 3 || f.Routes[0].Route != "user-get" || f.Routes[0].Requests != 20 || f.Routes[1].Route != "user-list" || f.Routes[1].Requests != 2 {
		t.Errorf("routes %+v", f.Routes)
	}
	if len(f.Types) != 3 || f.Types[0] != (NameRate{"email", 40}) || f.Types[2] != (NameRate{"hkid", 4}) {
		t.Errorf("types %+v", f.Types)
	}
	// 220 calls in the interval: 100 ≤ 1 ms, 200 ≤ 2.5 ms, 220 ≤ 5 ms; p50 is rank 110: 1 ms + 1.5 ms × 10/100.
	p50 := 0.001 + 0.0015*10/100
	wantP50 := time.Duration(p50 * float64(time.Second))
	if d := f.P50 - wantP50; d < -time.Microsecond || d > time.Microsecond {
		t.Errorf("p50 %v, want %v", f.P50, wantP50)
	}
	if f.P99 <= 2500*time.Microsecond || f.P99 > 5*time.Millisecond {
		t.Errorf("p99 %v", f.P99)
	}
	if len(f.Down) != 1 || f.Down[0] != "vault" {
		t.Errorf("down %v", f.Down)
	}

	// A restarted proxy: the counters start again; the current values are the increase.
	restart := NewFrame(after, before.withAt(t0.Add(20*time.Second)))
	if restart.Requests != 10.5 {
		t.Errorf("after a restart: %v calls/s, want 10.5", restart.Requests)
	}
	if first := NewFrame(Sample{}, after); !first.First || first.P50 != -1 {
		t.Errorf("first frame %+v", first)
	}
}

func (s Sample) withAt(at time.Time) Sample { s.At = at; return s }

func TestQuantile(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		h    Histogram
		q    float64
		want time.Duration
	}{
		{Histogram{}, 0.5, -1},
		{Histogram{Bounds: []float64{1, inf}, Counts: []float64{10, 10}, Count: 10}, 0.5, 500 * time.Millisecond},
		{Histogram{Bounds: []float64{1, 2, inf}, Counts: []float64{0, 10, 10}, Count: 10}, 0.5, 1500 * time.Millisecond},
		{Histogram{Bounds: []float64{1, 2, inf}, Counts: []float64{0, 0, 10}, Count: 10}, 0.99, 2 * time.Second},
	}
	for i, tc := range tests {
		if got := tc.h.quantile(tc.q); got != tc.want {
			t.Errorf("%d: quantile(%v) = %v, want %v", i, tc.q, got, tc.want)
		}
	}
}

func TestRenderGolden(t *testing.T) {
	f := NewFrame(parseFile(t, "before.prom", t0), parseFile(t, "after.prom", t0.Add(10*time.Second)))
	var buf bytes.Buffer
	if err := Render(&buf, f, RenderOptions{Source: "127.0.0.1:8082", Width: 100}); err != nil {
		t.Fatal(err)
	}
	golden := "testdata/frame.golden"
	if *update {
		os.WriteFile(golden, buf.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(want) {
		t.Errorf("frame differs from %s (go test -update to accept):\n%s", golden, buf.String())
	}
	if strings.Contains(buf.String(), "\x1b") {
		t.Error("escape sequences without Color")
	}
	var col bytes.Buffer
	Render(&col, f, RenderOptions{Source: "x", Width: 30, Color: true})
	for _, l := range strings.Split(strings.TrimSuffix(col.String(), "\n"), "\n") {
		plain := stripANSI(l)
		if n := len([]rune(plain)); n > 30 {
			t.Errorf("line of %d columns at width 30: %q", n, plain)
		}
		if strings.Count(l, "\x1b[") > 0 && !strings.HasSuffix(l, reset) {
			t.Errorf("colour not reset at the end of %q", l)
		}
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// The view reads what the telemetry package exports: the names agree.
func TestScrapeTelemetry(t *testing.T) {
	tel, err := telemetry.New(telemetry.Config{Prometheus: true})
	if err != nil {
		t.Fatal(err)
	}
	tel.RegisterHealth("audit", func(context.Context) error { return nil })
	srv := httptest.NewServer(tel.MetricsHandler())
	defer srv.Close()
	ev := telemetry.CallEvent{Route: "user-get", Roles: []string{"support"}, Status: 200, Decision: "forwarded",
		Region: "cn", CrossBorder: true, Types: map[string]int{"hk_phone": 2}, Duration: 3 * time.Millisecond}
	for range 4 {
		tel.Record(ev)
	}
	tel.Record(telemetry.CallEvent{Status: 401, Decision: "unauthenticated", Reason: "missing_api_key"})
	s, err := Scrape(context.Background(), srv.Client(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if s.Requests != 5 || s.Blocked != 1 || s.Detections != 8 || s.CrossBorder != 4 || s.Latency.Count != 5 || !s.Components["audit"] {
		t.Errorf("scraped %+v", s)
	}
	bad := httptest.NewServer(http.NotFoundHandler())
	defer bad.Close()
	if _, err := Scrape(context.Background(), bad.Client(), bad.URL); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: %v", err)
	}
}

func FuzzParseAndFrame(f *testing.F) {
	for _, name := range []string{"before.prom", "after.prom"} {
		b, _ := os.ReadFile("testdata/" + name)
		f.Add(b)
	}
	f.Add([]byte("pii_proxy_requests_total NaN\npii_proxy_request_duration_seconds_bucket{le=\"1\"} -3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(bytes.NewReader(data), t0)
		if err != nil {
			return
		}
		fr := NewFrame(parseFuzzBase(t), s.withAt(t0.Add(time.Second)))
		for _, v := range []float64{fr.Requests, fr.Blocked, fr.Detections, fr.CrossBorder} {
			if v < 0 || math.IsNaN(v) {
				t.Fatalf("rate %v", v)
			}
		}
		var out bytes.Buffer
		Render(&out, fr, RenderOptions{Width: 40})
	})
}

func parseFuzzBase(t *testing.T) Sample {
	s, err := Parse(strings.NewReader("pii_proxy_requests_total 1\n"), t0)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
