// Package vaulttest is the conformance suite every vault backend passes: the same tests
// run against bbolt, PostgreSQL and Redis (Run), plus a multi-process race
// (ProcessRace), a TCP proxy that simulates network partitions (Partition) and the
// benchmarks (Bench). Each backend's tests call these with a function that opens a fresh,
// empty store.
package vaulttest

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// Harness tells the suite how to get stores of one backend.
type Harness struct {
	// Open returns a new, empty store whose data no other test sees. The suite closes it.
	Open func(t testing.TB) backend.Store

	// Outage, when set, returns a new store plus down, which makes its backend
	// unreachable (kill the server, cut the network, close the file), and up, which
	// brings it back (nil when the backend cannot come back, as with a closed file).
	Outage func(t testing.TB) (st backend.Store, down, up func())
}

// Clock is an injectable clock for retention tests. It starts at the real time (Redis
// expires keys by its own clock, so test expiries must lie in the real future) and only
// moves when told.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock at the current time, truncated to the second.
func NewClock() *Clock { return &Clock{now: time.Now().UTC().Truncate(time.Second)} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Keyring returns a fixed test keyring: the same bytes in every process, so that a
// child process computes the same tokens as its parent.
func Keyring(t testing.TB) *vault.Keyring {
	t.Helper()
	k, err := vault.NewKeyring(bytes.Repeat([]byte{0x5a}, 32),
		map[string][]byte{"k1": bytes.Repeat([]byte{0x11}, 32)}, "k1")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// newVault wraps st in a Vault with the given keyring and clock; the store is closed
// when the test ends (only through this vault, so tests that build several vaults on
// one store must close it once).
func newVault(t testing.TB, st backend.Store, keys *vault.Keyring, clock *Clock, opt vault.Options) *vault.Vault {
	t.Helper()
	if clock != nil {
		opt.Clock = clock.Now
	}
	v, err := vault.New(st, keys, opt)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// fixture is one store with a vault over it and a clock.
type fixture struct {
	st    backend.Store
	v     *vault.Vault
	keys  *vault.Keyring
	clock *Clock
}

func (h Harness) fixture(t *testing.T, opt vault.Options) *fixture {
	t.Helper()
	st := h.Open(t)
	t.Cleanup(func() { st.Close() })
	f := &fixture{st: st, keys: Keyring(t), clock: NewClock()}
	f.v = newVault(t, st, f.keys, f.clock, opt)
	return f
}

// vaultWith builds another vault on the fixture's store (sharing clock).
func (f *fixture) vaultWith(t *testing.T, keys *vault.Keyring, opt vault.Options) *vault.Vault {
	return newVault(t, f.st, keys, f.clock, opt)
}

// Run runs the conformance suite.
func Run(t *testing.T, h Harness) {
	t.Run("Determinism", h.testDeterminism)
	t.Run("RoundTrip", h.testRoundTrip)
	t.Run("FirstWriterWins", h.testFirstWriterWins)
	t.Run("PutIdempotentExtends", h.testPutIdempotentExtends)
	t.Run("ConcurrentPut", h.testConcurrentPut)
	t.Run("BatchAllOrNothing", h.testBatchAllOrNothing)
	t.Run("TTL", h.testTTL)
	t.Run("Purge", h.testPurge)
	t.Run("Erase", h.testErase)
	t.Run("FindExport", h.testFindExport)
	t.Run("Rotation", h.testRotation)
	t.Run("Tamper", h.testTamper)
	t.Run("Scan", h.testScan)
	t.Run("Stats", h.testStats)
	t.Run("Unavailable", h.testUnavailable)
}

// mustTokenize tokenizes and fails the test on error.
func mustTokenize(t testing.TB, v *vault.Vault, entries ...vault.Entry) []string {
	t.Helper()
	toks, err := v.Tokenize(t.Context(), entries)
	if err != nil {
		t.Fatalf("Tokenize: %v", err)
	}
	if len(toks) != len(entries) {
		t.Fatalf("Tokenize returned %d tokens for %d entries", len(toks), len(entries))
	}
	return toks
}

func mustReveal(t testing.TB, v *vault.Vault, tokens ...string) []vault.Revealed {
	t.Helper()
	got, err := v.Reveal(t.Context(), tokens)
	if err != nil {
		t.Fatalf("Reveal: %v", err)
	}
	if len(got) != len(tokens) {
		t.Fatalf("Reveal returned %d results for %d tokens", len(got), len(tokens))
	}
	return got
}

func mustGet(t testing.TB, st backend.Store, tokens ...string) []backend.Entry {
	t.Helper()
	got, err := st.Get(t.Context(), tokens)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if len(got) != len(tokens) {
		t.Fatalf("Get returned %d entries for %d tokens", len(got), len(tokens))
	}
	return got
}

func mustFind(t testing.TB, v *vault.Vault, typ, value string) vault.Record {
	t.Helper()
	r, err := v.Find(t.Context(), typ, value)
	if err != nil {
		t.Fatalf("Find(%s): %v", typ, err)
	}
	return r
}

// wantStatus checks one revealed token's status (and value when OK).
func wantStatus(t testing.TB, r vault.Revealed, status vault.Status, value string) {
	t.Helper()
	if r.Status != status {
		t.Errorf("token %s: status %v, want %v", r.Token, r.Status, status)
		return
	}
	if r.Value != value {
		t.Errorf("token %s: value %q, want %q", r.Token, r.Value, value)
	}
}

// noValues fails when an error message contains one of the values.
func noValues(t testing.TB, err error, values ...string) {
	t.Helper()
	if err == nil {
		return
	}
	for _, v := range values {
		if v != "" && strings.Contains(err.Error(), v) {
			t.Errorf("error message contains a value: %v", err)
		}
	}
}
