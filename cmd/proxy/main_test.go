package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runMain(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScanContract(t *testing.T) {
	f := writeFile(t, "a.json", `{"result":{"mobile":"91234567","remark":"HKID A123456(3)","msg":"{\"t\":\"x@example.com\"}"}}`)
	code, out, _ := run(t, "scan", f)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("findings:\n%s", out)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"file": f, "path": "result.mobile", "type": "hk_phone", "start": 0.0, "end": 8.0}
	for k, v := range want {
		if first[k] != v {
			t.Errorf("%s = %v, want %v", k, first[k], v)
		}
	}
	if _, ok := first["value"]; ok || strings.Contains(out, "91234567") {
		t.Error("values printed without --show-values")
	}
	if !strings.Contains(lines[2], `"path":"result.msg"`) {
		t.Errorf("nested finding not on the outer path: %s", lines[2])
	}
	_, out, _ = run(t, "scan", "--show-values", f)
	if !strings.Contains(out, `"value":"91234567"`) {
		t.Errorf("--show-values: %s", out)
	}
}

func TestScanErrors(t *testing.T) {
	bad := writeFile(t, "bad.json", `{"a": [1, 2}`)
	code, _, errOut := run(t, "scan", bad)
	if code != 2 || !strings.Contains(errOut, "invalid JSON at byte 11") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	utf := writeFile(t, "u.json", "{\"a\":\"\xff\"}")
	if code, _, errOut := run(t, "scan", utf); code != 2 || !strings.Contains(errOut, "UTF-8") {
		t.Fatalf("invalid UTF-8: exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, "scan", filepath.Join(t.TempDir(), "missing.json")); code != 2 {
		t.Fatalf("missing file: exit %d", code)
	}
	if code, _, _ := run(t, "scan"); code != 2 {
		t.Fatalf("no files: exit %d", code)
	}
}

func TestPolicyCheck(t *testing.T) {
	if code, out, _ := run(t, "policy", "check", "../../policies/demo.yaml"); code != 0 || out != "" {
		t.Fatalf("good policy: exit %d, %q", code, out)
	}
	bad := writeFile(t, "bad.yaml", "version: 1\nroles: [a]\nbogus: 1\nroutes:\n  - name: r\n    match: {upstream: nope, method: POST, path: /x}\n")
	code, out, _ := run(t, "policy", "check", bad)
	if code != 1 {
		t.Fatalf("bad policy: exit %d", code)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(l, bad+":") || strings.Count(l, ":") < 3 {
			t.Errorf("not file:line:col: %q", l)
		}
	}
	if !strings.Contains(out, bad+":3:1:") {
		t.Errorf("unknown key not reported at 3:1:\n%s", out)
	}
}

func TestMaskCommand(t *testing.T) {
	in := writeFile(t, "u.json", `{"errcode":0,"result":{"name":"陳大文","mobile":"91234567","remark":"HKID A123456(3)"}}`)
	args := []string{"mask", "--policy", "../../policies/demo.yaml", "--route", "POST /topapi/v2/user/get"}
	code, out, errOut := run(t, append(args, "--role", "support", in)...)
	if code != 0 || out != `{"errcode":0,"result":{"name":"陳大文","mobile":"[HK_PHONE]","remark":"HKID [HKID]"}}` {
		t.Fatalf("support: exit %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, append(args, "--role", "payroll", in)...)
	if code != 0 || !strings.Contains(out, `"mobile":"9***4567"`) {
		t.Fatalf("payroll: exit %d %q", code, out)
	}
	if code, _, _ := run(t, "mask", "--policy", "../../policies/demo.yaml", "--role", "support", "--route", "POST /nope", in); code != 2 {
		t.Fatalf("unknown route: exit %d", code)
	}
	if code, _, _ := run(t, append(args, "--role", "nobody", in)...); code != 2 {
		t.Fatalf("unknown role: exit %d", code)
	}
}

func TestAuditVerifyDetectsTampering(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "audit")
	l, err := audit.Open(audit.Config{Dir: dir, Replica: "t"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if err := l.Append(&audit.Record{Kind: audit.KindCall, Route: "user-get", Caller: "c", Decision: audit.DecisionForwarded, Status: 200,
			Counts: map[string]int{"hkid": 1}}); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	if code, out, _ := run(t, "audit", "verify", dir); code != 0 || !strings.Contains(out, ": OK") {
		t.Fatalf("clean log: exit %d\n%s", code, out)
	}
	code, out, _ := run(t, "audit", "export", "--format", "json", dir)
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, "user-get") {
		t.Fatalf("export: exit %d %.200s", code, out)
	}
	segs, _ := filepath.Glob(filepath.Join(dir, "seg-*.jsonl"))
	if len(segs) == 0 {
		t.Fatal("no segment files")
	}
	data, _ := os.ReadFile(segs[0])
	edited := bytes.Replace(data, []byte(`"hkid":1`), []byte(`"hkid":0`), 1)
	if bytes.Equal(edited, data) {
		t.Fatal("nothing to edit")
	}
	os.WriteFile(segs[0], edited, 0o600)
	code, out, _ = run(t, "audit", "verify", dir)
	if code != 1 || !strings.Contains(out, "FAILED") || !strings.Contains(out, "first problem") {
		t.Fatalf("edited log: exit %d\n%s", code, out)
	}
}

// TestReloadKeepsAGoodPolicy: SIGHUP with a broken policy keeps the running one and says
// why; a good one replaces it.
func TestReloadKeepsAGoodPolicy(t *testing.T) {
	good, err := os.ReadFile("../../policies/demo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.yaml")
	os.WriteFile(path, good, 0o644)
	plan, err := policy.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	srv, err := proxy.New(plan, proxy.Options{Logger: log, HashKey: bytes.Repeat([]byte{1}, 32)})
	if err != nil {
		t.Fatal(err)
	}
	before := srv.Runtime()
	os.WriteFile(path, append(good, []byte("\nbogus_key: 1\n")...), 0o644)
	reload(srv, path, log)
	if srv.Runtime() != before {
		t.Fatal("a broken policy replaced the running one")
	}
	if !strings.Contains(logs.String(), "keeping the previous policy") || !strings.Contains(logs.String(), "bogus_key") {
		t.Fatalf("the log does not say why: %s", logs.String())
	}
	os.WriteFile(path, good, 0o644)
	reload(srv, path, log)
	if srv.Runtime() == before {
		t.Fatal("a good policy was not installed")
	}
}

func TestBenchCommand(t *testing.T) {
	in := writeFile(t, "u.json", `{"errcode":0,"result":{"name":"陳大文","mobile":"91234567","remark":"HKID A123456(3)"}}`)
	code, out, errOut := run(t, "bench", "--duration", "100ms", "--policy", "../../policies/demo.yaml",
		"--role", "support", "--route", "POST /topapi/v2/user/get", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"route user-get, role support, response direction, 1 document(s)",
		"MB/s per core", "documents/s", "json.Valid", "MB/s on the same bytes (this engine: ", "allocations",
		"hk_phone         1", "hkid             1"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "A123456") || strings.Contains(out, "91234567") {
		t.Errorf("bench output shows a value:\n%s", out)
	}
}
