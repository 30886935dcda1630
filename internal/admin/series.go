package admin

import (
	"sync"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

// seriesMinutes is how far back the dashboard remembers: one bucket per minute for 24 h.
const seriesMinutes = 24 * 60

// Series is the dashboard's own time series: per-minute buckets for the last 24 hours,
// filled from the same CallEvents as the metrics. Recording costs one mutex and a few map
// increments; memory is bounded by the policy's names times 1440 buckets.
type Series struct {
	mu      sync.Mutex
	buckets [seriesMinutes]bucket
	now     func() time.Time
}

// bucket holds one minute. minute is the Unix minute it counts; a slot whose minute is
// older than the one being written is stale (from the previous day) and is reset first.
type bucket struct {
	minute  int64
	totals  Counts
	routes  map[string]*Counts
	roles   map[string]int64
	types   map[string]int64
	actions map[string]int64
	reasons map[string]int64
	flows   map[flowKey]int64
}

// Counts are the call totals of a bucket, a route or a window.
type Counts struct {
	Calls       int64 `json:"calls"`
	Forwarded   int64 `json:"forwarded"`
	Blocked     int64 `json:"blocked"` // refused by the proxy (policy, route, role, rate limit, no key)
	Errors      int64 `json:"errors"`
	Detections  int64 `json:"detections"`
	CrossBorder int64 `json:"cross_border"`
}

type flowKey struct{ route, region string }

// NewSeries returns an empty series reading the clock now (nil: time.Now).
func NewSeries(now func() time.Time) *Series {
	if now == nil {
		now = time.Now
	}
	return &Series{now: now}
}

// Record Counts one finished call in the current minute.
func (s *Series) Record(ev telemetry.CallEvent) {
	route := telemetry.LabelValue(ev.Route)
	c := Counts{Calls: 1, Detections: int64(ev.Detections())}
	switch {
	case ev.Decision == telemetry.DecisionForwarded:
		c.Forwarded = 1
	case ev.Refused():
		c.Blocked = 1
	default:
		c.Errors = 1
	}
	if ev.CrossBorder {
		c.CrossBorder = 1
	}
	minute := s.now().Unix() / 60

	s.mu.Lock()
	defer s.mu.Unlock()
	b := &s.buckets[mod(minute, seriesMinutes)]
	if b.minute != minute {
		if b.minute > minute {
			return // a clock step backwards: do not overwrite newer data with older
		}
		*b = bucket{minute: minute, routes: map[string]*Counts{}, roles: map[string]int64{},
			types: map[string]int64{}, actions: map[string]int64{}, reasons: map[string]int64{}, flows: map[flowKey]int64{}}
	}
	b.totals.add(c)
	rc := b.routes[route]
	if rc == nil {
		rc = new(Counts)
		b.routes[route] = rc
	}
	rc.add(c)
	b.roles[telemetry.RoleLabel(ev.Roles)]++
	for t, n := range ev.Types {
		if n > 0 {
			b.types[telemetry.LabelValue(t)] += int64(n)
		}
	}
	for a, n := range ev.Actions {
		if n > 0 {
			b.actions[telemetry.LabelValue(a)] += int64(n)
		}
	}
	if c.Blocked == 1 || c.Errors == 1 {
		b.reasons[telemetry.LabelValue(ev.Reason)]++
	}
	if ev.CrossBorder {
		b.flows[flowKey{route, telemetry.LabelValue(ev.Region)}]++
	}
}

func (c *Counts) add(o Counts) {
	c.Calls += o.Calls
	c.Forwarded += o.Forwarded
	c.Blocked += o.Blocked
	c.Errors += o.Errors
	c.Detections += o.Detections
	c.CrossBorder += o.CrossBorder
}
