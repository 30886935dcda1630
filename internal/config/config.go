// Package config reads the deployment configuration of `proxy serve`: listeners, TLS, the
// policy file, state, vault and audit backends, telemetry. (What may happen to personal
// data is the policy's business, not this file's: operators and privacy officers edit
// different files.)
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// Config is the serve configuration.
type Config struct {
	Listen          string            `yaml:"listen"`       // reverse-mode listener, e.g. 127.0.0.1:8080
	TLS             *TLS              `yaml:"tls"`          // HTTPS (and optional mTLS) on Listen
	AdminListen     string            `yaml:"admin_listen"` // /metrics, /dashboard, admin API; "" = off
	Policy          string            `yaml:"policy"`
	StateDir        string            `yaml:"state_dir"` // keys, embedded vault, audit, CA; created if missing
	Replica         string            `yaml:"replica"`   // name in audit records; default hostname
	Upstreams       map[string]string `yaml:"upstreams"` // override the policy's upstream URLs by name
	Forward         *Forward          `yaml:"forward"`
	Vault           Vault             `yaml:"vault"`
	Audit           Audit             `yaml:"audit"`
	Telemetry       Telemetry         `yaml:"telemetry"`
	Log             Log               `yaml:"log"`
	ShutdownTimeout Duration          `yaml:"shutdown_timeout"` // drain limit; default 30s

	dir string // directory of the file: relative paths are resolved against it
}

// TLS is a server certificate, and optionally a CA for client certificates (mTLS).
type TLS struct {
	Cert     string `yaml:"cert"`
	Key      string `yaml:"key"`
	ClientCA string `yaml:"client_ca"`
	// RequireClientCert refuses handshakes without a verified client certificate.
	RequireClientCert bool `yaml:"require_client_cert"`
}

// Forward is forward (HTTPS_PROXY) mode.
type Forward struct {
	Listen string `yaml:"listen"`
	// Hosts are the DingTalk host names intercepted (MITM); every other host is refused.
	Hosts  []string `yaml:"hosts"`
	CACert string   `yaml:"ca_cert"` // default <state_dir>/ca/ca.pem
	CAKey  string   `yaml:"ca_key"`  // default <state_dir>/ca/ca-key.pem
}

// Vault selects the token vault backend.
type Vault struct {
	Backend    string              `yaml:"backend"` // bolt (default), postgres, redis
	Path       string              `yaml:"path"`    // bolt file; default <state_dir>/vault.db
	DSN        string              `yaml:"dsn"`     // postgres
	Table      string              `yaml:"table"`   // postgres table / redis key prefix
	Addr       string              `yaml:"addr"`    // redis host:port
	KeyFile    string              `yaml:"key_file"`
	DefaultTTL Duration            `yaml:"default_ttl"`
	TypeTTL    map[string]Duration `yaml:"type_ttl"`
	PurgeEvery Duration            `yaml:"purge_every"` // scheduled purge; default 1h
}

// Audit configures the audit trail.
type Audit struct {
	Disabled        bool     `yaml:"disabled"`
	Dir             string   `yaml:"dir"` // default <state_dir>/audit
	KeyDir          string   `yaml:"key_dir"`
	SyncEvery       int      `yaml:"sync_every"`    // records per fsync; 0 or 1 = every record
	SyncInterval    Duration `yaml:"sync_interval"` // longest a record stays unsynced
	RecordPaths     bool     `yaml:"record_paths"`
	CheckpointEvery int      `yaml:"checkpoint_every"`
	MaxSegmentBytes int64    `yaml:"max_segment_bytes"`
	MaxSegmentAge   Duration `yaml:"max_segment_age"`
	Retention       Duration `yaml:"retention"`
	Sink            *Sink    `yaml:"sink"`
	Webhook         *Webhook `yaml:"webhook"`
}

// Sink forwards audit records to a central store (one of NATS or Postgres).
type Sink struct {
	NATS          string `yaml:"nats"`           // nats://127.0.0.1:4222
	Stream        string `yaml:"stream"`         // JetStream stream (default AUDIT)
	SubjectPrefix string `yaml:"subject_prefix"` // default "audit": records go to <prefix>.<replica>
	Postgres      string `yaml:"postgres"`       // DSN
	Table         string `yaml:"table"`          // default audit_records
	SpoolMax      int64  `yaml:"spool_max_bytes"`
}

// Webhook notifies a privacy officer when PII crosses the border in clear or a call is blocked.
type Webhook struct {
	URL        string `yaml:"url"`
	SecretFile string `yaml:"secret_file"` // HMAC key (hex or raw, at least 16 bytes)
}

// Telemetry exporters.
type Telemetry struct {
	OTLPEndpoint   string   `yaml:"otlp_endpoint"`   // http://host:4318: spans and metrics; "" = no OTLP
	MetricInterval Duration `yaml:"metric_interval"` // how often metrics are pushed over OTLP; default 60s
	ServiceName    string   `yaml:"service_name"`
}

// Log settings.
type Log struct {
	Level  string `yaml:"level"`  // debug, info (default), warn, error
	Format string `yaml:"format"` // json (default) or text
}

// Duration is a time.Duration written in Go syntax ("30s", "2160h").
type Duration time.Duration

// UnmarshalYAML parses Go duration syntax.
func (d *Duration) UnmarshalYAML(b []byte) error {
	s := strings.Trim(strings.TrimSpace(string(b)), `"'`)
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("bad duration %q (use Go syntax such as 30s, 15m, 2160h)", s)
	}
	*d = Duration(v)
	return nil
}

// Load reads a config file. Unknown keys are errors; relative paths are resolved against the
// file's directory.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	dec := yaml.NewDecoder(bytes.NewReader(data), yaml.DisallowUnknownField(), yaml.Strict())
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %s", path, oneLine(yaml.FormatError(err, false, false)))
	}
	c.dir = filepath.Dir(path)
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (c *Config) validate() error {
	var errs []error
	if c.Listen == "" {
		errs = append(errs, errors.New("listen: required (e.g. 127.0.0.1:8080)"))
	}
	if c.Policy == "" {
		errs = append(errs, errors.New("policy: required"))
	}
	if c.StateDir == "" {
		errs = append(errs, errors.New("state_dir: required"))
	}
	for name, u := range c.Upstreams {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			errs = append(errs, fmt.Errorf("upstreams.%s: not an absolute http(s) URL", name))
		}
	}
	switch c.Vault.Backend {
	case "", "bolt":
	case "postgres":
		if c.Vault.DSN == "" {
			errs = append(errs, errors.New("vault.dsn: required for the postgres backend"))
		}
	case "redis":
		if c.Vault.Addr == "" {
			errs = append(errs, errors.New("vault.addr: required for the redis backend"))
		}
	default:
		errs = append(errs, fmt.Errorf("vault.backend: %q is not one of bolt, postgres, redis", c.Vault.Backend))
	}
	if c.TLS != nil && (c.TLS.Cert == "" || c.TLS.Key == "") {
		errs = append(errs, errors.New("tls: cert and key are both required"))
	}
	if s := c.Audit.Sink; s != nil && (s.NATS == "") == (s.Postgres == "") {
		errs = append(errs, errors.New("audit.sink: set exactly one of nats or postgres"))
	}
	if w := c.Audit.Webhook; w != nil && (w.URL == "" || w.SecretFile == "") {
		errs = append(errs, errors.New("audit.webhook: url and secret_file are both required"))
	}
	if c.Forward != nil && c.Forward.Listen == "" {
		errs = append(errs, errors.New("forward.listen: required when forward is set"))
	}
	return errors.Join(errs...)
}

// Path resolves a path from the file against its directory ("" stays "").
func (c *Config) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.dir, p)
}

// State returns a path inside the state directory.
func (c *Config) State(elem ...string) string {
	return filepath.Join(append([]string{c.Path(c.StateDir)}, elem...)...)
}

// Or returns p resolved, or def when p is empty.
func (c *Config) Or(p, def string) string {
	if p == "" {
		return def
	}
	return c.Path(p)
}
