package audit

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// maintainLoop runs the time-driven duties: the batched-sync bound, periodic checkpoints,
// rotation by age, retention and head.json.
func (l *Log) maintainLoop() {
	defer l.wg.Done()
	tick := time.NewTicker(min(time.Second, l.cfg.CheckpointInterval))
	defer tick.Stop()
	var syncC <-chan time.Time
	if !l.syncEach {
		st := time.NewTicker(l.cfg.SyncInterval)
		defer st.Stop()
		syncC = st.C
	}
	for {
		select {
		case <-l.stop:
			return
		case <-syncC:
			l.mu.Lock()
			if !l.closed && l.err == nil && l.unsynced > 0 {
				l.syncBatchLocked()
			}
			l.mu.Unlock()
		case <-tick.C:
			l.maintain()
		}
	}
}

// maintain does one round of the time-driven duties (tests call it directly).
func (l *Log) maintain() {
	l.mu.Lock()
	if l.closed || l.err != nil {
		l.mu.Unlock()
		return
	}
	now := l.now()
	if l.sinceCP > 0 && now.Sub(l.lastCP.Time) >= l.cfg.CheckpointInterval {
		if l.checkpointLocked(now, ReasonPeriodic) == nil {
			l.syncLocked()
		}
	}
	if l.err == nil && l.needRotateLocked(now) {
		l.rotateLocked(now)
	}
	if l.err == nil && l.cfg.Retention > 0 && now.Sub(l.lastRetention) >= min(time.Minute, l.cfg.Retention/10) {
		if err := l.retentionLocked(now); err != nil {
			l.cfg.Logger.Warn("audit: retention failed", "err", err)
		}
	}
	l.mu.Unlock()
	if err := l.updateHead(); err != nil {
		l.cfg.Logger.Warn("audit: writing head file failed", "err", err)
	}
}

// retentionLocked deletes the oldest segments whose records are all older than the
// retention period. It first appends (and syncs) an admin record naming the last sequence
// number it deletes, so Verify can tell retention from someone deleting the oldest files;
// the oldest remaining segment starts with a signed checkpoint that anchors the chain.
func (l *Log) retentionLocked(now time.Time) error {
	l.lastRetention = now
	cutoff := now.Add(-l.cfg.Retention)
	segs, _, err := listSegments(l.cfg.Dir)
	if err != nil {
		return err
	}
	n := 0
	for i := 0; i+1 < len(segs) && segs[i].name != l.segName; i++ {
		// A segment's records end where the next segment's opening checkpoint begins.
		t, err := firstRecordTime(segs[i+1])
		if err != nil || !t.Before(cutoff) {
			break
		}
		n++
	}
	if n == 0 {
		return nil
	}
	through := segs[n].firstSeq - 1
	rec := &Record{Kind: KindAdmin, Reason: ReasonRetention, Detail: map[string]string{
		DetailThroughSeq: strconv.FormatUint(through, 10),
		DetailSegments:   strconv.Itoa(n),
		DetailOlderThan:  cutoff.UTC().Format(time.RFC3339),
	}}
	if err := l.writeLocked(rec, now, false); err != nil {
		return err
	}
	l.sinceCP++
	if err := l.syncLocked(); err != nil {
		return err
	}
	for _, s := range segs[:n] {
		if err := os.Remove(s.path); err != nil {
			return err
		}
		side, _ := filepath.Glob(filepath.Join(l.cfg.Dir, s.name+".*"+tornExt))
		for _, p := range side {
			if strings.HasPrefix(filepath.Base(p), s.name+".") {
				os.Remove(p)
			}
		}
	}
	l.cfg.Logger.Info("audit: retention deleted old segments", "segments", n, "through_seq", through)
	return syncDir(l.cfg.Dir)
}

func firstRecordTime(seg segInfo) (time.Time, error) {
	lr := newLineReader([]segInfo{seg})
	defer lr.close()
	ln, err := lr.next()
	if err != nil {
		return time.Time{}, err
	}
	r, err := ParseLine(ln.data)
	if err != nil {
		return time.Time{}, err
	}
	return r.Time, nil
}
