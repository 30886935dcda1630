package main

import (
	"strings"
	"testing"
	"time"
)

// fakeCell is a cell whose one run made rps calls per second, all at latency lat.
func fakeCell(k cellKey, rps int, lat time.Duration) *cell {
	s := sample{requests: rps, elapsed: time.Second}
	for range rps {
		s.latencies = append(s.latencies, lat)
	}
	return &cell{cellKey: k, page: 6, respLen: 4000, runs: []sample{s}}
}

func TestReportVerdicts(t *testing.T) {
	o := &options{bodies: []int{4096, 65536}, concs: []int{1}, roles: []string{"support"}, runs: 1,
		policy: "policies/demo.yaml", memWaves: 2, memWave: time.Second}
	r := &report{opts: o, started: time.Unix(0, 0), finished: time.Unix(60, 0), command: "go run ./bench/load", cpu: "cpu", ncpu: 2}
	ms := time.Millisecond
	r.cells = []*cell{
		fakeCell(cellKey{4096, 1, targetDirect, ""}, 1000, ms),
		fakeCell(cellKey{4096, 1, targetPlain, ""}, 1000, ms+ms/10),
		fakeCell(cellKey{4096, 1, targetProxy, "support"}, 950, ms+ms/2), // 95%: met; +0.5 ms: met
		fakeCell(cellKey{65536, 1, targetDirect, ""}, 500, 2*ms),
		fakeCell(cellKey{65536, 1, targetPlain, ""}, 400, 3*ms),
		fakeCell(cellKey{65536, 1, targetProxy, "support"}, 200, 9*ms), // 50%: not met
	}
	r.mem = []memResult{
		{target: "PII proxy, support", conc: 64, page: 1500, bodyLen: 1 << 20, baseline: 30 << 20, requests: 500, wavePeaks: []int64{300 << 20, 310 << 20}, hwm: 310 << 20},
		{target: "plain ReverseProxy", conc: 64, page: 1500, bodyLen: 1 << 20, baseline: 10 << 20, wavePeaks: []int64{20 << 20}, hwm: 20 << 20},
	}
	md := r.markdown()
	for _, want := range []string{
		"| req/s proxy ÷ plain | 4.0 KiB | 1 | support | 95.0% | ≥ 90% | met |",
		"| p99 added over direct (over plain: 0.40 ms) | 4.0 KiB | 1 | support | 0.50 ms | ≤ 1.00 ms | met |",
		"| req/s proxy ÷ plain | 64.0 KiB | 1 | support | 50.0% | ≥ 70% | **not met** |",
		"Peak 310 MiB (the highest of the wave peaks, which swing with the GC's timing): met.",
		"a retention of more than",
		"Command: `go run ./bench/load`",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "## ") {
			t.Errorf("a level-1/2 heading would split the RESULTS.md section: %q", l)
		}
	}
}

func TestReportMemoryOverTheBound(t *testing.T) {
	o := &options{memWaves: 3, memWave: time.Second}
	r := &report{opts: o, mem: []memResult{{target: "PII proxy", conc: 64, bodyLen: 1 << 20, baseline: 30 << 20, requests: 100,
		wavePeaks: []int64{100 << 20, 200 << 20, 600 << 20}, hwm: 600 << 20}}}
	var b strings.Builder
	r.memoryMarkdown(&b)
	if !strings.Contains(b.String(), "Peak 600 MiB (the highest of the wave peaks, which swing with the GC's timing): **not met**") {
		t.Errorf("a peak over baseline + 64 × 8 MiB passed:\n%s", b.String())
	}
}

func TestRetention(t *testing.T) {
	m := memResult{wavePeaks: []int64{100 << 20}}
	if got := retention(m, 300<<20, 1000<<20); got != "a retention of more than 0.20× the body per call would have crossed it" {
		t.Errorf("got %q", got)
	}
	if got := retention(m, 50<<20, 1000<<20); !strings.Contains(got, "no headroom") {
		t.Errorf("got %q", got)
	}
	if got := retention(memResult{}, 50<<20, 0); !strings.Contains(got, "too few") {
		t.Errorf("got %q", got)
	}
}
