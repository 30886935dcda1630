package audittest

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// Records returns every record of the segments in dir, oldest first, each parsed with
// audit.ParseLine (so a non-canonical line fails t). Close the log first: the active
// segment's last lines may not be written before.
func Records(t testing.TB, dir string) []*audit.Record {
	t.Helper()
	segs, err := filepath.Glob(filepath.Join(dir, "seg-*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) == 0 {
		t.Fatalf("audittest.Records: no segment in %s", dir)
	}
	var out []*audit.Record
	for _, name := range segs { // Glob sorts; segment names sort in sequence order
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		for sc.Scan() {
			r, err := audit.ParseLine(sc.Bytes())
			if err != nil {
				f.Close()
				t.Fatalf("%s: %v", filepath.Base(name), err)
			}
			out = append(out, r)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
