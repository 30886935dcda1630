package dsar

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/audittest"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

func setup(t *testing.T) (*Service, string) {
	t.Helper()
	dir := t.TempDir()
	v, err := vault.Open(context.Background(), vault.Config{Backend: "bolt", Path: filepath.Join(dir, "v.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	auditDir := filepath.Join(dir, "audit")
	l, err := audit.Open(audit.Config{Dir: auditDir, Replica: "t"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	toks, err := v.Tokenize(context.Background(), []vault.Entry{{Type: "hkid", Value: "A123456(3)"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, route := range []string{"robot-batch-send", "user-get", "robot-batch-send"} {
		if err := l.Append(&audit.Record{Kind: audit.KindCall, Caller: "demo-bot", Route: route, Decision: audit.DecisionForwarded,
			Region: "cn", CrossBorder: true, Tokens: []string{toks[0]}}); err != nil {
			t.Fatal(err)
		}
	}
	l.Append(&audit.Record{Kind: audit.KindCall, Caller: "x", Route: "other", Decision: audit.DecisionForwarded})
	return &Service{Vault: v, AuditDir: auditDir, Audit: l, Actor: "test"}, toks[0]
}

func TestFindExportErase(t *testing.T) {
	s, tok := setup(t)
	ctx := context.Background()
	// Any spelling of the value finds the same subject.
	res, err := s.Find(ctx, "hkid", "a1234563")
	if err != nil {
		t.Fatal(err)
	}
	if res.Vault.Token != tok || len(res.Calls) != 3 || strings.Join(res.Routes, ",") != "robot-batch-send,user-get" ||
		res.Value != "" || res.AuditOK == nil || !*res.AuditOK {
		t.Fatalf("find: %+v", res)
	}
	ex, err := s.Export(ctx, "hkid", "A123456(3)")
	if err != nil || ex.Value != "A123456(3)" {
		t.Fatalf("export: %+v %v", ex, err)
	}
	var report bytes.Buffer
	WriteReport(&report, ex)
	if !strings.Contains(report.String(), "A123456(3)") || !strings.Contains(report.String(), "robot-batch-send") {
		t.Fatalf("export report:\n%s", report.String())
	}
	report.Reset()
	WriteReport(&report, res)
	if strings.Contains(report.String(), "A123456") {
		t.Fatal("a find report shows the value")
	}

	er, err := s.Erase(ctx, "hkid", "A123456(3)")
	if err != nil || er.Vault.Status != vault.StatusErased {
		t.Fatalf("erase: %+v %v", er, err)
	}
	rev, err := s.Vault.Reveal(ctx, []string{tok})
	if err != nil || rev[0].Status != vault.StatusErased || rev[0].Value != "" {
		t.Fatalf("reveal after erase: %+v %v", rev, err)
	}
	if ex, err := s.Export(ctx, "hkid", "A123456(3)"); err != nil || ex.Value != "" {
		t.Fatalf("export after erase: %+v %v", ex, err)
	}
	// The erasure is in the audit log, by token only.
	s.Audit.Close()
	found := false
	audit.Walk(s.AuditDir, audit.VerifyOptions{}, func(r *audit.Record, _ []byte) error {
		if r.Kind == audit.KindErasure && len(r.Tokens) == 1 && r.Tokens[0] == tok && r.Caller == "test" {
			found = true
		}
		return nil
	})
	if !found {
		t.Fatal("no erasure record")
	}
	audittest.AssertNoValues(t, s.AuditDir, []string{"A123456", "a1234563"})
}

func TestHandler(t *testing.T) {
	s, tok := setup(t)
	h := Handler(func(actor string) *Service { c := *s; c.Actor = actor; return &c }, func(*http.Request) string { return "admin-1" })
	srv := httptest.NewServer(h)
	defer srv.Close()
	post := func(op, body string) (int, string) {
		res, err := http.Post(srv.URL+"/admin/dsar/"+op, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(res.Body)
		return res.StatusCode, b.String()
	}
	code, body := post("find", `{"type":"hkid","value":"A123456(3)"}`)
	var res Result
	if code != 200 || json.Unmarshal([]byte(body), &res) != nil || res.Vault.Token != tok {
		t.Fatalf("find: %d %s", code, body)
	}
	if code, _ := post("find", `{"type":"hkid"}`); code != 400 {
		t.Fatalf("no value: %d", code)
	}
	if code, _ := post("find", `{"type":"hkid","value":"x","extra":1}`); code != 400 {
		t.Fatalf("unknown field: %d", code)
	}
	if code, _ := post("nope", `{"type":"hkid","value":"x"}`); code != 404 {
		t.Fatalf("unknown op: %d", code)
	}
	if code, body := post("erase", `{"type":"hkid","value":"A123456(3)"}`); code != 200 || !strings.Contains(body, `"erased"`) {
		t.Fatalf("erase: %d %s", code, body)
	}
	res2, _ := http.Get(srv.URL + "/admin/dsar/find")
	if res2.StatusCode != 405 {
		t.Fatalf("GET: %d", res2.StatusCode)
	}
}

// TestUnknownType: a type id no token can have is refused, by every operation and by the
// admin endpoint, instead of answering "nothing held" under a made-up token (or leaving a
// tombstone for nobody); the policy's own types and untyped tokens are accepted.
func TestUnknownType(t *testing.T) {
	s, _ := setup(t)
	s.CustomTypes = []string{"staff_no"}
	ctx := context.Background()
	ops := map[string]func(context.Context, string, string) (*Result, error){"find": s.Find, "export": s.Export, "erase": s.Erase}
	for _, tc := range []struct {
		typ string
		ok  bool
	}{
		{"hkid", true}, {"address", true}, {"staff_no", true}, {vault.UntypedType, true},
		{"hkidx", false}, {"HKID", false}, {"phone", false}, {"tok", false},
	} {
		for name, op := range ops {
			_, err := op(ctx, tc.typ, "EMP-123456")
			if tc.ok && err != nil {
				t.Errorf("%s %q: %v", name, tc.typ, err)
			}
			if !tc.ok && (!errors.Is(err, ErrUnknownType) || !strings.Contains(err.Error(), "hkid, hk_phone, ") ||
				!strings.Contains(err.Error(), "staff_no, text")) {
				t.Errorf("%s %q: %v, want ErrUnknownType with the list of types", name, tc.typ, err)
			}
		}
	}

	h := Handler(func(string) *Service { return s }, func(*http.Request) string { return "admin-1" })
	for _, op := range []string{"find", "export", "erase"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", "/admin/dsar/"+op, strings.NewReader(`{"type":"hkidx","value":"A123456(3)"}`)))
		var e struct{ Code, Message string }
		if rec.Code != 400 || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Code != "unknown_type" || !strings.Contains(e.Message, "hk_phone") {
			t.Errorf("admin %s: %d %s", op, rec.Code, rec.Body.String())
		}
	}
}
