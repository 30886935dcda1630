package main

import (
	"io"
	"strings"
	"testing"
	"time"
)

func TestParseOptions(t *testing.T) {
	o, err := parseOptions(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.measure != 5*time.Second || o.warmup != time.Second || o.runs != 3 || o.memConc != 64 || o.memBody != 1<<20 ||
		len(o.bodies) != 2 || len(o.concs) != 2 || strings.Join(o.roles, ",") != "support,hr_admin" {
		t.Errorf("defaults: %+v", o)
	}
	for _, args := range [][]string{
		{"-bodies", "4096,x"}, {"-bodies", ""}, {"-conc", "0"}, {"-conc", "1,99999"}, {"-roles", " , "},
		{"-runs", "0"}, {"-duration", "1ms"}, {"-warmup", "-1s"}, {"-mem-conc", "0"}, {"-mem-body", "10"},
		{"stray"}, {"-nosuchflag"},
	} {
		if _, err := parseOptions(args, io.Discard); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
	if _, err := parseOptions([]string{"-no-mem", "-mem-conc", "0"}, io.Discard); err != nil {
		t.Errorf("-mem-* are irrelevant with -no-mem: %v", err)
	}
}

func TestCommandLineQuotes(t *testing.T) {
	got := commandLine([]string{"-out", "bench/out/proxy.txt", "-roles", "a b"})
	if got != `go run ./bench/load -out bench/out/proxy.txt -roles "a b"` {
		t.Errorf("got %s", got)
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	var stderr strings.Builder
	if code := run([]string{"-runs", "0"}, io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), "-runs") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}
