package vaulttest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

func (h Harness) testRotation(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	ctx := t.Context()
	old := mustTokenize(t, f.v,
		vault.Entry{Type: "hkid", Value: "D1234567"},
		vault.Entry{Type: "email", Value: "rot@example.com"})
	mustTokenize(t, f.v, vault.Entry{Type: "email", Value: "erased@example.com"})
	if _, err := f.v.Erase(ctx, "email", "erased@example.com"); err != nil {
		t.Fatal(err)
	}
	before := mustGet(t, f.st, old...)

	// Operators add k2 and make it active: old entries still reveal (under k1), new
	// ones are sealed under k2.
	k2, err := f.keys.WithNewKey("k2")
	if err != nil {
		t.Fatal(err)
	}
	v2 := f.vaultWith(t, k2, vault.Options{})
	rs := mustReveal(t, v2, old...)
	wantStatus(t, rs[0], vault.StatusOK, "D1234567")
	wantStatus(t, rs[1], vault.StatusOK, "rot@example.com")
	fresh := mustTokenize(t, v2, vault.Entry{Type: "email", Value: "new@example.com"})[0]
	if got := mustGet(t, f.st, fresh)[0].KeyID; got != "k2" {
		t.Errorf("new entry sealed under %q, want k2", got)
	}

	// Without k1 the old entries cannot be opened: that is why rotation is needed.
	onlyK2, err := k2.Without("k1")
	if err != nil {
		t.Fatal(err)
	}
	v3 := f.vaultWith(t, onlyK2, vault.Options{})
	if _, err := v3.Reveal(ctx, old[:1]); !errors.Is(err, vault.ErrUnknownKey) {
		t.Errorf("reveal of a k1 entry without k1: err = %v, want ErrUnknownKey", err)
	}
	// A keyring lacking k1 cannot rotate k1 entries either, and says which key is missing.
	if _, err := v3.Rotate(ctx); !errors.Is(err, vault.ErrUnknownKey) || !strings.Contains(err.Error(), `"k1"`) {
		t.Errorf("Rotate without the old key: err = %v", err)
	}

	rep, err := v2.Rotate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Resealed != 2 || rep.Current != 1 || rep.Erased != 1 || rep.Raced != 0 {
		t.Errorf("Rotate report = %+v; want 2 resealed, 1 current, 1 erased", rep)
	}
	after := mustGet(t, f.st, old...)
	for i := range after {
		if after[i].KeyID != "k2" || bytes.Equal(after[i].Sealed, before[i].Sealed) {
			t.Errorf("entry %d after rotation: key %q, ciphertext changed %v", i, after[i].KeyID,
				!bytes.Equal(after[i].Sealed, before[i].Sealed))
		}
		if !after[i].ExpiresAt.Equal(before[i].ExpiresAt) || !after[i].FirstSeen.Equal(before[i].FirstSeen) {
			t.Errorf("entry %d: rotation changed its times", i)
		}
	}
	err = f.st.Scan(ctx, func(e backend.Entry) error {
		if !e.Erased() && e.KeyID != "k2" {
			return fmt.Errorf("entry of type %s still under %q", e.Type, e.KeyID)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
	// Now k1 can go: everything reveals with k2 alone; tokens never changed.
	rs = mustReveal(t, v3, append(old, fresh)...)
	wantStatus(t, rs[0], vault.StatusOK, "D1234567")
	wantStatus(t, rs[1], vault.StatusOK, "rot@example.com")
	wantStatus(t, rs[2], vault.StatusOK, "new@example.com")
	if v3.TokenFor("hkid", "D1234567") != old[0] {
		t.Error("rotation changed a token")
	}
	if rep, err := v2.Rotate(ctx); err != nil || rep.Resealed != 0 || rep.Current != 3 {
		t.Errorf("second Rotate = %+v, %v; want nothing to do", rep, err)
	}
}

func (h Harness) testTamper(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	ctx := t.Context()
	toks := mustTokenize(t, f.v,
		vault.Entry{Type: "email", Value: "alice@example.com"},
		vault.Entry{Type: "email", Value: "bob@example.com"},
		vault.Entry{Type: "hkid", Value: "E7654321"})
	orig := mustGet(t, f.st, toks...)
	a, b, c := orig[0], orig[1], orig[2]

	put := func(tok, keyID string, sealed []byte) {
		t.Helper()
		cur := mustGet(t, f.st, tok)[0]
		n, err := f.st.Reseal(ctx, []backend.Reseal{{Token: tok, OldKeyID: cur.KeyID, NewKeyID: keyID, Sealed: sealed}})
		if err != nil || n != 1 {
			t.Fatalf("Reseal = %d, %v", n, err)
		}
	}
	flipped := bytes.Clone(a.Sealed)
	flipped[len(flipped)-1] ^= 1
	k2, err := f.keys.WithNewKey("k2")
	if err != nil {
		t.Fatal(err)
	}
	v2 := f.vaultWith(t, k2, vault.Options{})
	for _, tc := range []struct {
		name   string
		keyID  string
		sealed []byte
	}{
		{"bob's ciphertext on alice's token", "k1", b.Sealed},
		{"an hkid ciphertext on an email token", "k1", c.Sealed},
		{"one bit flipped", "k1", flipped},
		{"truncated", "k1", a.Sealed[:10]},
		{"relabelled key id", "k2", a.Sealed},
	} {
		put(a.Token, tc.keyID, tc.sealed)
		_, err := v2.Reveal(ctx, []string{a.Token, b.Token})
		if !errors.Is(err, vault.ErrIntegrity) {
			t.Errorf("%s: Reveal err = %v, want ErrIntegrity", tc.name, err)
		}
		noValues(t, err, "alice@example.com", "bob@example.com", "E7654321")
		if _, err := v2.Export(ctx, "email", "alice@example.com"); !errors.Is(err, vault.ErrIntegrity) {
			t.Errorf("%s: Export err = %v, want ErrIntegrity", tc.name, err)
		}
	}
	put(a.Token, "k1", a.Sealed) // restore: the original authenticates again
	wantStatus(t, mustReveal(t, f.v, a.Token)[0], vault.StatusOK, "alice@example.com")
}

func (h Harness) testScan(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	want := map[string]bool{}
	for i := range 40 {
		tok := mustTokenize(t, f.v, vault.Entry{Type: "email", Value: fmt.Sprintf("scan%d@example.com", i)})[0]
		want[tok] = false
	}
	rec, err := f.v.Erase(t.Context(), "email", "scan7@example.com")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]backend.Entry{}
	err = f.st.Scan(t.Context(), func(e backend.Entry) error {
		seen[e.Token] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(want) {
		t.Errorf("Scan visited %d tokens, want %d", len(seen), len(want))
	}
	for tok := range want {
		e, ok := seen[tok]
		switch {
		case !ok:
			t.Errorf("Scan missed %s", tok)
		case tok == rec.Token && !e.Erased():
			t.Errorf("Scan returned the erased entry without its tombstone: %+v", e)
		case tok != rec.Token && (e.Erased() || e.KeyID != "k1" || len(e.Sealed) == 0 || e.Type != "email"):
			t.Errorf("Scan returned an incomplete entry %+v", e)
		}
	}
	stop := errors.New("stop here")
	calls := 0
	err = f.st.Scan(t.Context(), func(backend.Entry) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Scan with a failing callback: err = %v after %d calls", err, calls)
	}
}

// testUnavailable takes the backend away and checks that every call fails fast with
// ErrUnavailable (never hangs, never leaks a value), then that the store recovers by
// itself once the backend is back.
func (h Harness) testUnavailable(t *testing.T) {
	if h.Outage == nil {
		t.Skip("this backend has no outage model")
	}
	st, down, up := h.Outage(t)
	t.Cleanup(func() { st.Close() })
	const timeout = 1500 * time.Millisecond
	v := newVault(t, st, Keyring(t), nil, vault.Options{Timeout: timeout})
	ctx := t.Context()
	before := mustTokenize(t, v, vault.Entry{Type: "hkid", Value: "F1234567"})[0]

	down()
	value := "outage-secret@example.com"
	checks := []struct {
		name string
		call func() error
	}{
		{"Tokenize", func() error { _, err := v.Tokenize(ctx, []vault.Entry{{Type: "email", Value: value}}); return err }},
		{"Reveal", func() error { _, err := v.Reveal(ctx, []string{before}); return err }},
		{"Find", func() error { _, err := v.Find(ctx, "email", value); return err }},
		{"Erase", func() error { _, err := v.Erase(ctx, "email", value); return err }},
		{"Purge", func() error { _, err := v.Purge(ctx, time.Now()); return err }},
		{"Stats", func() error { _, err := v.Stats(ctx); return err }},
		{"Rotate", func() error { _, err := v.Rotate(ctx); return err }},
		{"Ping", func() error { return v.Ping(ctx) }},
	}
	for _, c := range checks {
		start := time.Now()
		err := c.call()
		took := time.Since(start)
		if !errors.Is(err, vault.ErrUnavailable) {
			t.Errorf("%s during outage: err = %v, want ErrUnavailable", c.name, err)
		}
		if took > timeout+2*time.Second {
			t.Errorf("%s during outage took %v; the per-call timeout is %v", c.name, took, timeout)
		}
		noValues(t, err, value)
	}
	if up == nil {
		return
	}
	up()
	deadline := time.Now().Add(20 * time.Second)
	var err error
	for time.Now().Before(deadline) {
		var toks []string
		if toks, err = v.Tokenize(ctx, []vault.Entry{{Type: "email", Value: value}}); err == nil {
			wantStatus(t, mustReveal(t, v, toks[0])[0], vault.StatusOK, value)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no recovery 20s after the backend came back: %v", err)
}
