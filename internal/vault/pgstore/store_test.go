package pgstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/pgstore"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/vaulttest"
)

func needPG(t testing.TB) {
	t.Helper()
	testenv.NeedTCP(t, "PostgreSQL", testenv.PostgresAddr)
}

func uniqueName(prefix string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// admin runs one statement on its own connection (outside any store's pool).
func admin(t testing.TB, sql string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, testenv.PostgresDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func adminCount(t testing.TB, sql string, args ...any) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, testenv.PostgresDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// newSchema returns a schema name that is dropped when the test ends.
func newSchema(t testing.TB) string {
	t.Helper()
	schema := uniqueName("vaulttest_")
	t.Cleanup(func() { admin(t, `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`) })
	return schema
}

func openAt(t testing.TB, dsn, schema, app string) *pgstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := pgstore.Open(ctx, pgstore.Config{DSN: dsn, Schema: schema, ApplicationName: app})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func open(t testing.TB) backend.Store {
	needPG(t)
	return openAt(t, testenv.PostgresDSN(), newSchema(t), "vaulttest")
}

// dsnVia points the test DSN at another host:port (a Partition relay).
func dsnVia(t testing.TB, addr string) string {
	u, err := url.Parse(testenv.PostgresDSN())
	if err != nil || u.Host == "" {
		t.Skip("PROXY_TEST_PG_DSN is not a URL; cannot route it through a relay")
	}
	u.Host = addr
	return u.String()
}

func TestConformance(t *testing.T) {
	needPG(t)
	vaulttest.Run(t, vaulttest.Harness{
		Open: open,
		// A network partition between proxy and database: connections go silent. Calls
		// must fail at their deadline, and the pool must reconnect once the network heals.
		Outage: func(t testing.TB) (backend.Store, func(), func()) {
			p := vaulttest.NewPartition(t, testenv.PostgresAddr)
			st := openAt(t, dsnVia(t, p.Addr()), newSchema(t), "vaulttest-partition")
			return st, p.Freeze, p.Restore
		},
	})
}

// An operator (or a failover) terminates every connection of our pool. The very next
// call must succeed: the store resets the pool and retries, all operations being
// idempotent.
func TestTerminatedConnectionsRecover(t *testing.T) {
	needPG(t)
	app := uniqueName("vaulttest-term-")
	st := openAt(t, testenv.PostgresDSN(), newSchema(t), app)
	v, err := vault.New(st, vaulttest.Keyring(t), vault.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	ctx := t.Context()
	// Several connections in the pool, so the retry cannot just pick a healthy one.
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := v.Tokenize(ctx, []vault.Entry{{Type: "hk_phone", Value: "6000000" + string(rune('0'+i))}}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	toks, err := v.Tokenize(ctx, []vault.Entry{{Type: "hkid", Value: "H1234567"}})
	if err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		killed := adminCount(t, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1`, app)
		if killed == 0 {
			t.Fatalf("round %d: no connection of %s to terminate", round, app)
		}
		rs, err := v.Reveal(ctx, toks)
		if err != nil {
			t.Fatalf("round %d: first call after terminating %d connections: %v", round, killed, err)
		}
		if rs[0].Status != vault.StatusOK || rs[0].Value != "H1234567" {
			t.Fatalf("round %d: %+v", round, rs[0])
		}
	}
}

// A connection that goes silent mid-call (partition) must not hang the call: it returns
// ErrUnavailable at the context deadline.
func TestDeadlineDuringPartition(t *testing.T) {
	needPG(t)
	p := vaulttest.NewPartition(t, testenv.PostgresAddr)
	st := openAt(t, dsnVia(t, p.Addr()), newSchema(t), "vaulttest-deadline")
	defer st.Close()
	p.Freeze()
	ctx, cancel := context.WithTimeout(t.Context(), 700*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := st.Get(ctx, []string{"tok_hkid_aaaaaaaaaaaaaaaaaaaaaaaaaa"})
	if !errors.Is(err, backend.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("call took %v with a 700ms deadline", took)
	}
}

func TestDatabaseDown(t *testing.T) {
	// Nothing listens on this port: Open fails fast with ErrUnavailable, and the
	// message does not repeat the DSN (it could hold a password).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	_, err = pgstore.Open(ctx, pgstore.Config{DSN: "postgres://u:s3cretpw@" + addr + "/db?sslmode=disable"})
	if !errors.Is(err, backend.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if _, err := pgstore.Open(ctx, pgstore.Config{DSN: "postgres://u:s3cretpw@%zz"}); err == nil || contains(err, "s3cretpw") {
		t.Errorf("bad DSN error leaks or is missing: %v", err)
	}
	if _, err := pgstore.Open(ctx, pgstore.Config{DSN: "x", Schema: "Bad-Name"}); err == nil {
		t.Error("a bad schema name was accepted")
	}
}

func contains(err error, s string) bool { return err != nil && strings.Contains(err.Error(), s) }

// Replicas starting together race on creating the schema; all must succeed.
func TestConcurrentMigration(t *testing.T) {
	needPG(t)
	schema := newSchema(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			st, err := pgstore.Open(ctx, pgstore.Config{DSN: testenv.PostgresDSN(), Schema: schema})
			if err != nil {
				t.Error(err)
				return
			}
			st.Close()
		}()
	}
	wg.Wait()
}

// A failure in the middle of a batch statement (here a trigger that rejects one token)
// leaves none of the batch behind.
func TestMidBatchFailureWritesNothing(t *testing.T) {
	needPG(t)
	schema := newSchema(t)
	st := openAt(t, testenv.PostgresDSN(), schema, "vaulttest")
	defer st.Close()
	now := time.Now().UTC().Truncate(time.Microsecond)
	mk := func(tok string) backend.Entry {
		return backend.Entry{Token: tok, Type: "email", KeyID: "k1", Sealed: []byte("x"), FirstSeen: now, LastSeen: now, ExpiresAt: now.Add(time.Hour)}
	}
	bad := "tok_email_mmmmmmmmmmmmmmmmmmmmmmmmmm"
	admin(t, `CREATE FUNCTION `+pgx.Identifier{schema, "reject"}.Sanitize()+`() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.token = '`+bad+`' THEN RAISE EXCEPTION 'rejected by test'; END IF; RETURN NEW; END $$`)
	admin(t, `CREATE TRIGGER reject BEFORE INSERT ON `+st.Table()+` FOR EACH ROW EXECUTE FUNCTION `+pgx.Identifier{schema, "reject"}.Sanitize()+`()`)
	err := st.Put(t.Context(), []backend.Entry{mk("tok_email_aaaaaaaaaaaaaaaaaaaaaaaaaa"), mk(bad), mk("tok_email_zzzzzzzzzzzzzzzzzzzzzzzzzz")})
	if err == nil {
		t.Fatal("Put succeeded through a rejecting trigger")
	}
	if errors.Is(err, backend.ErrUnavailable) {
		t.Errorf("an SQL error is not an outage: %v", err)
	}
	if n := adminCount(t, `SELECT count(*) FROM `+st.Table()); n != 0 {
		t.Errorf("%d rows of the failed batch were written", n)
	}
}

// Separate processes race on the same values; triggers count what PostgreSQL really
// did: one INSERT per token, and no UPDATE that touched a ciphertext.
func TestProcessRace(t *testing.T) {
	needPG(t)
	shared := vaulttest.RaceShared()
	if shared == "" {
		shared = newSchema(t)
		st := openAt(t, testenv.PostgresDSN(), shared, "vaulttest")
		q := pgx.Identifier{shared}.Sanitize()
		admin(t, `CREATE TABLE `+q+`.writes (token text, op text)`)
		admin(t, `CREATE FUNCTION `+q+`.count_writes() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF TG_OP = 'INSERT' THEN INSERT INTO `+q+`.writes VALUES (NEW.token, 'insert');
				ELSIF NEW.sealed IS DISTINCT FROM OLD.sealed THEN INSERT INTO `+q+`.writes VALUES (NEW.token, 'reseal');
				END IF;
				RETURN NEW;
			END $$`)
		admin(t, `CREATE TRIGGER count_writes AFTER INSERT OR UPDATE ON `+st.Table()+` FOR EACH ROW EXECUTE FUNCTION `+q+`.count_writes()`)
		st.Close()
		toks := vaulttest.ProcessRace(t, shared, func(t testing.TB, shared string) backend.Store {
			return openAt(t, testenv.PostgresDSN(), shared, "vaulttest-race")
		})
		distinct := map[string]bool{}
		for _, tok := range toks {
			distinct[tok] = true
		}
		if n := adminCount(t, `SELECT count(*) FROM `+q+`.writes WHERE op = 'insert'`); n != len(distinct) {
			t.Errorf("%d inserts for %d distinct tokens", n, len(distinct))
		}
		if n := adminCount(t, `SELECT count(*) FROM `+q+`.writes WHERE op = 'reseal'`); n != 0 {
			t.Errorf("%d updates rewrote a ciphertext", n)
		}
		return
	}
	vaulttest.ProcessRace(t, shared, func(t testing.TB, shared string) backend.Store {
		return openAt(t, testenv.PostgresDSN(), shared, "vaulttest-race")
	})
}

func BenchmarkVault(b *testing.B) {
	needPG(b)
	vaulttest.Bench(b, open)
}
