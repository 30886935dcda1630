package proxy_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
)

// testCA issues certificates for the TLS tests.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pool *x509.CertPool
}

func newTestCA(t *testing.T) *testCA {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &testCA{cert, key, pool}
}

func (ca *testCA) issue(t *testing.T, cn string, client bool) tls.Certificate {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, DNSNames: []string{"127.0.0.1", "localhost"}}
	if client {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}
}

// TestMTLSCallers: over an HTTPS listener, a verified client certificate maps to a policy
// caller by its public key; an unmapped certificate is refused; an API key still decides
// when present.
func TestMTLSCallers(t *testing.T) {
	ca := newTestCA(t)
	clientCert := ca.issue(t, "hr-portal.internal", true)
	otherCert := ca.issue(t, "someone-else", true)
	spki := sha256.Sum256(clientCert.Leaf.RawSubjectPublicKeyInfo)

	s, _ := sim.New(sim.DefaultConfig())
	simSrv := httptest.NewServer(s)
	defer simSrv.Close()
	data := strings.Replace(readFile(t, demoPolicy), "callers:\n", "callers:\n  - id: hr-portal-mtls\n    client_cert: {spki_sha256: "+hex.EncodeToString(spki[:])+"}\n    roles: [hr_admin]\n", 1)
	plan, err := policy.Parse(demoPolicy, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(simSrv.URL)
	srv, err := proxy.New(plan, proxy.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		UpstreamOverrides: map[string]*url.URL{"oapi": u, "api": u}, HashKey: []byte("0123456789abcdef0123456789abcdef")})
	if err != nil {
		t.Fatal(err)
	}
	ps := httptest.NewUnstartedServer(srv)
	ps.TLS = &tls.Config{ClientCAs: ca.pool, ClientAuth: tls.VerifyClientCertIfGiven, MinVersion: tls.VersionTLS12}
	ps.StartTLS()
	defer ps.Close()

	client := func(cert *tls.Certificate) *http.Client {
		tc := &tls.Config{RootCAs: x509.NewCertPool()}
		tc.RootCAs.AddCert(ps.Certificate())
		if cert != nil {
			tc.Certificates = []tls.Certificate{*cert}
		}
		return &http.Client{Transport: &http.Transport{TLSClientConfig: tc}}
	}
	get := func(c *http.Client, key string) int {
		req, _ := http.NewRequest("GET", ps.URL+"/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", nil)
		if key != "" {
			req.Header.Set("X-Api-Key", key)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if got := get(client(&clientCert), ""); got != 200 {
		t.Errorf("mapped client certificate: %d", got)
	}
	if got := get(client(&otherCert), ""); got != 401 {
		t.Errorf("unmapped client certificate: %d", got)
	}
	if got := get(client(nil), ""); got != 401 {
		t.Errorf("no certificate, no key: %d", got)
	}
	if got := get(client(&clientCert), "wrong"); got != 401 {
		t.Errorf("mapped certificate with a wrong key: %d", got)
	}
}

func TestRateLimitTowardDingTalk(t *testing.T) {
	h := newHarness(t, withPolicyEdit("    rate_limit: {qps: 20, burst: 20}\n    request:\n      fields:\n        - {path: robotCode",
		"    rate_limit: {qps: 1, burst: 2}\n    request:\n      fields:\n        - {path: robotCode"))
	tok := h.newAPIToken()
	codes := map[int]int{}
	for i := 0; i < 5; i++ {
		r := h.do(http.MethodPost, "/v1.0/robot/oToMessages/batchSend", "demo-bot-key", "application/json",
			strings.NewReader(`{"msgKey":"sampleText","msgParam":"{\"content\":\"hi\"}","robotCode":"r","userIds":["u"]}`),
			"x-acs-dingtalk-access-token", tok)
		codes[r.status]++
		if r.status == 429 && r.json(t)["code"] != "rate_limited" {
			t.Fatalf("429 body: %s", r.body)
		}
		// One token a second: the next is at most a second away.
		if r.status == 429 && r.header.Get("Retry-After") != "1" {
			t.Errorf("429 with Retry-After %q, want 1", r.header.Get("Retry-After"))
		}
	}
	if codes[200] != 2 || codes[429] != 3 {
		t.Fatalf("statuses %v, want 2×200 then 3×429 (burst 2)", codes)
	}
}
