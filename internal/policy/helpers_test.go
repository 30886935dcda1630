package policy

import (
	"strings"
	"testing"
)

// mustParse compiles an inline policy or fails the test with every error.
func mustParse(t testing.TB, src string) *Plan {
	t.Helper()
	p, err := Parse("inline.yaml", []byte(src))
	if err != nil {
		t.Fatalf("policy does not load:\n%v\n--- source\n%s", err, src)
	}
	return p
}

// parseErrors compiles an inline policy that must fail and returns its error lines.
func parseErrors(t testing.TB, src string) []string {
	t.Helper()
	p, err := Parse("inline.yaml", []byte(src))
	if err == nil {
		t.Fatalf("policy loaded (%d routes); want errors\n--- source\n%s", len(p.Routes), src)
	}
	le, ok := err.(*LoadError)
	if !ok {
		t.Fatalf("error is %T, want *LoadError", err)
	}
	return le.Lines()
}

// header is the start of a valid policy; tests append routes to it.
const header = `version: 1
roles: [hr_admin, payroll, support, bot]
upstreams:
  oapi: {url: https://oapi.dingtalk.com, region: cn}
  api: {url: https://api.dingtalk.com, region: cn}
routes:
`

func policyWith(routes string) string { return header + strings.TrimLeft(routes, "\n") }
