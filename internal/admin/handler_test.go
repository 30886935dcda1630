package admin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

func TestLoginFlow(t *testing.T) {
	e := newEnv(t, nil)
	c := e.browser(t)

	// Not signed in: the dashboard sends a browser to the login form, keeping the page.
	resp, _ := get(t, c, e.srv.URL+"/dashboard?window=24h")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2Fdashboard%3Fwindow%3D24h" {
		t.Fatalf("unauthenticated dashboard: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body := get(t, c, e.srv.URL+"/login?next=%2Fdashboard%3Fwindow%3D24h")
	if resp.StatusCode != 200 || !strings.Contains(body, `id="api-key"`) || !strings.Contains(body, `value="/dashboard?window=24h"`) {
		t.Fatalf("login form: %d", resp.StatusCode)
	}

	tests := []struct {
		key  string
		want int
	}{
		{"", http.StatusBadRequest},
		{"not-a-key", http.StatusUnauthorized},
		{supportKey, http.StatusUnauthorized}, // a caller, but not an admin
	}
	for _, tc := range tests {
		resp := e.login(t, c, tc.key)
		b := readAll(resp)
		if resp.StatusCode != tc.want || len(resp.Cookies()) != 0 {
			t.Errorf("login with %q: %d (cookies %d), want %d", tc.key, resp.StatusCode, len(resp.Cookies()), tc.want)
		}
		if tc.key != "" && strings.Contains(b, tc.key) {
			t.Errorf("the login page repeats the key")
		}
	}

	resp = e.login(t, c, adminKey)
	readAll(resp)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/dashboard?window=24h" {
		t.Fatalf("admin login: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	ck := resp.Cookies()
	if len(ck) != 1 || ck[0].Name != cookieName || !ck[0].HttpOnly || ck[0].SameSite != http.SameSiteStrictMode || ck[0].Path != "/" || ck[0].MaxAge != 8*3600 {
		t.Fatalf("session cookie %+v", ck)
	}
	if strings.Contains(ck[0].Value, adminKey) || strings.Contains(ck[0].Value, keyHash(adminKey)) {
		t.Fatal("the cookie carries the key")
	}
	resp, body = get(t, c, e.srv.URL+"/dashboard")
	if resp.StatusCode != 200 || !strings.Contains(body, `id="calls-total"`) || !strings.Contains(body, `<span id="signed-in-as">it-admin</span>`) {
		t.Fatalf("dashboard after login: %d", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script") {
		t.Errorf("CSP %q", csp)
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("dashboard cacheable: %q", resp.Header.Get("Cache-Control"))
	}

	// A cross-site post with the cookie is refused; the same-site one signs out.
	req, _ := http.NewRequest("POST", e.srv.URL+"/logout", nil)
	req.Header.Set("Origin", "https://evil.example")
	resp, _ = c.Do(req)
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin logout: %d", resp.StatusCode)
	}
	req, _ = http.NewRequest("POST", e.srv.URL+"/dashboard/verify", nil)
	req.Header.Set("Origin", "https://evil.example")
	resp, _ = c.Do(req)
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin verify: %d", resp.StatusCode)
	}
	req, _ = http.NewRequest("POST", e.srv.URL+"/logout", nil)
	req.Header.Set("Origin", e.srv.URL)
	resp, _ = c.Do(req)
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout: %d", resp.StatusCode)
	}
	if resp, _ := get(t, c, e.srv.URL+"/dashboard"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("dashboard after logout: %d", resp.StatusCode)
	}
}

func TestSessionEndsWithPolicyOrTime(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.SessionTTL = time.Hour })
	c := e.browser(t)
	readAll(e.login(t, c, adminKey))
	if resp, _ := get(t, c, e.srv.URL+"/dashboard"); resp.StatusCode != 200 {
		t.Fatalf("signed in: %d", resp.StatusCode)
	}
	// A reload that takes the admin role away ends the session at once.
	e.plan.Store(testPolicy(t, "support"))
	if resp, _ := get(t, c, e.srv.URL+"/dashboard/api/summary"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("after the role was revoked: %d, want 403", resp.StatusCode)
	}
	e.plan.Store(testPolicy(t, "admin"))
	if resp, _ := get(t, c, e.srv.URL+"/dashboard"); resp.StatusCode != 200 {
		t.Errorf("role restored: %d", resp.StatusCode)
	}
	e.clock.Add(time.Hour)
	if resp, _ := get(t, c, e.srv.URL+"/dashboard"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after the session's lifetime: %d, want a redirect to /login", resp.StatusCode)
	}
}

func TestKeyAccess(t *testing.T) {
	e := newEnv(t, nil)
	c := e.srv.Client()
	tests := []struct {
		path string
		hdr  []string
		want int
	}{
		{"/metrics", nil, http.StatusNotFound}, // no telemetry configured
		{"/dashboard/api/summary", nil, http.StatusUnauthorized},
		{"/dashboard/api/summary", []string{"Authorization", "Bearer " + adminKey}, 200},
		{"/dashboard/api/summary", []string{"X-Api-Key", adminKey}, 200},
		{"/dashboard/api/summary", []string{"Authorization", "Basic " + adminKey}, http.StatusUnauthorized},
		{"/dashboard/api/summary", []string{"Authorization", "Bearer " + supportKey}, http.StatusForbidden},
		{"/dashboard/api/summary?window=7d", []string{"X-Api-Key", adminKey}, http.StatusBadRequest},
		{"/dashboard?window=24h", []string{"X-Api-Key", adminKey}, 200},
		{"/admin/audit/export", []string{"X-Api-Key", adminKey}, http.StatusNotFound}, // no audit log
		{"/admin/audit/export", []string{"X-Api-Key", supportKey}, http.StatusForbidden},
		{"/dashboard/assets/dashboard.css", nil, 200},
		{"/dashboard/assets/other.css", nil, http.StatusNotFound},
		{"/", nil, 200}, // redirected to /dashboard, then /login
	}
	for _, tc := range tests {
		resp, body := get(t, c, e.srv.URL+tc.path, tc.hdr...)
		if resp.StatusCode != tc.want {
			t.Errorf("GET %s %v: %d, want %d (%s)", tc.path, tc.hdr, resp.StatusCode, tc.want, body)
		}
		if strings.Contains(body, adminKey) || strings.Contains(body, supportKey) {
			t.Errorf("GET %s: the answer repeats the key", tc.path)
		}
	}
}

func TestMetricsNeedNoKey(t *testing.T) {
	tel, err := telemetry.New(telemetry.Config{Prometheus: true})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, func(c *Config) { c.Telemetry = tel })
	tel.Record(telemetry.CallEvent{Route: "user-get", Roles: []string{"support"}, Status: 200, Decision: "forwarded"})
	resp, body := get(t, e.srv.Client(), e.srv.URL+"/metrics")
	if resp.StatusCode != 200 || !strings.Contains(body, `pii_proxy_requests_total{decision="forwarded",role="support",route="user-get",status_class="2xx"} 1`) {
		t.Fatalf("/metrics: %d\n%s", resp.StatusCode, body)
	}
}

// The page shows the numbers recorded, as text and data attributes, and nothing else.
func TestDashboardShowsRecordedCalls(t *testing.T) {
	tel, _ := telemetry.New(telemetry.Config{})
	tel.RegisterHealth("audit", func(context.Context) error { return nil })
	tel.RegisterHealth("vault", func(context.Context) error { return errors.New("down") })
	e := newEnv(t, func(c *Config) {
		c.Telemetry = tel
		c.Vault = func(context.Context) (VaultInfo, error) {
			return VaultInfo{Backend: "bolt", Entries: 1234, Erased: 2, ExpiredPending: 1, SizeBytes: 65536,
				DefaultRetention: 90 * 24 * time.Hour, TypeRetention: map[string]time.Duration{"hkid": 30 * 24 * time.Hour}, PurgeEvery: time.Hour}, nil
		}
	})
	for range 3 {
		e.h.Record(fwd("user-get", "support", map[string]int{"hk_phone": 1, "email": 1}))
	}
	e.h.Record(fwd("user-list", "payroll", map[string]int{"hkid": 2}))
	e.h.Record(telemetry.CallEvent{Status: 401, Decision: telemetry.DecisionUnauthenticated, Reason: "missing_api_key"})

	_, body := get(t, e.srv.Client(), e.srv.URL+"/dashboard", "X-Api-Key", adminKey)
	want := []string{
		`id="calls-total" data-value="5">5<`,
		`id="blocked-total" data-value="1">1<`,
		`id="detections-total" data-value="8">8<`,
		`id="cross-border-total" data-value="4">4<`,
		`<tr data-route="user-get"><td>user-get</td><td class="n" data-field="calls">3</td>`,
		`<g class="row" data-name="hk_phone" data-value="3">`,
		`<g class="row" data-name="none" data-value="1">`,
		`<tr data-route="user-get" data-region="cn"><td>user-get</td><td>cn</td><td class="n" data-field="count">3</td>`,
		`id="vault-entries" data-value="1234"`,
		`<li data-component="vault" class="down">`,
		`90 days<br><small>hkid: 30 days</small>`,
		`No audit log is configured.`,
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("dashboard lacks %s", w)
		}
	}
	// The last timeline column holds this minute's five calls.
	if m := regexp.MustCompile(`data-start="2026-03-02T09:30:00Z" data-total="(\d+)"`).FindStringSubmatch(body); m == nil || m[1] != "5" {
		t.Errorf("timeline column of 09:30: %v", m)
	}

	_, js := get(t, e.srv.Client(), e.srv.URL+"/dashboard/api/summary", "X-Api-Key", adminKey)
	var sr SummaryResponse
	if err := json.Unmarshal([]byte(js), &sr); err != nil {
		t.Fatal(err)
	}
	if sr.Summary.Totals.Calls != 5 || sr.Vault == nil || sr.Vault.Entries != 1234 || sr.Components["vault"] || !sr.Components["audit"] {
		t.Errorf("summary JSON %+v", sr)
	}
}

func TestSafeNextAndOrigin(t *testing.T) {
	for in, want := range map[string]string{
		"": "/dashboard", "/dashboard?window=24h": "/dashboard?window=24h", "//evil.example/x": "/dashboard",
		"https://evil.example": "/dashboard", "/\\evil.example": "/dashboard", "dashboard": "/dashboard",
		"/a\r\nSet-Cookie: x": "/dashboard", "/admin/audit/export?format=json": "/admin/audit/export?format=json",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tc := range []struct {
		origin, referer string
		want            bool
	}{
		{"", "", true}, {"http://admin.local:8082", "", true}, {"https://evil.example", "", false},
		{"", "http://admin.local:8082/dashboard", true}, {"", "http://evil.example/", false}, {"null", "", false},
	} {
		r, _ := http.NewRequest("POST", "http://admin.local:8082/logout", nil)
		if tc.origin != "" {
			r.Header.Set("Origin", tc.origin)
		}
		if tc.referer != "" {
			r.Header.Set("Referer", tc.referer)
		}
		if got := sameOrigin(r); got != tc.want {
			t.Errorf("sameOrigin(origin %q, referer %q) = %v", tc.origin, tc.referer, got)
		}
	}
}

func TestSessionTableBounded(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_800_000_000, 0)}
	s := newSessions(time.Hour, clk.Now)
	first := s.create([32]byte{1})
	for range maxSessions + 5 {
		clk.Add(time.Millisecond)
		s.create([32]byte{2})
	}
	if len(s.m) != maxSessions {
		t.Errorf("%d sessions kept", len(s.m))
	}
	if _, ok := s.lookup(first); ok {
		t.Error("the oldest session survived the cap")
	}
}

func readAll(resp *http.Response) string {
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return b.String()
		}
	}
}

func TestMountBehindAdminCheck(t *testing.T) {
	var seen []string
	e := newEnv(t, func(c *Config) {
		c.Mount = map[string]http.Handler{"POST /admin/dsar/": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			seen = append(seen, Caller(r))
			w.WriteHeader(http.StatusNoContent)
		})}
	})
	post := func(hdr ...string) int {
		req, _ := http.NewRequest("POST", e.srv.URL+"/admin/dsar/find", strings.NewReader(`{}`))
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := e.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := post(); s != http.StatusUnauthorized {
		t.Errorf("no key: %d", s)
	}
	if s := post("X-Api-Key", supportKey); s != http.StatusForbidden {
		t.Errorf("support key: %d", s)
	}
	if s := post("X-Api-Key", adminKey); s != http.StatusNoContent {
		t.Errorf("admin key: %d", s)
	}
	if len(seen) != 1 || seen[0] != "it-admin" {
		t.Errorf("handler saw callers %q", seen)
	}
	_, err := New(Config{Plan: e.plan.Load, Mount: map[string]http.Handler{"GET /dashboard": http.NotFoundHandler()}})
	if err == nil || !strings.Contains(err.Error(), "Mount") {
		t.Errorf("overlapping mount: %v", err)
	}
}
