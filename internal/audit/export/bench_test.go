package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// BenchmarkExport exports a generated log (20,000 records by default; set
// AUDIT_BENCH_RECORDS=1000000 for the one-million-record measurement) to a file, in both
// formats, and verifies it alone for comparison. Generation is not timed.
//
//	AUDIT_BENCH_RECORDS=1000000 go test -run '^$' -bench Export -benchtime=1x -timeout 30m ./internal/audit/export/
func BenchmarkExport(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("AUDIT_BENCH_RECORDS")); err == nil && v > 0 {
		n = v
	}
	genStart := time.Now()
	_, dir := buildLogEvery(b, n, 1000)
	var logBytes int64
	segs, _ := filepath.Glob(filepath.Join(dir, "seg-*.jsonl"))
	for _, s := range segs {
		fi, _ := os.Stat(s)
		logBytes += fi.Size()
	}
	b.Logf("generated %d records (%d MiB, %d segments) in %v", n, logBytes>>20, len(segs), time.Since(genStart).Round(time.Millisecond))
	out := b.TempDir()
	for _, format := range []string{FormatJSON, FormatHTML} {
		b.Run(fmt.Sprintf("records=%d/format=%s", n, format), func(b *testing.B) {
			b.SetBytes(logBytes)
			var size int64
			cpu0 := cpuTime()
			for b.Loop() {
				f, err := os.Create(filepath.Join(out, "bundle."+format))
				if err != nil {
					b.Fatal(err)
				}
				s, err := Export(f, dir, Options{Format: format, TempDir: out})
				if err != nil {
					b.Fatal(err)
				}
				if !s.Verification.OK || s.Matched != uint64(n)+1 { // the calls and the erasure
					b.Fatalf("ok=%v matched=%d", s.Verification.OK, s.Matched)
				}
				size, _ = f.Seek(0, 1)
				f.Close()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/export")
			b.ReportMetric(float64(size)/(1<<20), "MiB-out")
			// CPU seconds are less sensitive than wall time to other load on a shared machine.
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/export")
		})
	}
	b.Run(fmt.Sprintf("records=%d/verify-only", n), func(b *testing.B) {
		b.SetBytes(logBytes)
		cpu0 := cpuTime()
		for b.Loop() {
			rep, err := audit.Verify(dir, audit.VerifyOptions{})
			if err != nil || !rep.OK {
				b.Fatal(err, rep.Problem)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/verify")
	})
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
