// Package jsonlex tokenizes a JSON document in one pass into a flat tape of tokens that hold
// only offsets into the source. Everything above it (detection, field paths, the rewrite)
// walks the tape instead of re-parsing, so a body is lexed exactly once however many rules
// and recognizers look at it, and siblings can be consulted in any key order.
package jsonlex

import "fmt"

// Kind is the kind of a token.
type Kind uint8

const (
	Invalid Kind = iota
	Object
	Array
	String
	Number
	True
	False
	Null
)

var kindNames = [...]string{"invalid", "object", "array", "string", "number", "true", "false", "null"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + fmt.Sprint(uint8(k)) + ")"
}

// Token flags.
const (
	// FlagEscaped marks a string holding backslash escapes: its decoded text differs from its raw bytes.
	FlagEscaped uint8 = 1 << iota
	// FlagKey marks a string that is an object member's key.
	FlagKey
)

// Token is one value (or object key) of the document. Containers span their whole subtree:
// the tokens of their members follow them, and Next skips past the subtree.
type Token struct {
	Start uint32 // offset of the first byte ('{', '[', '"', '-', digit, 't', 'f', 'n')
	End   uint32 // offset one past the last byte ('}', ']', the closing '"', the last digit)
	Next  uint32 // index of the token after this one's subtree
	Kind  Kind
	Flags uint8
}

// Tape is a lexed document. Reuse a Tape (Reset is implicit in Lex) to keep steady-state
// lexing allocation-free.
type Tape struct {
	Src    []byte
	Tokens []Token
	stack  []uint32
}

// SyntaxError reports where a document stops being JSON. It never quotes the document:
// bodies carry personal data and errors end up in logs.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at byte %d: %s", e.Offset, e.Msg)
}

// DepthError reports a document nested deeper than allowed.
type DepthError struct {
	Offset, Max int
}

func (e *DepthError) Error() string {
	return fmt.Sprintf("JSON nested deeper than %d levels at byte %d", e.Max, e.Offset)
}

// Children calls fn for each direct child token index of container i (for objects: the key
// tokens; the value of key k is k+1).
func (t *Tape) Children(i int, fn func(c int) bool) {
	end := int(t.Tokens[i].Next)
	for c := i + 1; c < end; c = int(t.Tokens[c].Next) {
		if !fn(c) {
			return
		}
		if t.Tokens[i].Kind == Object {
			c++ // step from key to value; Next of the value moves to the next key
		}
	}
}

// Raw returns the raw bytes of token i.
func (t *Tape) Raw(i int) []byte {
	tk := &t.Tokens[i]
	return t.Src[tk.Start:tk.End]
}

// RawString returns the bytes between the quotes of string token i (still escaped).
func (t *Tape) RawString(i int) []byte {
	tk := &t.Tokens[i]
	return t.Src[tk.Start+1 : tk.End-1]
}

// Text returns the decoded text of string token i, or the literal of a number. When the
// string has no escapes the result aliases Src; otherwise it is appended to buf.
func (t *Tape) Text(i int, buf []byte) []byte {
	tk := &t.Tokens[i]
	if tk.Kind != String {
		return t.Src[tk.Start:tk.End]
	}
	raw := t.Src[tk.Start+1 : tk.End-1]
	if tk.Flags&FlagEscaped == 0 {
		return raw
	}
	return Unescape(buf, raw)
}

// StringEquals reports whether string token i decodes to s, without allocating.
func (t *Tape) StringEquals(i int, s string) bool {
	tk := &t.Tokens[i]
	if tk.Kind != String {
		return false
	}
	raw := t.Src[tk.Start+1 : tk.End-1]
	if tk.Flags&FlagEscaped == 0 {
		return string(raw) == s
	}
	var buf [128]byte
	return string(Unescape(buf[:0], raw)) == s
}

// Member returns the value token index of key name in object i, or -1.
func (t *Tape) Member(i int, name string) int {
	if t.Tokens[i].Kind != Object {
		return -1
	}
	end := int(t.Tokens[i].Next)
	for k := i + 1; k < end; k = int(t.Tokens[k+1].Next) {
		if t.StringEquals(k, name) {
			return k + 1
		}
	}
	return -1
}
