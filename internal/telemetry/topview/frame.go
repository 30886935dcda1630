package topview

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Frame is what changed between two samples, per second.
type Frame struct {
	At       time.Time
	Interval time.Duration
	First    bool // no previous sample: rates are unknown, totals only

	Requests, Blocked, Detections, CrossBorder float64 // per second
	Errors                                     float64 // per second (decision=error)
	Totals                                     Sample  // the current counters

	P50, P99 time.Duration // over the interval; -1 when no call finished
	Routes   []RouteRate
	Types    []NameRate
	Reasons  []NameRate
	Down     []string // components reporting down
}

// RouteRate is one route's rates.
type RouteRate struct {
	Route                         string
	Requests, Blocked, Detections float64
}

// NameRate is one name's rate.
type NameRate struct {
	Name string
	Rate float64
}

// NewFrame compares cur with prev (zero prev: the first frame). A counter lower than before
// means the proxy restarted: its current value is the increase.
func NewFrame(prev, cur Sample) Frame {
	f := Frame{At: cur.At, Totals: cur, P50: -1, P99: -1}
	for name, up := range cur.Components {
		if !up {
			f.Down = append(f.Down, name)
		}
	}
	slices.Sort(f.Down)
	if prev.At.IsZero() || !cur.At.After(prev.At) {
		f.First = true
		return f
	}
	f.Interval = cur.At.Sub(prev.At)
	sec := f.Interval.Seconds()
	rate := func(now, before float64) float64 { return delta(now, before) / sec }
	f.Requests = rate(cur.Requests, prev.Requests)
	f.Blocked = rate(cur.Blocked, prev.Blocked)
	f.Detections = rate(cur.Detections, prev.Detections)
	f.CrossBorder = rate(cur.CrossBorder, prev.CrossBorder)
	f.Errors = rate(cur.Decisions["error"], prev.Decisions["error"])
	for name, rs := range cur.Routes {
		var p RouteSample
		if pr := prev.Routes[name]; pr != nil {
			p = *pr
		}
		rr := RouteRate{Route: name, Requests: rate(rs.Requests, p.Requests), Blocked: rate(rs.Blocked, p.Blocked),
			Detections: rate(rs.Detections, p.Detections)}
		f.Routes = append(f.Routes, rr)
	}
	slices.SortFunc(f.Routes, func(a, b RouteRate) int {
		return cmp.Or(cmp.Compare(b.Requests, a.Requests), cmp.Compare(a.Route, b.Route))
	})
	f.Types = rates(cur.Types, prev.Types, sec)
	f.Reasons = rates(cur.Reasons, prev.Reasons, sec)
	d := diffHistogram(cur.Latency, prev.Latency)
	f.P50, f.P99 = d.quantile(0.5), d.quantile(0.99)
	return f
}

func delta(now, before float64) float64 {
	if now < before {
		return now // counter reset
	}
	return now - before
}

func rates(cur, prev map[string]float64, sec float64) []NameRate {
	var out []NameRate
	for k, v := range cur {
		if r := delta(v, prev[k]) / sec; r > 0 {
			out = append(out, NameRate{k, r})
		}
	}
	slices.SortFunc(out, func(a, b NameRate) int { return cmp.Or(cmp.Compare(b.Rate, a.Rate), cmp.Compare(a.Name, b.Name)) })
	return out
}

// diffHistogram is the histogram of the observations between prev and cur.
func diffHistogram(cur, prev Histogram) Histogram {
	d := Histogram{Bounds: cur.Bounds, Counts: make([]float64, len(cur.Counts)), Count: delta(cur.Count, prev.Count)}
	reset := cur.Count < prev.Count
	for i, b := range cur.Bounds {
		c := cur.Counts[i]
		if !reset {
			if j, ok := slices.BinarySearch(prev.Bounds, b); ok {
				c = delta(c, prev.Counts[j])
			}
		}
		d.Counts[i] = c
	}
	return d
}

// quantile estimates the q-quantile by linear interpolation inside its bucket (as
// Prometheus' histogram_quantile does); -1 without observations.
func (h Histogram) quantile(q float64) time.Duration {
	if h.Count <= 0 || len(h.Bounds) == 0 {
		return -1
	}
	rank := q * h.Count
	lower, below := 0.0, 0.0
	for i, ub := range h.Bounds {
		c := h.Counts[i]
		if c >= rank {
			if math.IsInf(ub, 1) {
				// Beyond the last finite bound: report that bound.
				return seconds(lower)
			}
			in := c - below
			if in <= 0 {
				return seconds(ub)
			}
			return seconds(lower + (ub-lower)*(rank-below)/in)
		}
		lower, below = ub, c
	}
	return seconds(lower)
}

func seconds(s float64) time.Duration {
	if math.IsNaN(s) || s < 0 {
		return -1
	}
	if s > 1e6 {
		s = 1e6
	}
	return time.Duration(s * float64(time.Second))
}
