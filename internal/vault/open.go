package vault

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/boltstore"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/pgstore"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/redisstore"
)

// Open validates cfg, loads (or, for bolt, creates) the keyring, opens the backend and
// returns the Vault. A backend that does not answer yields an error wrapping
// ErrUnavailable.
func Open(ctx context.Context, cfg Config) (*Vault, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("vault config: %w", err)
	}
	keys, err := cfg.loadKeyring(os.LookupEnv)
	if err != nil {
		return nil, err
	}
	opts := Options{DefaultTTL: cfg.DefaultTTL, TypeTTL: cfg.TypeTTL, Normalize: cfg.Normalize,
		Clock: cfg.Clock, Timeout: cfg.Timeout}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	octx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	var store Store
	switch cfg.backend() {
	case BackendBolt:
		store, err = boltstore.Open(cfg.boltPath(), boltstore.Options{})
	case BackendPostgres:
		store, err = pgstore.Open(octx, pgstore.Config{DSN: cfg.DSN, Schema: cfg.Schema, Table: cfg.Table,
			ApplicationName: cfg.ApplicationName})
	case BackendRedis:
		store, err = redisstore.Open(octx, redisstore.Config{Addr: cfg.Addr, Prefix: cfg.Prefix})
	}
	if err != nil {
		return nil, fmt.Errorf("vault open (%s): %w", cfg.backend(), err)
	}
	v, err := New(store, keys, opts)
	if err != nil {
		store.Close()
		return nil, err
	}
	return v, nil
}

// loadKeyring applies the key-source rules documented on Config.KeyFile.
func (c *Config) loadKeyring(lookup func(string) (string, bool)) (*Keyring, error) {
	embedded := c.backend() == BackendBolt
	if c.KeyFile != "" {
		if embedded {
			k, _, err := LoadOrCreateKeyringFile(c.KeyFile)
			return k, err
		}
		return LoadKeyringFile(c.KeyFile)
	}
	k, err := KeyringFromEnv(lookup)
	if err == nil || !errors.Is(err, ErrNoKeys) {
		return k, err
	}
	if embedded {
		k, _, err := LoadOrCreateKeyringFile(c.boltPath() + ".keys")
		return k, err
	}
	return nil, fmt.Errorf("%w: backend %s needs key_file or %s/%s, identical on every replica",
		ErrNoKeys, c.backend(), EnvTokenKey, EnvKeys)
}
