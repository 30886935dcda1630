package vault

import (
	"crypto/hmac"
	"crypto/sha256"
	"github.com/hkpii/dingtalk-pii-proxy/internal/ident"
	"hash"
	"sync"
)

// Token format: tok_<type>_<body>
//
//   - <type> is the PII type id, [a-z][a-z0-9_]{0,31} (hkid, hk_phone, cn_id, ...);
//   - <body> is 26 characters of the lowercase RFC 4648 base32 alphabet (a–z, 2–7)
//     taken from HMAC-SHA-256(token key, type || 0x00 || normalised value), 5 bits
//     per character (130 bits), with one extra rule: the body never holds more than
//     MaxDigitRun consecutive digits (after three digits in a row the next character is
//     forced to a letter).
//
// Why the alphabet matters: tokens travel to DingTalk and come back inside free text, and
// the proxy's detectors run over that text again. Without 0, 1, 8 and 9 and with digit
// runs capped at three, no token body can contain the shape of an HK phone (8 digits),
// HKID (6 digits + check), card number, mainland ID or mobile, or a bank account, so a
// token is never itself flagged as personal data, masked a second time, or refused.
// Lowercase-only keeps tokens from looking like HKIDs or passports (upper-case letter
// prefixes) and lets reveal find them with a byte scan instead of a regexp.
const (
	TokenPrefix  = "tok_"
	BodyLen      = 26 // characters of base32 in a token body
	MaxTypeLen   = 32
	MaxDigitRun  = 3
	MaxTokenLen  = len(TokenPrefix) + MaxTypeLen + 1 + BodyLen
	base32Lower  = "abcdefghijklmnopqrstuvwxyz234567"
	minTokenLen  = len(TokenPrefix) + 1 + 1 + BodyLen
	tokenKeySize = 32
)

// TokenPattern is the documented shape of a token as an RE2 expression. FindTokens and
// ParseToken implement it without a regexp and add the two rules a regexp cannot say
// cheaply: at most MaxDigitRun digits in a row in the body, and no [A-Za-z0-9_] right
// after the body.
const TokenPattern = `tok_[a-z][a-z0-9_]{0,31}_[a-z2-7]{26}`

// UntypedType is the type of values tokenized by a field rule that declares no type and hold
// nothing a recognizer knows (tok_text_…). The rewrite tokenizes under it and data subject
// requests accept it by name: one spelling for both.
const UntypedType = "text"

// ValidType reports whether typ is a well-formed type id: [a-z][a-z0-9_]{0,31}.
func ValidType(typ string) bool { return ident.Valid(typ, MaxTypeLen) }

func isBodyByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '2' && c <= '7' }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// validBody checks the 26-character body: alphabet and digit-run cap.
func validBody[T string | []byte](b T) bool {
	if len(b) != BodyLen {
		return false
	}
	run := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !isBodyByte(c) {
			return false
		}
		if c <= '9' {
			run++
			if run > MaxDigitRun {
				return false
			}
		} else {
			run = 0
		}
	}
	return true
}

// ParseToken reports whether s is exactly one token and returns its type.
func ParseToken(s string) (typ string, ok bool) {
	if len(s) < minTokenLen || len(s) > MaxTokenLen || s[:len(TokenPrefix)] != TokenPrefix {
		return "", false
	}
	sep := len(s) - BodyLen - 1
	if s[sep] != '_' || !validBody(s[sep+1:]) {
		return "", false
	}
	typ = s[len(TokenPrefix):sep]
	if !ValidType(typ) {
		return "", false
	}
	return typ, true
}

// tokenizer derives tokens; it is safe for concurrent use.
type tokenizer struct {
	pool sync.Pool // of hash.Hash keyed with the token key
}

func newTokenizer(key []byte) *tokenizer {
	k := append([]byte(nil), key...)
	return &tokenizer{pool: sync.Pool{New: func() any { return hmac.New(sha256.New, k) }}}
}

// token derives the token of an already normalised value. typ must be valid.
func (t *tokenizer) token(typ, norm string) string {
	h := t.pool.Get().(hash.Hash)
	h.Reset()
	h.Write([]byte(typ))
	h.Write([]byte{0})
	h.Write([]byte(norm))
	var sum [sha256.Size]byte
	mac := h.Sum(sum[:0])
	t.pool.Put(h)

	buf := make([]byte, 0, len(TokenPrefix)+len(typ)+1+BodyLen)
	buf = append(buf, TokenPrefix...)
	buf = append(buf, typ...)
	buf = append(buf, '_')
	return string(appendBody(buf, mac))
}

// appendBody encodes the first 130 bits of mac as 26 base32 characters, forcing a letter
// after MaxDigitRun digits. The forced letter is the digit's index minus 26 (a–f): a tiny
// bias at rare positions (about 0.7% of tokens have one), which costs well under one bit.
func appendBody(dst, mac []byte) []byte {
	run := 0
	for i := 0; i < BodyLen; i++ {
		bit := i * 5
		v := (uint(mac[bit/8])<<8 | uint(mac[bit/8+1])) >> (11 - bit%8) & 31
		if v >= 26 {
			if run == MaxDigitRun {
				v -= 26
				run = 0
			} else {
				run++
			}
		} else {
			run = 0
		}
		dst = append(dst, base32Lower[v])
	}
	return dst
}
