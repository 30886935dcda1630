package policy

import (
	"fmt"
	"sync"
	"testing"
)

const cacheRoutes = `
  - name: r
    match: {upstream: oapi, method: POST, path: /r}
    response:
      fields:
        - {path: mobile, type: hk_phone, action: {hr_admin: allow, payroll: mask, default: redact}}
      detected: {hr_admin: reveal, default: redact}
callers:
  - {id: multi, api_key_sha256: 2e33c67b4719c6ffb470e93cb2a9ec98d3cdc157505b0a1aed3229b8e74be1f4, roles: [support, payroll]}
`

func TestForCachesByRoleSet(t *testing.T) {
	p := mustParse(t, policyWith(cacheRoutes))
	s := p.Routes[0].Response
	// Precomputed: no roles, each declared role, each caller's set.
	if a, b := s.For(nil), s.For([]string{}); a != b {
		t.Error("nil and empty role lists differ")
	}
	if a, b := s.For([]string{"payroll"}), s.For([]string{"payroll"}); a != b {
		t.Error("single role: two calls gave two results")
	}
	same := [][]string{{"payroll", "support"}, {"support", "payroll"}, {"support", "payroll", "support"}, {"payroll", "payroll", "support"}}
	first := s.For(same[0])
	for _, roles := range same[1:] {
		if got := s.For(roles); got != first {
			t.Errorf("For(%v) is not the cached result of For(%v)", roles, same[0])
		}
	}
	if first.Fields[0].Action != ActionMask {
		t.Errorf("payroll+support mobile = %v, want mask", first.Fields[0].Action)
	}
	// Not precomputed (no caller holds this set): computed once, then cached.
	a := s.For([]string{"hr_admin", "bot"})
	if b := s.For([]string{"bot", "hr_admin"}); a != b {
		t.Error("dynamic role set not cached")
	}
	if a.Fields[0].Action != ActionAllow || a.Detected.Default != ActionReveal {
		t.Errorf("hr_admin+bot resolved to %v / %v", a.Fields[0].Action, a.Detected.Default)
	}
	if a == first || a == s.For([]string{"hr_admin"}) {
		t.Error("different role sets share a result")
	}
	// More roles than the stack buffer holds still resolves and caches.
	many := []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "payroll"}
	if m := s.For(many); m != s.For(many) || m.Fields[0].Action != ActionMask {
		t.Error("large role set not resolved or not cached")
	}
	// A NUL byte cannot be confused with the key separator.
	tricky := s.For([]string{"hr_admin\x00bot"})
	if tricky == a || tricky.Fields[0].Action != ActionRedact {
		t.Errorf("role name with NUL resolved as %v", tricky.Fields[0].Action)
	}
}

func TestForConcurrent(t *testing.T) {
	p := mustParse(t, policyWith(cacheRoutes))
	s := p.Routes[0].Response
	sets := [][]string{{"hr_admin"}, {"bot", "support"}, {"support", "bot"}, {"hr_admin", "payroll", "bot"}, {"x", "y"}, {"y", "x"}, nil}
	var wg sync.WaitGroup
	results := make([][]*Decisions, 8)
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				for _, set := range sets {
					results[g] = append(results[g], s.For(set))
				}
			}
		}()
	}
	wg.Wait()
	for g := 1; g < len(results); g++ {
		for i := range results[g] {
			if results[g][i] != results[0][i] {
				t.Fatalf("goroutine %d call %d got a different pointer for %v", g, i, sets[i%len(sets)])
			}
		}
	}
	if s.For([]string{"bot", "support"}) != s.For([]string{"support", "bot"}) {
		t.Error("order changed the cached result")
	}
}

// The hot path must not allocate: Match plus For for a caller's role set, whether the set
// was precomputed (declared roles, callers' sets) or cached on first use.
func TestMatchAndForDoNotAllocate(t *testing.T) {
	p := mustParse(t, policyWith(cacheRoutes))
	for _, roles := range [][]string{nil, {"payroll"}, {"payroll", "support"}, {"support", "payroll"}, {"bot", "hr_admin"}, {"undeclared"}} {
		r, _, ok := p.Match("oapi", "POST", "/r")
		if !ok {
			t.Fatal("route missing")
		}
		first := r.Response.For(roles) // the first use of a dynamic set may allocate
		allocs := testing.AllocsPerRun(200, func() {
			r, _, _ := p.Match("oapi", "POST", "/r")
			if r.Response.For(roles) != first {
				t.Fatal("cache returned another pointer")
			}
		})
		if allocs != 0 {
			t.Errorf("Match+For(%v) allocates %v times per call", roles, allocs)
		}
	}
}

func TestDynamicCacheIsBounded(t *testing.T) {
	p := mustParse(t, policyWith(cacheRoutes))
	s := p.Routes[0].Response
	for i := 0; i < maxDynamic+10; i++ {
		d := s.For([]string{fmt.Sprintf("role%d", i)})
		if d.Fields[0].Action != ActionRedact {
			t.Fatalf("undeclared role %d resolved to %v", i, d.Fields[0].Action)
		}
	}
	if n := len(*s.decisions.dyn.Load()); n != maxDynamic {
		t.Errorf("dynamic cache holds %d sets, want the cap %d", n, maxDynamic)
	}
}
