package pgstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// maxAttempts bounds retries of one operation. Every Store operation is idempotent, so
// repeating one whose outcome is unknown (the connection died after sending) is safe.
const maxAttempts = 3

// run executes fn, retrying when the connection was lost or the transaction lost a
// deadlock or serialization race, and classifies the final error. After a lost
// connection the pool is reset: when the server restarted or an operator terminated our
// backends, every idle connection is dead, and handing them out one by one would fail
// the next calls too.
func (s *Store) run(ctx context.Context, op string, fn func(context.Context) error) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = fn(ctx)
		if err == nil {
			return nil
		}
		if attempt == maxAttempts || ctx.Err() != nil || !retryable(err) {
			break
		}
		if connectionLost(err) {
			s.pool.Reset()
		}
		t := time.NewTimer(time.Duration(attempt*attempt) * 20 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return classify(op, ctx.Err())
		case <-t.C:
		}
	}
	return classify(op, err)
}

func pgCode(err error) (string, bool) {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code, true
	}
	return "", false
}

// connectionLost: the server ended the session (admin shutdown, crash) or the network
// dropped it; not a timeout (a slow server is not fixed by reconnecting).
func connectionLost(err error) bool {
	if pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return false
	}
	code, isPg := pgCode(err)
	if !isPg {
		return true
	}
	return code[:2] == "08" || code == "57P01" || code == "57P02"
}

func retryable(err error) bool {
	if connectionLost(err) {
		return true
	}
	switch code, _ := pgCode(err); code {
	case "40001", "40P01", "57P03": // serialization failure, deadlock, server starting up
		return true
	}
	return false
}

// classify marks outages (anything that is not an SQL error from the server, plus the
// server-side classes that mean "cannot serve now") as ErrUnavailable. SQL errors are
// reported with their SQLSTATE; the statements never carry plaintext, and pgx prints only
// the server's message, so no value can appear.
func classify(op string, err error) error {
	if err == nil {
		return nil
	}
	code, isPg := pgCode(err)
	if !isPg {
		return backend.Unavailable(op, err)
	}
	switch code[:2] {
	case "08", "53", "57", "58", "40": // connection, resources, operator intervention, system, rollback
		return backend.Unavailable(op, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}
