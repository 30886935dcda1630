package policy

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Big (but legal) policies load in bounded time; those past the caps fail fast with one
// error per cap rather than grinding through quadratic checks.
func TestLargePolicies(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	var b strings.Builder
	b.WriteString("version: 1\nroles: [")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "r%d, ", i)
	}
	b.WriteString("admin]\nupstreams: {oapi: {url: https://oapi.dingtalk.com, region: cn}}\ncallers:\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "  - {id: c%d, api_key_sha256: %064x, roles: [r%d, r%d, admin]}\n", i, i+1, i%100, (i*7+1)%100)
	}
	b.WriteString("routes:\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "  - name: route-%d\n    match: {upstream: oapi, method: POST, path: \"/api/%d/{id}\"}\n    response:\n      fields:\n", i, i)
		for j := 0; j < 10; j++ {
			fmt.Fprintf(&b, "        - {path: result.f%d, action: {r%d: allow, admin: mask, default: redact}}\n", j, (i+j)%100)
		}
		b.WriteString("      detected: {admin: mask, default: redact}\n")
	}
	start := time.Now()
	p := mustParse(t, b.String())
	t.Logf("%d bytes, %d routes: loaded in %v", b.Len(), len(p.Routes), time.Since(start))
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("a %d-byte policy took %v to load", b.Len(), d)
	}
	r, params, ok := p.Match("oapi", "POST", "/api/399/x")
	if !ok || r.Name != "route-399" || params["id"] != "x" {
		t.Fatalf("match in a large policy: %v %v", r, params)
	}
	d := r.Response.For(p.Callers[299].Roles)
	if d != r.Response.For(p.Callers[299].Roles) || d.Fields[1].Action != ActionMask || d.Fields[0].Action != ActionAllow {
		t.Errorf("decisions past the precompute budget: %+v %+v", d.Fields[0], d.Fields[1])
	}

	// Past the caps: 20 000 field rules in one direction, 300 roles.
	var h strings.Builder
	h.WriteString("version: 1\nroles: [")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&h, "q%d, ", i)
	}
	h.WriteString("z]\nupstreams: {oapi: {url: https://oapi.dingtalk.com, region: cn}}\nroutes:\n  - name: r\n    match: {upstream: oapi, method: POST, path: /r}\n    response:\n      fields:\n")
	for j := 0; j < 20000; j++ {
		fmt.Fprintf(&h, "        - {path: f%d, action: allow}\n", j%50)
	}
	start = time.Now()
	lines := parseErrors(t, h.String())
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("over-cap policy took %v", d)
	}
	joined := strings.Join(lines, "\n")
	for _, want := range []string{"roles[256]: at most 256 roles", "fields[64]: at most 64 field rules per direction", "same path as rule 0 above"} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in\n%s", want, joined)
		}
	}
}
