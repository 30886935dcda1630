package vault

import (
	"sync"
	"time"
)

// DefaultRefreshInterval is how long a replica trusts that an entry it wrote is stored,
// with an expiry good enough, before it writes it again.
const DefaultRefreshInterval = time.Minute

// refreshMaxEntries bounds the cache (two generations of this size).
const refreshMaxEntries = 1 << 16

// refreshCache lets Tokenize skip the backend write for values this replica wrote a
// moment ago. Bodies repeat the same people (a roster page, a chat thread), and without
// it every repetition would cost a write: an fsync'd transaction on bbolt, a row
// version in PostgreSQL. It holds tokens and times only, never values.
//
// A write is skipped when the same token was written less than `interval` ago and the
// new expiry exceeds the written one by less than `interval`, where interval is the
// smaller of the configured interval and a tenth of the entry's TTL. So an expiry lags
// the ideal one by less than that, and an entry seen at time s never expires before
// s + 0.9·TTL. Erase and Reinstate through this Vault forget the token at once.
//
// Eviction is by generation: when the current map is full it becomes the old one and a
// new map starts; lookups check both. That bounds memory without per-entry bookkeeping.
type refreshCache struct {
	mu       sync.Mutex
	cur, old map[string]refreshMark
}

type refreshMark struct {
	written, expires time.Time
}

func newRefreshCache() *refreshCache {
	return &refreshCache{cur: make(map[string]refreshMark)}
}

func (c *refreshCache) fresh(tok string, now, expires time.Time, interval time.Duration) bool {
	c.mu.Lock()
	m, ok := c.cur[tok]
	if !ok {
		m, ok = c.old[tok]
	}
	c.mu.Unlock()
	return ok && now.Sub(m.written) < interval && expires.Sub(m.expires) < interval && m.expires.After(now)
}

func (c *refreshCache) mark(toks []string, now time.Time, expires []time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, tok := range toks {
		if len(c.cur) >= refreshMaxEntries {
			c.old, c.cur = c.cur, make(map[string]refreshMark, refreshMaxEntries/4)
		}
		if prev, ok := c.cur[tok]; ok && prev.expires.After(expires[i]) {
			expires[i] = prev.expires // the store keeps the later expiry
		}
		c.cur[tok] = refreshMark{written: now, expires: expires[i]}
	}
}

func (c *refreshCache) forget(tok string) {
	c.mu.Lock()
	delete(c.cur, tok)
	delete(c.old, tok)
	c.mu.Unlock()
}
