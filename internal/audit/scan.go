package audit

import (
	"fmt"
	"io"
)

// TamperError is returned by Open when the active segment is damaged somewhere other than a
// torn final record: that is not a crash artefact, so the log refuses to append after it.
// Run Verify for the full picture; to resume, preserve the segment as evidence and move it
// out of the directory (Verify will then report the gap as a deletion until it is restored).
type TamperError struct {
	Segment string
	Line    int
	Offset  int64
	Why     string
}

func (e *TamperError) Error() string {
	return fmt.Sprintf("audit: segment %s line %d (offset %d): %s; run `proxy audit verify` and preserve the file before moving it aside", e.Segment, e.Line, e.Offset, e.Why)
}

// segScan is what Open needs to know about a segment to continue appending to it.
type segScan struct {
	records  int
	last     *Record // last valid record
	lastCP   *Record // last checkpoint in the segment
	sinceCP  int     // records after lastCP
	first    *Record
	validEnd int64 // offset just after the last valid line
	tornOff  int64 // -1 when the segment ends cleanly
	tornLen  int64
}

// scanSegment reads one segment completely, checking every line's canonical form, hash,
// MAC and its link to the line before. prevSeq/prevHash describe the record before the
// segment's first one when known (prevSeq 0: unknown, not checked).
func scanSegment(seg segInfo, hs *hasher, prevSeq uint64, prevHash string) (*segScan, error) {
	lr := newLineReader([]segInfo{seg})
	defer lr.close()
	st := &segScan{tornOff: -1}
	var scratch []byte
	for {
		ln, err := lr.next()
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return nil, err
		}
		if ln.torn {
			st.tornOff, st.tornLen = ln.off, int64(len(ln.data))
			return st, nil
		}
		bad := func(why string) error {
			return &TamperError{Segment: seg.name, Line: ln.lineNo, Offset: ln.off, Why: why}
		}
		if ln.tooLong {
			return nil, bad("line longer than any record")
		}
		r := new(Record)
		if scratch, err = parseLine(ln.data, r, scratch); err != nil {
			return nil, bad("not a canonical record")
		}
		if hs.hashLine(ln.data) != r.Hash {
			return nil, bad("content does not match its hash")
		}
		if hs.mac != nil && !hs.checkMAC(r) {
			return nil, bad("MAC does not verify")
		}
		switch {
		case st.last != nil:
			if r.Seq != st.last.Seq+1 || r.Prev != st.last.Hash {
				return nil, bad("does not chain to the record before it")
			}
		case r.Seq != seg.firstSeq:
			return nil, bad(fmt.Sprintf("first record has seq %d, the file name says %d", r.Seq, seg.firstSeq))
		case prevSeq != 0 && (r.Seq != prevSeq+1 || r.Prev != prevHash):
			return nil, bad("first record does not chain to the previous segment")
		}
		if st.first == nil {
			st.first = r
		}
		st.last = r
		st.records++
		st.validEnd = ln.off + int64(len(ln.data)) + 1
		if r.Kind == KindCheckpoint {
			st.lastCP, st.sinceCP = r, 0
		} else {
			st.sinceCP++
		}
	}
}
