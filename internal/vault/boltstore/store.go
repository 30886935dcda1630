// Package boltstore is the embedded vault backend: one bbolt file, created on first use,
// no server. Only one process can open the file at a time (bbolt takes an exclusive
// lock), so it serves a single proxy; use pgstore or redisstore for several replicas.
//
// Buckets: "entries" (token → entry), "tombstones" (token → type, erased_at) and
// "expiry" (expires_at || token → nothing), the index that lets Purge stop at the first
// unexpired entry instead of reading the whole file.
package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"go.etcd.io/bbolt"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

var (
	bucketEntries    = []byte("entries")
	bucketTombstones = []byte("tombstones")
	bucketExpiry     = []byte("expiry")
)

const (
	purgeChunk = 10000 // entries deleted per write transaction, so a purge never holds the writer long
	scanPage   = 512
)

// Options tune Open.
type Options struct {
	// LockTimeout is how long Open waits while another process holds the file; then it
	// fails with ErrUnavailable. 0 means one second.
	LockTimeout time.Duration
}

// Store is a backend.Store on a bbolt file.
type Store struct {
	db *bbolt.DB
}

var _ backend.Store = (*Store)(nil)

// Open opens (or creates, with mode 0600 and missing parent directories 0700) the vault
// file at path.
func Open(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("bolt vault: empty path")
	}
	if opt.LockTimeout <= 0 {
		opt.LockTimeout = time.Second
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, backend.Unavailable("bolt open", err)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{
		Timeout:      opt.LockTimeout,
		FreelistType: bbolt.FreelistMapType, // faster than the array freelist once the file has churned
	})
	if err != nil {
		if errors.Is(err, bbolt.ErrTimeout) {
			return nil, backend.Unavailable("bolt open", fmt.Errorf("%s is locked by another process: %w", path, err))
		}
		return nil, wrap("bolt open", err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{bucketEntries, bucketTombstones, bucketExpiry} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, wrap("bolt open", err)
	}
	return &Store{db: db}, nil
}

// Path is the file the store uses.
func (s *Store) Path() string { return s.db.Path() }

// wrap classifies an error: a closed store, a lock timeout or an operating-system I/O
// failure (disk full, EIO) is an outage; decoding and validation errors are not.
func wrap(op string, err error) error {
	var pathErr *fs.PathError
	var errno syscall.Errno
	switch {
	case err == nil:
		return nil
	case errors.Is(err, backend.ErrInvalidBatch), errors.Is(err, backend.ErrCorrupt):
		return fmt.Errorf("%s: %w", op, err)
	case errors.Is(err, bbolt.ErrDatabaseNotOpen), errors.Is(err, bbolt.ErrTimeout),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		errors.As(err, &pathErr), errors.As(err, &errno):
		return backend.Unavailable(op, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// update runs fn in a write transaction unless ctx is already done (a local file cannot
// be interrupted mid-transaction, but a caller that gave up should not start one).
func (s *Store) update(ctx context.Context, op string, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return wrap(op, err)
	}
	return wrap(op, s.db.Update(fn))
}

func (s *Store) view(ctx context.Context, op string, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return wrap(op, err)
	}
	return wrap(op, s.db.View(fn))
}

// Put implements backend.Store.
func (s *Store) Put(ctx context.Context, entries []backend.Entry) error {
	if err := backend.ValidateEntries(entries); err != nil {
		return fmt.Errorf("bolt put: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	batch := backend.Coalesce(entries)
	return s.update(ctx, "bolt put", func(tx *bbolt.Tx) error {
		eb, tb, xb := tx.Bucket(bucketEntries), tx.Bucket(bucketTombstones), tx.Bucket(bucketExpiry)
		for i := range batch {
			e := &batch[i]
			key := []byte(e.Token)
			if tb.Get(key) != nil {
				continue // erased: a legal erasure is not undone by seeing the value again
			}
			old := eb.Get(key)
			if old == nil {
				if err := eb.Put(key, encodeEntry(e)); err != nil {
					return err
				}
				if err := xb.Put(expiryKey(backend.Micros(e.ExpiresAt), e.Token), []byte{}); err != nil {
					return err
				}
				continue
			}
			cur, err := decodeEntry(e.Token, old)
			if err != nil {
				return err
			}
			changed := false
			if e.LastSeen.After(cur.LastSeen) {
				cur.LastSeen, changed = e.LastSeen, true
			}
			if e.ExpiresAt.After(cur.ExpiresAt) {
				if err := xb.Delete(expiryKey(backend.Micros(cur.ExpiresAt), e.Token)); err != nil {
					return err
				}
				if err := xb.Put(expiryKey(backend.Micros(e.ExpiresAt), e.Token), []byte{}); err != nil {
					return err
				}
				cur.ExpiresAt, changed = e.ExpiresAt, true
			}
			if changed {
				if err := eb.Put(key, encodeEntry(&cur)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Get implements backend.Store.
func (s *Store) Get(ctx context.Context, tokens []string) ([]backend.Entry, error) {
	out := make([]backend.Entry, len(tokens))
	err := s.view(ctx, "bolt get", func(tx *bbolt.Tx) error {
		eb, tb := tx.Bucket(bucketEntries), tx.Bucket(bucketTombstones)
		for i, tok := range tokens {
			key := []byte(tok)
			if v := tb.Get(key); v != nil {
				e, err := decodeTombstone(tok, v)
				if err != nil {
					return err
				}
				out[i] = e
				continue
			}
			if v := eb.Get(key); v != nil {
				e, err := decodeEntry(tok, v)
				if err != nil {
					return err
				}
				out[i] = e
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Reseal implements backend.Store.
func (s *Store) Reseal(ctx context.Context, batch []backend.Reseal) (int, error) {
	if err := backend.ValidateReseals(batch); err != nil {
		return 0, fmt.Errorf("bolt reseal: %w", err)
	}
	n := 0
	err := s.update(ctx, "bolt reseal", func(tx *bbolt.Tx) error {
		n = 0 // bbolt may not retry Update, but keep the count honest if it ever did
		eb := tx.Bucket(bucketEntries)
		for _, r := range batch {
			key := []byte(r.Token)
			old := eb.Get(key)
			if old == nil {
				continue
			}
			cur, err := decodeEntry(r.Token, old)
			if err != nil {
				return err
			}
			if cur.KeyID != r.OldKeyID {
				continue
			}
			cur.KeyID, cur.Sealed = r.NewKeyID, r.Sealed
			if err := eb.Put(key, encodeEntry(&cur)); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// Tombstone implements backend.Store.
func (s *Store) Tombstone(ctx context.Context, token, typ string, at time.Time) error {
	if token == "" || typ == "" || at.IsZero() {
		return fmt.Errorf("bolt tombstone: %w: empty token, type or time", backend.ErrInvalidBatch)
	}
	return s.update(ctx, "bolt tombstone", func(tx *bbolt.Tx) error {
		eb, tb, xb := tx.Bucket(bucketEntries), tx.Bucket(bucketTombstones), tx.Bucket(bucketExpiry)
		key := []byte(token)
		if old := eb.Get(key); old != nil {
			cur, err := decodeEntry(token, old)
			if err != nil {
				return err
			}
			if err := xb.Delete(expiryKey(backend.Micros(cur.ExpiresAt), token)); err != nil {
				return err
			}
			if err := eb.Delete(key); err != nil {
				return err
			}
		}
		if tb.Get(key) != nil {
			return nil // keep the first erasure time
		}
		return tb.Put(key, encodeTombstone(typ, backend.Micros(at)))
	})
}

// Untombstone implements backend.Store.
func (s *Store) Untombstone(ctx context.Context, token string) (bool, error) {
	existed := false
	err := s.update(ctx, "bolt untombstone", func(tx *bbolt.Tx) error {
		tb := tx.Bucket(bucketTombstones)
		existed = tb.Get([]byte(token)) != nil
		return tb.Delete([]byte(token))
	})
	return existed, err
}

// Purge implements backend.Store. It deletes in chunks of purgeChunk per transaction;
// the count covers every chunk that committed, also when a later one fails.
func (s *Store) Purge(ctx context.Context, now time.Time) (int, error) {
	limit := uint64(max(backend.Micros(now), 0))
	total := 0
	for {
		n, more := 0, false
		err := s.update(ctx, "bolt purge", func(tx *bbolt.Tx) error {
			n = 0
			eb, xb := tx.Bucket(bucketEntries), tx.Bucket(bucketExpiry)
			var keys [][]byte
			c := xb.Cursor()
			for k, _ := c.First(); k != nil && len(keys) < purgeChunk; k, _ = c.Next() {
				if len(k) < 8 || binary.BigEndian.Uint64(k[:8]) > limit {
					break
				}
				keys = append(keys, bytes.Clone(k))
			}
			// Deleting after the walk: deleting under a live bbolt cursor can skip keys.
			for _, k := range keys {
				if err := xb.Delete(k); err != nil {
					return err
				}
				if eb.Get(k[8:]) != nil {
					if err := eb.Delete(k[8:]); err != nil {
						return err
					}
					n++
				}
			}
			more = len(keys) == purgeChunk
			return nil
		})
		if err != nil {
			return total, err
		}
		total += n
		if !more {
			return total, nil
		}
	}
}
