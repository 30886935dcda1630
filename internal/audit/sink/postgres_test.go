package sink

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
	"github.com/jackc/pgx/v5"
)

func pgConn(t *testing.T) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), testenv.PostgresDSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func withAppName(dsn, name string) string {
	sep := "?"
	for i := 0; i < len(dsn); i++ {
		if dsn[i] == '?' {
			sep = "&"
		}
	}
	return dsn + sep + "application_name=" + name
}

// TestPostgresSinkOutage: the sink's server connections are killed mid-stream; the log
// spools, the pool reconnects, and the table ends with every record exactly once.
func TestPostgresSinkOutage(t *testing.T) {
	testenv.NeedTCP(t, "PostgreSQL", testenv.PostgresAddr)
	ctx := context.Background()
	admin := pgConn(t)
	table := "audit_test_" + suffix()
	app := "audit_sink_" + suffix()
	sink, err := NewPostgres(PostgresConfig{DSN: withAppName(testenv.PostgresDSN(), app), Table: table})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(ctx, "DROP TABLE IF EXISTS "+sink.Table()) })
	l, cfg := openLog(t, sink, nil)
	count := func() (n, distinct, maxSeq int64) {
		admin.QueryRow(ctx, "SELECT count(*), count(DISTINCT seq), coalesce(max(seq),0) FROM "+sink.Table()+" WHERE replica=$1", cfg.Replica).Scan(&n, &distinct, &maxSeq)
		return
	}
	appendCalls(t, l, 30)
	waitUntil(t, "first batch in PostgreSQL", 15*time.Second, func() bool { return l.Stats().ForwardedSeq == l.Stats().LastSeq })

	// Outage: terminate the sink's backends, repeatedly, while appending.
	kills := 0
	for round := 0; round < 3; round++ {
		var k int
		if err := admin.QueryRow(ctx, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name=$1", app).Scan(&k); err != nil {
			t.Fatal(err)
		}
		kills += k
		appendCalls(t, l, 20)
	}
	if kills == 0 {
		t.Fatal("no sink connection was terminated; the outage did not happen")
	}
	waitUntil(t, "the spool to drain", 20*time.Second, func() bool { return l.Stats().ForwardedSeq == l.Stats().LastSeq })
	l.Close()
	last := int64(l.Stats().LastSeq)
	waitUntil(t, "all rows", 10*time.Second, func() bool { n, _, _ := count(); return n == last })
	n, distinct, maxSeq := count()
	if n != last || distinct != last || maxSeq != last {
		t.Fatalf("rows=%d distinct=%d max=%d, want %d each (exactly once, none missing)", n, distinct, maxSeq, last)
	}
	// The stored lines are the exact canonical lines: they parse and chain.
	rows, err := admin.Query(ctx, "SELECT line FROM "+sink.Table()+" WHERE replica=$1 ORDER BY seq", cfg.Replica)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	prev := audit.ZeroHash
	for rows.Next() {
		var line string
		rows.Scan(&line)
		r, err := audit.ParseLine([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		if r.Prev != prev {
			t.Fatalf("seq %d does not chain in the central copy", r.Seq)
		}
		prev = r.Hash
	}
}

func TestPostgresSinkDuplicatesAndConflicts(t *testing.T) {
	testenv.NeedTCP(t, "PostgreSQL", testenv.PostgresAddr)
	ctx := context.Background()
	admin := pgConn(t)
	sink, err := NewPostgres(PostgresConfig{DSN: testenv.PostgresDSN(), Table: "audit_test_" + suffix()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(ctx, "DROP TABLE IF EXISTS "+sink.Table()); sink.Close() })
	mk := func(seq uint64, hash string) audit.Entry {
		r := &audit.Record{Seq: seq, Time: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Kind: "call", Replica: "r1",
			Decision: "forwarded", Prev: audit.ZeroHash, Hash: hash, MAC: audit.ZeroHash}
		line := audit.AppendLine(nil, r)
		return audit.Entry{Replica: "r1", Seq: seq, Line: line[:len(line)-1]}
	}
	a := []audit.Entry{mk(1, audit.ZeroHash), mk(2, audit.ZeroHash), mk(3, audit.ZeroHash)}
	if err := sink.Publish(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := sink.Publish(ctx, a[1:]); err != nil {
		t.Fatalf("retry of identical records: %v", err)
	}
	var n int
	admin.QueryRow(ctx, "SELECT count(*) FROM "+sink.Table()).Scan(&n)
	if n != 3 {
		t.Fatalf("%d rows after a duplicate batch, want 3", n)
	}
	other := "1111111111111111111111111111111111111111111111111111111111111111"
	if err := sink.Publish(ctx, []audit.Entry{mk(2, other)}); err == nil {
		t.Fatal("a different record for an existing (replica, seq) was accepted silently")
	}
}

func TestPostgresTableName(t *testing.T) {
	for _, ok := range []string{"audit_records", "ops.audit", "_x1"} {
		if _, err := tableIdent(ok); err != nil {
			t.Errorf("%q rejected: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "Audit", "a;drop table x", "a.b.c", "1abc", `a"b`, "a-b"} {
		if _, err := tableIdent(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := NewPostgres(PostgresConfig{DSN: "postgres://u:s3cret@[bad", Table: "t"}); err == nil {
		t.Error("bad DSN accepted")
	} else if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error leaks the DSN password: %v", err)
	}
}
