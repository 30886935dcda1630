// Package policies holds the ready policies; this test rewrites golden payloads with each of
// them, per role, exactly as the proxy would, and compares with the expected output.
//
// A golden file (testdata/<policy>/<case>.txt) is:
//
//	route: POST /topapi/v2/user/get
//	direction: response
//
//	<input body>
//	---------- hr_admin
//	<expected output for hr_admin>
//	---------- payroll
//	<expected output for payroll>
//
// An expected section may be "REFUSED <reason> <type> <path>" when the policy refuses the
// call. Regenerate with `go test ./policies -update` and review the diff: a golden file is
// a statement of what each role may see.
package policies

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/boltstore"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

const sep = "----------"

type golden struct {
	route, direction string
	input            []byte
	roles            []string
	want             map[string][]byte
}

func parseGolden(t testing.TB, data []byte) golden {
	t.Helper()
	var g golden
	g.want = map[string][]byte{}
	head, rest, ok := bytes.Cut(data, []byte("\n\n"))
	if !ok {
		t.Fatal("golden file: no blank line after the header")
	}
	for _, line := range strings.Split(string(head), "\n") {
		k, v, _ := strings.Cut(line, ":")
		switch strings.TrimSpace(k) {
		case "route":
			g.route = strings.TrimSpace(v)
		case "direction":
			g.direction = strings.TrimSpace(v)
		case "roles":
			g.roles = strings.Fields(v)
		}
	}
	parts := bytes.Split(rest, []byte("\n"+sep+" "))
	g.input = bytes.TrimSpace(parts[0])
	for _, p := range parts[1:] {
		role, body, _ := bytes.Cut(p, []byte("\n"))
		r := strings.TrimSpace(string(role))
		if !contains(g.roles, r) {
			g.roles = append(g.roles, r)
		}
		g.want[r] = bytes.TrimSpace(body)
	}
	return g
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// fixedVault has fixed keys, so tokens in golden files are stable.
func fixedVault(t testing.TB) *vault.Vault {
	t.Helper()
	keys, err := vault.NewKeyring(bytes.Repeat([]byte{7}, 32), map[string][]byte{"k1": bytes.Repeat([]byte{9}, 32)}, "k1")
	if err != nil {
		t.Fatal(err)
	}
	store, err := boltstore.Open(filepath.Join(t.TempDir(), "v.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, err := vault.New(store, keys, vault.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v
}

func TestPoliciesLoad(t *testing.T) {
	files, _ := filepath.Glob("*.yaml")
	if len(files) < 4 {
		t.Fatalf("expected the ready policies, found %v", files)
	}
	if lines := policy.Check(files...); len(lines) > 0 {
		t.Fatalf("policy check:\n%s", strings.Join(lines, "\n"))
	}
}

func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	if len(dirs) == 0 {
		t.Fatal("no golden files")
	}
	v := fixedVault(t)
	for _, dir := range dirs {
		if filepath.Base(dir) == "fuzz" {
			continue // FuzzPolicies' seeds, not a policy's golden files
		}
		plan, engine := goldenEngine(t, filepath.Base(dir)+".yaml", v)
		cases, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, file := range cases {
			t.Run(strings.TrimPrefix(file, "testdata/"), func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				g := parseGolden(t, data)
				out := runCase(t, plan, engine, g)
				if *update {
					writeGolden(t, file, data, g, out)
					return
				}
				for _, role := range g.roles {
					if !bytes.Equal(out[role], g.want[role]) {
						t.Errorf("%s:\n got  %s\n want %s", role, out[role], g.want[role])
					}
				}
			})
		}
	}
}

// goldenEngine loads a ready policy and builds its rewrite engine as the proxy does, with a
// fixed hash key (hashes in golden files are stable).
func goldenEngine(t testing.TB, policyFile string, v *vault.Vault) (*policy.Plan, *rewrite.Engine) {
	t.Helper()
	plan, err := policy.Load(policyFile)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := proxy.New(plan, proxy.Options{Vault: v, HashKey: bytes.Repeat([]byte{5}, 32)})
	if err != nil {
		t.Fatal(err)
	}
	return plan, srv.Runtime().Engine
}

// goldenSide is the policy side a golden file rewrites: its route's request or response, the
// direction, and whether a request there crosses the border.
func goldenSide(t testing.TB, plan *policy.Plan, g golden) (*policy.Side, rewrite.Direction, bool) {
	t.Helper()
	method, path, _ := strings.Cut(g.route, " ")
	route, _, ok := proxy.MatchRoute(plan, method, path)
	if !ok {
		t.Fatalf("route %s not in the policy", g.route)
	}
	if g.direction == "request" {
		return route.Request, rewrite.Request, plan.Residency.CrossBorder(route.Upstream)
	}
	return route.Response, rewrite.Response, false
}

func runCase(t *testing.T, plan *policy.Plan, e *rewrite.Engine, g golden) map[string][]byte {
	t.Helper()
	side, dir, cross := goldenSide(t, plan, g)
	out := map[string][]byte{}
	for _, role := range g.roles {
		in := &rewrite.Input{Body: g.input, Kind: rewrite.JSON, Direction: dir, Side: side, Decisions: side.For([]string{role}),
			CrossBorder: cross, ForbidClear: plan.Residency.ForbidClear}
		o, err := e.Rewrite(context.Background(), in)
		switch {
		case err != nil:
			out[role] = []byte("ERROR " + err.Error())
		case o.Refusal != nil:
			out[role] = []byte(fmt.Sprintf("REFUSED %s %s %s", o.Refusal.Reason, o.Refusal.Type, o.Refusal.Path))
		default:
			if !json.Valid(o.Body) {
				t.Fatalf("%s: invalid JSON", role)
			}
			out[role] = o.Body
			checkMasked(t, role, o.Body, in.Decisions)
		}
	}
	return out
}

// checkMasked re-scans an output: identity numbers and cards that a role's detected actions
// do not let through in clear must not be found again (masked output never re-triggers a
// recognizer; DingTalk never receives them).
func checkMasked(t *testing.T, role string, out []byte, d *policy.Decisions) {
	t.Helper()
	eng, err := detect.NewEngine(detect.EngineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	eng.ScanJSON(out, func(r detect.Report) {
		switch r.Type {
		case detect.HKID, detect.CNID, detect.CreditCard:
		default:
			return
		}
		if a := d.Detected.For(r.Type); a != policy.ActionAllow && a != policy.ActionReveal {
			t.Errorf("%s: %s found again at %s although the role gets %s", role, r.Type, r.Path, a)
		}
	})
}

func writeGolden(t *testing.T, file string, data []byte, g golden, out map[string][]byte) {
	head, _, _ := bytes.Cut(data, []byte("\n\n"))
	var b bytes.Buffer
	b.Write(head)
	b.WriteString("\n\n")
	b.Write(g.input)
	b.WriteString("\n")
	for _, role := range g.roles {
		fmt.Fprintf(&b, "%s %s\n%s\n", sep, role, out[role])
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
