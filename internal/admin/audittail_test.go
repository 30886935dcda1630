package admin

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// forwardLines is the reference: the complete lines of data, last first.
func forwardLines(data []byte) []string {
	parts := strings.Split(string(data), "\n")
	parts = parts[:len(parts)-1] // after the last newline: not a line
	slices.Reverse(parts)
	return parts
}

func backwardLines(t testing.TB, data []byte, block int) []string {
	var got []string
	_, err := eachLineBackward(bytes.NewReader(data), int64(len(data)), block, func(l []byte) bool {
		got = append(got, string(l))
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestEachLineBackward(t *testing.T) {
	tests := []string{"", "a", "a\n", "a\nb", "a\nb\n", "\n\n", "abc\ndefgh\nij\n", "abc\ndefgh\nij\ntorn", "x\n\ny\n"}
	for _, in := range tests {
		for _, block := range []int{1, 2, 3, 7, 64} {
			got := backwardLines(t, []byte(in), block)
			if want := forwardLines([]byte(in)); !slices.Equal(got, want) {
				t.Errorf("%q block %d: %q, want %q", in, block, got, want)
			}
		}
	}
	// Stopping early.
	n := 0
	eachLineBackward(strings.NewReader("a\nb\nc\n"), 6, 2, func([]byte) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("fn called %d times after returning false", n)
	}
	// An over-long line is skipped and counted; its neighbours survive.
	long := strings.Repeat("x", maxTailLine+10)
	data := []byte("first\n" + long + "\nlast\n")
	var got []string
	skipped, _ := eachLineBackward(bytes.NewReader(data), int64(len(data)), 4096, func(l []byte) bool {
		got = append(got, string(l))
		return true
	})
	if skipped != 1 || !slices.Equal(got, []string{"last", "first"}) {
		t.Errorf("long line: skipped %d, %d lines (want last, first)", skipped, len(got))
	}
}

func FuzzEachLineBackward(f *testing.F) {
	f.Add([]byte("a\nbb\nccc\n"), uint8(2))
	f.Add([]byte("\n\n\nx"), uint8(1))
	f.Add([]byte(`{"seq":1}`+"\n"+`{"seq":2}`), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, block uint8) {
		b := int(block)%97 + 1
		got := backwardLines(t, data, b)
		if want := forwardLines(data); !slices.Equal(got, want) {
			t.Fatalf("block %d: %q, want %q", b, got, want)
		}
	})
}

// writeLog appends records to a fresh audit log and closes it.
func writeLog(t *testing.T, dir string, recs ...*audit.Record) {
	t.Helper()
	l, err := audit.Open(audit.Config{Dir: dir, Replica: "test", CheckpointEvery: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := l.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
}

func callRecord(i int) *audit.Record {
	return &audit.Record{Kind: audit.KindCall, RequestID: fmt.Sprintf("req%04d", i), Caller: "demo-support",
		Roles: []string{"support"}, Route: "user-get", Method: "POST", Decision: audit.DecisionForwarded,
		Status: 200, Counts: map[string]int{"hk_phone": 1}, Actions: map[string]int{"redact": 1}}
}

func TestReadRecent(t *testing.T) {
	dir := t.TempDir()
	if recs, skipped, err := ReadRecent(filepath.Join(dir, "missing"), 10); err != nil || len(recs) != 0 || skipped != 0 {
		t.Fatalf("missing dir: %v %d %v", recs, skipped, err)
	}
	var recs []*audit.Record
	for i := range 12 {
		recs = append(recs, callRecord(i))
	}
	writeLog(t, dir, recs...)
	got, skipped, err := ReadRecent(dir, 5)
	if err != nil || skipped != 0 {
		t.Fatalf("ReadRecent: %v, skipped %d", err, skipped)
	}
	if len(got) != 5 {
		t.Fatalf("%d records, want 5", len(got))
	}
	for i, r := range got {
		if want := fmt.Sprintf("req%04d", 11-i); r.RequestID != want || r.Kind != audit.KindCall {
			t.Errorf("record %d: %s %s, want %s", i, r.Kind, r.RequestID, want)
		}
	}
	all, _, _ := ReadRecent(dir, 100)
	if len(all) != 12 {
		t.Errorf("all: %d records, want 12 (checkpoints left out)", len(all))
	}

	// A second segment (reopened log) is read first; a damaged line is skipped and counted;
	// a torn tail is not a record.
	writeLog(t, dir, callRecord(12))
	segs, _ := segmentsNewestFirst(dir)
	f, err := os.OpenFile(segs[0], os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{\"seq\":999,\"not\":\"canonical\"}\n{\"seq\":1000,\"torn")
	f.Close()
	got, skipped, err = ReadRecent(dir, 3)
	if err != nil || skipped != 1 {
		t.Fatalf("damaged: %v, skipped %d", err, skipped)
	}
	if len(got) != 3 || got[0].RequestID != "req0012" || got[1].RequestID != "req0011" {
		t.Errorf("across segments: %v", ids(got))
	}
	for _, r := range got {
		if r.Time.After(time.Now().Add(time.Minute)) || r.Time.IsZero() {
			t.Errorf("record time %v", r.Time)
		}
	}
}

func ids(rs []*audit.Record) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.RequestID)
	}
	return out
}
