// Package ident checks the lower-case identifiers that name things across the proxy — PII
// type ids, action names, audit record keys, metric names and labels — so that one rule,
// [a-z][a-z0-9_]*, bounded, decides what may be used as a name in every place that
// accepts one (and nothing shaped like a value slips through as a name).
package ident

// Valid reports whether s is an identifier of at most max bytes: a lower-case ASCII letter,
// then lower-case letters, digits and '_'.
func Valid[T string | []byte](s T, max int) bool {
	if len(s) == 0 || len(s) > max || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	return Rest(s[1:])
}

// Rest reports whether every byte of s may follow an identifier's first letter (true for
// an empty s).
func Rest[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if !Byte(s[i]) {
			return false
		}
	}
	return true
}

// Byte reports whether c may follow an identifier's first letter: [a-z0-9_].
func Byte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' }
