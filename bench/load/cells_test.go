package main

import (
	"fmt"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	for _, tc := range []struct {
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{nil, 0.5, 0},
		{ms(7), 0.5, 7 * time.Millisecond},
		{ms(7), 0.99, 7 * time.Millisecond},
		{ms(1, 2, 3, 4), 0.5, 2 * time.Millisecond}, // nearest rank: ceil(0.5*4) = 2
		{ms(1, 2, 3, 4), 0.75, 3 * time.Millisecond},
		{ms(hundred...), 0.99, 99 * time.Millisecond},
		{ms(hundred...), 0.50, 50 * time.Millisecond},
		{ms(hundred...), 1, 100 * time.Millisecond},
	} {
		if got := percentile(tc.sorted, tc.p); got != tc.want {
			t.Errorf("p%.0f of %d samples = %v, want %v", 100*tc.p, len(tc.sorted), got, tc.want)
		}
	}
}

func TestMedianIsAMeasuredValue(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2}, // the lower middle, not the mean 2.5
	} {
		in := append([]float64(nil), tc.in...)
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
		if fmt.Sprint(in) != fmt.Sprint(tc.in) {
			t.Errorf("median reordered its argument: %v", tc.in)
		}
	}
}

func TestCellSummaryTakesEachMedian(t *testing.T) {
	run := func(reqs int, lat ...int) sample {
		s := sample{requests: reqs, elapsed: time.Second, errors: 1}
		for _, l := range lat {
			s.latencies = append(s.latencies, time.Duration(l))
		}
		return s
	}
	c := cell{runs: []sample{run(100, 1, 2, 3), run(300, 4, 5, 6), run(200, 7, 8, 9)}}
	s := c.summary()
	if s.rps != 200 || s.p50 != 5 || s.p99 != 6 || s.errors != 3 || s.requests != 600 {
		t.Fatalf("summary %+v", s)
	}
}

func TestRoleKey(t *testing.T) {
	for role, want := range map[string]string{
		"support": "demo-support-key", "hr_admin": "demo-hr-admin-key", "payroll": "demo-payroll-key",
	} {
		if got := roleKey(role); got != want {
			t.Errorf("roleKey(%q) = %q, want %q", role, got, want)
		}
	}
}

func TestPlanInterleavesTargets(t *testing.T) {
	got := plan([]int{4096, 65536}, []int{1, 32}, []string{"support", "hr_admin"})
	if len(got) != 2*2*4 {
		t.Fatalf("%d cells, want 16", len(got))
	}
	want := []cellKey{
		{4096, 1, targetDirect, ""}, {4096, 1, targetPlain, ""},
		{4096, 1, targetProxy, "support"}, {4096, 1, targetProxy, "hr_admin"},
		{4096, 32, targetDirect, ""},
	}
	for i, k := range want {
		if got[i] != k {
			t.Errorf("cell %d = %+v, want %+v", i, got[i], k)
		}
	}
	seen := map[cellKey]bool{}
	for _, k := range got {
		if seen[k] {
			t.Errorf("cell %+v planned twice", k)
		}
		seen[k] = true
	}
}
