package rewrite

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRewrite checks, for any JSON body and every role, that the rewrite either fails with
// an error (the proxy then forwards nothing) or gives valid JSON, and that rewriting its own
// output again changes nothing (masking is idempotent).
func FuzzRewrite(f *testing.F) {
	f.Add([]byte(userGet))
	f.Add([]byte(`{"result":{"list":[{"job":"A123456(3)","mobile":91234567}],"remark":"{\"id\":\"K382716(A)\"}"}}`))
	files, _ := filepath.Glob("../../../shared/dingtalk/samples/*.json")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	fx := newFixture(f)
	r, _ := fx.plan.RouteByName("user-get")
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, role := range []string{"hr", "payroll", "support"} {
			in := &Input{Body: body, Kind: JSON, Direction: Response, Side: r.Response, Decisions: r.Response.For([]string{role})}
			o, err := fx.engine.Rewrite(context.Background(), in)
			if err != nil || o.Refusal != nil {
				continue
			}
			if !json.Valid(o.Body) {
				t.Fatalf("%s: invalid JSON out of %q: %q", role, body, o.Body)
			}
			in.Body = o.Body
			o2, err := fx.engine.Rewrite(context.Background(), in)
			if err != nil {
				t.Fatalf("%s: rewriting the output failed: %v", role, err)
			}
			if string(o2.Body) != string(o.Body) {
				t.Fatalf("%s: not idempotent on %q:\n%s\n%s", role, body, o.Body, o2.Body)
			}
		}
	})
}
