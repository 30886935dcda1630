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

// isHex marks the hexadecimal digits, for the \u escapes fast takes.
var isHex = [256]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true,
}

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
	l := lexer{src: src, toks: t.Tokens[:0], stack: t.stack[:0], maxDepth: maxDepth}
	var err error
	for done := false; !done && err == nil; {
		l.fast()
		done, err = l.step()
	}
	t.Tokens, t.stack = l.toks, l.stack
	return err
}

// lexer is the state of one Lex call: the state machine's state, and where it stands.
type lexer struct {
	src      []byte
	toks     []Token
	stack    []uint32 // token indexes of the open containers
	i        int
	state    lexState
	maxDepth int
	// top is fast's kind of the innermost open container (Invalid: none). It lives here
	// rather than in a variable: it is needed at commas and closers only, and a register
	// kept for it would be spilled and reloaded in the string loop instead.
	top Kind
}

// fast runs the state machine over the common pieces of a document — strings of ASCII
// and CJK text (escapes included), integers, literals, containers while the slices have
// room — and returns at the first thing it leaves to step, having consumed none of it.
// Its loop makes no calls and keeps few values: the register ABI keeps no register across
// a call, and with a call anywhere in the loop (or more values than registers) every value
// the loop carries was stored to the stack at every transition, which cost more than the
// lexing itself. Each transition is one that step would make, to the same state.
func (l *lexer) fast() {
	// With cap(src) == len(src), the capacity check of src[j:j+4:j+4] is the length check
	// before it, and cap(src) needs no register. Offsets are compared with len(src) as
	// unsigned numbers, which is what lets the compiler drop the bounds checks after them
	// (it does not see through a copy of len(src) in a variable here).
	src, toks := l.src[:len(l.src):len(l.src)], l.toks
	i := l.i
	l.top = Invalid
	if len(l.stack) > 0 {
		l.top = toks[l.stack[len(l.stack)-1]].Kind
	}
	var (
		j     int   // the end of the string or number being scanned
		flags uint8 // the flags of the string being scanned (FlagKey for a key)
	)
	switch l.state {
	case stObjFirst:
		goto objFirst
	case stObjKey:
		goto key
	case stArrFirst:
		goto arrFirst
	case stAfter:
		goto after
	}

value:
	// len(toks) >= cap(toks), not ==: from it the compiler knows that toks[:len(toks)+1]
	// is in bounds.
	if uint(i) >= uint(len(src)) || len(toks) >= cap(toks) {
		goto bailValue
	}
	if src[i] == '"' {
		flags = 0
		goto str
	}
	switch c := src[i]; c {
	case '{', '[':
		if len(l.stack) == cap(l.stack) || len(l.stack) >= l.maxDepth {
			goto bailValue
		}
		l.stack = l.stack[:len(l.stack)+1]
		l.stack[len(l.stack)-1] = uint32(len(toks))
		l.top = Array
		if c == '{' {
			l.top = Object
		}
		toks = toks[:len(toks)+1]
		setToken(&toks[len(toks)-1], uint32(i), 0, 0, l.top, 0)
		i++
		if l.top == Object {
			goto objFirst
		}
		goto arrFirst
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		// An integer; a sign, fraction or exponent is left to scanNumber.
		if j = i + 1; c != '0' {
			j = digitsEnd(src, j)
		}
		if uint(j) < uint(len(src)) && (src[j] == '.' || src[j] == 'e' || src[j] == 'E') {
			goto bailValue
		}
		toks = toks[:len(toks)+1]
		setToken(&toks[len(toks)-1], uint32(i), uint32(j), uint32(len(toks)), Number, 0)
		i = j
	case 't', 'f', 'n':
		// The literal's first four bytes compared as one word (a string comparison calls
		// memequal).
		if uint(i+4) > uint(len(src)) {
			goto bailValue
		}
		k, size := Null, 4
		switch binary.LittleEndian.Uint32(src[i : i+4 : i+4]) {
		case 'n' | 'u'<<8 | 'l'<<16 | 'l'<<24:
		case 't' | 'r'<<8 | 'u'<<16 | 'e'<<24:
			k = True
		case 'f' | 'a'<<8 | 'l'<<16 | 's'<<24:
			if uint(i+4) >= uint(len(src)) || src[i+4] != 'e' {
				goto bailValue
			}
			k, size = False, 5
		default:
			goto bailValue
		}
		toks = toks[:len(toks)+1]
		setToken(&toks[len(toks)-1], uint32(i), uint32(i+size), uint32(len(toks)), k, 0)
		i += size
	case ' ', '\t', '\n', '\r':
		i = skipWS(src, i+1)
		goto value
	default:
		goto bailValue
	}

after:
	if uint(i) >= uint(len(src)) {
		goto bailAfter
	}
	switch c := src[i]; {
	case c == ',':
		if l.top == Object {
			i++
			goto key
		}
		if l.top == Array {
			i++
			goto value
		}
	case c == '}' && l.top == Object || c == ']' && l.top == Array:
		goto close
	case isWS[c]:
		i = skipWS(src, i+1)
		goto after
	}
	goto bailAfter // the end, or an error

close: // src[i] closes the innermost container
	{
		k := l.stack[len(l.stack)-1]
		l.stack = l.stack[:len(l.stack)-1]
		i++
		toks[k].End = uint32(i)
		toks[k].Next = uint32(len(toks))
		l.top = Invalid
		if len(l.stack) > 0 {
			l.top = toks[l.stack[len(l.stack)-1]].Kind
		}
	}
	goto after

arrFirst:
	if i = skipWS(src, i); uint(i) < uint(len(src)) && src[i] == ']' {
		goto close
	}
	goto value

objFirst:
	if i = skipWS(src, i); uint(i) < uint(len(src)) && src[i] == '}' {
		goto close
	}

key: // a key and its ':' (step takes them together too)
	if uint(i) >= uint(len(src)) || len(toks) >= cap(toks) {
		goto bailKey
	}
	if src[i] != '"' {
		if isWS[src[i]] {
			i = skipWS(src, i+1)
			goto key
		}
		goto bailKey
	}
	flags = FlagKey

str: // src[i] opens a string, a key if flags is FlagKey: find its end, j
	j = i + 1
plain:
	j = plainEnd(src, j)
char:
	if uint(j) >= uint(len(src)) {
		goto bailStr
	}
	if c := src[j]; c == '"' {
		goto quote
	} else if c-0xE1 <= 0xEF-0xE1 && c != 0xED {
		goto cjk
	} else if c >= 0x20 && c < 0x80 && c != '\\' {
		j++ // after non-ASCII text, or within the last eight bytes
		goto plain
	} else if c == '\\' && uint(j+1) < uint(len(src)) {
		switch src[j+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			j += 2
		case 'u':
			if uint(j+5) >= uint(len(src)) || !isHex[src[j+2]] || !isHex[src[j+3]] || !isHex[src[j+4]] || !isHex[src[j+5]] {
				goto bailStr
			}
			j += 6
		default:
			goto bailStr
		}
		flags |= FlagEscaped
		goto plain
	}
	goto bailStr

cjk:
	// src[j] leads a three-byte character (CJK text, fullwidth punctuation) whose lead byte
	// allows neither an overlong form nor a surrogate: any two continuation bytes are valid.
	// Every other non-ASCII character is left to step, and utf8.Valid. A run of them is
	// taken here without going back to char (the string has at least its closing quote
	// after the character).
	if uint(j+4) > uint(len(src)) {
		goto bailStr
	}
	// The character and the byte after it in one word: its continuation bytes are tested
	// together, and the next lead byte is at hand.
	if w := binary.LittleEndian.Uint32(src[j : j+4 : j+4]); w&0xC0C000 != 0x808000 {
		goto bailStr
	} else if j += 3; w>>24-0xE1 <= 0xEF-0xE1 && w>>24 != 0xED {
		goto cjk
	}
	goto char

quote: // src[j] closes the string
	if flags&FlagKey == 0 {
		toks = toks[:len(toks)+1]
		setToken(&toks[len(toks)-1], uint32(i), uint32(j+1), uint32(len(toks)), String, flags)
		i = j + 1
		goto after
	}
	{
		c := j + 1
		if uint(c) >= uint(len(src)) || src[c] != ':' {
			if c = skipWS(src, c); uint(c) >= uint(len(src)) || src[c] != ':' {
				goto bailKey
			}
		}
		toks = toks[:len(toks)+1]
		setToken(&toks[len(toks)-1], uint32(i), uint32(j+1), uint32(len(toks)), String, flags)
		i = c + 1
	}
	goto value

bailStr:
	if flags&FlagKey == 0 {
		goto bailValue
	}
	// At the key state, a '}' (the one difference between stObjFirst and stObjKey) has been
	// taken already.
bailKey:
	l.toks, l.i, l.state = toks, i, stObjKey
	return
bailAfter:
	l.toks, l.i, l.state = toks, i, stAfter
	return
bailValue:
	l.toks, l.i, l.state = toks, i, stValue
}

// skipWS returns the offset of the first byte from i on that is not whitespace.
func skipWS(src []byte, i int) int {
	for uint(i) < uint(len(src)) && isWS[src[i]] {
		i++
	}
	return i
}

// digitsEnd returns the offset of the first byte from j on that is not an ASCII digit.
// DingTalk ids and millisecond times are nine to thirteen digits: they are skipped eight
// at a time.
func digitsEnd(src []byte, j int) int {
	for j < len(src)-7 {
		w := binary.LittleEndian.Uint64(src[j:])
		// A digit's high nibble is 3, and stays 3 when 6 is added (':' to '?' become 0x4_).
		// The sum's carries leave the lowest non-digit byte exact.
		if m := ((w ^ lsb*0x30) | (w + lsb*6 ^ lsb*0x30)) & (lsb * 0xF0); m != 0 {
			return j + bits.TrailingZeros64(m)>>3
		}
		j += 8
	}
	for uint(j) < uint(len(src)) && isDigit(src[j]) {
		j++
	}
	return j
}

// plainEnd returns the offset of the first byte from j on that is not plain ASCII in a
// string ('"', '\\', a control character or a non-ASCII byte), or where fewer than eight
// bytes remain.
func plainEnd(src []byte, j int) int {
	for j < len(src)-7 { // one bounds check fewer than j+8 <= len(src)
		w := binary.LittleEndian.Uint64(src[j:])
		// special(w) | w&msb, without special's &^ terms: a byte whose high bit they would
		// clear has it set in w, which flags the byte anyway.
		m := ((w ^ (lsb * '"')) - lsb) | ((w ^ (lsb * '\\')) - lsb) | (w - lsb*0x20) | w
		if m &= msb; m != 0 {
			return j + bits.TrailingZeros64(m)>>3
		}
		j += 8
	}
	return j
}

// step makes one transition of the state machine, whatever comes next: fast leaves it
// strings with other non-ASCII text (checked by utf8.Valid), signs, fractions and
// exponents, growing the slices, every error and the end of the document. It reports done
// at the end.
func (l *lexer) step() (done bool, err error) {
	src, n := l.src, len(l.src)
	for l.i < n && isWS[src[l.i]] {
		l.i++
	}
	i := l.i
	switch l.state {
	case stAfter:
		if len(l.stack) == 0 {
			if i != n {
				return false, &SyntaxError{i, "unexpected data after the top-level value"}
			}
			return true, nil
		}
		if i == n {
			return false, &SyntaxError{i, "unexpected end of input in " + l.toks[l.stack[len(l.stack)-1]].Kind.String()}
		}
		c := src[i]
		isObj := l.toks[l.stack[len(l.stack)-1]].Kind == Object
		switch {
		case c == ',':
			l.i++
			if isObj {
				l.state = stObjKey
			} else {
				l.state = stValue
			}
			return false, nil
		case (c == '}' && isObj) || (c == ']' && !isObj):
			l.close()
			return false, nil
		default:
			if isObj {
				return false, &SyntaxError{i, "expected ',' or '}' after object member"}
			}
			return false, &SyntaxError{i, "expected ',' or ']' after array element"}
		}
	case stObjFirst, stObjKey:
		if i == n {
			return false, &SyntaxError{i, "unexpected end of input in object"}
		}
		if src[i] == '}' && l.state == stObjFirst {
			l.close()
			return false, nil
		}
		if src[i] != '"' {
			return false, &SyntaxError{i, "expected a string key"}
		}
		end, flags, err := scanString(src, i)
		if err != nil {
			return false, err
		}
		l.toks = append(l.toks, Token{Start: uint32(i), End: uint32(end), Next: uint32(len(l.toks) + 1), Kind: String, Flags: flags | FlagKey})
		for l.i = end; l.i < n && isWS[src[l.i]]; l.i++ {
		}
		if l.i == n || src[l.i] != ':' {
			return false, &SyntaxError{l.i, "expected ':' after object key"}
		}
		l.i++
		l.state = stValue
		return false, nil
	case stArrFirst:
		if i < n && src[i] == ']' {
			l.close()
			return false, nil
		}
		l.state = stValue
		return false, nil
	}

	// stValue
	if i == n {
		if len(l.toks) == 0 {
			return false, &SyntaxError{i, "empty document"}
		}
		return false, &SyntaxError{i, "unexpected end of input, expected a value"}
	}
	c := src[i]
	switch {
	case c == '"':
		end, flags, err := scanString(src, i)
		if err != nil {
			return false, err
		}
		l.toks = append(l.toks, Token{Start: uint32(i), End: uint32(end), Next: uint32(len(l.toks) + 1), Kind: String, Flags: flags})
		l.i, l.state = end, stAfter
	case c == '{' || c == '[':
		if len(l.stack) >= l.maxDepth {
			return false, &DepthError{Offset: i, Max: l.maxDepth}
		}
		k, st := Object, stObjFirst
		if c == '[' {
			k, st = Array, stArrFirst
		}
		l.stack = append(l.stack, uint32(len(l.toks)))
		l.toks = append(l.toks, Token{Start: uint32(i), Kind: k})
		l.i, l.state = i+1, st
	case c == '-' || (c >= '0' && c <= '9'):
		end, err := scanNumber(src, i)
		if err != nil {
			return false, err
		}
		l.toks = append(l.toks, Token{Start: uint32(i), End: uint32(end), Next: uint32(len(l.toks) + 1), Kind: Number})
		l.i, l.state = end, stAfter
	case c == 't' || c == 'f' || c == 'n':
		lit, k := "null", Null
		if c == 't' {
			lit, k = "true", True
		} else if c == 'f' {
			lit, k = "false", False
		}
		if n-i < len(lit) || string(src[i:i+len(lit)]) != lit {
			return false, &SyntaxError{i, "invalid literal"}
		}
		l.toks = append(l.toks, Token{Start: uint32(i), End: uint32(i + len(lit)), Next: uint32(len(l.toks) + 1), Kind: k})
		l.i, l.state = i+len(lit), stAfter
	default:
		return false, &SyntaxError{i, "expected a value"}
	}
	return false, nil
}

// close ends the innermost container at src[l.i], its closing bracket.
func (l *lexer) close() {
	top := l.stack[len(l.stack)-1]
	l.stack = l.stack[:len(l.stack)-1]
	l.i++
	l.toks[top].End = uint32(l.i)
	l.toks[top].Next = uint32(len(l.toks))
	l.state = stAfter
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

// ScanString validates the JSON string that starts at src[i] (a '"') exactly as Lex does
// (escapes, control characters, UTF-8), and returns the offset after its closing quote and
// whether it holds escapes (its text is then Unescape of the bytes between the quotes).
func ScanString(src []byte, i int) (end int, escaped bool, err error) {
	end, flags, err := scanString(src, i)
	return end, flags&FlagEscaped != 0, err
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

// setToken writes every field of *t with its own store: a Token literal is built on the
// stack and copied.
func setToken(t *Token, start, end, next uint32, kind Kind, flags uint8) {
	t.Start, t.End, t.Next, t.Kind, t.Flags = start, end, next, kind, flags
}
