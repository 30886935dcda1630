package proxy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// cannedUpstream answers every call with one recorded simulator answer, without a socket:
// the handler benchmarks measure the proxy's own work, not the loopback's.
type cannedUpstream struct {
	status int
	header http.Header
	body   []byte
}

func (u *cannedUpstream) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{
		StatusCode: u.status, Status: http.StatusText(u.status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: u.header.Clone(), Body: io.NopCloser(bytes.NewReader(u.body)),
		ContentLength: int64(len(u.body)), Request: r,
	}, nil
}

// deadlineRecorder is a ResponseRecorder that takes read deadlines, as the server's
// response does: the recorder itself refuses them with an error made on every call, a cost
// the proxy does not have behind a real listener.
type deadlineRecorder struct{ *httptest.ResponseRecorder }

func (deadlineRecorder) SetReadDeadline(time.Time) error { return nil }

// BenchmarkHandlerUserList is BenchmarkUserList's 4 KiB proxy-support call with neither
// client nor upstream socket: the handler (demo policy, bolt vault, audit with batched
// fsync, JSON call log discarded) is served into an httptest.ResponseRecorder and the
// upstream is the simulator's answer replayed from memory. What is left is the proxy's own
// cost per call, rewrite included; its instruction count is stable enough to compare
// changes (scripts/instr-count.sh with PKG=./internal/proxy): to about 0.2% without the
// audit trail, about 1% with it (the batched fsync runs on a goroutine of its own; for the
// audit's share, internal/audit's BenchmarkAppend is steadier).
//
// 4KiB-plain is a plain httputil.ReverseProxy over the same upstream: what the PII proxy is
// compared with.
func BenchmarkHandlerUserList(b *testing.B) {
	for _, tc := range []struct {
		name         string
		audit, plain bool
	}{{"4KiB", true, false}, {"4KiB-no-audit", false, false}, {"4KiB-plain", false, true}} {
		b.Run(tc.name, func(b *testing.B) { benchHandler(b, 6, tc.audit, tc.plain) })
	}
}

func benchHandler(b *testing.B, size int, withAudit, plain bool) {
	cfg := sim.DefaultConfig()
	cfg.Gzip, cfg.Record = false, 0
	s, err := sim.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", nil))
	var tok struct {
		Token string `json:"access_token"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &tok); err != nil || tok.Token == "" {
		b.Fatalf("gettoken: %v", err)
	}
	target := "/topapi/v2/user/list?access_token=" + tok.Token
	body := fmt.Appendf(nil, `{"dept_id":1,"cursor":0,"size":%d}`, size)
	rec = httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	s.ServeHTTP(rec, req)
	res := rec.Result()
	answer, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		b.Fatalf("simulator: status %d", res.StatusCode)
	}
	res.Header.Set("Content-Length", strconv.Itoa(len(answer)))
	up := &cannedUpstream{status: res.StatusCode, header: res.Header, body: answer}

	dir := b.TempDir()
	v, err := vault.Open(context.Background(), vault.Config{Backend: "bolt", Path: filepath.Join(dir, "vault.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { v.Close() })
	opts := proxy.Options{
		Logger:            slog.New(proxy.NewJSONLogHandler(io.Discard, nil)),
		Vault:             v,
		Transport:         up,
		UpstreamOverrides: map[string]*url.URL{"oapi": {Scheme: "http", Host: "sim.invalid"}, "api": {Scheme: "http", Host: "sim.invalid"}},
		HashKey:           []byte("0123456789abcdef0123456789abcdef"),
		RecordPaths:       true,
	}
	if withAudit {
		a, err := audit.Open(audit.Config{Dir: filepath.Join(dir, "audit"), Replica: "bench", SyncEvery: 64, RecordPaths: true})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { a.Close() })
		opts.Audit = a
	}
	srv, err := proxy.New(loadPolicy(b, nil), opts)
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Ops(srv)
	if plain {
		simURL := &url.URL{Scheme: "http", Host: "sim.invalid"}
		h = &httputil.ReverseProxy{
			Rewrite:   func(pr *httputil.ProxyRequest) { pr.SetURL(simURL); pr.SetXForwarded() },
			Transport: up,
		}
	}
	call := func(w *httptest.ResponseRecorder) {
		req := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Api-Key", "demo-support-key")
		h.ServeHTTP(deadlineRecorder{w}, req)
	}
	w := httptest.NewRecorder()
	call(w)
	if w.Code != http.StatusOK || w.Body.Len() == 0 {
		b.Fatalf("proxy: status %d: %.200s", w.Code, w.Body.Bytes())
	}
	n := w.Body.Len()
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		w := httptest.NewRecorder()
		call(w)
		if w.Code != http.StatusOK || w.Body.Len() != n {
			b.Fatalf("proxy: status %d, %d bytes, want %d", w.Code, w.Body.Len(), n)
		}
	}
}
