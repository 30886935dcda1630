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
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// benchTargets are the simulator, a plain httputil.ReverseProxy in front of it and the PII
// proxy with the demo policy (bolt vault and audit trail with batched fsync in a temporary
// directory, call log discarded), in this process: `bench/load` measures the same set as
// separate processes; this benchmark exists to profile the PII proxy's share
// (-cpuprofile, -memprofile).
type benchTargets struct {
	sim, plain, proxy, noAudit string // base URLs; noAudit is the PII proxy without an audit trail
	token                      string
}

func newBenchTargets(b *testing.B, gzip bool) *benchTargets {
	b.Helper()
	cfg := sim.DefaultConfig()
	cfg.Gzip, cfg.Record = gzip, 0
	s, err := sim.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	simSrv := httptest.NewServer(s)
	b.Cleanup(simSrv.Close)
	simURL, _ := url.Parse(simSrv.URL)

	plain := httptest.NewServer(&httputil.ReverseProxy{
		Rewrite:   func(pr *httputil.ProxyRequest) { pr.SetURL(simURL); pr.SetXForwarded() },
		Transport: proxy.NewTransport(),
	})
	b.Cleanup(plain.Close)

	dir := b.TempDir()
	v, err := vault.Open(context.Background(), vault.Config{Backend: "bolt", Path: filepath.Join(dir, "vault.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { v.Close() })
	a, err := audit.Open(audit.Config{Dir: filepath.Join(dir, "audit"), Replica: "bench", SyncEvery: 64, RecordPaths: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	srv, err := proxy.New(loadPolicy(b, nil), proxy.Options{
		Logger:            slog.New(slog.NewJSONHandler(io.Discard, nil)),
		Vault:             v,
		Audit:             a,
		UpstreamOverrides: map[string]*url.URL{"oapi": simURL, "api": simURL},
		HashKey:           []byte("0123456789abcdef0123456789abcdef"),
		RecordPaths:       true,
	})
	if err != nil {
		b.Fatal(err)
	}
	px := httptest.NewServer(srv.Ops(srv))
	b.Cleanup(px.Close)
	// The same proxy without an audit trail, to measure what the audit costs per call.
	srv2, err := proxy.New(loadPolicy(b, nil), proxy.Options{
		Logger:            slog.New(slog.NewJSONHandler(io.Discard, nil)),
		Vault:             v,
		UpstreamOverrides: map[string]*url.URL{"oapi": simURL, "api": simURL},
		HashKey:           []byte("0123456789abcdef0123456789abcdef"),
	})
	if err != nil {
		b.Fatal(err)
	}
	px2 := httptest.NewServer(srv2)
	b.Cleanup(px2.Close)

	res, err := http.Get(simSrv.URL + "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret")
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct {
		Token string `json:"access_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&tok); err != nil || tok.Token == "" {
		b.Fatalf("gettoken: %v", err)
	}
	return &benchTargets{sim: simSrv.URL, plain: plain.URL, proxy: px.URL, noAudit: px2.URL, token: tok.Token}
}

// BenchmarkUserList measures one POST /topapi/v2/user/list through each target, for pages
// of about 4 KiB (6 users) and 64 KiB (96 users), from parallel keep-alive clients.
// b.SetBytes is the answer's length, so MB/s compares the targets directly.
//
//	go test -run '^$' -bench UserList -benchtime 1s -cpuprofile cpu.out ./internal/proxy
func BenchmarkUserList(b *testing.B) { benchUserList(b, false) }

// BenchmarkUserListGzip is BenchmarkUserList as DingTalk and most HTTP clients talk: the
// client accepts gzip and the simulator compresses, so the PII proxy decodes, rewrites and
// compresses again, where a plain proxy passes the compressed bytes through. The answers
// differ in length from target to target, so there is no MB/s.
func BenchmarkUserListGzip(b *testing.B) { benchUserList(b, true) }

func benchUserList(b *testing.B, gzip bool) {
	t := newBenchTargets(b, gzip)
	for _, page := range []struct {
		name string
		size int
	}{{"4KiB", 6}, {"64KiB", 96}} {
		for _, tc := range []struct{ name, base, key string }{
			{"direct", t.sim, ""},
			{"plain", t.plain, ""},
			{"proxy-support", t.proxy, "demo-support-key"},
			{"proxy-hr_admin", t.proxy, "demo-hr-admin-key"},
			{"proxy-support-no-audit", t.noAudit, "demo-support-key"},
		} {
			b.Run(page.name+"/"+tc.name, func(b *testing.B) {
				u := tc.base + "/topapi/v2/user/list?access_token=" + t.token
				body := fmt.Appendf(nil, `{"dept_id":1,"cursor":0,"size":%d}`, page.size)
				cl := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
				defer cl.CloseIdleConnections()
				n := benchCall(b, cl, u, tc.key, body, nil, gzip)
				if !gzip {
					b.SetBytes(int64(n))
				}
				b.ReportAllocs()
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					var buf bytes.Buffer
					for pb.Next() {
						if got := benchCall(b, cl, u, tc.key, body, &buf, gzip); got != n {
							b.Errorf("answer of %d bytes, want %d", got, n)
							return
						}
					}
				})
			})
		}
	}
}

// benchCall makes one call and returns the answer's length, failing on a non-200 status.
// With gzip the call accepts a gzip answer and fails on any other.
func benchCall(b *testing.B, cl *http.Client, u, key string, body []byte, buf *bytes.Buffer, gzip bool) int {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil { // not Fatal: this also runs on RunParallel's goroutines
		b.Error(err)
		return -1
	}
	req.Header.Set("Content-Type", "application/json")
	if gzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	if key != "" {
		req.Header.Set("X-Api-Key", key)
	}
	res, err := cl.Do(req)
	if err != nil {
		b.Error(err)
		return -1
	}
	defer res.Body.Close()
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	buf.ReadFrom(res.Body)
	if res.StatusCode != http.StatusOK {
		b.Errorf("status %d: %.200s", res.StatusCode, buf.Bytes())
		return -1
	}
	if gzip && res.Header.Get("Content-Encoding") != "gzip" {
		b.Errorf("answer not gzip (Content-Encoding %q)", res.Header.Get("Content-Encoding"))
		return -1
	}
	return buf.Len()
}
