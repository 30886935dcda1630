package admin

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

const (
	adminKey   = "test-admin-key-0123456789"
	supportKey = "test-support-key-0123456789"
)

func keyHash(k string) string {
	s := sha256.Sum256([]byte(k))
	return hex.EncodeToString(s[:])
}

// testPolicy has an admin caller and a support caller; without the admin, adminRoles
// drops the admin role (a reload that revokes it).
func testPolicy(t testing.TB, adminRoles string) *policy.Plan {
	t.Helper()
	src := fmt.Sprintf(`version: 1
roles: [admin, support]
callers:
  - id: it-admin
    api_key_sha256: %s
    roles: [%s]
  - id: help-desk
    api_key_sha256: %s
    roles: [support]
upstreams:
  oapi: {url: http://127.0.0.1:9, region: cn}
routes:
  - name: user-get
    match: {upstream: oapi, method: POST, path: /topapi/v2/user/get}
`, keyHash(adminKey), adminRoles, keyHash(supportKey))
	p, err := policy.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type testEnv struct {
	h     *Handler
	srv   *httptest.Server
	plan  atomic.Pointer[policy.Plan]
	clock *fakeClock
}

func newEnv(t *testing.T, mod func(*Config)) *testEnv {
	t.Helper()
	e := &testEnv{clock: &fakeClock{t: time.Date(2026, 3, 2, 9, 30, 20, 0, time.UTC)}}
	e.plan.Store(testPolicy(t, "admin"))
	cfg := Config{
		Plan:     e.plan.Load,
		Location: time.UTC,
		Now:      e.clock.Now,
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if mod != nil {
		mod(&cfg)
	}
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.h = h
	e.srv = httptest.NewServer(h)
	t.Cleanup(func() { e.srv.Close(); h.Close() })
	return e
}

// browser is a client that keeps cookies and does not follow redirects.
func (e *testEnv) browser(t *testing.T) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (e *testEnv) login(t *testing.T, c *http.Client, key string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", e.srv.URL+"/login", strings.NewReader(url.Values{"api_key": {key}, "next": {"/dashboard?window=24h"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", e.srv.URL)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func get(t *testing.T, c *http.Client, u string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}
