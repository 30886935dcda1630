package audit

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// HeadName is the file recording the last durable signed checkpoint.
const HeadName = "head.json"

// Head says how far the log went at its last checkpoint. Deleting records after it leaves
// the log shorter than the head says (a detectable truncation); records written after the
// last checkpoint are not covered until the next one (Close writes one).
type Head struct {
	Format  string    `json:"format"`
	Replica string    `json:"replica"`
	Seq     uint64    `json:"seq"`
	Hash    string    `json:"hash"`
	Sig     string    `json:"sig"` // the checkpoint's signature over Hash
	Time    time.Time `json:"time"`
	Segment string    `json:"segment"`
}

// ReadHead reads DIR/head.json.
func ReadHead(dir string) (*Head, error) {
	b, err := os.ReadFile(filepath.Join(dir, HeadName))
	if err != nil {
		return nil, err
	}
	var h Head
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, fmt.Errorf("audit: %s: %w", HeadName, err)
	}
	return &h, nil
}

// updateHead writes head.json for the last checkpoint once that checkpoint is durable.
func (l *Log) updateHead() error {
	l.mu.Lock()
	cp := l.lastCP
	l.mu.Unlock()
	l.hmu.Lock()
	defer l.hmu.Unlock()
	if cp.Seq <= l.headSeq || cp.Seq > l.syncedA.Load() {
		return nil
	}
	h := Head{Format: FormatV1, Replica: l.cfg.Replica, Seq: cp.Seq, Hash: cp.Hash, Sig: cp.Sig, Time: cp.Time, Segment: cp.Segment}
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(l.cfg.Dir, HeadName), append(b, '\n'), 0o644); err != nil {
		return err
	}
	l.headSeq = cp.Seq
	return nil
}
