package sim

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestUnknownPathsAndMethods(t *testing.T) {
	c := newSim(t)
	tok := c.appToken()
	cases := []struct {
		name   string
		rq     req
		status int
		check  func(m map[string]any) bool
	}{
		{"legacy unknown ApiName", req{Path: "/topapi/flow/Form/save?access_token=" + tok}, 200, func(m map[string]any) bool {
			return m["errcode"] == float64(22) && m["sub_msg"] == "不合法ApiName，ApiName = dingtalk.oapi.flow.Form.save" &&
				m["errmsg"] == "Invalid method[dingtalk.oapi.flow.Form.save]" && m["request_id"] != nil
		}},
		{"legacy wrong method", req{Method: "GET", Path: "/topapi/v2/user/get?access_token=" + tok}, 200, func(m map[string]any) bool {
			return m["errcode"] == float64(22)
		}},
		{"legacy root", req{Method: "GET", Path: "/"}, 200, func(m map[string]any) bool { return m["errcode"] == float64(22) }},
		{"v1.0 unknown", req{Path: "/v1.0/contact/users/search", Header: map[string]string{tokenHeader: tok}}, 404, func(m map[string]any) bool {
			return m["code"] == "InvalidAction.NotFound" && m["requestid"] != nil && m["message"] != nil
		}},
		{"v1.0 wrong method", req{Method: "DELETE", Path: "/v1.0/workflow/processInstances"}, 404, func(m map[string]any) bool {
			return m["code"] == "InvalidAction.NotFound"
		}},
		{"v2.0 unknown", req{Method: "GET", Path: "/v2.0/anything"}, 404, func(m map[string]any) bool {
			return m["code"] == "InvalidAction.NotFound"
		}},
		{"sim unknown", req{Method: "GET", Path: "/_sim/nope"}, 404, func(m map[string]any) bool { return m["error"] != nil }},
		{"sim employee out of range", req{Method: "GET", Path: "/_sim/employees/50"}, 404, func(m map[string]any) bool { return m["error"] != nil }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(tc.rq)
			if r.Status != tc.status || !tc.check(r.json(t)) {
				t.Errorf("HTTP %d %s", r.Status, r.Body)
			}
		})
	}
}

func TestSimEndpoints(t *testing.T) {
	c := newSim(t, func(c *Config) { c.Seed = 7 })
	var h Health
	if err := json.Unmarshal(c.do(req{Method: "GET", Path: "/_sim/healthz"}).Body, &h); err != nil || h.Status != "ok" || h.Employees != 50 || h.Seed != 7 {
		t.Fatalf("healthz %+v %v", h, err)
	}
	e := c.employee(12)
	if e.Index != 12 || e.UserID == "" || e.HKID+e.CNID == "" || e.ProcessInstanceID == "" {
		t.Errorf("employee record %+v", e)
	}
	byID := c.do(req{Method: "GET", Path: "/_sim/employees/" + e.UserID})
	var e2 EmployeeRecord
	if err := json.Unmarshal(byID.Body, &e2); err != nil || e2.Index != 12 {
		t.Errorf("lookup by userid gave %+v", e2)
	}
}

func TestGzipResponses(t *testing.T) {
	for _, on := range []bool{true, false} {
		t.Run(fmt.Sprint("gzip=", on), func(t *testing.T) {
			c := newSim(t, func(c *Config) { c.Gzip = on })
			tok := c.appToken()
			plain := c.do(req{Path: "/topapi/v2/user/list?access_token=" + tok, Body: `{"dept_id":1,"cursor":0,"size":20}`})
			r := c.do(req{Path: "/topapi/v2/user/list?access_token=" + tok, Body: `{"dept_id":1,"cursor":0,"size":20}`,
				Header: map[string]string{"Accept-Encoding": "br;q=1.0, gzip;q=0.8"}})
			if got := r.Header.Get("Content-Encoding"); (got == "gzip") != on {
				t.Fatalf("Content-Encoding %q with gzip %v", got, on)
			}
			if plain.Header.Get("Content-Encoding") != "" {
				t.Fatal("compressed without Accept-Encoding")
			}
			body := r.Body
			if on {
				zr, err := gzip.NewReader(bytes.NewReader(r.Body))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
				if len(r.Body) >= len(plain.Body) || r.Header.Get("Content-Length") != fmt.Sprint(len(r.Body)) {
					t.Errorf("gzip %d bytes vs plain %d, Content-Length %s", len(r.Body), len(plain.Body), r.Header.Get("Content-Length"))
				}
			}
			if !bytes.Equal(body, plain.Body) {
				t.Error("decoded gzip answer differs from the plain one")
			}
		})
	}
}

func TestAcceptsGzip(t *testing.T) {
	cases := map[string]bool{
		"": false, "gzip": true, "GZIP": true, "deflate, gzip;q=0.5": true, "gzip;q=0": false,
		"gzip; q=0.0": false, "br": false, "*": true, "x-gzip": true, "identity": false,
	}
	for h, want := range cases {
		if got := acceptsGzip(h); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestRequestBodyCodings(t *testing.T) {
	c := newSim(t)
	tok := c.appToken()
	body := `{"userid":"` + c.employee(0).UserID + `"}`
	encode := map[string]func(io.Writer) io.WriteCloser{
		"gzip":    func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) },
		"deflate": func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
		"br":      func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) },
	}
	for coding, enc := range encode {
		t.Run(coding, func(t *testing.T) {
			var b bytes.Buffer
			w := enc(&b)
			io.WriteString(w, body)
			w.Close()
			r := c.do(req{Path: "/topapi/v2/user/get?access_token=" + tok, Body: b.String(), Header: map[string]string{"Content-Encoding": coding}})
			if num(t, r.json(t), "errcode") != 0 {
				t.Errorf("%s body: %s", coding, r.Body)
			}
			recs := c.requests(0)
			if last := recs[len(recs)-1]; last.Body != body || last.Encoding != coding || last.Gzip != (coding == "gzip") {
				t.Errorf("record %+v", last)
			}
		})
	}
}

func TestQPSLimit(t *testing.T) {
	now := time.Date(2026, 3, 18, 10, 15, 0, 0, time.UTC)
	c := newSim(t, func(c *Config) { c.QPS = 2; c.Now = func() time.Time { return now } })
	tok := c.appToken()
	uid := c.employee(0).UserID
	legacy := func() int64 {
		return num(t, c.do(req{Path: "/topapi/v2/user/get?access_token=" + tok, Body: `{"userid":"` + uid + `"}`}).json(t), "errcode")
	}
	api := func() resp {
		return c.do(req{Method: "GET", Path: "/v1.0/workflow/processInstances?processInstanceId=" + SampleProcessInstanceID, Header: map[string]string{tokenHeader: tok}})
	}
	if legacy() != 0 || legacy() != 0 || legacy() != errcodeQPS {
		t.Fatal("third call in one second should get errcode 90018")
	}
	// The limit is per API: another API of the same app still has its budget.
	if api().Status != 200 || api().Status != 200 {
		t.Fatal("workflow API should not share user/get's budget")
	}
	if r := api(); r.Status != 403 || r.json(t)["code"] != "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi" {
		t.Fatalf("over limit on the new API: %d %s", r.Status, r.Body)
	}
	now = now.Add(time.Second)
	if legacy() != 0 {
		t.Error("the next second should have a fresh budget")
	}
}

func TestLatency(t *testing.T) {
	c := newSim(t, func(c *Config) { c.Latency = 80 * time.Millisecond })
	start := time.Now()
	c.do(req{Method: "GET", Path: "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret"})
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("answer after %v, want at least 80ms", d)
	}
	start = time.Now()
	c.do(req{Method: "GET", Path: "/_sim/healthz"})
	if d := time.Since(start); d >= 80*time.Millisecond {
		t.Errorf("/_sim/ answers should not be delayed (%v)", d)
	}
}

// TestDeterminism replays one request sequence against fresh simulators: the same seed must
// give byte-identical answers, another seed different ones.
func TestDeterminism(t *testing.T) {
	run := func(seed uint64) []string {
		c := newSim(t, func(c *Config) { c.Seed = seed; c.Now = fixedClock() })
		tok := c.appToken()
		e := c.employee(3)
		h := map[string]string{tokenHeader: tok}
		seq := []req{
			{Path: "/topapi/v2/user/get?access_token=" + tok, Body: `{"userid":"` + e.UserID + `"}`},
			{Path: "/topapi/v2/user/list?access_token=" + tok, Body: `{"dept_id":1,"cursor":10,"size":20}`},
			{Path: "/topapi/user/listid?access_token=" + tok, Body: `{"dept_id":1}`},
			{Path: "/topapi/smartwork/hrm/employee/v2/list?access_token=" + tok, Body: `{"agentid":1,"userid_list":"` + e.UserID + `"}`},
			{Path: "/topapi/message/corpconversation/asyncsend_v2?access_token=" + tok, Body: `{"agent_id":1,"to_all_user":true,"msg":{"msgtype":"text","text":{"content":"x"}}}`},
			{Path: "/v1.0/hrm/rosters/lists/query", Header: h, Body: `{"appAgentId":1,"userIdList":["` + e.UserID + `"]}`},
			{Method: "GET", Path: "/v1.0/workflow/processInstances?processInstanceId=" + e.ProcessInstanceID, Header: h},
			{Path: "/v1.0/workflow/processInstances", Header: h, Body: `{"processCode":"P","originatorUserId":"` + e.UserID + `","formComponentValues":[{"name":"a","value":"b"}]}`},
			{Path: "/v1.0/robot/oToMessages/batchSend", Header: h, Body: `{"robotCode":"r","userIds":["` + e.UserID + `"],"msgKey":"k","msgParam":"{}"}`},
			{Path: "/topapi/nope"},
		}
		out := []string{tok}
		for _, rq := range seq {
			r := c.do(rq)
			out = append(out, fmt.Sprintf("%d %s", r.Status, r.Body))
		}
		return out
	}
	a, b, other := run(1), run(1), run(2)
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("step %d differs between two runs of seed 1:\n%.200s\n%.200s", i, a[i], b[i])
		}
	}
	same := 0
	for i := range a {
		if a[i] == other[i] {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d answers identical between seed 1 and seed 2", same)
	}
}

func TestConfigValidation(t *testing.T) {
	cases := map[string]func(*Config){
		"no employees":   func(c *Config) { c.Employees = 0 },
		"too many":       func(c *Config) { c.Employees = MaxEmployees + 1 },
		"no key":         func(c *Config) { c.AppKey = "" },
		"negative ring":  func(c *Config) { c.Record = -1 },
		"negative delay": func(c *Config) { c.Latency = -time.Second },
		"negative qps":   func(c *Config) { c.QPS = -1 },
		"page size":      func(c *Config) { c.MaxPageSize = 0 },
		"ttl":            func(c *Config) { c.TokenTTL = 0 },
		"body":           func(c *Config) { c.MaxBody = 0 },
	}
	for name, mut := range cases {
		cfg := DefaultConfig()
		mut(&cfg)
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: New accepted an invalid config", name)
		}
	}
	cfg := DefaultConfig()
	cfg.Employees, cfg.AppKey, cfg.QPS = 0, "", -1
	_, err := New(cfg)
	if err == nil || strings.Count(err.Error(), "\n") < 2 {
		t.Errorf("want all problems reported at once, got %v", err)
	}
}

func TestCompressorCache(t *testing.T) {
	z := newCompressor()
	bodies := [][]byte{[]byte(`{"small":true}`), bytes.Repeat([]byte(`{"a":"陳大文"},`), 400), bytes.Repeat([]byte(`{"b":"A123456(3)"},`), 400)}
	decode := func(gz []byte) []byte {
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for round := range 2 {
		for i, b := range bodies {
			scratch := []byte{}
			gz := z.gzip(b, &scratch)
			if !bytes.Equal(decode(gz), b) {
				t.Fatalf("round %d body %d: gzip does not decode to the body", round, i)
			}
			cached := len(b) >= compressCacheMin
			if round == 1 && cached && len(scratch) != 0 {
				t.Errorf("body %d compressed again instead of coming from the cache", i)
			}
			if round == 1 && !cached && len(scratch) == 0 {
				t.Errorf("small body %d should not be cached", i)
			}
		}
	}
	if len(z.cache) != 2 {
		t.Errorf("cache holds %d entries, want 2", len(z.cache))
	}
}
