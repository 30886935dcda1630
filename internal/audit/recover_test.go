package audit

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTornTailRecoveredIntoSideFile(t *testing.T) {
	l, cfg := openTest(t, nil)
	appendN(t, l, 0, 10)
	crash(l)
	segs, _, _ := listSegments(cfg.Dir)
	last := segs[len(segs)-1].path
	// A crash in the middle of a write leaves half a record at the end.
	lines := readLines(t, last)
	half := lines[len(lines)-1][:100]
	f, _ := os.OpenFile(last, os.O_WRONLY|os.O_APPEND, 0)
	f.Write(half)
	f.Close()

	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemTorn, 0, filepath.Base(last))

	l2, err := Open(cfg)
	if err != nil {
		t.Fatalf("Open after torn write: %v", err)
	}
	appendN(t, l2, 10, 2)
	l2.Close()
	rep = mustVerify(t, cfg.Dir, VerifyOptions{})
	if !rep.OK {
		t.Fatalf("after recovery: %v", rep.Problem)
	}
	if rep.Recoveries != 1 || rep.TornSideFiles != 1 {
		t.Fatalf("recoveries=%d side files=%d, want 1 and 1", rep.Recoveries, rep.TornSideFiles)
	}
	side, _ := filepath.Glob(last + ".*" + tornExt)
	if len(side) != 1 {
		t.Fatalf("side files: %v", side)
	}
	got, _ := os.ReadFile(side[0])
	if !bytes.Equal(got, half) {
		t.Fatalf("side file holds %d bytes, want the %d torn bytes", len(got), len(half))
	}
	var rec *Record
	Walk(cfg.Dir, VerifyOptions{}, func(r *Record, _ []byte) error {
		if r.Kind == KindRecovery {
			c := *r
			rec = &c
		}
		return nil
	})
	if rec == nil || rec.Reason != ReasonTornTail || rec.Detail[DetailSideFile] != filepath.Base(side[0]) || rec.Detail[DetailTornBytes] != "100" {
		t.Fatalf("recovery record = %+v", rec)
	}
}

func TestOpenRefusesMidSegmentDamage(t *testing.T) {
	l, cfg := openTest(t, nil)
	appendN(t, l, 0, 10)
	l.Close()
	segs, _, _ := listSegments(cfg.Dir)
	lines := readLines(t, segs[0].path)
	lines[3] = bytes.Replace(lines[3], []byte(`"status":200`), []byte(`"status":201`), 1)
	writeLines(t, segs[0].path, lines)
	_, err := Open(cfg)
	var te *TamperError
	if !errors.As(err, &te) || te.Line != 4 {
		t.Fatalf("Open = %v, want a TamperError on line 4", err)
	}
}

func TestEmptySegmentAfterCrashedRotation(t *testing.T) {
	l, cfg := openTest(t, nil)
	appendN(t, l, 0, 5)
	crash(l)
	// The crash came right after the next segment file was created.
	if err := os.WriteFile(filepath.Join(cfg.Dir, segmentName(7)), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	l2, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, l2, 5, 3)
	l2.Close()
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	if !rep.OK || rep.Segments != 2 || rep.LastSeq != 11 {
		t.Fatalf("ok=%v segments=%d last=%d problem=%v; want ok, 2 segments, last seq 11", rep.OK, rep.Segments, rep.LastSeq, rep.Problem)
	}
}

func TestRotationBySizeAndAge(t *testing.T) {
	clk := newTestClock()
	l, cfg := openTest(t, func(c *Config) { c.MaxSegmentBytes = 4 << 10; c.MaxSegmentAge = 0; c.Clock = clk.now })
	appendN(t, l, 0, 30)
	bySize := len(mustSegs(t, cfg.Dir))
	if bySize < 3 {
		t.Fatalf("size rotation: %d segments", bySize)
	}
	// Idle aging does not rotate an empty segment; one with records rotates at the next tick.
	clk.add(25 * 60 * 60 * 1e9)
	l.maintain()
	if n := len(mustSegs(t, cfg.Dir)); n != bySize+1 {
		t.Fatalf("age rotation: %d segments, want %d", n, bySize+1)
	}
	clk.add(25 * 60 * 60 * 1e9)
	l.maintain()
	if n := len(mustSegs(t, cfg.Dir)); n != bySize+1 {
		t.Fatalf("an idle segment rotated: %d segments", n)
	}
	l.Close()
	if rep := mustVerify(t, cfg.Dir, VerifyOptions{}); !rep.OK {
		t.Fatal(rep.Problem)
	}
}

func TestRetentionKeepsVerifiable(t *testing.T) {
	clk := newTestClock()
	l, cfg := openTest(t, func(c *Config) {
		c.MaxSegmentBytes = 4 << 10
		c.Retention = 48 * 60 * 60 * 1e9
		c.Clock = clk.now
	})
	appendN(t, l, 0, 20) // old records
	clk.add(72 * 60 * 60 * 1e9)
	appendN(t, l, 20, 20) // rotations now delete the old segments
	l.maintain()
	l.Close()
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	if !rep.OK {
		t.Fatalf("after retention: %v", rep.Problem)
	}
	if rep.FirstSeq <= 1 || rep.RetentionThroughSeq != rep.FirstSeq-1 {
		t.Fatalf("first seq %d, retention through %d: want old segments gone and accounted for", rep.FirstSeq, rep.RetentionThroughSeq)
	}
	// The admin record names the cut; removing one more segment by hand is still caught.
	segs := mustSegs(t, cfg.Dir)
	os.Remove(segs[0].path)
	rep = mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemDeletion, 1, "")
	if !strings.Contains(rep.Problem.Detail, "no retention record") {
		t.Fatal(rep.Problem.Detail)
	}
}

func TestPeriodicCheckpointByTime(t *testing.T) {
	clk := newTestClock()
	l, cfg := openTest(t, func(c *Config) { c.CheckpointInterval = 60e9; c.Clock = clk.now })
	appendN(t, l, 0, 3)
	l.maintain()
	if h, _ := ReadHead(cfg.Dir); h == nil || h.Seq != 1 {
		t.Fatalf("head before the interval: %+v", h)
	}
	clk.add(61e9)
	l.maintain()
	h, err := ReadHead(cfg.Dir)
	if err != nil || h.Seq != 5 {
		t.Fatalf("head after the interval = %+v, %v; want the checkpoint at seq 5", h, err)
	}
	l.Close()
}

func TestBatchedSyncBound(t *testing.T) {
	l, _ := openTest(t, func(c *Config) { c.SyncEvery = 10; c.SyncInterval = 1 << 62; c.CheckpointEvery = 1000 })
	defer l.Close()
	appendN(t, l, 0, 9)
	if st := l.Stats(); st.LastSeq-st.SyncedSeq != 9 {
		t.Fatalf("after 9 appends: %d unsynced, want 9", st.LastSeq-st.SyncedSeq)
	}
	// The 10th append completes the batch: the sync loop fsyncs it in the background (the
	// append does not wait), long before SyncInterval.
	appendN(t, l, 9, 1)
	for i := 0; ; i++ {
		st := l.Stats()
		if st.LastSeq == st.SyncedSeq {
			break
		}
		if i == 400 {
			t.Fatalf("after the 10th append: synced %d of %d", st.SyncedSeq, st.LastSeq)
		}
		sleepMS(5)
	}
}

func TestBatchedSyncInterval(t *testing.T) {
	l, _ := openTest(t, func(c *Config) { c.SyncEvery = 1000; c.SyncInterval = 20e6 })
	defer l.Close()
	appendN(t, l, 0, 3)
	deadline := 200
	for i := 0; i < deadline; i++ {
		if st := l.Stats(); st.SyncedSeq == st.LastSeq {
			return
		}
		sleepMS(5)
	}
	t.Fatalf("records still unsynced long after SyncInterval: %+v", l.Stats())
}

func mustSegs(t *testing.T, dir string) []segInfo {
	t.Helper()
	segs, _, err := listSegments(dir)
	if err != nil {
		t.Fatal(err)
	}
	return segs
}
