package admin

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

// Config wires the admin handler to the rest of the proxy.
type Config struct {
	// Plan returns the policy in force (it changes on reload). Admin callers are the
	// policy's callers holding AdminRole. Required.
	Plan      func() *policy.Plan
	AdminRole string // default "admin"

	// Telemetry serves /metrics and the component health; nil: /metrics answers 404.
	Telemetry *telemetry.T

	// AuditDir is the audit log directory ("" = no audit section, no export).
	AuditDir string
	// AuditVerify carries the key files for verification and export (default: the
	// manifest's). Its Progress is ignored.
	AuditVerify audit.VerifyOptions
	// VerifyEvery is how often the chain is verified in the background (default 10m;
	// negative: only at start and when an admin asks).
	VerifyEvery time.Duration

	// Vault reports the vault's size and retention; nil = no vault section.
	Vault func(context.Context) (VaultInfo, error)

	// Mount adds endpoints served behind the same admin check (key or session), pattern →
	// handler, e.g. "POST /admin/dsar/" → dsar.Handler(svc, admin.Caller). Patterns use
	// http.ServeMux syntax and must not overlap the dashboard's own.
	Mount map[string]http.Handler

	Location      *time.Location // times on the page and in date inputs; default time.Local
	SessionTTL    time.Duration  // a login lasts this long; default 8h
	SecureCookie  bool           // mark the session cookie Secure (set when the admin listener is HTTPS)
	RecentRecords int            // audit records in the table; default 50
	Logger        *slog.Logger   // default slog.Default()
	Now           func() time.Time
}

// VaultInfo is what the dashboard shows about the token vault: counts and settings only.
type VaultInfo struct {
	Backend          string                   `json:"backend"`
	Entries          int                      `json:"entries"`         // live entries (expired ones not yet purged included)
	Erased           int                      `json:"erased"`          // tombstones of erased subjects
	ExpiredPending   int                      `json:"expired_pending"` // past retention, waiting for the next purge
	SizeBytes        int64                    `json:"size_bytes"`      // -1 when the backend does not know
	DefaultRetention time.Duration            `json:"default_retention_ns"`
	TypeRetention    map[string]time.Duration `json:"type_retention_ns,omitempty"`
	PurgeEvery       time.Duration            `json:"purge_every_ns"`
	LastPurge        time.Time                `json:"last_purge"` // zero: unknown
}

func (c *Config) setDefaults() error {
	if c.Plan == nil {
		return errors.New("admin: Config.Plan is required")
	}
	if c.AdminRole == "" {
		c.AdminRole = "admin"
	}
	if c.VerifyEvery == 0 {
		c.VerifyEvery = 10 * time.Minute
	}
	if c.Location == nil {
		c.Location = time.Local
	}
	if c.SessionTTL <= 0 {
		c.SessionTTL = 8 * time.Hour
	}
	if c.RecentRecords <= 0 {
		c.RecentRecords = 50
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return nil
}
