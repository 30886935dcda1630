package audit

import (
	"errors"
	"fmt"
	"github.com/hkpii/dingtalk-pii-proxy/internal/ident"
	"time"
)

// Record kinds.
const (
	KindCall       = "call"       // one proxied call
	KindCheckpoint = "checkpoint" // signed anchor of the chain (written by the log itself)
	KindRecovery   = "recovery"   // a torn tail was found at open (written by the log itself)
	KindErasure    = "erasure"    // a data subject's tokens were erased (DSAR)
	KindAdmin      = "admin"      // retention and other administrative events
)

// Decisions of a call record.
const (
	DecisionForwarded       = "forwarded"
	DecisionBlocked         = "blocked"
	DecisionDenied          = "denied"
	DecisionUnauthenticated = "unauthenticated"
	DecisionError           = "error"
)

// Record is one audit entry. It holds what the proxy did — counts by PII type and by action,
// field paths, ids of callers and routes, vault tokens (pseudonyms) — never a value.
//
// Append fills Seq, Time (when zero), Replica, Prev, Hash and MAC; Sig is set on checkpoints.
type Record struct {
	Seq         uint64
	Time        time.Time
	Kind        string
	Replica     string
	RequestID   string
	Caller      string
	Roles       []string
	Route       string
	Method      string
	Direction   string // request, response or both
	Upstream    string
	Region      string
	CrossBorder bool
	ClientNet   string // hk or other
	Status      int
	Decision    string
	Reason      string
	Counts      map[string]int // by PII type id, e.g. {"hkid":2}
	Actions     map[string]int // by action, e.g. {"mask":2,"redact":1}
	Paths       []string       // gjson paths touched (opt-in: Config.RecordPaths)
	Tokens      []string       // vault tokens issued or revealed (tok_<type>_…)
	LatencyMS   float64
	BytesIn     int64
	BytesOut    int64
	// Detail carries facts of non-call records (recovery: side file and byte count;
	// retention: the last deleted sequence). Keys and values are the log's own metadata.
	Detail map[string]string
	Prev   string // hex SHA-256 of the previous record (64 zeros before the first)
	Hash   string // hex SHA-256 of this record's canonical body (which includes Prev)
	MAC    string // hex HMAC-SHA-256 over Hash with the log's MAC key
	Sig    string // checkpoints: hex ed25519 signature over Hash
}

// Detail keys written by the log itself.
const (
	DetailSideFile     = "side_file"     // recovery: file holding the torn bytes
	DetailTornBytes    = "torn_bytes"    // recovery: how many bytes were cut off
	DetailTornOffset   = "torn_offset"   // recovery: where in the segment they started
	DetailSegment      = "segment"       // recovery: the segment that had the torn tail
	DetailThroughSeq   = "through_seq"   // retention: last sequence number deleted
	DetailSegments     = "segments"      // retention: how many segment files were deleted
	DetailOlderThan    = "older_than"    // retention: cut-off time
	ReasonTornTail     = "torn_tail"     // recovery record reason
	ReasonRetention    = "retention"     // admin record reason
	ReasonPeriodic     = "periodic"      // checkpoint reason
	ReasonClosed       = "closed"        // checkpoint written by Close
	ReasonSegmentStart = "segment_start" // checkpoint that opens a segment
)

// ErrInvalidRecord is returned (wrapped, naming the field) by Append for a record that does
// not satisfy the schema; the message never quotes the offending value.
var ErrInvalidRecord = errors.New("audit: invalid record")

const (
	maxIDLen    = 256
	maxPathLen  = 512
	maxListLen  = 256
	maxMapLen   = 128
	maxKeyLen   = 64
	maxDetailKV = 256
)

// validate checks a caller-supplied record. Free-form strings are bounded; map keys must be
// identifiers and tokens must have the vault's shape, so a value cannot slip in through a
// field meant for a type name or a pseudonym.
func (r *Record) validate() error {
	switch r.Kind {
	case KindCall, KindErasure, KindAdmin:
	case KindCheckpoint, KindRecovery:
		return fmt.Errorf("%w: kind %q is written by the log itself", ErrInvalidRecord, r.Kind)
	default:
		return fmt.Errorf("%w: unknown kind", ErrInvalidRecord)
	}
	if r.Kind == KindCall {
		switch r.Decision {
		case DecisionForwarded, DecisionBlocked, DecisionDenied, DecisionUnauthenticated, DecisionError:
		default:
			return fmt.Errorf("%w: field decision: unknown decision", ErrInvalidRecord)
		}
	}
	switch r.Direction {
	case "", "request", "response", "both":
	default:
		return fmt.Errorf("%w: field direction: want request, response or both", ErrInvalidRecord)
	}
	switch r.ClientNet {
	case "", "hk", "other":
	default:
		return fmt.Errorf("%w: field client_net: want hk or other", ErrInvalidRecord)
	}
	for _, f := range [...]struct{ name, v string }{
		{"request_id", r.RequestID}, {"caller", r.Caller}, {"route", r.Route}, {"method", r.Method},
		{"upstream", r.Upstream}, {"region", r.Region}, {"decision", r.Decision}, {"reason", r.Reason},
	} {
		if len(f.v) > maxIDLen {
			return fmt.Errorf("%w: field %s: longer than %d bytes", ErrInvalidRecord, f.name, maxIDLen)
		}
	}
	if r.Status < 0 || r.Status > 999 {
		return fmt.Errorf("%w: field status: out of range", ErrInvalidRecord)
	}
	if r.BytesIn < 0 || r.BytesOut < 0 {
		return fmt.Errorf("%w: field bytes_in/bytes_out: negative", ErrInvalidRecord)
	}
	if err := checkList("roles", r.Roles, maxIDLen); err != nil {
		return err
	}
	if err := checkList("paths", r.Paths, maxPathLen); err != nil {
		return err
	}
	if len(r.Tokens) > maxListLen {
		return fmt.Errorf("%w: field tokens: more than %d entries", ErrInvalidRecord, maxListLen)
	}
	for i, tok := range r.Tokens {
		if !IsToken(tok) {
			return fmt.Errorf("%w: field tokens[%d]: not a vault token (tok_<type>_<id>)", ErrInvalidRecord, i)
		}
	}
	if err := checkCounts("counts", r.Counts); err != nil {
		return err
	}
	if err := checkCounts("actions", r.Actions); err != nil {
		return err
	}
	if len(r.Detail) > maxMapLen {
		return fmt.Errorf("%w: field detail: more than %d entries", ErrInvalidRecord, maxMapLen)
	}
	for k, v := range r.Detail {
		if !isIdent(k) || len(v) > maxDetailKV {
			return fmt.Errorf("%w: field detail: bad key or over-long entry", ErrInvalidRecord)
		}
	}
	return nil
}

func checkList(name string, list []string, maxLen int) error {
	if len(list) > maxListLen {
		return fmt.Errorf("%w: field %s: more than %d entries", ErrInvalidRecord, name, maxListLen)
	}
	for i, s := range list {
		if s == "" || len(s) > maxLen {
			return fmt.Errorf("%w: field %s[%d]: empty or longer than %d bytes", ErrInvalidRecord, name, i, maxLen)
		}
	}
	return nil
}

func checkCounts(name string, m map[string]int) error {
	if len(m) > maxMapLen {
		return fmt.Errorf("%w: field %s: more than %d entries", ErrInvalidRecord, name, maxMapLen)
	}
	for k, v := range m {
		if !isIdent(k) {
			return fmt.Errorf("%w: field %s: a key is not an identifier ([a-z0-9_], at most %d bytes)", ErrInvalidRecord, name, maxKeyLen)
		}
		if v < 0 {
			return fmt.Errorf("%w: field %s: negative count", ErrInvalidRecord, name)
		}
	}
	return nil
}

// isIdent accepts PII type ids and action names: [a-z0-9_], starting with a letter.
func isIdent(s string) bool { return ident.Valid(s, maxKeyLen) }

// IsToken reports whether s has the shape of a vault token, tok_<type>_<id>, where type is a
// PII type id and id is 16–64 letters or digits. The check keeps anything that is not a
// pseudonym (a phone number, a name) out of the tokens field.
func IsToken(s string) bool {
	const prefix = "tok_"
	if len(s) < len(prefix)+3 || len(s) > 128 || s[:len(prefix)] != prefix {
		return false
	}
	rest := s[len(prefix):]
	cut := -1
	for i := len(rest) - 1; i >= 0; i-- {
		if rest[i] == '_' {
			cut = i
			break
		}
	}
	if cut <= 0 || !isIdent(rest[:cut]) {
		return false
	}
	id := rest[cut+1:]
	if len(id) < 16 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
