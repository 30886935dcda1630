package vault

import (
	"errors"
	"fmt"
	"time"
)

// Backend names accepted in Config.Backend.
const (
	BackendBolt     = "bolt"
	BackendPostgres = "postgres"
	BackendRedis    = "redis"
)

// Config describes a vault for Open: backend, where it lives, keys and retention. The
// yaml/json names are what the proxy's configuration file uses (docs/vault.md).
type Config struct {
	// Backend is "bolt" (default: one embedded file), "postgres" or "redis".
	Backend string `yaml:"backend" json:"backend"`

	// Path is the bolt file (default "vault.db"); created with mode 0600 on first run.
	Path string `yaml:"path" json:"path"`

	// DSN is the PostgreSQL connection string. Schema and Table name the table (created
	// if missing; defaults pii_vault.entries). ApplicationName shows in pg_stat_activity.
	DSN             string `yaml:"dsn" json:"dsn"`
	Schema          string `yaml:"schema" json:"schema"`
	Table           string `yaml:"table" json:"table"`
	ApplicationName string `yaml:"application_name" json:"application_name"`

	// Addr is the Redis server (host:port or redis:// URL); Prefix its key prefix
	// (default piivault).
	Addr   string `yaml:"addr" json:"addr"`
	Prefix string `yaml:"prefix" json:"prefix"`

	// KeyFile is the keyring file. Empty: the keyring comes from the environment
	// (PROXY_VAULT_TOKEN_KEY, PROXY_VAULT_KEYS, PROXY_VAULT_ACTIVE_KEY); with the bolt
	// backend and no such variables, from Path + ".keys", created on first run. With
	// postgres or redis the keyring must already exist (file or environment) and be
	// the same on every replica; it is never generated.
	KeyFile string `yaml:"key_file" json:"key_file"`

	// DefaultTTL is the retention of entries whose type has no TTL (0 = 90 days);
	// TypeTTL overrides it per type id.
	DefaultTTL time.Duration            `yaml:"default_ttl" json:"default_ttl"`
	TypeTTL    map[string]time.Duration `yaml:"type_ttl" json:"type_ttl"`

	// Timeout bounds each vault call (0 = 5s): past it the call fails with ErrUnavailable.
	Timeout time.Duration `yaml:"timeout" json:"timeout"`

	// Programmatic hooks (not in configuration files).
	Normalize NormalizeFunc    `yaml:"-" json:"-"`
	Clock     func() time.Time `yaml:"-" json:"-"`
}

// Validate reports every problem at once, each prefixed with its field name.
func (c *Config) Validate() error {
	var errs []error
	add := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: %s: %s", ErrInvalid, field, fmt.Sprintf(format, args...)))
	}
	switch c.Backend {
	case "", BackendBolt:
		if c.DSN != "" || c.Addr != "" {
			add("backend", "bolt does not use dsn or addr (did you mean backend: postgres or redis?)")
		}
	case BackendPostgres:
		if c.DSN == "" {
			add("dsn", "required for backend postgres")
		}
	case BackendRedis:
		if c.Addr == "" {
			add("addr", "required for backend redis")
		}
	default:
		add("backend", "unknown backend %q (want bolt, postgres or redis)", c.Backend)
	}
	if c.Timeout < 0 {
		add("timeout", "negative")
	}
	if err := validateTTLs(c.DefaultTTL, c.TypeTTL); err != nil {
		errs = append(errs, fmt.Errorf("default_ttl/type_ttl: %w", err))
	}
	return errors.Join(errs...)
}

func (c *Config) backend() string {
	if c.Backend == "" {
		return BackendBolt
	}
	return c.Backend
}

func (c *Config) boltPath() string {
	if c.Path == "" {
		return "vault.db"
	}
	return c.Path
}
