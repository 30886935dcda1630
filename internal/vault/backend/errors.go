package backend

import (
	"context"
	"errors"
	"fmt"
)

// ErrUnavailable marks errors caused by a backend that cannot be reached or cannot serve
// right now (server down, connection lost, deadline exceeded, store closed, file locked
// by another process, disk failing). The proxy maps it to 503 and fails closed. It is
// always wrapped together with the cause, so errors.Is finds both.
var ErrUnavailable = errors.New("vault backend unavailable")

// ErrInvalidBatch marks a batch a store refused before writing anything (empty token,
// missing ciphertext, zero expiry). It is a programming error in the caller, not an outage.
var ErrInvalidBatch = errors.New("invalid vault batch")

// ErrCorrupt marks stored data that cannot be decoded.
var ErrCorrupt = errors.New("vault data corrupt")

// Unavailable wraps cause as an ErrUnavailable for operation op ("postgres put", ...).
// A context that the caller cancelled is reported as cancellation, not as an outage: the
// caller left, the backend did not fail.
func Unavailable(op string, cause error) error {
	if errors.Is(cause, context.Canceled) {
		return fmt.Errorf("%s: %w", op, cause)
	}
	return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, cause)
}

// ValidateEntries checks a Put batch before any write so that a bad entry anywhere in it
// rejects the whole batch. Messages name positions, never values.
func ValidateEntries(entries []Entry) error {
	for i := range entries {
		e := &entries[i]
		switch {
		case e.Token == "":
			return fmt.Errorf("%w: entry %d: empty token", ErrInvalidBatch, i)
		case e.Type == "":
			return fmt.Errorf("%w: entry %d: empty type", ErrInvalidBatch, i)
		case e.KeyID == "":
			return fmt.Errorf("%w: entry %d: empty key id", ErrInvalidBatch, i)
		case len(e.Sealed) == 0:
			return fmt.Errorf("%w: entry %d: no ciphertext", ErrInvalidBatch, i)
		case e.ExpiresAt.IsZero() || e.FirstSeen.IsZero() || e.LastSeen.IsZero():
			return fmt.Errorf("%w: entry %d: zero timestamp", ErrInvalidBatch, i)
		case e.Erased():
			return fmt.Errorf("%w: entry %d: Put cannot write a tombstone", ErrInvalidBatch, i)
		}
	}
	return nil
}

// ValidateReseals checks a Reseal batch before any write.
func ValidateReseals(batch []Reseal) error {
	for i := range batch {
		r := &batch[i]
		switch {
		case r.Token == "":
			return fmt.Errorf("%w: reseal %d: empty token", ErrInvalidBatch, i)
		case r.OldKeyID == "" || r.NewKeyID == "":
			return fmt.Errorf("%w: reseal %d: empty key id", ErrInvalidBatch, i)
		case len(r.Sealed) == 0:
			return fmt.Errorf("%w: reseal %d: no ciphertext", ErrInvalidBatch, i)
		}
	}
	return nil
}
