// Package pgstore is the PostgreSQL vault backend, for several proxy replicas sharing
// one vault. One table holds entries and tombstones (a tombstone is a row whose
// ciphertext is NULL and erased_at is set), keyed by token, with a partial index on
// expires_at for Purge. Every batch is one statement (arrays through unnest), so it is
// one round trip and atomic; concurrent inserts of one token resolve with
// INSERT … ON CONFLICT, and the ciphertext is written exactly once.
package pgstore

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// Config selects the database and table.
type Config struct {
	DSN             string // postgres://… or key=value form
	Schema          string // default "pii_vault"; created if missing
	Table           string // default "entries"; created if missing
	ApplicationName string // shown in pg_stat_activity; default "dingtalk-pii-proxy-vault"
	MaxConns        int32  // pool size; 0 = pgx default (max(4, CPUs))
}

// Defaults for Config.
const (
	DefaultSchema          = "pii_vault"
	DefaultTable           = "entries"
	DefaultApplicationName = "dingtalk-pii-proxy-vault"
)

var (
	schemaRE = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)
	tableRE  = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,39}$`) // leaves room for the index name suffix
)

// Store is a backend.Store on PostgreSQL.
type Store struct {
	pool  *pgxpool.Pool
	table string // quoted "schema"."table"
	sql   statements
}

var _ backend.Store = (*Store)(nil)

// Open connects, creates the schema, table and index when missing, and returns the store.
// A database that does not answer yields ErrUnavailable.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Schema == "" {
		cfg.Schema = DefaultSchema
	}
	if cfg.Table == "" {
		cfg.Table = DefaultTable
	}
	if cfg.ApplicationName == "" {
		cfg.ApplicationName = DefaultApplicationName
	}
	if !schemaRE.MatchString(cfg.Schema) {
		return nil, fmt.Errorf("postgres vault: schema name must match %s", schemaRE)
	}
	if !tableRE.MatchString(cfg.Table) {
		return nil, fmt.Errorf("postgres vault: table name must match %s", tableRE)
	}
	pc, err := pgxpool.ParseConfig(cfg.DSN)
	if err != nil {
		// pgx's message can quote the DSN, password included: do not pass it on.
		return nil, errors.New("postgres vault: the DSN does not parse (check its syntax)")
	}
	pc.ConnConfig.RuntimeParams["application_name"] = cfg.ApplicationName
	if pc.ConnConfig.ConnectTimeout == 0 {
		pc.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	if cfg.MaxConns > 0 {
		pc.MaxConns = cfg.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, backend.Unavailable("postgres open", err)
	}
	s := &Store{pool: pool, table: pgx.Identifier{cfg.Schema, cfg.Table}.Sanitize()}
	s.sql = newStatements(s.table)
	if err := s.run(ctx, "postgres open", func(ctx context.Context) error {
		return s.migrate(ctx, cfg.Schema, cfg.Table)
	}); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// migrate creates what is missing. Replicas starting together would race on CREATE …
// IF NOT EXISTS (which can fail with a unique violation in the catalog), so the DDL runs
// under a transaction-scoped advisory lock named after the table.
func (s *Store) migrate(ctx context.Context, schema, table string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, "piivault:"+schema+"."+table); err != nil {
		return err
	}
	for _, q := range []string{
		`CREATE SCHEMA IF NOT EXISTS ` + pgx.Identifier{schema}.Sanitize(),
		`CREATE TABLE IF NOT EXISTS ` + s.table + ` (
			token      text PRIMARY KEY,
			type       text NOT NULL,
			key_id     text,
			sealed     bytea,
			first_seen timestamptz,
			last_seen  timestamptz,
			expires_at timestamptz,
			erased_at  timestamptz,
			CONSTRAINT entry_or_tombstone CHECK (
				(erased_at IS NULL) = (sealed IS NOT NULL AND key_id IS NOT NULL AND expires_at IS NOT NULL))
		)`,
		`CREATE INDEX IF NOT EXISTS ` + pgx.Identifier{table + "_expires_at_idx"}.Sanitize() +
			` ON ` + s.table + ` (expires_at) WHERE erased_at IS NULL`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// Table is the quoted, schema-qualified table name.
func (s *Store) Table() string { return s.table }

// Put implements backend.Store.
func (s *Store) Put(ctx context.Context, entries []backend.Entry) error {
	if err := backend.ValidateEntries(entries); err != nil {
		return fmt.Errorf("postgres put: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	batch := backend.Coalesce(entries) // sorted: equal lock order in every transaction
	n := len(batch)
	var (
		tokens, types, keyIDs = make([]string, n), make([]string, n), make([]string, n)
		sealed                = make([][]byte, n)
		first, last, expires  = make([]time.Time, n), make([]time.Time, n), make([]time.Time, n)
	)
	for i := range batch {
		e := &batch[i]
		tokens[i], types[i], keyIDs[i], sealed[i] = e.Token, e.Type, e.KeyID, e.Sealed
		first[i], last[i], expires[i] = e.FirstSeen, e.LastSeen, e.ExpiresAt
	}
	return s.run(ctx, "postgres put", func(ctx context.Context) error {
		_, err := s.pool.Exec(ctx, s.sql.put, tokens, types, keyIDs, sealed, first, last, expires)
		return err
	})
}

// Get implements backend.Store.
func (s *Store) Get(ctx context.Context, tokens []string) ([]backend.Entry, error) {
	out := make([]backend.Entry, len(tokens))
	if len(tokens) == 0 {
		return out, nil
	}
	err := s.run(ctx, "postgres get", func(ctx context.Context) error {
		rows, err := s.pool.Query(ctx, s.sql.get, tokens)
		if err != nil {
			return err
		}
		found := make(map[string]backend.Entry, len(tokens))
		for rows.Next() {
			e, err := scanEntry(rows)
			if err != nil {
				rows.Close()
				return err
			}
			found[e.Token] = e
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for i, t := range tokens {
			out[i] = found[t]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func scanEntry(rows pgx.Rows) (backend.Entry, error) {
	var (
		e                            backend.Entry
		keyID                        *string
		first, last, expires, erased *time.Time
	)
	if err := rows.Scan(&e.Token, &e.Type, &keyID, &e.Sealed, &first, &last, &expires, &erased); err != nil {
		return e, err
	}
	if keyID != nil {
		e.KeyID = *keyID
	}
	e.FirstSeen, e.LastSeen, e.ExpiresAt, e.ErasedAt = utc(first), utc(last), utc(expires), utc(erased)
	return e, nil
}

func utc(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// Reseal implements backend.Store.
func (s *Store) Reseal(ctx context.Context, batch []backend.Reseal) (int, error) {
	if err := backend.ValidateReseals(batch); err != nil {
		return 0, fmt.Errorf("postgres reseal: %w", err)
	}
	if len(batch) == 0 {
		return 0, nil
	}
	n := len(batch)
	tokens, oldIDs, newIDs, sealed := make([]string, n), make([]string, n), make([]string, n), make([][]byte, n)
	for i, r := range batch {
		tokens[i], oldIDs[i], newIDs[i], sealed[i] = r.Token, r.OldKeyID, r.NewKeyID, r.Sealed
	}
	var applied int
	err := s.run(ctx, "postgres reseal", func(ctx context.Context) error {
		tag, err := s.pool.Exec(ctx, s.sql.reseal, tokens, oldIDs, newIDs, sealed)
		applied = int(tag.RowsAffected())
		return err
	})
	return applied, err
}

// Tombstone implements backend.Store. The row keeps only (token, type, erased_at); the
// old row version holding the ciphertext stays in the heap until (auto)vacuum reclaims it.
func (s *Store) Tombstone(ctx context.Context, token, typ string, at time.Time) error {
	if token == "" || typ == "" || at.IsZero() {
		return fmt.Errorf("postgres tombstone: %w: empty token, type or time", backend.ErrInvalidBatch)
	}
	return s.run(ctx, "postgres tombstone", func(ctx context.Context) error {
		_, err := s.pool.Exec(ctx, s.sql.tombstone, token, typ, at)
		return err
	})
}

// Untombstone implements backend.Store.
func (s *Store) Untombstone(ctx context.Context, token string) (bool, error) {
	var existed bool
	err := s.run(ctx, "postgres untombstone", func(ctx context.Context) error {
		tag, err := s.pool.Exec(ctx, s.sql.untombstone, token)
		existed = tag.RowsAffected() > 0
		return err
	})
	return existed, err
}

const purgeChunk = 5000

// Purge implements backend.Store, deleting in chunks so that no statement holds many
// row locks; rows a concurrent Put holds are skipped and left for the next purge.
func (s *Store) Purge(ctx context.Context, now time.Time) (int, error) {
	total := 0
	for {
		var n int
		err := s.run(ctx, "postgres purge", func(ctx context.Context) error {
			tag, err := s.pool.Exec(ctx, s.sql.purge, now, purgeChunk)
			n = int(tag.RowsAffected())
			return err
		})
		if err != nil {
			return total, err
		}
		total += n
		if n < purgeChunk {
			return total, nil
		}
	}
}

const scanPage = 500

// Scan implements backend.Store with keyset pagination by token.
func (s *Store) Scan(ctx context.Context, fn func(backend.Entry) error) error {
	after := ""
	for {
		page := make([]backend.Entry, 0, scanPage)
		err := s.run(ctx, "postgres scan", func(ctx context.Context) error {
			page = page[:0]
			rows, err := s.pool.Query(ctx, s.sql.scan, after, scanPage)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				e, err := scanEntry(rows)
				if err != nil {
					return err
				}
				page = append(page, e)
			}
			return rows.Err()
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
			return nil
		}
		after = page[len(page)-1].Token
	}
}

// Stats implements backend.Store.
func (s *Store) Stats(ctx context.Context, now time.Time) (backend.Stats, error) {
	var st backend.Stats
	err := s.run(ctx, "postgres stats", func(ctx context.Context) error {
		var entries, erased, pending int64
		if err := s.pool.QueryRow(ctx, s.sql.stats, now, s.table).Scan(&entries, &erased, &pending, &st.SizeBytes); err != nil {
			return err
		}
		st.Entries, st.Erased, st.ExpiredPending = int(entries), int(erased), int(pending)
		return nil
	})
	return st, err
}

// Ping implements backend.Store.
func (s *Store) Ping(ctx context.Context) error {
	return s.run(ctx, "postgres ping", s.pool.Ping)
}

// closeWait bounds Close: pgx says goodbye to the server on every connection and waits
// for it, which during a network partition takes 15 s per attempt. Shutdown should not be
// held hostage by a dead network, so Close stops waiting (the pool finishes closing in
// the background).
const closeWait = 2 * time.Second

// Close implements backend.Store.
func (s *Store) Close() error {
	done := make(chan struct{})
	go func() {
		s.pool.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(closeWait):
	}
	return nil
}
