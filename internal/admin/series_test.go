package admin

import (
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func fwd(route, role string, types map[string]int) telemetry.CallEvent {
	return telemetry.CallEvent{Route: route, Roles: []string{role}, Region: "cn", Status: 200,
		Decision: telemetry.DecisionForwarded, CrossBorder: len(types) > 0, Types: types,
		Actions: map[string]int{"redact": len(types)}}
}

func TestSeriesWindows(t *testing.T) {
	clk := &fakeClock{t: time.Date(2026, 3, 2, 9, 30, 20, 0, time.UTC)}
	s := NewSeries(clk.Now)

	// Two days ago: must never show (its slot is reused and it is out of every window).
	clk.Add(-48 * time.Hour)
	s.Record(fwd("user-get", "support", map[string]int{"hkid": 9}))
	clk.Add(48 * time.Hour)
	// Three hours ago: in the day, not the hour.
	clk.Add(-3 * time.Hour)
	s.Record(fwd("user-list", "payroll", map[string]int{"email": 4}))
	clk.Add(3 * time.Hour)
	// Ten minutes ago and now.
	clk.Add(-10 * time.Minute)
	s.Record(fwd("user-get", "support", map[string]int{"hk_phone": 1, "email": 1}))
	clk.Add(10 * time.Minute)
	s.Record(fwd("user-get", "support", map[string]int{"hk_phone": 1}))
	s.Record(telemetry.CallEvent{Status: 401, Decision: telemetry.DecisionUnauthenticated, Reason: "missing_api_key"})
	s.Record(telemetry.CallEvent{Roles: []string{"support"}, Status: 403, Decision: telemetry.DecisionDenied, Reason: "route_not_allowed"})
	s.Record(telemetry.CallEvent{Route: "user-get", Roles: []string{"support"}, Status: 502, Decision: telemetry.DecisionError, Reason: "upstream_unavailable"})

	hour := s.Summary(Windows[0])
	want := Counts{Calls: 5, Forwarded: 2, Blocked: 2, Errors: 1, Detections: 3, CrossBorder: 2}
	if hour.Totals != want {
		t.Errorf("hour totals %+v, want %+v", hour.Totals, want)
	}
	if len(hour.Routes) != 2 || hour.Routes[0].Route != "user-get" || hour.Routes[0].Calls != 3 ||
		hour.Routes[0].Errors != 1 || hour.Routes[1].Route != "none" || hour.Routes[1].Blocked != 2 {
		t.Errorf("hour routes %+v", hour.Routes)
	}
	if got := names(hour.Roles); got != "support=4 none=1" {
		t.Errorf("hour roles %s", got)
	}
	if got := names(hour.Types); got != "hk_phone=2 email=1" {
		t.Errorf("hour types %s", got)
	}
	if got := names(hour.Reasons); got != "missing_api_key=1 route_not_allowed=1 upstream_unavailable=1" {
		t.Errorf("hour reasons %s", got)
	}
	if len(hour.Flows) != 1 || hour.Flows[0] != (Flow{"user-get", "cn", 2}) {
		t.Errorf("hour flows %+v", hour.Flows)
	}
	if len(hour.Timeline) != 60 {
		t.Fatalf("hour timeline has %d columns", len(hour.Timeline))
	}
	if last := hour.Timeline[59]; last.Calls != 4 || !last.Start.Equal(time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("last column %+v", last)
	}
	if c := hour.Timeline[49]; c.Calls != 1 || c.Start.Minute() != 20 {
		t.Errorf("ten minutes ago: %+v", c)
	}

	day := s.Summary(Windows[1])
	if day.Totals.Calls != 6 || day.Totals.Detections != 7 {
		t.Errorf("day totals %+v", day.Totals)
	}
	// 24 h from 09:31 yesterday, in 15-minute columns aligned to :00/:15/:30/:45.
	if n := len(day.Timeline); n != 97 {
		t.Errorf("day timeline has %d columns, want 97", n)
	}
	if got := day.Timeline[len(day.Timeline)-1].Start; got.Minute() != 30 {
		t.Errorf("last day column starts %v", got)
	}
	var tl int64
	for _, p := range day.Timeline {
		tl += p.Calls
	}
	if tl != day.Totals.Calls {
		t.Errorf("timeline sums to %d, totals %d", tl, day.Totals.Calls)
	}

	// After 61 minutes nothing of the last hour is left in the hour window.
	clk.Add(61 * time.Minute)
	if got := s.Summary(Windows[0]).Totals.Calls; got != 0 {
		t.Errorf("hour window after an hour: %d calls", got)
	}
	// A clock step back does not overwrite a newer minute with older data.
	s.Record(fwd("user-get", "support", nil))
	clk.Add(-24 * time.Hour)
	s.Record(fwd("user-get", "support", nil))
	clk.Add(24 * time.Hour)
	if got := s.Summary(Windows[0]).Totals.Calls; got != 1 {
		t.Errorf("after a clock step back: %d calls in the hour, want 1", got)
	}
}

func TestSeriesConcurrent(t *testing.T) {
	s := NewSeries(nil)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 500 {
				s.Record(fwd("user-get", "support", map[string]int{"email": 1}))
				_ = s.Summary(Windows[0])
			}
		})
	}
	wg.Wait()
	// The calls may straddle a minute boundary; the hour holds them all either way.
	if got := s.Summary(Windows[0]).Totals; got.Calls != 2000 || got.Detections != 2000 {
		t.Errorf("totals %+v", got)
	}
}

func TestWindowByName(t *testing.T) {
	for name, want := range map[string]string{"": "1h", "1h": "1h", "24h": "24h"} {
		w, err := WindowByName(name)
		if err != nil || w.Name != want {
			t.Errorf("WindowByName(%q) = %v, %v", name, w.Name, err)
		}
	}
	for _, bad := range []string{"2h", "1H", "<script>"} {
		if _, err := WindowByName(bad); err == nil {
			t.Errorf("WindowByName(%q) accepted", bad)
		}
	}
}

func names(ns []NameCount) string {
	out := ""
	for i, n := range ns {
		if i > 0 {
			out += " "
		}
		out += n.Name + "=" + itoa(n.Count)
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
