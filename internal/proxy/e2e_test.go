package proxy_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/audittest"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/export"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
)

// findEmployee returns an employee whose record holds every field the role tests look at.
func findEmployee(t *testing.T, h *harness) (int, sim.EmployeeRecord) {
	for i := 0; i < 200; i++ {
		e := h.employee(i)
		if e.Mobile != "" && e.Email != "" && e.Telephone != "" && strings.Contains(e.Remark, e.HKID) && e.HKID != "" {
			return i, e
		}
	}
	t.Fatal("no employee with mobile, email, telephone and an HKID in the remark")
	return 0, sim.EmployeeRecord{}
}

func TestRolesSeeWhatThePolicyGrants(t *testing.T) {
	h := newHarness(t)
	_, e := findEmployee(t, h)
	path := "/topapi/v2/user/get?access_token=" + h.legacyToken()
	body := fmt.Sprintf(`{"userid":%q}`, e.UserID)

	hr := h.postJSON(path, "demo-hr-admin-key", body)
	pay := h.postJSON(path, "demo-payroll-key", body)
	sup := h.postJSON(path, "demo-support-key", body)
	for name, r := range map[string]resp{"hr": hr, "payroll": pay, "support": sup} {
		if r.status != 200 {
			t.Fatalf("%s: status %d: %s", name, r.status, r.body)
		}
		if r.json(t)["errcode"].(float64) != 0 {
			t.Fatalf("%s: errcode: %s", name, r.body)
		}
	}
	// hr_admin: everything in clear.
	for _, v := range []string{e.Mobile, e.Email, e.HKID, e.Name} {
		if !bytes.Contains(hr.body, []byte(v)) {
			t.Errorf("hr_admin does not see %q: %s", v, hr.body)
		}
	}
	// payroll: name and email in clear; mobile, telephone and identifiers masked.
	for _, v := range []string{e.Name, e.Email} {
		if !bytes.Contains(pay.body, []byte(v)) {
			t.Errorf("payroll does not see %q", v)
		}
	}
	for _, v := range []string{e.Mobile, e.HKID} {
		if bytes.Contains(pay.body, []byte(v)) {
			t.Errorf("payroll sees %q in clear: %s", v, pay.body)
		}
	}
	if !bytes.Contains(pay.body, []byte("***")) {
		t.Errorf("payroll sees no masked value: %s", pay.body)
	}
	// support: name only; phones, email and identifiers redacted.
	if !bytes.Contains(sup.body, []byte(e.Name)) {
		t.Errorf("support does not see the name")
	}
	for _, v := range []string{e.Mobile, e.Email, e.HKID, e.OrgEmail} {
		if v != "" && bytes.Contains(sup.body, []byte(v)) {
			t.Errorf("support sees %q: %s", v, sup.body)
		}
	}
	for _, ph := range []string{"[EMAIL]", "[HKID]"} {
		if !bytes.Contains(sup.body, []byte(ph)) {
			t.Errorf("support response lacks %s: %s", ph, sup.body)
		}
	}
}

func TestAuthentication(t *testing.T) {
	h := newHarness(t)
	path := "/topapi/v2/user/get?access_token=x"
	for _, tc := range []struct {
		name, key string
		hdr       []string
		status    int
		code      string
	}{
		{"no key", "", nil, 401, "missing_api_key"},
		{"wrong key", "not-a-key", nil, 401, "invalid_api_key"},
		{"bearer wrong", "", []string{"Authorization", "Bearer nope"}, 401, "invalid_api_key"},
		{"basic auth is not a key", "", []string{"Authorization", "Basic ZGVtbzpkZW1v"}, 401, "invalid_api_key"},
	} {
		r := h.do(http.MethodPost, path, tc.key, "application/json", strings.NewReader(`{"userid":"a"}`), tc.hdr...)
		if r.status != tc.status || r.json(t)["code"] != tc.code {
			t.Errorf("%s: %d %s", tc.name, r.status, r.body)
		}
		if errcode, _ := r.json(t)["errcode"].(float64); errcode == 0 {
			t.Errorf("%s: a legacy client would read errcode 0 as success", tc.name)
		}
		if got := r.header.Get("WWW-Authenticate"); got != `Bearer realm="pii-proxy"` {
			t.Errorf("%s: WWW-Authenticate %q (RFC 9110: a 401 carries a challenge)", tc.name, got)
		}
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("DingTalk received %d calls from unauthenticated clients", len(got))
	}
	// Bearer works like X-Api-Key; a role header asserted by the client changes nothing.
	_, e := findEmployee(t, h)
	body := fmt.Sprintf(`{"userid":%q}`, e.UserID)
	tok := h.legacyToken()
	r := h.do(http.MethodPost, "/topapi/v2/user/get?access_token="+tok, "", "application/json", strings.NewReader(body),
		"Authorization", "Bearer demo-support-key", "X-Role", "hr_admin", "X-Roles", "hr_admin")
	if r.status != 200 || bytes.Contains(r.body, []byte(e.Mobile)) {
		t.Fatalf("support with a forged role header: %d %s", r.status, r.body)
	}
	for _, rec := range h.received() {
		for _, name := range rec.HeaderNames {
			if name == "X-Api-Key" || name == "Authorization" || name == "X-Role" || name == "X-Roles" {
				t.Errorf("header %s was forwarded to DingTalk", name)
			}
		}
	}
}

func TestRoutesAreDenyByDefault(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct{ method, path, key, code string }{
		{"POST", "/topapi/v2/department/list", "demo-hr-admin-key", "route_not_allowed"},
		{"DELETE", "/topapi/v2/user/get", "demo-hr-admin-key", "route_not_allowed"},
		{"POST", "/v1.0/robot/oToMessages/batchSend", "demo-support-key", "role_not_allowed"},
	} {
		r := h.do(tc.method, tc.path, tc.key, "application/json", strings.NewReader(`{}`))
		if r.status != 403 || r.json(t)["code"] != tc.code {
			t.Errorf("%s %s: %d %s", tc.method, tc.path, r.status, r.body)
		}
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("DingTalk received %d refused calls", len(got))
	}
}

// TestBadInputsFailClosed sends bodies the proxy cannot inspect: each gets its documented
// status and DingTalk receives nothing.
func TestBadInputsFailClosed(t *testing.T) {
	h := newHarness(t)
	tok := h.legacyToken()
	h.received()
	path := "/topapi/v2/user/get?access_token=" + tok
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for i := 0; i < 8; i++ { // 8 MiB of zeros (twice the limit) in ~8 KiB
		zw.Write(zeros)
	}
	zw.Close()
	big := `{"userid":"` + strings.Repeat("a", 4<<20) + `"}`
	for _, tc := range []struct {
		name, ct string
		body     []byte
		hdr      []string
		status   int
		code     string
	}{
		{"malformed JSON", "application/json", []byte(`{"userid":`), nil, 400, "invalid_body"},
		{"invalid UTF-8", "application/json", []byte("{\"userid\":\"\xff\xfe A123456(3)\"}"), nil, 400, "invalid_body"},
		{"oversized", "application/json", []byte(big), nil, 413, "body_too_large"},
		{"gzip bomb", "application/json", bomb.Bytes(), []string{"Content-Encoding", "gzip"}, 413, "body_too_large"},
		{"corrupt gzip", "application/json", []byte("not gzip at all"), []string{"Content-Encoding", "gzip"}, 415, "unsupported_encoding"},
		{"unknown encoding", "application/json", []byte(`{}`), []string{"Content-Encoding", "zstd"}, 415, "unsupported_encoding"},
		{"binary body", "application/octet-stream", []byte("A123456(3)"), nil, 415, "uninspectable_content_type"},
		{"too deep", "application/json", []byte(strings.Repeat("[", 100) + strings.Repeat("]", 100)), nil, 400, "invalid_body"},
	} {
		r := h.do(http.MethodPost, path, "demo-hr-admin-key", tc.ct, bytes.NewReader(tc.body), tc.hdr...)
		if r.status != tc.status || r.json(t)["code"] != tc.code {
			t.Errorf("%s: %d %s", tc.name, r.status, r.body)
		}
		if bytes.Contains(r.body, []byte("A123456")) {
			t.Errorf("%s: the error quotes the body", tc.name)
		}
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("DingTalk received %d bodies the proxy could not inspect", len(got))
	}
}

// TestSlowBodyTimesOut: the route's time limit covers reading the request body. A client
// that sends its headers and then trickles the body gets a 408 JSON error when the limit
// runs out (not a handler held for as long as the client likes), nothing reaches DingTalk,
// and the same connection's limit does not outlive the call.
func TestSlowBodyTimesOut(t *testing.T) {
	h := newHarness(t, withPolicyEdit("timeout: 10s}", "timeout: 500ms}"))
	tok := h.legacyToken()
	h.received()
	pr, pw := io.Pipe()
	defer pw.Close()
	go func() {
		pw.Write([]byte(`{"userid":`)) // then nothing: the client stalls …
	}()
	// … until it gives up, so that without the limit this test fails instead of hanging.
	giveUp := time.AfterFunc(5*time.Second, func() { pw.CloseWithError(io.ErrUnexpectedEOF) })
	defer giveUp.Stop()
	req, _ := http.NewRequest(http.MethodPost, h.proxy.URL+"/topapi/v2/user/get?access_token="+tok, pr)
	req.Header.Set("X-Api-Key", "demo-hr-admin-key")
	req.Header.Set("Content-Type", "application/json")
	req.ContentLength = 100
	start := time.Now()
	res, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("no answer to a stalled body: %v", err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("answered after %v, want about the route's 500ms", took)
	}
	if res.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), `"code":"request_body_timeout"`) {
		t.Fatalf("stalled body: %d %s", res.StatusCode, body)
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("DingTalk received %d calls", len(got))
	}
	// A call that sends its body in time on a new connection is unaffected.
	e := h.employee(1)
	if r := h.postJSON("/topapi/v2/user/get?access_token="+tok, "demo-hr-admin-key", `{"userid":"`+e.UserID+`"}`); r.status != 200 {
		t.Fatalf("a normal call after the timeout: %d %s", r.status, r.body)
	}
}

// TestBotTokenizesForDingTalk: identity numbers in a bot's message reach DingTalk as vault
// tokens, and DingTalk's copy can be read back only through the proxy.
func TestBotTokenizesForDingTalk(t *testing.T) {
	h := newHarness(t)
	msg := `{"msgKey":"sampleText","msgParam":"{\"content\":\"陳大文 你好, HKID A123456(3), card 4111 1111 1111 1111, call 9123 4567\"}","robotCode":"dingFAKEROBOT","userIds":["u1"]}`
	r := h.do(http.MethodPost, "/v1.0/robot/oToMessages/batchSend", "demo-bot-key", "application/json; charset=utf-8",
		strings.NewReader(msg), "x-acs-dingtalk-access-token", h.newAPIToken())
	if r.status != 200 {
		t.Fatalf("batchSend: %d %s", r.status, r.body)
	}
	got := h.received()
	var sent string
	for _, rec := range got {
		if strings.HasSuffix(rec.Path, "/batchSend") {
			sent = rec.Body
		}
	}
	if sent == "" {
		t.Fatal("DingTalk received no batchSend")
	}
	for _, clear := range []string{"A123456", "4111 1111 1111 1111"} {
		if strings.Contains(sent, clear) {
			t.Errorf("DingTalk received %q in clear: %s", clear, sent)
		}
	}
	if tok := h.vault.TokenFor("hkid", "A123456(3)"); !strings.Contains(sent, tok) {
		t.Errorf("DingTalk did not receive the HKID's token %s: %s", tok, sent)
	}
	if !strings.Contains(sent, "9123 4567") {
		t.Errorf("the phone should pass (policy allows it): %s", sent)
	}
}

// newAPIToken fetches a new-API app token through the proxy.
func (h *harness) newAPIToken() string {
	h.t.Helper()
	r := h.postJSON("/v1.0/oauth2/accessToken", "demo-bot-key", `{"appKey":"demo-app-key","appSecret":"demo-app-secret"}`)
	tok, _ := r.json(h.t)["accessToken"].(string)
	if r.status != 200 || tok == "" {
		h.t.Fatalf("accessToken: %d %s", r.status, r.body)
	}
	return tok
}

func TestGzipAndChunkedRequests(t *testing.T) {
	h := newHarness(t)
	tok := h.legacyToken()
	h.received()
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write([]byte(`{"agent_id":1,"userid_list":"u1","msg":{"msgtype":"text","text":{"content":"身份證 A123456(3)"}}}`))
	zw.Close()
	r := h.do(http.MethodPost, "/topapi/message/corpconversation/asyncsend_v2?access_token="+tok, "demo-bot-key",
		"application/json", io.MultiReader(&zb), "Content-Encoding", "gzip") // MultiReader: no length, so chunked
	if r.status != 200 {
		t.Fatalf("asyncsend gzip: %d %s", r.status, r.body)
	}
	rec := h.received()
	if len(rec) != 1 || !rec[0].Gzip || strings.Contains(rec[0].Body, "A123456") || !strings.Contains(rec[0].Body, "tok_hkid_") {
		t.Fatalf("DingTalk received %+v", rec)
	}
}

func TestLegacyErrorsPassThrough(t *testing.T) {
	h := newHarness(t)
	r := h.postJSON("/topapi/v2/user/get?access_token="+h.legacyToken(), "demo-support-key", `{"userid":"no-such-user"}`)
	m := r.json(t)
	if r.status != 200 || m["errcode"].(float64) == 0 {
		t.Fatalf("unknown user: %d %s", r.status, r.body)
	}
	r = h.postJSON("/topapi/v2/user/get?access_token=bad", "demo-support-key", `{"userid":"x"}`)
	if m := r.json(t); r.status != 200 || m["errcode"].(float64) != 88 {
		t.Fatalf("bad token: %d %s", r.status, r.body)
	}
	r = h.do(http.MethodGet, "/v1.0/contact/users/me", "demo-support-key", "", nil, "x-acs-dingtalk-access-token", "bad")
	if r.status != 400 || r.json(t)["code"] != "InvalidAuthentication" {
		t.Fatalf("new API error: %d %s", r.status, r.body)
	}
}

func TestUpstreamFailures(t *testing.T) {
	h := newHarness(t, withSim(func(c *sim.Config) { c.Latency = 2 * time.Second }),
		withPolicyEdit("limits: {max_body: 4MiB, max_depth: 64, timeout: 10s}", "limits: {max_body: 4MiB, max_depth: 64, timeout: 300ms}"))
	r := h.do(http.MethodGet, "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "demo-hr-admin-key", "", nil)
	if r.status != 504 || r.json(t)["code"] != "upstream_timeout" {
		t.Fatalf("slow upstream: %d %s", r.status, r.body)
	}
	h.sim.Close()
	r = h.do(http.MethodGet, "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "demo-hr-admin-key", "", nil)
	if r.status != 502 || r.json(t)["code"] != "upstream_unavailable" {
		t.Fatalf("dead upstream: %d %s", r.status, r.body)
	}
	if strings.Contains(h.logs.String(), "demo-app-secret") {
		t.Fatal("the app secret from the query string reached the log")
	}
}

func TestResponseGzipToClient(t *testing.T) {
	h := newHarness(t)
	tok := h.legacyToken()
	req, _ := http.NewRequest(http.MethodPost, h.proxy.URL+"/topapi/v2/user/list?access_token="+tok, strings.NewReader(`{"dept_id":1,"cursor":0,"size":20}`))
	req.Header.Set("X-Api-Key", "demo-support-key")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("no gzip: %v", res.Header)
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	if !bytes.Contains(b, []byte(`"errcode":0`)) || !bytes.Contains(b, []byte("[EMAIL]")) {
		t.Fatalf("gzip body: %.300s", b)
	}
}

func TestGracefulDrain(t *testing.T) {
	h := newHarness(t, withSim(func(c *sim.Config) { c.Latency = 300 * time.Millisecond }))
	done := make(chan resp)
	go func() {
		done <- h.do(http.MethodGet, "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "demo-hr-admin-key", "", nil)
	}()
	time.Sleep(100 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	drained := make(chan error)
	go func() { drained <- h.srv.Drain(ctx) }()
	time.Sleep(50 * time.Millisecond)
	refused := h.do(http.MethodGet, "/gettoken", "demo-hr-admin-key", "", nil)
	if refused.status != 503 || refused.json(t)["code"] != proxy.ReasonShuttingDown {
		t.Errorf("a new call while draining: %d %s", refused.status, refused.body)
	}
	// The refusal has a request id to quote, a log line and an audit record, like any other.
	id := refused.header.Get("X-Request-Id")
	if id == "" || refused.json(t)["requestid"] != id {
		t.Errorf("request id: header %q, body %s", id, refused.body)
	}
	if r := <-done; r.status != 200 {
		t.Errorf("the call in flight: %d %s", r.status, r.body)
	}
	if err := <-drained; err != nil {
		t.Fatal(err)
	}
	if logs := h.logs.String(); !strings.Contains(logs, `"request_id":"`+id+`"`) || !strings.Contains(logs, `"reason":"shutting_down"`) {
		t.Errorf("the refusal is not logged: %s", logs)
	}
	h.audit.Close()
	found := false
	for _, r := range audittest.Records(t, h.auditDir) {
		if r.RequestID == id {
			found = r.Reason == proxy.ReasonShuttingDown && r.Status == 503 && r.Decision == audit.DecisionError
		}
	}
	if !found {
		t.Errorf("no audit record of the refused call %s", id)
	}
}

// TestNoPIIInLogsOrAudit plants known personal data through every kind of call and greps
// the log output and every audit file for it.
func TestNoPIIInLogsOrAudit(t *testing.T) {
	h := newHarness(t)
	_, e := findEmployee(t, h)
	tok := h.legacyToken()
	path := "/topapi/v2/user/get?access_token=" + tok
	body := fmt.Sprintf(`{"userid":%q}`, e.UserID)
	for _, key := range []string{"demo-hr-admin-key", "demo-payroll-key", "demo-support-key"} {
		h.postJSON(path, key, body)
	}
	h.do(http.MethodPost, "/v1.0/robot/oToMessages/batchSend", "demo-bot-key", "application/json",
		strings.NewReader(`{"msgKey":"sampleText","msgParam":"{\"content\":\"HKID A123456(3) 9123 4567 taiman.chan@example.com\"}","robotCode":"r","userIds":["u"]}`),
		"x-acs-dingtalk-access-token", h.newAPIToken())
	h.postJSON(path, "demo-support-key", `{"userid":"A123456(3)"`) // malformed, with PII inside
	h.audit.Close()
	planted := []string{e.Mobile, e.Email, e.HKID, e.Name, "A123456", "9123 4567", "taiman.chan@example.com",
		tok, "demo-app-secret", "demo-hr-admin-key", "demo-support-key", "demo-bot-key"}
	logs := h.logs.String()
	if !strings.Contains(logs, `"msg":"call"`) {
		t.Fatal("no call was logged")
	}
	for _, v := range planted {
		if v != "" && strings.Contains(logs, v) {
			t.Errorf("log output contains %q", v)
		}
	}
	audittest.AssertNoValues(t, h.auditDir, planted)

	// The evidence export and the metrics hold none of them either.
	var exp bytes.Buffer
	if _, err := export.Export(&exp, h.auditDir, export.Options{Format: "html"}); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.tel.MetricsHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), "pii_proxy_detections_total") {
		t.Fatalf("no detection metrics:\n%.500s", rec.Body.String())
	}
	for name, text := range map[string]string{"export": exp.String(), "metrics": rec.Body.String()} {
		for _, v := range planted {
			if v != "" && strings.Contains(text, v) {
				t.Errorf("%s contains %q", name, v)
			}
		}
	}
}

// TestRouteContentTypes: a route inspects only the media types it lists; others are refused
// (415) unless the route lets them pass through.
func TestRouteContentTypes(t *testing.T) {
	h := newHarness(t)
	tok := h.legacyToken()
	h.received()
	path := "/topapi/user/listid?access_token=" + tok
	if r := h.do(http.MethodPost, path, "demo-support-key", "text/plain", strings.NewReader("dept_id=1")); r.status != 415 || r.json(t)["code"] != "uninspectable_content_type" {
		t.Fatalf("text/plain on a form/JSON route: %d %s", r.status, r.body)
	}
	if r := h.do(http.MethodPost, path, "demo-support-key", "application/x-www-form-urlencoded", strings.NewReader("dept_id=1")); r.status != 200 {
		t.Fatalf("form body: %d %s", r.status, r.body)
	}
	if got := h.received(); len(got) != 1 {
		t.Fatalf("DingTalk received %d calls, want only the form one", len(got))
	}
}

// TestResidencyRoundTrip: an approval started through the proxy reaches DingTalk with its
// identity numbers tokenized; read back through the proxy, hr_admin sees the values, payroll
// a mask of them. DingTalk's copy never holds them in clear.
func TestResidencyRoundTrip(t *testing.T) {
	h := newHarness(t)
	tok := h.newAPIToken()
	start := `{"processCode":"PROC-LEAVE","originatorUserId":"` + h.employee(0).UserID + `","deptId":1,"formComponentValues":[` +
		`{"name":"請假事由","value":"陪同母親 (HKID C668123(7), 身份证 11010519491231002X) 覆診"},{"name":"代理人電話","value":"+852 6876 5432"}]}`
	r := h.do(http.MethodPost, "/v1.0/workflow/processInstances", "demo-hr-admin-key", "application/json", strings.NewReader(start),
		"x-acs-dingtalk-access-token", tok)
	id, _ := r.json(t)["instanceId"].(string)
	if r.status != 200 || id == "" {
		t.Fatalf("start: %d %s", r.status, r.body)
	}
	for _, rec := range h.received() {
		if strings.Contains(rec.Body, "C668123") || strings.Contains(rec.Body, "11010519491231002X") {
			t.Fatalf("DingTalk received an identity number in clear: %s", rec.Body)
		}
	}
	get := func(key string) string {
		r := h.do(http.MethodGet, "/v1.0/workflow/processInstances?processInstanceId="+id, key, "", nil,
			"x-acs-dingtalk-access-token", tok)
		if r.status != 200 {
			t.Fatalf("get as %s: %d %s", key, r.status, r.body)
		}
		return string(r.body)
	}
	if hr := get("demo-hr-admin-key"); !strings.Contains(hr, "C668123(7)") || !strings.Contains(hr, "11010519491231002X") {
		t.Errorf("hr_admin does not see the revealed values: %s", hr)
	}
	pay := get("demo-payroll-key")
	if strings.Contains(pay, "C668123") || strings.Contains(pay, "tok_") || !strings.Contains(pay, "C668***(*)") {
		t.Errorf("payroll should see the HKID masked (not the token, not the value): %s", pay)
	}
}

// TestBotPolicyResidency: with policies/dingtalk-bot.yaml, identity numbers and cards in a
// bot's messages reach DingTalk as tokens; a phone (allowed by that policy) passes.
func TestBotPolicyResidency(t *testing.T) {
	h := newHarness(t, withPolicyFile("../../policies/dingtalk-bot.yaml"))
	r := h.postJSON("/v1.0/oauth2/accessToken", "change-me-bot", `{"appKey":"demo-app-key","appSecret":"demo-app-secret"}`)
	tok, _ := r.json(t)["accessToken"].(string)
	if tok == "" {
		t.Fatalf("token: %d %s", r.status, r.body)
	}
	h.received()
	msg := `{"robotCode":"r","userIds":["u"],"msgKey":"sampleText","msgParam":"{\"content\":\"HKID K382716(A) 身份证 11010519491231002X 卡 4111 1111 1111 1111 電話 9123 4567\"}"}`
	r = h.do(http.MethodPost, "/v1.0/robot/oToMessages/batchSend", "change-me-bot", "application/json", strings.NewReader(msg),
		"x-acs-dingtalk-access-token", tok)
	if r.status != 200 {
		t.Fatalf("batchSend: %d %s", r.status, r.body)
	}
	got := h.received()
	if len(got) != 1 {
		t.Fatalf("DingTalk received %d calls", len(got))
	}
	for _, clear := range []string{"K382716", "11010519491231002X", "4111 1111"} {
		if strings.Contains(got[0].Body, clear) {
			t.Errorf("DingTalk received %q in clear: %s", clear, got[0].Body)
		}
	}
	for _, want := range []string{"tok_hkid_", "tok_cn_id_", "tok_credit_card_", "9123 4567"} {
		if !strings.Contains(got[0].Body, want) {
			t.Errorf("DingTalk's copy lacks %q: %s", want, got[0].Body)
		}
	}
}
