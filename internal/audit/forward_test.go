package audit

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// memSink is an in-memory sink that can be switched off, deduplicating like the real ones.
type memSink struct {
	mu       sync.Mutex
	down     bool
	got      []uint64
	seen     map[uint64]bool
	publish  int
	rejected int
}

func newMemSink() *memSink { return &memSink{seen: map[uint64]bool{}} }

func (m *memSink) Name() string { return "mem" }
func (m *memSink) Close() error { return nil }
func (m *memSink) setDown(v bool) {
	m.mu.Lock()
	m.down = v
	m.mu.Unlock()
}

func (m *memSink) Publish(_ context.Context, es []Entry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.publish++
	if m.down {
		m.rejected++
		return errors.New("sink unreachable")
	}
	for _, e := range es {
		if _, err := ParseLine(e.Line); err != nil {
			return err
		}
		if !m.seen[e.Seq] {
			m.seen[e.Seq] = true
			m.got = append(m.got, e.Seq)
		}
	}
	return nil
}

func (m *memSink) seqs() []uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]uint64(nil), m.got...)
}

// waitForwarded waits until the sink holds every seq 1..last, in order.
func waitForwarded(t *testing.T, m *memSink, last uint64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if got := m.seqs(); uint64(len(got)) >= last {
			for i, s := range got {
				if s != uint64(i+1) {
					t.Fatalf("sink order broken at index %d: seq %d", i, s)
				}
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("sink has %d records, want %d", len(m.seqs()), last)
}

func TestForwardInOrderExactlyOnce(t *testing.T) {
	sink := newMemSink()
	l, _ := openTest(t, func(c *Config) { c.Sink = sink; c.SinkBatch = 7 })
	appendN(t, l, 0, 100)
	last := l.Stats().LastSeq
	waitForwarded(t, sink, last)
	if st := l.Stats(); st.ForwardedSeq != last {
		t.Fatalf("ForwardedSeq %d, want %d", st.ForwardedSeq, last)
	}
	l.Close()
}

func TestSinkOutageSpoolsThenCatchesUp(t *testing.T) {
	sink := newMemSink()
	l, cfg := openTest(t, func(c *Config) { c.Sink = sink; c.SpoolMaxBytes = 64 << 10 })
	appendN(t, l, 0, 10)
	waitForwarded(t, sink, l.Stats().LastSeq)
	sink.setDown(true)
	// Keep appending until the bounded spool refuses: fail closed.
	var err error
	n := 0
	for ; n < 10000; n++ {
		if err = l.Append(callRecord(n)); err != nil {
			break
		}
	}
	if !errors.Is(err, ErrSpoolFull) {
		t.Fatalf("after %d appends with the sink down: %v, want ErrSpoolFull", n, err)
	}
	if herr := l.Healthy(); !errors.Is(herr, ErrSpoolFull) {
		t.Fatalf("Healthy = %v, want ErrSpoolFull", herr)
	}
	if st := l.Stats(); st.SpoolBytes > cfg.SpoolMaxBytes || st.SpoolRefusals == 0 {
		t.Fatalf("stats %+v", st)
	}
	// The forwarder sends only fsynced records, and batches are fsynced in the background:
	// its failed attempt against the dead sink may come just after the spool filled.
	for i := 0; l.Stats().SinkErrors == 0; i++ {
		if i == 500 {
			t.Fatalf("no sink error recorded with the sink down: %+v", l.Stats())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// On disk: the bound plus at most one spool file of already forwarded lines.
	var disk int64
	files, _ := filepath.Glob(filepath.Join(cfg.Dir, "spool", spoolPrefix+"*"))
	for _, f := range files {
		fi, _ := os.Stat(f)
		disk += fi.Size()
	}
	if disk > cfg.SpoolMaxBytes+max(cfg.SpoolMaxBytes/16, 4<<10) {
		t.Fatalf("spool uses %d bytes on disk, bound %d", disk, cfg.SpoolMaxBytes)
	}
	sink.setDown(false)
	waitForwarded(t, sink, l.Stats().LastSeq)
	deadline := time.Now().Add(5 * time.Second)
	for l.Healthy() != nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := l.Healthy(); err != nil {
		t.Fatalf("still unhealthy after catching up: %v", err)
	}
	appendN(t, l, 20000, 5)
	l.Close()
	waitForwarded(t, sink, l.Stats().LastSeq)
	if rep := mustVerify(t, cfg.Dir, VerifyOptions{}); !rep.OK {
		t.Fatal(rep.Problem)
	}
}

func TestSpoolSurvivesRestart(t *testing.T) {
	sink := newMemSink()
	sink.setDown(true)
	l, cfg := openTest(t, func(c *Config) { c.Sink = sink; c.SinkDrainTimeout = 50 * time.Millisecond })
	appendN(t, l, 0, 30)
	l.Close()
	if len(sink.seqs()) != 0 {
		t.Fatal("a down sink received records")
	}
	files, _ := filepath.Glob(filepath.Join(cfg.Dir, "spool", spoolPrefix+"*"))
	if len(files) == 0 {
		t.Fatal("nothing spooled")
	}
	sink2 := newMemSink()
	cfg.Sink = sink2
	l2, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	waitForwarded(t, sink2, l2.Stats().LastSeq)
	l2.Close()
}

func TestRespoolFromLogWhenSpoolLost(t *testing.T) {
	sink := newMemSink()
	l, cfg := openTest(t, func(c *Config) { c.Sink = sink })
	appendN(t, l, 0, 10)
	waitForwarded(t, sink, l.Stats().LastSeq)
	sink.setDown(true)
	appendN(t, l, 10, 10)
	crash(l)
	// The spool files are lost (or the crash came between the log write and the spool
	// write); the cursor survives. The log is the source of truth: reopening refills.
	files, _ := filepath.Glob(filepath.Join(cfg.Dir, "spool", spoolPrefix+"*"))
	for _, f := range files {
		os.Remove(f)
	}
	sink.setDown(false)
	l2, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	waitForwarded(t, sink, l2.Stats().LastSeq)
	l2.Close()
}

func TestCursorAheadOfLogRefused(t *testing.T) {
	sink := newMemSink()
	l, cfg := openTest(t, func(c *Config) { c.Sink = sink })
	appendN(t, l, 0, 3)
	l.Close()
	if err := writeCursor(filepath.Join(cfg.Dir, "spool"), 1000); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(cfg); err == nil {
		t.Fatal("Open accepted a sink cursor beyond the log")
	}
}
