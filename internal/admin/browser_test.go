package admin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hkpii/dingtalk-pii-proxy/internal/admin"
	"github.com/hkpii/dingtalk-pii-proxy/internal/admin/webdriver"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// callEvent is the conversion the proxy's wiring does in Options.Observe (names and counts
// only; cross-border as in the audit record).
func callEvent(c *proxy.Call) telemetry.CallEvent { return c.Event() }

// stack is the simulator, the proxy with its audit log and vault, telemetry and the admin
// listener, each on a real socket.
type stack struct {
	sim, proxy, admin *httptest.Server
	auditDir          string
	tel               *telemetry.T
}

func newStack(t *testing.T) *stack {
	t.Helper()
	ctx := context.Background()
	s, err := sim.New(sim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	st := &stack{sim: httptest.NewServer(s)}
	t.Cleanup(st.sim.Close)
	plan, err := policy.Load("../../policies/demo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	st.auditDir = filepath.Join(dir, "audit")
	alog, err := audit.Open(audit.Config{Dir: st.auditDir, Replica: "browser-test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { alog.Close() })
	vcfg := vault.Config{Backend: "bolt", Path: filepath.Join(dir, "vault.db"), DefaultTTL: 90 * 24 * time.Hour}
	v, err := vault.Open(ctx, vcfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })

	st.tel, err = telemetry.New(telemetry.Config{Prometheus: true, SpanExporter: tracetest.NewInMemoryExporter()})
	if err != nil {
		t.Fatal(err)
	}
	st.tel.RegisterHealth("audit", func(context.Context) error { return alog.Healthy() })
	st.tel.RegisterHealth("vault", v.Ping)
	discard := slog.New(slog.NewTextHandler(io.Discard, nil))
	adm, err := admin.New(admin.Config{
		Plan:      func() *policy.Plan { return plan },
		Telemetry: st.tel,
		AuditDir:  st.auditDir,
		Location:  time.UTC,
		Logger:    discard,
		Vault: func(ctx context.Context) (admin.VaultInfo, error) {
			vs, err := v.Stats(ctx)
			return admin.VaultInfo{Backend: "bolt", Entries: vs.Entries, Erased: vs.Erased, ExpiredPending: vs.ExpiredPending,
				SizeBytes: vs.SizeBytes, DefaultRetention: vcfg.DefaultTTL, PurgeEvery: time.Hour}, err
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { adm.Close() })
	simURL, _ := url.Parse(st.sim.URL)
	srv, err := proxy.New(plan, proxy.Options{
		Logger: discard, Audit: alog, Vault: v,
		UpstreamOverrides: map[string]*url.URL{"oapi": simURL, "api": simURL},
		HashKey:           []byte("0123456789abcdef0123456789abcdef"),
		Observe: func(c *proxy.Call) {
			ev := callEvent(c)
			st.tel.Record(ev)
			adm.Record(ev)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	st.proxy = httptest.NewServer(srv)
	t.Cleanup(st.proxy.Close)
	st.admin = httptest.NewServer(adm)
	t.Cleanup(st.admin.Close)
	return st
}

// call sends one request through the proxy and returns its status.
func (st *stack) call(t *testing.T, key, path, body string) int {
	t.Helper()
	req, _ := http.NewRequest("POST", st.proxy.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func (st *stack) simJSON(t *testing.T, path string, out any) {
	t.Helper()
	resp, err := http.Get(st.sim.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestDashboardInBrowser sends known traffic through the demo policy, signs in to the
// dashboard in headless Chromium as a privacy officer would (the login form with the demo
// admin key) and checks that the page shows what was sent.
func TestDashboardInBrowser(t *testing.T) {
	chromium := testenv.NeedCommand(t, "chromium")
	driverPath := testenv.NeedCommand(t, "chromedriver")
	st := newStack(t)

	// The access token comes from the simulator directly: only the calls below go through
	// the proxy, so the expected numbers are exactly these.
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	st.simJSON(t, "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", &tok)
	var emps [5]sim.EmployeeRecord
	for i := range emps {
		st.simJSON(t, "/_sim/employees/"+strconv.Itoa(i), &emps[i])
	}
	userGet := "/topapi/v2/user/get?access_token=" + tok.AccessToken
	for i, key := range []string{"demo-support-key", "demo-support-key", "demo-support-key", "demo-payroll-key", "demo-payroll-key"} {
		if s := st.call(t, key, userGet, `{"userid":"`+emps[i].UserID+`"}`); s != 200 {
			t.Fatalf("user/get %d as %s: %d", i, key, s)
		}
	}
	if s := st.call(t, "", userGet, `{"userid":"`+emps[0].UserID+`"}`); s != 401 {
		t.Fatalf("unauthenticated call: %d", s)
	}
	if s := st.call(t, "demo-support-key", "/topapi/v2/department/list?access_token="+tok.AccessToken, `{"dept_id":1}`); s != 403 {
		t.Fatalf("call to a route not in the policy: %d", s)
	}

	// Detections as the audit log recorded them, read independently of the dashboard.
	wantTypes := map[string]int{}
	wantDetections := 0
	if _, err := audit.Walk(st.auditDir, audit.VerifyOptions{}, func(r *audit.Record, _ []byte) error {
		for k, n := range r.Counts {
			wantTypes[k] += n
			wantDetections += n
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if wantTypes["hk_phone"] < 5 || wantTypes["email"] < 5 {
		t.Fatalf("the traffic should have carried phones and e-mail addresses: %v", wantTypes)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var driverLog bytes.Buffer
	drv, err := webdriver.Start(ctx, driverPath, &driverLog)
	if err != nil {
		t.Fatalf("%v\n%s", err, driverLog.String())
	}
	defer drv.Close()
	sess, err := drv.NewSession(ctx, webdriver.ChromeCapabilities(chromium, []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
		"--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--window-size=1400,2400", "--user-data-dir=" + t.TempDir(),
	}))
	if err != nil {
		t.Fatalf("%v\n%s", err, driverLog.String())
	}
	defer sess.Delete(context.Background())

	// The officer opens the dashboard, is sent to the login form, and signs in.
	must(t, sess.Navigate(ctx, st.admin.URL+"/dashboard"))
	if u, _ := sess.URL(ctx); !strings.Contains(u, "/login?next=") {
		t.Fatalf("not sent to the login form: %s", u)
	}
	keyBox := find(t, ctx, sess, "#api-key")
	must(t, keyBox.SendKeys(ctx, "demo-admin-key"))
	must(t, find(t, ctx, sess, "#login-submit").Click(ctx))
	// A click that submits a form returns before the next page has loaded: wait for it.
	waitFor(t, ctx, "the dashboard after sign-in", func() bool {
		u, _ := sess.URL(ctx)
		_, err := sess.Find(ctx, "#calls-total")
		return strings.HasSuffix(u, "/dashboard") && err == nil
	})
	cookies, err := sess.Cookies(ctx)
	must(t, err)
	if len(cookies) != 1 || !cookies[0].HTTPOnly || cookies[0].SameSite != "Strict" || strings.Contains(cookies[0].Value, "demo-admin-key") {
		t.Errorf("session cookie as the browser holds it: %+v", cookies)
	}
	if who := text(t, ctx, sess, "#signed-in-as"); who != "demo-admin" {
		t.Errorf("signed in as %q", who)
	}

	// The totals.
	for id, want := range map[string]int{
		"#calls-total": 7, "#forwarded-total": 5, "#blocked-total": 2, "#errors-total": 0,
		"#detections-total": wantDetections, "#cross-border-total": 5,
	} {
		if got := number(t, ctx, sess, id); got != want {
			t.Errorf("%s shows %d, want %d", id, got, want)
		}
	}
	// By route: five user/get calls, two refused without a route.
	for sel, want := range map[string]int{
		`#routes tr[data-route="user-get"] td[data-field="calls"]`:                  5,
		`#routes tr[data-route="user-get"] td[data-field="forwarded"]`:              5,
		`#routes tr[data-route="user-get"] td[data-field="cross_border"]`:           5,
		`#routes tr[data-route="user-get"] td[data-field="detections"]`:             wantDetections,
		`#routes tr[data-route="none"] td[data-field="calls"]`:                      2,
		`#routes tr[data-route="none"] td[data-field="blocked"]`:                    2,
		`#flows tr[data-route="user-get"][data-region="cn"] td[data-field="count"]`: 5,
	} {
		if got := number(t, ctx, sess, sel); got != want {
			t.Errorf("%s shows %d, want %d", sel, got, want)
		}
	}
	// By role (the denied call came with the support key) and by PII type.
	for role, want := range map[string]int{"support": 4, "payroll": 2, "none": 1} {
		if got := number(t, ctx, sess, `#chart-roles g[data-name="`+role+`"] text.value`); got != want {
			t.Errorf("role %s shows %d, want %d", role, got, want)
		}
	}
	for typ, want := range wantTypes {
		if got := number(t, ctx, sess, `#chart-types g[data-name="`+typ+`"] text.value`); got != want {
			t.Errorf("type %s shows %d, want %d", typ, got, want)
		}
	}
	for reason, want := range map[string]int{"missing_api_key": 1, "route_not_allowed": 1} {
		if got := number(t, ctx, sess, `#chart-reasons g[data-name="`+reason+`"] text.value`); got != want {
			t.Errorf("reason %s shows %d, want %d", reason, got, want)
		}
	}
	// The recent audit records: the seven calls, newest first.
	rows, err := sess.FindAll(ctx, "#recent tbody tr")
	must(t, err)
	decisions := map[string]int{}
	for _, r := range rows {
		d, _ := r.Attr(ctx, "data-decision")
		decisions[d]++
	}
	if len(rows) != 7 || decisions["forwarded"] != 5 || decisions["denied"] != 1 || decisions["unauthenticated"] != 1 {
		t.Errorf("recent records: %d rows, decisions %v", len(rows), decisions)
	}
	if d, _ := rows[0].Attr(ctx, "data-decision"); d != "denied" {
		t.Errorf("newest record is %q, want the denied call", d)
	}

	// Verify the chain now and wait for the result.
	must(t, find(t, ctx, sess, "#verify-now").Click(ctx))
	// Let the form post land (it redirects back to /dashboard?window=…) before reloading:
	// navigating at once could cancel it.
	waitFor(t, ctx, "the verify request to be answered", func() bool {
		u, _ := sess.URL(ctx)
		return strings.Contains(u, "/dashboard?window=")
	})
	waitFor(t, ctx, "an intact chain of at least 7 records", func() bool {
		must(t, sess.Navigate(ctx, st.admin.URL+"/dashboard"))
		el, err := sess.Find(ctx, "#chain-state")
		if err != nil {
			u, _ := sess.URL(ctx)
			t.Logf("chain state not on the page at %s: %v", u, err)
			return false
		}
		state, _ := el.Attr(ctx, "data-state")
		_, runErr := sess.Find(ctx, "#chain-running")
		recs, err := sess.Find(ctx, "#chain-records")
		if state != "ok" || !webdriver.IsNoSuchElement(runErr) || err != nil {
			problem := ""
			if p, err := sess.Find(ctx, "#audit-chain"); err == nil {
				problem, _ = p.Text(ctx)
			}
			t.Logf("chain: state %q, running %v: %s", state, runErr == nil, problem)
			return false
		}
		n, err := recs.Attr(ctx, "data-value")
		v, _ := strconv.Atoi(n)
		if v < 7 {
			checked, _ := find(t, ctx, sess, "#chain-checked").Text(ctx)
			t.Logf("chain: intact, %q records (%v), verified at %s", n, err, checked)
		}
		return v >= 7
	})
	if got := number(t, ctx, sess, "#vault-entries"); got != 0 {
		t.Errorf("vault entries %d (no call tokenized)", got)
	}
	for _, comp := range []string{"audit", "vault"} {
		if cls, _ := find(t, ctx, sess, `li[data-component="`+comp+`"]`).Attr(ctx, "class"); cls != "up" {
			t.Errorf("component %s is %q", comp, cls)
		}
	}

	// No personal data anywhere on the page.
	src, err := sess.Source(ctx)
	must(t, err)
	for i, e := range emps {
		for _, v := range []string{e.Name, e.NameEN, e.Mobile, e.Email, e.OrgEmail, e.HKID, e.JobNumber, e.Remark} {
			if len(v) >= 4 && strings.Contains(src, v) {
				t.Errorf("the page shows a value of employee %d (%d bytes)", i, len(v))
			}
		}
	}
	if p := os.Getenv("DASHBOARD_SCREENSHOT"); p != "" {
		png, err := sess.Screenshot(ctx)
		must(t, err)
		must(t, os.WriteFile(p, png, 0o644))
	}

	// The evidence export link of the page works in the same session.
	link, err := find(t, ctx, sess, "#exports a").Attr(ctx, "href")
	must(t, err)
	must(t, sess.Navigate(ctx, st.admin.URL+link))
	src, _ = sess.Source(ctx)
	if !strings.Contains(src, "Audit evidence bundle") {
		t.Errorf("the export link did not open a bundle")
	}
}

// waitFor polls cond until it holds (the browser's navigation is asynchronous to the
// WebDriver commands that start it).
func waitFor(t *testing.T, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) || ctx.Err() != nil {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func find(t *testing.T, ctx context.Context, s *webdriver.Session, css string) webdriver.Element {
	t.Helper()
	el, err := s.Find(ctx, css)
	if err != nil {
		t.Fatalf("%s: %v", css, err)
	}
	return el
}

func text(t *testing.T, ctx context.Context, s *webdriver.Session, css string) string {
	t.Helper()
	txt, err := find(t, ctx, s, css).Text(ctx)
	if err != nil {
		t.Fatalf("%s: %v", css, err)
	}
	return strings.TrimSpace(txt)
}

// number reads a count as shown on the page ("1,234").
func number(t *testing.T, ctx context.Context, s *webdriver.Session, css string) int {
	t.Helper()
	txt := text(t, ctx, s, css)
	n, err := strconv.Atoi(strings.ReplaceAll(txt, ",", ""))
	if err != nil {
		t.Fatalf("%s shows %q, not a number", css, txt)
	}
	return n
}
