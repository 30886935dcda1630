package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

const (
	segPrefix = "seg-"
	segSuffix = ".jsonl"
	tornExt   = ".torn"
)

// segmentName is seg-<first seq, 20 digits>.jsonl: names sort in sequence order, and a
// renamed or missing file shows as a gap or a mismatch between name and first record.
func segmentName(firstSeq uint64) string {
	return fmt.Sprintf("%s%020d%s", segPrefix, firstSeq, segSuffix)
}

// parseSegmentName returns the first sequence number a segment file name claims.
func parseSegmentName(name string) (uint64, bool) {
	if !strings.HasPrefix(name, segPrefix) || !strings.HasSuffix(name, segSuffix) {
		return 0, false
	}
	digits := name[len(segPrefix) : len(name)-len(segSuffix)]
	if len(digits) != 20 {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 64)
	if err != nil || n == 0 {
		return 0, false
	}
	return n, true
}

type segInfo struct {
	name     string
	path     string
	firstSeq uint64 // as the name claims
	size     int64
}

// listSegments returns the segment files of dir in sequence order, and how many torn side
// files lie beside them.
func listSegments(dir string) ([]segInfo, int, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, 0, err
	}
	var segs []segInfo
	torn := 0
	for _, e := range ents {
		if !e.Type().IsRegular() {
			continue
		}
		if strings.HasSuffix(e.Name(), tornExt) {
			torn++
			continue
		}
		seq, ok := parseSegmentName(e.Name())
		if !ok {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			return nil, 0, err
		}
		segs = append(segs, segInfo{name: e.Name(), path: filepath.Join(dir, e.Name()), firstSeq: seq, size: fi.Size()})
	}
	slices.SortFunc(segs, func(a, b segInfo) int {
		switch {
		case a.firstSeq < b.firstSeq:
			return -1
		case a.firstSeq > b.firstSeq:
			return 1
		}
		return 0
	})
	return segs, torn, nil
}
