package sim

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// discardWriter is a reusable http.ResponseWriter, so handler benchmarks measure the
// simulator rather than httptest.ResponseRecorder.
type discardWriter struct {
	h      http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(s int)           { w.status = s }
func (w *discardWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

func benchHandler(b *testing.B, employees int, path, body string, hdr map[string]string) {
	cfg := DefaultConfig()
	cfg.Employees = employees
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	tok := s.tok.appToken(cfg.AppKey, s.now())
	r := httptest.NewRequest(http.MethodPost, path+"?access_token="+tok, nil)
	r.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := &discardWriter{h: http.Header{}}
	rd := bytes.NewReader([]byte(body))
	r.Body = io.NopCloser(rd)
	s.ServeHTTP(w, r) // warm the per-employee cache, as a running simulator has it
	if w.status != 200 {
		b.Fatalf("status %d", w.status)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rd.Reset([]byte(body))
		clear(w.h)
		w.n = 0
		s.ServeHTTP(w, r)
	}
	b.SetBytes(int64(w.n))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

func BenchmarkUserGet(b *testing.B) {
	benchHandler(b, 200, "/topapi/v2/user/get", `{"userid":"`+fakeUserID(b, 5)+`","language":"zh_CN"}`, nil)
}

func BenchmarkUserList100(b *testing.B) {
	benchHandler(b, 200, "/topapi/v2/user/list", `{"dept_id":1,"cursor":0,"size":100}`, nil)
}

func BenchmarkUserList100Gzip(b *testing.B) {
	benchHandler(b, 200, "/topapi/v2/user/list", `{"dept_id":1,"cursor":0,"size":100}`, map[string]string{"Accept-Encoding": "gzip"})
}

// BenchmarkUserListSocket measures user/list size=100 (≈66 KiB) over real sockets at
// concurrency 32, the load-benchmark setting.
func BenchmarkUserListSocket(b *testing.B) {
	cfg := DefaultConfig()
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	tok := s.tok.appToken(cfg.AppKey, s.now())
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
	url := srv.URL + "/topapi/v2/user/list?access_token=" + tok
	const body = `{"dept_id":1,"cursor":0,"size":100}`
	b.ReportAllocs()
	b.SetParallelism(16) // 16 × GOMAXPROCS(2) = 32 clients
	b.RunParallel(func(pb *testing.PB) {
		buf := make([]byte, 128<<10)
		for pb.Next() {
			res, err := hc.Post(url, "application/json", bytes.NewReader([]byte(body)))
			if err != nil {
				b.Error(err)
				return
			}
			for {
				if _, err := res.Body.Read(buf); err != nil {
					break
				}
			}
			res.Body.Close()
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkNew10000 is the start-up cost of a 10,000-employee simulator.
func BenchmarkNew10000(b *testing.B) {
	cfg := DefaultConfig()
	cfg.Employees = 10000
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

func fakeUserID(b *testing.B, i int) string {
	cfg := DefaultConfig()
	cfg.Employees = i + 1
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return s.dir.emps[i].UserID
}
