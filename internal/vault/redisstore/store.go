// Package redisstore is the Redis vault backend, for several proxy replicas sharing one
// vault with low latency. Keys, under a configurable prefix P:
//
//	P:e:<token>   hash  ty (type) k (key id) s (sealed) f l x (first/last seen, expiry µs);
//	              PEXPIREAT at the expiry, so Redis drops expired entries on its own
//	P:t:<token>   hash  ty, at (erased µs): the tombstone, never expires
//	P:x           zset  token → expiry µs: the index Purge and Stats use
//	P:ts          set   tokens with a tombstone, for Stats
//
// Writes are Lua scripts (atomic, one round trip, all-or-nothing); reads are MULTI
// pipelines. Purge deletes entries the clock (possibly injected) says are expired and
// trims the index of entries Redis already expired by itself. Redis Cluster is not
// supported (scripts touch keys of many slots); a single primary, with replicas or
// Sentinel for failover, is.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// Config selects the server and key prefix.
type Config struct {
	Addr     string // host:port, or a redis:// or rediss:// URL (password, db)
	Prefix   string // key prefix; default "piivault"
	PoolSize int    // 0 = go-redis default (10 per CPU)
}

// DefaultPrefix is the key prefix when Config.Prefix is empty.
const DefaultPrefix = "piivault"

var prefixRE = regexp.MustCompile(`^[A-Za-z0-9_.:-]{1,64}$`) // no glob characters: SCAN MATCH uses it

// Store is a backend.Store on Redis.
type Store struct {
	rdb    *redis.Client
	prefix string
	index  string
	tset   string
}

var _ backend.Store = (*Store)(nil)

// Open connects and checks the server answers (ErrUnavailable when it does not).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	quietRedisLogs()
	if cfg.Prefix == "" {
		cfg.Prefix = DefaultPrefix
	}
	if !prefixRE.MatchString(cfg.Prefix) {
		return nil, fmt.Errorf("redis vault: key prefix must match %s", prefixRE)
	}
	var opt *redis.Options
	if strings.Contains(cfg.Addr, "://") {
		o, err := redis.ParseURL(cfg.Addr)
		if err != nil {
			return nil, errors.New("redis vault: the address URL does not parse (check its syntax)") // may hold a password
		}
		opt = o
	} else {
		if cfg.Addr == "" {
			return nil, errors.New("redis vault: empty address")
		}
		opt = &redis.Options{Addr: cfg.Addr}
	}
	opt.DialTimeout = 2 * time.Second
	// Retry a little (a failover blip), but answer quickly when the server is really
	// gone: with go-redis's defaults (3 command retries with backoff to 512ms, 5 dial
	// retries 100ms apart) a refused connection cost 1.7s before the proxy could answer.
	opt.MaxRetries = 2
	opt.MinRetryBackoff = 8 * time.Millisecond
	opt.MaxRetryBackoff = 64 * time.Millisecond
	opt.DialerRetries = 2
	opt.DialerRetryTimeout = 20 * time.Millisecond
	// Deadlines come from the caller's context (the vault sets one on every call), so a
	// partitioned server yields ErrUnavailable in time instead of a hung request.
	opt.ContextTimeoutEnabled = true
	if cfg.PoolSize > 0 {
		opt.PoolSize = cfg.PoolSize
	}
	s := &Store{
		rdb:    redis.NewClient(opt),
		prefix: cfg.Prefix,
		index:  cfg.Prefix + ":x",
		tset:   cfg.Prefix + ":ts",
	}
	if err := s.Ping(ctx); err != nil {
		s.rdb.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) entryKey(tok string) string     { return s.prefix + ":e:" + tok }
func (s *Store) tombstoneKey(tok string) string { return s.prefix + ":t:" + tok }

// serverBusy lists reply prefixes meaning "this server cannot serve now" rather than "this
// command is wrong".
var serverBusy = []string{"LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "OOM", "MISCONF"}

// classify marks everything except a server's error reply to a command as an outage.
// Replies come from our scripts or Redis itself and never quote arguments.
func classify(op string, err error) error {
	if err == nil || errors.Is(err, redis.Nil) {
		return nil
	}
	var rerr redis.Error
	if errors.As(err, &rerr) && !errors.Is(err, redis.ErrClosed) {
		msg := rerr.Error()
		for _, p := range serverBusy {
			if strings.HasPrefix(msg, p) {
				return backend.Unavailable(op, err)
			}
		}
		return fmt.Errorf("%s: %w", op, err)
	}
	return backend.Unavailable(op, err)
}

func micros(t time.Time) string { return strconv.FormatInt(backend.Micros(t), 10) }

// Put implements backend.Store.
func (s *Store) Put(ctx context.Context, entries []backend.Entry) error {
	if err := backend.ValidateEntries(entries); err != nil {
		return fmt.Errorf("redis put: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	batch := backend.Coalesce(entries)
	keys := make([]string, 0, 1+2*len(batch))
	args := make([]any, 0, 8*len(batch))
	keys = append(keys, s.index)
	for i := range batch {
		e := &batch[i]
		keys = append(keys, s.entryKey(e.Token), s.tombstoneKey(e.Token))
		expMs := (backend.Micros(e.ExpiresAt) + 999) / 1000
		args = append(args, e.Token, e.Type, e.KeyID, e.Sealed,
			micros(e.FirstSeen), micros(e.LastSeen), micros(e.ExpiresAt), strconv.FormatInt(expMs, 10))
	}
	return classify("redis put", putScript.Run(ctx, s.rdb, keys, args...).Err())
}

// Get implements backend.Store: one MULTI with HGETALL of each entry and tombstone.
func (s *Store) Get(ctx context.Context, tokens []string) ([]backend.Entry, error) {
	out := make([]backend.Entry, len(tokens))
	if len(tokens) == 0 {
		return out, nil
	}
	ents := make([]*redis.MapStringStringCmd, len(tokens))
	tombs := make([]*redis.MapStringStringCmd, len(tokens))
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for i, t := range tokens {
			tombs[i] = p.HGetAll(ctx, s.tombstoneKey(t))
			ents[i] = p.HGetAll(ctx, s.entryKey(t))
		}
		return nil
	})
	if err != nil {
		return nil, classify("redis get", err)
	}
	for i, t := range tokens {
		if m := tombs[i].Val(); len(m) > 0 {
			e, err := tombstoneFromHash(t, m)
			if err != nil {
				return nil, err
			}
			out[i] = e
			continue
		}
		if m := ents[i].Val(); len(m) > 0 {
			e, err := entryFromHash(t, m)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
	}
	return out, nil
}

func parseMicros(m map[string]string, field string) (time.Time, bool) {
	v, err := strconv.ParseInt(m[field], 10, 64)
	if err != nil || v <= 0 {
		return time.Time{}, false
	}
	return backend.FromMicros(v), true
}

func entryFromHash(tok string, m map[string]string) (backend.Entry, error) {
	e := backend.Entry{Token: tok, Type: m["ty"], KeyID: m["k"], Sealed: []byte(m["s"])}
	var ok1, ok2, ok3 bool
	e.FirstSeen, ok1 = parseMicros(m, "f")
	e.LastSeen, ok2 = parseMicros(m, "l")
	e.ExpiresAt, ok3 = parseMicros(m, "x")
	if !ok1 || !ok2 || !ok3 || e.Type == "" || e.KeyID == "" || len(e.Sealed) == 0 {
		return backend.Entry{}, fmt.Errorf("redis get: %w: entry hash is incomplete", backend.ErrCorrupt)
	}
	return e, nil
}

func tombstoneFromHash(tok string, m map[string]string) (backend.Entry, error) {
	e := backend.Entry{Token: tok, Type: m["ty"]}
	var ok bool
	e.ErasedAt, ok = parseMicros(m, "at")
	if !ok || e.Type == "" {
		return backend.Entry{}, fmt.Errorf("redis get: %w: tombstone hash is incomplete", backend.ErrCorrupt)
	}
	return e, nil
}

// Reseal implements backend.Store.
func (s *Store) Reseal(ctx context.Context, batch []backend.Reseal) (int, error) {
	if err := backend.ValidateReseals(batch); err != nil {
		return 0, fmt.Errorf("redis reseal: %w", err)
	}
	if len(batch) == 0 {
		return 0, nil
	}
	keys := make([]string, len(batch))
	args := make([]any, 0, 3*len(batch))
	for i, r := range batch {
		keys[i] = s.entryKey(r.Token)
		args = append(args, r.OldKeyID, r.NewKeyID, r.Sealed)
	}
	n, err := resealScript.Run(ctx, s.rdb, keys, args...).Int()
	if err != nil {
		return 0, classify("redis reseal", err)
	}
	return n, nil
}

// Tombstone implements backend.Store.
func (s *Store) Tombstone(ctx context.Context, token, typ string, at time.Time) error {
	if token == "" || typ == "" || at.IsZero() {
		return fmt.Errorf("redis tombstone: %w: empty token, type or time", backend.ErrInvalidBatch)
	}
	keys := []string{s.entryKey(token), s.tombstoneKey(token), s.index, s.tset}
	return classify("redis tombstone", tombstoneScript.Run(ctx, s.rdb, keys, token, typ, micros(at)).Err())
}

// Untombstone implements backend.Store.
func (s *Store) Untombstone(ctx context.Context, token string) (bool, error) {
	var del *redis.IntCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		del = p.Del(ctx, s.tombstoneKey(token))
		p.SRem(ctx, s.tset, token)
		return nil
	})
	if err != nil {
		return false, classify("redis untombstone", err)
	}
	return del.Val() > 0, nil
}

const purgeChunk = 1000

// Purge implements backend.Store. The count covers entries this call deleted; entries
// Redis already dropped at their PEXPIREAT are only removed from the index.
func (s *Store) Purge(ctx context.Context, now time.Time) (int, error) {
	total := 0
	for {
		res, err := purgeScript.Run(ctx, s.rdb, []string{s.index}, micros(now), purgeChunk, s.prefix+":e:").Int64Slice()
		if err != nil {
			return total, classify("redis purge", err)
		}
		if len(res) != 2 {
			return total, fmt.Errorf("redis purge: unexpected script reply of %d items", len(res))
		}
		total += int(res[0])
		if res[1] < purgeChunk {
			return total, nil
		}
	}
}

// Scan implements backend.Store with SCAN (which may return a key twice).
func (s *Store) Scan(ctx context.Context, fn func(backend.Entry) error) error {
	for _, kind := range []struct {
		infix string
		parse func(string, map[string]string) (backend.Entry, error)
	}{{":e:", entryFromHash}, {":t:", tombstoneFromHash}} {
		match := s.prefix + kind.infix + "*"
		var cursor uint64
		for {
			keys, next, err := s.rdb.Scan(ctx, cursor, match, 500).Result()
			if err != nil {
				return classify("redis scan", err)
			}
			if len(keys) > 0 {
				cmds := make([]*redis.MapStringStringCmd, len(keys))
				_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
					for i, k := range keys {
						cmds[i] = p.HGetAll(ctx, k)
					}
					return nil
				})
				if err != nil {
					return classify("redis scan", err)
				}
				for i, k := range keys {
					m := cmds[i].Val()
					if len(m) == 0 {
						continue // expired or deleted between SCAN and HGETALL
					}
					e, err := kind.parse(strings.TrimPrefix(k, s.prefix+kind.infix), m)
					if err != nil {
						return err
					}
					if err := fn(e); err != nil {
						return err
					}
				}
			}
			if next == 0 {
				break
			}
			cursor = next
		}
	}
	return nil
}

// Stats implements backend.Store. Entries counts the expiry index, which still lists
// entries Redis expired by itself until the next Purge. Redis memory is shared with
// other users, so SizeBytes is -1.
func (s *Store) Stats(ctx context.Context, now time.Time) (backend.Stats, error) {
	var card, pending, erased *redis.IntCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		card = p.ZCard(ctx, s.index)
		pending = p.ZCount(ctx, s.index, "-inf", micros(now))
		erased = p.SCard(ctx, s.tset)
		return nil
	})
	if err != nil {
		return backend.Stats{}, classify("redis stats", err)
	}
	return backend.Stats{
		Entries: int(card.Val()), ExpiredPending: int(pending.Val()), Erased: int(erased.Val()), SizeBytes: -1,
	}, nil
}

// Ping implements backend.Store.
func (s *Store) Ping(ctx context.Context) error {
	return classify("redis ping", s.rdb.Ping(ctx).Err())
}

// Close implements backend.Store.
func (s *Store) Close() error { return s.rdb.Close() }
