package pgstore

// statements holds the SQL with the table name filled in once.
type statements struct {
	put, get, reseal, tombstone, untombstone, purge, scan, stats string
}

const columns = `token, type, key_id, sealed, first_seen, last_seen, expires_at, erased_at`

func newStatements(table string) statements {
	return statements{
		// The WHERE on DO UPDATE leaves tombstones alone (a legal erasure sticks) and skips
		// writing a new row version when nothing would change. The ciphertext is never in
		// the SET list: the first writer's ciphertext stays.
		put: `INSERT INTO ` + table + ` AS t (token, type, key_id, sealed, first_seen, last_seen, expires_at)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[],
			                     $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
			ON CONFLICT (token) DO UPDATE
			SET last_seen  = GREATEST(t.last_seen, EXCLUDED.last_seen),
			    expires_at = GREATEST(t.expires_at, EXCLUDED.expires_at)
			WHERE t.erased_at IS NULL
			  AND (EXCLUDED.last_seen > t.last_seen OR EXCLUDED.expires_at > t.expires_at)`,

		get: `SELECT ` + columns + ` FROM ` + table + ` WHERE token = ANY($1::text[])`,

		reseal: `UPDATE ` + table + ` AS t SET key_id = u.new_key, sealed = u.sealed
			FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[]) AS u(token, old_key, new_key, sealed)
			WHERE t.token = u.token AND t.key_id = u.old_key AND t.erased_at IS NULL`,

		tombstone: `INSERT INTO ` + table + ` AS t (token, type, erased_at) VALUES ($1, $2, $3)
			ON CONFLICT (token) DO UPDATE
			SET key_id = NULL, sealed = NULL, first_seen = NULL, last_seen = NULL, expires_at = NULL,
			    erased_at = COALESCE(t.erased_at, EXCLUDED.erased_at)`,

		untombstone: `DELETE FROM ` + table + ` WHERE token = $1 AND erased_at IS NOT NULL`,

		// The outer condition is re-checked after the row lock is taken, so an entry that
		// a concurrent Put just extended is not deleted.
		purge: `DELETE FROM ` + table + ` WHERE token IN (
				SELECT token FROM ` + table + `
				WHERE erased_at IS NULL AND expires_at <= $1
				LIMIT $2 FOR UPDATE SKIP LOCKED)
			AND erased_at IS NULL AND expires_at <= $1`,

		scan: `SELECT ` + columns + ` FROM ` + table + ` WHERE token > $1 ORDER BY token LIMIT $2`,

		stats: `SELECT count(*) FILTER (WHERE erased_at IS NULL),
			       count(*) FILTER (WHERE erased_at IS NOT NULL),
			       count(*) FILTER (WHERE erased_at IS NULL AND expires_at <= $1),
			       pg_total_relation_size($2::regclass)
			FROM ` + table,
	}
}
