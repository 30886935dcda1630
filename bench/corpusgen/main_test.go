package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunFlags(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-bogus"}, &out, &errb); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code := run([]string{"-n", "100001", "-out", t.TempDir()}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "-n must be") {
		t.Errorf("too many files: exit %d, stderr %q", code, errb.String())
	}
	if code := run([]string{"-out", t.TempDir(), "extra"}, &out, &errb); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
	out.Reset()
	d := t.TempDir()
	if code := run([]string{"-seed", "3", "-n", "5", "-out", d}, &out, &errb); code != 0 || !strings.Contains(out.String(), "wrote 5 files") {
		t.Errorf("good run: exit %d, stdout %q", code, out.String())
	}
}
