package sink

import (
	"context"
	"errors"
	"fmt"
	"github.com/hkpii/dingtalk-pii-proxy/internal/ident"
	"strings"
	"sync"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PostgresConfig configures the PostgreSQL sink.
type PostgresConfig struct {
	DSN   string // e.g. postgres://audit@db:5432/audit?sslmode=verify-full
	Table string // default audit_records; "schema.table" allowed; created when missing
}

// Postgres stores records in one table keyed by (replica, seq). The exact line is kept in
// "line", so the central copy verifies with the same keys; a few columns are extracted for
// queries. Inserts use ON CONFLICT DO NOTHING: a batch offered twice is stored once.
type Postgres struct {
	pool  *pgxpool.Pool
	table string // sanitized identifier

	mu      sync.Mutex
	created bool
}

// NewPostgres validates cfg and prepares a lazily connecting pool (the server may be down).
func NewPostgres(cfg PostgresConfig) (*Postgres, error) {
	if cfg.Table == "" {
		cfg.Table = "audit_records"
	}
	ident, err := tableIdent(cfg.Table)
	if err != nil {
		return nil, err
	}
	pc, err := pgxpool.ParseConfig(cfg.DSN)
	if err != nil {
		// pgx's message can echo the DSN, password included: keep it out.
		return nil, errors.New("sink: PostgreSQL DSN does not parse")
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), pc)
	if err != nil {
		return nil, fmt.Errorf("sink: PostgreSQL pool: %w", err)
	}
	return &Postgres{pool: pool, table: ident.Sanitize()}, nil
}

// tableIdent accepts [schema.]table with lower-case letters, digits and '_'.
func tableIdent(name string) (pgx.Identifier, error) {
	parts := strings.Split(name, ".")
	if len(parts) > 2 {
		return nil, errors.New("sink: table name: at most schema.table")
	}
	for _, p := range parts {
		if p == "" || len(p) > 63 || !(p[0] >= 'a' && p[0] <= 'z' || p[0] == '_') {
			return nil, errors.New("sink: table name: each part must start with a lower-case letter or '_' (at most 63 bytes)")
		}
		if !ident.Rest(p) {
			return nil, errors.New("sink: table name: only lower-case letters, digits and '_'")
		}
	}
	return pgx.Identifier(parts), nil
}

// Name implements audit.Sink.
func (p *Postgres) Name() string { return "postgres" }

// Table is the sanitized table identifier.
func (p *Postgres) Table() string { return p.table }

func (p *Postgres) ensureTable(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.created {
		return nil
	}
	_, err := p.pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+p.table+` (
		replica     text        NOT NULL,
		seq         bigint      NOT NULL,
		ts          timestamptz NOT NULL,
		kind        text        NOT NULL,
		caller      text        NOT NULL DEFAULT '',
		route       text        NOT NULL DEFAULT '',
		decision    text        NOT NULL DEFAULT '',
		hash        text        NOT NULL,
		line        text        NOT NULL,
		received_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (replica, seq)
	)`)
	if err != nil {
		return fmt.Errorf("creating table: %w", err)
	}
	p.created = true
	return nil
}

// Publish implements audit.Sink with one multi-row insert per batch.
func (p *Postgres) Publish(ctx context.Context, entries []audit.Entry) error {
	if err := p.ensureTable(ctx); err != nil {
		return err
	}
	n := len(entries)
	replica, kind, caller, route, decision, hash, line := make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	seq := make([]int64, n)
	ts := make([]time.Time, n)
	for i, e := range entries {
		r, err := audit.ParseLine(e.Line)
		if err != nil {
			return fmt.Errorf("seq %d: %w", e.Seq, err)
		}
		replica[i], seq[i], ts[i] = e.Replica, int64(e.Seq), r.Time
		kind[i], caller[i], route[i], decision[i], hash[i], line[i] = r.Kind, r.Caller, r.Route, r.Decision, r.Hash, string(e.Line)
	}
	// The final SELECT sees the table as it was before this statement's insert, so it finds
	// exactly the rows that already existed: equal hashes are retries (fine), different
	// hashes mean two different records claim one (replica, seq) — never silently kept.
	var conflicts int64
	err := p.pool.QueryRow(ctx, `WITH input AS (
			SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
				AS t(replica, seq, ts, kind, caller, route, decision, hash, line)
		), ins AS (
			INSERT INTO `+p.table+` (replica, seq, ts, kind, caller, route, decision, hash, line)
			SELECT * FROM input ON CONFLICT (replica, seq) DO NOTHING RETURNING 1
		)
		SELECT count(*) FROM input JOIN `+p.table+` AS old USING (replica, seq) WHERE old.hash <> input.hash`,
		replica, seq, ts, kind, caller, route, decision, hash, line).Scan(&conflicts)
	if err != nil {
		return fmt.Errorf("insert %d records from seq %d: %w", n, entries[0].Seq, err)
	}
	if conflicts > 0 {
		return fmt.Errorf("%d records from seq %d conflict with different records already stored for replica %q", conflicts, entries[0].Seq, entries[0].Replica)
	}
	return nil
}

// Close implements audit.Sink.
func (p *Postgres) Close() error {
	p.pool.Close()
	return nil
}
