package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
)

func init() {
	register("bench", "measure detect + rewrite throughput on your own payloads for one role and route", runBench)
}

func runBench(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("bench", stderr)
	rf := addRouteFlags(fs, "serve config whose vault tokenize/reveal use (default: a temporary embedded vault)")
	duration := fs.Duration("duration", 5*time.Second, "how long to measure")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy bench --policy F --role R --route 'METHOD PATH' [--direction request|response] [--duration 5s] FILE...")
		fs.PrintDefaults()
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return usageErr("no payload files")
	}
	cfgFile := *rf.config
	if cfgFile == "" {
		// Tokenize needs a vault: measure against an embedded one in a scratch directory.
		dir, err := os.MkdirTemp("", "proxy-bench-")
		if err != nil {
			return &exitError{2, err}
		}
		defer os.RemoveAll(dir)
		cfgFile = filepath.Join(dir, "bench.yaml")
		os.WriteFile(cfgFile, []byte("listen: 127.0.0.1:0\npolicy: unused\nstate_dir: .\n"), 0o600)
	}
	s, err := newMaskSetup(*rf.policy, *rf.role, *rf.route, *rf.direction, cfgFile)
	if err != nil {
		return err
	}
	defer s.cleanup()

	var docs []benchDoc
	var total int64
	for _, f := range files {
		data, err := readInput(f)
		if err != nil {
			return &exitError{2, err}
		}
		kind, err := kindOf(f, *rf.format, data)
		if err != nil {
			return err
		}
		docs = append(docs, benchDoc{data, kind})
		total += int64(len(data))
	}

	// One pass to check every document and count findings. Only the documents rewritten in
	// full are measured: a refused or failing one stops early and would inflate the rate.
	ctx := context.Background()
	types := map[string]int{}
	refused, failed := 0, 0
	var ok []benchDoc
	causes := map[string]bool{} // distinct reasons documents could not be inspected
	var notes []string          // one line per document left out
	for i, d := range docs {
		o, err := s.engine.Rewrite(ctx, s.input(d.data, d.kind))
		switch {
		case err != nil:
			failed++
			err = s.explain(err)
			causes[err.Error()] = true
			notes = append(notes, fmt.Sprintf("%s: %v", files[i], err))
		case o.Refusal != nil:
			refused++
			notes = append(notes, fmt.Sprintf("%s: the policy refuses this call: %v (the proxy would answer 403 %s)", files[i], o.Refusal, proxy.ReasonPolicyRefused))
		default:
			ok = append(ok, d)
			for t, n := range o.Stats.Types {
				types[t] += n
			}
		}
	}
	// One cause for every document (a key file, the vault) is said once, not per file.
	if failed == len(docs) && len(causes) == 1 {
		for c := range causes {
			return &exitError{2, fmt.Errorf("no document could be processed: %s", c)}
		}
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "proxy bench: %s\n", n)
	}
	if len(ok) == 0 {
		return &exitError{2, fmt.Errorf("no document could be processed: %d refused by the policy, %d not inspectable (see above)", refused, failed)}
	}

	bar := newBar(stderr, "measuring")
	if bar != nil {
		bar.ChangeMax64(int64(*duration / time.Millisecond))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	n := 0
	var bytes int64
	for time.Since(start) < *duration {
		for _, d := range ok {
			s.engine.Rewrite(ctx, s.input(d.data, d.kind))
			n++
			bytes += int64(len(d.data))
		}
		if bar != nil {
			bar.Set64(int64(time.Since(start) / time.Millisecond))
		}
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(stderr)
	}

	fmt.Fprintf(stdout, "route %s, role %s, %s direction, %d document(s), %d bytes\n", s.route.Name, *rf.role, s.dir, len(docs), total)
	fmt.Fprintf(stdout, "  throughput     %.1f MB/s per core (%d documents in %s)\n", float64(bytes)/1e6/elapsed.Seconds(), n, elapsed.Round(time.Millisecond))
	fmt.Fprintf(stdout, "  documents/s    %.0f\n", float64(n)/elapsed.Seconds())
	if ref, valid := jsonValidRate(ok, *duration/5); valid {
		// DESIGN.md §9 states the engine's targets against encoding/json.Valid on the same
		// bytes: the ratio travels between machines where MB/s do not.
		fmt.Fprintf(stdout, "  json.Valid     %.1f MB/s on the same bytes (this engine: %.2f×)\n",
			ref/1e6, float64(bytes)/elapsed.Seconds()/ref)
	}
	fmt.Fprintf(stdout, "  allocations    %.1f per document, %.0f bytes per document\n",
		float64(after.Mallocs-before.Mallocs)/float64(n), float64(after.TotalAlloc-before.TotalAlloc)/float64(n))
	if refused > 0 || failed > 0 {
		fmt.Fprintf(stdout, "  refused        %d by policy, %d not inspectable (not measured)\n", refused, failed)
	}
	fmt.Fprintln(stdout, "  findings by type (one pass):")
	keys := make([]string, 0, len(types))
	for t := range types {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	for _, t := range keys {
		fmt.Fprintf(stdout, "    %-16s %d\n", t, types[t])
	}
	return nil
}

// benchDoc is one payload given to proxy bench.
type benchDoc struct {
	data []byte
	kind rewrite.Kind
}

// jsonValidRate measures encoding/json.Valid over the documents for about d (at least
// 200 ms), in bytes per second; ok is false unless every document is JSON.
func jsonValidRate(docs []benchDoc, d time.Duration) (rate float64, ok bool) {
	for _, x := range docs {
		if x.kind != rewrite.JSON {
			return 0, false
		}
	}
	d = max(d, 200*time.Millisecond)
	var bytes int64
	start := time.Now()
	for time.Since(start) < d {
		for _, x := range docs {
			json.Valid(x.data)
			bytes += int64(len(x.data))
		}
	}
	return float64(bytes) / time.Since(start).Seconds(), true
}
