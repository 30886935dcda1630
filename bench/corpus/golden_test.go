package corpus

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// The corpus is a published benchmark: a change to what seed 1 generates must be a
// reviewed diff of this file (payloads, a ---------- line, then their truth lines).
func TestGoldenSeed1(t *testing.T) {
	var b strings.Builder
	for i := range 6 {
		p := generateFile(1, i)
		b.WriteString("== " + p.name + "\n")
		b.Write(p.data)
		if !strings.HasSuffix(string(p.data), "\n") {
			b.WriteString("\n")
		}
		b.WriteString("----------\n")
		for _, l := range p.truth {
			b.WriteString(l.Path + " " + l.Type + " " + itoa(int64(l.Start)) + " " + itoa(int64(l.End)) + "\n")
		}
	}
	path := filepath.Join("testdata", "seed1.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update once to create it)", err)
	}
	if b.String() != string(want) {
		t.Error("seed 1 corpus changed; review the diff and run go test -update")
	}
}
