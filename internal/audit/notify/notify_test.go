package notify

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

var secret = []byte("0123456789abcdef-officer-secret")

// receiver is an httptest webhook endpoint that fails the first failFirst attempts with 503
// and then checks signatures and records the events.
type receiver struct {
	t         *testing.T
	failFirst int32
	attempts  atomic.Int32
	mu        sync.Mutex
	events    []Event
	batchIDs  map[string]int
	badSig    atomic.Int32
	gate      chan struct{} // when non-nil, requests wait on it
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if rc.gate != nil {
		<-rc.gate
	}
	body, _ := io.ReadAll(r.Body)
	n := rc.attempts.Add(1)
	if n <= rc.failFirst {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	if !VerifySignature(secret, r.Header.Get(HeaderTimestamp), r.Header.Get(HeaderSignature), body, time.Now(), time.Minute) {
		rc.badSig.Add(1)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var p payload
	if err := json.Unmarshal(body, &p); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	rc.mu.Lock()
	rc.events = append(rc.events, p.Events...)
	if rc.batchIDs == nil {
		rc.batchIDs = map[string]int{}
	}
	rc.batchIDs[r.Header.Get(HeaderBatchID)]++
	rc.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (rc *receiver) count() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.events)
}

func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

func blocked(seq uint64) *audit.Record {
	return &audit.Record{Kind: audit.KindCall, Seq: seq, Replica: "hk-a", Caller: "helpdesk-bot", Route: "bot-send",
		Decision: audit.DecisionBlocked, Reason: "block_type:hkid", Counts: map[string]int{"hkid": 1}}
}

func TestRetriesWithBackoffThenDelivers(t *testing.T) {
	rc := &receiver{t: t, failFirst: 3}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	n, err := New(Config{URL: srv.URL, Secret: secret, Replica: "hk-a", BatchSize: 10, FlushInterval: 20 * time.Millisecond,
		InitialBackoff: 10 * time.Millisecond, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for i := uint64(1); i <= 5; i++ {
		n.Observe(blocked(i))
	}
	if err := n.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := n.Stats()
	if rc.count() != 5 || st.Sent != 5 || st.Batches != 1 || st.Retries != 3 || st.Failed != 0 {
		t.Fatalf("received %d, stats %+v; want 5 events in 1 batch after 3 retries", rc.count(), st)
	}
	// Backoff 10ms, 20ms, 40ms (±20%): at least ~56ms in total.
	if el := time.Since(start); el < 56*time.Millisecond {
		t.Fatalf("delivered after %v: retries did not back off", el)
	}
	if rc.badSig.Load() != 0 {
		t.Fatal("a delivery failed signature verification")
	}
	for id, k := range rc.batchIDs {
		if k != 1 || id == "" {
			t.Fatalf("batch id %q delivered %d times", id, k)
		}
	}
	if ev := rc.events[0]; ev.Kind != KindBlocked || ev.Seq != 1 || ev.Counts["hkid"] != 1 {
		t.Fatalf("event %+v", ev)
	}
}

func TestBatching(t *testing.T) {
	rc := &receiver{t: t}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	n, _ := New(Config{URL: srv.URL, Secret: secret, BatchSize: 4, FlushInterval: time.Hour, Logger: quiet()})
	for i := uint64(1); i <= 10; i++ {
		n.Observe(blocked(i))
	}
	n.Close(context.Background()) // the last partial batch goes out on close
	if st := n.Stats(); st.Batches != 3 || st.Sent != 10 {
		t.Fatalf("stats %+v; want 10 events in 3 batches (4+4+2)", st)
	}
}

func TestGivesUpOnClientErrorAndAfterMaxAttempts(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/gone" {
			w.WriteHeader(http.StatusGone)
			return
		}
		w.WriteHeader(http.StatusInternalServerError)
	}))
	defer srv.Close()
	for _, tt := range []struct {
		path     string
		wantHits int32
	}{{"/gone", 1}, {"/down", 3}} {
		hits.Store(0)
		n, _ := New(Config{URL: srv.URL + tt.path, Secret: secret, MaxAttempts: 3, InitialBackoff: time.Millisecond, FlushInterval: time.Millisecond, Logger: quiet()})
		n.Observe(blocked(1))
		n.Close(context.Background())
		if st := n.Stats(); st.Failed != 1 || st.Sent != 0 || hits.Load() != tt.wantHits {
			t.Fatalf("%s: stats %+v hits %d; want 1 failed after %d attempts", tt.path, st, hits.Load(), tt.wantHits)
		}
	}
}

func TestQueueFullDropsWithoutBlocking(t *testing.T) {
	rc := &receiver{t: t, gate: make(chan struct{})}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	n, _ := New(Config{URL: srv.URL, Secret: secret, QueueSize: 5, BatchSize: 1, FlushInterval: time.Millisecond, Logger: quiet()})
	start := time.Now()
	accepted := 0
	for i := uint64(1); i <= 100; i++ {
		if n.Notify(Event{Kind: KindBlocked, Seq: i}) {
			accepted++
		}
	}
	if el := time.Since(start); el > 50*time.Millisecond {
		t.Fatalf("100 Notify calls took %v with the receiver stuck", el)
	}
	st := n.Stats()
	if st.Dropped == 0 || st.Dropped+st.Enqueued != 100 || accepted > 5+1 {
		t.Fatalf("stats %+v accepted %d; want drops counted, at most queue+1 accepted", st, accepted)
	}
	close(rc.gate)
	n.Close(context.Background())
	if n.Notify(Event{}) {
		t.Fatal("Notify after Close accepted an event")
	}
}

func TestCloseHonoursDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv.Close()
	n, _ := New(Config{URL: srv.URL, Secret: secret, InitialBackoff: time.Second, FlushInterval: time.Millisecond, Logger: quiet()})
	n.Observe(blocked(1))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := n.Close(ctx); err == nil {
		t.Fatal("Close returned nil while a batch was still retrying")
	}
	if time.Since(start) > time.Second {
		t.Fatal("Close ignored its deadline")
	}
}

func TestEventFor(t *testing.T) {
	tests := []struct {
		name string
		r    *audit.Record
		kind string
	}{
		{"blocked", &audit.Record{Kind: "call", Decision: "blocked"}, KindBlocked},
		{"denied", &audit.Record{Kind: "call", Decision: "denied"}, KindBlocked},
		{"cross-border in clear", &audit.Record{Kind: "call", Decision: "forwarded", CrossBorder: true, Actions: map[string]int{"allow": 2, "mask": 1}}, KindCrossBorderClear},
		{"cross-border revealed", &audit.Record{Kind: "call", Decision: "forwarded", CrossBorder: true, Actions: map[string]int{"reveal": 1}}, KindCrossBorderClear},
		{"cross-border masked", &audit.Record{Kind: "call", Decision: "forwarded", CrossBorder: true, Actions: map[string]int{"mask": 3, "tokenize": 1}}, ""},
		{"in clear but at home", &audit.Record{Kind: "call", Decision: "forwarded", Actions: map[string]int{"allow": 3}}, ""},
		{"unauthenticated", &audit.Record{Kind: "call", Decision: "unauthenticated"}, ""},
		{"checkpoint", &audit.Record{Kind: "checkpoint", Decision: "blocked"}, ""},
		{"nil", nil, ""},
	}
	for _, tt := range tests {
		ev, ok := EventFor(tt.r)
		if ok != (tt.kind != "") || ev.Kind != tt.kind {
			t.Errorf("%s: got %q, %v; want %q", tt.name, ev.Kind, ok, tt.kind)
		}
	}
}

func TestSignature(t *testing.T) {
	body := []byte(`{"events":[]}`)
	now := time.Unix(1_800_000_000, 0)
	ts := "1800000000"
	sig := Sign(secret, ts, body)
	if !VerifySignature(secret, ts, sig, body, now, time.Minute) {
		t.Fatal("own signature rejected")
	}
	for name, ok := range map[string]bool{
		"other body":      VerifySignature(secret, ts, sig, []byte(`{"events":[1]}`), now, time.Minute),
		"other timestamp": VerifySignature(secret, "1800000001", sig, body, now, time.Minute),
		"stale":           VerifySignature(secret, ts, sig, body, now.Add(time.Hour), time.Minute),
		"other secret":    VerifySignature([]byte("another-secret-of-16+"), ts, sig, body, now, time.Minute),
		"no prefix":       VerifySignature(secret, ts, sig[len("sha256="):], body, now, time.Minute),
	} {
		if ok {
			t.Errorf("%s: verified", name)
		}
	}
}

func TestNewValidates(t *testing.T) {
	for _, c := range []Config{{URL: "ftp://x", Secret: secret}, {URL: "http://127.0.0.1:1", Secret: []byte("short")}, {URL: "", Secret: secret}} {
		if _, err := New(c); err == nil {
			t.Errorf("New(%+v) accepted", c)
		}
	}
}

// TestWiredIntoTheLog: the notifier as audit.Config.Notify sees appended records with their
// sequence numbers and sends only the ones that deserve an event.
func TestWiredIntoTheLog(t *testing.T) {
	rc := &receiver{t: t}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	n, _ := New(Config{URL: srv.URL, Secret: secret, Replica: "hk-a", FlushInterval: 5 * time.Millisecond, Logger: quiet()})
	l, err := audit.Open(audit.Config{Dir: t.TempDir() + "/audit", Replica: "hk-a", Notify: n.Observe, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	recs := []*audit.Record{
		{Decision: "forwarded", CrossBorder: true, Direction: "request", Region: "cn", Actions: map[string]int{"tokenize": 2}},
		{Decision: "forwarded", CrossBorder: true, Direction: "response", Region: "cn", Actions: map[string]int{"allow": 1}},
		{Decision: "blocked", Reason: "block_type:cn_id", Counts: map[string]int{"cn_id": 1}},
	}
	for _, r := range recs {
		if err := l.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	n.Close(context.Background())
	if rc.count() != 2 {
		t.Fatalf("%d events, want 2", rc.count())
	}
	if rc.events[0].Kind != KindCrossBorderClear || rc.events[0].Seq != 3 || rc.events[1].Kind != KindBlocked || rc.events[1].Seq != 4 {
		t.Fatalf("events %+v", rc.events)
	}
}
