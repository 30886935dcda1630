package detect

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The flag has its own name so that it cannot clash with other golden tests of the package.
var updateScanGolden = flag.Bool("update-scan-golden", false, "rewrite the expected part of testdata/golden/*.txt")

const goldenSep = "----------\n"

// TestGolden scans every value listed above the separator of each testdata/golden/*.txt
// file and compares the findings with the lines below it (Caddyfile-adapt style). Run with
// -update-scan-golden after an intended change and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	s := newTestScanner(t, ScannerOptions{})
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		in, want, ok := strings.Cut(string(raw), goldenSep)
		if !ok {
			t.Fatalf("%s: no %q separator", file, strings.TrimSpace(goldenSep))
		}
		var got strings.Builder
		n := 0
		for lineNo, line := range strings.Split(in, "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			var v struct {
				Key, Label, Text string
				Number           bool
			}
			if err := json.Unmarshal([]byte(line), &v); err != nil {
				t.Fatalf("%s:%d: %v", file, lineNo+1, err)
			}
			n++
			text := []byte(v.Text)
			fs := s.ScanText(text, &Field{Key: v.Key, Label: v.Label, Number: v.Number}, nil)
			checkFindings(t, text, fs, DefaultThreshold)
			for _, f := range fs {
				fmt.Fprintf(&got, "%d %s %s %d %d %.2f %q\n", lineNo+1, v.Key, f.Type, f.Start, f.End, f.Score, text[f.Start:f.End])
			}
		}
		if *updateScanGolden {
			var b bytes.Buffer
			b.WriteString(in)
			b.WriteString(goldenSep)
			b.WriteString(got.String())
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got.String() != want {
			t.Errorf("%s (%d values): findings differ.\n--- got\n%s--- want\n%s", file, n, got.String(), want)
		}
	}
}
