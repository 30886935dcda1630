package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

const (
	spoolPrefix = "spool-"
	spoolSuffix = ".jsonl"
	cursorName  = "cursor.json"
)

// spool holds, in order, every record the sink has not acknowledged yet: the local log is
// written first, then the same line is appended here, and the forwarder reads from here.
// The bound applies to unacknowledged bytes; when it is reached, Append fails (fail closed).
// On disk the directory can hold, in addition, the acknowledged part of the file being
// written (at most one spool file, SpoolMaxBytes/16 capped at 16 MiB) until it rotates.
// Spool files are not fsynced: they are a copy, and on open anything missing is copied
// again from the log.
type spool struct {
	dir     string
	max     int64
	fileMax int64

	mu      sync.Mutex
	files   []string // spool file names in order; the last is being written
	cur     *os.File
	curSize int64
	bytes   atomic.Int64 // unacknowledged bytes
	broken  error        // a write failed; appends stop until restart
}

func spoolFileName(seq uint64) string { return fmt.Sprintf("%s%020d%s", spoolPrefix, seq, spoolSuffix) }

// openSpool opens dir, drops a torn final line and any line beyond the log's last sequence
// (records that did not survive a crash in the log must not be forwarded), counts the bytes
// not yet acknowledged (seq > acked), and returns the highest sequence it holds.
func openSpool(dir string, maxBytes int64, logLast, acked uint64) (*spool, uint64, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, 0, err
	}
	fileMax := min(max(maxBytes/16, 4<<10), 16<<20)
	s := &spool{dir: dir, max: maxBytes, fileMax: fileMax}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	for _, e := range ents {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, spoolPrefix) && strings.HasSuffix(n, spoolSuffix) {
			s.files = append(s.files, n)
		}
	}
	slices.Sort(s.files)
	var last uint64
	var unacked int64
	kept := s.files[:0]
	for _, name := range s.files {
		path := filepath.Join(dir, name)
		keep, lastSeq, pending, err := scanSpoolFile(path, logLast, acked)
		if err != nil {
			return nil, 0, err
		}
		if keep == 0 {
			if err := os.Remove(path); err != nil {
				return nil, 0, err
			}
			continue
		}
		if err := os.Truncate(path, keep); err != nil {
			return nil, 0, err
		}
		kept = append(kept, name)
		last, unacked = lastSeq, unacked+pending
	}
	s.files = kept
	s.bytes.Store(unacked)
	if len(s.files) > 0 {
		f, err := os.OpenFile(filepath.Join(dir, s.files[len(s.files)-1]), os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return nil, 0, err
		}
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, 0, err
		}
		s.cur, s.curSize = f, fi.Size()
	}
	return s, last, nil
}

// scanSpoolFile returns how many leading bytes of a spool file to keep (complete lines with
// seq <= logLast), the last kept sequence number, and the kept bytes with seq > acked.
func scanSpoolFile(path string, logLast, acked uint64) (keep int64, last uint64, pending int64, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, 0, err
	}
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			break // torn: a copy, the log still has it
		}
		seq, ok := lineSeq(b[:i])
		if !ok || seq > logLast {
			break
		}
		keep += int64(i + 1)
		if seq > acked {
			pending += int64(i + 1)
		}
		last = seq
		b = b[i+1:]
	}
	return keep, last, pending, nil
}

// lineSeq reads the sequence number from the start of a canonical line ({"seq":N,...}).
func lineSeq(line []byte) (uint64, bool) {
	const p = `{"seq":`
	if !bytes.HasPrefix(line, []byte(p)) {
		return 0, false
	}
	rest := line[len(p):]
	i := bytes.IndexByte(rest, ',')
	if i <= 0 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(rest[:i]), 10, 64)
	return n, err == nil
}

// acked releases the bound for n acknowledged bytes.
func (s *spool) acked(n int64) { s.bytes.Add(-n) }

// reserve fails when n more bytes would exceed the bound, before anything is written.
func (s *spool) reserve(n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return fmt.Errorf("%w: spool write failed earlier: %v", ErrSpoolFull, s.broken)
	}
	if s.bytes.Load()+int64(n) > s.max {
		return ErrSpoolFull
	}
	return nil
}

// write appends one line (with its newline). Called with the log's mutex held, so lines
// arrive in sequence order.
func (s *spool) write(seq uint64, line []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return s.broken
	}
	if s.cur == nil || s.curSize >= s.fileMax {
		name := spoolFileName(seq)
		f, err := os.OpenFile(filepath.Join(s.dir, name), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			s.broken = err
			return err
		}
		if s.cur != nil {
			s.cur.Close()
		}
		s.cur, s.curSize = f, 0
		s.files = append(s.files, name)
	}
	n, err := s.cur.Write(line)
	s.curSize += int64(n)
	s.bytes.Add(int64(n))
	if err != nil {
		s.broken = err
	}
	return err
}

// fileAfter returns the spool file following name ("" when name is the newest, or the
// first file when name is "").
func (s *spool) fileAfter(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if name == "" {
		if len(s.files) == 0 {
			return ""
		}
		return s.files[0]
	}
	i := slices.Index(s.files, name)
	if i < 0 || i+1 >= len(s.files) {
		return ""
	}
	return s.files[i+1]
}

// remove deletes a fully forwarded spool file that is no longer being written.
func (s *spool) remove(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.Index(s.files, name)
	if i < 0 || i == len(s.files)-1 {
		return nil
	}
	p := filepath.Join(s.dir, name)
	if err := os.Remove(p); err != nil {
		return err
	}
	s.files = slices.Delete(s.files, i, i+1)
	return nil
}

func (s *spool) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil {
		s.cur.Close()
		s.cur = nil
	}
}

type cursor struct {
	Seq uint64 `json:"seq"` // last sequence number the sink acknowledged
}

func readCursor(dir string) (uint64, error) {
	b, err := os.ReadFile(filepath.Join(dir, cursorName))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return 0, fmt.Errorf("audit: spool cursor: %w", err)
	}
	return c.Seq, nil
}

// writeCursor persists the acknowledged position. Not fsynced on purpose: a lost update only
// means a batch is offered again, which the sinks deduplicate.
func writeCursor(dir string, seq uint64) error {
	tmp := filepath.Join(dir, "."+cursorName+".tmp")
	b, _ := json.Marshal(cursor{Seq: seq})
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, cursorName))
}
