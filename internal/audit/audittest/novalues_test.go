package audittest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder captures failures instead of failing the real test.
type recorder struct {
	testing.TB
	errs  []string
	fatal bool
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatalf(f string, a ...any) {
	r.fatal = true
	r.errs = append(r.errs, fmt.Sprintf(f, a...))
	panic(r)
}
func run(dir string, values []string) (r *recorder) {
	r = &recorder{}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	AssertNoValues(r, dir, values)
	return r
}

func TestAssertNoValues(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "spool"), 0o700)
	os.WriteFile(filepath.Join(dir, "seg.jsonl"), []byte(`{"counts":{"hkid":1},"caller":"hr-portal"}`+"\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "spool", "a.jsonl"), []byte(`{"note":"Chan \"Tai\" Man"}`), 0o600)
	os.WriteFile(filepath.Join(dir, "export.html"), []byte(`<td>O&#39;Brien &amp; Co</td>`), 0o600)
	big := strings.Repeat("x", 3<<20) + "A123456(3)" + strings.Repeat("y", 10)
	os.WriteFile(filepath.Join(dir, "big.json"), []byte(big), 0o600)

	tests := []struct {
		name   string
		values []string
		want   int // failures expected
	}{
		{"clean", []string{"91234567", "Z683365(5)"}, 0},
		{"json-escaped value in a nested dir", []string{`Chan "Tai" Man`}, 1},
		{"html-escaped value", []string{"O'Brien & Co"}, 1},
		{"value across a chunk boundary in a large file", []string{"A123456(3)"}, 1},
		{"two values, one found", []string{"hr-portal", "nothing-here"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(dir, tt.values)
			if len(r.errs) != tt.want || r.fatal {
				t.Fatalf("failures %q (fatal %v), want %d", r.errs, r.fatal, tt.want)
			}
			for _, e := range r.errs {
				for _, v := range tt.values {
					if strings.Contains(e, v) {
						t.Fatalf("failure message quotes the value: %s", e)
					}
				}
			}
		})
	}
}

func TestAssertNoValuesRefusesVacuousChecks(t *testing.T) {
	if r := run(t.TempDir(), []string{"91234567"}); !r.fatal {
		t.Error("an empty directory passed")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "f"), []byte("data"), 0o600)
	if r := run(dir, []string{"abc"}); !r.fatal {
		t.Error("a 3-byte value was accepted")
	}
	if r := run(filepath.Join(dir, "missing"), []string{"91234567"}); !r.fatal {
		t.Error("a missing directory passed")
	}
}
