// Package fieldpath compiles the gjson path syntax used in policies into matchers that run
// during the single tape walk, so a policy with many field rules still costs one pass.
//
// Supported: keys joined by '.', '\' escapes, '*' and '?' wildcards in keys, numeric
// components (an array index, or an object key that is a number), '#' for every element,
// and queries '#(cond)' (first matching element) and '#(cond)#' (every matching element)
// where cond is `path op literal`, `op literal` (the element itself) or `path` (exists), with
// op one of == != < <= > >= % !%. Modifiers ('@'), pipes and multipaths are rejected: they
// compute new documents rather than select fields, so they have no meaning for a rewrite.
// A path may continue into a string that holds JSON, as if it were nested.
package fieldpath

import (
	"fmt"
	"strconv"
	"strings"
)

// SegKind is the kind of one path component.
type SegKind uint8

const (
	SegKey   SegKind = iota // an object key (or, when numeric, also an array index)
	SegAll                  // '#': every element of an array
	SegQuery                // '#(cond)' or '#(cond)#'
)

// Segment is one component of a path.
type Segment struct {
	Kind  SegKind
	Key   string // SegKey: the unescaped key or wildcard pattern
	Wild  bool   // Key holds '*' or '?'
	Index int    // SegKey: the array index when Key is a non-negative integer, else -1
	Query *Query // SegQuery
}

// Query is a compiled '#(...)' condition.
type Query struct {
	Path []string // keys inside the element; empty means the element itself
	Op   string   // "" means the path exists
	Lit  Literal
	All  bool // '#(...)#': every match rather than the first
}

// LitKind is the type of a query literal.
type LitKind uint8

const (
	LitString LitKind = iota
	LitNumber
	LitTrue
	LitFalse
	LitNull
)

// Literal is the right-hand side of a query.
type Literal struct {
	Kind LitKind
	Str  string
	Num  float64
}

// Path is a compiled field path.
type Path struct {
	text string
	Segs []Segment
}

func (p *Path) String() string { return p.text }

// Error is a path syntax error at a byte offset of the path text.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("bad path at character %d: %s", e.Offset+1, e.Msg) }

// Compile parses a path.
func Compile(text string) (*Path, error) {
	if text == "" {
		return nil, &Error{0, "empty path"}
	}
	switch text[0] {
	case '[', '{':
		return nil, &Error{0, "multipaths are not supported in field rules"}
	case '@':
		return nil, &Error{0, "modifiers are not supported in field rules"}
	case '.':
		return nil, &Error{0, "path starts with '.'"}
	}
	p := &Path{text: text}
	i := 0
	for i < len(text) {
		start := i
		var seg Segment
		var err error
		if text[i] == '#' {
			seg, i, err = parseHash(text, i)
		} else {
			seg, i, err = parseKey(text, i)
		}
		if err != nil {
			return nil, err
		}
		p.Segs = append(p.Segs, seg)
		if i == len(text) {
			break
		}
		if text[i] != '.' {
			return nil, &Error{i, fmt.Sprintf("unexpected %q after component %d", text[i], len(p.Segs))}
		}
		i++
		if i == len(text) {
			return nil, &Error{start, "path ends with '.'"}
		}
	}
	if last := p.Segs[len(p.Segs)-1]; last.Kind == SegAll {
		return nil, &Error{len(text) - 1, "a final '#' counts elements; name the field after it (e.g. list.#.mobile)"}
	}
	return p, nil
}

func parseKey(text string, i int) (Segment, int, error) {
	var b strings.Builder
	wild := false
	for i < len(text) {
		c := text[i]
		switch c {
		case '\\':
			if i+1 >= len(text) {
				return Segment{}, i, &Error{i, "path ends with '\\'"}
			}
			b.WriteByte(text[i+1])
			i += 2
			continue
		case '.':
			goto done
		case '|':
			return Segment{}, i, &Error{i, "pipes are not supported in field rules"}
		case '@':
			if b.Len() == 0 {
				return Segment{}, i, &Error{i, "modifiers are not supported in field rules"}
			}
		case '*', '?':
			wild = true
		case '#', '(', ')', '=', '!', '<', '>', '%':
			if c == '#' || c == '(' || c == ')' {
				return Segment{}, i, &Error{i, fmt.Sprintf("%q must be escaped with '\\' inside a key", c)}
			}
		}
		b.WriteByte(c)
		i++
	}
done:
	key := b.String()
	if key == "" {
		return Segment{}, i, &Error{i, "empty key"}
	}
	seg := Segment{Kind: SegKey, Key: key, Wild: wild, Index: -1}
	if n, err := strconv.Atoi(key); err == nil && n >= 0 && key == strconv.Itoa(n) {
		seg.Index = n
	}
	return seg, i, nil
}

func parseHash(text string, i int) (Segment, int, error) {
	if i+1 == len(text) || text[i+1] == '.' {
		return Segment{Kind: SegAll, Index: -1}, i + 1, nil
	}
	if text[i+1] != '(' {
		return Segment{}, i, &Error{i + 1, "expected '.' or '(' after '#'"}
	}
	// Find the matching ')' outside quotes.
	j := i + 2
	depth := 1
	for j < len(text) && depth > 0 {
		switch text[j] {
		case '\\':
			j++
		case '"':
			j++
			for j < len(text) && text[j] != '"' {
				if text[j] == '\\' {
					j++
				}
				j++
			}
		case '(':
			depth++
		case ')':
			depth--
		}
		j++
	}
	if depth != 0 {
		return Segment{}, i, &Error{i, "unclosed '#('"}
	}
	q, err := parseCond(text[i+2:j-1], i+2)
	if err != nil {
		return Segment{}, i, err
	}
	if j < len(text) && text[j] == '#' {
		q.All = true
		j++
	}
	return Segment{Kind: SegQuery, Index: -1, Query: q}, j, nil
}

var ops = []string{"==", "!=", "<=", ">=", "!%", "<", ">", "%", "="}

func parseCond(s string, base int) (*Query, error) {
	if strings.Contains(s, "#(") {
		return nil, &Error{base, "nested queries are not supported"}
	}
	// Split at the first operator outside the path (paths may contain escaped characters).
	opAt, op := -1, ""
	for k := 0; k < len(s) && opAt < 0; k++ {
		if s[k] == '\\' {
			k++
			continue
		}
		if s[k] == '"' {
			break
		}
		for _, o := range ops {
			if strings.HasPrefix(s[k:], o) {
				opAt, op = k, o
				break
			}
		}
	}
	q := &Query{}
	left := s
	if opAt >= 0 {
		left = s[:opAt]
		if op == "=" {
			op = "=="
			opAt-- // '=' is one byte; adjust so opAt+len(op) lands after it
		}
		q.Op = op
		litText := strings.TrimSpace(s[opAt+len(op):])
		lit, err := parseLiteral(litText)
		if err != nil {
			return nil, &Error{base + opAt, err.Error()}
		}
		q.Lit = lit
	}
	left = strings.TrimSpace(left)
	if left != "" {
		for _, part := range splitPath(left) {
			if part == "" {
				return nil, &Error{base, "empty key in query path"}
			}
			q.Path = append(q.Path, part)
		}
	} else if q.Op == "" {
		return nil, &Error{base, "empty query"}
	}
	return q, nil
}

func splitPath(s string) []string {
	var parts []string
	var b strings.Builder
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '\\':
			if k+1 < len(s) {
				k++
				b.WriteByte(s[k])
			}
		case '.':
			parts = append(parts, b.String())
			b.Reset()
		default:
			b.WriteByte(s[k])
		}
	}
	return append(parts, b.String())
}

func parseLiteral(s string) (Literal, error) {
	switch {
	case s == "":
		return Literal{}, fmt.Errorf("missing value after operator")
	case s == "true":
		return Literal{Kind: LitTrue}, nil
	case s == "false":
		return Literal{Kind: LitFalse}, nil
	case s == "null":
		return Literal{Kind: LitNull}, nil
	case s[0] == '"':
		v, err := strconv.Unquote(s)
		if err != nil {
			return Literal{}, fmt.Errorf("bad string literal")
		}
		return Literal{Kind: LitString, Str: v}, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return Literal{}, fmt.Errorf("value must be a quoted string, a number, true, false or null")
	}
	return Literal{Kind: LitNumber, Num: f}, nil
}
