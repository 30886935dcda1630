package proxy_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
)

// TestUpstreamGzip: the proxy asks DingTalk for gzip whatever the client accepts, decodes
// it to inspect, and gives each client what it asked for — an inspected body compressed
// again or plain, a passed-through file as it came or decoded on the fly.
func TestUpstreamGzip(t *testing.T) {
	png := bytes.Repeat([]byte("\x89PNG fake image bytes "), 200)
	page := `{"errcode":0,"result":{"list":[{"remark":"` + strings.Repeat("寫信給 taiman.chan@example.com ", 60) + `"}]}}`
	plain := `{"errcode":0,"result":{"list":[{"remark":"` + strings.Repeat("會議室已預訂 ", 120) + `"}]}}`
	zplain := gzipped([]byte(plain)) // what the upstream sends for /plain, compressed once
	var mu sync.Mutex
	var asked []string
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.Header.Get("Accept-Encoding"))
		mu.Unlock()
		body, ct := []byte(page), "application/json"
		if r.URL.Path == "/media/download" {
			body, ct = png, "image/png"
		}
		w.Header().Set("Content-Type", ct)
		if r.URL.Path == "/plain" {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(zplain)
			return
		}
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(body)
			zw.Close()
			return
		}
		w.Write(body)
	}))
	defer up.Close()
	pxURL := proxyBefore(t, up.URL, `  - name: media
    match: {upstream: oapi, method: GET, path: /media/download}
    content_types: {inspect: [application/json], passthrough: [image/*]}
  - name: remarks
    match: {upstream: oapi, method: GET, path: /remarks}
  - name: plain
    match: {upstream: oapi, method: GET, path: /plain}
`)

	get := func(path, acceptEncoding string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, pxURL+path, nil)
		req.Header.Set("X-Api-Key", "demo-support-key")
		if acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", acceptEncoding)
		}
		// The raw transport: no gzip added, nothing decoded behind the test's back.
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, b)
		}
		return res, b
	}
	gunzip := func(b []byte) []byte {
		t.Helper()
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	masked := func(b []byte) {
		t.Helper()
		if bytes.Contains(b, []byte("taiman.chan@")) || !bytes.Contains(b, []byte("[EMAIL]")) {
			t.Fatalf("not masked: %.200s", b)
		}
	}

	for i := 0; i < 3; i++ { // pooled decoders and encoders are reused across calls
		res, b := get("/remarks", "gzip")
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("inspected, client accepts gzip: Content-Encoding %q", res.Header.Get("Content-Encoding"))
		}
		masked(gunzip(b))

		res, b = get("/remarks", "")
		if res.Header.Get("Content-Encoding") != "" {
			t.Fatalf("inspected, client did not ask for gzip: Content-Encoding %q", res.Header.Get("Content-Encoding"))
		}
		masked(b)

		// Nothing to rewrite: the upstream's compressed bytes go out as they came.
		res, b = get("/plain", "gzip")
		if res.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(b, zplain) {
			t.Fatalf("unchanged body, client accepts gzip: Content-Encoding %q, %d bytes, want the upstream's %d",
				res.Header.Get("Content-Encoding"), len(b), len(zplain))
		}
		res, b = get("/plain", "")
		if res.Header.Get("Content-Encoding") != "" || string(b) != plain {
			t.Fatalf("unchanged body, client did not ask for gzip: Content-Encoding %q, %.100s", res.Header.Get("Content-Encoding"), b)
		}

		res, b = get("/media/download", "gzip")
		if res.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(b), png) {
			t.Fatalf("passed through, client accepts gzip: Content-Encoding %q, %d bytes", res.Header.Get("Content-Encoding"), len(b))
		}

		res, b = get("/media/download", "br;q=1, gzip;q=0")
		if res.Header.Get("Content-Encoding") != "" || !bytes.Equal(b, png) {
			t.Fatalf("passed through, client refuses gzip: Content-Encoding %q, %d bytes", res.Header.Get("Content-Encoding"), len(b))
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for _, a := range asked {
		if a != "gzip" {
			t.Fatalf("the proxy asked DingTalk for Accept-Encoding %q, want gzip every time", a)
		}
	}
}

// TestRequestGzip: a compressed request body is decoded to inspect it; unchanged, DingTalk
// gets the client's bytes as they were sent, changed, the rewritten body compressed again.
func TestRequestGzip(t *testing.T) {
	var mu sync.Mutex
	var got [][]byte
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, b)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"errcode":0}`))
	}))
	defer up.Close()
	pxURL := proxyBefore(t, up.URL, `  - name: upload
    match: {upstream: oapi, method: POST, path: /upload}
`)
	post := func(body string) []byte {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, pxURL+"/upload", bytes.NewReader(gzipped([]byte(body))))
		req.Header.Set("X-Api-Key", "demo-support-key")
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Content-Encoding", "gzip")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("status %d", res.StatusCode)
		}
		mu.Lock()
		defer mu.Unlock()
		return got[len(got)-1]
	}
	unchanged := `{"title":"` + strings.Repeat("會議室已預訂 ", 50) + `"}`
	if b, want := post(unchanged), gzipped([]byte(unchanged)); !bytes.Equal(b, want) {
		t.Fatalf("unchanged body: upstream got %d bytes, not the client's %d", len(b), len(want))
	}
	b := post(`{"remark":"HKID A123456(3)"}`)
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("changed body not gzip upstream: %v", err)
	}
	plain, _ := io.ReadAll(zr)
	if bytes.Contains(plain, []byte("A123456")) || !bytes.Contains(plain, []byte("[HKID]")) {
		t.Fatalf("upstream got %s", plain)
	}
}

// proxyBefore starts the PII proxy with the demo policy plus routes (YAML list items) in
// front of upstream, and returns its base URL.
func proxyBefore(t *testing.T, upstream, routes string) string {
	t.Helper()
	upURL, _ := url.Parse(upstream)
	plan := loadPolicy(t, [][2]string{{"routes:\n", "routes:\n" + routes}})
	srv, err := proxy.New(plan, proxy.Options{
		Logger:            slog.New(slog.NewJSONHandler(io.Discard, nil)),
		UpstreamOverrides: map[string]*url.URL{"oapi": upURL, "api": upURL},
		HashKey:           []byte("0123456789abcdef0123456789abcdef"),
	})
	if err != nil {
		t.Fatal(err)
	}
	px := httptest.NewServer(srv)
	t.Cleanup(px.Close)
	return px.URL
}

// gzipped is b compressed by the standard library, as a client or DingTalk would send it.
func gzipped(b []byte) []byte {
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(b)
	zw.Close()
	return z.Bytes()
}
