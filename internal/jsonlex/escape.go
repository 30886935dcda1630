package jsonlex

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Unescape appends the decoded form of a valid JSON string body (without quotes) to dst.
// Lone surrogates decode to U+FFFD, as encoding/json does.
func Unescape(dst, raw []byte) []byte {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			j := backslashAt(raw, i+1)
			dst = append(dst, raw[i:j]...)
			i = j
			continue
		}
		if i+1 >= len(raw) {
			return append(dst, raw[i:]...) // not reachable for lexed strings
		}
		switch raw[i+1] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, size := decodeU(raw[i:])
			dst = utf8.AppendRune(dst, r)
			i += size
			continue
		default: // '"', '\\', '/'
			dst = append(dst, raw[i+1])
		}
		i += 2
	}
	return dst
}

// decodeU decodes a \uXXXX escape (and a following low surrogate) at the start of b and
// returns the rune and the number of raw bytes consumed.
func decodeU(b []byte) (rune, int) {
	if len(b) < 6 {
		return utf8.RuneError, len(b)
	}
	r := rune(hex4(b[2:6]))
	if utf16.IsSurrogate(r) {
		if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' && isHex4(b[8:12]) {
			if r2 := utf16.DecodeRune(r, rune(hex4(b[8:12]))); r2 != utf8.RuneError {
				return r2, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

func hex4(b []byte) uint16 {
	var v uint16
	for _, c := range b[:4] {
		v <<= 4
		switch {
		case c >= '0' && c <= '9':
			v |= uint16(c - '0')
		case c >= 'a' && c <= 'f':
			v |= uint16(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			v |= uint16(c - 'A' + 10)
		}
	}
	return v
}

// RawOffset maps an offset in the decoded text of raw (a valid JSON string body) to the
// offset in raw where the decoded byte comes from. Offsets inside a multi-byte escape map to
// the escape's start; the decoded length maps to len(raw).
func RawOffset(raw []byte, decoded int) int {
	d := 0
	for i := 0; i < len(raw); {
		if d >= decoded {
			return i
		}
		if raw[i] != '\\' {
			i++
			d++
			continue
		}
		if raw[i+1] == 'u' {
			r, size := decodeU(raw[i:])
			n := utf8.RuneLen(r)
			if n < 0 {
				n = 3
			}
			if d+n > decoded {
				return i
			}
			d += n
			i += size
			continue
		}
		d++
		i += 2
	}
	return len(raw)
}

const hexDigits = "0123456789abcdef"

// isPlain marks the bytes a JSON string holds as they are: ASCII but '"', '\\' and the
// control characters.
var isPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendString appends text as a quoted JSON string. It escapes only what JSON requires
// (quote, backslash, control characters); invalid UTF-8 becomes U+FFFD (written as the
// character, so that decoding and encoding again gives the same bytes: the audit log's
// canonical form relies on it). The output is always valid JSON and valid UTF-8.
func AppendString(dst, text []byte) []byte {
	dst = append(dst, '"')
	dst = AppendStringBody(dst, text)
	return append(dst, '"')
}

// AppendQuoted is AppendString for a string (no copy is made).
func AppendQuoted(dst []byte, s string) []byte {
	return AppendString(dst, unsafe.Slice(unsafe.StringData(s), len(s)))
}

// AppendStringBody is AppendString without the quotes. Plain ASCII is skipped eight bytes
// at a time and a run of non-ASCII bytes is validated as a whole (re-encoding CJK text
// rune by rune dominated the rewrite of JSON held in strings).
func AppendStringBody(dst, text []byte) []byte {
	text = text[:len(text):len(text)] // for the bounds checks of text[j:j+3:j+3]
	start := 0
	for i := 0; i < len(text); {
		i = plainEnd(text, i)
		for i < len(text) && isPlain[text[i]] {
			i++ // the last few bytes, fewer than eight
		}
		if i == len(text) {
			break
		}
		c := text[i]
		if c >= utf8.RuneSelf {
			// A valid sequence never spans an ASCII byte, so a run of high bytes is valid
			// on its own or not at all; only an invalid run is decoded rune by rune. CJK
			// text is checked here: three-byte characters whose lead byte allows neither an
			// overlong form nor a surrogate. A run holding anything else goes to utf8.Valid.
			j := i
			for uint(j+3) <= uint(len(text)) {
				b := text[j : j+3 : j+3] // one bounds check for the three bytes
				if b[0]-0xE1 > 0xEF-0xE1 || b[0] == 0xED || b[1]&0xC0 != 0x80 || b[2]&0xC0 != 0x80 {
					break
				}
				j += 3
			}
			if j == len(text) || text[j] < utf8.RuneSelf {
				i = j
				continue
			}
			for j < len(text) && text[j] >= utf8.RuneSelf {
				j++
			}
			if utf8.Valid(text[i:j]) {
				i = j
				continue
			}
			for i < j {
				r, size := utf8.DecodeRune(text[i:j])
				if r == utf8.RuneError && size == 1 {
					dst = append(dst, text[start:i]...)
					dst = append(dst, "\uFFFD"...)
					i++
					start = i
					continue
				}
				i += size
			}
			continue
		}
		dst = append(dst, text[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	return append(dst, text[start:]...)
}

// backslashAt returns the offset of the first '\\' in raw from i on, or len(raw). The bytes
// are tested eight at a time: a backslash is a zero byte of w^'\\'…, and the lowest byte
// flagged is exact (a borrow only flags bytes above a zero byte).
func backslashAt(raw []byte, i int) int {
	for i < len(raw)-7 {
		w := binary.LittleEndian.Uint64(raw[i:]) ^ (lsb * '\\')
		if m := (w - lsb) &^ w & msb; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(raw) && raw[i] != '\\' {
		i++
	}
	return i
}
