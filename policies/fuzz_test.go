package policies

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
)

// fuzzCase is one route, direction and role set of a golden file, with its policy's engine.
type fuzzCase struct {
	name   string
	plan   *policy.Plan
	engine *rewrite.Engine
	side   *policy.Side
	dir    rewrite.Direction
	cross  bool
	roles  []string
}

// FuzzPolicies rewrites any body through every ready policy's golden routes, for every role
// of the golden file, exactly as the proxy would: the result is an error, a refusal or valid
// JSON, and rewriting that output again changes nothing (DESIGN §5: masking is idempotent;
// the proxy's own output is never masked twice). The golden inputs are the seeds.
func FuzzPolicies(f *testing.F) {
	v := fixedVault(f)
	var cases []fuzzCase
	files, _ := filepath.Glob("testdata/*/*.txt")
	engines := map[string]*rewrite.Engine{}
	plans := map[string]*policy.Plan{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		g := parseGolden(f, data)
		f.Add(g.input)
		policyFile := filepath.Base(filepath.Dir(file)) + ".yaml"
		if engines[policyFile] == nil {
			plans[policyFile], engines[policyFile] = goldenEngine(f, policyFile, v)
		}
		plan := plans[policyFile]
		side, dir, cross := goldenSide(f, plan, g)
		c := fuzzCase{name: file, plan: plan, engine: engines[policyFile], side: side, dir: dir, cross: cross, roles: g.roles}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		f.Fatal("no golden files")
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, c := range cases {
			for _, role := range c.roles {
				in := &rewrite.Input{Body: body, Kind: rewrite.JSON, Direction: c.dir, Side: c.side,
					Decisions: c.side.For([]string{role}), CrossBorder: c.cross, ForbidClear: c.plan.Residency.ForbidClear}
				o, err := c.engine.Rewrite(context.Background(), in)
				if err != nil || o.Refusal != nil {
					continue
				}
				if !json.Valid(o.Body) {
					t.Fatalf("%s %s: invalid JSON out of %q: %q", c.name, role, body, o.Body)
				}
				in.Body = o.Body
				o2, err := c.engine.Rewrite(context.Background(), in)
				if err != nil {
					t.Fatalf("%s %s: rewriting the output failed: %v", c.name, role, err)
				}
				if o2.Refusal != nil {
					// What the first pass let through must not be refused on a second look:
					// a forbid_clear type left in clear, say.
					t.Fatalf("%s %s: output of %q refused when rewritten again (%s %s at %s):\n%s",
						c.name, role, body, o2.Refusal.Reason, o2.Refusal.Type, o2.Refusal.Path, o.Body)
				}
				if !bytes.Equal(o2.Body, o.Body) {
					t.Fatalf("%s %s: not idempotent on %q:\n%s\n%s", c.name, role, body, o.Body, o2.Body)
				}
			}
		}
	})
}
