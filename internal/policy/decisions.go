package policy

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

// Decisions is one Side resolved for one caller's role set: everything the rewrite engine
// needs for a body, with no role logic left to do per value. Shared and read-only.
type Decisions struct {
	Fields   []FieldDecision // parallel to Side.Fields, same order
	Query    []QueryDecision // parallel to Side.Query
	Detected TypeActions     // for findings not covered by a non-scan field rule
	Block    TypeSet         // a finding of one of these types refuses the call
	Scan     bool            // run detectors over the whole body
}

// FieldDecision is a field rule with its action resolved for the role set. Action is
// ActionNone for scan rules (Rule.Scan): their findings take Detected.
type FieldDecision struct {
	Rule   *FieldRule
	Action Action
}

// QueryDecision is a query rule with its action resolved (ActionNone for scan rules).
type QueryDecision struct {
	Rule   *QueryRule
	Action Action
}

// decisionCache holds the Decisions of a Side. Those of every declared role and every
// caller's role set are computed when the plan is compiled (fixed, read without locks).
// Other sets (roles given on a command line, undeclared roles) are computed on first use
// and kept in a copy-on-write map, so that lookups never lock or allocate either.
type decisionCache struct {
	fixed map[string]*Decisions
	mu    sync.Mutex // serialises writers of dyn
	dyn   atomic.Pointer[map[string]*Decisions]
}

// maxStackRoles bounds the role sets For can key without allocating; maxDynamic bounds the
// sets cached on first use (beyond it they are computed each time: correct, only slower).
const (
	maxStackRoles = 8
	maxDynamic    = 1024
)

// For returns the decisions for a caller holding roles (in any order, duplicates allowed).
// Roles not declared in the policy are treated like declared roles that no action map
// lists: they get each map's default. The result is cached: equal role sets get the same
// pointer, and looking up a cached set does not allocate.
func (s *Side) For(roles []string) *Decisions {
	switch len(roles) {
	case 0:
		return s.lookup("", nil)
	case 1:
		if strings.IndexByte(roles[0], 0) < 0 {
			return s.lookup(roles[0], roles)
		}
		return s.compute(roles)
	}
	if len(roles) > maxStackRoles {
		sorted := sortedUnique(roles)
		for _, r := range sorted {
			if strings.IndexByte(r, 0) >= 0 {
				return s.compute(sorted)
			}
		}
		return s.lookup(roleKey(sorted), sorted)
	}
	var arr [maxStackRoles]string
	sorted := arr[:0]
	for _, r := range roles {
		if strings.IndexByte(r, 0) >= 0 {
			// NUL separates roles in the cache key; such a name is computed, never cached.
			return s.compute(sortedUnique(roles))
		}
		i := len(sorted)
		sorted = append(sorted, r)
		for i > 0 && sorted[i-1] > sorted[i] {
			sorted[i-1], sorted[i] = sorted[i], sorted[i-1]
			i--
		}
	}
	sorted = compactSorted(sorted)
	var buf [256]byte
	key := appendRoleKey(buf[:0], sorted)
	if d, ok := s.decisions.fixed[string(key)]; ok {
		return d
	}
	if m := s.decisions.dyn.Load(); m != nil {
		if d, ok := (*m)[string(key)]; ok {
			return d
		}
	}
	return s.store(string(key), append([]string(nil), sorted...))
}

// lookup finds key in the fixed set, then the dynamic cache, computing on a miss.
func (s *Side) lookup(key string, sorted []string) *Decisions {
	if d, ok := s.decisions.fixed[key]; ok {
		return d
	}
	if m := s.decisions.dyn.Load(); m != nil {
		if d, ok := (*m)[key]; ok {
			return d
		}
	}
	return s.store(key, sorted)
}

// store computes and caches the decisions for a role set not seen before.
func (s *Side) store(key string, sorted []string) *Decisions {
	s.decisions.mu.Lock()
	defer s.decisions.mu.Unlock()
	old := s.decisions.dyn.Load()
	if old != nil {
		if d, ok := (*old)[key]; ok {
			return d // another goroutine stored it meanwhile
		}
		if len(*old) >= maxDynamic {
			return s.compute(sorted)
		}
	}
	d := s.compute(sorted)
	next := make(map[string]*Decisions, 1+lenOf(old))
	if old != nil {
		for k, v := range *old {
			next[k] = v
		}
	}
	next[key] = d
	s.decisions.dyn.Store(&next)
	return d
}

func lenOf(m *map[string]*Decisions) int {
	if m == nil {
		return 0
	}
	return len(*m)
}

// precompute fills the fixed cache; called once while compiling, before the plan is shared.
func (s *Side) precompute(sets [][]string) {
	s.decisions.fixed = make(map[string]*Decisions, len(sets))
	for _, set := range sets {
		key := roleKey(set)
		if _, ok := s.decisions.fixed[key]; !ok {
			s.decisions.fixed[key] = s.compute(set)
		}
	}
}

// compute resolves the side for a sorted, de-duplicated role set.
func (s *Side) compute(roles []string) *Decisions {
	det := s.Detected.Resolve(roles)
	d := &Decisions{Detected: det, Block: s.BlockTypes, Scan: s.Scan}
	if len(s.Fields) > 0 {
		d.Fields = make([]FieldDecision, len(s.Fields))
		for i, f := range s.Fields {
			d.Fields[i] = FieldDecision{Rule: f, Action: resolveRule(f.Scan, f.fromDetected, f.Type, f.Actions, det, roles)}
		}
	}
	if len(s.Query) > 0 {
		d.Query = make([]QueryDecision, len(s.Query))
		for i, q := range s.Query {
			d.Query[i] = QueryDecision{Rule: q, Action: resolveRule(q.Scan, q.fromDetected, q.Type, q.Actions, det, roles)}
		}
	}
	return d
}

func resolveRule(scan, fromDetected bool, typ detect.Type, actions RoleActions, det TypeActions, roles []string) Action {
	switch {
	case scan:
		return ActionNone
	case fromDetected:
		return det.For(typ)
	}
	return actions.Resolve(roles).Default
}

func sortedUnique(roles []string) []string {
	out := append([]string(nil), roles...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j-1] > out[j]; j-- {
			out[j-1], out[j] = out[j], out[j-1]
		}
	}
	return compactSorted(out)
}

func compactSorted(s []string) []string {
	if len(s) < 2 {
		return s
	}
	w := 1
	for i := 1; i < len(s); i++ {
		if s[i] != s[w-1] {
			s[w] = s[i]
			w++
		}
	}
	return s[:w]
}

func appendRoleKey(b []byte, sorted []string) []byte {
	for i, r := range sorted {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, r...)
	}
	return b
}

func roleKey(sorted []string) string { return string(appendRoleKey(nil, sorted)) }
