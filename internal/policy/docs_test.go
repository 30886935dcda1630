package policy

import (
	"os"
	"strings"
	"testing"
)

// Every complete policy shown in docs/policy.md (a yaml block starting with "version: 1")
// loads, so the documentation cannot drift from the loader.
func TestDocExamplesLoad(t *testing.T) {
	doc, err := os.ReadFile("../../docs/policy.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(doc), "```yaml\n")
	n := 0
	for _, b := range blocks[1:] {
		body, _, _ := strings.Cut(b, "```")
		if !strings.HasPrefix(body, "version: 1") {
			continue
		}
		n++
		if _, err := Parse("docs/policy.md example", []byte(body)); err != nil {
			t.Errorf("example %d does not load:\n%v\n%s", n, err, body)
		}
	}
	if n == 0 {
		t.Fatal("no complete example found in docs/policy.md")
	}
}
