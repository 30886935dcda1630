package proxy_test

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
	"sync"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

const demoPolicy = "../../policies/demo.yaml"

// syncBuffer collects log output from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness is the simulator and the proxy, each on a real socket, with a real embedded
// vault and audit log in a temporary directory.
type harness struct {
	t        *testing.T
	sim      *httptest.Server
	proxy    *httptest.Server
	srv      *proxy.Server
	vault    *vault.Vault
	audit    *audit.Log
	auditDir string
	logs     *syncBuffer
	tel      *telemetry.T
	token    string // legacy app access token
}

type harnessOpt func(*simOpts)

type simOpts struct {
	sim    sim.Config
	file   string // policy file (default demo.yaml)
	policy string // policy text replacements: old=>new
	edits  [][2]string
}

func withSim(f func(*sim.Config)) harnessOpt { return func(o *simOpts) { f(&o.sim) } }
func withPolicyFile(path string) harnessOpt  { return func(o *simOpts) { o.file = path } }

func withPolicyEdit(old, new string) harnessOpt {
	return func(o *simOpts) { o.edits = append(o.edits, [2]string{old, new}) }
}

func newHarness(t *testing.T, opts ...harnessOpt) *harness {
	t.Helper()
	o := simOpts{sim: sim.DefaultConfig()}
	o.sim.AppTokenAsUser = true
	for _, f := range opts {
		f(&o)
	}
	s, err := sim.New(o.sim)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, logs: &syncBuffer{}}
	h.sim = httptest.NewServer(s)
	t.Cleanup(h.sim.Close)

	plan := loadPolicy(t, o.edits)
	if o.file != "" {
		if plan, err = policy.Load(o.file); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	h.vault, err = vault.Open(context.Background(), vault.Config{Backend: "bolt", Path: filepath.Join(dir, "vault.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.vault.Close() })
	h.auditDir = filepath.Join(dir, "audit")
	h.audit, err = audit.Open(audit.Config{Dir: h.auditDir, Replica: "test", RecordPaths: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.audit.Close() })
	simURL, _ := url.Parse(h.sim.URL)
	h.tel, err = telemetry.New(telemetry.Config{ServiceName: "test", Prometheus: true})
	if err != nil {
		t.Fatal(err)
	}
	h.srv, err = proxy.New(plan, proxy.Options{
		Trace: func(ctx context.Context, method string, hd http.Header) (context.Context, func(*proxy.Call)) {
			ctx, span := h.tel.StartCall(h.tel.Extract(ctx, hd), method)
			return ctx, func(c *proxy.Call) { h.tel.EndCall(ctx, span, c.Event()) }
		},
		Logger:            slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Vault:             h.vault,
		Audit:             h.audit,
		UpstreamOverrides: map[string]*url.URL{"oapi": simURL, "api": simURL},
		HashKey:           []byte("0123456789abcdef0123456789abcdef"),
		RecordPaths:       true,
	})
	if err != nil {
		t.Fatal(err)
	}
	h.proxy = httptest.NewServer(h.srv.Ops(h.srv))
	t.Cleanup(h.proxy.Close)
	return h
}

func loadPolicy(t testing.TB, edits [][2]string) *policy.Plan {
	t.Helper()
	if len(edits) == 0 {
		p, err := policy.Load(demoPolicy)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	data := readFile(t, demoPolicy)
	for _, e := range edits {
		if !strings.Contains(data, e[0]) {
			t.Fatalf("policy edit: %q not found", e[0])
		}
		data = strings.ReplaceAll(data, e[0], e[1])
	}
	p, err := policy.Parse(demoPolicy, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// resp is a finished call.
type resp struct {
	status int
	header http.Header
	body   []byte
}

func (r resp) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("response is not JSON (%d): %s", r.status, r.body)
	}
	return m
}

// do sends a call through the proxy with an API key ("" for none).
func (h *harness) do(method, path, key, contentType string, body io.Reader, hdr ...string) resp {
	h.t.Helper()
	req, err := http.NewRequest(method, h.proxy.URL+path, body)
	if err != nil {
		h.t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("X-Api-Key", key)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{res.StatusCode, res.Header, b}
}

func (h *harness) postJSON(path, key, body string) resp {
	h.t.Helper()
	return h.do(http.MethodPost, path, key, "application/json", strings.NewReader(body))
}

// legacyToken fetches an app access token through the proxy.
func (h *harness) legacyToken() string {
	h.t.Helper()
	if h.token != "" {
		return h.token
	}
	r := h.do(http.MethodGet, "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", "demo-hr-admin-key", "", nil)
	tok, _ := r.json(h.t)["access_token"].(string)
	if r.status != 200 || tok == "" {
		h.t.Fatalf("gettoken through the proxy: %d %s", r.status, r.body)
	}
	h.token = tok
	return tok
}

// employee returns the simulator's record of employee i.
func (h *harness) employee(i int) sim.EmployeeRecord {
	h.t.Helper()
	res, err := http.Get(h.sim.URL + "/_sim/employees/" + strconv.Itoa(i))
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

// received returns what the simulator ("DingTalk") was sent, and clears its record.
func (h *harness) received() []sim.Recorded { return simReceived(h.t, http.DefaultClient, h.sim.URL) }

// simReceived reads and clears the simulator's record of the requests it was sent.
func simReceived(t testing.TB, c *http.Client, simURL string) []sim.Recorded {
	t.Helper()
	res, err := c.Get(simURL + "/_sim/requests")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out []sim.Recorded
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodDelete, simURL+"/_sim/requests", nil)
	if r, err := c.Do(req); err == nil {
		r.Body.Close()
	}
	return out
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
