package main

import (
	"slices"
	"strings"
	"time"
)

// Targets of the load benchmark. direct and plain have no role: the role only means
// something to the PII proxy.
const (
	targetDirect = "direct"
	targetPlain  = "plain"
	targetProxy  = "proxy"
)

// cellKey names one measured configuration.
type cellKey struct {
	body   int    // the answer size aimed at, in bytes (4096, 65536)
	conc   int    // concurrent keep-alive clients
	target string // direct, plain or proxy
	role   string // the proxy caller's role; "" for direct and plain
}

func (k cellKey) label() string {
	switch k.target {
	case targetDirect:
		return "simulator direct"
	case targetPlain:
		return "plain ReverseProxy"
	}
	return "PII proxy, " + k.role
}

// cell is a configuration and its runs.
type cell struct {
	cellKey
	page    int // user/list page size
	respLen int // bytes of one answer
	runs    []sample
}

// summary is the median of a cell's runs, each statistic on its own.
type summary struct {
	rps      float64
	p50, p99 time.Duration
	errors   int
	requests int
}

func (c *cell) summary() summary {
	var s summary
	if len(c.runs) == 0 {
		return s
	}
	rps := make([]float64, len(c.runs))
	p50 := make([]time.Duration, len(c.runs))
	p99 := make([]time.Duration, len(c.runs))
	for i, r := range c.runs {
		rps[i], p50[i], p99[i] = r.rps(), percentile(r.latencies, 0.50), percentile(r.latencies, 0.99)
		s.errors += r.errors
		s.requests += r.requests
	}
	return summary{rps: median(rps), p50: median(p50), p99: median(p99), errors: s.errors, requests: s.requests}
}

// median of a non-empty list (the lower middle one for an even count, so that it is a
// value that was measured).
func median[T int64 | float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

// roleKey is the demo policy's API key of a role: demo-<role with - for _>-key.
func roleKey(role string) string {
	return "demo-" + strings.ReplaceAll(role, "_", "-") + "-key"
}

// plan lists the cells of one run in measuring order: per body size and concurrency, the
// three targets side by side, so slow drifts of the shared machine hit them alike.
func plan(bodies, concs []int, roles []string) []cellKey {
	var out []cellKey
	for _, b := range bodies {
		for _, c := range concs {
			out = append(out, cellKey{b, c, targetDirect, ""}, cellKey{b, c, targetPlain, ""})
			for _, r := range roles {
				out = append(out, cellKey{b, c, targetProxy, r})
			}
		}
	}
	return out
}
