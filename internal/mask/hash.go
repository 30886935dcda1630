package mask

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"github.com/hkpii/dingtalk-pii-proxy/internal/ident"
	"hash"
	"sync"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// b32Alphabet is lower-case base32 (a hash body is unpadded base32 of the MAC's first bits):
// letters and the digits 2–7 only, so a hash can never contain a digit run that a phone or
// ID recognizer would take.
const b32Alphabet = "abcdefghijklmnopqrstuvwxyz234567"

// HashBodyLen is the number of base32 characters of a hash (130 bits).
const HashBodyLen = 26

// Hasher computes keyed hashes: `hash_<type>_<26 base32 chars>`, HMAC-SHA-256 over the type
// and the normalised value (the vault's normalisation, so A123456(3) and a1234563 hash alike).
// Equal values hash equally under one key — joins across records still work — and without
// the key a hash cannot be tested against guesses.
type Hasher struct {
	pool sync.Pool
}

// NewHasher returns a Hasher for key (at least 16 bytes).
func NewHasher(key []byte) (*Hasher, error) {
	if len(key) < 16 {
		return nil, errors.New("hash key must be at least 16 bytes")
	}
	k := append([]byte(nil), key...)
	h := &Hasher{}
	h.pool.New = func() any { return &hashState{mac: hmac.New(sha256.New, k)} }
	return h, nil
}

// hashState is a pooled MAC with its input buffer: a hash allocates nothing but its
// normalised value.
type hashState struct {
	mac hash.Hash
	in  []byte
	sum [sha256.Size]byte
}

// Append appends the hash of value as type t to dst.
func (h *Hasher) Append(dst []byte, t detect.Type, value []byte) []byte {
	hs := h.pool.Get().(*hashState)
	hs.in = append(append(append(hs.in[:0], t...), 0), vault.DefaultNormalize(string(t), string(value))...)
	hs.mac.Reset()
	hs.mac.Write(hs.in)
	mac := hs.mac.Sum(hs.sum[:0])
	var body [HashBodyLen]byte
	hashBody(&body, mac)
	h.pool.Put(hs)
	dst = append(dst, "hash_"...)
	dst = append(dst, t...)
	dst = append(dst, '_')
	return append(dst, body[:]...)
}

// hashBody writes the first HashBodyLen characters of the base32 encoding of mac: its first 130
// bits, five at a time, most significant first. Encoding only what is kept, without the
// general encoder's loop over all 32 bytes, is a fraction of the cost.
func hashBody(body *[HashBodyLen]byte, mac []byte) {
	_ = mac[16]
	for g := range 3 { // three 40-bit groups: 24 characters
		b := mac[g*5 : g*5+5]
		v := uint64(b[0])<<32 | uint64(b[1])<<24 | uint64(b[2])<<16 | uint64(b[3])<<8 | uint64(b[4])
		for i := range 8 {
			body[g*8+i] = b32Alphabet[v>>(35-5*i)&31]
		}
	}
	v := uint(mac[15])<<8 | uint(mac[16]) // and the first 10 bits of the fourth group
	body[24] = b32Alphabet[v>>11&31]
	body[25] = b32Alphabet[v>>6&31]
}

// IsHash reports whether s is already a hash made by a Hasher (hash_<type>_<26 base32>), so
// that hashing stays idempotent: a hashed value is never hashed again.
func IsHash(s []byte) bool {
	const prefix = "hash_"
	if len(s) < len(prefix)+2+HashBodyLen || string(s[:len(prefix)]) != prefix {
		return false
	}
	body := s[len(s)-HashBodyLen:]
	if s[len(s)-HashBodyLen-1] != '_' {
		return false
	}
	for _, c := range body {
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return ident.Rest(s[len(prefix) : len(s)-HashBodyLen-1])
}
