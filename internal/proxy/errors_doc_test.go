package proxy

import (
	"os"
	"regexp"
	"testing"
)

// TestEveryReasonIsDocumented keeps docs/errors.md true: every Reason constant of the
// package has a row there, and the table names no reason the code does not have.
func TestEveryReasonIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/errors.md")
	if err != nil {
		t.Fatal(err)
	}
	constRe := regexp.MustCompile(`(?m)^\s+Reason\w+\s+=\s+"([a-z_]+)"`)
	code := map[string]bool{}
	for _, f := range []string{"errors.go", "forward.go"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range constRe.FindAllStringSubmatch(string(src), -1) {
			code[m[1]] = true
		}
	}
	if len(code) < 15 {
		t.Fatalf("found only %d reasons in the source: the pattern is stale", len(code))
	}
	rowRe := regexp.MustCompile("(?m)^\\| \\d{3} \\| `([a-z_]+)` \\|")
	documented := map[string]bool{}
	for _, m := range rowRe.FindAllStringSubmatch(string(doc), -1) {
		documented[m[1]] = true
	}
	for r := range code {
		if !documented[r] {
			t.Errorf("reason %q has no row in docs/errors.md", r)
		}
	}
	for r := range documented {
		if !code[r] {
			t.Errorf("docs/errors.md documents %q, which the proxy never answers with", r)
		}
	}
}
