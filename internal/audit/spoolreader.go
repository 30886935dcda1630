package audit

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// spooled is one line read back from the spool.
type spooled struct {
	seq  uint64
	line []byte // without newline
	file string // spool file it came from
}

// spoolReader reads complete lines from the spool files in order, keeping a partial line at
// the end of the file being written until the rest arrives.
type spoolReader struct {
	sp      *spool
	name    string // file being read
	f       *os.File
	pending []byte
	buf     []byte
	done    []string // files read to the end, deleted once their lines are acknowledged
}

// read appends up to max complete lines to out. It moves to the next spool file only when
// the current one is exhausted and the writer has moved on to a newer one.
func (r *spoolReader) read(out []spooled, max int) ([]spooled, error) {
	if r.buf == nil {
		r.buf = make([]byte, 64<<10)
	}
	for len(out) < max {
		if r.f == nil {
			next := r.sp.fileAfter(r.name)
			if next == "" {
				return out, nil
			}
			f, err := os.Open(filepath.Join(r.sp.dir, next))
			if err != nil {
				return out, err
			}
			r.f, r.name, r.pending = f, next, r.pending[:0]
		}
		for len(out) < max {
			i := bytes.IndexByte(r.pending, '\n')
			if i < 0 {
				break
			}
			line := append([]byte(nil), r.pending[:i]...)
			r.pending = r.pending[i+1:]
			seq, ok := lineSeq(line)
			if !ok {
				return out, errors.New("audit: spool holds a line without a sequence number")
			}
			out = append(out, spooled{seq: seq, line: line, file: r.name})
		}
		if len(out) >= max {
			return out, nil
		}
		// Compact so pending does not grow with everything ever read.
		if len(r.pending) > 0 && cap(r.pending) > 4*len(r.pending)+(64<<10) {
			r.pending = append([]byte(nil), r.pending...)
		}
		n, err := r.f.Read(r.buf)
		if n > 0 {
			r.pending = append(r.pending, r.buf[:n]...)
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return out, err
		}
		// End of this file for now. Move on only if the writer has: then nothing more can be
		// appended here (rotation happens under the same lock as writes, so a re-read after
		// seeing the newer file catches any last bytes).
		if r.sp.fileAfter(r.name) == "" {
			return out, nil
		}
		if n2, _ := r.f.Read(r.buf); n2 > 0 {
			r.pending = append(r.pending, r.buf[:n2]...)
			continue
		}
		r.f.Close()
		r.f = nil
		r.done = append(r.done, r.name)
	}
	return out, nil
}

// release deletes the fully read files that hold no unacknowledged line: every done file
// older than oldest (the file of the first line still waiting, or the file being read).
func (r *spoolReader) release(oldest string) error {
	keep := r.done[:0]
	var firstErr error
	for _, name := range r.done {
		if oldest == "" || name < oldest {
			if err := r.sp.remove(name); err != nil && firstErr == nil {
				firstErr = err
			}
			continue
		}
		keep = append(keep, name)
	}
	r.done = keep
	return firstErr
}

func (r *spoolReader) close() {
	if r.f != nil {
		r.f.Close()
		r.f = nil
	}
}
