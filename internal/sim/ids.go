package sim

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
)

// Every id the simulator makes up (request ids, tokens, task ids, instance ids) is derived
// from the seed and the request or a counter, never from a clock or a random source, so two
// simulators with the same seed answer the same request sequence with the same bytes.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv is a 64-bit FNV-1a hash that can be fed strings and byte slices without allocating.
type fnv uint64

func newFNV(seed uint64) fnv {
	h := fnv(fnvOffset)
	for i := 0; i < 8; i++ {
		h = (h ^ fnv(byte(seed>>(8*i)))) * fnvPrime
	}
	return h
}

func (h fnv) str(s string) fnv {
	for i := 0; i < len(s); i++ {
		h = (h ^ fnv(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator, so ("ab","c") and ("a","bc") differ
}

func (h fnv) bytes(b []byte) fnv {
	for _, c := range b {
		h = (h ^ fnv(c)) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func (h fnv) int(n uint64) fnv {
	for i := 0; i < 8; i++ {
		h = (h ^ fnv(byte(n>>(8*i)))) * fnvPrime
	}
	return h
}

// mix spreads the bits of an FNV state (FNV's low bits are weak for short inputs).
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb93fe53e4ec1
	x ^= x >> 33
	return x
}

const base36 = "0123456789abcdefghijklmnopqrstuvwxyz"

// legacyRequestID renders h like oapi's request_id: 12 lower-case base-36 characters
// ("3k9xh2mf0q7a").
func legacyRequestID(h uint64) string {
	var b [12]byte
	x := mix(h)
	for i := range b {
		b[i] = base36[x%36]
		x /= 36
		if x == 0 {
			x = mix(h + uint64(i) + 1)
		}
	}
	return string(b[:])
}

// newRequestID renders h like api.dingtalk.com's requestid: an upper-case UUID
// ("01A08FE7-CD6B-79BB-8B2E-35D8768AD457").
func newRequestID(h uint64) string {
	return formatUUID(mix(h), mix(h^0x9e3779b97f4a7c15), true)
}

// formatUUID writes two 64-bit halves as 8-4-4-4-12 hex, upper or lower case.
func formatUUID(hi, lo uint64, upper bool) string {
	var raw [16]byte
	binary.BigEndian.PutUint64(raw[:8], hi)
	binary.BigEndian.PutUint64(raw[8:], lo)
	digits := "0123456789abcdef"
	if upper {
		digits = "0123456789ABCDEF"
	}
	var b [36]byte
	j := 0
	for i, c := range raw {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b[j] = '-'
			j++
		}
		b[j], b[j+1] = digits[c>>4], digits[c&0xf]
		j += 2
	}
	return string(b[:])
}

// uuid4 renders h as a lower-case random-style (version 4) UUID, like DingTalk's process
// instance ids ("a171de6c-8bf8-4bd0-b0d6-15cbd3a6a2fa").
func uuid4(h uint64) string {
	hi, lo := mix(h), mix(h^0x9e3779b97f4a7c15)
	hi = hi&^0xf000 | 0x4000
	lo = lo&^(0xc<<60) | 0x8<<60
	return formatUUID(hi, lo, false)
}

// secretID derives an unguessable-looking 32-hex-character value (tokens) from the seed and
// a purpose; SHA-256 so tokens of different apps or epochs share no visible structure.
func secretID(seed uint64, parts ...string) string {
	h := sha256.New()
	var s [8]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	h.Write(s[:])
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// itoa is strconv.Itoa for the int64 ids of this package.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
