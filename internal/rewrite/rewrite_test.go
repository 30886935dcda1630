package rewrite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/mask"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// testPolicy has one route per behaviour under test.
const testPolicy = `
version: 1
roles: [hr, payroll, support, bot]
callers:
  - {id: c, api_key_sha256: 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8, roles: [hr]}
upstreams:
  oapi: {url: http://127.0.0.1:1, region: cn}
  api: {url: http://127.0.0.1:1, region: cn}
residency: {home_region: hk, forbid_clear: [cn_id]}
keys: {hash: {env: UNUSED_IN_TESTS}}
routes:
  - name: user-get
    match: {upstream: oapi, method: POST, path: /topapi/v2/user/get}
    response:
      fields:
        - {path: result.mobile, type: hk_phone, action: {hr: reveal, payroll: mask, default: redact}}
        - {path: result.email, type: email, action: {hr: allow, payroll: hash, default: drop}}
        - {path: result.avatar, action: {hr: allow, default: drop}}
        - {path: result.union_emp_ext, action: {hr: allow, default: redact}}
        - {path: result.remark, scan: true}
        - {path: result.list.#.job, type: hkid, action: {default: mask}}
      detected: {hr: reveal, payroll: {hkid: mask, default: allow}, default: redact}
  - name: bot-send
    match: {upstream: api, method: POST, path: /v1.0/robot/oToMessages/batchSend}
    retention: 720h
    request:
      detected: {default: tokenize}
      block_types: [credit_card]
  - name: deny-dob
    match: {upstream: api, method: POST, path: /v1.0/deny}
    request:
      fields:
        - {path: secret, action: deny}
        - {path: note, action: allow}
      detected: {default: redact}
  - name: listid
    match: {upstream: oapi, method: POST, path: /topapi/user/listid}
    request:
      query:
        - {param: mobile, type: hk_phone, action: redact}
      detected: {default: redact}
  - name: quiet
    match: {upstream: api, method: POST, path: /v1.0/quiet}
    response:
      scan: false
      fields:
        - {path: a, type: email, action: redact}
      detected: {default: redact}
`

type fixture struct {
	plan   *policy.Plan
	engine *Engine
	vault  *vault.Vault
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	plan, err := policy.Parse("test.yaml", []byte(testPolicy))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := detect.NewScanner(detect.ScannerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := mask.NewHasher([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := vault.Open(context.Background(), vault.Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "v.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return &fixture{plan: plan, vault: v, engine: New(Config{Scanner: sc, Hasher: h, Vault: v, RecordPaths: true})}
}

func (f *fixture) run(t *testing.T, route string, dir Direction, roles []string, kind Kind, body string) *Outcome {
	t.Helper()
	r, ok := f.plan.RouteByName(route)
	if !ok {
		t.Fatalf("no route %s", route)
	}
	side := r.Response
	if dir == Request {
		side = r.Request
	}
	in := &Input{Body: []byte(body), Kind: kind, Direction: dir, Side: side, Decisions: side.For(roles),
		CrossBorder: dir == Request, ForbidClear: f.plan.Residency.ForbidClear, TTL: r.Retention}
	o, err := f.engine.Rewrite(context.Background(), in)
	if err != nil {
		t.Fatalf("Rewrite: %v", err)
	}
	if o.Refusal == nil && kind == JSON && !json.Valid(o.Body) {
		t.Fatalf("invalid JSON out: %s", o.Body)
	}
	return o
}

const userGet = `{"errcode":0,"result":{"name":"陳大文","mobile":"91234567","email":"taiman.chan@example.com","avatar":"https://x/a.jpg","union_emp_ext":{"userid":"u","corp_id":"c"},"remark":"HKID A123456(3)，電話 9123 4567","dept_id_list":[583201457],"hired_date":1617206400000,"list":[{"job":"K382716(A)"}]}}`

func TestFieldRulesPerRole(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		roles []string
		want  string
	}{
		{[]string{"hr"}, strings.Replace(userGet, "K382716(A)", "K382***(*)", 1)},
		{[]string{"payroll"}, `{"errcode":0,"result":{"name":"陳大文","mobile":"9***4567","email":"HASH","union_emp_ext":"[REDACTED]","remark":"HKID A123***(*)，電話 9123 4567","dept_id_list":[583201457],"hired_date":1617206400000,"list":[{"job":"K382***(*)"}]}}`},
		{[]string{"support"}, `{"errcode":0,"result":{"name":"[PERSON_NAME]","mobile":"[HK_PHONE]","union_emp_ext":"[REDACTED]","remark":"HKID [HKID]，電話 [HK_PHONE]","dept_id_list":[583201457],"hired_date":1617206400000,"list":[{"job":"K382***(*)"}]}}`},
		// Several roles: the most permissive action of each rule wins.
		{[]string{"support", "payroll"}, `{"errcode":0,"result":{"name":"陳大文","mobile":"9***4567","email":"HASH","union_emp_ext":"[REDACTED]","remark":"HKID A123***(*)，電話 9123 4567","dept_id_list":[583201457],"hired_date":1617206400000,"list":[{"job":"K382***(*)"}]}}`},
	} {
		o := f.run(t, "user-get", Response, tc.roles, JSON, userGet)
		got := string(o.Body)
		if i := strings.Index(got, `"hash_email_`); i >= 0 {
			got = got[:i] + `"HASH"` + got[i+len(`"hash_email_`)+mask.HashBodyLen+1:]
		}
		if got != tc.want {
			t.Errorf("roles %v:\n got  %s\n want %s", tc.roles, got, tc.want)
		}
	}
}

// Input.Dst is only space: whatever it holds and however small it is, the output is the
// same, and it is written into Dst when Dst is large enough.
func TestRewriteIntoDst(t *testing.T) {
	f := newFixture(t)
	r, _ := f.plan.RouteByName("user-get")
	dec := r.Response.For([]string{"support"})
	rewrite := func(dst []byte) []byte {
		o, err := f.engine.Rewrite(context.Background(), &Input{Body: []byte(userGet), Kind: JSON,
			Direction: Response, Side: r.Response, Decisions: dec, Dst: dst})
		if err != nil || !o.Changed {
			t.Fatalf("Rewrite: changed=%v err=%v", o != nil && o.Changed, err)
		}
		return o.Body
	}
	want := string(rewrite(nil))
	for _, dst := range [][]byte{
		make([]byte, 0, 8),
		bytes.Repeat([]byte("x"), 3), // leftovers of an earlier body are overwritten
		make([]byte, 5, 4096),
	} {
		got := rewrite(dst)
		if string(got) != want {
			t.Fatalf("into a buffer of len %d cap %d:\n got  %s\n want %s", len(dst), cap(dst), got, want)
		}
		if cap(dst) >= len(want) && &got[0] != &dst[:1][0] {
			t.Errorf("a buffer of cap %d was large enough but not used", cap(dst))
		}
	}
}

func TestUnchangedBodyIsTheInput(t *testing.T) {
	f := newFixture(t)
	body := `{"errcode":0, "result":{"name":"x","dept_id_list":[583201457],"hired_date":1617206400000}}`
	o := f.run(t, "user-get", Response, []string{"support"}, JSON, body)
	if o.Changed || string(o.Body) != body {
		t.Fatalf("changed=%v body=%s", o.Changed, o.Body)
	}
}

func TestTokenizeThenReveal(t *testing.T) {
	f := newFixture(t)
	req := `{"robotCode":"r","userIds":["u1"],"msgKey":"sampleText","msgParam":"{\"content\":\"陳大文 你好, HKID A123456(3), call 9123 4567\"}"}`
	o := f.run(t, "bot-send", Request, []string{"bot"}, JSON, req)
	out := string(o.Body)
	if strings.Contains(out, "A123456") || strings.Contains(out, "9123 4567") {
		t.Fatalf("clear PII left in request: %s", out)
	}
	// The name the message greets, the HKID and the phone: three tokens.
	tok := f.vault.TokenFor("hkid", "A123456(3)")
	if !strings.Contains(out, tok) || strings.Contains(out, "陳大文") || len(o.Stats.Tokens) != 3 {
		t.Fatalf("want token %s and no name in %s (stats %v)", tok, out, o.Stats.Tokens)
	}
	// The route's retention applies to what it tokenized.
	rec, err := f.vault.Find(context.Background(), "hkid", "A123456(3)")
	if err != nil {
		t.Fatal(err)
	}
	if left := time.Until(rec.ExpiresAt); left < 719*time.Hour || left > 721*time.Hour {
		t.Fatalf("entry expires in %v, want the route's 720h", left)
	}
	// The message param is still a JSON string holding JSON.
	var outer struct{ MsgParam string }
	if err := json.Unmarshal(o.Body, &outer); err != nil || !json.Valid([]byte(outer.MsgParam)) {
		t.Fatalf("msgParam is no longer JSON: %v %q", err, outer.MsgParam)
	}
	// The token comes back in a response: hr sees the value, payroll a mask of it, support a placeholder.
	resp := `{"errcode":0,"result":{"remark":"` + tok + `"}}`
	for roles, want := range map[string]string{"hr": "A123456(3)", "payroll": "A123***(*)", "support": "[HKID]"} {
		got := f.run(t, "user-get", Response, []string{roles}, JSON, resp)
		if !strings.Contains(string(got.Body), `"remark":"`+want+`"`) {
			t.Errorf("%s: %s, want remark %s", roles, got.Body, want)
		}
	}
	// After erasure the token reveals to the placeholder, never the value.
	if _, err := f.vault.Erase(context.Background(), "hkid", "A123456(3)"); err != nil {
		t.Fatal(err)
	}
	got := f.run(t, "user-get", Response, []string{"hr"}, JSON, resp)
	if !strings.Contains(string(got.Body), mask.Erased) || strings.Contains(string(got.Body), "A123456") {
		t.Fatalf("erased token: %s", got.Body)
	}
}

func TestRefusals(t *testing.T) {
	f := newFixture(t)
	o := f.run(t, "bot-send", Request, []string{"bot"}, JSON, `{"msgParam":"{\"content\":\"card 4111 1111 1111 1111\"}"}`)
	if o.Refusal == nil || o.Refusal.Reason != "blocked_type" || o.Refusal.Type != detect.CreditCard || o.Refusal.Path != "msgParam" {
		t.Fatalf("block: %+v", o.Refusal)
	}
	if strings.Contains(o.Refusal.Error(), "4111") {
		t.Fatal("refusal quotes the value")
	}
	o = f.run(t, "deny-dob", Request, []string{"bot"}, JSON, `{"ok":1,"secret":"x"}`)
	if o.Refusal == nil || o.Refusal.Reason != "denied" || o.Refusal.Path != "secret" {
		t.Fatalf("deny: %+v", o.Refusal)
	}
	o = f.run(t, "deny-dob", Request, []string{"bot"}, JSON, `{"note":"身份证 11010519491231002X"}`)
	if o.Refusal == nil || o.Refusal.Reason != "forbid_clear" || o.Refusal.Type != detect.CNID {
		t.Fatalf("forbid_clear: %+v", o.Refusal)
	}
	o = f.run(t, "deny-dob", Request, []string{"bot"}, JSON, `{"note":"call 9123 4567"}`)
	if o.Refusal != nil {
		t.Fatalf("hk_phone is not forbidden in clear: %+v", o.Refusal)
	}
}

func TestFormAndQuery(t *testing.T) {
	f := newFixture(t)
	o := f.run(t, "listid", Request, []string{"bot"}, Form, "dept_id=583201457&msg=%7B%22text%22%3A%22call+9123+4567%22%7D")
	if got := string(o.Body); got != "dept_id=583201457&msg=%7B%22text%22%3A%22call+%5BHK_PHONE%5D%22%7D" {
		t.Fatalf("form: %s", got)
	}
	r, _ := f.plan.RouteByName("listid")
	in := &Input{Direction: Request, Side: r.Request, Decisions: r.Request.For([]string{"bot"})}
	q, _, err := f.engine.RewriteQuery(context.Background(), in, "access_token=8c3f6e0a2b1d4f7e9a5c0b2d4e6f8a1c&mobile=91234567")
	if err != nil || q != "access_token=8c3f6e0a2b1d4f7e9a5c0b2d4e6f8a1c&mobile=%5BHK_PHONE%5D" {
		t.Fatalf("query: %q %v", q, err)
	}
}

func TestScanOff(t *testing.T) {
	f := newFixture(t)
	o := f.run(t, "quiet", Response, []string{"hr"}, JSON, `{"a":"x@example.com","b":"A123456(3)"}`)
	if got := string(o.Body); got != `{"a":"[EMAIL]","b":"A123456(3)"}` {
		t.Fatalf("scan off: %s", got)
	}
}

func TestTextBody(t *testing.T) {
	f := newFixture(t)
	o := f.run(t, "listid", Request, []string{"bot"}, Text, "ticket for A123456(3)")
	if string(o.Body) != "ticket for [HKID]" {
		t.Fatalf("text: %s", o.Body)
	}
}

func TestInvalidJSONFailsClosed(t *testing.T) {
	f := newFixture(t)
	r, _ := f.plan.RouteByName("user-get")
	for _, body := range []string{`{"a":`, "{\"a\":\"\xff\"}", `[1,2`} {
		_, err := f.engine.Rewrite(context.Background(), &Input{Body: []byte(body), Kind: JSON, Direction: Response,
			Side: r.Response, Decisions: r.Response.For([]string{"hr"})})
		if err == nil {
			t.Errorf("%q: no error", body)
		}
	}
}

func TestNoVaultFailsClosed(t *testing.T) {
	f := newFixture(t)
	sc, _ := detect.NewScanner(detect.ScannerOptions{})
	e := New(Config{Scanner: sc})
	r, _ := f.plan.RouteByName("bot-send")
	_, err := e.Rewrite(context.Background(), &Input{Body: []byte(`{"t":"A123456(3)"}`), Kind: JSON, Direction: Request,
		Side: r.Request, Decisions: r.Request.For([]string{"bot"})})
	if !errors.Is(err, ErrNoVault) {
		t.Fatalf("err = %v, want ErrNoVault", err)
	}
}

// TestMaskedOutputIsStable checks two properties on every role's output: masking it again
// changes nothing, and no recognizer finds the masked types in it.
func TestMaskedOutputIsStable(t *testing.T) {
	f := newFixture(t)
	for _, role := range []string{"payroll", "support"} {
		once := f.run(t, "user-get", Response, []string{role}, JSON, userGet)
		twice := f.run(t, "user-get", Response, []string{role}, JSON, string(once.Body))
		if string(once.Body) != string(twice.Body) {
			t.Errorf("%s: not idempotent:\n%s\n%s", role, once.Body, twice.Body)
		}
		eng, _ := detect.NewEngine(detect.EngineOptions{})
		eng.ScanJSON(once.Body, func(r detect.Report) {
			if r.Type == detect.HKID || (role == "support" && r.Type == detect.HKPhone) {
				t.Errorf("%s: %s still found at %s", role, r.Type, r.Path)
			}
		})
	}
}

// TestRedactionCache checks the kept placeholders against mask.Redact, types whose
// placeholder JSON must escape included, past the cache's bound.
func TestRedactionCache(t *testing.T) {
	var st state
	types := []detect.Type{"", detect.HKPhone, detect.Email, `we"ird\`, "ctl\x01", "bad\xff"}
	for i := range maxRedactions + 4 {
		types = append(types, detect.Type("t"+strings.Repeat("x", i)))
	}
	for range 2 {
		for _, typ := range types {
			r := st.redaction(typ)
			want := mask.Redact(typ)
			q, _ := json.Marshal(want)
			if r.text != want || !bytes.Equal(r.quoted, q) && !strings.ContainsRune(want, 0xfffd) && !strings.Contains(want, "\xff") {
				t.Errorf("redaction(%q) = %q, %s; want %q, %s", typ, r.text, r.quoted, want, q)
			}
		}
	}
	if len(st.redactions) != maxRedactions {
		t.Errorf("%d placeholders kept", len(st.redactions))
	}
	for _, r := range st.redactions {
		if q := jsonlex.AppendQuoted(nil, r.text); r.plain != (string(q[1:len(q)-1]) == r.text) {
			t.Errorf("redaction(%q).plain = %v", r.typ, r.plain)
		}
	}
	// A type spelt elsewhere (another string with the same bytes) finds the same placeholder.
	var st2 state
	a := st2.redaction(detect.HKPhone)
	b := st2.redaction(detect.Type(strings.Clone(string(detect.HKPhone))))
	if a.text != b.text || string(a.quoted) != string(b.quoted) {
		t.Errorf("%q and %q for one type", a.text, b.text)
	}
}

// TestScanReplacementEncoding: a scanned value's replacement is its JSON encoding whether
// it is written as it is (no escapes in the value, placeholders only) or escaped.
func TestScanReplacementEncoding(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct{ remark, want string }{
		{`電話 9123 4567 已核實`, `電話 [HK_PHONE] 已核實`},
		{`電話 9123 4567\n\"x\"`, `電話 [HK_PHONE]\n\"x\"`},
		{`\u96fb\u8a71 9123 4567 \/`, `電話 [HK_PHONE] /`},
		{`HKID A123456(3)，電話 9123 4567`, `HKID [HKID]，電話 [HK_PHONE]`},
	} {
		body := `{"result":{"remark":"` + tc.remark + `"}}`
		o := f.run(t, "user-get", Response, []string{"support"}, JSON, body)
		if want := `{"result":{"remark":"` + tc.want + `"}}`; string(o.Body) != want {
			t.Errorf("%s:\n got  %s\n want %s", body, o.Body, want)
		}
	}
}
