package vaulttest

import (
	"errors"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

func (h Harness) testTTL(t *testing.T) {
	f := h.fixture(t, vault.Options{
		DefaultTTL: 48 * time.Hour,
		TypeTTL:    map[string]time.Duration{"hkid": 24 * time.Hour},
	})
	t0 := f.clock.Now()
	toks := mustTokenize(t, f.v,
		vault.Entry{Type: "email", Value: "ttl-default@example.com"},
		vault.Entry{Type: "hkid", Value: "C6543210"},
		vault.Entry{Type: "email", Value: "ttl-entry@example.com", TTL: time.Hour})
	for i, want := range []time.Time{t0.Add(48 * time.Hour), t0.Add(24 * time.Hour), t0.Add(time.Hour)} {
		if got := mustGet(t, f.st, toks[i])[0].ExpiresAt; !got.Equal(want) {
			t.Errorf("entry %d: expires %v, want %v", i, got, want)
		}
	}

	// Tokenizing again with a shorter TTL does not shorten; a later, longer one extends.
	f.clock.Advance(30 * time.Minute)
	mustTokenize(t, f.v, vault.Entry{Type: "email", Value: "ttl-default@example.com", TTL: time.Minute})
	if got := mustGet(t, f.st, toks[0])[0].ExpiresAt; !got.Equal(t0.Add(48 * time.Hour)) {
		t.Errorf("shorter TTL moved the expiry to %v", got)
	}
	mustTokenize(t, f.v, vault.Entry{Type: "email", Value: "ttl-entry@example.com"}) // default 48h from now
	if got, want := mustGet(t, f.st, toks[2])[0].ExpiresAt, f.clock.Now().Add(48*time.Hour); !got.Equal(want) {
		t.Errorf("re-tokenize: expires %v, want %v", got, want)
	}

	// Negative TTL is an error and writes nothing.
	_, err := f.v.Tokenize(t.Context(), []vault.Entry{{Type: "email", Value: "neg@example.com", TTL: -1}})
	if !errors.Is(err, vault.ErrInvalid) {
		t.Errorf("negative TTL: err = %v, want ErrInvalid", err)
	}

	// Past its expiry an entry reveals as expired, never as a value; tokenizing it again
	// (before a purge) brings it back with a new expiry.
	f.clock.Advance(24 * time.Hour) // 24h30m after t0: the hkid entry (24h) has expired
	rs := mustReveal(t, f.v, toks...)
	wantStatus(t, rs[0], vault.StatusOK, "ttl-default@example.com")
	wantStatus(t, rs[1], vault.StatusExpired, "")
	wantStatus(t, rs[2], vault.StatusOK, "ttl-entry@example.com")
	if r := mustFind(t, f.v, "hkid", "c6543210"); r.Status != vault.StatusExpired {
		t.Errorf("Find of an expired entry: %v", r.Status)
	}
	mustTokenize(t, f.v, vault.Entry{Type: "hkid", Value: "C6543210"})
	wantStatus(t, mustReveal(t, f.v, toks[1])[0], vault.StatusOK, "C6543210")
}

func (h Harness) testPurge(t *testing.T) {
	f := h.fixture(t, vault.Options{DefaultTTL: 10 * 24 * time.Hour})
	short := mustTokenize(t, f.v,
		vault.Entry{Type: "email", Value: "p1@example.com", TTL: time.Hour},
		vault.Entry{Type: "email", Value: "p2@example.com", TTL: time.Hour},
		vault.Entry{Type: "hk_phone", Value: "61234567", TTL: 2 * time.Hour})
	long := mustTokenize(t, f.v,
		vault.Entry{Type: "email", Value: "keep1@example.com"},
		vault.Entry{Type: "email", Value: "keep2@example.com"})
	erased := mustTokenize(t, f.v, vault.Entry{Type: "email", Value: "gone@example.com", TTL: time.Hour})
	if _, err := f.v.Erase(t.Context(), "email", "gone@example.com"); err != nil {
		t.Fatal(err)
	}

	if n, err := f.v.Purge(t.Context(), f.clock.Now()); err != nil || n != 0 {
		t.Fatalf("Purge before anything expired = %d, %v; want 0", n, err)
	}
	f.clock.Advance(2 * time.Hour) // exactly at the hk_phone expiry: expired (expiry is inclusive)
	n, err := f.v.Purge(t.Context(), f.clock.Now())
	if err != nil || n != len(short) {
		t.Fatalf("Purge = %d, %v; want %d", n, err, len(short))
	}
	for _, r := range mustReveal(t, f.v, short...) {
		wantStatus(t, r, vault.StatusUnknown, "")
	}
	rs := mustReveal(t, f.v, long...)
	wantStatus(t, rs[0], vault.StatusOK, "keep1@example.com")
	wantStatus(t, rs[1], vault.StatusOK, "keep2@example.com")
	wantStatus(t, mustReveal(t, f.v, erased...)[0], vault.StatusErased, "")
	if n, err := f.v.Purge(t.Context(), f.clock.Now()); err != nil || n != 0 {
		t.Errorf("second Purge = %d, %v; want 0", n, err)
	}
}

func (h Harness) testErase(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	ctx := t.Context()
	tok := mustTokenize(t, f.v, vault.Entry{Type: "hkid", Value: "A123456(3)"})[0]
	t0 := f.clock.Now()

	rec, err := f.v.Erase(ctx, "hkid", "a1234563") // another spelling of the same value
	if err != nil {
		t.Fatal(err)
	}
	if rec.Token != tok || rec.Status != vault.StatusErased || !rec.ErasedAt.Equal(t0) {
		t.Errorf("Erase record = %+v; want token %s, erased at %v", rec, tok, t0)
	}
	wantStatus(t, mustReveal(t, f.v, tok)[0], vault.StatusErased, "")
	got := mustGet(t, f.st, tok)[0]
	if len(got.Sealed) != 0 || got.KeyID != "" || got.Type != "hkid" || !got.Erased() {
		t.Errorf("tombstone still holds data or lost its type: %+v", got)
	}

	// Tokenizing the value again returns the same token but does not resurrect it.
	f.clock.Advance(time.Minute)
	if again := mustTokenize(t, f.v, vault.Entry{Type: "hkid", Value: "A123456(3)"})[0]; again != tok {
		t.Errorf("token changed after erasure: %s", again)
	}
	wantStatus(t, mustReveal(t, f.v, tok)[0], vault.StatusErased, "")
	ex, err := f.v.Export(ctx, "hkid", "A123456(3)")
	if err != nil || ex.Status != vault.StatusErased || ex.Value != "" {
		t.Errorf("Export after erasure = %+v, %v", ex, err)
	}

	// Erasing again keeps the first erasure time.
	rec, err = f.v.Erase(ctx, "hkid", "A123456(3)")
	if err != nil || !rec.ErasedAt.Equal(t0) {
		t.Errorf("second Erase = %+v, %v; want erased at %v", rec, err, t0)
	}

	// Erasing a value never seen records the erasure ahead of it.
	if _, err := f.v.Erase(ctx, "email", "future@example.com"); err != nil {
		t.Fatal(err)
	}
	ft := mustTokenize(t, f.v, vault.Entry{Type: "email", Value: "future@example.com"})[0]
	wantStatus(t, mustReveal(t, f.v, ft)[0], vault.StatusErased, "")

	// Nothing was stored behind the tombstones: the store holds exactly one record
	// (the tombstone) per erased token, and lifting the erasure finds no ciphertext.
	records := map[string]int{}
	if err := f.st.Scan(ctx, func(e backend.Entry) error {
		records[e.Token]++
		if !e.Erased() && (e.Token == tok || e.Token == ft) {
			t.Errorf("a ciphertext was stored for erased token %s", e.Token)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if records[tok] != 1 || records[ft] != 1 {
		t.Errorf("records per erased token: %d and %d, want 1 (the tombstone)", records[tok], records[ft])
	}

	// Only an explicit Reinstate lifts an erasure.
	mustTokenize(t, f.v, vault.Entry{Type: "hkid", Value: "A123456(3)"}) // once more while erased
	ok, err := f.v.Reinstate(ctx, "hkid", "A123456(3)")
	if err != nil || !ok {
		t.Fatalf("Reinstate = %v, %v", ok, err)
	}
	wantStatus(t, mustReveal(t, f.v, tok)[0], vault.StatusUnknown, "") // the ciphertext is gone for good
	mustTokenize(t, f.v, vault.Entry{Type: "hkid", Value: "A123456(3)"})
	wantStatus(t, mustReveal(t, f.v, tok)[0], vault.StatusOK, "A123456(3)")
	if ok, err := f.v.Reinstate(ctx, "hkid", "A123456(3)"); err != nil || ok {
		t.Errorf("Reinstate without an erasure = %v, %v; want false", ok, err)
	}
	if _, err := f.v.Erase(ctx, "hkid", ""); !errors.Is(err, vault.ErrInvalid) {
		t.Errorf("Erase of an empty value: %v", err)
	}
}

func (h Harness) testFindExport(t *testing.T) {
	f := h.fixture(t, vault.Options{DefaultTTL: 24 * time.Hour})
	ctx := t.Context()
	t0 := f.clock.Now()
	tok := mustTokenize(t, f.v, vault.Entry{Type: "email", Value: "Find.Me@Example.com"})[0]
	f.clock.Advance(time.Hour)
	mustTokenize(t, f.v, vault.Entry{Type: "email", Value: "find.me@example.com"})

	r := mustFind(t, f.v, "email", "FIND.ME@example.com")
	want := vault.Record{Token: tok, Type: "email", Status: vault.StatusOK, KeyID: "k1",
		FirstSeen: t0, LastSeen: t0.Add(time.Hour), ExpiresAt: t0.Add(25 * time.Hour)}
	if r != want {
		t.Errorf("Find = %+v\nwant   %+v", r, want)
	}
	ex, err := f.v.Export(ctx, "email", "find.me@example.com")
	if err != nil || ex.Record != want || ex.Value != "Find.Me@Example.com" {
		t.Errorf("Export = %+v, %v", ex, err)
	}
	r = mustFind(t, f.v, "email", "never@example.com")
	if r.Status != vault.StatusUnknown || r.Token != f.v.TokenFor("email", "never@example.com") || !r.FirstSeen.IsZero() {
		t.Errorf("Find of an unknown value = %+v", r)
	}
	if _, err := f.v.Find(ctx, "E-MAIL", "x@example.com"); !errors.Is(err, vault.ErrInvalid) {
		t.Errorf("Find with a bad type: %v", err)
	}
}

func (h Harness) testStats(t *testing.T) {
	f := h.fixture(t, vault.Options{DefaultTTL: 24 * time.Hour})
	mustTokenize(t, f.v,
		vault.Entry{Type: "email", Value: "s1@example.com", TTL: time.Hour},
		vault.Entry{Type: "email", Value: "s2@example.com"},
		vault.Entry{Type: "email", Value: "s3@example.com"})
	if _, err := f.v.Erase(t.Context(), "email", "s3@example.com"); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(2 * time.Hour)
	st, err := f.v.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Entries != 2 || st.Erased != 1 || st.ExpiredPending != 1 {
		t.Errorf("Stats = %+v; want 2 entries, 1 erased, 1 expired pending", st)
	}
	if st.SizeBytes == 0 {
		t.Errorf("SizeBytes is 0; want the size or -1 for unknown")
	}
	if _, err := f.v.Purge(t.Context(), f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	st, err = f.v.Stats(t.Context())
	if err != nil || st.Entries != 1 || st.ExpiredPending != 0 || st.Erased != 1 {
		t.Errorf("Stats after purge = %+v, %v", st, err)
	}
}
