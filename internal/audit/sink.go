package audit

import (
	"context"
	"errors"
)

// Entry is one record on its way to a central sink: the exact line the local log holds
// (so the sink's copy verifies with the same keys) and the identity that makes delivery
// idempotent.
type Entry struct {
	Replica string
	Seq     uint64
	Line    []byte // canonical JSON line without the trailing newline
}

// Sink is a central collector shared by many replicas. Records reach it only after they are
// durable in the local log, in sequence order, in batches. Publish must be idempotent per
// (Replica, Seq): after a failure the same entries are sent again.
type Sink interface {
	// Name identifies the sink in stats and errors ("nats", "postgres").
	Name() string
	// Publish delivers entries in order. It returns nil only when all of them are stored.
	Publish(ctx context.Context, entries []Entry) error
	Close() error
}

// ErrSpoolFull is returned by Append when the central sink has been unreachable for so long
// that the bounded spool holds SpoolMaxBytes of unforwarded records. The record is NOT
// written: the proxy must refuse the call (fail closed) until the sink catches up.
var ErrSpoolFull = errors.New("audit: sink spool is full (central sink unreachable); refusing to append")
