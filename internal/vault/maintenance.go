package vault

import (
	"context"
	"fmt"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// maintenanceTimeouts: Purge, Stats and Rotate work through the whole store, so when the
// caller sets no deadline they get this multiple of the per-call timeout, after a Ping
// under the normal timeout: an unreachable backend still fails as fast as any call.
const maintenanceTimeouts = 12

func (v *Vault) withLongTimeout(ctx context.Context) (context.Context, context.CancelFunc, error) {
	if err := v.Ping(ctx); err != nil {
		return nil, nil, err
	}
	if _, ok := ctx.Deadline(); ok {
		ctx, cancel := context.WithCancel(ctx)
		return ctx, cancel, nil
	}
	ctx, cancel := context.WithTimeout(ctx, maintenanceTimeouts*v.timeout)
	return ctx, cancel, nil
}

// Purge deletes entries whose expiry is at or before now and returns how many it
// deleted. Tombstones stay. On Redis, entries also vanish on their own at expiry (Redis
// EXPIREAT); Purge then removes what is left of them in the expiry index and counts only
// entries it deleted itself. Run it on a schedule (`proxy vault purge`).
func (v *Vault) Purge(ctx context.Context, now time.Time) (int, error) {
	ctx, cancel, err := v.withLongTimeout(ctx)
	if err != nil {
		return 0, fmt.Errorf("vault purge: %w", err)
	}
	defer cancel()
	n, err := v.store.Purge(ctx, now.UTC().Truncate(time.Microsecond))
	if err != nil {
		return n, fmt.Errorf("vault purge: %w", err)
	}
	return n, nil
}

// Stats returns the store's counts, with expiry measured at the vault's clock.
func (v *Vault) Stats(ctx context.Context) (Stats, error) {
	ctx, cancel, err := v.withLongTimeout(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("vault stats: %w", err)
	}
	defer cancel()
	st, err := v.store.Stats(ctx, v.now())
	if err != nil {
		return st, fmt.Errorf("vault stats: %w", err)
	}
	return st, nil
}

// RotateReport counts what Rotate did.
type RotateReport struct {
	Scanned  int `json:"scanned"`  // entries and tombstones visited
	Resealed int `json:"resealed"` // entries re-encrypted under the active key
	Current  int `json:"current"`  // entries already under the active key
	Erased   int `json:"erased"`   // tombstones (nothing to re-encrypt)
	Raced    int `json:"raced"`    // entries erased, purged or rotated by someone else meanwhile
}

const resealBatch = 256

// Rotate re-encrypts every entry that is not under the keyring's active key with the
// active key. Tokens do not change (the token key is separate and never rotated). Each
// rewrite is a compare-and-swap on the old key id, so Rotate can run while replicas
// tokenize, reveal and erase, and can be re-run after an interruption: it resumes where
// entries are still under old keys. When it returns without error, no entry is sealed
// under any other key id and the old keys may be removed from the keyring.
func (v *Vault) Rotate(ctx context.Context) (RotateReport, error) {
	var rep RotateReport
	active := v.keys.ActiveKeyID()
	if err := v.Ping(ctx); err != nil {
		return rep, fmt.Errorf("vault rotate (to key %q): %w", active, err)
	}
	batch := make([]backend.Reseal, 0, resealBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		cctx, cancel := v.withTimeout(ctx)
		defer cancel()
		n, err := v.store.Reseal(cctx, batch)
		if err != nil {
			return err
		}
		rep.Resealed += n
		rep.Raced += len(batch) - n
		batch = batch[:0]
		return nil
	}
	err := v.store.Scan(ctx, func(e StoredEntry) error {
		rep.Scanned++
		switch {
		case e.Erased():
			rep.Erased++
			return nil
		case e.KeyID == active:
			rep.Current++
			return nil
		}
		typ, ok := ParseToken(e.Token)
		if !ok || typ != e.Type {
			return fmt.Errorf("%w: stored entry has a malformed token or mismatched type (%s)", ErrIntegrity, e.Type)
		}
		plain, err := v.keys.open(e.KeyID, e.Type, e.Token, e.Sealed)
		if err != nil {
			return fmt.Errorf("entry of type %s: %w", e.Type, err)
		}
		newID, sealed := v.keys.seal(e.Type, e.Token, plain)
		batch = append(batch, backend.Reseal{Token: e.Token, OldKeyID: e.KeyID, NewKeyID: newID, Sealed: sealed})
		if len(batch) == resealBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return rep, fmt.Errorf("vault rotate (to key %q): %w", active, err)
	}
	return rep, nil
}
