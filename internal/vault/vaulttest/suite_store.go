package vaulttest

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

func (h Harness) testDeterminism(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	other := f.vaultWith(t, Keyring(t), vault.Options{}) // a second replica: same keys, same store

	spellings := []struct{ typ, a, b string }{
		{"hkid", "A123456(3)", "a1234563"},
		{"hkid", "AB 987654 (A)", "ab987654a"},
		{"hk_phone", "+852 9123 4567", "91234567"},
		{"hk_phone", "(852) 6123-4567", "0085261234567"},
		{"cn_mobile", "+86 138 0013 8000", "13800138000"},
		{"email", "Chan.Tai.Man@Example.COM", "chan.tai.man@example.com"},
		{"credit_card", "4111 1111 1111 1111", "4111-1111-1111-1111"},
		{"cn_id", "11010519491231002x", "11010519491231002X"},
		{"staff_no", "  E-1024 ", "E-1024"},
	}
	for _, s := range spellings {
		ta := mustTokenize(t, f.v, vault.Entry{Type: s.typ, Value: s.a})[0]
		tb := mustTokenize(t, other, vault.Entry{Type: s.typ, Value: s.b})[0]
		if ta != tb {
			t.Errorf("%s: two spellings got different tokens %s and %s", s.typ, ta, tb)
		}
		if want := f.v.TokenFor(s.typ, s.b); ta != want {
			t.Errorf("%s: Tokenize gave %s, TokenFor %s", s.typ, ta, want)
		}
		if typ, ok := vault.ParseToken(ta); !ok || typ != s.typ {
			t.Errorf("%s: token %s does not parse as its type (got %q, %v)", s.typ, ta, typ, ok)
		}
		if r := mustReveal(t, other, ta)[0]; r.Status != vault.StatusOK || r.Value != s.a {
			t.Errorf("%s: other replica revealed %v %q, want the first spelling", s.typ, r.Status, r.Value)
		}
	}

	// The same digits under two types, and the same value under another token key, get
	// unrelated tokens.
	p := f.v.TokenFor("hk_phone", "91234567")
	if b := f.v.TokenFor("hk_bank_account", "91234567"); p == b {
		t.Errorf("types share a token: %s", p)
	}
	k2, err := vault.GenerateKeyring()
	if err != nil {
		t.Fatal(err)
	}
	stranger := f.vaultWith(t, k2, vault.Options{})
	if q := stranger.TokenFor("hk_phone", "91234567"); q == p {
		t.Errorf("a different token key produced the same token %s", q)
	}
	// A vault with other keys (its own random "k1") cannot open our entries.
	if _, err := stranger.Reveal(t.Context(), []string{p}); !errors.Is(err, vault.ErrIntegrity) {
		t.Errorf("stranger Reveal: err = %v, want ErrIntegrity", err)
	}
}

func (h Harness) testRoundTrip(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	types := []string{"hkid", "hk_phone", "email", "cn_id", "credit_card", "person_name", "address"}
	var entries []vault.Entry
	for i := range 32 {
		typ := types[i%len(types)]
		entries = append(entries, vault.Entry{Type: typ, Value: fmt.Sprintf("value-%s-%02d 陳大文", typ, i)})
	}
	toks := mustTokenize(t, f.v, entries...)
	seen := map[string]bool{}
	for i, tok := range toks {
		if seen[tok] {
			t.Fatalf("entry %d: token %s repeats for a different value", i, tok)
		}
		seen[tok] = true
	}

	// Reveal in reverse with duplicates, a malformed token and an unknown one.
	unknown := f.v.TokenFor("email", "nobody@example.org")
	var query []string
	var want []vault.Revealed
	for i := len(toks) - 1; i >= 0; i-- {
		query = append(query, toks[i])
		want = append(want, vault.Revealed{Token: toks[i], Type: entries[i].Type, Value: entries[i].Value, Status: vault.StatusOK})
	}
	query = append(query, toks[3], "tok_email_notatoken", unknown, "")
	want = append(want,
		vault.Revealed{Token: toks[3], Type: entries[3].Type, Value: entries[3].Value, Status: vault.StatusOK},
		vault.Revealed{Token: "tok_email_notatoken", Status: vault.StatusUnknown},
		vault.Revealed{Token: unknown, Type: "email", Status: vault.StatusUnknown},
		vault.Revealed{Token: "", Status: vault.StatusUnknown})
	got := mustReveal(t, f.v, query...)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("reveal %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	// Tokenizing the batch again returns the same tokens (one round trip, no change).
	again := mustTokenize(t, f.v, entries...)
	for i := range toks {
		if again[i] != toks[i] {
			t.Errorf("entry %d: second Tokenize gave %s, first %s", i, again[i], toks[i])
		}
	}
	// Empty calls are no-ops.
	if toks, err := f.v.Tokenize(t.Context(), nil); err != nil || toks != nil {
		t.Errorf("Tokenize(nil) = %v, %v", toks, err)
	}
}

func (h Harness) testFirstWriterWins(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	toks := mustTokenize(t, f.v,
		vault.Entry{Type: "hkid", Value: "A123456(3)"},
		vault.Entry{Type: "hkid", Value: "a1234563"}) // same batch, same token
	if toks[0] != toks[1] {
		t.Fatalf("spellings in one batch got %s and %s", toks[0], toks[1])
	}
	mustTokenize(t, f.v, vault.Entry{Type: "hkid", Value: "A 123456 (3)"})
	wantStatus(t, mustReveal(t, f.v, toks[0])[0], vault.StatusOK, "A123456(3)")
}

func entry(tok, sealed string, now time.Time, ttl time.Duration) backend.Entry {
	return backend.Entry{Token: tok, Type: "email", KeyID: "k1", Sealed: []byte(sealed),
		FirstSeen: now, LastSeen: now, ExpiresAt: now.Add(ttl)}
}

// fakeToken makes a well-formed token for store-level tests: n in base-26 letters.
func fakeToken(typ string, n int) string {
	body := []byte("zzzzzzzzzzzzzzzzzzzzzzzzzz")
	for i := len(body) - 1; n > 0; i-- {
		body[i] = byte('a' + n%26)
		n /= 26
	}
	return "tok_" + typ + "_" + string(body)
}

func (h Harness) testPutIdempotentExtends(t *testing.T) {
	st := h.Open(t)
	defer st.Close()
	ctx := t.Context()
	t0 := time.Now().UTC().Truncate(time.Microsecond)
	tok := fakeToken("email", 1)

	if err := st.Put(ctx, []backend.Entry{entry(tok, "first", t0, time.Hour)}); err != nil {
		t.Fatal(err)
	}
	t1 := t0.Add(time.Minute)
	if err := st.Put(ctx, []backend.Entry{entry(tok, "second", t1, 2*time.Hour)}); err != nil {
		t.Fatal(err)
	}
	got := mustGet(t, st, tok)[0]
	if string(got.Sealed) != "first" || got.KeyID != "k1" || got.Type != "email" {
		t.Errorf("second Put replaced the stored entry: sealed %q key %q type %q", got.Sealed, got.KeyID, got.Type)
	}
	if !got.FirstSeen.Equal(t0) || !got.LastSeen.Equal(t1) || !got.ExpiresAt.Equal(t1.Add(2*time.Hour)) {
		t.Errorf("times after extension: first %v last %v expires %v; want %v %v %v",
			got.FirstSeen, got.LastSeen, got.ExpiresAt, t0, t1, t1.Add(2*time.Hour))
	}
	// A later Put with a shorter TTL must not shorten the expiry; an older LastSeen must
	// not move it back.
	if err := st.Put(ctx, []backend.Entry{entry(tok, "third", t0, time.Minute)}); err != nil {
		t.Fatal(err)
	}
	got = mustGet(t, st, tok)[0]
	if !got.ExpiresAt.Equal(t1.Add(2*time.Hour)) || !got.LastSeen.Equal(t1) {
		t.Errorf("expiry or last seen went backwards: %v, %v", got.ExpiresAt, got.LastSeen)
	}
	// Duplicates in one batch are merged: first ciphertext, latest expiry.
	tok2 := fakeToken("email", 2)
	if err := st.Put(ctx, []backend.Entry{entry(tok2, "a", t0, time.Hour), entry(tok2, "b", t0, 3*time.Hour)}); err != nil {
		t.Fatal(err)
	}
	got = mustGet(t, st, tok2)[0]
	if string(got.Sealed) != "a" || !got.ExpiresAt.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("duplicate tokens in a batch: sealed %q expires %v", got.Sealed, got.ExpiresAt)
	}
	if g := mustGet(t, st, fakeToken("email", 3))[0]; g.Found() {
		t.Errorf("Get of a missing token returned %+v", g)
	}
}

func (h Harness) testConcurrentPut(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	const workers, tokens = 8, 24
	now := f.clock.Now()
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			batch := make([]backend.Entry, tokens)
			for i := range tokens {
				batch[i] = entry(fakeToken("email", i), fmt.Sprintf("w%d", w), now, time.Duration(1+w)*time.Hour)
			}
			if w%2 == 1 { // opposite order: overlapping transactions must not deadlock
				for i, j := 0, len(batch)-1; i < j; i, j = i+1, j-1 {
					batch[i], batch[j] = batch[j], batch[i]
				}
			}
			errs <- f.st.Put(t.Context(), batch)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent Put: %v", err)
		}
	}
	toks := make([]string, tokens)
	for i := range toks {
		toks[i] = fakeToken("email", i)
	}
	first := mustGet(t, f.st, toks...)
	for i, e := range first {
		if !bytes.HasPrefix(e.Sealed, []byte("w")) || len(e.Sealed) != 2 {
			t.Errorf("token %d: stored ciphertext %q is not one writer's", i, e.Sealed)
		}
		if want := now.Add(workers * time.Hour); !e.ExpiresAt.Equal(want) {
			t.Errorf("token %d: expiry %v, want the longest %v", i, e.ExpiresAt, want)
		}
	}
	// Through the vault: many goroutines tokenizing the same values agree.
	values := make([]vault.Entry, 16)
	for i := range values {
		values[i] = vault.Entry{Type: "hk_phone", Value: fmt.Sprintf("9%07d", 1000+i)}
	}
	results := make([][]string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			toks, err := f.v.Tokenize(t.Context(), values)
			if err != nil {
				t.Errorf("worker %d: %v", w, err)
			}
			results[w] = toks
		}()
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		for i := range values {
			if results[w] == nil || results[w][i] != results[0][i] {
				t.Fatalf("worker %d disagrees on entry %d", w, i)
			}
		}
	}
	for i, r := range mustReveal(t, f.v, results[0]...) {
		wantStatus(t, r, vault.StatusOK, values[i].Value)
	}
}

func (h Harness) testBatchAllOrNothing(t *testing.T) {
	f := h.fixture(t, vault.Options{})
	now := f.clock.Now()
	good1, good2 := fakeToken("email", 10), fakeToken("email", 11)
	bad := entry(fakeToken("email", 12), "", now, time.Hour) // no ciphertext
	err := f.st.Put(t.Context(), []backend.Entry{entry(good1, "x", now, time.Hour), bad, entry(good2, "y", now, time.Hour)})
	if !errors.Is(err, backend.ErrInvalidBatch) {
		t.Fatalf("Put with an invalid entry: err = %v, want ErrInvalidBatch", err)
	}
	if errors.Is(err, vault.ErrUnavailable) {
		t.Errorf("an invalid batch is not an outage: %v", err)
	}
	for _, e := range mustGet(t, f.st, good1, good2) {
		if e.Found() {
			t.Errorf("entry %s of a rejected batch was written", e.Token)
		}
	}

	// The vault validates every entry before any I/O.
	for _, bad := range []vault.Entry{
		{Type: "Not-A-Type", Value: "x"},
		{Type: "email", Value: "   "},
		{Type: "email", Value: "c@example.com", TTL: -time.Second},
	} {
		batch := []vault.Entry{{Type: "email", Value: "a@example.com"}, {Type: "hkid", Value: "B1234567"}, bad}
		_, err := f.v.Tokenize(t.Context(), batch)
		if !errors.Is(err, vault.ErrInvalid) {
			t.Errorf("Tokenize with bad entry %+v: err = %v, want ErrInvalid", bad.Type, err)
		}
		noValues(t, err, "a@example.com", "B1234567", "c@example.com")
		for _, e := range batch[:2] {
			if r := mustFind(t, f.v, e.Type, e.Value); r.Status != vault.StatusUnknown {
				t.Errorf("entry of a rejected batch is %v", r.Status)
			}
		}
	}
}
