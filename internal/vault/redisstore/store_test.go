package redisstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/redisstore"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/vaulttest"
)

func needRedis(t testing.TB) {
	t.Helper()
	testenv.NeedTCP(t, "Redis", testenv.RedisAddr)
}

func uniquePrefix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return "vaulttest:" + hex.EncodeToString(b)
}

// dropPrefix deletes every key under prefix when the test ends.
func dropPrefix(t testing.TB, addr, prefix string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		rdb := redis.NewClient(&redis.Options{Addr: addr})
		defer rdb.Close()
		iter := rdb.Scan(ctx, 0, prefix+":*", 1000).Iterator()
		for iter.Next(ctx) {
			rdb.Del(ctx, iter.Val())
		}
	})
}

func openAt(t testing.TB, addr, prefix string) *redisstore.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := redisstore.Open(ctx, redisstore.Config{Addr: addr, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func open(t testing.TB) backend.Store {
	needRedis(t)
	prefix := uniquePrefix()
	dropPrefix(t, testenv.RedisAddr, prefix)
	return openAt(t, testenv.RedisAddr, prefix)
}

// privateRedis is a redis-server this test starts, kills and restarts on one port.
type privateRedis struct {
	t    testing.TB
	bin  string
	port int
	cmd  *exec.Cmd
}

func freePort(t testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func startPrivateRedis(t testing.TB) *privateRedis {
	r := &privateRedis{t: t, bin: testenv.NeedCommand(t, "redis-server"), port: freePort(t)}
	r.start()
	t.Cleanup(r.kill)
	return r
}

func (r *privateRedis) addr() string { return "127.0.0.1:" + strconv.Itoa(r.port) }

func (r *privateRedis) start() {
	r.t.Helper()
	r.cmd = exec.Command(r.bin, "--port", strconv.Itoa(r.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", r.t.TempDir())
	if err := r.cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", r.addr(), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	r.t.Fatalf("redis-server on %s did not start", r.addr())
}

// kill stops the server abruptly (SIGKILL: no goodbye to clients).
func (r *privateRedis) kill() {
	if r.cmd == nil {
		return
	}
	r.cmd.Process.Kill()
	r.cmd.Wait()
	r.cmd = nil
}

func TestConformance(t *testing.T) {
	needRedis(t)
	vaulttest.Run(t, vaulttest.Harness{
		Open: open,
		// The server dies (SIGKILL) and comes back on the same port, empty (no
		// persistence): the client must report ErrUnavailable meanwhile and reconnect.
		Outage: func(t testing.TB) (backend.Store, func(), func()) {
			r := startPrivateRedis(t)
			return openAt(t, r.addr(), "outage"), r.kill, r.start
		},
	})
}

// A server that is gone (connection refused) is reported fast, well inside the call
// timeout, so the proxy answers 503 at once instead of holding the request.
func TestDeadServerFailsFast(t *testing.T) {
	r := startPrivateRedis(t)
	st := openAt(t, r.addr(), "fast")
	v, err := vault.New(st, vaulttest.Keyring(t), vault.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	r.kill()
	start := time.Now()
	_, err = v.Tokenize(t.Context(), []vault.Entry{{Type: "hkid", Value: "L1234567"}})
	if !errors.Is(err, vault.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("a refused connection took %v to report", took)
	}
}

// A silent network (partition) must not hang a call: it fails at its deadline.
func TestDeadlineDuringPartition(t *testing.T) {
	needRedis(t)
	p := vaulttest.NewPartition(t, testenv.RedisAddr)
	prefix := uniquePrefix()
	dropPrefix(t, testenv.RedisAddr, prefix)
	st := openAt(t, p.Addr(), prefix)
	defer st.Close()
	v, err := vault.New(st, vaulttest.Keyring(t), vault.Options{Timeout: 700 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Tokenize(t.Context(), []vault.Entry{{Type: "hkid", Value: "J1234567"}}); err != nil {
		t.Fatal(err)
	}
	p.Freeze()
	start := time.Now()
	_, err = v.Tokenize(t.Context(), []vault.Entry{{Type: "hkid", Value: "J7654321"}}) // new value: not in the refresh cache
	if !errors.Is(err, vault.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("call took %v with a 700ms timeout", took)
	}
	p.Restore()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := v.Tokenize(t.Context(), []vault.Entry{{Type: "hkid", Value: "J7654321"}})
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no recovery after the partition healed: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A batch whose second entry cannot be written (its tombstone key holds a string)
// writes nothing at all: the script checks every key before the first write.
func TestMidBatchFailureWritesNothing(t *testing.T) {
	needRedis(t)
	prefix := uniquePrefix()
	dropPrefix(t, testenv.RedisAddr, prefix)
	st := openAt(t, testenv.RedisAddr, prefix)
	defer st.Close()
	rdb := redis.NewClient(&redis.Options{Addr: testenv.RedisAddr})
	defer rdb.Close()
	now := time.Now().UTC().Truncate(time.Microsecond)
	mk := func(tok string) backend.Entry {
		return backend.Entry{Token: tok, Type: "email", KeyID: "k1", Sealed: []byte("x"), FirstSeen: now, LastSeen: now, ExpiresAt: now.Add(time.Hour)}
	}
	good, bad := "tok_email_aaaaaaaaaaaaaaaaaaaaaaaaaa", "tok_email_mmmmmmmmmmmmmmmmmmmmmmmmmm"
	if err := rdb.Set(t.Context(), prefix+":t:"+bad, "not a hash", 0).Err(); err != nil {
		t.Fatal(err)
	}
	err := st.Put(t.Context(), []backend.Entry{mk(good), mk(bad)})
	if err == nil {
		t.Fatal("Put succeeded over a key of the wrong type")
	}
	if errors.Is(err, backend.ErrUnavailable) {
		t.Errorf("a wrong-type key is not an outage: %v", err)
	}
	if n := rdb.Exists(t.Context(), prefix+":e:"+good).Val(); n != 0 {
		t.Error("the first entry of the failed batch was written")
	}
	if n := rdb.ZCard(t.Context(), prefix+":x").Val(); n != 0 {
		t.Errorf("the expiry index has %d members after a failed batch", n)
	}
}

// Redis drops an entry by itself at its expiry (PEXPIREAT); the token then reveals as
// unknown, and Purge only trims the index.
func TestRedisExpiresOnItsOwn(t *testing.T) {
	needRedis(t)
	prefix := uniquePrefix()
	dropPrefix(t, testenv.RedisAddr, prefix)
	st := openAt(t, testenv.RedisAddr, prefix)
	v, err := vault.New(st, vaulttest.Keyring(t), vault.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	toks, err := v.Tokenize(t.Context(), []vault.Entry{{Type: "email", Value: "brief@example.com", TTL: 300 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	rs, err := v.Reveal(t.Context(), toks)
	if err != nil || rs[0].Status != vault.StatusUnknown {
		t.Fatalf("after Redis expiry: %+v, %v", rs, err)
	}
	if n, err := v.Purge(t.Context(), time.Now()); err != nil || n != 0 {
		t.Errorf("Purge = %d, %v; want 0 (Redis already deleted it)", n, err)
	}
	if st, err := v.Stats(t.Context()); err != nil || st.Entries != 0 {
		t.Errorf("index not trimmed: %+v, %v", st, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	port := freePort(t) // nothing listens there now
	_, err := redisstore.Open(ctx, redisstore.Config{Addr: "127.0.0.1:" + strconv.Itoa(port)})
	if !errors.Is(err, backend.ErrUnavailable) {
		t.Errorf("Open of a dead server: err = %v, want ErrUnavailable", err)
	}
	_, err = redisstore.Open(ctx, redisstore.Config{Addr: "redis://:s3cretpw@[bad"})
	if err == nil || strings.Contains(err.Error(), "s3cretpw") {
		t.Errorf("bad URL error leaks or is missing: %v", err)
	}
	if _, err := redisstore.Open(ctx, redisstore.Config{Addr: "127.0.0.1:1", Prefix: "bad*prefix"}); err == nil {
		t.Error("a glob character in the prefix was accepted")
	}
}

func TestProcessRace(t *testing.T) {
	needRedis(t)
	shared := vaulttest.RaceShared()
	if shared == "" {
		shared = uniquePrefix()
		dropPrefix(t, testenv.RedisAddr, shared)
	}
	vaulttest.ProcessRace(t, shared, func(t testing.TB, shared string) backend.Store {
		return openAt(t, testenv.RedisAddr, shared)
	})
}

func BenchmarkVault(b *testing.B) {
	needRedis(b)
	vaulttest.Bench(b, open)
}
