package admin

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// tailBlock is how much of a segment is read per step when walking it backwards.
const tailBlock = 64 << 10

// maxTailLine bounds one line held while walking backwards (real records are a few KiB;
// the audit reader's own limit is 1 MiB).
const maxTailLine = 1 << 20

// ReadRecent returns up to n of the newest records of the audit log in dir (checkpoints
// left out), newest first, and how many lines it skipped because they did not decode. It
// reads only the end of the newest segments, so its cost does not grow with the log. The
// records are as found on disk: the chain status (Verify) says whether the log is intact.
// A directory without segments yields no records and no error.
func ReadRecent(dir string, n int) ([]*audit.Record, int, error) {
	segs, err := segmentsNewestFirst(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, 0, nil
		}
		return nil, 0, err
	}
	var out []*audit.Record
	skipped := 0
	for _, path := range segs {
		if len(out) >= n {
			break
		}
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // removed by retention meanwhile
			}
			return out, skipped, err
		}
		fi, err := f.Stat()
		if err == nil {
			var long int
			long, err = eachLineBackward(f, fi.Size(), tailBlock, func(line []byte) bool {
				r, perr := audit.ParseLine(line)
				switch {
				case perr != nil:
					skipped++
				case r.Kind != audit.KindCheckpoint:
					out = append(out, r)
				}
				return len(out) < n
			})
			skipped += long
		}
		f.Close()
		if err != nil {
			return out, skipped, err
		}
	}
	return out, skipped, nil
}

// segmentsNewestFirst lists dir's segment files (seg-<20 digits>.jsonl, docs/audit.md),
// the newest first. The zero-padded names sort in sequence order.
func segmentsNewestFirst(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, "seg-") || !strings.HasSuffix(name, ".jsonl") {
			continue
		}
		digits := name[len("seg-") : len(name)-len(".jsonl")]
		if len(digits) != 20 || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		names = append(names, name)
	}
	slices.Sort(names)
	slices.Reverse(names)
	for i, n := range names {
		names[i] = filepath.Join(dir, n)
	}
	return names, nil
}

// eachLineBackward calls fn with every complete line of the first size bytes of r, the last
// line first, without its newline, until fn returns false. Bytes after the last newline (a
// record being written) are not a line. Lines longer than maxTailLine are skipped and
// counted. fn must not keep line.
func eachLineBackward(r io.ReaderAt, size int64, block int, fn func(line []byte) bool) (skipped int, err error) {
	var carry []byte // the part of a line already read, from some offset up to its end
	tooLong := false // carry overflowed: drop the line when its start is found
	seenNewline := false
	buf := make([]byte, block)
	pos := size
	emit := func(line []byte) bool {
		switch {
		case !seenNewline:
			// Bytes after the final newline: an incomplete record, not a line.
			seenNewline = true
			return true
		case tooLong || len(line) > maxTailLine:
			skipped++
			return true
		}
		return fn(line)
	}
	for pos > 0 {
		n := int64(block)
		if pos < n {
			n = pos
		}
		pos -= n
		chunk := buf[:n]
		if _, err := r.ReadAt(chunk, pos); err != nil && !errors.Is(err, io.EOF) {
			return skipped, err
		}
		end := len(chunk)
		for {
			i := bytes.LastIndexByte(chunk[:end], '\n')
			if i < 0 {
				break
			}
			line := chunk[i+1 : end]
			if len(carry) > 0 {
				line = append(append(make([]byte, 0, len(line)+len(carry)), line...), carry...)
			}
			if !emit(line) {
				return skipped, nil
			}
			carry, tooLong = carry[:0], false
			end = i
		}
		if !tooLong {
			if len(carry)+end > maxTailLine {
				tooLong, carry = true, carry[:0]
			} else {
				carry = append(append(make([]byte, 0, end+len(carry)), chunk[:end]...), carry...)
			}
		}
	}
	if seenNewline {
		emit(carry) // the first line of the file
	}
	return skipped, nil
}
