package proxy_test

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/audittest"
	"github.com/hkpii/dingtalk-pii-proxy/internal/ca"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// fwdHarness is forward mode end to end: the simulator behind a TLS test server (it plays
// oapi/api.dingtalk.com), the reverse-mode Server trusting that server's certificate, and
// the forward handler on a real socket with a fresh CA.
type fwdHarness struct {
	t        testing.TB
	sim      *httptest.Server
	srv      *proxy.Server
	vault    *vault.Vault
	audit    *audit.Log
	auditDir string
	logs     *syncBuffer
	fwd      *httptest.Server
	caPool   *x509.CertPool
	caFile   string // ca.pem

	mu     sync.Mutex
	calls  []*proxy.Call
	dialed []string // every address a test client dialed
}

type fwdConfig struct {
	untrustedUpstream bool // the Server uses system roots: the simulator's certificate is unknown
	idle              time.Duration
}

func newForwardHarness(t testing.TB, cfg fwdConfig) *fwdHarness {
	t.Helper()
	s, err := sim.New(sim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	h := &fwdHarness{t: t, logs: &syncBuffer{}}
	h.sim = httptest.NewUnstartedServer(s)
	// The untrusted-upstream test makes handshakes fail on purpose: keep them out of the output.
	h.sim.Config.ErrorLog = log.New(io.Discard, "", 0)
	h.sim.StartTLS()
	t.Cleanup(h.sim.Close)

	dir := t.TempDir()
	h.vault, err = vault.Open(context.Background(), vault.Config{Backend: "bolt", Path: filepath.Join(dir, "vault.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.vault.Close() })
	h.auditDir = filepath.Join(dir, "audit")
	h.audit, err = audit.Open(audit.Config{Dir: h.auditDir, Replica: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.audit.Close() })

	upstreamTransport := proxy.NewTransport()
	if !cfg.untrustedUpstream {
		pool := x509.NewCertPool()
		pool.AddCert(h.sim.Certificate())
		upstreamTransport.TLSClientConfig = &tls.Config{RootCAs: pool}
	}
	simURL, _ := url.Parse(h.sim.URL)
	logger := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h.srv, err = proxy.New(loadPolicy(t, nil), proxy.Options{
		Logger: logger, Vault: h.vault, Audit: h.audit, Transport: upstreamTransport,
		UpstreamOverrides: map[string]*url.URL{"oapi": simURL, "api": simURL},
		HashKey:           []byte("0123456789abcdef0123456789abcdef"),
		Retries:           -1,
		Observe: func(c *proxy.Call) {
			h.mu.Lock()
			h.calls = append(h.calls, c)
			h.mu.Unlock()
		},
	})
	if err != nil {
		t.Fatal(err)
	}

	created, err := ca.Create(ca.Options{})
	if err != nil {
		t.Fatal(err)
	}
	caDir := filepath.Join(dir, "ca")
	certFile, keyFile, err := ca.Write(caDir, created, false)
	if err != nil {
		t.Fatal(err)
	}
	caCert, err := proxy.LoadCA(certFile, keyFile)
	if err != nil {
		t.Fatal(err)
	}
	h.caFile = certFile
	h.caPool = x509.NewCertPool()
	h.caPool.AddCert(created.Cert)
	fwd, err := proxy.NewForward(h.srv, proxy.ForwardOptions{CACert: caCert, Logger: logger, IdleTimeout: cfg.idle})
	if err != nil {
		t.Fatal(err)
	}
	h.fwd = httptest.NewServer(fwd)
	t.Cleanup(h.fwd.Close)
	return h
}

// client returns an HTTPS_PROXY client: every connection goes to the forward listener (the
// DingTalk names are never resolved), and it trusts only the proxy's CA (or roots).
func (h *fwdHarness) client(user *url.Userinfo, roots *x509.CertPool) *http.Client {
	pu, _ := url.Parse(h.fwd.URL)
	pu.User = user
	if roots == nil {
		roots = h.caPool
	}
	var d net.Dialer
	tr := &http.Transport{
		Proxy:           http.ProxyURL(pu),
		TLSClientConfig: &tls.Config{RootCAs: roots},
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			h.mu.Lock()
			h.dialed = append(h.dialed, addr)
			h.mu.Unlock()
			return d.DialContext(ctx, network, addr)
		},
	}
	h.t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr, Timeout: 20 * time.Second}
}

// call sends one request through forward mode; hdr holds name, value pairs.
func (h *fwdHarness) call(c *http.Client, method, rawURL, body string, hdr ...string) (resp, *http.Response) {
	h.t.Helper()
	r, err := h.try(c, method, rawURL, body, hdr...)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	return r.resp, r.raw
}

type fwdResp struct {
	resp
	raw *http.Response
}

func (h *fwdHarness) try(c *http.Client, method, rawURL, body string, hdr ...string) (fwdResp, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, rawURL, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			req.Host = hdr[i+1]
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		return fwdResp{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return fwdResp{}, err
	}
	return fwdResp{resp{res.StatusCode, res.Header, b}, res}, nil
}

// received returns what the simulator was sent, and clears its record.
func (h *fwdHarness) received() []sim.Recorded { return simReceived(h.t, h.sim.Client(), h.sim.URL) }

func (h *fwdHarness) employee(i int) sim.EmployeeRecord {
	h.t.Helper()
	res, err := h.sim.Client().Get(fmt.Sprintf("%s/_sim/employees/%d", h.sim.URL, i))
	if err != nil {
		h.t.Fatal(err)
	}
	defer res.Body.Close()
	var e sim.EmployeeRecord
	if err := json.NewDecoder(res.Body).Decode(&e); err != nil {
		h.t.Fatal(err)
	}
	return e
}

func (h *fwdHarness) legacyToken(c *http.Client) string {
	h.t.Helper()
	r, _ := h.call(c, http.MethodGet, "https://oapi.dingtalk.com/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "",
		"X-Api-Key", "demo-hr-admin-key")
	tok, _ := r.json(h.t)["access_token"].(string)
	if r.status != 200 || tok == "" {
		h.t.Fatalf("gettoken through forward mode: %d %s", r.status, r.body)
	}
	return tok
}

func (h *fwdHarness) apiToken(c *http.Client) string {
	h.t.Helper()
	r, _ := h.call(c, http.MethodPost, "https://api.dingtalk.com/v1.0/oauth2/accessToken",
		`{"appKey":"demo-app-key","appSecret":"demo-app-secret"}`, "X-Api-Key", "demo-bot-key")
	tok, _ := r.json(h.t)["accessToken"].(string)
	if r.status != 200 || tok == "" {
		h.t.Fatalf("accessToken through forward mode: %d %s", r.status, r.body)
	}
	return tok
}

func (h *fwdHarness) findEmployee() sim.EmployeeRecord {
	for i := 0; i < 200; i++ {
		if e := h.employee(i); e.Mobile != "" && e.Email != "" && e.HKID != "" && strings.Contains(e.Remark, e.HKID) {
			return e
		}
	}
	h.t.Fatal("no employee with a mobile, an e-mail and an HKID in the remark")
	return sim.EmployeeRecord{}
}

// TestForwardModeMasks: a Go net/http client with HTTPS_PROXY semantics calls both DingTalk
// API generations by their real names; responses come back masked for its role and the
// HKID in a bot message reaches "DingTalk" as a vault token. The client dials only the proxy.
func TestForwardModeMasks(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{})
	plain := h.client(nil, nil)
	support := h.client(url.UserPassword("demo-support", "demo-support-key"), nil)
	e := h.findEmployee()
	tok := h.legacyToken(plain)

	// Legacy API, caller from the proxy URL (Proxy-Authorization on CONNECT).
	r, raw := h.call(support, http.MethodPost, "https://oapi.dingtalk.com/topapi/v2/user/get?access_token="+tok,
		fmt.Sprintf(`{"userid":%q}`, e.UserID))
	if r.status != 200 || r.json(t)["errcode"].(float64) != 0 {
		t.Fatalf("user/get: %d %s", r.status, r.body)
	}
	for _, v := range []string{e.Mobile, e.Email, e.HKID} {
		if strings.Contains(string(r.body), v) {
			t.Errorf("support sees %q in clear through forward mode", v)
		}
	}
	if !strings.Contains(string(r.body), e.Name) || !strings.Contains(string(r.body), "[EMAIL]") {
		t.Errorf("support's response is not the masked one: %.300s", r.body)
	}
	leaf := raw.TLS.PeerCertificates[0]
	if _, ok := leaf.PublicKey.(*ecdsa.PublicKey); !ok || leaf.DNSNames[0] != "oapi.dingtalk.com" ||
		leaf.NotAfter.Sub(leaf.NotBefore) > 26*time.Hour {
		t.Errorf("presented certificate: %T %v valid %v", leaf.PublicKey, leaf.DNSNames, leaf.NotAfter.Sub(leaf.NotBefore))
	}

	// New API: the bot's message is tokenized on its way to DingTalk.
	apiTok := h.apiToken(plain)
	h.received()
	r, _ = h.call(plain, http.MethodPost, "https://api.dingtalk.com/v1.0/robot/oToMessages/batchSend",
		`{"msgKey":"sampleText","msgParam":"{\"content\":\"HKID A123456(3) 9123 4567\"}","robotCode":"dingFAKEROBOT","userIds":["u1"]}`,
		"Authorization", "Bearer demo-bot-key", "x-acs-dingtalk-access-token", apiTok)
	if r.status != 200 {
		t.Fatalf("batchSend: %d %s", r.status, r.body)
	}
	got := h.received()
	if len(got) != 1 || got[0].Path != "/v1.0/robot/oToMessages/batchSend" {
		t.Fatalf("DingTalk received %+v", got)
	}
	if sent := got[0].Body; strings.Contains(sent, "A123456") || !strings.Contains(sent, h.vault.TokenFor("hkid", "A123456(3)")) {
		t.Errorf("DingTalk did not receive the HKID's token: %s", sent)
	}
	for _, name := range got[0].HeaderNames {
		if name == "Authorization" || name == "X-Api-Key" || name == "Proxy-Authorization" {
			t.Errorf("header %s reached DingTalk", name)
		}
	}

	// The same pipeline as reverse mode: each call authenticated, routed and observed. (A
	// call is observed just after its last byte is written: wait for the last one.)
	var callers, routes, dialed []string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		h.mu.Lock()
		callers, routes = nil, nil
		for _, c := range h.calls {
			if c.Caller != nil && c.Route != nil {
				callers, routes = append(callers, c.Caller.ID), append(routes, c.Route.Name)
			}
		}
		dialed = append([]string(nil), h.dialed...)
		h.mu.Unlock()
		if len(callers) >= 4 || time.Now().After(deadline) {
			break
		}
	}
	// Calls are observed after their answer is written, so the client may already have sent
	// the next one: compare without order.
	slices.Sort(callers)
	if strings.Join(callers, ",") != "demo-bot,demo-bot,demo-hr-admin,demo-support" || len(routes) != 4 {
		t.Errorf("observed callers %v routes %v", callers, routes)
	}
	proxyAddr := strings.TrimPrefix(h.fwd.URL, "http://")
	for _, a := range dialed {
		if a != proxyAddr {
			t.Errorf("the client dialed %s, not only the proxy", a)
		}
	}

	h.audit.Close()
	planted := []string{e.Mobile, e.Email, e.HKID, "A123456", tok, "demo-support-key", "demo-bot-key", "demo-app-secret"}
	audittest.AssertNoValues(t, h.auditDir, planted)
	for _, v := range planted {
		if strings.Contains(h.logs.String(), v) {
			t.Errorf("the log contains %q", v)
		}
	}
}

// TestForwardRefusesOtherHosts: never an open proxy. CONNECT and plain-HTTP requests for any
// host but the configured DingTalk ones get 403, and nothing is dialed.
func TestForwardRefusesOtherHosts(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{})
	// A bystander that would see any connection the proxy made for a client.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var accepted atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			c.Close()
		}
	}()
	by := ln.Addr().String()
	c := h.client(url.UserPassword("demo-hr-admin", "demo-hr-admin-key"), nil)
	for _, u := range []string{"https://example.com/", "https://" + by + "/", "https://oapi.dingtalk.com:8443/gettoken",
		"https://dingtalk.com/", "https://oapi.dingtalk.com.example.com/"} {
		_, err := h.try(c, http.MethodGet, u, "")
		if err == nil || !strings.Contains(err.Error(), "Forbidden") {
			t.Errorf("%s: %v, want the CONNECT refused", u, err)
		}
	}
	for _, u := range []string{"http://example.com/", "http://" + by + "/", "http://oapi.dingtalk.com:8080/gettoken"} {
		r, err := h.try(c, http.MethodGet, u, "")
		if err != nil {
			t.Fatal(err)
		}
		if r.status != 403 || r.json(t)["code"] != proxy.ReasonHostNotAllowed {
			t.Errorf("%s: %d %s", u, r.status, r.body)
		}
	}
	// The refusal of a CONNECT, as a raw client sees it.
	conn, err := net.Dial("tcp", strings.TrimPrefix(h.fwd.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprint(conn, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: http.MethodConnect})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 403 || !strings.Contains(string(body), proxy.ReasonHostNotAllowed) {
		t.Errorf("raw CONNECT: %d %s", res.StatusCode, body)
	}

	time.Sleep(50 * time.Millisecond)
	if n := accepted.Load(); n != 0 {
		t.Errorf("the proxy connected to the bystander %d times", n)
	}
	if got := h.received(); len(got) != 0 {
		t.Errorf("DingTalk received %d calls", len(got))
	}
	if logs := h.logs.String(); strings.Contains(logs, "refused a direct upstream") || strings.Contains(logs, "refused a CONNECT tunnel") {
		t.Errorf("goproxy tried to dial: %s", logs)
	}
	if !strings.Contains(h.logs.String(), "CONNECT refused") {
		t.Error("refused CONNECTs are not logged")
	}
	// Each refusal is in the audit trail: six CONNECTs (five through the client, one raw)
	// and three plain-HTTP proxy requests, all denied with the reason the client saw.
	h.audit.Close()
	byMethod := map[string]int{}
	for _, r := range audittest.Records(t, h.auditDir) {
		if r.Kind != audit.KindCall {
			continue
		}
		if r.Decision != audit.DecisionDenied || r.Reason != proxy.ReasonHostNotAllowed || r.Status != 403 || r.RequestID == "" {
			t.Errorf("audit record %+v, want a denied host_not_allowed call", r)
		}
		byMethod[r.Method]++
	}
	if byMethod[http.MethodConnect] != 6 || byMethod[http.MethodGet] != 3 || len(byMethod) != 2 {
		t.Errorf("audit records of refusals by method: %v, want 6 CONNECT and 3 GET", byMethod)
	}
}

// TestForwardCredentials: the key may come from the proxy URL (Proxy-Authorization on
// CONNECT) or from the call itself; the call's own key wins; no key is the normal 401.
func TestForwardCredentials(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{})
	e := h.findEmployee()
	tok := h.legacyToken(h.client(nil, nil))
	path := "https://oapi.dingtalk.com/topapi/v2/user/get?access_token=" + tok
	body := fmt.Sprintf(`{"userid":%q}`, e.UserID)
	for _, tc := range []struct {
		name      string
		user      *url.Userinfo
		hdr       []string
		status    int
		code      string
		seesPhone bool
	}{
		{"no key anywhere", nil, nil, 401, "missing_api_key", false},
		{"key in the proxy URL", url.UserPassword("demo-hr-admin", "demo-hr-admin-key"), nil, 200, "", true},
		{"key as the proxy URL's user name", url.User("demo-hr-admin-key"), nil, 200, "", true},
		{"wrong key in the proxy URL", url.UserPassword("demo-hr-admin", "nope"), nil, 401, "invalid_api_key", false},
		{"key on the call", nil, []string{"X-Api-Key", "demo-support-key"}, 200, "", false},
		{"call's key wins over the URL's", url.UserPassword("demo-hr-admin", "demo-hr-admin-key"),
			[]string{"Authorization", "Bearer demo-support-key"}, 200, "", false},
		{"call's wrong key is not rescued by the URL's", url.UserPassword("demo-hr-admin", "demo-hr-admin-key"),
			[]string{"X-Api-Key", "nope"}, 401, "invalid_api_key", false},
	} {
		r, _ := h.call(h.client(tc.user, nil), http.MethodPost, path, body, tc.hdr...)
		if r.status != tc.status {
			t.Errorf("%s: %d %s", tc.name, r.status, r.body)
			continue
		}
		if tc.code != "" && r.json(t)["code"] != tc.code {
			t.Errorf("%s: %s", tc.name, r.body)
		}
		if sees := strings.Contains(string(r.body), e.Mobile); r.status == 200 && sees != tc.seesPhone {
			t.Errorf("%s: sees the mobile in clear = %v", tc.name, sees)
		}
	}
	// Plain HTTP through the proxy to a DingTalk host takes the same path (Go sends
	// Proxy-Authorization on the request itself).
	r, _ := h.call(h.client(url.UserPassword("demo-support", "demo-support-key"), nil), http.MethodPost,
		"http://oapi.dingtalk.com/topapi/v2/user/get?access_token="+tok, body)
	if r.status != 200 || strings.Contains(string(r.body), e.Mobile) || !strings.Contains(string(r.body), e.Name) {
		t.Errorf("plain HTTP: %d %.200s", r.status, r.body)
	}
	for _, rec := range h.received() {
		for _, name := range rec.HeaderNames {
			if name == "Proxy-Authorization" || name == "X-Api-Key" || name == "Authorization" {
				t.Errorf("%s reached DingTalk", name)
			}
		}
	}
}

// TestForwardUpstreamTLSIsVerified: an upstream whose certificate the proxy does not trust
// is refused with 502, and receives nothing.
func TestForwardUpstreamTLSIsVerified(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{untrustedUpstream: true})
	r, _ := h.call(h.client(nil, nil), http.MethodGet,
		"https://oapi.dingtalk.com/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "", "X-Api-Key", "demo-hr-admin-key")
	if r.status != 502 || r.json(t)["code"] != "upstream_unavailable" {
		t.Fatalf("untrusted upstream: %d %s", r.status, r.body)
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("the untrusted upstream received %d calls", len(got))
	}
}

// TestForwardClientMustTrustTheCA: a client that does not trust the proxy's CA refuses the
// interception (nothing is sent), and one that trusts only the system roots too.
func TestForwardClientMustTrustTheCA(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{})
	_, err := h.try(h.client(nil, x509.NewCertPool()), http.MethodGet,
		"https://oapi.dingtalk.com/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "", "X-Api-Key", "demo-hr-admin-key")
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Fatalf("a client without the CA: %v", err)
	}
	if got := h.received(); len(got) != 0 {
		t.Fatalf("DingTalk received %d calls over an untrusted interception", len(got))
	}
}

// TestForwardAcceptEncoding: the proxy, not goproxy, handles Accept-Encoding: a client that
// accepts gzip gets a large masked body compressed; one that refuses it gets identity.
func TestForwardAcceptEncoding(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{})
	c := h.client(url.UserPassword("demo-support", "demo-support-key"), nil)
	u := "https://oapi.dingtalk.com/topapi/v2/user/list?access_token=" + h.legacyToken(c)
	list := `{"dept_id":1,"cursor":0,"size":20}`
	r, raw := h.call(c, http.MethodPost, u, list) // Go adds Accept-Encoding: gzip and decodes
	if r.status != 200 || !raw.Uncompressed || !strings.Contains(string(r.body), "[EMAIL]") {
		t.Fatalf("gzip: %d uncompressed=%v %.200s", r.status, raw.Uncompressed, r.body)
	}
	r, raw = h.call(c, http.MethodPost, u, list, "Accept-Encoding", "identity")
	if r.status != 200 || raw.Header.Get("Content-Encoding") != "" || !strings.Contains(string(r.body), `"errcode":0`) {
		t.Fatalf("identity: %d %v %.200s", r.status, raw.Header, r.body)
	}
}

// TestForwardMisdirected: a tunnel serves only the host it was opened for, and each host
// only its own API generation.
func TestForwardMisdirected(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{})
	c := h.client(url.UserPassword("demo-hr-admin", "demo-hr-admin-key"), nil)
	r, _ := h.call(c, http.MethodGet, "https://oapi.dingtalk.com/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "",
		"Host", "api.dingtalk.com")
	if r.status != 421 || r.json(t)["code"] != proxy.ReasonMisdirected {
		t.Errorf("Host header for another host: %d %s", r.status, r.body)
	}
	r, _ = h.call(c, http.MethodPost, "https://oapi.dingtalk.com/v1.0/oauth2/accessToken", `{"appKey":"demo-app-key","appSecret":"demo-app-secret"}`)
	if r.status != 403 || r.json(t)["code"] != "route_not_allowed" {
		t.Errorf("new API on the legacy host: %d %s", r.status, r.body)
	}
	r, _ = h.call(c, http.MethodGet, "https://api.dingtalk.com/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "")
	if r.status != 403 || r.json(t)["code"] != "route_not_allowed" {
		t.Errorf("legacy API on the new host: %d %s", r.status, r.body)
	}
	if got := h.received(); len(got) != 0 {
		t.Errorf("DingTalk received %d misdirected calls", len(got))
	}
}

// TestForwardIdleTunnelsClose: a client that opens a tunnel and goes quiet (here: never
// starts its TLS handshake) is disconnected after the idle timeout.
func TestForwardIdleTunnelsClose(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{idle: 300 * time.Millisecond})
	conn, err := net.Dial("tcp", strings.TrimPrefix(h.fwd.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprint(conn, "CONNECT oapi.dingtalk.com:443 HTTP/1.1\r\nHost: oapi.dingtalk.com:443\r\n\r\n")
	br := bufio.NewReader(conn)
	line, err := br.ReadString('\n')
	if err != nil || !strings.Contains(line, " 200 ") {
		t.Fatalf("CONNECT: %q %v", line, err)
	}
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = io.Copy(io.Discard, br) // returns when the proxy closes the tunnel
	if err != nil || time.Since(start) > 5*time.Second {
		t.Fatalf("the idle tunnel was not closed: %v after %v", err, time.Since(start))
	}
	if time.Since(start) < 250*time.Millisecond {
		t.Fatalf("closed after %v, before the idle timeout", time.Since(start))
	}
}

func TestForwardNonProxyRequest(t *testing.T) {
	h := newForwardHarness(t, fwdConfig{})
	res, err := http.Get(h.fwd.URL + "/gettoken")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]any
	json.NewDecoder(res.Body).Decode(&m)
	if res.StatusCode != 400 || m["code"] != proxy.ReasonNotProxyRequest {
		t.Fatalf("%d %v", res.StatusCode, m)
	}
	// Like every refusal: a request id in the header and the body, a log line, an audit record.
	id := res.Header.Get("X-Request-Id")
	if id == "" || m["requestid"] != id {
		t.Errorf("request id: header %q, body %v", id, m["requestid"])
	}
	if !strings.Contains(h.logs.String(), `"request_id":"`+id+`"`) || !strings.Contains(h.logs.String(), `"reason":"not_a_proxy_request"`) {
		t.Errorf("the refusal is not logged: %s", h.logs.String())
	}
	h.audit.Close()
	var recs []*audit.Record
	for _, r := range audittest.Records(t, h.auditDir) {
		if r.Kind == audit.KindCall {
			recs = append(recs, r)
		}
	}
	if len(recs) != 1 || recs[0].RequestID != id || recs[0].Reason != proxy.ReasonNotProxyRequest ||
		recs[0].Decision != audit.DecisionDenied || recs[0].Status != 400 {
		t.Errorf("audit records %+v, want one denied not_a_proxy_request call with id %s", recs, id)
	}
}

func TestNewForwardChecksItsConfiguration(t *testing.T) {
	plan := loadPolicy(t, nil)
	srv, err := proxy.New(plan, proxy.Options{Logger: slog.New(slog.DiscardHandler), HashKey: make([]byte, 32)})
	if err != nil {
		t.Fatal(err)
	}
	comOnly, _ := ca.Create(ca.Options{Domains: []string{"dingtalk.com"}})
	pairComOnly, _ := ca.Parse(comOnly.CertPEM, comOnly.KeyPEM, time.Now())
	full, _ := ca.Create(ca.Options{})
	pair, _ := ca.Parse(full.CertPEM, full.KeyPEM, time.Now())
	for _, tc := range []struct {
		name string
		opts proxy.ForwardOptions
		want string
	}{
		{"CA cannot certify a host", proxy.ForwardOptions{CACert: pairComOnly}, "api.dingtalk.io"},
		{"unknown upstream", proxy.ForwardOptions{CACert: pair, Hosts: map[string]string{"oapi.dingtalk.com": "legacy"}}, "want oapi or api"},
		{"no hosts", proxy.ForwardOptions{CACert: pair, Hosts: map[string]string{}}, "no hosts"},
		{"host with a port", proxy.ForwardOptions{CACert: pair, Hosts: map[string]string{"oapi.dingtalk.com:443": "oapi"}}, "character outside"},
		{"wildcard host", proxy.ForwardOptions{CACert: pair, Hosts: map[string]string{"*.dingtalk.com": "oapi"}}, "character outside"},
		{"no CA", proxy.ForwardOptions{}, "no certificate"},
	} {
		if _, err := proxy.NewForward(srv, tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := proxy.NewForward(srv, proxy.ForwardOptions{CACert: pairComOnly,
		Hosts: map[string]string{"oapi.dingtalk.com": "oapi", "api.dingtalk.com": "api"}}); err != nil {
		t.Errorf("a .com-only CA for the .com hosts: %v", err)
	}
}

func TestForwardHosts(t *testing.T) {
	got, err := proxy.ForwardHosts([]string{"OAPI.dingtalk.com.", "api.dingtalk.io"})
	if err != nil || len(got) != 2 || got["oapi.dingtalk.com"] != "oapi" || got["api.dingtalk.io"] != "api" {
		t.Errorf("%v %v", got, err)
	}
	if got, _ := proxy.ForwardHosts(nil); len(got) != 4 {
		t.Errorf("defaults: %v", got)
	}
	if _, err := proxy.ForwardHosts([]string{"example.com"}); err == nil || !strings.Contains(err.Error(), "forward.hosts[0]") {
		t.Errorf("example.com: %v", err)
	}
}

// BenchmarkForwardVsReverse: one masked legacy call (user/get, support role) over a kept-alive
// connection, through forward mode (client TLS to the proxy, goproxy, the Server) and
// through reverse mode (plain HTTP to the Server), against the same TLS upstream.
func BenchmarkForwardVsReverse(b *testing.B) {
	h := newForwardHarness(b, fwdConfig{})
	c := h.client(url.UserPassword("demo-support", "demo-support-key"), nil)
	e := h.employee(3)
	tok := h.legacyToken(c)
	body := fmt.Sprintf(`{"userid":%q}`, e.UserID)
	rev := httptest.NewServer(h.srv)
	b.Cleanup(rev.Close)
	run := func(b *testing.B, c *http.Client, u string, hdr ...string) {
		for b.Loop() {
			r, err := h.try(c, http.MethodPost, u, body, hdr...)
			if err != nil || r.status != 200 {
				b.Fatalf("%v %d", err, r.status)
			}
		}
	}
	b.Run("forward", func(b *testing.B) {
		run(b, c, "https://oapi.dingtalk.com/topapi/v2/user/get?access_token="+tok)
	})
	b.Run("reverse", func(b *testing.B) {
		run(b, &http.Client{}, rev.URL+"/topapi/v2/user/get?access_token="+tok, "X-Api-Key", "demo-support-key")
	})
}
