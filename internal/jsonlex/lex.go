package jsonlex

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// DefaultMaxDepth bounds nesting when Options.MaxDepth is 0.
const DefaultMaxDepth = 128

// MaxSize is the largest document a tape can address (offsets are uint32).
const MaxSize = 1<<32 - 1

// Options tune Lex.
type Options struct {
	MaxDepth int // 0 = DefaultMaxDepth
}

var isWS = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

type lexState uint8

const (
	stValue    lexState = iota // a value must come next
	stObjFirst                 // after '{': a key or '}'
	stObjKey                   // after ',' in an object: a key
	stArrFirst                 // after '[': a value or ']'
	stAfter                    // after a value: ',' or a closer, or the end
)

// Lex tokenizes src into t, replacing its previous contents. It validates the document
// strictly (RFC 8259, UTF-8 inside strings) and stops at the first error.
func Lex(src []byte, t *Tape, opts Options) error {
	maxDepth := opts.MaxDepth
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	if len(src) > MaxSize {
		return &SyntaxError{Offset: 0, Msg: "document too large"}
	}
	t.Src = src
	toks := t.Tokens[:0]
	stack := t.stack[:0]
	n := len(src)
	i := 0
	state := stValue
	defer func() { t.Tokens, t.stack = toks, stack }()

	for {
		for i < n && isWS[src[i]] {
			i++
		}
		switch state {
		case stAfter:
			if len(stack) == 0 {
				if i != n {
					return &SyntaxError{i, "unexpected data after the top-level value"}
				}
				return nil
			}
			if i == n {
				return &SyntaxError{i, "unexpected end of input in " + toks[stack[len(stack)-1]].Kind.String()}
			}
			top := stack[len(stack)-1]
			c := src[i]
			isObj := toks[top].Kind == Object
			switch {
			case c == ',':
				i++
				if isObj {
					state = stObjKey
				} else {
					state = stValue
				}
				continue
			case (c == '}' && isObj) || (c == ']' && !isObj):
				i++
				toks[top].End = uint32(i)
				toks[top].Next = uint32(len(toks))
				stack = stack[:len(stack)-1]
				continue
			default:
				if isObj {
					return &SyntaxError{i, "expected ',' or '}' after object member"}
				}
				return &SyntaxError{i, "expected ',' or ']' after array element"}
			}
		case stObjFirst, stObjKey:
			if i == n {
				return &SyntaxError{i, "unexpected end of input in object"}
			}
			if src[i] == '}' && state == stObjFirst {
				top := stack[len(stack)-1]
				i++
				toks[top].End = uint32(i)
				toks[top].Next = uint32(len(toks))
				stack = stack[:len(stack)-1]
				state = stAfter
				continue
			}
			if src[i] != '"' {
				return &SyntaxError{i, "expected a string key"}
			}
			end, flags, err := scanString(src, i)
			if err != nil {
				return err
			}
			toks = append(toks, Token{Start: uint32(i), End: uint32(end), Next: uint32(len(toks) + 1), Kind: String, Flags: flags | FlagKey})
			i = end
			for i < n && isWS[src[i]] {
				i++
			}
			if i == n || src[i] != ':' {
				return &SyntaxError{i, "expected ':' after object key"}
			}
			i++
			state = stValue
			continue
		case stArrFirst:
			if i < n && src[i] == ']' {
				top := stack[len(stack)-1]
				i++
				toks[top].End = uint32(i)
				toks[top].Next = uint32(len(toks))
				stack = stack[:len(stack)-1]
				state = stAfter
				continue
			}
			state = stValue
			continue
		}

		// stValue
		if i == n {
			if len(toks) == 0 {
				return &SyntaxError{i, "empty document"}
			}
			return &SyntaxError{i, "unexpected end of input, expected a value"}
		}
		c := src[i]
		switch {
		case c == '"':
			end, flags, err := scanString(src, i)
			if err != nil {
				return err
			}
			toks = append(toks, Token{Start: uint32(i), End: uint32(end), Next: uint32(len(toks) + 1), Kind: String, Flags: flags})
			i = end
			state = stAfter
		case c == '{' || c == '[':
			if len(stack) >= maxDepth {
				return &DepthError{Offset: i, Max: maxDepth}
			}
			k := Object
			state = stObjFirst
			if c == '[' {
				k = Array
				state = stArrFirst
			}
			stack = append(stack, uint32(len(toks)))
			toks = append(toks, Token{Start: uint32(i), Kind: k})
			i++
		case c == '-' || (c >= '0' && c <= '9'):
			end, err := scanNumber(src, i)
			if err != nil {
				return err
			}
			toks = append(toks, Token{Start: uint32(i), End: uint32(end), Next: uint32(len(toks) + 1), Kind: Number})
			i = end
			state = stAfter
		case c == 't' || c == 'f' || c == 'n':
			lit, k := "null", Null
			if c == 't' {
				lit, k = "true", True
			} else if c == 'f' {
				lit, k = "false", False
			}
			if n-i < len(lit) || string(src[i:i+len(lit)]) != lit {
				return &SyntaxError{i, "invalid literal"}
			}
			toks = append(toks, Token{Start: uint32(i), End: uint32(i + len(lit)), Next: uint32(len(toks) + 1), Kind: k})
			i += len(lit)
			state = stAfter
		default:
			return &SyntaxError{i, "expected a value"}
		}
	}
}

// SWAR constants: eight bytes at a time.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// special returns a word with the high bit set in every byte of w that is '"', '\\' or a
// control character (< 0x20); other bytes may be flagged only above a flagged byte (borrows
// propagate upwards), so the lowest flag is always exact.
func special(w uint64) uint64 {
	q := w ^ (lsb * '"')
	b := w ^ (lsb * '\\')
	return ((q-lsb)&^q | (b-lsb)&^b | (w-lsb*0x20)&^w) & msb
}

// scanString validates the string starting at src[i] == '"' and returns the offset after
// its closing quote. Plain runs are skipped eight bytes at a time; a run holding non-ASCII
// bytes is checked with one utf8.Valid call (DingTalk text is mostly CJK: decoding rune by
// rune would dominate the lexer).
func scanString(src []byte, i int) (int, uint8, error) {
	n := len(src)
	j := i + 1
	var flags uint8
	for {
		run := j
		var high uint64
		for j+8 <= n {
			w := binary.LittleEndian.Uint64(src[j:])
			if m := special(w); m != 0 {
				high |= w & (m&-m - 1) & msb // high bits below the first special byte
				j += bits.TrailingZeros64(m) >> 3
				break
			}
			high |= w & msb
			j += 8
		}
		if j+8 > n {
			for j < n && src[j] >= 0x20 && src[j] != '"' && src[j] != '\\' {
				high |= uint64(src[j] & 0x80)
				j++
			}
		}
		if high != 0 && !utf8.Valid(src[run:j]) {
			off := run
			for off < j {
				r, size := utf8.DecodeRune(src[off:j])
				if r == utf8.RuneError && size <= 1 {
					break
				}
				off += size
			}
			return 0, 0, &SyntaxError{off, "invalid UTF-8 in string"}
		}
		if j >= n {
			return 0, 0, &SyntaxError{i, "unterminated string"}
		}
		c := src[j]
		switch {
		case c == '"':
			return j + 1, flags, nil
		case c == '\\':
			flags |= FlagEscaped
			if j+1 >= n {
				return 0, 0, &SyntaxError{j, "unterminated escape"}
			}
			switch src[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if j+6 > n || !isHex4(src[j+2:j+6]) {
					return 0, 0, &SyntaxError{j, "invalid \\u escape"}
				}
				j += 6
			default:
				return 0, 0, &SyntaxError{j, "invalid escape character"}
			}
		default: // c < 0x20
			return 0, 0, &SyntaxError{j, "control character in string"}
		}
	}
}

func isHex4(b []byte) bool {
	for _, c := range b[:4] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber validates the number starting at src[i] and returns the offset after it.
func scanNumber(src []byte, i int) (int, error) {
	n := len(src)
	j := i
	if src[j] == '-' {
		j++
	}
	switch {
	case j < n && src[j] == '0':
		j++
	case j < n && src[j] >= '1' && src[j] <= '9':
		for j < n && isDigit(src[j]) {
			j++
		}
	default:
		return 0, &SyntaxError{i, "invalid number"}
	}
	if j < n && src[j] == '.' {
		j++
		if j >= n || !isDigit(src[j]) {
			return 0, &SyntaxError{i, "invalid number: digits expected after '.'"}
		}
		for j < n && isDigit(src[j]) {
			j++
		}
	}
	if j < n && (src[j] == 'e' || src[j] == 'E') {
		j++
		if j < n && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j >= n || !isDigit(src[j]) {
			return 0, &SyntaxError{i, "invalid number: digits expected in exponent"}
		}
		for j < n && isDigit(src[j]) {
			j++
		}
	}
	return j, nil
}
