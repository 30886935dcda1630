package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoadCountsAndChecks runs the generator against a stub: every call in the measured
// window is counted, and answers of the wrong length or status are errors, not successes.
func TestLoadCountsAndChecks(t *testing.T) {
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		if r.Header.Get("X-Api-Key") != "k" || !strings.Contains(r.URL.RawQuery, "access_token=tok") {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch {
		case n%10 == 0:
			w.Write([]byte("short"))
		case n%10 == 5:
			w.WriteHeader(http.StatusBadGateway)
			w.Write([]byte("0123456789"))
		default:
			w.Write([]byte("0123456789"))
		}
	}))
	defer srv.Close()
	c := userListCall(srv.URL, "tok", 6, "k")
	s, err := load(context.Background(), c, 4, 50*time.Millisecond, 300*time.Millisecond, 10)
	if err != nil {
		t.Fatal(err)
	}
	if s.requests == 0 || s.errors == 0 {
		t.Fatalf("requests %d, errors %d: want both", s.requests, s.errors)
	}
	// About one call in five is bad; the warm-up calls are in calls but not in the sample.
	if total := s.requests + s.errors; int64(total) > calls.Load() || s.errors*3 > total {
		t.Errorf("requests %d + errors %d of %d calls", s.requests, s.errors, calls.Load())
	}
	if len(s.latencies) != s.requests || s.latencies[0] > s.latencies[len(s.latencies)-1] {
		t.Error("latencies missing or not sorted")
	}
	if s.elapsed < 250*time.Millisecond || s.elapsed > 2*time.Second || s.rps() <= 0 {
		t.Errorf("elapsed %v, rps %.0f", s.elapsed, s.rps())
	}
	if !strings.Contains(s.firstErr, "status") {
		t.Errorf("first error not described: %q", s.firstErr)
	}
}

func TestLoadGivesUpWhenEverythingFails(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	}))
	defer srv.Close()
	if _, err := load(context.Background(), userListCall(srv.URL, "t", 1, "k"), 2, 0, 2*time.Second, 10); err == nil {
		t.Fatal("a target that refuses every call produced a result")
	}
}

func TestCheckAnswer(t *testing.T) {
	raw := []byte(`{"errcode":0,"result":{"list":[{"email":"a@example.com"}]}}`)
	masked := []byte(`{"errcode":0,"result":{"list":[{"email":"[EMAIL]"}]}}`)
	for _, tc := range []struct {
		name string
		k    cellKey
		got  []byte
		ok   bool
	}{
		{"direct, same", cellKey{target: targetDirect}, raw, true},
		{"plain, changed", cellKey{target: targetPlain}, masked, false},
		{"support, masked", cellKey{target: targetProxy, role: "support"}, masked, true},
		{"support, not masked", cellKey{target: targetProxy, role: "support"}, raw, false},
		{"hr_admin, clear", cellKey{target: targetProxy, role: "hr_admin"}, raw, true},
		{"DingTalk error", cellKey{target: targetDirect}, []byte(`{"errcode":88,"errmsg":"bad token"}`), false},
		{"not JSON", cellKey{target: targetProxy, role: "support"}, []byte(`<html>`), false},
		{"no errcode", cellKey{target: targetProxy, role: "support"}, []byte(`{"code":"x"}`), false},
	} {
		if err := checkAnswer(tc.k, raw, tc.got); (err == nil) != tc.ok {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
