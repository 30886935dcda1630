package audit

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// resumeLocked continues an existing log: it checks the active (last) segment completely,
// recovers a torn final record, and restores the chain state.
func (l *Log) resumeLocked(segs []segInfo, now time.Time) error {
	last := segs[len(segs)-1]
	st, err := scanSegment(last, l.hs, 0, "")
	if err != nil {
		return err
	}
	prev, prevName := st, last.name
	if st.records == 0 {
		// A segment created by a rotation that crashed before its first record: the chain
		// state comes from the segment before it.
		l.lastHash = ZeroHash
		if len(segs) > 1 {
			if prev, err = scanSegment(segs[len(segs)-2], l.hs, 0, ""); err != nil {
				return err
			}
			prevName = segs[len(segs)-2].name
			if prev.tornOff >= 0 {
				return &TamperError{Segment: segs[len(segs)-2].name, Offset: prev.tornOff, Why: "a closed segment ends in a partial record"}
			}
		}
		if prev.last != nil {
			l.lastSeq, l.lastHash = prev.last.Seq, prev.last.Hash
		}
		if last.firstSeq != l.lastSeq+1 {
			return &TamperError{Segment: last.name, Why: fmt.Sprintf("empty segment named for seq %d, but the log ends at seq %d", last.firstSeq, l.lastSeq)}
		}
	} else {
		l.lastSeq, l.lastHash = st.last.Seq, st.last.Hash
	}
	if prev.lastCP != nil {
		l.lastCP = checkpointRef{Seq: prev.lastCP.Seq, Hash: prev.lastCP.Hash, Sig: prev.lastCP.Sig, Time: prev.lastCP.Time, Segment: prevName}
	}
	l.sinceCP = prev.sinceCP

	var side string
	if st.tornOff >= 0 {
		if side, err = saveTorn(last, st.tornOff, st.tornLen); err != nil {
			return fmt.Errorf("audit: recovering torn tail of %s: %w", last.name, err)
		}
		l.cfg.Logger.Warn("audit: torn final record cut off at open", "segment", last.name, "offset", st.tornOff, "bytes", st.tornLen, "side_file", side)
	}
	f, err := os.OpenFile(last.path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	l.f, l.segName = f, last.name
	l.segSize, l.segRecs = st.validEnd, st.records
	l.segOpened = now
	if st.first != nil {
		l.segOpened = st.first.Time
	}
	l.markSynced(l.lastSeq)
	if st.records == 0 {
		l.segOpened = now
		if err := l.checkpointLocked(now, ReasonSegmentStart); err != nil {
			return err
		}
	}
	if side != "" {
		rec := &Record{Kind: KindRecovery, Reason: ReasonTornTail, Detail: map[string]string{
			DetailSegment:    last.name,
			DetailSideFile:   side,
			DetailTornOffset: strconv.FormatInt(st.tornOff, 10),
			DetailTornBytes:  strconv.FormatInt(st.tornLen, 10),
		}}
		if err := l.writeLocked(rec, now, false); err != nil {
			return err
		}
		l.sinceCP++
	}
	return l.syncLocked()
}

// saveTorn copies the torn bytes to a side file (synced), then truncates the segment to its
// last complete record. The bytes are kept, never silently dropped: the recovery record
// names the side file, and Verify counts side files.
func saveTorn(seg segInfo, off, n int64) (string, error) {
	f, err := os.OpenFile(seg.path, os.O_RDWR, 0o600)
	if err != nil {
		return "", err
	}
	defer f.Close()
	data := make([]byte, n)
	if _, err := f.ReadAt(data, off); err != nil && err != io.EOF {
		return "", err
	}
	side := seg.name + "." + strconv.FormatInt(off, 10) + tornExt
	sidePath := filepath.Join(filepath.Dir(seg.path), side)
	sf, err := os.OpenFile(sidePath, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := sf.Write(data); err != nil {
		sf.Close()
		return "", err
	}
	if err := sf.Sync(); err != nil {
		sf.Close()
		return "", err
	}
	if err := sf.Close(); err != nil {
		return "", err
	}
	if err := syncDir(filepath.Dir(seg.path)); err != nil {
		return "", err
	}
	if err := f.Truncate(off); err != nil {
		return "", err
	}
	return side, f.Sync()
}
