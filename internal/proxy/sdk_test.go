package proxy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
)

// sdkDir is where scripts/test-deps.sh installs the official DingTalk Node SDK.
const sdkDir = "../../test/sdk"

// needSDK skips the test (fails it under CI=true) unless node and the installed SDK are
// present, with the same semantics as testenv.NeedCommand.
func needSDK(t *testing.T) string {
	t.Helper()
	node := testenv.NeedCommand(t, "node")
	if _, err := os.Stat(filepath.Join(sdkDir, "node_modules", "@alicloud", "dingtalk")); err != nil {
		why := "the DingTalk Node SDK is not installed in test/sdk (run scripts/test-deps.sh)"
		if testenv.InCI() {
			t.Fatalf("required for this test under CI: %s", why)
		}
		t.Skipf("skipping: %s (set CI=true to make this a failure)", why)
	}
	return node
}

// sdkLine is one line of test/sdk/run.js output: one SDK call's outcome.
type sdkLine struct {
	Call   string          `json:"call"`
	OK     bool            `json:"ok"`
	Status int             `json:"status"`
	Body   json.RawMessage `json:"body"`
	Error  *struct {
		Code       string         `json:"code"`
		StatusCode int            `json:"statusCode"`
		Message    string         `json:"message"`
		Data       map[string]any `json:"data"`
	} `json:"error"`
}

// runSDK runs test/sdk/run.js against endpoint (host:port) with args and returns its lines
// by call name, failing the test when node fails or prints something that is not a line.
func runSDK(t *testing.T, node, endpoint, key string, args ...string) map[string]sdkLine {
	t.Helper()
	out, stderr, code := execSDK(t, node, append([]string{"--endpoint", endpoint, "--key", key}, args...)...)
	if code != 0 {
		t.Fatalf("run.js exited %d: %s\n%s", code, stderr, out)
	}
	lines := map[string]sdkLine{}
	for _, raw := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var l sdkLine
		if err := json.Unmarshal(raw, &l); err != nil || l.Call == "" {
			t.Fatalf("run.js printed a line that is not a call result: %q", raw)
		}
		lines[l.Call] = l
	}
	return lines
}

func execSDK(t *testing.T, node string, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, append([]string{"run.js"}, args...)...)
	cmd.Dir = sdkDir
	cmd.Env = append(os.Environ(), "PROXY_ENDPOINT=", "PROXY_API_KEY=", "SDK_CALL=")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("running node: %v", err)
	}
	return o.Bytes(), e.Bytes(), code
}

// ok returns the body of a successful call, failing the test otherwise.
func (l sdkLine) ok(t *testing.T) map[string]any {
	t.Helper()
	if !l.OK || l.Status != 200 {
		t.Fatalf("SDK call %s failed: %+v", l.Call, l.Error)
	}
	var m map[string]any
	if err := json.Unmarshal(l.Body, &m); err != nil {
		t.Fatalf("SDK call %s: body is not an object: %s", l.Call, l.Body)
	}
	return m
}

// framing records how each call arrived at the proxy, to tell whether the SDK's POSTs
// really were chunked (the precondition of the re-framing assertion).
type framing struct {
	mu      sync.Mutex
	chunked map[string]bool // path -> the last call on it was chunked
}

// sdkFront serves the harness proxy's own handler on a second listener that first notes
// each request's framing; the SDK is pointed at it.
func sdkFront(t *testing.T, h *harness) (endpoint string, f *framing) {
	f = &framing{chunked: map[string]bool{}}
	next := h.proxy.Config.Handler
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.chunked[r.URL.Path] = len(r.TransferEncoding) > 0 && r.TransferEncoding[0] == "chunked"
		f.mu.Unlock()
		next.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	return strings.TrimPrefix(front.URL, "http://"), f
}

func (f *framing) wasChunked(path string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.chunked[path]
}

// rosterValues returns the values and labels of one roster field of the first employee.
func rosterValues(t *testing.T, body map[string]any, code string) []string {
	t.Helper()
	b, _ := json.Marshal(body)
	var r struct {
		Result []struct {
			FieldDataList []struct {
				FieldCode      string `json:"fieldCode"`
				FieldValueList []struct {
					Value string `json:"value"`
					Label string `json:"label"`
				} `json:"fieldValueList"`
			} `json:"fieldDataList"`
		} `json:"result"`
	}
	if err := json.Unmarshal(b, &r); err != nil || len(r.Result) == 0 {
		t.Fatalf("roster answer without a result: %s", b)
	}
	var out []string
	for _, f := range r.Result[0].FieldDataList {
		if f.FieldCode == code {
			for _, v := range f.FieldValueList {
				out = append(out, v.Value, v.Label)
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("roster answer lacks %s: %s", code, b)
	}
	return out
}

// hkidEmployee returns an employee with an HKID and a mobile number.
func hkidEmployee(t *testing.T, h *harness) sim.EmployeeRecord {
	t.Helper()
	for i := 1; i < 200; i++ {
		if e := h.employee(i); e.HKID != "" && e.Mobile != "" && e.Name != "" {
			return e
		}
	}
	t.Fatal("no employee with an HKID and a mobile number")
	return sim.EmployeeRecord{}
}

// TestSDKThroughProxy drives the official DingTalk Node SDK (@alicloud/dingtalk) through the
// proxy: tokens, contact users/me, the HR roster and robot batchSend, as each demo role.
func TestSDKThroughProxy(t *testing.T) {
	node := needSDK(t)
	h := newHarness(t)
	endpoint, framing := sdkFront(t, h)
	me := h.employee(0) // the simulator answers users/me for an app token as employee 0
	if me.Mobile == "" || me.Email == "" || me.Name == "" {
		t.Fatalf("employee 0 lacks a mobile, e-mail or name: %+v", me)
	}
	emp := hkidEmployee(t, h)
	const hkid = "A123456(3)"
	h.received()

	t.Run("support", func(t *testing.T) {
		got := runSDK(t, node, endpoint, "demo-support-key", "--call", "me,batchsend",
			"--users", emp.UserID, "--text", "HKID "+hkid)
		body := got["me"].ok(t)
		if body["nick"] != me.Name {
			t.Errorf("support: nick = %v, want the name in clear", body["nick"])
		}
		if m, _ := body["mobile"].(string); m == me.Mobile || !strings.HasPrefix(m, "[") || !strings.HasSuffix(m, "]") {
			t.Errorf("support: mobile = %q, want a redaction placeholder", m)
		}
		if body["email"] != "[EMAIL]" {
			t.Errorf("support: email = %v, want [EMAIL]", body["email"])
		}
		// The refusal reaches the integration the way DingTalk's own errors do.
		refused := got["batchsend"]
		if refused.OK || refused.Error == nil || refused.Error.Code != "role_not_allowed" || refused.Error.StatusCode != 403 {
			t.Fatalf("support batchSend: want an SDK error role_not_allowed/403, got %+v", refused)
		}
		if id, _ := refused.Error.Data["requestid"].(string); id == "" || !strings.Contains(refused.Error.Message, "request id: "+id) {
			t.Errorf("the SDK error carries no request id: %+v", refused.Error)
		}
		for _, rec := range h.received() {
			if strings.HasSuffix(rec.Path, "/batchSend") {
				t.Error("DingTalk received the batchSend the proxy refused")
			}
		}
	})

	t.Run("payroll", func(t *testing.T) {
		got := runSDK(t, node, endpoint, "demo-payroll-key", "--call", "me,roster",
			"--users", emp.UserID, "--fields", "sys00-name,sys02-certNo,sys00-mobile")
		body := got["me"].ok(t)
		if m, _ := body["mobile"].(string); m == me.Mobile || !strings.Contains(m, "***") {
			t.Errorf("payroll: mobile = %q, want it masked", m)
		}
		if body["email"] != me.Email || body["nick"] != me.Name {
			t.Errorf("payroll: want e-mail and nick in clear, got %v / %v", body["email"], body["nick"])
		}
		roster := got["roster"].ok(t)
		for _, v := range rosterValues(t, roster, "sys02-certNo") {
			// The mask keeps the leading letter(s) and digits at most, never the tail.
			if strings.Contains(v, emp.HKID[len(emp.HKID)-6:]) || !strings.Contains(v, "***") {
				t.Errorf("payroll: certNo %q, want the HKID masked", v)
			}
		}
		for _, v := range rosterValues(t, roster, "sys00-mobile") {
			if v == emp.Mobile || !strings.Contains(v, "***") {
				t.Errorf("payroll: roster mobile %q, want it masked", v)
			}
		}
		for _, v := range rosterValues(t, roster, "sys00-name") {
			if v != emp.Name {
				t.Errorf("payroll: roster name %q, want it in clear", v)
			}
		}
	})

	t.Run("hr_admin sees the roster in clear", func(t *testing.T) {
		// The control for the payroll case: the same call, unmasked, so the masks above come
		// from the policy and not from the data.
		got := runSDK(t, node, endpoint, "demo-hr-admin-key", "--call", "roster",
			"--users", emp.UserID, "--fields", "sys02-certNo")
		if v := rosterValues(t, got["roster"].ok(t), "sys02-certNo"); v[0] != emp.HKID {
			t.Errorf("hr_admin: certNo %q, want %q", v[0], emp.HKID)
		}
	})

	t.Run("bot batchSend tokenizes the HKID", func(t *testing.T) {
		h.received()
		got := runSDK(t, node, endpoint, "demo-bot-key", "--call", "batchsend",
			"--users", emp.UserID, "--text", "陳大文 你好, HKID "+hkid)
		body := got["batchsend"].ok(t)
		if _, has := body["processQueryKey"]; !has {
			t.Errorf("batchSend answer lacks processQueryKey: %v", body)
		}
		const path = "/v1.0/robot/oToMessages/batchSend"
		if !framing.wasChunked(path) {
			t.Error("the SDK's batchSend did not reach the proxy chunked; the re-framing check proves nothing")
		}
		var sent *sim.Recorded
		for _, rec := range h.received() {
			if rec.Path == path {
				sent = &rec
			}
		}
		if sent == nil {
			t.Fatal("DingTalk received no batchSend")
		}
		if strings.Contains(sent.Body, "A123456") || !strings.Contains(sent.Body, "tok_hkid_") {
			t.Errorf("DingTalk received %s, want the HKID as a tok_hkid_ token", sent.Body)
		}
		if tok := h.vault.TokenFor("hkid", hkid); !strings.Contains(sent.Body, tok) {
			t.Errorf("DingTalk did not receive the HKID's vault token %s", tok)
		}
		// A proper body: whole JSON, framed with a length that matches it (or chunked again).
		var msg struct {
			MsgParam string   `json:"msgParam"`
			UserIDs  []string `json:"userIds"`
		}
		if err := json.Unmarshal([]byte(sent.Body), &msg); err != nil || len(msg.UserIDs) != 1 || msg.UserIDs[0] != emp.UserID {
			t.Fatalf("DingTalk received a broken body (%v): %s", err, sent.Body)
		}
		if !strings.Contains(msg.MsgParam, "陳大文 你好") {
			t.Errorf("the message text around the HKID was lost: %q", msg.MsgParam)
		}
		cl, hasCL := sent.Headers["content-length"]
		te := sent.Headers["transfer-encoding"]
		switch {
		case hasCL && cl != strconv.Itoa(len(sent.Body)):
			t.Errorf("Content-Length %s for a %d-byte body", cl, len(sent.Body))
		case !hasCL && te != "chunked":
			t.Errorf("the body arrived with neither Content-Length nor chunked framing: %v", sent.Headers)
		}
	})
}

// TestSDKRunnerRejectsBadArguments: run.js refuses an endpoint with a scheme (which the SDK
// would turn into "http://http//…") instead of making calls that cannot work.
func TestSDKRunnerRejectsBadArguments(t *testing.T) {
	node := needSDK(t)
	for _, args := range [][]string{
		{"--endpoint", "http://127.0.0.1:1", "--key", "k", "--call", "me"},
		{"--endpoint", "127.0.0.1:1", "--call", "me"},
		{"--endpoint", "127.0.0.1:1", "--key", "k", "--call", "nosuchcall"},
		{"--endpoint", "127.0.0.1:1", "--key", "k", "--call", "me", "--bogus", "x"},
	} {
		out, stderr, code := execSDK(t, node, args...)
		if code != 2 || len(out) != 0 || !bytes.HasPrefix(stderr, []byte("run.js: ")) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and a message", args, code, out, stderr)
		}
	}
}
