package audit

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkAppend measures append throughput with per-record fsync (group commit) and with
// batched fsync, from one goroutine and from 16 (a proxy serving concurrent calls).
//
//	go test -run '^$' -bench Append -benchtime=1s ./internal/audit/
func BenchmarkAppend(b *testing.B) {
	modes := []struct {
		name     string
		every    int
		interval time.Duration
	}{
		{"fsync=every-record", 0, 0},
		{"fsync=batch-64-or-50ms", 64, 50 * time.Millisecond},
		{"fsync=batch-1000-or-100ms", 1000, 100 * time.Millisecond},
	}
	for _, m := range modes {
		for _, par := range []int{1, 16} {
			b.Run(fmt.Sprintf("%s/goroutines=%d", m.name, par), func(b *testing.B) {
				l, err := Open(Config{Dir: filepath.Join(b.TempDir(), "audit"), Replica: "bench", SyncEvery: m.every,
					SyncInterval: m.interval, Logger: slog.New(slog.DiscardHandler)})
				if err != nil {
					b.Fatal(err)
				}
				defer l.Close()
				b.ReportAllocs()
				b.ResetTimer()
				if par == 1 {
					r := callRecord(1)
					for i := 0; i < b.N; i++ {
						r.Time = time.Time{}
						if err := l.Append(r); err != nil {
							b.Fatal(err)
						}
					}
				} else {
					var id atomic.Int64
					b.SetParallelism(max(1, par/runtimeProcs()))
					b.RunParallel(func(pb *testing.PB) {
						r := callRecord(int(id.Add(1)))
						for pb.Next() {
							r.Time = time.Time{}
							if err := l.Append(r); err != nil {
								b.Error(err)
								return
							}
						}
					})
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
			})
		}
	}
}

// BenchmarkParseLine is the per-record cost of reading a segment back (verify, export).
func BenchmarkParseLine(b *testing.B) {
	r := callRecord(7)
	r.Seq, r.Time, r.Replica, r.Kind, r.Prev = 7, time.Now(), "bench", KindCall, ZeroHash
	newHasher(make([]byte, 32)).seal(r)
	line := appendLine(nil, r)
	var rec Record
	var scratch []byte
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if scratch, err = parseLine(line, &rec, scratch); err != nil {
			b.Fatal(err)
		}
	}
}
