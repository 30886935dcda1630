// Package audit is the proxy's tamper-evident audit trail: one Record per proxied call,
// appended to segment files as canonical JSON lines, each chained to the one before by a
// SHA-256 hash and authenticated with an HMAC-SHA-256; signed ed25519 checkpoints anchor the
// chain. Records hold counts, ids, types and paths — never personal data values.
//
// Layout of a log directory (see docs/audit.md):
//
//	audit.json                          manifest: replica, key files, public key
//	head.json                           the last durable signed checkpoint
//	seg-<first seq, 20 digits>.jsonl    segments; each starts with a signed checkpoint
//	seg-….jsonl.<offset>.torn           bytes of a torn final record cut off at open
//	spool/                              records not yet acknowledged by the central sink
//
// Entry points: Open/Append/Close for the proxy, Verify and Walk for `proxy audit verify` and
// the exporter (package export), Sink for central collection (package sink).
package audit
