package proxy_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// startRedis runs a private redis-server on a free port; the returned function stops it.
func startRedis(t *testing.T, port int) func() {
	t.Helper()
	bin := testenv.NeedCommand(t, "redis-server")
	cmd := exec.Command(bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cmd.Process.Kill()
			cmd.Wait()
		}
	}
	t.Cleanup(stop)
	return stop
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestVaultOutageFailsClosed: with the vault's backend down, a call that must tokenize gets
// a 503 JSON error and DingTalk receives nothing; when the backend is back, the proxy
// recovers by itself.
func TestVaultOutageFailsClosed(t *testing.T) {
	port := freePort(t)
	stop := startRedis(t, port)
	t.Setenv("PROXY_VAULT_TOKEN_KEY", base64.StdEncoding.EncodeToString([]byte(strings.Repeat("t", 32))))
	t.Setenv("PROXY_VAULT_KEYS", "k1:"+base64.StdEncoding.EncodeToString([]byte(strings.Repeat("k", 32))))
	t.Setenv("PROXY_VAULT_ACTIVE_KEY", "k1")
	v, err := vault.Open(context.Background(), vault.Config{Backend: "redis", Addr: fmt.Sprintf("127.0.0.1:%d", port), Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	s, _ := sim.New(sim.DefaultConfig())
	simSrv := httptest.NewServer(s)
	defer simSrv.Close()
	u, _ := url.Parse(simSrv.URL)
	srv, err := proxy.New(loadPolicy(t, nil), proxy.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Vault: v,
		UpstreamOverrides: map[string]*url.URL{"oapi": u, "api": u}, HashKey: []byte("0123456789abcdef0123456789abcdef")})
	if err != nil {
		t.Fatal(err)
	}
	ps := httptest.NewServer(srv.Ops(srv))
	defer ps.Close()
	h := &harness{t: t, sim: simSrv, proxy: ps}

	send := func(hkid string) resp {
		return h.do(http.MethodPost, "/v1.0/robot/oToMessages/batchSend", "demo-bot-key", "application/json",
			strings.NewReader(`{"msgKey":"sampleText","msgParam":"{\"content\":\"HKID `+hkid+`\"}","robotCode":"r","userIds":["u"]}`),
			"x-acs-dingtalk-access-token", "t")
	}
	if r := send("A123456(3)"); r.status == 503 {
		t.Fatalf("with the vault up: %d %s", r.status, r.body)
	}
	h.received()
	stop()
	r := send("K382716(A)")
	if r.status != 503 || r.json(t)["code"] != "vault_unavailable" {
		t.Fatalf("vault down: %d %s", r.status, r.body)
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("DingTalk received %d calls while the vault was down", len(got))
	}
	if r := h.do(http.MethodGet, "/readyz", "", "", nil); r.status != 503 {
		t.Errorf("readyz with the vault down: %d %s", r.status, r.body)
	}
	startRedis(t, port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		r = send("K382716(A)")
		if r.status != 503 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if r.status == 503 {
		t.Fatalf("the proxy did not recover: %s", r.body)
	}
	if r := h.do(http.MethodGet, "/readyz", "", "", nil); r.status != 200 {
		t.Errorf("readyz after recovery: %d %s", r.status, r.body)
	}
}

// TestAuditDownFailsClosed: with the audit log unable to record (closed here; a failed
// write or fsync and a full spool look the same to the proxy, see audit.TestHealthy…),
// calls are refused with a 503 JSON error and DingTalk receives nothing.
func TestAuditDownFailsClosed(t *testing.T) {
	h := newHarness(t)
	emp := h.employee(3)
	get := func() resp {
		return h.postJSON("/topapi/v2/user/get?access_token="+h.legacyToken(), "demo-payroll-key", `{"userid":"`+emp.UserID+`"}`)
	}
	if r := get(); r.status != 200 {
		t.Fatalf("with the audit log up: %d %s", r.status, r.body)
	}
	h.received()
	if err := h.audit.Close(); err != nil {
		t.Fatal(err)
	}
	r := get()
	if r.status != 503 || r.json(t)["code"] != "audit_unavailable" {
		t.Fatalf("audit down: %d %s", r.status, r.body)
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("DingTalk received %d calls while the audit log was down", len(got))
	}
	if r := h.do(http.MethodGet, "/readyz", "", "", nil); r.status != 503 || !strings.Contains(string(r.body), `"audit":"unavailable"`) {
		t.Errorf("readyz with the audit log down: %d %s", r.status, r.body)
	}
}
