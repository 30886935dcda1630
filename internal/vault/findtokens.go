package vault

import (
	"bytes"

	"github.com/hkpii/dingtalk-pii-proxy/internal/ident"
)

// HasTokenPrefix reports whether "tok_" occurs anywhere in b: a whole-body test that spares
// a token search in every value of a body that holds none.
func HasTokenPrefix(b []byte) bool { return indexTokenPrefix(b, 0) >= 0 }

// indexTokenPrefix returns the offset of the first "tok_" in b at or after i, or -1. It
// looks for the '_' with bytes.IndexByte (vector instructions, 32 bytes a step) and checks
// the three bytes before it: bytes.Index stops at every 't', and JSON keys are full of them,
// while DingTalk bodies have about one '_' in 60 bytes. On a 64 KiB user/list page this is
// a seventh of the instructions of the word-at-a-time loop it replaced.
func indexTokenPrefix(b []byte, i int) int {
	for k := i + 3; k < len(b); k++ { // the '_' is the prefix's fourth byte
		j := bytes.IndexByte(b[k:], '_')
		if j < 0 {
			return -1
		}
		if k += j; b[k-3] == 't' && b[k-2] == 'o' && b[k-1] == 'k' {
			return k - 3
		}
	}
	return -1
}

// FindTokens appends to out the [start, end) byte spans of every token in text and
// returns it. It is a byte scan (indexTokenPrefix, then a bounded check of at most
// MaxTokenLen bytes), allocation-free when out has room, and suitable for whole bodies.
//
// A span matches TokenPattern, has at most MaxDigitRun digits in a row in its body, and
// is not followed by [A-Za-z0-9_]. Nothing is required before "tok_", so a token right
// after a JSON escape (\ntok_…) or glued to CJK text is still found; the prefix and the
// exact 26-character body make accidental matches practically impossible, and an
// accidental match costs only a vault miss (StatusUnknown). Spans never overlap.
//
// The type part may contain "_" and the body may not, so a candidate is the longest run
// of [a-z0-9_] after "tok_" (at most MaxTypeLen+1+BodyLen bytes); the body is its last 26
// bytes and the "_" before them separates the type.
func FindTokens(text []byte, out [][2]int) [][2]int {
	i := 0
	for {
		start := indexTokenPrefix(text, i)
		if start < 0 {
			return out
		}
		if end, ok := tokenAt(text, start); ok {
			out = append(out, [2]int{start, end})
			i = end
			continue
		}
		i = start + 1
	}
}

// tokenAt checks for a token starting at start (where "tok_" is known to be) and
// returns its end.
func tokenAt(text []byte, start int) (int, bool) {
	j := start + len(TokenPrefix)
	limit := min(len(text), j+MaxTypeLen+1+BodyLen+1)
	end := j
	for end < limit && ident.Byte(text[end]) {
		end++
	}
	// A run longer than any token, or a word byte (say an upper-case letter) right after
	// the run, means this is part of a longer word, not a token.
	if end < len(text) && isWordByte(text[end]) {
		return 0, false
	}
	n := end - j
	if n < 1+1+BodyLen {
		return 0, false
	}
	sep := end - BodyLen - 1
	if text[sep] != '_' || !validBody(text[sep+1:end]) {
		return 0, false
	}
	typ := text[j:sep]
	if len(typ) > MaxTypeLen || typ[0] < 'a' || typ[0] > 'z' {
		return 0, false
	}
	return end, true
}
