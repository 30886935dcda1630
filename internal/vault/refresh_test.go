package vault_test

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/boltstore"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/vaulttest"
)

// countingStore counts Put calls on a real store.
type countingStore struct {
	vault.Store
	puts atomic.Int64
}

func (c *countingStore) Put(ctx context.Context, e []vault.StoredEntry) error {
	c.puts.Add(1)
	return c.Store.Put(ctx, e)
}

func newCounting(t *testing.T, opt vault.Options) (*vault.Vault, *countingStore, *vaulttest.Clock) {
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "v.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: st}
	clock := vaulttest.NewClock()
	opt.Clock = clock.Now
	v, err := vault.New(cs, vaulttest.Keyring(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v, cs, clock
}

func tokenize(t *testing.T, v *vault.Vault, e ...vault.Entry) []string {
	t.Helper()
	toks, err := v.Tokenize(t.Context(), e)
	if err != nil {
		t.Fatal(err)
	}
	return toks
}

func TestRefreshSkipsRepeatedWrites(t *testing.T) {
	v, cs, clock := newCounting(t, vault.Options{DefaultTTL: 24 * time.Hour})
	e := vault.Entry{Type: "hk_phone", Value: "9123 4567"}
	tokenize(t, v, e)
	tokenize(t, v, e, vault.Entry{Type: "hk_phone", Value: "+852 91234567"})
	if n := cs.puts.Load(); n != 1 {
		t.Fatalf("%d writes for one value seen three times within the interval", n)
	}
	clock.Advance(vault.DefaultRefreshInterval)
	tokenize(t, v, e)
	if n := cs.puts.Load(); n != 2 {
		t.Errorf("after the refresh interval: %d writes, want 2", n)
	}
	// A mixed batch writes only the new value.
	tokenize(t, v, e, vault.Entry{Type: "hk_phone", Value: "61234567"})
	if n := cs.puts.Load(); n != 3 {
		t.Errorf("mixed batch: %d writes, want 3", n)
	}
	// A much longer TTL is not skipped: it must reach the store.
	tokenize(t, v, vault.Entry{Type: "hk_phone", Value: "9123 4567", TTL: 365 * 24 * time.Hour})
	if n := cs.puts.Load(); n != 4 {
		t.Errorf("longer TTL: %d writes, want 4", n)
	}
}

func TestRefreshForgetsOnErase(t *testing.T) {
	v, cs, _ := newCounting(t, vault.Options{})
	e := vault.Entry{Type: "email", Value: "erase-me@example.com"}
	tok := tokenize(t, v, e)[0]
	if _, err := v.Erase(t.Context(), e.Type, e.Value); err != nil {
		t.Fatal(err)
	}
	tokenize(t, v, e)
	if n := cs.puts.Load(); n != 2 {
		t.Errorf("tokenize after erase: %d writes, want 2 (the store decides, not the cache)", n)
	}
	if _, err := v.Reinstate(t.Context(), e.Type, e.Value); err != nil {
		t.Fatal(err)
	}
	tokenize(t, v, e)
	rs, err := v.Reveal(t.Context(), []string{tok})
	if err != nil || rs[0].Status != vault.StatusOK {
		t.Errorf("after reinstate and tokenize: %+v, %v", rs, err)
	}
}

func TestRefreshDisabled(t *testing.T) {
	v, cs, _ := newCounting(t, vault.Options{RefreshInterval: -1})
	for range 3 {
		tokenize(t, v, vault.Entry{Type: "email", Value: "a@example.com"})
	}
	if n := cs.puts.Load(); n != 3 {
		t.Errorf("%d writes with the cache disabled, want 3", n)
	}
}

// Whatever the pattern of sightings, an entry seen at time s is stored with an expiry of
// at least s + 0.9·TTL (the documented bound) and at most the last sighting + TTL.
func TestRefreshExpiryBound(t *testing.T) {
	for _, ttl := range []time.Duration{30 * time.Second, 5 * time.Minute, 24 * time.Hour} {
		v, _, clock := newCounting(t, vault.Options{DefaultTTL: ttl})
		rng := rand.New(rand.NewPCG(1, uint64(ttl)))
		e := vault.Entry{Type: "email", Value: "bound@example.com"}
		var latest time.Time
		for range 300 {
			clock.Advance(time.Duration(rng.Int64N(int64(ttl / 5))))
			tokenize(t, v, e)
			seen := clock.Now()
			latest = seen
			r, err := v.Find(t.Context(), e.Type, e.Value)
			if err != nil {
				t.Fatal(err)
			}
			if min := seen.Add(ttl * 9 / 10); r.ExpiresAt.Before(min) {
				t.Fatalf("ttl %v: seen at %v, expires %v (< %v)", ttl, seen, r.ExpiresAt, min)
			}
			if r.ExpiresAt.After(latest.Add(ttl)) {
				t.Fatalf("ttl %v: expiry %v beyond the last sighting + TTL", ttl, r.ExpiresAt)
			}
		}
	}
}
