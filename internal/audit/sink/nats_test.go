package sink

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// streamSeqs reads every message of the stream and returns the audit seqs in stream order,
// checking each body is a canonical record of the replica.
func streamSeqs(t *testing.T, url, stream, replica string) []uint64 {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []uint64
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			t.Fatalf("stream seq %d: %v", seq, err)
		}
		r, err := audit.ParseLine(m.Data)
		if err != nil {
			t.Fatalf("stream seq %d: body is not a canonical record: %v", seq, err)
		}
		if r.Replica != replica || m.Header.Get(HeaderSeq) != strconv.FormatUint(r.Seq, 10) {
			t.Fatalf("stream seq %d: replica %q header seq %q record seq %d", seq, r.Replica, m.Header.Get(HeaderSeq), r.Seq)
		}
		out = append(out, r.Seq)
	}
	return out
}

func streamCount(url, stream string) uint64 {
	nc, err := nats.Connect(url, nats.Timeout(500*time.Millisecond))
	if err != nil {
		return 0
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s, err := js.Stream(ctx, stream)
	if err != nil {
		return 0
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0
	}
	return info.State.Msgs
}

func wantInOrderOnce(t *testing.T, seqs []uint64, last uint64) {
	t.Helper()
	if uint64(len(seqs)) != last {
		t.Fatalf("stream holds %d records, want %d (exactly once)", len(seqs), last)
	}
	for i, s := range seqs {
		if s != uint64(i+1) {
			t.Fatalf("stream position %d holds seq %d, want %d (in order)", i, s, i+1)
		}
	}
}

// TestNATSSinkOutage: the sink is down at start, comes up, goes down (killed) and comes back;
// the log spools meanwhile and the stream ends with every record once, in order.
func TestNATSSinkOutage(t *testing.T) {
	srv := newNATSServer(t)
	sink, err := NewNATS(NATSConfig{URL: srv.url(), Stream: "AUDIT"})
	if err != nil {
		t.Fatal(err)
	}
	l, cfg := openLog(t, sink, nil)
	appendCalls(t, l, 20) // server not running yet: spooled
	if st := l.Stats(); st.ForwardedSeq != 0 {
		t.Fatalf("forwarded %d with no server", st.ForwardedSeq)
	}
	srv.start()
	waitUntil(t, "first records in the stream", 15*time.Second, func() bool { return l.Stats().ForwardedSeq == l.Stats().LastSeq })

	srv.stop()
	appendCalls(t, l, 40) // outage: appends still succeed, records wait in the spool
	waitUntil(t, "sink errors to be noticed", 10*time.Second, func() bool { return l.Stats().SinkErrors > 0 })
	if st := l.Stats(); st.ForwardedSeq >= st.LastSeq || st.SpoolBytes == 0 {
		t.Fatalf("during the outage: %+v", st)
	}
	srv.start()
	waitUntil(t, "the spool to drain", 20*time.Second, func() bool { return l.Stats().ForwardedSeq == l.Stats().LastSeq })
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	last := l.Stats().LastSeq
	waitUntil(t, "the closing checkpoint", 10*time.Second, func() bool { return streamCount(srv.url(), "AUDIT") == last })
	wantInOrderOnce(t, streamSeqs(t, srv.url(), "AUDIT", cfg.Replica), last)
}

// TestNATSSinkDeduplicates publishes the same batch twice to the shared server.
func TestNATSSinkDeduplicates(t *testing.T) {
	testenv.NeedTCP(t, "NATS", testenv.NATSAddr)
	stream := "AUDIT_TEST_" + suffix()
	prefix := "audittest" + suffix()
	sink, err := NewNATS(NATSConfig{URL: "nats://" + testenv.NATSAddr, Stream: stream, SubjectPrefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		js, _ := jetstream.New(sink.nc)
		js.DeleteStream(context.Background(), stream)
		sink.Close()
	})
	var entries []audit.Entry
	for i := uint64(1); i <= 5; i++ {
		line := []byte(`{"seq":` + strconv.FormatUint(i, 10) + `,"time":"2026-03-01T09:00:00.000000Z","kind":"call","replica":"r1","decision":"forwarded","prev":"` + audit.ZeroHash + `","hash":"` + audit.ZeroHash + `","mac":"` + audit.ZeroHash + `"}`)
		entries = append(entries, audit.Entry{Replica: "r1", Seq: i, Line: line})
	}
	ctx := context.Background()
	if err := sink.Publish(ctx, entries); err != nil {
		t.Fatal(err)
	}
	if err := sink.Publish(ctx, entries[2:]); err != nil { // a retry after a lost ack
		t.Fatal(err)
	}
	if n := streamCount("nats://"+testenv.NATSAddr, stream); n != 5 {
		t.Fatalf("stream holds %d messages after a duplicate batch, want 5", n)
	}
}

func TestNATSConfigValidation(t *testing.T) {
	for _, cfg := range []NATSConfig{{Stream: "a.b"}, {Stream: "a b"}, {SubjectPrefix: "x.>"}, {SubjectPrefix: "x."}} {
		if _, err := NewNATS(cfg); err == nil {
			t.Errorf("NewNATS(%+v) accepted", cfg)
		}
	}
}
