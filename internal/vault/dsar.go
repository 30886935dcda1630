package vault

import (
	"context"
	"fmt"
	"time"
)

// Record describes what the vault holds for one (type, value): the answer to a data
// subject's question "what do you keep about this?" without the value itself.
type Record struct {
	Token     string    `json:"token"`
	Type      string    `json:"type"`
	Status    Status    `json:"status"`
	KeyID     string    `json:"key_id,omitempty"`
	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	ErasedAt  time.Time `json:"erased_at,omitzero"`
}

// Exported is a Record with the decrypted value, for the data subject's own copy.
type Exported struct {
	Record
	Value string `json:"value,omitempty"` // set only for StatusOK
}

// token validates (typ, value) and derives the token without I/O.
func (v *Vault) subjectToken(typ, value string) (string, error) {
	if !ValidType(typ) {
		return "", fmt.Errorf("%w: type id must match [a-z][a-z0-9_]{0,31}", ErrInvalid)
	}
	tok := v.TokenFor(typ, value)
	if tok == "" {
		return "", fmt.Errorf("%w: empty %s value", ErrInvalid, typ)
	}
	return tok, nil
}

// forget drops tok from the refresh cache, so the next Tokenize writes to the store.
func (v *Vault) forget(tok string) {
	if v.recent != nil {
		v.recent.forget(tok)
	}
}

// Find reports the token of (typ, value) and what the vault holds for it. The token is
// computed, not searched for: no scan, one lookup. Status is StatusUnknown when the value
// was never tokenized (or was purged).
func (v *Vault) Find(ctx context.Context, typ, value string) (Record, error) {
	r, _, err := v.lookup(ctx, typ, value, false)
	return r, err
}

// Export is Find plus the decrypted value (for StatusOK), for the data subject's copy.
func (v *Vault) Export(ctx context.Context, typ, value string) (Exported, error) {
	r, plain, err := v.lookup(ctx, typ, value, true)
	return Exported{Record: r, Value: plain}, err
}

func (v *Vault) lookup(ctx context.Context, typ, value string, decrypt bool) (Record, string, error) {
	tok, err := v.subjectToken(typ, value)
	if err != nil {
		return Record{}, "", err
	}
	ctx, cancel := v.withTimeout(ctx)
	defer cancel()
	got, err := v.store.Get(ctx, []string{tok})
	if err != nil {
		return Record{}, "", fmt.Errorf("vault find (%s): %w", typ, err)
	}
	if len(got) != 1 {
		return Record{}, "", fmt.Errorf("vault find (%s): store returned %d entries for 1 token", typ, len(got))
	}
	e := &got[0]
	r := Record{Token: tok, Type: typ, KeyID: e.KeyID, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen,
		ExpiresAt: e.ExpiresAt, ErasedAt: e.ErasedAt}
	now := v.now()
	if !decrypt {
		switch {
		case !e.Found():
			r.Status = StatusUnknown
		case e.Erased():
			r.Status = StatusErased
		case !now.Before(e.ExpiresAt):
			r.Status = StatusExpired
		default:
			r.Status = StatusOK
		}
		return r, "", nil
	}
	status, plain, err := v.open(e, tok, typ, now)
	if err != nil {
		return Record{}, "", fmt.Errorf("vault export (%s): %w", typ, err)
	}
	r.Status = status
	return r, plain, nil
}

// Erase crypto-shreds (typ, value): the ciphertext is deleted and a tombstone (token,
// type, erased_at) is kept, so the token reveals as StatusErased from now on and a later
// Tokenize of the same value does not store it again. Erasing a value the vault never
// saw also leaves a tombstone (the erasure is recorded before the value arrives). Erase
// is idempotent and keeps the first erasure time. It returns the record after erasure.
//
// Crypto-shredding here means the only copy of the ciphertext is deleted; backups of the
// backend still hold it until they age out, which docs/vault.md asks operators to bound.
func (v *Vault) Erase(ctx context.Context, typ, value string) (Record, error) {
	tok, err := v.subjectToken(typ, value)
	if err != nil {
		return Record{}, err
	}
	ctx, cancel := v.withTimeout(ctx)
	defer cancel()
	v.forget(tok)
	if err := v.store.Tombstone(ctx, tok, typ, v.now()); err != nil {
		return Record{}, fmt.Errorf("vault erase (%s): %w", typ, err)
	}
	got, err := v.store.Get(ctx, []string{tok})
	if err != nil {
		return Record{}, fmt.Errorf("vault erase (%s): %w", typ, err)
	}
	if len(got) != 1 || !got[0].Erased() {
		return Record{}, fmt.Errorf("vault erase (%s): tombstone not found after writing it", typ)
	}
	return Record{Token: tok, Type: typ, Status: StatusErased, ErasedAt: got[0].ErasedAt}, nil
}

// Reinstate lifts an erasure of (typ, value) so that the next Tokenize stores the value
// again (for an erasure made in error, or a subject who returns and consents anew). It
// is the only way to undo an erasure and should be audited by the caller. It reports
// whether there was an erasure to lift. Tokens issued before stay the same.
func (v *Vault) Reinstate(ctx context.Context, typ, value string) (bool, error) {
	tok, err := v.subjectToken(typ, value)
	if err != nil {
		return false, err
	}
	ctx, cancel := v.withTimeout(ctx)
	defer cancel()
	v.forget(tok)
	ok, err := v.store.Untombstone(ctx, tok)
	if err != nil {
		return false, fmt.Errorf("vault reinstate (%s): %w", typ, err)
	}
	return ok, nil
}
