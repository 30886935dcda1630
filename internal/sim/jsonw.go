package sim

import (
	"strconv"
	"unicode/utf8"
)

// The hot legacy endpoints (user/get, user/list) are rendered with these appenders rather
// than encoding/json: the bytes are cached per employee, and a page is a concatenation of
// cached items, so the simulator never becomes the bottleneck of a proxy benchmark.

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string literal. Unlike encoding/json it leaves <, > and &
// alone (DingTalk does not escape them); invalid UTF-8 becomes U+FFFD, as in encoding/json.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
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
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		// U+2028 and U+2029 are valid JSON but break JavaScript consumers that eval bodies.
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// obj builds one JSON object by appending members; the first member needs no comma.
type obj struct {
	b     []byte
	first bool
}

func newObj(dst []byte) obj { return obj{b: append(dst, '{'), first: true} }

func (o *obj) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = appendString(o.b, k)
	o.b = append(o.b, ':')
}

func (o *obj) str(k, v string)        { o.key(k); o.b = appendString(o.b, v) }
func (o *obj) int(k string, v int64)  { o.key(k); o.b = strconv.AppendInt(o.b, v, 10) }
func (o *obj) bool(k string, v bool)  { o.key(k); o.b = strconv.AppendBool(o.b, v) }
func (o *obj) raw(k string, v []byte) { o.key(k); o.b = append(o.b, v...) }
func (o *obj) end() []byte            { return append(o.b, '}') }

// appendInts appends a JSON array of integers.
func appendInts(dst []byte, xs []int64) []byte {
	dst = append(dst, '[')
	for i, x := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = strconv.AppendInt(dst, x, 10)
	}
	return append(dst, ']')
}

// appendStrings appends a JSON array of strings.
func appendStrings(dst []byte, xs []string) []byte {
	dst = append(dst, '[')
	for i, x := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, x)
	}
	return append(dst, ']')
}
