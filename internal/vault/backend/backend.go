// Package backend defines what a vault storage backend must do: keep sealed (encrypted)
// entries addressed by their token, idempotently and all-or-nothing per batch. It sits
// below package vault so that vault can open the three implementations (boltstore,
// pgstore, redisstore) without an import cycle; vault re-exports the names callers need.
//
// A Store never sees plaintext, keys or normalised values: only tokens (keyed hashes),
// type ids, key ids, ciphertext and timestamps. Errors it returns therefore cannot leak
// personal data, and implementations must keep it that way (no ciphertext in messages).
package backend

import (
	"context"
	"time"
)

// Entry is one stored vault entry, or a tombstone when ErasedAt is set.
//
// Times are UTC with microsecond precision (the finest precision every backend keeps);
// the vault truncates before it calls Put, and stores return exactly what they were given.
type Entry struct {
	Token  string // tok_<type>_<26 base32>; the primary key
	Type   string // the token's type id, stored so erasure and stats need not parse tokens
	KeyID  string // id of the encryption key that sealed the value; "" for a tombstone
	Sealed []byte // nonce || AES-256-GCM ciphertext; nil for a tombstone

	FirstSeen time.Time // first Put of this token (kept on later Puts)
	LastSeen  time.Time // latest Put (max of all Puts)
	ExpiresAt time.Time // max of all Puts' expiries; extended, never shortened
	ErasedAt  time.Time // non-zero: a tombstone left by an erasure; the other times are zero
}

// Found reports whether Get found anything (an entry or a tombstone) for the token.
func (e *Entry) Found() bool { return e.Token != "" }

// Erased reports whether the entry is a tombstone.
func (e *Entry) Erased() bool { return !e.ErasedAt.IsZero() }

// Reseal asks a store to replace the ciphertext of one entry during key rotation.
// It is a compare-and-swap: the store applies it only while the entry still exists, is
// not erased and is still sealed under OldKeyID, so a rotation that races with an
// erasure or with another rotation never writes stale data.
type Reseal struct {
	Token    string
	OldKeyID string
	NewKeyID string
	Sealed   []byte
}

// Stats summarises a store for operators and for `proxy vault stats`.
type Stats struct {
	Entries        int   `json:"entries"`         // live (not erased) entries, including expired ones not yet purged
	Erased         int   `json:"erased"`          // tombstones
	ExpiredPending int   `json:"expired_pending"` // entries whose expiry is at or before the given time, not yet purged
	SizeBytes      int64 `json:"size_bytes"`      // storage used where the backend knows it; -1 when it does not
}

// Store is implemented by the embedded (bbolt), PostgreSQL and Redis backends. All
// methods are safe for concurrent use. Every batch method is all-or-nothing: on error,
// none of the batch's writes are visible. Errors caused by an unreachable or failing
// backend wrap ErrUnavailable; errors never contain values or ciphertext.
type Store interface {
	// Put inserts entries that do not exist yet and, for entries that do, raises LastSeen
	// and ExpiresAt to the new values when they are later (never lowers them) without
	// touching the ciphertext: the first writer's ciphertext is kept, so the stored value
	// is written once however many replicas race. Tokens with a tombstone are skipped.
	// Duplicate tokens in one batch are allowed and merged.
	Put(ctx context.Context, entries []Entry) error

	// Get returns one Entry per token, in order; a token with neither entry nor tombstone
	// yields the zero Entry. Expired entries not yet purged are returned as they are.
	Get(ctx context.Context, tokens []string) ([]Entry, error)

	// Reseal applies key-rotation compare-and-swaps and returns how many applied.
	Reseal(ctx context.Context, batch []Reseal) (int, error)

	// Tombstone deletes the entry's ciphertext and records (token, type, at). It is
	// idempotent and keeps the first erasure time. It works for tokens never stored too,
	// so a value erased before it was ever seen stays erased.
	Tombstone(ctx context.Context, token, typ string, at time.Time) error

	// Untombstone removes a tombstone, so that a later Put stores the value again. It
	// reports whether a tombstone existed.
	Untombstone(ctx context.Context, token string) (bool, error)

	// Purge deletes entries whose ExpiresAt is at or before now and returns how many it
	// deleted. Tombstones are kept (they hold no personal data).
	Purge(ctx context.Context, now time.Time) (int, error)

	// Scan calls fn for every entry and tombstone, in pages, without holding a transaction
	// while fn runs (fn may call other Store methods). Entries written during a scan may
	// or may not be visited, and a backend may visit an entry twice (Redis SCAN); callers
	// must be idempotent. An error from fn stops the scan and is returned.
	Scan(ctx context.Context, fn func(Entry) error) error

	// Stats counts entries, tombstones and entries expired at now.
	Stats(ctx context.Context, now time.Time) (Stats, error)

	// Ping checks that the backend answers.
	Ping(ctx context.Context) error

	// Close releases the store's connections or file. Later calls return ErrUnavailable.
	Close() error
}
