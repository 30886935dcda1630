package pgstore

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

func TestClassifyAndRetry(t *testing.T) {
	pg := func(code string) error { return &pgconn.PgError{Severity: "ERROR", Code: code, Message: "m"} }
	for _, tc := range []struct {
		name                     string
		err                      error
		unavailable, retry, lost bool
	}{
		{"eof", io.ErrUnexpectedEOF, true, true, true},
		{"admin shutdown", pg("57P01"), true, true, true},
		{"connection failure", pg("08006"), true, true, true},
		{"starting up", pg("57P03"), true, true, false},
		{"too many connections", pg("53300"), true, false, false},
		{"deadlock", pg("40P01"), true, true, false},
		{"serialization", pg("40001"), true, true, false},
		{"deadline", context.DeadlineExceeded, true, false, false},
		{"syntax error", pg("42601"), false, false, false},
		{"check violation", pg("23514"), false, false, false},
		{"raised by a trigger", pg("P0001"), false, false, false},
	} {
		err := classify("postgres op", tc.err)
		if errors.Is(err, backend.ErrUnavailable) != tc.unavailable {
			t.Errorf("%s: classify = %v, want unavailable %v", tc.name, err, tc.unavailable)
		}
		if retryable(tc.err) != tc.retry || connectionLost(tc.err) != tc.lost {
			t.Errorf("%s: retryable %v lost %v, want %v %v", tc.name, retryable(tc.err), connectionLost(tc.err), tc.retry, tc.lost)
		}
	}
}
