package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"time"

	"go.etcd.io/bbolt"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// Scan implements backend.Store: pages of scanPage records are read in short read
// transactions and fn runs between them, so fn may write (rotation does).
func (s *Store) Scan(ctx context.Context, fn func(backend.Entry) error) error {
	for _, b := range []struct {
		name   []byte
		decode func(string, []byte) (backend.Entry, error)
	}{{bucketEntries, decodeEntry}, {bucketTombstones, decodeTombstone}} {
		var after []byte
		for {
			page := make([]backend.Entry, 0, scanPage)
			err := s.view(ctx, "bolt scan", func(tx *bbolt.Tx) error {
				c := tx.Bucket(b.name).Cursor()
				k, v := c.First()
				if after != nil {
					k, v = c.Seek(after)
					if k != nil && bytes.Equal(k, after) {
						k, v = c.Next()
					}
				}
				for ; k != nil && len(page) < scanPage; k, v = c.Next() {
					e, err := b.decode(string(k), v)
					if err != nil {
						return err
					}
					page = append(page, e)
				}
				return nil
			})
			if err != nil {
				return err
			}
			for _, e := range page {
				if err := fn(e); err != nil {
					return err
				}
			}
			if len(page) < scanPage {
				break
			}
			after = []byte(page[len(page)-1].Token)
		}
	}
	return nil
}

// Stats implements backend.Store. Counting walks the buckets' pages (bbolt keeps no
// counters), which is fine for an operator command but not for a hot path.
func (s *Store) Stats(ctx context.Context, now time.Time) (backend.Stats, error) {
	var st backend.Stats
	limit := uint64(max(backend.Micros(now), 0))
	err := s.view(ctx, "bolt stats", func(tx *bbolt.Tx) error {
		st.Entries = tx.Bucket(bucketEntries).Stats().KeyN
		st.Erased = tx.Bucket(bucketTombstones).Stats().KeyN
		c := tx.Bucket(bucketExpiry).Cursor()
		for k, _ := c.First(); k != nil && len(k) >= 8 && binary.BigEndian.Uint64(k[:8]) <= limit; k, _ = c.Next() {
			st.ExpiredPending++
		}
		st.SizeBytes = tx.Size()
		return nil
	})
	return st, err
}

// Ping implements backend.Store: it fails once the store is closed.
func (s *Store) Ping(ctx context.Context) error {
	return s.view(ctx, "bolt ping", func(*bbolt.Tx) error { return nil })
}

// Close implements backend.Store.
func (s *Store) Close() error { return wrap("bolt close", s.db.Close()) }
