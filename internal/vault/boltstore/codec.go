package boltstore

import (
	"encoding/binary"
	"fmt"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// On-disk encodings. Entry value (bucket "entries", key = token):
//
//	0x01 | uvarint len(type) | type | uvarint len(keyID) | keyID
//	     | varint first_seen µs | varint last_seen µs | varint expires_at µs
//	     | uvarint len(sealed) | sealed
//
// Tombstone value (bucket "tombstones", key = token):
//
//	0x01 | uvarint len(type) | type | varint erased_at µs
//
// Expiry index key (bucket "expiry"): 8-byte big-endian expires_at µs | token, empty
// value, so a cursor from the start visits entries in expiry order.
const codecVersion = 1

func encodeEntry(e *backend.Entry) []byte {
	b := make([]byte, 0, 1+3*binary.MaxVarintLen64+len(e.Type)+len(e.KeyID)+len(e.Sealed)+8)
	b = append(b, codecVersion)
	b = appendString(b, e.Type)
	b = appendString(b, e.KeyID)
	b = binary.AppendVarint(b, backend.Micros(e.FirstSeen))
	b = binary.AppendVarint(b, backend.Micros(e.LastSeen))
	b = binary.AppendVarint(b, backend.Micros(e.ExpiresAt))
	b = appendString(b, string(e.Sealed))
	return b
}

// decodeEntry decodes an entry value; the result does not alias b (bolt memory is only
// valid inside its transaction).
func decodeEntry(token string, b []byte) (backend.Entry, error) {
	d := decoder{b: b}
	if d.byte() != codecVersion {
		return backend.Entry{}, d.fail("entry", "unknown version")
	}
	e := backend.Entry{Token: token}
	e.Type = d.string()
	e.KeyID = d.string()
	e.FirstSeen = backend.FromMicros(d.varint())
	e.LastSeen = backend.FromMicros(d.varint())
	e.ExpiresAt = backend.FromMicros(d.varint())
	e.Sealed = []byte(d.string())
	if d.err != nil || len(d.b) != 0 {
		return backend.Entry{}, d.fail("entry", "malformed")
	}
	return e, nil
}

func encodeTombstone(typ string, at int64) []byte {
	b := make([]byte, 0, 1+len(typ)+2*binary.MaxVarintLen64)
	b = append(b, codecVersion)
	b = appendString(b, typ)
	return binary.AppendVarint(b, at)
}

func decodeTombstone(token string, b []byte) (backend.Entry, error) {
	d := decoder{b: b}
	if d.byte() != codecVersion {
		return backend.Entry{}, d.fail("tombstone", "unknown version")
	}
	e := backend.Entry{Token: token}
	e.Type = d.string()
	e.ErasedAt = backend.FromMicros(d.varint())
	if d.err != nil || len(d.b) != 0 || e.ErasedAt.IsZero() {
		return backend.Entry{}, d.fail("tombstone", "malformed")
	}
	return e, nil
}

func expiryKey(expires int64, token string) []byte {
	k := make([]byte, 8, 8+len(token))
	binary.BigEndian.PutUint64(k, uint64(max(expires, 0)))
	return append(k, token...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what, why string) error {
	return fmt.Errorf("%w: bolt %s record %s", backend.ErrCorrupt, what, why)
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.b) == 0 {
		d.err = errShort
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 || n != varintLen(v) { // reject overlong encodings: one entry, one encoding
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	if d.err != nil {
		return ""
	}
	n, k := binary.Uvarint(d.b)
	if k <= 0 || k != uvarintLen(n) || n > uint64(len(d.b)-k) {
		d.err = errShort
		return ""
	}
	s := string(d.b[k : k+int(n)])
	d.b = d.b[k+int(n):]
	return s
}

var errShort = fmt.Errorf("short record")

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

func varintLen(v int64) int {
	ux := uint64(v) << 1
	if v < 0 {
		ux = ^ux
	}
	return uvarintLen(ux)
}
