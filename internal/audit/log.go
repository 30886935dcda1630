package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// ErrClosed is returned by Append and Healthy after Close.
var ErrClosed = errors.New("audit: log is closed")

// Log is an open audit log. Append is safe for concurrent use.
type Log struct {
	cfg      Config
	keys     *keys
	manifest *Manifest
	unlock   func()
	syncEach bool

	mu     sync.Mutex
	closed bool
	err    error // sticky: after a failed write or fsync nothing more is appended
	// down mirrors err (or ErrClosed) for Healthy, which the proxy asks before every call:
	// reading it must not queue behind an append holding mu.
	down          atomic.Pointer[error]
	f             *os.File
	segName       string
	segSize       int64
	segRecs       int
	segOpened     time.Time
	lastSeq       uint64
	lastHash      string
	sinceCP       int
	lastCP        checkpointRef
	unsynced      int
	hs            *hasher
	line          []byte
	lastRetention time.Time

	// Durability: synced is the highest sequence number known to be on stable storage.
	dmu      sync.Mutex
	dcond    *sync.Cond
	synced   uint64
	syncErr  error
	syncedA  atomic.Uint64 // mirror of synced for lock-free readers (forwarder, head)
	syncKick chan struct{}

	hmu     sync.Mutex // serialises head.json writes
	headSeq uint64

	sp  *spool
	fwd *forwarder

	stop chan struct{}
	wg   sync.WaitGroup

	appends, appendErrors, spoolRefusals atomic.Uint64
	// writing counts appends between entering Append and finishing their write; the sync
	// loop lets them finish before an fsync so one fsync covers them all (on ext4 a write
	// to a file being fsynced waits for the fsync anyway).
	writing atomic.Int32
}

// checkpointRef is the last checkpoint written, for head.json.
type checkpointRef struct {
	Seq     uint64
	Hash    string
	Sig     string
	Time    time.Time
	Segment string
}

// Open opens (creating on first use) the log in cfg.Dir. On an existing log it checks the
// active segment, cuts off a torn final record into a side file and records that in a
// recovery record, and resumes the chain. Keys are created (0600) only for a new log: a
// log whose keys are missing is refused rather than continued under new keys.
func Open(cfg Config) (*Log, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, err
	}
	unlock, err := lockDir(cfg.Dir)
	if err != nil {
		return nil, err
	}
	l := &Log{
		cfg:      cfg,
		unlock:   unlock,
		syncEach: cfg.SyncEvery <= 1,
		syncKick: make(chan struct{}, 1),
		stop:     make(chan struct{}),
	}
	l.dcond = sync.NewCond(&l.dmu)
	if err := l.open(); err != nil {
		if l.f != nil {
			l.f.Close()
		}
		if l.sp != nil {
			l.sp.close()
		}
		unlock()
		return nil, err
	}
	l.wg.Add(2)
	go l.syncLoop()
	go l.maintainLoop()
	if l.fwd != nil {
		go l.fwd.run()
	}
	return l, nil
}

func (l *Log) open() error {
	segs, _, err := listSegments(l.cfg.Dir)
	if err != nil {
		return err
	}
	kf := l.cfg.Keys.resolve(l.cfg.Dir)
	l.keys, err = loadOrCreateKeys(kf, len(segs) == 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("audit: a key file of the existing log in %s is missing (%w); restore it from backup — new keys would make the log unverifiable", l.cfg.Dir, err)
		}
		return err
	}
	now := l.now()
	if l.manifest, err = ensureManifest(l.cfg.Dir, l.cfg.Replica, kf, l.keys, now); err != nil {
		return err
	}
	l.hs = newHasher(l.keys.mac)
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(segs) == 0 {
		l.lastHash = ZeroHash
		if err := l.startSegmentLocked(1, now); err != nil {
			return err
		}
	} else if err := l.resumeLocked(segs, now); err != nil {
		return err
	}
	if h, err := ReadHead(l.cfg.Dir); err == nil {
		l.headSeq = h.Seq
	}
	if l.cfg.Sink != nil {
		if err := l.openSinkLocked(segs); err != nil {
			return err
		}
	}
	return nil
}

func (l *Log) now() time.Time { return l.cfg.Clock() }

// Append seals r into the chain and writes it. It assigns Seq, Time (when zero), Replica,
// Prev, Hash and MAC. With per-record sync it returns once the record is on stable storage.
// An error means the record is not (reliably) in the log and the call must be refused.
func (l *Log) Append(r *Record) error {
	if r == nil {
		return fmt.Errorf("%w: nil record", ErrInvalidRecord)
	}
	if r.Kind == "" {
		r.Kind = KindCall
	}
	if err := r.validate(); err != nil {
		l.appendErrors.Add(1)
		return err
	}
	if !l.cfg.RecordPaths {
		r.Paths = nil
	}
	l.writing.Add(1)
	l.mu.Lock()
	seq, err := l.appendLocked(r)
	l.mu.Unlock()
	l.writing.Add(-1)
	if err == nil && l.syncEach {
		err = l.waitDurable(seq)
	}
	if err != nil {
		l.appendErrors.Add(1)
		if errors.Is(err, ErrSpoolFull) {
			l.spoolRefusals.Add(1)
		}
		return err
	}
	l.appends.Add(1)
	if l.cfg.Notify != nil {
		l.cfg.Notify(r)
	}
	return nil
}

// appendLocked writes r and whatever it triggers (rotation before, checkpoint and batched
// sync after) and returns the highest sequence number written.
func (l *Log) appendLocked(r *Record) (uint64, error) {
	if l.closed {
		return 0, ErrClosed
	}
	if l.err != nil {
		return 0, l.err
	}
	now := l.now()
	if l.needRotateLocked(now) {
		if err := l.rotateLocked(now); err != nil {
			return 0, err
		}
	}
	before := l.lastSeq
	if err := l.writeLocked(r, now, true); err != nil {
		return 0, err
	}
	l.sinceCP++
	if l.sinceCP >= l.cfg.CheckpointEvery {
		if err := l.checkpointLocked(now, ReasonPeriodic); err != nil {
			return 0, err
		}
	}
	if !l.syncEach {
		l.unsynced += int(l.lastSeq - before)
		if l.unsynced >= l.cfg.SyncEvery {
			l.syncBatchLocked()
		}
	}
	return l.lastSeq, nil
}

// writeLocked seals and writes one record. bounded records (the callers') are refused when
// the spool is full; the log's own small records are not, so rotation and checkpoints keep
// working while the proxy fails closed.
func (l *Log) writeLocked(r *Record, now time.Time, bounded bool) error {
	r.Seq = l.lastSeq + 1
	if r.Time.IsZero() {
		r.Time = now
	}
	r.Time = canonicalTime(r.Time)
	r.Replica = l.cfg.Replica
	r.Prev = l.lastHash
	r.LatencyMS = canonicalLatency(r.LatencyMS)
	r.Sig = ""
	l.hs.seal(r)
	if r.Kind == KindCheckpoint {
		r.Sig = signHash(l.keys.priv, r.Hash)
	}
	l.line = appendSeal(append(l.line[:0], l.hs.buf...), r) // hs.buf: the body seal hashed
	if l.sp != nil && bounded {
		if err := l.sp.reserve(len(l.line)); err != nil {
			return err
		}
	}
	n, err := l.f.Write(l.line)
	l.segSize += int64(n)
	if err != nil {
		l.failLocked(fmt.Errorf("audit: write %s: %w", l.segName, err))
		return l.err
	}
	l.lastSeq, l.lastHash = r.Seq, r.Hash
	l.segRecs++
	if l.sp != nil {
		if err := l.sp.write(r.Seq, l.line); err != nil {
			// The record is in the log (the source of truth); the spool is now marked broken,
			// so the next bounded append fails closed, and reopening re-spools from the log.
			l.cfg.Logger.Error("audit: spool write failed; appends will be refused until restart", "err", err)
		}
	}
	return nil
}

func (l *Log) checkpointLocked(now time.Time, reason string) error {
	cp := &Record{Kind: KindCheckpoint, Reason: reason}
	if err := l.writeLocked(cp, now, false); err != nil {
		return err
	}
	l.sinceCP = 0
	l.lastCP = checkpointRef{Seq: cp.Seq, Hash: cp.Hash, Sig: cp.Sig, Time: cp.Time, Segment: l.segName}
	return nil
}

func (l *Log) failLocked(err error) {
	if l.err == nil {
		l.err = err
		l.down.CompareAndSwap(nil, &err)
		l.cfg.Logger.Error("audit: log failed; appends are refused", "err", err)
	}
	l.dmu.Lock()
	if l.syncErr == nil {
		l.syncErr = err
	}
	l.dcond.Broadcast()
	l.dmu.Unlock()
}

func (l *Log) needRotateLocked(now time.Time) bool {
	return l.segRecs > 1 && (l.segSize >= l.cfg.MaxSegmentBytes || now.Sub(l.segOpened) >= l.cfg.MaxSegmentAge)
}

// rotateLocked closes the active segment (synced) and starts the next one with a signed
// checkpoint that chains to the last record of the old one.
func (l *Log) rotateLocked(now time.Time) error {
	if err := l.syncLocked(); err != nil {
		return err
	}
	if err := l.f.Close(); err != nil {
		l.failLocked(err)
		return err
	}
	l.f = nil
	if err := l.startSegmentLocked(l.lastSeq+1, now); err != nil {
		return err
	}
	if l.cfg.Retention > 0 {
		if err := l.retentionLocked(now); err != nil {
			l.cfg.Logger.Warn("audit: retention failed", "err", err)
		}
	}
	return nil
}

// startSegmentLocked creates segment firstSeq (or reuses an empty one left by a crash during
// rotation) and writes its opening checkpoint.
func (l *Log) startSegmentLocked(firstSeq uint64, now time.Time) error {
	name := segmentName(firstSeq)
	path := filepath.Join(l.cfg.Dir, name)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		l.failLocked(err)
		return err
	}
	if fi, err := f.Stat(); err != nil || fi.Size() != 0 {
		f.Close()
		err = fmt.Errorf("audit: new segment %s already holds data", name)
		l.failLocked(err)
		return err
	}
	if err := syncDir(l.cfg.Dir); err != nil {
		f.Close()
		l.failLocked(err)
		return err
	}
	l.f, l.segName, l.segSize, l.segRecs, l.segOpened = f, name, 0, 0, now
	if err := l.checkpointLocked(now, ReasonSegmentStart); err != nil {
		return err
	}
	return l.syncLocked()
}

// Close writes a final checkpoint (so head.json then covers every record and any later
// truncation is detectable), syncs, gives the sink SinkDrainTimeout to catch up, and
// releases the directory. Records not yet forwarded stay in the spool for the next start.
func (l *Log) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	var err error
	if l.err == nil {
		if l.sinceCP > 0 {
			err = l.checkpointLocked(l.now(), ReasonClosed)
		}
		if err == nil {
			err = l.syncLocked()
		}
	} else {
		err = l.err
	}
	l.closed = true
	closed := ErrClosed
	l.down.CompareAndSwap(nil, &closed)
	l.mu.Unlock()
	close(l.stop)
	l.wg.Wait()
	if herr := l.updateHead(); herr != nil && err == nil {
		err = herr
	}
	if l.fwd != nil {
		l.fwd.shutdown(l.cfg.SinkDrainTimeout)
	}
	l.mu.Lock()
	if l.f != nil {
		if cerr := l.f.Close(); cerr != nil && err == nil {
			err = cerr
		}
		l.f = nil
	}
	l.mu.Unlock()
	if l.sp != nil {
		l.sp.close()
	}
	if l.cfg.Sink != nil {
		if serr := l.cfg.Sink.Close(); serr != nil && err == nil {
			err = serr
		}
	}
	l.dmu.Lock()
	if l.syncErr == nil {
		l.syncErr = ErrClosed
	}
	l.dcond.Broadcast()
	l.dmu.Unlock()
	l.unlock()
	return err
}

// Healthy reports whether Append can succeed: nil, or why not (closed, a failed write or
// fsync, or a full spool while the central sink is unreachable). For /readyz, and for the
// proxy, which refuses calls it could not audit.
func (l *Log) Healthy() error {
	if p := l.down.Load(); p != nil {
		return *p
	}
	if l.sp != nil {
		if err := l.sp.reserve(4 << 10); err != nil {
			return err
		}
	}
	return nil
}

// Stats is a snapshot for metrics and readiness detail. It holds no record content.
type Stats struct {
	Replica       string
	LastSeq       uint64
	SyncedSeq     uint64
	Segment       string
	SegmentBytes  int64
	Appends       uint64 // successful appends since open
	AppendErrors  uint64 // refused appends (invalid record, write failure, full spool)
	SpoolRefusals uint64 // appends refused because the spool was full
	SpoolBytes    int64
	SpoolMaxBytes int64
	ForwardedSeq  uint64 // last sequence number the sink acknowledged
	SinkErrors    uint64
	SinkLastError string
}

// Stats returns current counters.
func (l *Log) Stats() Stats {
	l.mu.Lock()
	s := Stats{Replica: l.cfg.Replica, LastSeq: l.lastSeq, Segment: l.segName, SegmentBytes: l.segSize}
	l.mu.Unlock()
	s.SyncedSeq = l.syncedA.Load()
	s.Appends, s.AppendErrors, s.SpoolRefusals = l.appends.Load(), l.appendErrors.Load(), l.spoolRefusals.Load()
	if l.sp != nil {
		s.SpoolBytes, s.SpoolMaxBytes = l.sp.bytes.Load(), l.sp.max
	}
	if l.fwd != nil {
		s.ForwardedSeq = l.fwd.acked.Load()
		s.SinkErrors = l.fwd.errs.Load()
		if p := l.fwd.lastErr.Load(); p != nil {
			s.SinkLastError = *p
		}
	}
	return s
}

// PublicKeyFingerprint is the SHA-256 of the checkpoint signing key, for an officer to
// record out of band and compare with `verify` reports later.
func (l *Log) PublicKeyFingerprint() string { return l.manifest.PublicKeySHA256 }
