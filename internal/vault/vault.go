// Package vault turns personal data into deterministic tokens on its way to DingTalk and
// back into values for entitled roles (DESIGN.md §6).
//
// A token is derived from the value with a keyed hash (see TokenPattern), so every
// replica computes the same token without coordination and the backend only stores the
// encrypted value idempotently, addressed by the token. Values are sealed with AES-256-GCM
// under a key id; the keyring file holds the keys. Entries expire (retention), can be
// erased for a data subject (crypto-shredding with a tombstone) and exported.
//
// Backends: an embedded bbolt file (default, one process), PostgreSQL or Redis (several
// replicas). Batch calls cost one round trip. Errors caused by the backend wrap
// ErrUnavailable (the proxy answers 503 and fails closed); no error or log line ever
// contains a value.
package vault

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// Re-exported backend names, so that callers import only package vault.
type (
	// Store is implemented by each backend; see package backend.
	Store = backend.Store
	// StoredEntry is what a Store keeps for one token.
	StoredEntry = backend.Entry
	// Stats summarises a store.
	Stats = backend.Stats
)

// ErrUnavailable is wrapped by every error caused by an unreachable or failing backend
// (including a call that ran out of time). The proxy maps it to 503.
var ErrUnavailable = backend.ErrUnavailable

// ErrInvalid marks bad input to a vault call (bad type id, empty value, negative TTL).
var ErrInvalid = errors.New("invalid vault input")

// Placeholder is what the proxy renders in place of a token that does not reveal
// (StatusErased, StatusExpired, StatusUnknown): never a value.
const Placeholder = "[ERASED]"

// Limits on input, so that a single body cannot bloat the vault.
const (
	MaxValueLen = 64 << 10 // bytes of one value
	MaxBatch    = 10000    // entries or tokens in one call
	MaxTTL      = 100 * 365 * 24 * time.Hour
	// DefaultRetention applies when neither the entry, the type nor the configuration
	// gives a TTL: 90 days, short by default (PDPO DPP2: keep no longer than necessary).
	DefaultRetention = 90 * 24 * time.Hour
	// DefaultTimeout bounds every call whose context has no earlier deadline, so a
	// hung backend turns into ErrUnavailable instead of a hung request.
	DefaultTimeout = 5 * time.Second
)

// Entry is one value to tokenize. Value is plaintext and lives only in memory.
type Entry struct {
	Type  string        // type id, [a-z][a-z0-9_]{0,31}
	Value string        // stored (encrypted) exactly as given; the token uses its normalised form
	TTL   time.Duration // retention; 0 = per-type or default TTL; negative is an error
}

// Status tells what a token reveals to. The zero value is StatusUnknown, so a Revealed
// that was never filled in can never pass for a value.
type Status int

const (
	StatusUnknown Status = iota // never stored here, purged, or not a well-formed token
	StatusOK                    // Value holds the plaintext
	StatusExpired               // retention ended; the entry awaits Purge
	StatusErased                // erased for a data subject (tombstone)
)

var statusNames = [...]string{"unknown", "ok", "expired", "erased"}

func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// MarshalText renders the status as its name (for JSON output of the CLI and API).
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status name back (clients of the admin API).
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("unknown vault status %q", b)
}

// Revealed is the result of revealing one token. Value is set only for StatusOK.
type Revealed struct {
	Token  string
	Type   string // from the token; "" when the token is malformed
	Value  string
	Status Status
}

// Options tune a Vault. The zero value is usable.
type Options struct {
	DefaultTTL time.Duration            // 0 = DefaultRetention
	TypeTTL    map[string]time.Duration // per type id; used when Entry.TTL is 0
	Normalize  NormalizeFunc            // nil = DefaultNormalize
	Clock      func() time.Time         // nil = time.Now; injectable for tests
	Timeout    time.Duration            // per call; 0 = DefaultTimeout
	// RefreshInterval: a value this replica tokenized less than this long ago is not
	// written again (see refreshCache); 0 = DefaultRefreshInterval, negative = always write.
	RefreshInterval time.Duration
}

// Vault is safe for concurrent use.
type Vault struct {
	store     Store
	keys      *Keyring
	tok       *tokenizer
	normalize NormalizeFunc
	clock     func() time.Time
	timeout   time.Duration
	defTTL    time.Duration
	typeTTL   map[string]time.Duration
	refresh   time.Duration // <= 0: no cache
	recent    *refreshCache
}

// New builds a Vault over a store. It validates opts; the Vault owns the store from now
// on (Close closes it).
func New(store Store, keys *Keyring, opts Options) (*Vault, error) {
	if store == nil || keys == nil {
		return nil, fmt.Errorf("%w: vault.New needs a store and a keyring", ErrInvalid)
	}
	if err := validateTTLs(opts.DefaultTTL, opts.TypeTTL); err != nil {
		return nil, err
	}
	v := &Vault{
		store:     store,
		keys:      keys,
		tok:       newTokenizer(keys.tokenKey),
		normalize: opts.Normalize,
		clock:     opts.Clock,
		timeout:   opts.Timeout,
		defTTL:    opts.DefaultTTL,
		typeTTL:   make(map[string]time.Duration, len(opts.TypeTTL)),
	}
	for typ, ttl := range opts.TypeTTL {
		v.typeTTL[typ] = ttl
	}
	if v.normalize == nil {
		v.normalize = DefaultNormalize
	}
	if v.clock == nil {
		v.clock = time.Now
	}
	if v.timeout <= 0 {
		v.timeout = DefaultTimeout
	}
	if v.defTTL == 0 {
		v.defTTL = DefaultRetention
	}
	switch {
	case opts.RefreshInterval == 0:
		v.refresh = DefaultRefreshInterval
	case opts.RefreshInterval > 0:
		v.refresh = opts.RefreshInterval
	}
	if v.refresh > 0 {
		v.recent = newRefreshCache()
	}
	return v, nil
}

func validateTTLs(def time.Duration, perType map[string]time.Duration) error {
	var errs []error
	if def < 0 || def > MaxTTL {
		errs = append(errs, fmt.Errorf("%w: default TTL %s is out of range [0, %s]", ErrInvalid, def, MaxTTL))
	}
	for typ, ttl := range perType {
		if !ValidType(typ) {
			errs = append(errs, fmt.Errorf("%w: TTL for type %q: type id must match [a-z][a-z0-9_]{0,31}", ErrInvalid, typ))
		} else if ttl <= 0 || ttl > MaxTTL {
			errs = append(errs, fmt.Errorf("%w: TTL for type %s: %s is out of range (0, %s]", ErrInvalid, typ, ttl, MaxTTL))
		}
	}
	return errors.Join(errs...)
}

// now is the vault clock truncated to what every backend stores (microseconds, UTC).
func (v *Vault) now() time.Time { return v.clock().UTC().Truncate(time.Microsecond) }

func (v *Vault) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, v.timeout)
}

// TTLFor returns the retention the vault applies to an entry of typ with the given TTL.
func (v *Vault) TTLFor(typ string, ttl time.Duration) (time.Duration, error) {
	switch {
	case ttl < 0:
		return 0, fmt.Errorf("%w: negative TTL", ErrInvalid)
	case ttl > MaxTTL:
		return 0, fmt.Errorf("%w: TTL longer than %s", ErrInvalid, MaxTTL)
	case ttl > 0:
		return ttl, nil
	}
	if t, ok := v.typeTTL[typ]; ok {
		return t, nil
	}
	return v.defTTL, nil
}

// TokenFor returns the token of (typ, value) without I/O, or "" when typ is not a valid
// type id or the value normalises to nothing.
func (v *Vault) TokenFor(typ, value string) string {
	if !ValidType(typ) {
		return ""
	}
	norm := v.normalize(typ, value)
	if norm == "" {
		return ""
	}
	return v.tok.token(typ, norm)
}

// Tokenize stores the entries (one round trip, all-or-nothing) and returns their tokens
// in order. A value seen before keeps its token and stored ciphertext; its expiry is
// extended when the new one is later, never shortened. A value that was erased gets its
// usual token but is not stored again: the token keeps revealing as StatusErased until
// Reinstate is called (a legal erasure sticks). Every entry is validated before any I/O,
// so a bad entry anywhere fails the whole call with nothing written.
func (v *Vault) Tokenize(ctx context.Context, entries []Entry) ([]string, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	if len(entries) > MaxBatch {
		return nil, fmt.Errorf("%w: %d entries in one call (max %d)", ErrInvalid, len(entries), MaxBatch)
	}
	now := v.now()
	tokens := make([]string, len(entries))
	stored := make([]StoredEntry, 0, len(entries))
	for i := range entries {
		e := &entries[i]
		if !ValidType(e.Type) {
			return nil, fmt.Errorf("%w: entry %d: type id must match [a-z][a-z0-9_]{0,31}", ErrInvalid, i)
		}
		if len(e.Value) > MaxValueLen {
			return nil, fmt.Errorf("%w: entry %d (%s): value longer than %d bytes", ErrInvalid, i, e.Type, MaxValueLen)
		}
		ttl, err := v.TTLFor(e.Type, e.TTL)
		if err != nil {
			return nil, fmt.Errorf("entry %d (%s): %w", i, e.Type, err)
		}
		norm := v.normalize(e.Type, e.Value)
		if norm == "" {
			return nil, fmt.Errorf("%w: entry %d (%s): empty value", ErrInvalid, i, e.Type)
		}
		tok := v.tok.token(e.Type, norm)
		tokens[i] = tok
		expires := now.Add(ttl)
		if v.recent != nil && v.recent.fresh(tok, now, expires, min(v.refresh, ttl/10)) {
			continue
		}
		keyID, sealed := v.keys.seal(e.Type, tok, e.Value)
		stored = append(stored, StoredEntry{
			Token: tok, Type: e.Type, KeyID: keyID, Sealed: sealed,
			FirstSeen: now, LastSeen: now, ExpiresAt: expires,
		})
	}
	if len(stored) == 0 {
		return tokens, nil
	}
	ctx, cancel := v.withTimeout(ctx)
	defer cancel()
	if err := v.store.Put(ctx, stored); err != nil {
		return nil, fmt.Errorf("vault tokenize: %w", err)
	}
	if v.recent != nil {
		toks, exps := make([]string, len(stored)), make([]time.Time, len(stored))
		for i := range stored {
			toks[i], exps[i] = stored[i].Token, stored[i].ExpiresAt
		}
		v.recent.mark(toks, now, exps)
	}
	return tokens, nil
}

// Reveal looks the tokens up (one round trip) and returns one Revealed per token, in
// order. Malformed tokens reveal as StatusUnknown without I/O. A ciphertext that fails
// authentication fails the whole call with ErrIntegrity: the vault was tampered with, and
// the proxy must fail closed rather than guess.
func (v *Vault) Reveal(ctx context.Context, tokens []string) ([]Revealed, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	if len(tokens) > MaxBatch {
		return nil, fmt.Errorf("%w: %d tokens in one call (max %d)", ErrInvalid, len(tokens), MaxBatch)
	}
	out := make([]Revealed, len(tokens))
	query := make([]string, 0, len(tokens))
	at := make([]int, 0, len(tokens)) // position in out of each query token
	for i, t := range tokens {
		out[i].Token = t
		typ, ok := ParseToken(t)
		if !ok {
			continue
		}
		out[i].Type = typ
		query = append(query, t)
		at = append(at, i)
	}
	if len(query) == 0 {
		return out, nil
	}
	ctx, cancel := v.withTimeout(ctx)
	defer cancel()
	got, err := v.store.Get(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("vault reveal: %w", err)
	}
	if len(got) != len(query) {
		return nil, fmt.Errorf("vault reveal: store returned %d entries for %d tokens", len(got), len(query))
	}
	now := v.now()
	for j := range got {
		i := at[j]
		status, value, err := v.open(&got[j], query[j], out[i].Type, now)
		if err != nil {
			return nil, fmt.Errorf("vault reveal: token %d (%s): %w", i, out[i].Type, err)
		}
		out[i].Status, out[i].Value = status, value
	}
	return out, nil
}

// open decides the status of a stored entry and decrypts it when it is live.
func (v *Vault) open(e *StoredEntry, token, typ string, now time.Time) (Status, string, error) {
	switch {
	case !e.Found():
		return StatusUnknown, "", nil
	case e.Token != token || e.Type != typ:
		return 0, "", fmt.Errorf("%w: store returned an entry for another token or type", ErrIntegrity)
	case e.Erased():
		return StatusErased, "", nil
	case !now.Before(e.ExpiresAt):
		return StatusExpired, "", nil
	}
	value, err := v.keys.open(e.KeyID, e.Type, e.Token, e.Sealed)
	if err != nil {
		return 0, "", err
	}
	return StatusOK, value, nil
}

// Ping checks the backend.
func (v *Vault) Ping(ctx context.Context) error {
	ctx, cancel := v.withTimeout(ctx)
	defer cancel()
	return v.store.Ping(ctx)
}

// Close closes the backend.
func (v *Vault) Close() error { return v.store.Close() }

// Keyring returns the vault's keyring (for rotation tooling).
func (v *Vault) Keyring() *Keyring { return v.keys }
