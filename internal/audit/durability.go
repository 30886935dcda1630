package audit

import (
	"errors"
	"os"
	"runtime"
)

// syncLocked fsyncs the active segment; everything written so far becomes durable.
func (l *Log) syncLocked() error {
	if err := l.f.Sync(); err != nil {
		// After a failed fsync the page cache can no longer be trusted (the kernel may have
		// dropped the dirty pages): stop appending rather than pretend.
		l.failLocked(err)
		return err
	}
	l.unsynced = 0
	l.markSynced(l.lastSeq)
	return nil
}

func (l *Log) markSynced(seq uint64) {
	l.dmu.Lock()
	if seq > l.synced {
		l.synced = seq
		l.syncedA.Store(seq)
	}
	l.dcond.Broadcast()
	l.dmu.Unlock()
	if l.fwd != nil {
		l.fwd.wake()
	}
}

// waitDurable blocks until seq is on stable storage (group commit: one fsync by the sync
// loop covers every append that happened before it started).
func (l *Log) waitDurable(seq uint64) error {
	l.kickSync()
	l.dmu.Lock()
	defer l.dmu.Unlock()
	for l.synced < seq && l.syncErr == nil {
		l.dcond.Wait()
	}
	if l.synced >= seq {
		return nil
	}
	return l.syncErr
}

// syncBatchLocked hands the records written since the last batch to the sync loop (batched
// mode): it fsyncs them outside the lock, so no append waits for the disk.
func (l *Log) syncBatchLocked() {
	l.unsynced = 0
	l.kickSync()
}

// kickSync asks the sync loop for an fsync of everything written so far.
func (l *Log) kickSync() {
	select {
	case l.syncKick <- struct{}{}:
	default:
	}
}

// syncLoop serves waitDurable in per-record mode and full batches in batched mode.
func (l *Log) syncLoop() {
	defer l.wg.Done()
	for {
		select {
		case <-l.stop:
			return
		case <-l.syncKick:
		}
		// Group commit: give appends already under way a moment to land in this fsync.
		for spin := 0; spin < 50 && l.writing.Load() > 0; spin++ {
			runtime.Gosched()
		}
		l.mu.Lock()
		f, target, failed := l.f, l.lastSeq, l.err != nil
		l.mu.Unlock()
		if failed || f == nil || target <= l.syncedA.Load() {
			continue
		}
		err := f.Sync()
		if errors.Is(err, os.ErrClosed) {
			// Rotated or closed meanwhile: both sync before closing, covering target.
			continue
		}
		if err != nil {
			l.mu.Lock()
			l.failLocked(err)
			l.mu.Unlock()
			continue
		}
		l.markSynced(target)
	}
}
