package policy

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*.errors from the current output")

// Each testdata/bad/NAME.yaml is a broken policy; NAME.errors holds the exact lines
// `proxy policy check` must print for it, one `file:line:col: message` per line.
func TestBadPoliciesGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad policies: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) {
			plan, err := Load(f)
			if err == nil {
				t.Fatalf("%s loaded (plan with %d routes); it must fail", f, len(plan.Routes))
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is %T, want *LoadError", err)
			}
			got := strings.Join(Check(f), "\n") + "\n"
			if got != err.Error()+"\n" {
				t.Fatalf("Check and Load disagree:\n%s\nvs\n%s", got, err.Error())
			}
			golden := strings.TrimSuffix(f, ".yaml") + ".errors"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run with -update and review it): %v", err)
			}
			if got != string(want) {
				t.Errorf("errors differ from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}
