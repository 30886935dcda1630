package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
)

// simUserList is the simulator's answer to POST /topapi/v2/user/list for one page, the
// body the proxy rewrites in `make bench-proxy`.
func simUserList(b *testing.B, size int) []byte {
	b.Helper()
	cfg := sim.DefaultConfig()
	cfg.Gzip, cfg.Record = false, 0
	s, err := sim.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	get := func(method, target, body string) []byte {
		r := httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d", target, w.Code)
		}
		out, _ := io.ReadAll(w.Body)
		return out
	}
	var tok struct {
		Token string `json:"access_token"`
	}
	if err := json.Unmarshal(get("GET", "/gettoken?appkey="+cfg.AppKey+"&appsecret="+cfg.AppSecret, ""), &tok); err != nil {
		b.Fatal(err)
	}
	return get("POST", "/topapi/v2/user/list?access_token="+tok.Token, fmt.Sprintf(`{"dept_id":1,"cursor":0,"size":%d}`, size))
}

// BenchmarkDemoUserList is the proxy's response work on the simulator's user/list pages
// with policies/demo.yaml, per role, beside encoding/json.Valid on the same bytes: the
// engine share of `make bench-proxy`.
//
//	go test -run '^$' -bench DemoUserList -benchmem ./bench/
func BenchmarkDemoUserList(b *testing.B) {
	plan, err := policy.Load(filepath.Join("..", "policies", "demo.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	route, _, ok := plan.Match("oapi", "POST", "/topapi/v2/user/list")
	if !ok {
		b.Fatal("demo policy has no user/list route")
	}
	e := rewrite.New(rewriteConfig(b, plan.Recognizers, true))
	for _, page := range []struct {
		name string
		size int
	}{{"4KiB", 6}, {"64KiB", 96}} {
		body := simUserList(b, page.size)
		b.Run(page.name+"/json.Valid", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if !json.Valid(body) {
					b.Fatal("invalid")
				}
			}
		})
		for _, role := range []string{"hr_admin", "payroll", "support"} {
			dec := route.Response.For([]string{role})
			b.Run(page.name+"/"+role, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for b.Loop() {
					in := rewrite.Input{Body: body, Kind: rewrite.JSON, Direction: rewrite.Response, Side: route.Response, Decisions: dec}
					if _, err := e.Rewrite(context.Background(), &in); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
