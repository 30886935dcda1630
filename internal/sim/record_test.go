package sim

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestRecordRedactsSecrets(t *testing.T) {
	c := newSim(t)
	tok := c.appToken()
	user := c.userToken(c.employee(0).UserID)
	c.do(req{Path: "/topapi/user/listid", Body: "access_token=" + tok + "&dept_id=1",
		Header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}})
	c.do(req{Path: "/v1.0/oauth2/accessToken", Body: `{"appKey":"demo-app-key","appSecret":"demo-app-secret"}`})
	c.do(req{Method: "GET", Path: "/v1.0/contact/users/me", Header: map[string]string{tokenHeader: user}})
	c.do(req{Path: "/topapi/v2/user/get?foo=1&access_token=" + tok + "&bar=2", Body: `{"userid":"x"}`})

	raw := c.do(req{Method: "GET", Path: "/_sim/requests"}).Body
	for _, secret := range []string{tok, user, "demo-app-secret"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("/_sim/requests leaks a secret (%d chars)", len(secret))
		}
	}
	recs := c.requests(0)
	find := func(path string) Recorded {
		for i := len(recs) - 1; i >= 0; i-- {
			if recs[i].Path == path {
				return recs[i]
			}
		}
		t.Fatalf("no record of %s", path)
		return Recorded{}
	}
	cases := []struct {
		path, query, body string
		redacted          []string
	}{
		{"/gettoken", "appkey=demo-app-key&appsecret=***", "", []string{"appsecret"}},
		{"/topapi/user/listid", "", "access_token=***&dept_id=1", []string{"access_token"}},
		{"/v1.0/oauth2/accessToken", "", `{"appKey":"demo-app-key","appSecret":"***"}`, []string{"appSecret"}},
		{"/v1.0/oauth2/userAccessToken", "", "", []string{"clientSecret"}},
		{"/topapi/v2/user/get", "foo=1&access_token=***&bar=2", `{"userid":"x"}`, []string{"access_token"}},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			r := find(tc.path)
			if r.Query != tc.query || (tc.body != "" && r.Body != tc.body) || !slices.Equal(r.Redacted, tc.redacted) {
				t.Errorf("query %q body %q redacted %v; want %q %q %v", r.Query, r.Body, r.Redacted, tc.query, tc.body, tc.redacted)
			}
		})
	}
	me := find("/v1.0/contact/users/me")
	if !me.TokenHeader || !slices.Contains(me.HeaderNames, "X-Acs-Dingtalk-Access-Token") {
		t.Errorf("token header presence not recorded: %+v", me)
	}
}

func TestRecordChunkedAndGzipBodies(t *testing.T) {
	c := newSim(t)
	tok := c.appToken()
	body := `{"appAgentId":1,"userIdList":["` + c.employee(0).UserID + `"],"fieldFilterList":["sys00-name"]}`
	r := c.do(req{Path: "/v1.0/hrm/rosters/lists/query", Body: body, Chunked: true, Header: map[string]string{
		tokenHeader: tok, "Content-Type": "application/json; charset=utf-8", "User-Agent": "AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/1"}})
	if r.Status != 200 {
		t.Fatalf("chunked: %d %s", r.Status, r.Body)
	}
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write([]byte(body))
	zw.Close()
	r = c.do(req{Path: "/v1.0/hrm/rosters/lists/query", Body: zb.String(), Header: map[string]string{
		tokenHeader: tok, "Content-Type": "application/json", "Content-Encoding": "gzip"}})
	if r.Status != 200 {
		t.Fatalf("gzip body: %d %s", r.Status, r.Body)
	}
	r = c.do(req{Path: "/v1.0/hrm/rosters/lists/query", Body: "not gzip", Header: map[string]string{
		tokenHeader: tok, "Content-Encoding": "gzip"}})
	if r.Status != 400 || r.json(t)["code"] != "InvalidParameter" {
		t.Errorf("corrupt gzip: %d %s", r.Status, r.Body)
	}
	recs := c.requests(0)
	chunked, zipped := recs[len(recs)-3], recs[len(recs)-2]
	if chunked.Body != body || chunked.Headers["transfer-encoding"] != "chunked" || chunked.Headers["content-length"] != "" ||
		chunked.Headers["user-agent"] == "" || chunked.Gzip {
		t.Errorf("chunked record %+v", chunked)
	}
	if zipped.Body != body || !zipped.Gzip || zipped.Headers["content-encoding"] != "gzip" {
		t.Errorf("gzip record %+v", zipped)
	}
}

func TestRecordRingAndClear(t *testing.T) {
	c := newSim(t, func(c *Config) { c.Record = 3 })
	for i := range 5 {
		c.do(req{Path: fmt.Sprintf("/topapi/x%d", i)})
	}
	recs := c.requests(0)
	if len(recs) != 3 || recs[0].Path != "/topapi/x2" || recs[2].Path != "/topapi/x4" || recs[2].Seq != 5 {
		t.Fatalf("ring kept %+v", recs)
	}
	if since := c.requests(4); len(since) != 1 || since[0].Seq != 5 {
		t.Errorf("since=4 gave %d records", len(since))
	}
	if r := c.do(req{Method: http.MethodDelete, Path: "/_sim/requests"}); r.Status != 204 || len(c.requests(0)) != 0 {
		t.Error("DELETE /_sim/requests did not clear")
	}
	c.do(req{Path: "/topapi/after"})
	if recs := c.requests(0); len(recs) != 1 || recs[0].Seq != 6 {
		t.Errorf("after clear: %+v (sequence numbers keep counting)", recs)
	}
	off := newSim(t, func(c *Config) { c.Record = 0 })
	off.do(req{Path: "/topapi/x"})
	if len(off.requests(0)) != 0 {
		t.Error("record 0 kept a request")
	}
}

func TestRedactQuery(t *testing.T) {
	cases := []struct {
		in, out string
		red     []string
	}{
		{"", "", nil},
		{"a=1&b=2", "a=1&b=2", nil},
		{"access_token=abc", "access_token=***", []string{"access_token"}},
		{"appkey=k&appsecret=s&x=access", "appkey=k&appsecret=***&x=access", []string{"appsecret"}},
		{"access%5Ftoken=abc", "access%5Ftoken=***", []string{"access_token"}},
		{"access_token", "access_token", nil},
		{"b=1&access_token", "b=1&access_token", nil},
		{"access_token=a&access_token=b", "access_token=***&access_token=***", []string{"access_token"}},
		{"x=%zz&access_token=a", "x=%zz&access_token=***", []string{"access_token"}},
	}
	for _, tc := range cases {
		got, red := redactQuery(tc.in, nil)
		if got != tc.out || !slices.Equal(red, tc.red) {
			t.Errorf("redactQuery(%q) = %q %v, want %q %v", tc.in, got, red, tc.out, tc.red)
		}
	}
}

func TestRedactJSON(t *testing.T) {
	cases := []struct{ in, out string }{
		{`{"a":1}`, `{"a":1}`},
		{`{"appKey":"k","appSecret":"s"}`, `{"appKey":"k","appSecret":"***"}`},
		{`{"clientSecret":"s","x":{"clientSecret":"nested stays"},"refreshToken":"r"}`, `{"clientSecret":"***","x":{"clientSecret":"nested stays"},"refreshToken":"***"}`},
		{`{"appSecret":"a","appSecret":"b"}`, `{"appSecret":"***","appSecret":"***"}`},
		{`{"app\u0053ecret":"s"}`, `{"app\u0053ecret":"***"}`},
		{`{"appSecret":12345}`, `{"appSecret":"***"}`},
		{`{"appSecret":`, `*** withheld: malformed body that may hold a secret ***`},
	}
	for _, tc := range cases {
		got, _ := redactJSON([]byte(tc.in), nil)
		if string(got) != tc.out {
			t.Errorf("redactJSON(%s) = %s, want %s", tc.in, got, tc.out)
		}
	}
}

func TestReadBodyLimits(t *testing.T) {
	c := newSim(t, func(c *Config) { c.MaxBody = 64 })
	tok := c.appToken()
	big := `{"userid":"` + strings.Repeat("a", 100) + `"}`
	if m := c.legacy("/topapi/v2/user/get", big); num(t, m, "errcode") != errcodeBadParam {
		t.Errorf("oversized body: %v", m)
	}
	var zb bytes.Buffer // a small gzip body that inflates past the limit
	zw := gzip.NewWriter(&zb)
	io.WriteString(zw, big)
	zw.Close()
	r := c.do(req{Path: "/topapi/v2/user/get?access_token=" + tok, Body: zb.String(), Header: map[string]string{"Content-Encoding": "gzip"}})
	if num(t, r.json(t), "errcode") != errcodeBadParam {
		t.Errorf("inflating body: %s", r.Body)
	}
	r = c.do(req{Path: "/topapi/v2/user/get?access_token=" + tok, Body: "x", Header: map[string]string{"Content-Encoding": "compress"}})
	if num(t, r.json(t), "errcode") != errcodeBadParam {
		t.Errorf("unknown coding: %s", r.Body)
	}
}
