package export

import (
	"cmp"
	"slices"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// Summary is what an evidence bundle says about the records it holds, plus the
// verification of the whole log they come from.
type Summary struct {
	GeneratedAt  time.Time     `json:"generated_at"`
	Filters      Filters       `json:"filters"`
	Scanned      uint64        `json:"records_scanned"` // records read from the log
	Matched      uint64        `json:"records_matched"` // records in this bundle
	Calls        uint64        `json:"calls"`           // matched records of kind call
	FirstTime    time.Time     `json:"first_time,omitzero"`
	LastTime     time.Time     `json:"last_time,omitzero"`
	ByRouteRole  []RouteRole   `json:"calls_by_route_and_role"`
	Detections   []Count       `json:"detections_by_type"`
	Actions      []Count       `json:"actions"`
	Decisions    []Count       `json:"decisions"`
	Callers      []Count       `json:"calls_by_caller"`
	CrossBorder  []Flow        `json:"cross_border_flows"`
	Blocked      []Refusal     `json:"refused_calls"`
	Verification audit.Report  `json:"verification"`
	Elapsed      time.Duration `json:"-"`
}

// Filters echo the options that selected the records.
type Filters struct {
	From   time.Time `json:"from,omitzero"`
	To     time.Time `json:"to,omitzero"`
	Caller string    `json:"caller,omitempty"`
	Route  string    `json:"route,omitempty"`
	Token  string    `json:"token,omitempty"`
}

// Count is one row of a one-dimensional table.
type Count struct {
	Name string `json:"name"`
	N    uint64 `json:"n"`
}

// RouteRole counts calls per route and caller role (a call made with two roles counts
// under both).
type RouteRole struct {
	Route string `json:"route"`
	Role  string `json:"role"`
	Calls uint64 `json:"calls"`
}

// Flow counts calls whose data crossed the home-region border, and the PII items in them.
type Flow struct {
	Direction string `json:"direction"`
	Upstream  string `json:"upstream"`
	Region    string `json:"region"`
	Calls     uint64 `json:"calls"`
	PIIItems  uint64 `json:"pii_items"`
}

// Refusal counts calls that were not forwarded, by route, decision and reason code.
type Refusal struct {
	Route    string `json:"route"`
	Decision string `json:"decision"`
	Reason   string `json:"reason"`
	Calls    uint64 `json:"calls"`
}

// tally accumulates the summary tables while records stream past.
type tally struct {
	routeRole  map[[2]string]uint64
	detections map[string]uint64
	actions    map[string]uint64
	decisions  map[string]uint64
	callers    map[string]uint64
	flows      map[[3]string]*Flow
	refusals   map[[3]string]uint64
}

func newTally() *tally {
	return &tally{
		routeRole: map[[2]string]uint64{}, detections: map[string]uint64{}, actions: map[string]uint64{},
		decisions: map[string]uint64{}, callers: map[string]uint64{}, flows: map[[3]string]*Flow{}, refusals: map[[3]string]uint64{},
	}
}

const none = "(none)"

func orNone(s string) string {
	if s == "" {
		return none
	}
	return s
}

func (t *tally) add(r *audit.Record) {
	if r.Kind != audit.KindCall {
		return
	}
	route := orNone(r.Route)
	if len(r.Roles) == 0 {
		t.routeRole[[2]string{route, none}]++
	}
	for _, role := range r.Roles {
		t.routeRole[[2]string{route, role}]++
	}
	var pii uint64
	for k, v := range r.Counts {
		t.detections[k] += uint64(v)
		pii += uint64(v)
	}
	for k, v := range r.Actions {
		t.actions[k] += uint64(v)
	}
	t.decisions[orNone(r.Decision)]++
	t.callers[orNone(r.Caller)]++
	if r.CrossBorder {
		key := [3]string{orNone(r.Direction), orNone(r.Upstream), orNone(r.Region)}
		f := t.flows[key]
		if f == nil {
			f = &Flow{Direction: key[0], Upstream: key[1], Region: key[2]}
			t.flows[key] = f
		}
		f.Calls++
		f.PIIItems += pii
	}
	if r.Decision != audit.DecisionForwarded {
		t.refusals[[3]string{route, orNone(r.Decision), orNone(r.Reason)}]++
	}
}

// fill writes the sorted tables into s: largest first, names breaking ties, so two exports
// of the same records read the same.
func (t *tally) fill(s *Summary) {
	s.ByRouteRole = s.ByRouteRole[:0]
	for k, n := range t.routeRole {
		s.ByRouteRole = append(s.ByRouteRole, RouteRole{Route: k[0], Role: k[1], Calls: n})
	}
	slices.SortFunc(s.ByRouteRole, func(a, b RouteRole) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), cmp.Compare(a.Route, b.Route), cmp.Compare(a.Role, b.Role))
	})
	s.Detections, s.Actions, s.Decisions, s.Callers = counts(t.detections), counts(t.actions), counts(t.decisions), counts(t.callers)
	s.CrossBorder = s.CrossBorder[:0]
	for _, f := range t.flows {
		s.CrossBorder = append(s.CrossBorder, *f)
	}
	slices.SortFunc(s.CrossBorder, func(a, b Flow) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), cmp.Compare(a.Direction, b.Direction), cmp.Compare(a.Upstream, b.Upstream), cmp.Compare(a.Region, b.Region))
	})
	s.Blocked = s.Blocked[:0]
	for k, n := range t.refusals {
		s.Blocked = append(s.Blocked, Refusal{Route: k[0], Decision: k[1], Reason: k[2], Calls: n})
	}
	slices.SortFunc(s.Blocked, func(a, b Refusal) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), cmp.Compare(a.Route, b.Route), cmp.Compare(a.Decision, b.Decision), cmp.Compare(a.Reason, b.Reason))
	})
}

func counts(m map[string]uint64) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Name: k, N: n})
	}
	slices.SortFunc(out, func(a, b Count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Name, b.Name)) })
	return out
}
