package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReplaceBlock(t *testing.T) {
	block := func(text string) string { return blockBegin + "\n" + text + "\n" + blockEnd + "\n" }
	for _, tc := range []struct{ name, doc, want string }{
		{
			"no section",
			"# Benchmark results\n\n## Engine\n\nfast\n",
			"# Benchmark results\n\n## Engine\n\nfast\n\n## Proxy load\n\n" + block("NEW"),
		},
		{
			"empty section before another",
			"# R\n\n## Proxy load\n\n## Accuracy\n\n99%\n",
			"# R\n\n## Proxy load\n\n" + block("NEW") + "\n## Accuracy\n\n99%\n",
		},
		{
			"hand-written text, no block yet",
			"# R\n\n## Proxy load\n\nAnalysis by hand.\n\n## Accuracy\n",
			"# R\n\n## Proxy load\n\n" + block("NEW") + "\nAnalysis by hand.\n\n## Accuracy\n",
		},
		{
			"block replaced, analysis kept",
			"# R\n\n## Proxy load\n\n" + block("OLD\nlines") + "\nAnalysis by hand.\n\n## Accuracy\n\n99%\n",
			"# R\n\n## Proxy load\n\n" + block("NEW") + "\nAnalysis by hand.\n\n## Accuracy\n\n99%\n",
		},
		{
			"markers in another section are not ours",
			"# R\n\n## Other\n\n" + block("THEIRS") + "\n## Proxy load\n\ntext\n",
			"# R\n\n## Other\n\n" + block("THEIRS") + "\n## Proxy load\n\n" + block("NEW") + "\ntext\n",
		},
		{
			"section last, heading without newline",
			"# R\n\n## Proxy load",
			"# R\n\n## Proxy load\n\n" + block("NEW"),
		},
	} {
		got := replaceBlock(tc.doc, "NEW\n")
		if got != tc.want {
			t.Errorf("%s:\n got: %q\nwant: %q", tc.name, got, tc.want)
		}
		if again := replaceBlock(got, "NEW\n"); again != got {
			t.Errorf("%s: not idempotent:\n%q\n%q", tc.name, got, again)
		}
	}
}

func TestUpdateResultsCreatesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "RESULTS.md")
	if err := updateResults(path, "### Proxy load, today\n\nnumbers\n"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "# Benchmark results\n\n## Proxy load\n\n"+blockBegin) || !strings.Contains(string(b), "numbers") {
		t.Fatalf("file: %q", b)
	}
}
