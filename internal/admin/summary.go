package admin

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Window is a dashboard time range and the width of its timeline steps.
type Window struct {
	Name  string        // "1h" or "24h": the ?window= value
	Label string        // for people
	Span  time.Duration // how far back
	Step  time.Duration // one timeline column
}

// Windows are the ranges the dashboard offers.
var Windows = []Window{
	{"1h", "last hour", time.Hour, time.Minute},
	{"24h", "last 24 hours", 24 * time.Hour, 15 * time.Minute},
}

// WindowByName returns the named window; "" is the first.
func WindowByName(name string) (Window, error) {
	if name == "" {
		return Windows[0], nil
	}
	for _, w := range Windows {
		if w.Name == name {
			return w, nil
		}
	}
	return Window{}, fmt.Errorf("unknown window (want 1h or 24h)")
}

// Summary is what the series says about one window. Every list is sorted by count,
// largest first, then by name.
type Summary struct {
	Window   string      `json:"window"`
	From     time.Time   `json:"from"`
	To       time.Time   `json:"to"`
	Totals   Counts      `json:"totals"`
	Routes   []RouteRow  `json:"routes"`
	Roles    []NameCount `json:"roles"`
	Types    []NameCount `json:"types"`
	Actions  []NameCount `json:"actions"`
	Reasons  []NameCount `json:"reasons"` // refusals and errors, by reason code
	Flows    []Flow      `json:"cross_border_flows"`
	Timeline []Point     `json:"timeline"`
}

// RouteRow is one route's Counts ("none": calls that matched no route).
type RouteRow struct {
	Route string `json:"route"`
	Counts
}

// NameCount is one name (role, PII type, action, reason) and its count.
type NameCount struct {
	Name  string `json:"name"`
	Count int64  `json:"count"`
}

// Flow Counts cross-border calls of one route to one region.
type Flow struct {
	Route  string `json:"route"`
	Region string `json:"region"`
	Count  int64  `json:"count"`
}

// Point is one timeline column.
type Point struct {
	Start time.Time `json:"start"`
	Counts
}

// Summary aggregates the buckets of the window ending now.
func (s *Series) Summary(w Window) Summary {
	now := s.now()
	nowMin := now.Unix() / 60
	spanMin := int64(w.Span / time.Minute)
	stepMin := max(int64(w.Step/time.Minute), 1)
	firstMin := nowMin - spanMin + 1
	// Timeline columns are aligned to the step, so a 15-minute column is :00–:15 etc.
	firstCol := firstMin - mod(firstMin, stepMin)
	cols := int((nowMin-firstCol)/stepMin) + 1

	sum := Summary{Window: w.Name, From: time.Unix(firstMin*60, 0).UTC(), To: now.UTC(), Timeline: make([]Point, cols)}
	for i := range sum.Timeline {
		sum.Timeline[i].Start = time.Unix((firstCol+int64(i)*stepMin)*60, 0).UTC()
	}
	routes := map[string]*Counts{}
	roles, types, actions, reasons := map[string]int64{}, map[string]int64{}, map[string]int64{}, map[string]int64{}
	flows := map[flowKey]int64{}

	s.mu.Lock()
	for m := firstMin; m <= nowMin; m++ {
		b := &s.buckets[mod(m, seriesMinutes)]
		if b.minute != m || b.totals.Calls == 0 {
			continue
		}
		sum.Totals.add(b.totals)
		sum.Timeline[(m-firstCol)/stepMin].add(b.totals)
		for r, c := range b.routes {
			rc := routes[r]
			if rc == nil {
				rc = new(Counts)
				routes[r] = rc
			}
			rc.add(*c)
		}
		addAll(roles, b.roles)
		addAll(types, b.types)
		addAll(actions, b.actions)
		addAll(reasons, b.reasons)
		for k, n := range b.flows {
			flows[k] += n
		}
	}
	s.mu.Unlock()

	for r, c := range routes {
		sum.Routes = append(sum.Routes, RouteRow{r, *c})
	}
	slices.SortFunc(sum.Routes, func(a, b RouteRow) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), cmp.Compare(a.Route, b.Route))
	})
	sum.Roles, sum.Types, sum.Actions, sum.Reasons = sorted(roles), sorted(types), sorted(actions), sorted(reasons)
	for k, n := range flows {
		sum.Flows = append(sum.Flows, Flow{k.route, k.region, n})
	}
	slices.SortFunc(sum.Flows, func(a, b Flow) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Route, b.Route), cmp.Compare(a.Region, b.Region))
	})
	return sum
}

func addAll(dst, src map[string]int64) {
	for k, n := range src {
		dst[k] += n
	}
}

func sorted(m map[string]int64) []NameCount {
	out := make([]NameCount, 0, len(m))
	for k, n := range m {
		out = append(out, NameCount{k, n})
	}
	slices.SortFunc(out, func(a, b NameCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// mod is the non-negative remainder (times before 1970 in tests).
func mod(a, b int64) int64 {
	r := a % b
	if r < 0 {
		r += b
	}
	return r
}
