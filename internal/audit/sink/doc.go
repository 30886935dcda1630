// Package sink holds the central audit sinks that collect the records of many proxy
// replicas: NATS JetStream and PostgreSQL. Both implement audit.Sink; the audit log forwards
// to them asynchronously from its spool, in order, and both deduplicate on (replica, seq), so
// a batch offered twice after a failure is stored once.
package sink
