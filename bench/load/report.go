package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// pageInfo is the user/list page size picked for an answer size.
type pageInfo struct{ target, page, bytes int }

// report is everything one benchmark run found.
type report struct {
	opts              *options
	started, finished time.Time
	command           string
	cpu               string
	ncpu              int
	pages             []pageInfo
	cells             []*cell
	mem               []memResult
}

func newReport(o *options) *report {
	return &report{opts: o, started: time.Now(), cpu: cpuModel(), ncpu: runtime.NumCPU()}
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// Targets of DESIGN.md §9.
const (
	maxAddedP99 = time.Millisecond // at 4 KiB
)

// rpsTarget is the required PII proxy / plain ReverseProxy requests/s ratio for an answer
// size, if the design sets one.
func rpsTarget(body int) (float64, bool) {
	switch body {
	case 4096:
		return 0.90, true
	case 65536:
		return 0.70, true
	}
	return 0, false
}

// memBound is the resident size the PII proxy must stay under for conc calls of body
// bytes in flight. The proxy holds a whole body to inspect it: the read buffer (up to 2x
// while it grows), the rewritten copy (1x) and the lexer tape and findings (about 1x), and
// the heap may grow past the live data before the GC collects. The bound allows twice the
// live data (what GOGC=100 would give) although `proxy serve` runs at GOGC=200 by default,
// so the measured peak must stay well inside the collector's own target. So
// baseline + conc x 8 x body: linear in what is in flight, independent of how many calls
// have been made.
func memBound(baseline int64, conc, body int) int64 {
	return baseline + int64(conc)*8*int64(body)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

func mib(n int64) string { return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20)) }

func mibs(ns []int64) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = mib(n)
	}
	return strings.Join(s, ", ")
}

func kib(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KiB", float64(n)/1024)
}

// find returns the cell for a key, or nil.
func (r *report) find(k cellKey) *cell {
	for _, c := range r.cells {
		if c.cellKey == k {
			return c
		}
	}
	return nil
}

// markdown renders the report. It uses no level-2 headings, so that it can sit inside the
// "## Proxy load" section of bench/RESULTS.md.
func (r *report) markdown() string {
	var b strings.Builder
	o := r.opts
	fmt.Fprintf(&b, "### Proxy load, %s\n\n", r.started.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "Command: `%s` (`make bench-proxy` runs it with `-out bench/out/proxy.txt`).\n\n", r.command)
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s/%s, %s. The load generator, the simulator and the proxy under test "+
		"share these cores (nothing pinned), and other work on the machine was not stopped: absolute numbers "+
		"are low and noisy; the ratios, measured side by side, are what the targets are about.\n\n",
		r.cpu, r.ncpu, runtime.GOOS, runtime.GOARCH, runtime.Version())
	fmt.Fprintf(&b, "Setup: `POST /topapi/v2/user/list` (dept 1) with the page size whose answer is nearest the "+
		"size aimed at; simulator `dingtalk-sim -gzip=%t -record 0`%s; plain = `httputil.ReverseProxy` with the "+
		"proxy's upstream transport (`bench/load/plainproxy`); PII proxy = `proxy serve` with `%s`, bolt vault and "+
		"audit trail (fsync every 64 records or 50 ms) in a temporary directory, one JSON log line per call to a "+
		"file (`bench/load/serve.yaml`). Each cell: keep-alive clients calling back to back, %s warm-up, %s "+
		"measured, every latency kept; the median of %d runs, the runs interleaved across cells. Every answer is "+
		"checked for status 200 and its exact length.\n\n", o.gzip, gzipNote(o.gzip), o.policy, o.warmup, o.measure, o.runs)

	b.WriteString("| answer aimed at | page size | conc | target | answer bytes | req/s | p50 | p99 | errors |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, c := range r.cells {
		s := c.summary()
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %d | %.0f | %s | %s | %d |\n",
			kib(c.body), c.page, c.conc, c.label(), c.respLen, s.rps, ms(s.p50), ms(s.p99), s.errors)
	}

	b.WriteString("\nTargets (DESIGN.md §9):\n\n")
	b.WriteString("| check | answer | conc | role | measured | target | |\n|---|---|---|---|---|---|---|\n")
	for _, body := range o.bodies {
		for _, conc := range o.concs {
			plain := r.find(cellKey{body, conc, targetPlain, ""})
			direct := r.find(cellKey{body, conc, targetDirect, ""})
			for _, role := range o.roles {
				px := r.find(cellKey{body, conc, targetProxy, role})
				if px == nil || plain == nil || direct == nil {
					continue
				}
				ps, ls, ds := px.summary(), plain.summary(), direct.summary()
				if want, ok := rpsTarget(body); ok && ls.rps > 0 {
					ratio := ps.rps / ls.rps
					fmt.Fprintf(&b, "| req/s proxy ÷ plain | %s | %d | %s | %.1f%% | ≥ %.0f%% | %s |\n",
						kib(body), conc, role, 100*ratio, 100*want, verdict(ratio >= want))
				}
				if body == 4096 {
					added := ps.p99 - ds.p99
					fmt.Fprintf(&b, "| p99 added over direct (over plain: %s) | %s | %d | %s | %s | ≤ %s | %s |\n",
						ms(ps.p99-ls.p99), kib(body), conc, role, ms(added), ms(maxAddedP99), verdict(added <= maxAddedP99))
				}
			}
		}
	}
	if len(r.mem) > 0 {
		r.memoryMarkdown(&b)
	}
	fmt.Fprintf(&b, "\nRun took %s.\n", r.finished.Sub(r.started).Round(time.Second))
	return b.String()
}

func (r *report) memoryMarkdown(b *strings.Builder) {
	o := r.opts
	m0 := r.mem[0]
	fmt.Fprintf(b, "\nMemory: %d concurrent calls of user/list page %d (%d bytes from the simulator), %d waves of %s each, "+
		"resident size of the server process sampled every 5 ms from `/proc/<pid>/status` (VmRSS; VmHWM at the end); "+
		"fresh processes, so VmHWM covers this test only.\n\n",
		m0.conc, m0.page, m0.upstream, o.memWaves, o.memWave)
	b.WriteString("| server | answer to caller | baseline RSS | peak RSS | per call in flight | wave peaks | RSS after | calls | errors |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	for _, m := range r.mem {
		per := float64(m.peak()-m.baseline) / float64(m.conc) / float64(max(m.upstream, m.bodyLen))
		fmt.Fprintf(b, "| %s | %d B | %s | %s | %.1f × body | %s | %s | %d | %d |\n",
			m.target, m.bodyLen, mib(m.baseline), mib(m.peak()), per, mibs(m.wavePeaks), mib(m.after), m.requests, m.errors)
	}
	px := r.mem[0]
	body := max(px.upstream, px.bodyLen)
	bound := memBound(px.baseline, px.conc, body)
	processed := int64(px.requests) * int64(body)
	fmt.Fprintf(b, "\nBound: baseline + %d × 8 × %s = %s (the proxy buffers a whole body to inspect it: read buffer "+
		"up to 2×, rewritten copy 1×, lexer tape and findings about 1×, and twice that for the heap's growth "+
		"between collections — stricter than the GOGC=200 that `proxy serve` runs with; the route's max_body "+
		"caps the body; the bound depends on what is in flight, not on how many calls were made). Peak %s (the highest of the wave peaks, which swing with the GC's timing): %s. "+
		"%d calls moved %s through the proxy, %.1f× the bound; %s.\n",
		px.conc, kib(body), mib(bound), mib(px.peak()), verdict(px.peak() <= bound),
		px.requests, mib(processed), float64(processed)/float64(bound), retention(px, bound, processed))
}

// retention says how much memory per call the test could have missed: a leak of r bodies
// per call would have pushed the peak past the bound within the calls made.
func retention(m memResult, bound, processed int64) string {
	if processed <= 0 || len(m.wavePeaks) == 0 {
		return "too few calls to say anything about retention"
	}
	headroom := bound - m.wavePeaks[0]
	if headroom <= 0 {
		return "no headroom left under the bound after the first wave"
	}
	return fmt.Sprintf("a retention of more than %.2f× the body per call would have crossed it", float64(headroom)/float64(processed))
}

// gzipNote says what -gzip changes, for the report's setup line.
func gzipNote(gzip bool) string {
	if !gzip {
		return ""
	}
	return ", clients sending `Accept-Encoding: gzip` (answer bytes are compressed bytes: the plain proxy " +
		"passes the simulator's through, the PII proxy decodes, rewrites and compresses again)"
}
