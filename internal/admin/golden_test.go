package admin

import (
	"context"
	"flag"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestDashboardGolden renders the page for fixed calls at a fixed time and compares it with
// testdata/dashboard.golden.html (go test -update to accept a deliberate change; open the
// file in a browser to review it).
func TestDashboardGolden(t *testing.T) {
	e := newEnv(t, func(c *Config) {
		c.Vault = func(context.Context) (VaultInfo, error) {
			return VaultInfo{Backend: "bolt", Entries: 42, SizeBytes: 1 << 20, DefaultRetention: 90 * 24 * time.Hour, PurgeEvery: time.Hour}, nil
		}
	})
	e.clock.Add(-5 * time.Minute)
	for range 3 {
		e.h.Record(fwd("user-get", "support", map[string]int{"hk_phone": 1, "email": 1, "person_name": 1}))
	}
	e.clock.Add(5 * time.Minute)
	e.h.Record(fwd("roster-query", "payroll", map[string]int{"hkid": 12, "date_of_birth": 12}))
	e.h.Record(telemetry.CallEvent{Status: 401, Decision: telemetry.DecisionUnauthenticated, Reason: "invalid_api_key"})
	e.h.Record(telemetry.CallEvent{Route: "robot-batch-send", Roles: []string{"bot"}, Status: 403, Decision: telemetry.DecisionBlocked, Reason: "block_types"})

	_, body := get(t, e.srv.Client(), e.srv.URL+"/dashboard", "X-Api-Key", adminKey)
	// The test server's port changes between runs.
	body = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(body, "127.0.0.1:PORT")
	golden := "testdata/dashboard.golden.html"
	if *update {
		if err := os.WriteFile(golden, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if body != string(want) {
		t.Errorf("the dashboard differs from %s; run go test -update and review the diff", golden)
	}
}
