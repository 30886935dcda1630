package audit

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
)

// maxLineBytes bounds one record line. Append's validation keeps real records far below it;
// anything longer is reported as malformed instead of being buffered without limit.
const maxLineBytes = 1 << 20

// rawLine is one line of a segment as read from disk.
type rawLine struct {
	segIdx  int
	lineNo  int   // 1-based within the segment
	off     int64 // byte offset of the line within the segment
	data    []byte
	torn    bool // the segment ended without a newline after these bytes
	tooLong bool // longer than maxLineBytes (data holds a prefix)
	first   bool // first line of its segment
}

// lineReader walks the lines of a list of segments in order.
type lineReader struct {
	segs   []segInfo
	idx    int
	f      *os.File
	br     *bufio.Reader
	off    int64
	lineNo int
	done   int64 // bytes consumed over all segments, for progress
	acc    []byte
}

func newLineReader(segs []segInfo) *lineReader { return &lineReader{segs: segs, idx: -1} }

func (lr *lineReader) close() {
	if lr.f != nil {
		lr.f.Close()
		lr.f = nil
	}
}

// next returns the next line (data is a fresh copy) or io.EOF after the last segment.
func (lr *lineReader) next() (rawLine, error) {
	for {
		if lr.f == nil {
			lr.idx++
			if lr.idx >= len(lr.segs) {
				return rawLine{}, io.EOF
			}
			f, err := os.Open(lr.segs[lr.idx].path)
			if err != nil {
				return rawLine{}, err
			}
			lr.f, lr.off, lr.lineNo = f, 0, 0
			if lr.br == nil {
				lr.br = bufio.NewReaderSize(f, 256<<10)
			} else {
				lr.br.Reset(f)
			}
		}
		ln, err := lr.readLine()
		if errors.Is(err, io.EOF) {
			lr.close()
			continue
		}
		return ln, err
	}
}

func (lr *lineReader) readLine() (rawLine, error) {
	lr.acc = lr.acc[:0]
	start := lr.off
	tooLong := false
	for {
		chunk, err := lr.br.ReadSlice('\n')
		if !tooLong {
			if len(lr.acc)+len(chunk) > maxLineBytes {
				lr.acc = append(lr.acc, chunk[:maxLineBytes-len(lr.acc)]...)
				tooLong = true
			} else {
				lr.acc = append(lr.acc, chunk...)
			}
		}
		n := int64(len(chunk))
		lr.done += n
		lr.off += n
		switch {
		case err == nil:
			return lr.emit(start, tooLong, false), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if lr.off == start {
				return rawLine{}, io.EOF
			}
			return lr.emit(start, tooLong, true), nil
		default:
			return rawLine{}, err
		}
	}
}

// emit builds the rawLine that started at byte start.
func (lr *lineReader) emit(start int64, tooLong, torn bool) rawLine {
	lr.lineNo++
	return rawLine{
		segIdx:  lr.idx,
		lineNo:  lr.lineNo,
		off:     start,
		data:    append([]byte(nil), bytes.TrimSuffix(lr.acc, []byte{'\n'})...),
		torn:    torn,
		tooLong: tooLong,
		first:   lr.lineNo == 1,
	}
}
