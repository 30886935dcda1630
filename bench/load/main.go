// Command load is the proxy load benchmark (`make bench-proxy`): requests/s and p50/p99
// latency of the DingTalk simulator called directly, through a plain
// httputil.ReverseProxy, and through the PII proxy with policies/demo.yaml, for ~4 KiB and
// ~64 KiB POST /topapi/v2/user/list answers at several concurrencies; then the PII proxy's
// resident memory under 64 concurrent ~1 MiB answers.
//
//	go run ./bench/load -out bench/out/proxy.txt [-results bench/RESULTS.md]
//
// Every server is its own process, built fresh from the tree with `go build`, on loopback
// ports picked free; this process is the load generator (keep-alive clients, a warm-up, a
// fixed measured window per cell, all latencies kept and sorted). The machine's cores are
// shared by all of them; nothing is pinned.
//
// The report (Markdown) goes to stdout and -out; -results also replaces the generated block
// of the "Proxy load" section of that file, leaving the rest of the file alone.
// Exit status: 0 when the benchmark ran (whether or not the targets are met), 1 when it
// could not run, 2 on bad flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	out, results, policy string
	warmup, measure      time.Duration
	runs                 int
	bodies, concs        []int
	roles                []string
	memConc, memBody     int
	memWaves             int
	memWave              time.Duration
	noMem, keep, gzip    bool
}

func parseOptions(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.out, "out", "", "also write the report to this file")
	fs.StringVar(&o.results, "results", "", "replace the generated block of the \"Proxy load\" section of this Markdown file (e.g. bench/RESULTS.md)")
	fs.StringVar(&o.policy, "policy", "policies/demo.yaml", "policy of the PII proxy (relative to the module root)")
	fs.DurationVar(&o.warmup, "warmup", time.Second, "warm-up per cell (calls made, not counted)")
	fs.DurationVar(&o.measure, "duration", 5*time.Second, "measured window per cell")
	fs.IntVar(&o.runs, "runs", 3, "runs per cell; the report gives the median")
	bodies := fs.String("bodies", "4096,65536", "answer sizes to aim at, in bytes (the nearest user/list page size is used)")
	concs := fs.String("conc", "1,32", "concurrent keep-alive clients per cell")
	roles := fs.String("roles", "support,hr_admin", "PII proxy caller roles (demo key demo-<role>-key)")
	fs.IntVar(&o.memConc, "mem-conc", 64, "concurrent calls of the memory test")
	fs.IntVar(&o.memBody, "mem-body", 1<<20, "answer size of the memory test, in bytes")
	fs.IntVar(&o.memWaves, "mem-waves", 4, "waves of the memory test (the peak of each is reported)")
	fs.DurationVar(&o.memWave, "mem-wave", 5*time.Second, "length of one memory-test wave")
	fs.BoolVar(&o.noMem, "no-mem", false, "skip the memory test")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary directory (logs, audit, vault)")
	fs.BoolVar(&o.gzip, "gzip", false, "the simulator compresses and the clients accept gzip, as DingTalk and most HTTP clients do (the PII proxy decodes, rewrites and compresses again; the plain proxy passes the bytes through)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	var err error
	if o.bodies, err = intList(*bodies, "-bodies", 64, 1<<24); err != nil {
		return nil, err
	}
	if o.concs, err = intList(*concs, "-conc", 1, 4096); err != nil {
		return nil, err
	}
	for _, r := range strings.Split(*roles, ",") {
		if r = strings.TrimSpace(r); r != "" {
			o.roles = append(o.roles, r)
		}
	}
	switch {
	case len(o.roles) == 0:
		return nil, errors.New("-roles: at least one role")
	case o.runs < 1:
		return nil, errors.New("-runs: at least 1")
	case o.measure < 100*time.Millisecond || o.warmup < 0:
		return nil, errors.New("-duration must be at least 100ms and -warmup not negative")
	case !o.noMem && (o.memConc < 1 || o.memBody < 1024 || o.memWaves < 1 || o.memWave < 100*time.Millisecond):
		return nil, errors.New("-mem-conc, -mem-body (>= 1024), -mem-waves and -mem-wave (>= 100ms) must be positive")
	}
	return o, nil
}

func intList(s, flagName string, lo, hi int) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < lo || n > hi {
			return nil, fmt.Errorf("%s: %q is not a number from %d to %d", flagName, f, lo, hi)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: at least one value", flagName)
	}
	return out, nil
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseOptions(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "load:", err)
		}
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := benchmark(ctx, o, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "load:", err)
		return 1
	}
	rep.command = commandLine(args)
	text := rep.markdown()
	io.WriteString(stdout, text)
	if o.out != "" {
		if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err == nil {
			err = os.WriteFile(o.out, []byte(text), 0o644)
		}
		if err != nil {
			fmt.Fprintln(stderr, "load:", err)
			return 1
		}
	}
	if o.results != "" {
		if err := updateResults(o.results, text); err != nil {
			fmt.Fprintln(stderr, "load:", err)
			return 1
		}
	}
	return 0
}

// commandLine is how the report says it was produced.
func commandLine(args []string) string {
	q := make([]string, 0, len(args)+3)
	q = append(q, "go", "run", "./bench/load")
	for _, a := range args {
		if strings.ContainsAny(a, " \t'\"$") {
			a = strconv.Quote(a)
		}
		q = append(q, a)
	}
	return strings.Join(q, " ")
}
